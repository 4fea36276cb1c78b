// Persone e rapporti di lavoro fittizi: codici fiscali validi e unici, IBAN validi, righe di rapporto, giornate
// agricole, UniEmens ed eventi CIG scritti insieme perché restino coerenti tra loro.
import { addDays, diffDays, type DataISO } from "../../app/domain/date";
import { generaCodiceFiscale, type Sesso } from "../../app/domain/validatori/codice-fiscale";
import { componiIbanItaliano } from "../../app/domain/validatori/iban";
import { cifraControlloPartitaIva } from "../../app/domain/validatori/partita-iva";
import * as s from "../schema";
import { COGNOMI, NOMI_F, NOMI_M } from "./anagrafiche";
import type { ScrittoreLotti } from "./inserimento";
import { mulberry32, type Casuale } from "./prng";
import {
  giornateAgricolePerMese,
  righeUniemens,
  righeUniemensAgricole,
  type MeseCompetenza,
  type RapportoPerUniemens,
} from "./uniemens";

/** ABI fittizio dei dati di riferimento: nessuna banca reale ha questo codice. */
export const ABI_FITTIZIO = "99001";

/** Codici già usati in questa esecuzione: due persone non possono avere lo stesso CF, due aziende la stessa matricola. */
export class Registro {
  readonly codiciFiscali = new Set<string>();
  readonly matricole = new Set<string>();
  readonly partiteIva = new Set<string>();
  /** Conti correnti progressivi sull'ABI fittizio: garantiscono IBAN tutti diversi. */
  prossimoConto = 200_000;
}

export interface Persona {
  codiceFiscale: string;
  cognome: string;
  nome: string;
  dataNascita: DataISO;
  sesso: Sesso;
}

/**
 * Codice fiscale unico: se la persona generata coincide con una già esistente si applica l'omocodia, esattamente come fa
 * l'Agenzia delle Entrate (prassi dell'Agenzia delle Entrate). Così anche i codici omocodici finiscono nei dati di prova.
 */
export function codiceFiscaleUnico(registro: Registro, p: Omit<Persona, "codiceFiscale">, luogo: string): string | null {
  for (let livello = 0; livello <= 7; livello++) {
    const cf = generaCodiceFiscale({ ...p, codiceCatastale: luogo, livelloOmocodia: livello });
    if (!registro.codiciFiscali.has(cf)) {
      registro.codiciFiscali.add(cf);
      return cf;
    }
  }
  return null;
}

export function dataTra(c: Casuale, dal: DataISO, al: DataISO): DataISO {
  return addDays(dal, c.intero(0, Math.max(0, diffDays(al, dal))));
}

export function personaFittizia(
  c: Casuale,
  registro: Registro,
  opzioni: { luogo: string; nascitaDal: DataISO; nascitaAl: DataISO; sesso?: Sesso },
): Persona {
  for (;;) {
    const sesso = opzioni.sesso ?? (c.probabilita(0.5) ? "M" : "F");
    const p = {
      cognome: c.scegli(COGNOMI),
      nome: c.scegli(sesso === "M" ? NOMI_M : NOMI_F),
      dataNascita: dataTra(c, opzioni.nascitaDal, opzioni.nascitaAl),
      sesso,
    };
    const cf = codiceFiscaleUnico(registro, p, opzioni.luogo);
    if (cf) return { ...p, codiceFiscale: cf };
  }
}

export function ibanFittizio(registro: Registro, cab: string): string {
  return componiIbanItaliano(ABI_FITTIZIO, cab, String(registro.prossimoConto++).padStart(12, "0"));
}

/** Partita IVA unica: 7 cifre progressive casuali + codice dell'ufficio provinciale + cifra di controllo (D.P.R. 633/1972 art. 35). */
export function partitaIvaFittizia(c: Casuale, registro: Registro, ufficio: string): string {
  for (;;) {
    const primi10 = String(c.intero(1_000_000, 9_999_999)) + ufficio;
    const piva = primi10 + cifraControlloPartitaIva(primi10);
    if (!registro.partiteIva.has(piva)) {
      registro.partiteIva.add(piva);
      return piva;
    }
  }
}

/** Matricola INPS: dieci cifre casuali e uniche (INPS non pubblica una cifra di controllo). */
export function matricolaFittizia(c: Casuale, registro: Registro): string {
  for (;;) {
    const m = String(c.intero(1_000_000_000, 9_999_999_999));
    if (!registro.matricole.has(m)) {
      registro.matricole.add(m);
      return m;
    }
  }
}

export type Qualifica = (typeof s.qualificaEnum.enumValues)[number];
export type TipoContratto = (typeof s.tipoContrattoEnum.enumValues)[number];

export interface DatiRapporto {
  lavoratoreId: number;
  unitaProduttivaId: number;
  qualifica: Qualifica;
  tipoContratto: TipoContratto;
  dataAssunzione: DataISO;
  dataCessazione: DataISO | null;
  orarioSettimanaleCentesimi: number;
  percentualePartTime: number | null;
  /** Solo operai agricoli: giornate lavorate per anno solare (l'anno in corso fino al giorno prima del riferimento). */
  giornateAgricole?: Readonly<Record<number, number>>;
}

export interface EventiCig {
  codiceEvento: string;
  ticket: string;
  giorni: ReadonlyArray<{ giorno: DataISO; oreCentesimi: number }>;
}

export interface ContestoUniemens {
  mesi: readonly MeseCompetenza[];
  dataRiferimento: DataISO;
}

export function isAgricolo(q: Qualifica): boolean {
  return q === "oti" || q === "otd";
}

export interface DatiPersona {
  codiceFiscale: string;
  cognome: string;
  nome: string;
  dataNascita: DataISO;
  sesso: Sesso;
}

/**
 * Scrive un lavoratore generato con il suo rapporto (e UniEmens, eventi CIG). `seme` dà al lavoratore un generatore
 * suo: le sue assenze non dipendono dall'ordine di scrittura.
 */
export function scriviLavoratore(
  w: ScrittoreLotti,
  ctx: ContestoUniemens,
  persona: DatiPersona,
  iban: string | null,
  rapporto: Omit<DatiRapporto, "lavoratoreId">,
  seme: number,
  eventi?: EventiCig,
): void {
  const lavoratoreId = w.prossimoId(s.lavoratori);
  w.aggiungi(s.lavoratori, {
    id: lavoratoreId,
    codiceFiscale: persona.codiceFiscale,
    cognome: persona.cognome,
    nome: persona.nome,
    dataNascita: persona.dataNascita,
    sesso: persona.sesso,
    iban,
  });
  scriviRapporto(w, ctx, { lavoratoreId, ...rapporto }, mulberry32(seme), eventi);
}

/** Scrive rapporto, giornate agricole, mesi UniEmens ed eventi CIG; restituisce l'id del rapporto. */
export function scriviRapporto(
  w: ScrittoreLotti,
  ctx: ContestoUniemens,
  r: DatiRapporto,
  c: Casuale,
  eventi?: EventiCig,
): number {
  const id = w.prossimoId(s.rapportiLavoro);
  w.aggiungi(s.rapportiLavoro, {
    id,
    lavoratoreId: r.lavoratoreId,
    unitaProduttivaId: r.unitaProduttivaId,
    qualifica: r.qualifica,
    tipoContratto: r.tipoContratto,
    dataAssunzione: r.dataAssunzione,
    dataCessazione: r.dataCessazione,
    orarioSettimanaleCentesimi: r.orarioSettimanaleCentesimi,
    percentualePartTime: r.percentualePartTime,
  });
  let oreCig: Map<DataISO, number> | undefined;
  if (eventi && eventi.giorni.length > 0) {
    oreCig = new Map();
    for (const e of eventi.giorni) {
      const competenza = `${e.giorno.slice(0, 7)}-01`;
      oreCig.set(competenza, (oreCig.get(competenza) ?? 0) + e.oreCentesimi);
      w.aggiungi(s.uniemensEventiCig, {
        rapportoId: id,
        giorno: e.giorno,
        codiceEvento: eventi.codiceEvento,
        oreCentesimi: e.oreCentesimi,
        ticket: eventi.ticket,
      });
    }
  }
  const perUniemens: RapportoPerUniemens = {
    dataAssunzione: r.dataAssunzione,
    dataCessazione: r.dataCessazione,
    orarioSettimanaleCentesimi: r.orarioSettimanaleCentesimi,
    giorniSettimana: isAgricolo(r.qualifica) ? 6 : 5,
  };
  let righe;
  if (r.giornateAgricole) {
    const perMese = new Map<DataISO, number>();
    const annoRiferimento = Number(ctx.dataRiferimento.slice(0, 4));
    for (const [anno, giornate] of Object.entries(r.giornateAgricole)) {
      const a = Number(anno);
      w.aggiungi(s.giornateAgricole, { rapportoId: id, anno: a, giornate });
      const finoAl = a === annoRiferimento ? addDays(ctx.dataRiferimento, -1) : `${a}-12-31`;
      for (const [m, g] of giornateAgricolePerMese(a, giornate, perUniemens, finoAl)) perMese.set(m, g);
    }
    righe = righeUniemensAgricole(ctx.mesi, perUniemens, perMese, oreCig);
  } else {
    righe = righeUniemens(ctx.mesi, perUniemens, c, oreCig);
  }
  for (const u of righe) w.aggiungi(s.uniemensMensili, { rapportoId: id, ...u });
  return id;
}
