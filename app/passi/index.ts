// The steps of a domanda, each declared once: slug (its URL), key of its answers, title, the zod schema and version
// of its stored answers, the steps it depends on, and the summary rows it shows under its form's labels.
// Navigation, the guard, the task list, the summary, the receipt (page and PDF) and the manual all read this list;
// the service that saves each step is bound to it in app/services/passi.server.ts. Plain module (no I/O).
import type { z } from "zod";
import type { RigaRiepilogo } from "./righe";
import { RisposteAllegatiSchema, righeAllegati } from "./schemi/allegati";
import { RisposteAziendaSchema, righeAzienda } from "./schemi/azienda";
import { RisposteInformativaSchema, righeInformativa } from "./schemi/informativa";
import { RisposteLavoratoriSchema, righeLavoratori } from "./schemi/lavoratori";
import { RispostePagamentoSchema, righePagamento } from "./schemi/pagamento";
import { RispostePeriodoSchema, righePeriodo } from "./schemi/periodo";
import { RisposteRelazioneSchema, righeRelazione } from "./schemi/relazione-tecnica";
import { RisposteUnitaProduttivaSchema, righeUnitaProduttiva } from "./schemi/unita-produttiva";

export type { RigaRiepilogo } from "./righe";
import { PERCORSO, type ChiavePasso, type SlugPasso, type StatoPasso } from "./percorso";
export * from "./percorso";

interface DefinizionePasso<S extends string, C extends ChiavePasso, T> {
  slug: S;
  chiave: C;
  titolo: string;
  /** Version of the stored answers' shape; a new shape adds a version and a conversion, never edits the old one. */
  versione: 1;
  risposte: z.ZodType<T, z.ZodTypeDef, unknown>;
  /** Steps whose answers this one reads: changing them may send the user back here. */
  dipendeDa: readonly ChiavePasso[];
  /** Rows of the summary and the receipt, labelled as in the form. */
  riepilogo: (risposte: T) => RigaRiepilogo[];
}

function passo<S extends string, C extends ChiavePasso, T>(d: DefinizionePasso<S, C, T>): DefinizionePasso<S, C, T> {
  return d;
}

// Alike the entries of each other (duplicates): each step is declared in full (its place in PERCORSO, what it depends
// on, its summary rows) so that the list reads as the order of the form
export const PASSI = [
  passo({
    ...PERCORSO[0],
    versione: 1,
    risposte: RisposteAziendaSchema,
    dipendeDa: [],
    riepilogo: righeAzienda,
  }),
  passo({
    ...PERCORSO[1],
    versione: 1,
    risposte: RisposteUnitaProduttivaSchema,
    dipendeDa: [],
    riepilogo: righeUnitaProduttiva,
  }),
  passo({
    ...PERCORSO[2],
    versione: 1,
    risposte: RispostePeriodoSchema,
    dipendeDa: ["unitaProduttiva"],
    riepilogo: righePeriodo,
  }),
  passo({
    ...PERCORSO[3],
    versione: 1,
    risposte: RisposteLavoratoriSchema,
    dipendeDa: ["unitaProduttiva", "periodo"],
    riepilogo: righeLavoratori,
  }),
  passo({
    ...PERCORSO[4],
    versione: 1,
    risposte: RisposteRelazioneSchema,
    dipendeDa: ["periodo"],
    riepilogo: righeRelazione,
  }),
  passo({
    ...PERCORSO[5],
    versione: 1,
    risposte: RisposteInformativaSchema,
    dipendeDa: ["unitaProduttiva", "periodo"],
    riepilogo: righeInformativa,
  }),
  passo({
    ...PERCORSO[6],
    versione: 1,
    risposte: RispostePagamentoSchema,
    dipendeDa: [],
    riepilogo: righePagamento,
  }),
  passo({
    ...PERCORSO[7],
    versione: 1,
    risposte: RisposteAllegatiSchema,
    dipendeDa: ["periodo"],
    riepilogo: righeAllegati,
  }),
] as const;

export type Passo = (typeof PASSI)[number];

/** The typed answers of one step. */
export type RispostaPasso<C extends ChiavePasso> = z.infer<Extract<Passo, { chiave: C }>["risposte"]>;

/**
 * A domanda's answers, parsed once when it is loaded. A key that is present but null is a step started and not
 * confirmed (e.g. workers selected on some pages): "in corso".
 */
export type RisposteDomanda = { -readonly [C in ChiavePasso]?: RispostaPasso<C> | null };

/** Per step, the version of the shape its stored answers were written with. */
export type VersioniRisposte = Partial<Record<ChiavePasso, number>>;

/** The jsonb document of a domanda's answers as stored (db/schema.ts types the column with it). */
export type DocumentoRisposte = Partial<Record<ChiavePasso, unknown>> & { versioni?: VersioniRisposte };

// Every request about a domanda reads its stored answers, and the submission's checks read the periodo of each other
// domanda of the unit: the zod parse of the same documents, again and again, was a visible share of the submission's
// CPU. A parse is remembered by the document's JSON text (not by id or version: whoever wrote the row and however, a
// different document is a different key, so a stale parse cannot be served), and each call gets its own copy from the
// remembered JSON of the result (the answers are plain JSON data: no step schema transforms them), so a caller that
// changes what it got changes nothing for the others. Bounded: emptied when full (a few MB at most).
const MAX_LETTURE = 1000;
const letture = new Map<string, string>();

function letturaRicordata<T>(chiave: string, leggi: () => T): T {
  let testo = letture.get(chiave);
  if (testo === undefined) {
    testo = JSON.stringify(leggi());
    if (letture.size >= MAX_LETTURE) letture.clear();
    letture.set(chiave, testo);
  }
  return JSON.parse(testo) as T;
}

/**
 * Reads the stored document into typed answers. An answer that does not match its step's schema (a shape no
 * version knows) is read as started and not confirmed, so the user is asked the step again rather than shown
 * something wrong; nothing is deleted from the database.
 */
export function leggiRisposte(documento: unknown): RisposteDomanda {
  const doc = (documento && typeof documento === "object" ? documento : {}) as Record<string, unknown>;
  return letturaRicordata(`*:${JSON.stringify(doc)}`, () => analizzaRisposte(doc));
}

function analizzaRisposte(doc: Record<string, unknown>): RisposteDomanda {
  const risposte: Record<string, unknown> = {};
  for (const p of PASSI) {
    if (!(p.chiave in doc)) continue;
    const grezza = doc[p.chiave];
    if (grezza == null) {
      risposte[p.chiave] = null;
      continue;
    }
    const letta = p.risposte.safeParse(grezza);
    risposte[p.chiave] = letta.success ? letta.data : null;
  }
  return risposte as RisposteDomanda;
}

/**
 * One step's stored answer read as leggiRisposte reads it (null when missing, null or not matching the step's
 * schema), for a caller that needs only that step of many domande: parsing every step of each costs the rest.
 */
export function leggiRisposta<C extends ChiavePasso>(chiave: C, grezza: unknown): RisposteDomanda[C] {
  if (grezza == null) return null;
  return letturaRicordata(`${chiave}:${JSON.stringify(grezza)}`, () => {
    const letta = passoDaChiave(chiave).risposte.safeParse(grezza);
    return (letta.success ? letta.data : null) as RisposteDomanda[C];
  });
}

/** The answers of one step, validated against its schema before they are written. */
export function validaRisposta<C extends ChiavePasso>(chiave: C, valore: unknown): RispostaPasso<C> {
  return passoDaChiave(chiave).risposte.parse(valore) as RispostaPasso<C>;
}

export function passoDaSlug(slug: string): Passo | undefined {
  return PASSI.find((p) => p.slug === slug);
}

export function passoDaChiave<C extends ChiavePasso>(chiave: C): Extract<Passo, { chiave: C }> {
  return PASSI.find((p) => p.chiave === chiave) as Extract<Passo, { chiave: C }>;
}

/** The first step whose answers are missing, or null when all are there (the summary may be shown). */
export function primoPassoIncompleto(risposte: RisposteDomanda): Passo | null {
  return PASSI.find((p) => risposte[p.chiave] == null) ?? null;
}

/** May this step be visited? Only if every earlier step is complete (deep links go to the first incomplete one). */
export function passoVisitabile(risposte: RisposteDomanda, slug: SlugPasso): boolean {
  const indice = PASSI.findIndex((p) => p.slug === slug);
  return PASSI.slice(0, indice).every((p) => risposte[p.chiave] != null);
}

/** The state of each step for the task list. */
export function statiPassi(
  risposte: RisposteDomanda,
  passiConAvvisi: ReadonlySet<ChiavePasso>,
): Array<{ slug: SlugPasso; chiave: ChiavePasso; titolo: string; stato: StatoPasso }> {
  return PASSI.map((p) => {
    let stato: StatoPasso = "da_completare";
    if (risposte[p.chiave] != null) stato = passiConAvvisi.has(p.chiave) ? "con_avvisi" : "completato";
    else if (p.chiave in risposte) stato = "in_corso";
    return { slug: p.slug, chiave: p.chiave, titolo: p.titolo, stato };
  });
}

export interface SezioneRiepilogo {
  slug: SlugPasso;
  titolo: string;
  righe: RigaRiepilogo[];
}

/** The summary of every step, in order, from the typed answers (a step not answered says so). */
export function sezioniRiepilogo(risposte: RisposteDomanda): SezioneRiepilogo[] {
  return PASSI.map((p) => {
    const r = risposte[p.chiave];
    const righe = r == null ? [{ etichetta: p.titolo, valore: ["Non compilato"] }] : (p.riepilogo as (x: unknown) => RigaRiepilogo[])(r);
    return { slug: p.slug, titolo: p.titolo, righe };
  });
}
