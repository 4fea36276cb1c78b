// The operators' queue (/scrivania): the open cases the assignment rule gives this actor (ambitoSedi, the one place of
// the rule), grouped by urgency of the decision time limit (overdue, due within 15 days, new, in progress), filtered
// and sorted from a GET form, keyset-paginated: each group is a range of the partial indexes domande_coda_* (per sede or
// pooled), so a page reads about PER_PAGINA index entries whatever the number of open cases (100,000 with --scala).
import { and, asc, desc, eq, gt, gte, ilike, inArray, isNull, lt, lte, or, sql, type SQL } from "drizzle-orm";
import { aziende, domande, utenti, type StatoDomanda } from "#db/schema";
import { db } from "#db/connection";
import { CAUSALI, trovaCausale } from "~/domain/causali";
import { addDays, diffDays, formatDataItaliana, oggiRoma, type DataISO } from "~/domain/date";
import {
  ETICHETTE_GRUPPO_CODA,
  GIORNI_PREAVVISO_DECISIONE,
  termineCorrente,
  type GruppoCoda,
  type UrgenzaTermine,
} from "~/domain/istruttoria/termine-decisione";
import { CLASSI_STATO, ETICHETTE_STATO } from "~/domain/stati";
import { nomePrestazione, type Fondo, type Prestazione } from "~/domain/tipi";
import { ambitoSedi, type Attore } from "../autorizzazione.server";
import { oggi as oggiPiattaforma } from "../orologio.server";

export const PER_PAGINA = 25;

export const STATI_APERTI = ["inviata", "in_istruttoria", "sospesa"] as const satisfies readonly StatoDomanda[];
type StatoAperto = (typeof STATI_APERTI)[number];

const PRESTAZIONI: readonly Prestazione[] = ["CIGO", "AIS_FIS", "AIS_FONDO", "CISOA"];
export const GRUPPI: readonly GruppoCoda[] = ["scaduti", "in_scadenza", "nuovi", "in_lavorazione"];
export const ORDINI = ["scadenza", "invio_vecchie", "invio_recenti"] as const;
export type OrdineCoda = (typeof ORDINI)[number];

export interface FiltriCoda {
  prestazione: Prestazione | null;
  causale: string | null;
  stato: StatoAperto | null;
  assegnazione: "mie" | "libere" | null;
  gruppo: GruppoCoda | null;
  avvisi: boolean;
  cerca: string;
  ordine: OrdineCoda;
  /** Keyset cursor: the last row of the previous page ("gruppo.chiave.id"). */
  dopo: string | null;
}

const CURSORE = /^([0-3])\.([0-9TZ:.+-]{10,32})\.([1-9][0-9]{0,9})$/;

/** Reads the GET form; anything unknown is ignored, so a hand-edited URL never errors (nor changes anything). */
export function leggiFiltriCoda(params: URLSearchParams): FiltriCoda {
  const v = (n: string) => params.get(n) ?? "";
  const uno = <T extends string>(valore: string, ammessi: readonly T[]): T | null =>
    (ammessi as readonly string[]).includes(valore) ? (valore as T) : null;
  const dopo = v("dopo");
  return {
    prestazione: uno(v("prestazione"), PRESTAZIONI),
    causale: trovaCausale(v("causale")) ? v("causale") : null,
    stato: uno(v("stato"), STATI_APERTI),
    assegnazione: uno(v("assegnazione"), ["mie", "libere"] as const),
    gruppo: uno(v("gruppo"), GRUPPI),
    avvisi: v("avvisi") === "si",
    cerca: v("cerca").replace(/[\u0000-\u001f\u007f]/g, "").trim().slice(0, 64),
    ordine: uno(v("ordine"), ORDINI) ?? "scadenza",
    dopo: CURSORE.test(dopo) ? dopo : null,
  };
}

/** The URL of a view of the queue (the GET form's fields, the cursor last). */
export function urlCoda(filtri: FiltriCoda, dopo: string | null = null): string {
  const p = new URLSearchParams();
  if (filtri.cerca) p.set("cerca", filtri.cerca);
  if (filtri.prestazione) p.set("prestazione", filtri.prestazione);
  if (filtri.causale) p.set("causale", filtri.causale);
  if (filtri.stato) p.set("stato", filtri.stato);
  if (filtri.assegnazione) p.set("assegnazione", filtri.assegnazione);
  if (filtri.gruppo) p.set("gruppo", filtri.gruppo);
  if (filtri.avvisi) p.set("avvisi", "si");
  if (filtri.ordine !== "scadenza") p.set("ordine", filtri.ordine);
  if (dopo) p.set("dopo", dopo);
  const q = p.toString();
  return q ? `/scrivania?${q}` : "/scrivania";
}

export interface RigaCoda {
  id: number;
  protocollo: string;
  azienda: string;
  codiceFiscaleAzienda: string;
  prestazione: string;
  causale: string;
  periodo: string;
  stato: string;
  classeStato: string;
  gruppo: GruppoCoda;
  giorniDallInvio: number;
  termine: { testo: string; urgenza: UrgenzaTermine; sospeso: boolean };
  operatore: string | null;
  mia: boolean;
  avvisi: number;
}

function escapeLike(testo: string): string {
  return testo.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The company search: protocol, codice fiscale or matricola exactly, else part of the company name. */
function condizioneCerca(cerca: string): SQL | undefined {
  if (!cerca) return undefined;
  const t = cerca.toUpperCase();
  if (/^INPS\.OMNIA\.[0-9]{4}\.[0-9]{7}$/.test(t)) return eq(domande.protocollo, t);
  const aziendeCon = (c: SQL) => inArray(domande.aziendaId, db().select({ id: aziende.id }).from(aziende).where(c));
  if (/^[0-9]{10}$/.test(t)) return aziendeCon(eq(aziende.matricola, t));
  if (/^([0-9]{11}|[A-Z0-9]{16})$/.test(t)) return aziendeCon(eq(aziende.codiceFiscale, t));
  return aziendeCon(ilike(aziende.ragioneSociale, `%${escapeLike(cerca)}%`));
}

function condizioneGruppo(gruppo: GruppoCoda, oggi: DataISO): SQL {
  const limite = addDays(oggi, GIORNI_PREAVVISO_DECISIONE);
  const lontano = or(isNull(domande.scadenzaDecisione), gt(domande.scadenzaDecisione, limite))!;
  switch (gruppo) {
    case "scaduti":
      return lt(domande.scadenzaDecisione, oggi);
    case "in_scadenza":
      return and(gte(domande.scadenzaDecisione, oggi), lte(domande.scadenzaDecisione, limite))!;
    case "nuovi":
      return and(lontano, eq(domande.stato, "inviata"))!;
    case "in_lavorazione":
      return and(lontano, inArray(domande.stato, ["in_istruttoria", "sospesa"]))!;
  }
}

function chiaveOrdine(ordine: OrdineCoda) {
  return ordine === "scadenza" ? domande.scadenzaDecisione : domande.inviataIl;
}

function dopoCursore(ordine: OrdineCoda, chiave: string, id: number): SQL {
  if (ordine === "scadenza") return sql`(${domande.scadenzaDecisione}, ${domande.id}) > (${chiave}::date, ${id})`;
  if (ordine === "invio_vecchie") return sql`(${domande.inviataIl}, ${domande.id}) > (${chiave}::timestamptz, ${id})`;
  return sql`(${domande.inviataIl}, ${domande.id}) < (${chiave}::timestamptz, ${id})`;
}

function testoTermine(giorni: number, sospeso: boolean): string {
  const g = Math.abs(giorni) === 1 ? "1 giorno" : `${Math.abs(giorni)} giorni`;
  if (sospeso) return `Sospeso (restano ${g})`;
  if (giorni < 0) return `Scaduto da ${g}`;
  if (giorni === 0) return "Scade oggi";
  return `Restano ${g}`;
}

export interface PaginaCoda {
  righe: RigaCoda[];
  /** Cases per urgency group with the filters applied (the group filter aside). */
  conteggi: Record<GruppoCoda, number>;
  prossima: string | null;
  primaPagina: boolean;
  opzioni: {
    prestazioni: Array<{ valore: string; etichetta: string }>;
    causali: Array<{ valore: string; etichetta: string }>;
    stati: Array<{ valore: string; etichetta: string }>;
  };
  etichetteGruppi: Record<GruppoCoda, string>;
}

/** The page of the queue for `attore`, or null if the actor has no queue (the company's side). */
export async function codaIstruttoria(attore: Attore, filtri: FiltriCoda, oggi: DataISO = oggiPiattaforma()): Promise<PaginaCoda | null> {
  const ambito = await ambitoSedi(attore);
  if (!ambito) return null;
  const io = "utente" in attore ? attore.utente.id : null;
  const base = and(
    inArray(domande.stato, [...(filtri.stato ? [filtri.stato] : STATI_APERTI)]),
    ambito.tutte ? undefined : ambito.sedi.length ? inArray(domande.sedeCodice, ambito.sedi) : sql`false`,
    filtri.prestazione ? eq(domande.prestazione, filtri.prestazione) : undefined,
    filtri.causale ? eq(domande.causale, filtri.causale) : undefined,
    filtri.assegnazione === "mie" ? (io ? eq(domande.operatoreId, io) : sql`false`) : undefined,
    filtri.assegnazione === "libere" ? isNull(domande.operatoreId) : undefined,
    filtri.avvisi ? gt(domande.avvisiInvio, 0) : undefined,
    condizioneCerca(filtri.cerca),
  );
  const limite = addDays(oggi, GIORNI_PREAVVISO_DECISIONE);
  const conteggio = db()
    .select({
      scaduti: sql<number>`count(*) filter (where ${domande.scadenzaDecisione} < ${oggi}::date)`.mapWith(Number),
      in_scadenza: sql<number>`count(*) filter (where ${domande.scadenzaDecisione} between ${oggi}::date and ${limite}::date)`.mapWith(Number),
      nuovi: sql<number>`count(*) filter (where (${domande.scadenzaDecisione} is null or ${domande.scadenzaDecisione} > ${limite}::date) and ${domande.stato} = 'inviata')`.mapWith(Number),
      in_lavorazione: sql<number>`count(*) filter (where (${domande.scadenzaDecisione} is null or ${domande.scadenzaDecisione} > ${limite}::date) and ${domande.stato} <> 'inviata')`.mapWith(Number),
    })
    .from(domande)
    .where(base);

  const cursore = filtri.dopo ? CURSORE.exec(filtri.dopo) : null;
  const daGruppo = cursore ? Number(cursore[1]) : 0;
  const gruppi = GRUPPI.map((g, i) => ({ g, i })).filter(({ g, i }) => i >= daGruppo && (!filtri.gruppo || filtri.gruppo === g));
  const chiave = chiaveOrdine(filtri.ordine);
  const ordinamento = filtri.ordine === "invio_recenti" ? [desc(chiave), desc(domande.id)] : [asc(chiave), asc(domande.id)];
  const trovate: Array<{ gruppo: GruppoCoda; indice: number; r: Awaited<ReturnType<typeof paginaGruppo>>[number] }> = [];

  function paginaGruppo(gruppo: GruppoCoda, indice: number, quante: number) {
    return db()
      .select({
        id: domande.id,
        protocollo: domande.protocollo,
        prestazione: domande.prestazione,
        fondoCodice: domande.fondoCodice,
        causale: domande.causale,
        dataInizio: domande.dataInizio,
        dataFine: domande.dataFine,
        stato: domande.stato,
        inviataIl: domande.inviataIl,
        scadenza: domande.scadenzaDecisione,
        sospesoDal: domande.termineSospesoDal,
        avvisi: domande.avvisiInvio,
        operatoreId: domande.operatoreId,
        operatoreNome: utenti.nome,
        // Alike the columns of elenco-domande.server.ts and interlocuzione.server.ts (duplicates): each list selects its
        // own columns of the same tables
        operatoreCognome: utenti.cognome,
        azienda: aziende.ragioneSociale,
        codiceFiscaleAzienda: aziende.codiceFiscale,
      })
      .from(domande)
      .innerJoin(aziende, eq(aziende.id, domande.aziendaId))
      .leftJoin(utenti, eq(utenti.id, domande.operatoreId))
      .where(
        and(
          base,
          condizioneGruppo(gruppo, oggi),
          cursore && indice === daGruppo ? dopoCursore(filtri.ordine, cursore[2], Number(cursore[3])) : undefined,
        ),
      )
      .orderBy(...ordinamento)
      .limit(quante);
  }

  const conteggiPromessa = conteggio.execute();
  // Awaited below; if a page query fails first (PostgreSQL gone) this one must not be left rejected with no handler:
  // Node would end the process (found by `npm run bench:cluster -- --guasto=postgres`).
  conteggiPromessa.catch(() => {});
  for (const { g, i } of gruppi) {
    const mancano = PER_PAGINA + 1 - trovate.length;
    if (mancano <= 0) break;
    for (const r of await paginaGruppo(g, i, mancano)) trovate.push({ gruppo: g, indice: i, r });
  }
  const [conteggi] = await conteggiPromessa;
  const pagina = trovate.slice(0, PER_PAGINA);
  const ultima = pagina.at(-1);
  const prossima =
    trovate.length > PER_PAGINA && ultima
      ? `${ultima.indice}.${filtri.ordine === "scadenza" ? ultima.r.scadenza : ultima.r.inviataIl!.toISOString()}.${ultima.r.id}`
      : null;

  const righe: RigaCoda[] = pagina.map(({ gruppo, r }) => {
    const inviata = oggiRoma(r.inviataIl!);
    const t = r.scadenza ? termineCorrente({ scadenza: r.scadenza, sospesoDal: r.sospesoDal, oggi }) : null;
    return {
      id: r.id,
      protocollo: r.protocollo ?? `n. ${r.id}`,
      azienda: r.azienda,
      codiceFiscaleAzienda: r.codiceFiscaleAzienda,
      prestazione: nomePrestazione(r.prestazione, (r.fondoCodice?.toUpperCase() as Fondo) ?? null),
      causale: (r.causale && trovaCausale(r.causale)?.etichetta) ?? "Non indicata",
      periodo: r.dataInizio && r.dataFine ? `dal ${formatDataItaliana(r.dataInizio)} al ${formatDataItaliana(r.dataFine)}` : "Periodo non indicato",
      stato: ETICHETTE_STATO[r.stato],
      classeStato: CLASSI_STATO[r.stato],
      gruppo,
      giorniDallInvio: diffDays(oggi, inviata),
      termine: t
        ? { testo: testoTermine(t.giorniRimanenti, t.sospeso), urgenza: t.urgenza, sospeso: t.sospeso }
        : { testo: "Termine non disponibile", urgenza: "scaduto", sospeso: false },
      operatore: r.operatoreId ? `${r.operatoreNome} ${r.operatoreCognome}` : null,
      mia: io !== null && r.operatoreId === io,
      avvisi: r.avvisi,
    };
  });
  return {
    righe,
    conteggi: conteggi ?? { scaduti: 0, in_scadenza: 0, nuovi: 0, in_lavorazione: 0 },
    prossima,
    primaPagina: !filtri.dopo,
    opzioni: {
      prestazioni: PRESTAZIONI.map((p) => ({ valore: p, etichetta: nomePrestazione(p) })),
      causali: CAUSALI.map((c) => ({ valore: c.codice, etichetta: c.etichetta })),
      stati: STATI_APERTI.map((s) => ({ valore: s, etichetta: ETICHETTE_STATO[s] })),
    },
    etichetteGruppi: ETICHETTE_GRUPPO_CODA,
  };
}

