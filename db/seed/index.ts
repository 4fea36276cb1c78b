// Seed della piattaforma: dati di riferimento (le cinque aziende dei casi D1–D5) e utenti demo, poi le aziende generate.
// Ogni fase è una transazione; `seedSeVuoto` le racchiude in una sola, così un avvio interrotto non lascia mezzo seed.
import { sql } from "drizzle-orm";
import type { Db } from "../client";
import * as s from "../schema";
import { FONDI_SOLIDARIETA, SEDI } from "./anagrafiche";
import { scriviDomandeDemo } from "./domande-demo";
import { scriviCruscottoDemo } from "./cruscotto-demo";
import { scriviDecisioniDemo } from "./decisioni-demo";
import { scriviPagamentiDemo } from "./pagamenti-demo";
import { scriviLottiInviatiDemo } from "./esiti-banca-demo";
import { scriviComunicazioniDemo } from "./comunicazioni-demo";
import { scriviRisposteDemo } from "./risposte-demo";
import { generaAziende, type RiepilogoGenerazione } from "./genera";
import { scriviGrandeAzienda } from "./grande";
import { righeDi, ScrittoreLotti, type OpzioniScrittore } from "./inserimento";
import { Registro } from "./persone";
import { SEMI } from "./prng";
import { DATA_RIFERIMENTO_SEED, MESI_UNIEMENS, scriviRiferimento, type IdRiferimento } from "./riferimento";
import { mesiCompetenza } from "./uniemens";
import { DELEGHE_RIFERIMENTO, DELEGHE_VALIDE_DEMO, LAURA_CONSULENTE, UTENTI_DEMO } from "./utenti-demo";

export { DATA_RIFERIMENTO_SEED, MESI_UNIEMENS, AZIENDE_RIFERIMENTO, LAVORATORI_RIFERIMENTO, LEGALI_RAPPRESENTANTI, DATA_ASSUNZIONE_LUCA } from "./riferimento";
export { UTENTI_DEMO, MARIO_ESEMPIO, LAURA_CONSULENTE, OPERATORE_PADOVA, OPERATORE_MILANO, OPERATORE_MILANO_BIS, DIRIGENTE_PADOVA, STUDIO_INTERMEDIARIA, DELEGHE_RIFERIMENTO, DELEGHE_VALIDE_DEMO } from "./utenti-demo";
export { SEDI, FONDI_SOLIDARIETA } from "./anagrafiche";
export { GRANDE_AZIENDA, LAVORATORI_GRANDE_AZIENDA } from "./grande";
export { DOMANDE_C1_DEMO } from "./domande-demo";
export { LOTTI_INVIATI_DEMO } from "./esiti-banca-demo";
export { DOMANDE_DECISIONE_DEMO, TESTO_SUPPLEMENTO_DEMO } from "./decisioni-demo";
export { CRUSCOTTO_DEMO } from "./cruscotto-demo";
export { DOMANDE_PAGAMENTO_DEMO } from "./pagamenti-demo";
export { DOMANDE_POSTA_DEMO, MESSAGGIO_SEDE_DEMO } from "./comunicazioni-demo";
export { DOMANDE_RISPOSTA_DEMO } from "./risposte-demo";

/** Dimensioni della demo (issue 2: circa 200 aziende e 5.000 lavoratori con 24 mesi UniEmens). */
export const DEMO = { aziende: 200, lavoratori: 5_000, mesi: MESI_UNIEMENS } as const;

/**
 * Dimensioni per i benchmark (--scale). I mesi UniEmens delle aziende generate scendono a 3: con 24 sarebbero
 * 24 milioni di righe, che misurano il disco più che la piattaforma. Le aziende di riferimento restano a 24 mesi.
 */
export const SCALA = { aziende: 100_000, lavoratori: 1_000_000, mesi: 3 } as const;

export interface RiepilogoSeed {
  /** Righe scritte per tabella. */
  righe: Record<string, number>;
  generazione?: RiepilogoGenerazione;
  secondi: number;
}

export interface OpzioniSeed {
  scala?: boolean;
  /** Avanzamento per il CLI (righe per tabella dopo ogni lotto, aziende generate ogni 1.000). */
  avanzamento?: OpzioniScrittore["avanzamento"];
  avanzamentoAziende?: (n: number) => void;
}

interface StatoRiferimento {
  registro: Registro;
  ids: IdRiferimento;
  intermediarioId: number;
  righe: Record<string, number>;
}

function somma(a: Record<string, number>, b: Record<string, number>): Record<string, number> {
  const r = { ...a };
  for (const [k, v] of Object.entries(b)) r[k] = (r[k] ?? 0) + v;
  return r;
}

async function faseRiferimento(db: Db, opzioni: OpzioniSeed = {}): Promise<StatoRiferimento> {
  return db.transaction(async (tx) => {
    const w = await ScrittoreLotti.apri(tx, { avanzamento: opzioni.avanzamento });
    for (const sede of SEDI) w.aggiungi(s.sedi, { ...sede });
    for (const f of FONDI_SOLIDARIETA) w.aggiungi(s.fondiSolidarieta, { ...f });
    const registro = new Registro();
    const ctx = { mesi: mesiCompetenza(DATA_RIFERIMENTO_SEED, MESI_UNIEMENS), dataRiferimento: DATA_RIFERIMENTO_SEED };
    const ids = scriviRiferimento(w, registro, ctx);

    let intermediarioId = 0;
    for (const u of UTENTI_DEMO) {
      const id = w.prossimoId(s.utenti);
      if (u.codiceFiscale === LAURA_CONSULENTE.codiceFiscale) intermediarioId = id;
      w.aggiungi(s.utenti, { id, codiceFiscale: u.codiceFiscale, nome: u.nome, cognome: u.cognome, email: u.email });
      for (const ruolo of u.ruoli) w.aggiungi(s.ruoliUtente, { utenteId: id, ruolo });
      for (const sedeCodice of u.sedi) w.aggiungi(s.abilitazioniSede, { utenteId: id, sedeCodice });
    }
    for (const d of DELEGHE_RIFERIMENTO) {
      w.aggiungi(s.deleghe, {
        id: w.prossimoId(s.deleghe),
        intermediarioId,
        aziendaId: ids.aziende[d.azienda],
        validaDal: d.validaDal,
        validaAl: d.validaAl,
      });
    }
    await w.chiudi();
    return { registro, ids, intermediarioId, righe: w.conteggi };
  });
}

/** Sedi, fondi, le cinque aziende di riferimento con unità e lavoratori, lo studio dell'intermediaria, utenti e deleghe. */
export async function seedRiferimento(db: Db): Promise<RiepilogoSeed> {
  const inizio = performance.now();
  const stato = await faseRiferimento(db);
  return { righe: stato.righe, secondi: (performance.now() - inizio) / 1000 };
}

/** Riferimento + aziende generate (200 / 5.000 lavoratori, o 100.000 / 1.000.000 con `scala`) + la Grande Fonderia. */
export async function seedDemo(db: Db, opzioni: OpzioniSeed = {}): Promise<RiepilogoSeed> {
  const inizio = performance.now();
  const stato = await faseRiferimento(db, opzioni);
  const dimensioni = opzioni.scala ? SCALA : DEMO;
  const risultato = await db.transaction(async (tx) => {
    const w = await ScrittoreLotti.apri(tx, { avanzamento: opzioni.avanzamento });
    const generazione = await generaAziende(w, stato.registro, {
      aziende: dimensioni.aziende,
      lavoratori: dimensioni.lavoratori,
      seme: opzioni.scala ? SEMI.scala : SEMI.generatore,
      ctx: { mesi: mesiCompetenza(DATA_RIFERIMENTO_SEED, dimensioni.mesi), dataRiferimento: DATA_RIFERIMENTO_SEED },
      // C3, C4, C5 e la Grande Fonderia sono delegate a parte: le altre (27) sono aziende generate.
      deleghe: { intermediarioId: stato.intermediarioId, quante: DELEGHE_VALIDE_DEMO - 4 },
      avanzamento: opzioni.avanzamentoAziende,
    });
    // Dopo le generate e con un seme suo: le loro righe restano quelle di prima. 24 mesi UniEmens anche con --scale.
    scriviGrandeAzienda(
      w,
      stato.registro,
      { mesi: mesiCompetenza(DATA_RIFERIMENTO_SEED, MESI_UNIEMENS), dataRiferimento: DATA_RIFERIMENTO_SEED },
      stato.intermediarioId,
    );
    await w.chiudi();
    return { generazione, righe: w.conteggi };
  });
  // Sent domande for the operators' desk (after the companies they belong to).
  const inviate = await db.transaction(
    async (tx) =>
      (await scriviDomandeDemo(tx)) +
      (await scriviDecisioniDemo(tx)) +
      (await scriviCruscottoDemo(tx)) +
      (await scriviPagamentiDemo(tx)) +
      (await scriviLottiInviatiDemo(tx)) +
      (await scriviComunicazioniDemo(tx)) +
      (await scriviRisposteDemo(tx)),
  );
  return {
    righe: somma(stato.righe, { ...risultato.righe, domande: (risultato.righe.domande ?? 0) + inviate }),
    generazione: risultato.generazione,
    secondi: (performance.now() - inizio) / 1000,
  };
}

/** Chiave dell'advisory lock: due avvii contemporanei non seminano due volte. */
const LOCK_SEED = 1482015;

/**
 * Semina i dati demo solo se il database è vuoto (nessuna sede) e dice se l'ha fatto. `npm start` la chiama a ogni
 * avvio: tutto in una transazione con lock, così un seed interrotto non lascia dati a metà e uno concorrente aspetta.
 */
export async function seedSeVuoto(db: Db, opzioni: OpzioniSeed = {}): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_SEED})`);
    const r = righeDi<{ n: number | string }>(await tx.execute(sql`select count(*) as n from ${s.sedi}`));
    if (Number(r[0].n) > 0) return false;
    await seedDemo(tx, opzioni);
    return true;
  });
}
