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

/** The keys of the steps' answers, in the order of the journey. */
export const CHIAVI_PASSI = [
  "azienda",
  "unitaProduttiva",
  "periodo",
  "lavoratori",
  "relazioneTecnica",
  "informativa",
  "pagamento",
  "allegati",
] as const;

export type ChiavePasso = (typeof CHIAVI_PASSI)[number];

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

export const PASSI = [
  passo({
    slug: "azienda",
    chiave: "azienda",
    titolo: "Dati dell'azienda",
    versione: 1,
    risposte: RisposteAziendaSchema,
    dipendeDa: [],
    riepilogo: righeAzienda,
  }),
  passo({
    slug: "unita-produttiva",
    chiave: "unitaProduttiva",
    titolo: "Unità produttiva",
    versione: 1,
    risposte: RisposteUnitaProduttivaSchema,
    dipendeDa: [],
    riepilogo: righeUnitaProduttiva,
  }),
  passo({
    slug: "periodo",
    chiave: "periodo",
    titolo: "Periodo e causale",
    versione: 1,
    risposte: RispostePeriodoSchema,
    dipendeDa: ["unitaProduttiva"],
    riepilogo: righePeriodo,
  }),
  passo({
    slug: "lavoratori",
    chiave: "lavoratori",
    titolo: "Lavoratori beneficiari",
    versione: 1,
    risposte: RisposteLavoratoriSchema,
    dipendeDa: ["unitaProduttiva", "periodo"],
    riepilogo: righeLavoratori,
  }),
  passo({
    slug: "relazione-tecnica",
    chiave: "relazioneTecnica",
    titolo: "Relazione tecnica",
    versione: 1,
    risposte: RisposteRelazioneSchema,
    dipendeDa: ["periodo"],
    riepilogo: righeRelazione,
  }),
  passo({
    slug: "informativa",
    chiave: "informativa",
    titolo: "Informativa sindacale",
    versione: 1,
    risposte: RisposteInformativaSchema,
    dipendeDa: ["unitaProduttiva", "periodo"],
    riepilogo: righeInformativa,
  }),
  passo({
    slug: "pagamento",
    chiave: "pagamento",
    titolo: "Modalità di pagamento",
    versione: 1,
    risposte: RispostePagamentoSchema,
    dipendeDa: [],
    riepilogo: righePagamento,
  }),
  passo({
    slug: "allegati",
    chiave: "allegati",
    titolo: "Allegati",
    versione: 1,
    risposte: RisposteAllegatiSchema,
    dipendeDa: ["periodo"],
    riepilogo: righeAllegati,
  }),
] as const;

export type Passo = (typeof PASSI)[number];
export type SlugPasso = Passo["slug"];

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

/**
 * Reads the stored document into typed answers. An answer that does not match its step's schema (a shape no
 * version knows) is read as started and not confirmed, so the user is asked the step again rather than shown
 * something wrong; nothing is deleted from the database.
 */
export function leggiRisposte(documento: unknown): RisposteDomanda {
  const doc = (documento && typeof documento === "object" ? documento : {}) as Record<string, unknown>;
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

/** The answers of one step, validated against its schema before they are written. */
export function validaRisposta<C extends ChiavePasso>(chiave: C, valore: unknown): RispostaPasso<C> {
  return passoDaChiave(chiave).risposte.parse(valore) as RispostaPasso<C>;
}

export type StatoPasso = "da_completare" | "in_corso" | "completato" | "con_avvisi";

export const ETICHETTE_STATO_PASSO: Record<StatoPasso, string> = {
  da_completare: "Da completare",
  in_corso: "In corso",
  completato: "Completato",
  con_avvisi: "Con avvisi",
};

export function passoDaSlug(slug: string): Passo | undefined {
  return PASSI.find((p) => p.slug === slug);
}

export function passoDaChiave<C extends ChiavePasso>(chiave: C): Extract<Passo, { chiave: C }> {
  return PASSI.find((p) => p.chiave === chiave) as Extract<Passo, { chiave: C }>;
}

/** The pages the step indicator counts ("Passo 3 di 10"): the steps, then the summary, then the sending page. */
export const PAGINE_PERCORSO = [...PASSI.map((p) => p.slug), "riepilogo", "invio"] as const;
export type PaginaPercorso = SlugPasso | "riepilogo" | "invio";

/** Where a page stands in the journey, for the step indicator. */
export function posizioneNelPercorso(pagina: PaginaPercorso): { numero: number; totale: number } {
  return { numero: (PAGINE_PERCORSO as readonly string[]).indexOf(pagina) + 1, totale: PAGINE_PERCORSO.length };
}

/** Where a valid step leads: the next step, or the summary after the last one. */
export function percorsoDopo(slug: SlugPasso): SlugPasso | "riepilogo" {
  const i = PASSI.findIndex((p) => p.slug === slug);
  return PASSI[i + 1]?.slug ?? "riepilogo";
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
