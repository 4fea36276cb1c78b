// Termine per decidere una domanda: CIGO 75 giorni (Regolamento INPS sui termini dei procedimenti, Tabella A),
// dall'invio o dall'inizio del periodo se successivo, sospeso mentre un supplemento istruttorio è aperto (art. 2 c.7
// L. 241/1990). Per FIS, fondi e CISOA il valore non è noto: il parametro è incerto e l'esito lo dice. docs/regole.md §11.
import { addDays, diffDays, formatDataItaliana as it, maxData, type DataISO } from "../date";
import { esito, type Esito } from "../esito";
import { parametro } from "../parametri";
import { nomePrestazione, type Prestazione } from "../tipi";
import { giorniCoperti, intervalliApertura, scadenzaRichiesta, situazioneRichiesta, type RichiestaIstruttoria } from "./interlocuzione";

/** Da quanti giorni prima della scadenza un caso è "in scadenza" nella coda (scelta organizzativa, non di legge). */
export const GIORNI_PREAVVISO_DECISIONE = 15;

/** scaduto: oltre il termine; in_scadenza: entro il preavviso; nei_termini: oltre il preavviso. */
export type UrgenzaTermine = "scaduto" | "in_scadenza" | "nei_termini";

export const ETICHETTE_URGENZA: Record<UrgenzaTermine, string> = {
  scaduto: "Termine scaduto",
  in_scadenza: `In scadenza entro ${GIORNI_PREAVVISO_DECISIONE} giorni`,
  nei_termini: "Nei termini",
};

export interface InputTermineDecisione {
  prestazione: Prestazione;
  inviataIl: DataISO;
  inizioPeriodo: DataISO;
  richieste: readonly RichiestaIstruttoria[];
  oggi: DataISO;
  /** Se la domanda è già decisa il conteggio si ferma al giorno della decisione. */
  decisaIl?: DataISO | null;
  preavvisoGiorni?: number;
}

export interface EsitoTermineDecisione {
  decorrenza: DataISO;
  giorniTermine: number;
  giorniSospensione: number;
  /** Ultimo giorno utile per decidere, sospensioni comprese. */
  scadenza: DataISO;
  /** Giorni dalla data di riferimento (oggi, o la decisione) alla scadenza: negativo se oltre. */
  giorniRimanenti: number;
  urgenza: UrgenzaTermine;
  /** Un supplemento istruttorio è aperto: il termine non scorre. */
  sospeso: boolean;
  esito: Esito;
}

const PARAMETRO = {
  CIGO: "istruttoria.termineDecisione.CIGO",
  AIS_FIS: "istruttoria.termineDecisione.AIS_FIS",
  AIS_FONDO: "istruttoria.termineDecisione.AIS_FONDO",
  CISOA: "istruttoria.termineDecisione.CISOA",
} as const;

export function urgenzaTermine(giorniRimanenti: number, preavvisoGiorni = GIORNI_PREAVVISO_DECISIONE): UrgenzaTermine {
  return giorniRimanenti < 0 ? "scaduto" : giorniRimanenti <= preavvisoGiorni ? "in_scadenza" : "nei_termini";
}

function giorniTesto(n: number): string {
  return n === 1 ? "1 giorno" : `${n} giorni`;
}

export function termineDecisione(input: InputTermineDecisione): EsitoTermineDecisione {
  const p = parametro(PARAMETRO[input.prestazione], input.inviataIl);
  const decorrenzaP = parametro("istruttoria.decorrenzaTermine", input.inviataIl);
  const sospensione = parametro("istruttoria.sospensioneTermine", input.inviataIl);
  const riferimento = input.decisaIl ?? input.oggi;
  const decorrenza = decorrenzaP.valore.dallInizioPeriodoSeSuccessivo ? maxData(input.inviataIl, input.inizioPeriodo) : input.inviataIl;
  const intervalli = intervalliApertura(input.richieste, sospensione.valore.tipiSospensivi, riferimento);
  const giorniSospensione = giorniCoperti(intervalli);
  const sospeso = !input.decisaIl && input.richieste.some(
    (r) => sospensione.valore.tipiSospensivi.includes(r.tipo) && r.ricevutaIl <= riferimento && situazioneRichiesta(r, riferimento).stato === "aperta",
  );
  const scadenza = addDays(decorrenza, p.valore.giorni + giorniSospensione);
  const giorniRimanenti = diffDays(scadenza, riferimento);
  const urgenza = urgenzaTermine(giorniRimanenti, input.preavvisoGiorni);
  const nome = nomePrestazione(input.prestazione);
  const base = `Termine per decidere la domanda di ${nome}: ${p.valore.giorni} giorni dal ${it(decorrenza)}${decorrenza !== input.inviataIl ? ", inizio del periodo richiesto (successivo all'invio)" : ", giorno dell'invio"}`;
  const conSospensione = giorniSospensione > 0 ? `, più ${giorniTesto(giorniSospensione)} di sospensione per supplemento istruttorio` : "";
  let stato: string;
  if (input.decisaIl) {
    stato = giorniRimanenti >= 0
      ? `decisa il ${it(input.decisaIl)}, entro il termine del ${it(scadenza)}`
      : `decisa il ${it(input.decisaIl)}, ${giorniTesto(-giorniRimanenti)} oltre il termine del ${it(scadenza)}`;
  } else if (sospeso) {
    stato = `il termine è sospeso finché il supplemento istruttorio è aperto; per ora scade il ${it(scadenza)}`;
  } else {
    stato = giorniRimanenti < 0
      ? `scaduto il ${it(scadenza)}, da ${giorniTesto(-giorniRimanenti)}`
      : giorniRimanenti === 0
        ? `scade oggi, ${it(scadenza)}`
        : `scade il ${it(scadenza)}, restano ${giorniTesto(giorniRimanenti)}`;
  }
  return {
    decorrenza, giorniTermine: p.valore.giorni, giorniSospensione, scadenza, giorniRimanenti, urgenza, sospeso,
    esito: esito({
      regola: "istruttoria.termineDecisione",
      riferimento: p.riferimento,
      gravita: !input.decisaIl && urgenza !== "nei_termini" ? "avviso" : input.decisaIl && giorniRimanenti < 0 ? "avviso" : "informazione",
      messaggio: `${base}${conSospensione}: ${stato}.`,
      dati: {
        prestazione: input.prestazione, inviataIl: input.inviataIl, inizioPeriodo: input.inizioPeriodo, decorrenza,
        giorniTermine: p.valore.giorni, intervalliSospensione: intervalli, giorniSospensione, scadenza, giorniRimanenti,
        urgenza, decisaIl: input.decisaIl ?? null,
      },
      parametri: [p, decorrenzaP, sospensione],
    }),
  };
}

/** Gruppi della coda dell'operatore, nell'ordine in cui compaiono. */
export type GruppoCoda = "scaduti" | "in_scadenza" | "nuovi" | "in_lavorazione";

export const ETICHETTE_GRUPPO_CODA: Record<GruppoCoda, string> = {
  scaduti: "Termine scaduto",
  in_scadenza: `In scadenza entro ${GIORNI_PREAVVISO_DECISIONE} giorni`,
  nuovi: "Nuove, da prendere in carico",
  in_lavorazione: "In lavorazione",
};

/** L'urgenza prevale sulla novità: una domanda nuova già oltre il termine sta tra gli scaduti. */
export function gruppoCoda(stato: string, urgenza: UrgenzaTermine): GruppoCoda {
  if (urgenza === "scaduto") return "scaduti";
  if (urgenza === "in_scadenza") return "in_scadenza";
  return stato === "inviata" ? "nuovi" : "in_lavorazione";
}

export interface InputTermineCorrente {
  /** Scadenza calcolata da termineDecisione con le sospensioni già concluse (colonna scadenza_decisione). */
  scadenza: DataISO;
  /** Giorno in cui si è aperto il supplemento istruttorio ancora in corso, null se nessuno. */
  sospesoDal: DataISO | null;
  oggi: DataISO;
  preavvisoGiorni?: number;
}

export interface TermineCorrente {
  scadenza: DataISO;
  giorniRimanenti: number;
  urgenza: UrgenzaTermine;
  sospeso: boolean;
}

/**
 * Il termine di oggi dalla scadenza memorizzata: mentre un supplemento istruttorio è aperto la scadenza si sposta di un
 * giorno per ogni giorno di sospensione (art. 2 c.7 L. 241/1990), ma non oltre il giorno dopo l'ultimo utile per
 * rispondere, quando la richiesta smette di essere aperta (come in termineDecisione). Serve alla coda, che ordina per
 * la colonna e non può rileggere le richieste di ogni riga.
 */
export function termineCorrente(input: InputTermineCorrente): TermineCorrente {
  let scadenza = input.scadenza;
  let sospeso = false;
  if (input.sospesoDal && input.sospesoDal <= input.oggi) {
    const fineApertura = addDays(scadenzaRichiesta("supplemento_istruttorio", input.sospesoDal), 1);
    sospeso = input.oggi < fineApertura;
    scadenza = addDays(scadenza, diffDays(sospeso ? input.oggi : fineApertura, input.sospesoDal));
  }
  const giorniRimanenti = diffDays(scadenza, input.oggi);
  return { scadenza, giorniRimanenti, urgenza: urgenzaTermine(giorniRimanenti, input.preavvisoGiorni), sospeso };
}
