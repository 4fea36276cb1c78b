// Ricevere un flusso UniEmens-Cig: leggerlo come flusso di byte (./lettura.server.ts), controllare ogni denuncia con
// le regole del modulo (~/domain/flussi/controlli.ts) e accogliere le buone, scartare le altre con il loro codice. Il
// contesto dei controlli viene dagli archivi a lotti di denunce; le regole che dipendono da altri flussi (chiave unica,
// ore autorizzate cumulate) sono rilette dentro la transazione del lotto, sotto un lock per ticket, così due flussi
// inviati insieme non superano mai insieme le ore autorizzate né accolgono due volte la stessa denuncia. La prova
// ("verifica senza inviare") fa gli stessi controlli e non scrive nulla. Chi invia agisce per le aziende di cui è
// legale rappresentante o per cui ha una delega valida (modulo di autorizzazione).
// Fino a 10.000 denunce la risposta arriva mentre l'utente aspetta; un file più grande è prima salvato per intero
// (file_flussi_cig) e poi controllato da un lavoro della coda (pg-boss, ADR 020): ogni lotto accolto fa avanzare nella
// stessa transazione il conto delle denunce fatte, così dopo un arresto il lavoro riprende dal lotto successivo
// all'ultimo scritto e nessuna denuncia è accolta due volte (chiave unica tra le denunce vive).
import { setImmediate as cedi } from "node:timers/promises";
import { and, eq, inArray, isNull, lt, Param, sql } from "drizzle-orm";
import { db, istruzione } from "#db/connection";
import { copiaRighe, rigaCopia } from "#db/copia";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import {
  aziende,
  denunceCig,
  fileFlussiCig,
  flussiCigAziende,
  flussiCigDomande,
  domandaLavoratori,
  domande,
  flussiCig,
  lavoratori,
  oreTicketFlussiCig,
  provvedimenti,
  provvedimentiLavoratori,
  rapportiLavoro,
  scartiFlussoCig,
  unitaProduttive,
  utenti,
} from "#db/schema";
import { creaVerificaFlusso, eErrore, type ContestoFlussi, type DomandaDelTicket, type EsitoDenuncia } from "~/domain/flussi/controlli";
import type { Ruolo } from "~/domain/autorizzazione";
import { chiaveDenuncia, LIMITI_FLUSSO, type DenunciaCig, type Segnalazione } from "~/domain/flussi/denuncia";
import { MAPPATURA_IN_USO } from "~/domain/flussi/mappatura";
import { leggiRisposte } from "~/passi";
import type { Persona } from "../accesso.server";
import { scriviAudit } from "../audit.server";
import { puoAgire } from "../autorizzazione.server";
import type { Transazione } from "../domande.server";
import { oggi as oggiPiattaforma } from "../orologio.server";
import { accoda } from "../lavori/coda.server";
import { sveglia } from "../lavori/sveglia.server";
import { abbinaDopoAccoglienza } from "../pagamenti/abbinamento.server";
import { riuscito, type Risultato } from "../risultato";
import { contatoreDenunce, leggiFlussoCsv, leggiFlussoXml, type OpzioniLettura, type VoceFlusso } from "./lettura.server";

/** Denunce controllate e scritte insieme: una transazione e una lettura degli archivi per lotto. */
export const LOTTO = 500;
/** Returns read between two yields to the event loop while a batch is filled (~1 ms of reading). */
const CEDI_OGNI = 50;
/** Scarti restituiti nel rapporto in memoria (la prova); quelli di un invio sono tutti nella tabella. */
const SCARTI_NEL_RAPPORTO = 1_000;
/** Oltre questo numero di denunce il file è controllato da un lavoro della coda, non mentre l'utente aspetta. */
export const LIMITE_SINCRONO = 10_000;
/** OMNIA_FLUSSI_LIMITE_SINCRONO changes the limit (a smaller server; the tests, with small files). */
function limiteSincrono(): number {
  const n = Number(process.env.OMNIA_FLUSSI_LIMITE_SINCRONO);
  return Number.isSafeInteger(n) && n > 0 ? n : LIMITE_SINCRONO;
}
/** Un file più grande di così va comunque al lavoro (non resta in memoria in attesa del controllo). */
const MAX_IN_MEMORIA = 16 * 1024 * 1024;
/** Le parti in cui un file grande è salvato. */
const PARTE_FILE = 1024 * 1024;
/**
 * Un file ancora «in caricamento» dopo tanto è stato interrotto senza che il processo potesse toglierlo (un arresto
 * a metà invio): il server chiude comunque una richiesta dopo 5 minuti (requestTimeout di Node), quindi un'ora è larga.
 */
export const ETA_CARICAMENTO_INTERROTTO_MS = 60 * 60 * 1000;

/** Lock class of a ticket: the acceptance of a batch and the withdrawal of a return take it (./eliminazione.server.ts). */
export const BLOCCO_TICKET = 8201;

export interface ScartoFlusso {
  riga: number;
  codice: string;
  messaggio: string;
}

export interface RapportoFlusso {
  /** Null per una prova: non si scrive nulla. */
  flussoId: number | null;
  prova: boolean;
  denunce: number;
  accolte: number;
  scartate: number;
  conAvvisi: number;
  /** Le prime segnalazioni delle righe scartate e gli avvisi di quelle accolte, in ordine di riga. */
  scarti: ScartoFlusso[];
  avvisi: ScartoFlusso[];
  /**
   * Le segnalazioni oltre le prime SCARTI_NEL_RAPPORTO di ogni elenco, contate e non elencate: la pagina della prova
   * le dice (di un flusso inviato le scartate sono tutte nella tabella, a pagine e in CSV).
   */
  nonElencate: { scarti: number; avvisi: number };
  /** Il file ha smesso di essere leggibile a questa riga: le denunce precedenti restano valutate. */
  interrotto: ScartoFlusso | null;
  /** Il file è salvato e sarà controllato da un lavoro: i totali arrivano nella pagina di avanzamento. */
  inCoda: boolean;
}

export interface FileFlusso {
  nome: string;
  formato: "xml" | "csv";
  contenuto: AsyncIterable<Uint8Array | string>;
}

interface FattiLotto {
  matricole: Map<string, "abilitata" | "sconosciuta" | "non_delegata">;
  aziendaDiMatricola: Map<string, number>;
  domande: Map<string, (DomandaDelTicket & { domandaId: number }) | null>;
  rapporti: Map<string, Array<{ up: string; assunzione: string; cessazione: string | null }>>;
  iban: Map<string, string | null>;
}

/** `colonna = any($1::text[])`: the batch's values as one parameter (up to 500 workers' codes), not one each. */
const traTesti = (colonna: AnyPgColumn, valori: readonly string[]) => sql`${colonna} = any(${new Param(valori)}::text[])`;

function nuoviFatti(): FattiLotto {
  return { matricole: new Map(), aziendaDiMatricola: new Map(), domande: new Map(), rapporti: new Map(), iban: new Map() };
}

/**
 * Facts kept for the following batches, per kind, at most this many: a file of 100,000 returns on as many workers would
 * otherwise keep every worker's employment and IBAN until its end. Beyond it the kind starts again from the batch's own.
 */
const MAX_FATTI_RICORDATI = 5_000;

/** Carica dagli archivi ciò che manca per le denunce del lotto (le risposte restano per i lotti seguenti, entro un limite). */
async function caricaFatti(attore: Persona, lotto: readonly DenunciaCig[], f: FattiLotto): Promise<void> {
  const d = db();
  // Batches run one after another: what this batch needs is loaded below, after the clearing.
  if (f.matricole.size > MAX_FATTI_RICORDATI) {
    f.matricole.clear();
    f.aziendaDiMatricola.clear();
  }
  if (f.domande.size > MAX_FATTI_RICORDATI) f.domande.clear();
  if (f.rapporti.size > MAX_FATTI_RICORDATI) {
    f.rapporti.clear();
    f.iban.clear();
  }
  const matricole = [...new Set(lotto.map((x) => x.matricola))].filter((m) => !f.matricole.has(m));
  if (matricole.length) {
    const righe = await d.select().from(aziende).where(traTesti(aziende.matricola, matricole));
    for (const m of matricole) {
      const azienda = righe.find((r) => r.matricola === m);
      if (!azienda) f.matricole.set(m, "sconosciuta");
      else {
        f.aziendaDiMatricola.set(m, azienda.id);
        f.matricole.set(m, (await puoAgire(attore, "invia_flusso", azienda)) ? "abilitata" : "non_delegata");
      }
    }
  }
  const ticket = [...new Set(lotto.flatMap((x) => (x.ticket ? [x.ticket] : [])))].filter((t) => !f.domande.has(t));
  if (ticket.length) {
    const righe = await d
      .select({ domanda: domande, matricola: aziende.matricola })
      .from(domande)
      .innerJoin(aziende, eq(aziende.id, domande.aziendaId))
      .where(and(traTesti(domande.ticket, ticket), sql`${domande.stato} <> 'bozza'`));
    const ids = righe.map((r) => r.domanda.id);
    const richiesti = ids.length ? await d.select().from(domandaLavoratori).where(inArray(domandaLavoratori.domandaId, ids)) : [];
    const atti = ids.length ? await d.select().from(provvedimenti).where(inArray(provvedimenti.domandaId, ids)) : [];
    // L'atto in vigore: quello che nessuna rettifica ha corretto.
    const rettificati = new Set(atti.flatMap((a) => (a.rettificaDi ? [a.rettificaDi] : [])));
    const vigenti = atti.filter((a) => !rettificati.has(a.id));
    const autorizzati = vigenti.length
      ? await d.select().from(provvedimentiLavoratori).where(inArray(provvedimentiLavoratori.provvedimentoId, vigenti.map((a) => a.id)))
      : [];
    for (const t of ticket) {
      const r = righe.find((x) => x.domanda.ticket === t);
      if (!r || r.matricola === null || !r.domanda.dataInizio || !r.domanda.dataFine) {
        f.domande.set(t, null);
        continue;
      }
      const risposte = leggiRisposte(r.domanda.dati);
      const atto = vigenti.find((a) => a.domandaId === r.domanda.id) ?? null;
      const autorizzata = atto && atto.esito !== "respinta" && atto.periodoInizio && atto.periodoFine && atto.oreAutorizzate;
      f.domande.set(t, {
        domandaId: r.domanda.id,
        ticket: t,
        matricola: r.matricola,
        unitaProduttiva: String(r.domanda.unitaProduttivaId ?? ""),
        // Un rigetto chiude il pagamento diretto: nessuna denuncia è più accolta su quel ticket.
        pagamentoDiretto: risposte.pagamento?.modalita === "diretto" && atto?.esito !== "respinta" && (atto?.modalitaPagamento ?? "diretto") === "diretto",
        periodoRichiesto: { inizio: r.domanda.dataInizio, fine: r.domanda.dataFine },
        lavoratoriRichiesti: new Set(richiesti.filter((l) => l.domandaId === r.domanda.id).map((l) => l.codiceFiscale)),
        autorizzazione: autorizzata
          ? {
              periodo: { inizio: atto.periodoInizio!, fine: atto.periodoFine! },
              // Le ore del provvedimento sono ore intere; i flussi contano in centesimi.
              oreAutorizzateCentesimi: atto.oreAutorizzate! * 100,
              lavoratori: new Set(autorizzati.filter((l) => l.provvedimentoId === atto.id).map((l) => l.codiceFiscale)),
              notificataIl: atto.dataDecisione,
            }
          : null,
      });
    }
  }
  const cf = [...new Set(lotto.map((x) => x.cfLavoratore))].filter((c) => !f.rapporti.has(c));
  if (cf.length) {
    const righe = await d
      .select({ cf: lavoratori.codiceFiscale, iban: lavoratori.iban, up: rapportiLavoro.unitaProduttivaId, assunzione: rapportiLavoro.dataAssunzione, cessazione: rapportiLavoro.dataCessazione })
      .from(lavoratori)
      .leftJoin(rapportiLavoro, eq(rapportiLavoro.lavoratoreId, lavoratori.id))
      .leftJoin(unitaProduttive, eq(unitaProduttive.id, rapportiLavoro.unitaProduttivaId))
      .where(traTesti(lavoratori.codiceFiscale, cf));
    for (const c of cf) {
      const suoi = righe.filter((r) => r.cf === c);
      f.iban.set(c, suoi[0]?.iban ?? null);
      f.rapporti.set(c, suoi.flatMap((r) => (r.up === null || r.assunzione === null ? [] : [{ up: String(r.up), assunzione: r.assunzione, cessazione: r.cessazione }])));
    }
  }
}

function contesto(f: FattiLotto, oggi: string, chiaveGiaPresente: (k: string) => boolean, oreGiaAccolteCentesimi: (t: string) => number): ContestoFlussi {
  return {
    oggi,
    matricolaAbilitata: (m) => f.matricole.get(m) ?? "sconosciuta",
    domandaDelTicket: (t) => f.domande.get(t) ?? null,
    inForza: (cf, _matricola, up, competenza) => {
      const inizio = `${competenza}-01`;
      const fine = `${competenza}-31`;
      return (f.rapporti.get(cf) ?? []).some((r) => r.up === up && r.assunzione <= fine && (r.cessazione === null || r.cessazione >= inizio));
    },
    ibanRegistrato: (cf) => f.iban.get(cf) ?? null,
    chiaveGiaPresente,
    oreGiaAccolteCentesimi,
  };
}

// The statements of each batch, written once (db/connection.ts, istruzione): a batch's values travel as one array
// parameter per column, so neither drizzle nor the driver does per-row work for the 500 returns of a batch.
const ph = sql.placeholder;

// These two are planned for each batch's values (istruzione, pianoPerIValori): a plan kept from calls on an empty
// archive walked every live return for each batch.
const chiaviPresenti = istruzione<{ chiave: string }>(
  "flussi_chiavi_presenti",
  () =>
    sql`select ${sql.identifier(denunceCig.chiave.name)} as chiave from ${denunceCig}
      where ${denunceCig.chiave} = any(${ph("chiavi")}::text[]) and ${denunceCig.eliminataIl} is null`,
  { pianoPerIValori: true },
);
// The hours accepted on the tickets by the other flows (a dry run has no flow: all of them): the per-flow totals kept
// by the triggers of migration 0024, a few rows per ticket, never the returns themselves.
const oreAltriFlussi = istruzione<{ ticket: string; ore: string }>(
  "flussi_ore_altri_flussi",
  () =>
    sql`select ${oreTicketFlussiCig.ticket} as ticket, sum(${oreTicketFlussiCig.oreCentesimi})::text as ore from ${oreTicketFlussiCig}
      where ${oreTicketFlussiCig.ticket} = any(${ph("ticket")}::text[]) and ${oreTicketFlussiCig.flussoId} <> ${ph("flussoId")}::int
      group by ${oreTicketFlussiCig.ticket}`,
  { pianoPerIValori: true },
);
// The tickets' locks in the order given (sorted by the caller), so two flows never wait for each other.
const bloccaTicket = istruzione("flussi_blocca_ticket", () =>
  sql`select pg_advisory_xact_lock(${BLOCCO_TICKET}::int, hashtext(t.ticket))
      from unnest(${ph("ticket")}::text[]) with ordinality as t(ticket, n) order by t.n`,
);
// A batch goes on only from where this run found the flow: a second worker on the same flow (a job taken again after
// its expiry) waits here for the first one's batch, then finds the totals moved and stops, writing nothing. The row
// stays locked as the totals' update would lock it, so the update can travel with the returns (see elabora).
const flussoDaAvanzare = istruzione<{ id: number }>("flussi_flusso_da_avanzare", () =>
  sql`select ${flussiCig.id} from ${flussiCig}
      where ${flussiCig.id} = ${ph("flussoId")}::int and ${flussiCig.denunce} = ${ph("fatte")}::int
      for no key update`,
);
// The flow's totals move with the batch; its row is held since the transaction's start (flussoDaAvanzare).
const avanzaTotali = istruzione("flussi_avanza_totali", () =>
  sql`update ${flussiCig} set ${sql.identifier(flussiCig.stato.name)} = 'in_corso',
        ${sql.identifier(flussiCig.denunce.name)} = ${flussiCig.denunce} + ${ph("denunce")}::int,
        ${sql.identifier(flussiCig.accolte.name)} = ${flussiCig.accolte} + ${ph("accolte")}::int,
        ${sql.identifier(flussiCig.scartate.name)} = ${flussiCig.scartate} + ${ph("scartate")}::int,
        ${sql.identifier(flussiCig.conAvvisi.name)} = ${flussiCig.conAvvisi} + ${ph("conAvvisi")}::int
      where ${flussiCig.id} = ${ph("flussoId")}::int`,
);
// A batch's accepted returns and rejected rows are written with COPY (#db/copia: PostgreSQL reads each line with the
// columns' input functions only; the JSON text of json_to_recordset cost more than the rest of the insert, ADR
// 035). The columns, in the order of the lines.
const COLONNE_DENUNCE = [
  denunceCig.flussoId, denunceCig.riga, denunceCig.chiave, denunceCig.aziendaId, denunceCig.domandaId, denunceCig.ticket,
  denunceCig.codiceFiscale, denunceCig.competenza, denunceCig.oreCentesimi, denunceCig.iban, denunceCig.dati, denunceCig.avvisi,
];
const COLONNE_SCARTI = [scartiFlussoCig.flussoId, scartiFlussoCig.riga, scartiFlussoCig.codice, scartiFlussoCig.messaggio];

/**
 * Chiavi già accolte (da qualunque flusso, questo compreso) e ore accolte per ticket dagli altri flussi, lette dagli
 * archivi (dentro la transazione del lotto, se c'è).
 */
async function statoAccolte(esegui: Transazione | ReturnType<typeof db>, lotto: readonly DenunciaCig[], flussoId: number | null) {
  const chiavi = lotto.map(chiaveDenuncia);
  const ticket = [...new Set(lotto.flatMap((x) => (x.ticket ? [x.ticket] : [])))];
  // Both reads in one write (postgres.js pipelines a transaction's statements issued before the first answer), after
  // the batch's lock statement issued just before them: PostgreSQL runs them in that order, each read with the
  // snapshot of its own start, so after the ticket locks are held.
  const [presenti, ore] = await Promise.all([
    chiavi.length ? chiaviPresenti(esegui, { chiavi }) : [],
    ticket.length ? oreAltriFlussi(esegui, { ticket, flussoId: flussoId ?? 0 }) : [],
  ]);
  return { chiavi: new Set(presenti.map((p) => p.chiave)), ore: new Map(ore.map((o) => [o.ticket, Number(o.ore)])) };
}

/** Dove riprende un flusso fermato: i totali e le denunce accolte dei lotti già scritti. */
interface Ripresa {
  denunce: number;
  accolte: number;
  scartate: number;
  conAvvisi: number;
  chiavi: string[];
  oreCentesimi: Map<string, number>;
}

/**
 * A line of a dry run's full report, as the check finds it: an error of a rejected row, or a warning of an accepted
 * one (the same entries as the report's two lists, which keep the first SCARTI_NEL_RAPPORTO of each).
 */
export interface SegnalazioneRiga {
  riga: number;
  tipo: "errore" | "avviso";
  codice: string;
  messaggio: string;
}

export interface OpzioniElaborazione {
  /**
   * Every entry of the report, a batch at a time in the file's order, the fatal error that stopped the file last. The
   * next batch is checked only after it settles: a slow reader (the CSV download) holds the check, not the memory.
   */
  segnalazioni?: (righe: SegnalazioneRiga[]) => Promise<void>;
  /** Solo per i test: chiamata dopo ogni lotto scritto (un errore qui ferma il lavoro come un arresto). */
  dopoLotto?: (lotti: number) => void | Promise<void>;
  /** Where the batches' time goes (bench/profilo-flussi.ts): milliseconds per phase, added up over the flow. */
  tempi?: TempiLotti;
}

/**
 * The phases of the batches, in milliseconds of wall time: the reader waiting for the batch in flight, the registry
 * facts, opening the transaction, the locks with the checks' reads, the checks, the COPY lines, the writes (with the
 * totals), the commit. Batches overlap the reader, so the phases of a batch add up to its length, not the flow's.
 */
export interface TempiLotti {
  lettoreAspetta: number;
  fatti: number;
  apertura: number;
  lockELetture: number;
  controlli: number;
  righe: number;
  scrittura: number;
  chiusura: number;
}

export function tempiLottiVuoti(): TempiLotti {
  return { lettoreAspetta: 0, fatti: 0, apertura: 0, lockELetture: 0, controlli: 0, righe: 0, scrittura: 0, chiusura: 0 };
}

/** Un altro lavoro ha già fatto avanzare questo flusso: questo si ferma senza scrivere nulla. */
class FlussoGiaAvanzato extends Error {}

function rapportoVuoto(flussoId: number | null, prova: boolean, ripresa: Ripresa | null): RapportoFlusso {
  return {
    flussoId, prova,
    denunce: ripresa?.denunce ?? 0, accolte: ripresa?.accolte ?? 0, scartate: ripresa?.scartate ?? 0, conAvvisi: ripresa?.conAvvisi ?? 0,
    scarti: [], avvisi: [], nonElencate: { scarti: 0, avvisi: 0 }, interrotto: null, inCoda: false,
  };
}

/**
 * Controlla le denunce del file, a lotti, e se il flusso è salvato (flussoId) accoglie le buone: ogni lotto in una
 * transazione che scrive anche i totali del flusso. Con una ripresa, le denunce già fatte sono lette e saltate.
 */
async function elabora(
  attore: Persona,
  rapporto: RapportoFlusso,
  voci: AsyncIterable<VoceFlusso>,
  ripresa: Ripresa | null,
  opzioni: OpzioniElaborazione = {},
): Promise<void> {
  const oggi = oggiPiattaforma();
  const d = db();
  const fatti = nuoviFatti();
  // Le chiavi accolte da questo file: gli archivi le contengono già dal lotto in cui sono state scritte, mentre la
  // verifica del file le ricorda da sé (anche in una prova, che non scrive). Le ore: agli archivi si chiedono solo
  // quelle degli altri flussi, quelle del file le conta la verifica.
  const chiaviDiQuestoFile = new Set<string>(ripresa?.chiavi ?? []);
  const aziendeRegistrate = new Set<number>();
  // The flow's domande already in flussi_cig_domande (by "domanda|azienda"): the returns' foreign key points there.
  const domandeRegistrate = new Set<string>();
  let statoPerContesto: { chiavi: Set<string>; ore: Map<string, number> } = { chiavi: new Set(), ore: new Map() };
  const verifica = creaVerificaFlusso(
    contesto(
      fatti,
      oggi,
      (k) => statoPerContesto.chiavi.has(k) && !chiaviDiQuestoFile.has(k),
      (t) => statoPerContesto.ore.get(t) ?? 0,
    ),
    ripresa ? { chiavi: ripresa.chiavi, oreCentesimi: ripresa.oreCentesimi } : undefined,
  );

  const registra = (e: EsitoDenuncia) => {
    rapporto.denunce++;
    if (e.accolta) {
      rapporto.accolte++;
      if (e.segnalazioni.length) {
        rapporto.conAvvisi++;
        for (const s of e.segnalazioni) {
          if (rapporto.avvisi.length < SCARTI_NEL_RAPPORTO) rapporto.avvisi.push({ riga: e.riga, codice: s.codice, messaggio: s.messaggio });
          else rapporto.nonElencate.avvisi++;
        }
      }
    } else {
      rapporto.scartate++;
      for (const s of e.segnalazioni.filter(eErrore)) {
        if (rapporto.scarti.length < SCARTI_NEL_RAPPORTO) rapporto.scarti.push({ riga: e.riga, codice: s.codice, messaggio: s.messaggio });
        else rapporto.nonElencate.scarti++;
      }
    }
  };

  let lotti = 0;
  const tempi = opzioni.tempi;
  /** Adds the time since `da` to the phase (when asked) and returns now: the start of the next phase. */
  const segna = (fase: keyof TempiLotti, da: number): number => {
    const ora = performance.now();
    if (tempi) tempi[fase] += ora - da;
    return ora;
  };
  const elaboraLotto = async (lotto: Array<{ riga: number; denuncia: DenunciaCig | null; segnalazioni: Segnalazione[] }>) => {
    let t = performance.now();
    const lette = lotto.flatMap((x) => (x.denuncia ? [x.denuncia] : []));
    await caricaFatti(attore, lette, fatti);
    t = segna("fatti", t);
    // The checks of the batch, against what the archives hold now (inside the batch's transaction when it is written).
    const controlla = async (lettore: Transazione | ReturnType<typeof db>) => {
      statoPerContesto = await statoAccolte(lettore, lette, rapporto.flussoId);
      t = segna("lockELetture", t);
      return lotto.map((x): { esito: EsitoDenuncia; denuncia: DenunciaCig | null } =>
        x.denuncia
          ? { esito: verifica(x.denuncia), denuncia: x.denuncia }
          : { esito: { riga: x.riga, chiave: "", accolta: false, segnalazioni: x.segnalazioni, oreCentesimi: 0 }, denuncia: null },
      );
    };
    const scrivi = async (tx: Transazione, flussoId: number, esiti: Awaited<ReturnType<typeof controlla>>) => {
      t = segna("controlli", t);
      const accolte = esiti.filter((x) => x.esito.accolta && x.denuncia);
      // The flow's totals move with the batch (its row locked since the transaction's start, see below), sent now
      // and awaited after the returns: no round trip of their own.
      const avanzato = avanzaTotali(tx, {
        flussoId,
        denunce: esiti.length,
        accolte: accolte.length,
        scartate: esiti.length - accolte.length,
        conAvvisi: accolte.filter((x) => x.esito.segnalazioni.length > 0).length,
      });
      avanzato.catch(() => {});
      let righe = "";
      const domandeNuove = new Map<string, { flussoId: number; domandaId: number; aziendaId: number }>();
      for (const { esito, denuncia } of accolte) {
        const d = denuncia!;
        const aziendaId = fatti.aziendaDiMatricola.get(d.matricola)!;
        const domandaId = fatti.domande.get(d.ticket!)!.domandaId;
        const registrata = `${domandaId}|${aziendaId}`;
        if (!domandeRegistrate.has(registrata) && !domandeNuove.has(registrata)) domandeNuove.set(registrata, { flussoId, domandaId, aziendaId });
        righe += rigaCopia([
          flussoId, esito.riga, esito.chiave, aziendaId, domandaId, d.ticket,
          d.cfLavoratore, `${d.competenza}-01`, esito.oreCentesimi, d.iban,
          JSON.stringify(d), JSON.stringify(esito.segnalazioni.map((s) => ({ codice: s.codice, messaggio: s.messaggio }))),
        ]);
      }
      t = segna("righe", t);
      // A resumed flow registers its domande again: the rows written before the stop are kept.
      if (domandeNuove.size) await tx.insert(flussiCigDomande).values([...domandeNuove.values()]).onConflictDoNothing();
      registrateDalLotto = [...domandeNuove.keys()];
      await copiaRighe(tx, denunceCig, COLONNE_DENUNCE, righe);
      let scarti = "";
      for (const { esito } of esiti) {
        if (esito.accolta) continue;
        for (const s of esito.segnalazioni) if (eErrore(s)) scarti += rigaCopia([flussoId, esito.riga, s.codice, s.messaggio]);
      }
      await copiaRighe(tx, scartiFlussoCig, COLONNE_SCARTI, scarti);
      await avanzato;
      t = segna("scrittura", t);
      // The companies the flow carries returns for (only those the sender may act for): their offices follow it.
      const nuove = [...new Set(lette.flatMap((x) => (fatti.matricole.get(x.matricola) === "abilitata" ? [fatti.aziendaDiMatricola.get(x.matricola)!] : [])))].filter((a) => !aziendeRegistrate.has(a));
      if (nuove.length) {
        await tx.insert(flussiCigAziende).values(nuove.map((aziendaId) => ({ flussoId, aziendaId }))).onConflictDoNothing();
      }
      for (const a of nuove) aziendeRegistrate.add(a);
    };
    const flussoId = rapporto.flussoId;
    // Known as registered only once the batch's transaction has committed them.
    let registrateDalLotto: string[] = [];
    const esiti =
      flussoId === null
        ? await controlla(d)
        : await d.transaction(async (tx) => {
            t = segna("apertura", t);
            // In ordine di ticket, così due flussi non si aspettano mai a vicenda.
            const ticket = [...new Set(lette.flatMap((x) => (x.ticket ? [x.ticket] : [])))].sort();
            const blocco = ticket.length ? bloccaTicket(tx, { ticket }) : null;
            const guardia = flussoDaAvanzare(tx, { flussoId, fatte: rapporto.denunce });
            // Awaited below; if the reads fail first the transaction ends and these are only ignored.
            blocco?.catch(() => {});
            guardia.catch(() => {});
            const controllati = await controlla(tx);
            await blocco;
            if ((await guardia).length === 0) throw new FlussoGiaAvanzato();
            await scrivi(tx, flussoId, controllati);
            return controllati;
          });
    if (flussoId !== null) segna("chiusura", t);
    for (const k of registrateDalLotto) domandeRegistrate.add(k);
    for (const { esito, denuncia } of esiti) {
      registra(esito);
      if (esito.accolta && denuncia?.ticket) chiaviDiQuestoFile.add(esito.chiave);
    }
    if (opzioni.segnalazioni) {
      const righe: SegnalazioneRiga[] = [];
      for (const { esito } of esiti) {
        for (const s of esito.segnalazioni) {
          if (esito.accolta) righe.push({ riga: esito.riga, tipo: "avviso", codice: s.codice, messaggio: s.messaggio });
          else if (eErrore(s)) righe.push({ riga: esito.riga, tipo: "errore", codice: s.codice, messaggio: s.messaggio });
        }
      }
      if (righe.length) await opzioni.segnalazioni(righe);
    }
    await opzioni.dopoLotto?.(++lotti);
  };

  // While a batch is checked and written (mostly waiting on the database) the next one is read: at most one batch in
  // flight and one being filled, and batches still run one after another (each checks against the ones before).
  let inVolo: Promise<void> | null = null;
  const lancia = async (l: typeof lotto) => {
    if (inVolo) {
      const da = performance.now();
      await inVolo;
      segna("lettoreAspetta", da);
    }
    inVolo = elaboraLotto(l);
    // Its failure is seen by the next await of it; meanwhile it must not count as unhandled.
    inVolo.catch(() => undefined);
  };
  // On a resumption the returns already done are read again (the parser has to pass them) and skipped.
  let daSaltare = ripresa?.denunce ?? 0;
  let lotto: Array<{ riga: number; denuncia: DenunciaCig | null; segnalazioni: Segnalazione[] }> = [];
  try {
    for await (const v of voci) {
      if (v.tipo === "fatale") {
        rapporto.interrotto = { riga: v.riga, codice: v.segnalazione.codice, messaggio: v.segnalazione.messaggio };
        break;
      }
      if (daSaltare > 0) {
        daSaltare--;
        continue;
      }
      lotto.push(v.lettura.ok ? { riga: v.lettura.denuncia.riga, denuncia: v.lettura.denuncia, segnalazioni: [] } : { riga: v.lettura.riga, denuncia: null, segnalazioni: v.lettura.segnalazioni });
      if (lotto.length >= LOTTO) {
        await lancia(lotto);
        lotto = [];
      } else if (lotto.length % CEDI_OGNI === 0) {
        // The reader turns a whole chunk of the file into returns without leaving the event loop (a stored part is
        // 1 MB, thousands of returns): the batch in flight would get its database's answers only after it. Yielding
        // here lets them in, so its statements go on while the next batch is read (README, Misure).
        await cedi();
      }
    }
    if (lotto.length) await lancia(lotto);
  } finally {
    // Never return (or fail) while a batch's transaction is still open.
    const ultimo: Promise<void> | null = inVolo;
    if (ultimo) await ultimo;
  }
  const interrotto: ScartoFlusso | null = rapporto.interrotto;
  if (interrotto && opzioni.segnalazioni) await opzioni.segnalazioni([{ ...interrotto, tipo: "errore" }]);
}

/** Il flusso è finito (o il file si è interrotto): stato, totali, audit, e l'abbinamento delle denunce accolte. */
async function concludi(attore: Persona, rapporto: RapportoFlusso, nomeFile: string): Promise<void> {
  const flussoId = rapporto.flussoId!;
  await db().transaction(async (tx) => {
    await tx
      .update(flussiCig)
      .set({
        stato: rapporto.interrotto ? "interrotto" : "completato",
        denunce: rapporto.denunce, accolte: rapporto.accolte, scartate: rapporto.scartate, conAvvisi: rapporto.conAvvisi,
        completatoIl: new Date(),
      })
      .where(eq(flussiCig.id, flussoId));
    if (rapporto.interrotto) {
      await tx.insert(scartiFlussoCig).values({ flussoId, riga: rapporto.interrotto.riga, codice: rapporto.interrotto.codice, messaggio: rapporto.interrotto.messaggio });
    }
    // The stored file is not needed any more: the returns and the rejected rows are.
    await tx.delete(fileFlussiCig).where(eq(fileFlussiCig.flussoId, flussoId));
    await scriviAudit(tx, {
      utenteId: attore.utente.id, ruolo: attore.ruolo, azione: "invio_flusso_cig", oggettoTipo: "flusso_cig", oggettoId: flussoId, esito: "ok",
      dettagli: { nomeFile: nomeFile.slice(0, 255), denunce: rapporto.denunce, accolte: rapporto.accolte, scartate: rapporto.scartate, interrotto: rapporto.interrotto !== null },
    });
  });
  // Le denunce accolte sono abbinate subito alle autorizzazioni e i loro importi calcolati (operatori: pagamenti).
  if (rapporto.accolte > 0) await abbinaDopoAccoglienza(flussoId);
}

function leggi(formato: "xml" | "csv", contenuto: AsyncIterable<Uint8Array | string>, opzioni: OpzioniLettura): AsyncGenerator<VoceFlusso> {
  return formato === "xml" ? leggiFlussoXml(contenuto, opzioni) : leggiFlussoCsv(contenuto, opzioni);
}

async function* daMemoria(pezzi: readonly Uint8Array[]): AsyncGenerator<Uint8Array> {
  yield* pezzi;
}

/**
 * Controlla un flusso e, se non è una prova, accoglie le denunce corrette. Il file è letto una volta, a lotti; le
 * denunce accolte in un lotto non cambiano più (una transazione per lotto). Un file di più di `limiteSincrono`
 * denunce (o di più di 16 MB) è salvato per intero e affidato a un lavoro: il rapporto torna con `inCoda`.
 */
export async function riceviFlusso(
  attore: Persona,
  file: FileFlusso,
  opzioni: { prova: boolean; limiteSincrono?: number; tempi?: TempiLotti; segnalazioni?: OpzioniElaborazione["segnalazioni"] } & OpzioniLettura,
): Promise<Risultato<RapportoFlusso>> {
  const d = db();
  if (opzioni.prova) {
    const rapporto = rapportoVuoto(null, true, null);
    await elabora(attore, rapporto, leggi(file.formato, file.contenuto, opzioni), null, { tempi: opzioni.tempi, segnalazioni: opzioni.segnalazioni });
    rapporto.scarti.sort((a, b) => a.riga - b.riga);
    return riuscito(rapporto);
  }
  // The file is read ahead until it ends or shows itself too large for the user to wait: only then is it known which
  // way it goes. The count is the returns' opening tags (XML) or lines (CSV): an estimate for the progress page.
  const limite = opzioni.limiteSincrono ?? limiteSincrono();
  const conta = contatoreDenunce(file.formato, opzioni.mappatura);
  const sorgente = file.contenuto[Symbol.asyncIterator]();
  const letti: Uint8Array[] = [];
  let byte = 0;
  let finito = false;
  for (;;) {
    const r = await sorgente.next();
    if (r.done) {
      finito = true;
      break;
    }
    const pezzo = typeof r.value === "string" ? Buffer.from(r.value) : r.value;
    letti.push(pezzo);
    byte += pezzo.byteLength;
    conta.aggiungi(pezzo);
    if (conta.denunce() > limite || byte > MAX_IN_MEMORIA) break;
  }
  const nuovo = { inviatoDa: attore.utente.id, ruolo: attore.ruolo, aziendaId: attore.ruolo === "datore" ? attore.aziendaAttivaId : null, nomeFile: file.nome.slice(0, 255), formato: file.formato, versioneSchema: MAPPATURA_IN_USO.versione };

  if (finito) {
    const [f] = await d.insert(flussiCig).values({ ...nuovo, stato: "in_corso" }).returning({ id: flussiCig.id });
    const rapporto = rapportoVuoto(f.id, false, null);
    await elabora(attore, rapporto, leggi(file.formato, daMemoria(letti), opzioni), null, { tempi: opzioni.tempi });
    await concludi(attore, rapporto, file.nome);
    rapporto.scarti.sort((a, b) => a.riga - b.riga);
    return riuscito(rapporto);
  }

  // A large file: stored whole first, in parts, then handed to the job in the transaction that makes it visible as
  // queued. A body that breaks while it is stored leaves nothing (the flow and its parts are removed).
  const [f] = await d.insert(flussiCig).values({ ...nuovo, stato: "caricamento" }).returning({ id: flussiCig.id });
  const maxByte = opzioni.byte ?? LIMITI_FLUSSO.byte;
  try {
    let parte = 0;
    let inAttesa: Uint8Array[] = letti;
    let dimensione = byte;
    let salvati = 0;
    const salva = async () => {
      if (inAttesa.length === 0) return;
      const dati = Buffer.concat(inAttesa);
      await d.insert(fileFlussiCig).values({ flussoId: f.id, parte: parte++, dati });
      salvati += dati.byteLength;
      inAttesa = [];
      dimensione = 0;
    };
    if (dimensione >= PARTE_FILE) await salva();
    // Beyond the cap nothing more is stored: the job's reader stops there with the same message as a small file.
    while (salvati + dimensione <= maxByte) {
      const r = await sorgente.next();
      if (r.done) break;
      const pezzo = typeof r.value === "string" ? Buffer.from(r.value) : r.value;
      conta.aggiungi(pezzo);
      inAttesa.push(pezzo);
      dimensione += pezzo.byteLength;
      if (dimensione >= PARTE_FILE) await salva();
    }
    await salva();
  } catch (e) {
    await d.delete(flussiCig).where(eq(flussiCig.id, f.id)).catch(() => undefined);
    throw e;
  }
  await d.transaction(async (tx) => {
    await tx.update(flussiCig).set({ stato: "in_coda", denunceAttese: conta.denunce() }).where(eq(flussiCig.id, f.id));
    await accoda(tx, "flusso", { flussoId: f.id });
  });
  sveglia("flusso");
  return riuscito({ ...rapportoVuoto(f.id, false, null), inCoda: true });
}

export interface LavoroFlusso {
  flussoId: number;
}

/**
 * Il lavoro di un flusso salvato (coda "flusso"): legge il file dalle sue parti, salta le denunce dei lotti già scritti
 * e controlla le altre come l'invio sincrono, per conto di chi lo ha inviato (con i suoi permessi di oggi). Un flusso
 * già concluso non fa nulla: il lavoro si può ripetere.
 */
export async function elaboraFlussoInCoda(flussoId: number, opzioni: OpzioniElaborazione = {}): Promise<void> {
  const d = db();
  const [f] = await d.select().from(flussiCig).where(eq(flussiCig.id, flussoId));
  if (!f || (f.stato !== "in_coda" && f.stato !== "in_corso")) return;
  const [utente] = await d.select().from(utenti).where(eq(utenti.id, f.inviatoDa));
  const attore: Persona = { utente, ruolo: f.ruolo as Ruolo, aziendaAttivaId: f.aziendaId };
  // What the committed batches did: their totals are on the flow, their accepted returns in denunce_cig.
  const gia = await d
    .select({ chiave: denunceCig.chiave, ticket: denunceCig.ticket, ore: denunceCig.oreCentesimi })
    .from(denunceCig)
    .where(and(eq(denunceCig.flussoId, flussoId), isNull(denunceCig.eliminataIl)));
  const oreCentesimi = new Map<string, number>();
  for (const g of gia) oreCentesimi.set(g.ticket, (oreCentesimi.get(g.ticket) ?? 0) + g.ore);
  const ripresa: Ripresa = { denunce: f.denunce, accolte: f.accolte, scartate: f.scartate, conAvvisi: f.conAvvisi, chiavi: gia.map((g) => g.chiave), oreCentesimi };
  async function* parti(): AsyncGenerator<Uint8Array> {
    for (let parte = 0; ; parte++) {
      const [p] = await d.select({ dati: fileFlussiCig.dati }).from(fileFlussiCig).where(and(eq(fileFlussiCig.flussoId, flussoId), eq(fileFlussiCig.parte, parte)));
      if (!p) return;
      yield p.dati;
    }
  }
  const rapporto = rapportoVuoto(flussoId, false, ripresa);
  try {
    await elabora(attore, rapporto, leggi(f.formato, parti(), {}), ripresa, opzioni);
  } catch (e) {
    if (e instanceof FlussoGiaAvanzato) return;
    throw e;
  }
  await concludi(attore, rapporto, f.nomeFile);
}

/**
 * The scheduled cleanup (hourly, app/services/lavori): flows still being uploaded long after any upload could last,
 * with their stored parts. A body that breaks while its process is alive is removed at once (riceviFlusso); this
 * catches the uploads whose process stopped in the middle. Nothing else refers to such a flow: no return has been
 * checked. Returns how many were removed.
 */
export async function rimuoviCaricamentiInterrotti(ora: Date, etaMs = ETA_CARICAMENTO_INTERROTTO_MS): Promise<number> {
  const rimossi = await db()
    .delete(flussiCig)
    .where(and(eq(flussiCig.stato, "caricamento"), lt(flussiCig.ricevutoIl, new Date(ora.getTime() - etaMs))))
    .returning({ id: flussiCig.id });
  return rimossi.length;
}

/**
 * At a process's start: a job again for every stored flow still queued or half done (its process may have stopped).
 * Harmless when the flow's job is alive: the job that finds the totals moved stops.
 */
export async function riprendiFlussiFermi(): Promise<number> {
  const fermi = await db()
    .select({ id: flussiCig.id })
    .from(flussiCig)
    .where(and(inArray(flussiCig.stato, ["in_coda", "in_corso"]), sql`${flussiCig.denunceAttese} is not null`));
  if (fermi.length === 0) return 0;
  await db().transaction(async (tx) => {
    for (const f of fermi) await accoda(tx, "flusso", { flussoId: f.id });
  });
  return fermi.length;
}
