// The workers of the chosen unit from UniEmens with the domain's eligibility verdict, the selection kept in
// domanda_lavoratori (page by page, without JS) and the uploaded list (CSV "CF;qualifica") checked row by row.
import { parse } from "csv-parse/sync";
import { and, asc, eq, gte, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { domandaLavoratori, giornateAgricole, lavoratori, rapportiLavoro, versioneRegistri } from "#db/schema";
import type { Db } from "#db/client";
import { db, preparata, preparataSu } from "#db/connection";
import { anno, type DataISO } from "~/domain/date";
import { gravitaMassima, type Esito } from "~/domain/esito";
import { verificaLavoratore, type Lavoratore } from "~/domain/eleggibilita-lavoratori";
import { settoreIndustriale } from "~/domain/inquadramento";
import { normalizzaOmocodia, validaCodiceFiscalePersona } from "~/domain/validatori/codice-fiscale";
import { normalizzaCodice } from "~/domain/validatori/normalizza";
import {
  ELENCO_MAX_BYTE,
  ELENCO_MAX_RIGHE,
  LAVORATORI_PER_PAGINA,
  QUALIFICHE_ELENCO,
  messaggiLavoratori as m,
  type DatiLavoratori,
  type QualificaElenco,
  type RigaScartata,
} from "~/passi/schemi/lavoratori";
import type { DatiPeriodo } from "~/passi/schemi/periodo";
import type { Contesto } from "./accesso.server";
import { dataPresentazione, type Lettore } from "./controlli/periodo.server";
import { adesso as adessoPiattaforma, oggi as oggiPiattaforma } from "./orologio.server";
import { salvaPasso, type DomandaCaricata, type EsitoSalvataggio, type Transazione } from "./domande.server";

export interface LavoratoreValutato {
  lavoratoreId: number;
  cf: string;
  nominativo: string;
  qualifica: QualificaElenco;
  dataAssunzione: DataISO;
  orarioSettimanale: number;
  ammissibile: boolean;
  motivo: string;
  esiti: Esito[];
}

function daRegistro(r: { qualifica: QualificaElenco; dataAssunzione: DataISO; giornate: number | null; cf: string; nominativo: string }): Lavoratore {
  // The registry has OTI/OTD as qualifiche; the domain speaks of agricultural workers with a fixed or open-ended contract.
  const agricolo = r.qualifica === "oti" || r.qualifica === "otd";
  return {
    cf: r.cf,
    nominativo: r.nominativo,
    qualifica: agricolo ? "operaio" : (r.qualifica as Exclude<QualificaElenco, "oti" | "otd">),
    dataAssunzioneUp: r.dataAssunzione,
    ...(agricolo ? { contratto: r.qualifica === "oti" ? "indeterminato" : "determinato" } : {}),
    ...(r.giornate !== null ? { giornateLavorateAnno: r.giornate } : {}),
  };
}

/** Everything the verdicts depend on besides the registry data: equal inputs give equal verdicts. */
interface InputValutazione {
  unitaProduttivaId: number;
  prestazione: DomandaCaricata["domanda"]["prestazione"];
  periodo: DatiPeriodo;
  settoreIndustriale: boolean;
  presentazione: DataISO;
}

/**
 * Evaluations already computed, by their inputs and the registry version (versione_registri, advanced by triggers on
 * every change of lavoratori, rapporti_lavoro and giornate_agricole). A page view of the Lavoratori step, a page
 * change, a search or a selection reuses them instead of re-checking hundreds of workers; the verdicts still come
 * only from verificaLavoratore. Least recently used entries are dropped beyond VALUTAZIONI_MAX.
 */
const VALUTAZIONI_MAX = 64;
const valutazioni = new Map<string, Promise<readonly LavoratoreValutato[]>>();

async function versioneRegistriCorrente(): Promise<number> {
  const [r] = await preparata("versione_registri", (d) =>
    d.select({ versione: versioneRegistri.versione }).from(versioneRegistri).where(eq(versioneRegistri.id, 1)).prepare("versione_registri"),
  ).execute();
  return r?.versione ?? 0;
}

/** The inputs of a domanda's evaluation, or null before the periodo and unit steps. */
function inputValutazione(caricata: DomandaCaricata, adesso: Date): InputValutazione | null {
  const { domanda, azienda } = caricata;
  const periodo = caricata.risposte.periodo;
  if (!periodo || domanda.unitaProduttivaId === null) return null;
  return {
    unitaProduttivaId: domanda.unitaProduttivaId,
    prestazione: domanda.prestazione,
    periodo,
    settoreIndustriale: settoreIndustriale(azienda.csc),
    presentazione: dataPresentazione(caricata, adesso),
  };
}

/** Every worker employed at the domanda's unit during the period, with the verdict; sorted by name. Read-only. */
export async function lavoratoriValutati(caricata: DomandaCaricata, adesso = adessoPiattaforma()): Promise<readonly LavoratoreValutato[]> {
  const input = inputValutazione(caricata, adesso);
  if (!input) return [];
  const { periodo } = input;
  const versione = await versioneRegistriCorrente();
  const chiave = JSON.stringify([
    versione,
    input.unitaProduttivaId,
    input.prestazione,
    periodo.dataInizio,
    periodo.dataFine,
    periodo.eone,
    input.settoreIndustriale,
    input.presentazione,
  ]);
  let valutati = valutazioni.get(chiave);
  if (valutati) {
    valutazioni.delete(chiave); // most recently used goes last
  } else {
    valutati = valuta(input).then((l) => Object.freeze(l));
    valutati.catch(() => valutazioni.delete(chiave));
  }
  valutazioni.set(chiave, valutati);
  if (valutazioni.size > VALUTAZIONI_MAX) valutazioni.delete(valutazioni.keys().next().value!);
  return valutati;
}

/**
 * The workers selected for a domanda and the verdicts of those employed at its unit in the period (the others are
 * absent, as in lavoratoriValutati), in one prepared statement: what the checks of a domanda and its submission read.
 * Only the selected are evaluated, with the same rule: the submission of a draft naming 3 workers of a unit of 520
 * evaluates 3, not 520, and reads neither the registries' version nor the unit's other workers. Read by `lettore`: the
 * pool, or the submit transaction, which sends it with its lock statement (app/services/invio.server.ts).
 */
export async function lavoratoriSceltiValutati(
  caricata: DomandaCaricata,
  adesso = adessoPiattaforma(),
  lettore: Lettore = db(),
): Promise<{ scelti: ReadonlySet<string>; valutati: readonly LavoratoreValutato[] }> {
  const input = inputValutazione(caricata, adesso);
  if (!input) return { scelti: new Set((await selezionati(caricata.domanda.id, lettore)).keys()), valutati: [] };
  const righe = await preparataSu(lettore, "rapporti_scelti", queryRapportiScelti).execute({
    domandaId: caricata.domanda.id,
    unitaId: input.unitaProduttivaId,
    inizio: input.periodo.dataInizio,
    fine: input.periodo.dataFine,
    annoGiornate: anno(input.periodo.dataInizio) - 1,
  });
  const scelti = new Set(righe.map((r) => r.scelto));
  const presenti = righe.flatMap((r) =>
    r.lavoratoreId !== null && r.cf !== null && r.qualifica !== null && r.dataAssunzione !== null && r.orario !== null
      ? [{ ...r, lavoratoreId: r.lavoratoreId, cf: r.cf, nome: r.nome ?? "", cognome: r.cognome ?? "", qualifica: r.qualifica, dataAssunzione: r.dataAssunzione, orario: r.orario }]
      : [],
  );
  return { scelti, valutati: valutaRighe(input, presenti) };
}

// The columns both queries read: the worker, the employment and the CISOA days of the year before ("annoGiornate").
const colonneRapporto = {
  lavoratoreId: lavoratori.id,
  cf: lavoratori.codiceFiscale,
  nome: lavoratori.nome,
  cognome: lavoratori.cognome,
  qualifica: rapportiLavoro.qualifica,
  dataAssunzione: rapportiLavoro.dataAssunzione,
  orario: rapportiLavoro.orarioSettimanaleCentesimi,
  // One primary-key lookup per employment (a join made the planner scan the whole year of giornate_agricole).
  giornate: sql<number | null>`(select ${giornateAgricole.giornate} from ${giornateAgricole} where ${giornateAgricole.rapportoId} = ${rapportiLavoro.id} and ${giornateAgricole.anno} = ${sql.placeholder("annoGiornate")})`,
};

/** An employment at the unit ("unitaId") that overlaps the period ("inizio"–"fine"). */
function rapportoNelPeriodo() {
  const p = sql.placeholder;
  return and(
    eq(rapportiLavoro.unitaProduttivaId, p("unitaId")),
    lte(rapportiLavoro.dataAssunzione, p("fine")),
    or(isNull(rapportiLavoro.dataCessazione), gte(rapportiLavoro.dataCessazione, p("inizio"))),
  );
}

/**
 * The selected workers of a domanda ("domandaId") with their employments at the unit in the period, if any (the
 * columns of lavoratori and rapporti_lavoro are null for a selected worker not employed there), sorted by name as in
 * queryRapportiUnita.
 */
function queryRapportiScelti(d: Db) {
  return d
    .select({ scelto: domandaLavoratori.codiceFiscale, ...colonneRapporto })
    .from(domandaLavoratori)
    .leftJoin(lavoratori, eq(lavoratori.codiceFiscale, domandaLavoratori.codiceFiscale))
    .leftJoin(rapportiLavoro, and(eq(rapportiLavoro.lavoratoreId, lavoratori.id), rapportoNelPeriodo()))
    .where(eq(domandaLavoratori.domandaId, sql.placeholder("domandaId")))
    .orderBy(asc(lavoratori.cognome), asc(lavoratori.nome), asc(lavoratori.codiceFiscale))
    .prepare("rapporti_scelti");
}

/** The employments at a unit in a period with their worker, sorted by name. Prepared once per process (preparata). */
function queryRapportiUnita(d: Db) {
  return d
    .select(colonneRapporto)
    .from(rapportiLavoro)
    .innerJoin(lavoratori, eq(lavoratori.id, rapportiLavoro.lavoratoreId))
    .where(rapportoNelPeriodo())
    .orderBy(asc(lavoratori.cognome), asc(lavoratori.nome), asc(lavoratori.codiceFiscale))
    .prepare("rapporti_unita");
}

async function valuta(input: InputValutazione): Promise<LavoratoreValutato[]> {
  const righe = await preparata("rapporti_unita", queryRapportiUnita).execute({
    unitaId: input.unitaProduttivaId,
    inizio: input.periodo.dataInizio,
    fine: input.periodo.dataFine,
    // CISOA: the days worked in the calendar year before the period (INPS checks the reference year).
    annoGiornate: anno(input.periodo.dataInizio) - 1,
  });
  return valutaRighe(input, righe);
}

interface RigaRapporto {
  lavoratoreId: number;
  cf: string;
  nome: string;
  cognome: string;
  qualifica: QualificaElenco;
  dataAssunzione: DataISO;
  orario: number;
  giornate: number | null;
}

/** The verdict of each worker of the employments (sorted by name), one per worker. */
function valutaRighe(input: InputValutazione, righe: readonly RigaRapporto[]): LavoratoreValutato[] {
  const { periodo, presentazione } = input;
  const visti = new Set<string>();
  const out: LavoratoreValutato[] = [];
  for (const r of righe) {
    if (visti.has(r.cf)) continue; // two contracts at the same unit in the period: one worker
    visti.add(r.cf);
    const nominativo = `${r.cognome} ${r.nome}`;
    const esiti = verificaLavoratore({
      lavoratore: daRegistro({ ...r, nominativo }),
      prestazione: input.prestazione,
      eone: periodo.eone,
      settoreIndustriale: input.settoreIndustriale,
      dataPresentazione: presentazione,
      periodo: { inizio: periodo.dataInizio, fine: periodo.dataFine },
    });
    const peggiore = gravitaMassima(esiti);
    const decisivi = esiti.filter((e) => e.gravita === peggiore);
    out.push({
      lavoratoreId: r.lavoratoreId,
      cf: r.cf,
      nominativo,
      qualifica: r.qualifica,
      dataAssunzione: r.dataAssunzione,
      orarioSettimanale: r.orario / 100,
      ammissibile: peggiore !== "bloccante",
      motivo: (decisivi.length > 0 ? decisivi : esiti).map((e) => e.messaggio).join(" "),
      esiti,
    });
  }
  return out;
}

export async function selezionati(domandaId: number, lettore: Lettore = db()): Promise<Map<string, "uniemens" | "elenco">> {
  const righe = await preparataSu(lettore, "lavoratori_selezionati", (d) =>
    d
      .select({ cf: domandaLavoratori.codiceFiscale, origine: domandaLavoratori.origine })
      .from(domandaLavoratori)
      .where(eq(domandaLavoratori.domandaId, sql.placeholder("domandaId")))
      .prepare("lavoratori_selezionati"),
  ).execute({ domandaId });
  return new Map(righe.map((r) => [r.cf, r.origine as "uniemens" | "elenco"]));
}

function filtra(elenco: readonly LavoratoreValutato[], q: string): readonly LavoratoreValutato[] {
  const t = q.trim().toUpperCase();
  if (t === "") return elenco;
  return elenco.filter((l) => l.cf.includes(t) || l.nominativo.toUpperCase().includes(t));
}

export async function paginaLavoratori(caricata: DomandaCaricata, opzioni: { q: string; pagina: number }) {
  const [tutti, scelti] = await Promise.all([lavoratoriValutati(caricata), selezionati(caricata.domanda.id)]);
  const filtrati = filtra(tutti, opzioni.q);
  const pagine = Math.max(1, Math.ceil(filtrati.length / LAVORATORI_PER_PAGINA));
  const pagina = Math.min(Math.max(1, opzioni.pagina), pagine);
  const righe = filtrati.slice((pagina - 1) * LAVORATORI_PER_PAGINA, pagina * LAVORATORI_PER_PAGINA);
  return {
    righe: righe.map((l) => ({ ...l, esiti: undefined, selezionato: scelti.has(l.cf) })),
    pagina,
    pagine,
    totale: tutti.length,
    trovati: filtrati.length,
    ammissibili: tutti.filter((l) => l.ammissibile).length,
    selezionati: tutti.filter((l) => l.ammissibile && scelti.has(l.cf)).length,
    daElenco: [...scelti.values()].includes("elenco"),
  };
}

type Righe = Array<{ cf: string; lavoratoreId: number | null; qualifica: QualificaElenco; origine: "uniemens" | "elenco" }>;

/** Writes the selection inside salvaPasso's transaction; the step goes back to "not confirmed" (null). */
async function scriviSelezione(
  ctx: Contesto,
  caricata: DomandaCaricata,
  versione: number,
  togli: { tutti: true } | { cf: string[] },
  aggiungi: Righe,
): Promise<EsitoSalvataggio> {
  const id = caricata.domanda.id;
  return salvaPasso(ctx, id, versione, { chiave: "lavoratori", valore: null }, async (tx: Transazione) => {
    if ("tutti" in togli) await tx.delete(domandaLavoratori).where(eq(domandaLavoratori.domandaId, id));
    else if (togli.cf.length > 0) {
      await tx.delete(domandaLavoratori).where(and(eq(domandaLavoratori.domandaId, id), inArray(domandaLavoratori.codiceFiscale, togli.cf)));
    }
    for (let i = 0; i < aggiungi.length; i += 500) {
      await tx
        .insert(domandaLavoratori)
        .values(
          aggiungi
            .slice(i, i + 500)
            .map((r) => ({ domandaId: id, codiceFiscale: r.cf, lavoratoreId: r.lavoratoreId, qualifica: r.qualifica, origine: r.origine })),
        )
        .onConflictDoNothing();
    }
  });
}

export type EsitoSelezione = EsitoSalvataggio | { ok: true; invariata: true };

/**
 * Applies a page of checkboxes (or select all / none on the filtered list). Only eligible workers of the unit can
 * be selected, whatever the form posted; nothing is written when the selection does not change.
 */
export async function aggiornaSelezione(
  ctx: Contesto,
  caricata: DomandaCaricata,
  versione: number,
  azione: { tipo: "pagina"; paginaCf: string[]; cf: string[] } | { tipo: "tutti" | "nessuno"; q: string },
): Promise<EsitoSelezione> {
  const tutti = await lavoratoriValutati(caricata);
  const scelti = await selezionati(caricata.domanda.id);
  const perCf = new Map(tutti.map((l) => [l.cf, l]));
  let ambito: string[];
  let voluti: LavoratoreValutato[];
  if (azione.tipo === "pagina") {
    ambito = azione.paginaCf.filter((cf) => perCf.has(cf));
    const spuntati = new Set(azione.cf);
    voluti = ambito.filter((cf) => spuntati.has(cf)).map((cf) => perCf.get(cf)!).filter((l) => l.ammissibile);
  } else {
    const filtrati = filtra(tutti, azione.q);
    ambito = filtrati.map((l) => l.cf);
    voluti = azione.tipo === "tutti" ? filtrati.filter((l) => l.ammissibile) : [];
  }
  const prima = new Set(ambito.filter((cf) => scelti.has(cf)));
  const dopo = new Set(voluti.map((l) => l.cf));
  if (prima.size === dopo.size && [...dopo].every((cf) => prima.has(cf))) return { ok: true, invariata: true };
  return scriviSelezione(
    ctx,
    caricata,
    versione,
    { cf: ambito },
    voluti.map((l) => ({ cf: l.cf, lavoratoreId: l.lavoratoreId, qualifica: l.qualifica, origine: scelti.get(l.cf) ?? "uniemens" })),
  );
}

export type EsitoConferma = EsitoSalvataggio | { ok: false; nessuno: true };

/** "Conferma i lavoratori": the step is complete with at least one eligible worker selected. */
export async function confermaLavoratori(ctx: Contesto, caricata: DomandaCaricata, versione: number): Promise<EsitoConferma> {
  const tutti = await lavoratoriValutati(caricata);
  const scelti = await selezionati(caricata.domanda.id);
  const ammessi = tutti.filter((l) => l.ammissibile && scelti.has(l.cf));
  if (ammessi.length === 0) return { ok: false, nessuno: true };
  const valore: DatiLavoratori = {
    modalita: ammessi.some((l) => scelti.get(l.cf) === "elenco") ? "elenco" : "uniemens",
    numero: ammessi.length,
  };
  // Selected workers who are no longer eligible (e.g. the period changed) are dropped with the confirmation.
  const decaduti = [...scelti.keys()].filter((cf) => !ammessi.some((l) => l.cf === cf));
  return salvaPasso(ctx, caricata.domanda.id, versione, { chiave: "lavoratori", valore }, async (tx) => {
    if (decaduti.length > 0) {
      await tx
        .delete(domandaLavoratori)
        .where(and(eq(domandaLavoratori.domandaId, caricata.domanda.id), inArray(domandaLavoratori.codiceFiscale, decaduti)));
    }
  });
}

export type EsitoElenco =
  | { ok: false; erroreFile: string }
  | { ok: false; conflitto: true }
  | { ok: true; caricati: number; scartate: RigaScartata[] };

/** Refuses binary files and invalid UTF-8 before any parsing: the list must be text the user can read. */
function testoUtf8(byte: Uint8Array): string | null {
  if (byte.includes(0)) return null;
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(byte);
  } catch {
    return null;
  }
}

const INTESTAZIONE = /^(cf|codice[ _]?fiscale|codicefiscale)$/i;

/**
 * Checks an uploaded list row by row against the format (CF checksum, qualifica), duplicates, the unit's workers in
 * UniEmens and eligibility; replaces the selection with the good rows. Limits refuse the whole file, storing nothing.
 */
export async function caricaElenco(ctx: Contesto, caricata: DomandaCaricata, versione: number, byte: Uint8Array): Promise<EsitoElenco> {
  if (byte.length === 0) return { ok: false, erroreFile: m.fileAssente };
  if (byte.length > ELENCO_MAX_BYTE) return { ok: false, erroreFile: m.fileTroppoGrande };
  const testo = testoUtf8(byte);
  if (testo === null) return { ok: false, erroreFile: m.codifica };
  // Count lines before parsing, so a 100,000-row file costs nothing.
  if (testo.split("\n").length > ELENCO_MAX_RIGHE + 2) return { ok: false, erroreFile: m.troppeRighe };
  let record: Array<{ record: string[]; info: { lines: number } }>;
  try {
    record = parse(testo, {
      delimiter: [";", ","],
      bom: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
      relax_quotes: true,
      info: true,
    }) as unknown as typeof record;
  } catch {
    return { ok: false, erroreFile: m.formatoCsv };
  }
  if (record.length > 0 && INTESTAZIONE.test(record[0].record[0] ?? "")) record = record.slice(1);
  if (record.length > ELENCO_MAX_RIGHE) return { ok: false, erroreFile: m.troppeRighe };

  const tutti = await lavoratoriValutati(caricata);
  const perCf = new Map(tutti.map((l) => [normalizzaOmocodia(l.cf), l]));
  const scartate: RigaScartata[] = [];
  const buone: Righe = [];
  const primaRiga = new Map<string, number>();
  for (const { record: celle, info } of record) {
    const riga = info.lines;
    const valore = celle.join(";").slice(0, 80);
    const scarta = (motivo: string) => scartate.push({ riga, valore, motivo });
    // A codice fiscale copied with spaces or hyphens is read as the code it is.
    const [cfGrezzo, qualificaGrezza] = [normalizzaCodice(celle[0] ?? ""), (celle[1] ?? "").toLowerCase()];
    if (celle.length < 2 || cfGrezzo === "" || qualificaGrezza === "") {
      scarta(m.rigaIncompleta);
      continue;
    }
    // A row with more columns than the two of the format is a format error, before any look-up (a shifted column
    // would otherwise be read as a worker not employed at the unit). Trailing empty cells ("CF;operaio;") are not.
    const piene = celle.length - [...celle].reverse().findIndex((c) => c !== "");
    if (piene > 2) {
      scarta(m.colonneInPiu(piene));
      continue;
    }
    const cf = validaCodiceFiscalePersona(cfGrezzo, { oggi: oggiPiattaforma() });
    if (!cf.valido) {
      scarta(cf.motivo!.charAt(0).toLowerCase() + cf.motivo!.slice(1));
      continue;
    }
    if (!(QUALIFICHE_ELENCO as readonly string[]).includes(qualificaGrezza)) {
      scarta(m.qualificaSconosciuta);
      continue;
    }
    const chiave = cf.normalizzato!;
    const gia = primaRiga.get(chiave);
    if (gia !== undefined) {
      scarta(m.duplicato(gia));
      continue;
    }
    primaRiga.set(chiave, riga);
    const lavoratore = perCf.get(chiave);
    if (!lavoratore) {
      scarta(m.nonOccupato);
      continue;
    }
    if (!lavoratore.ammissibile) {
      scarta(m.nonAmmissibile(lavoratore.motivo));
      continue;
    }
    buone.push({ cf: lavoratore.cf, lavoratoreId: lavoratore.lavoratoreId, qualifica: qualificaGrezza as QualificaElenco, origine: "elenco" });
  }
  // All or nothing: a file with any bad row changes nothing, so the user fixes the rows listed and sends it again
  // (a partial load would silently replace the selection with a fraction of the list).
  if (buone.length === 0 || scartate.length > 0) return { ok: true, caricati: 0, scartate };
  const esito = await scriviSelezione(ctx, caricata, versione, { tutti: true }, buone);
  if (!esito.ok) return { ok: false, conflitto: true };
  return { ok: true, caricati: buone.length, scartate };
}

/** Rows are counted in SQL for the summary and the receipt. */
export async function numeroSelezionati(domandaId: number): Promise<number> {
  const [r] = await db()
    .select({ n: sql<number>`count(*)::int` })
    .from(domandaLavoratori)
    .where(eq(domandaLavoratori.domandaId, domandaId));
  return r?.n ?? 0;
}
