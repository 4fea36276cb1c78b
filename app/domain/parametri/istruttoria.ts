// Parametri dell'istruttoria: termine per decidere, interlocuzione, limite complessivo dell'art. 4, ricorsi.
// Stesse regole del catalogo principale: ogni valore è datato e porta fonte, riferimento e confidenza; un valore non
// reperito è "incerto" e gli esiti che lo usano lo dicono all'utente (docs/regole.md §11–§14).
import type { Frazione, VersioneParametro } from "./tipi";

function versione<T>(x: VersioneParametro<T>): VersioneParametro<T> {
  return x;
}

export interface TermineDecisione {
  /** Giorni di calendario entro cui l'INPS decide. */
  giorni: number;
}

export interface DecorrenzaTermine {
  /** Il termine decorre dall'invio oppure dall'inizio del periodo richiesto, se successivo. */
  dallInizioPeriodoSeSuccessivo: boolean;
}

/** I tipi di interlocuzione con l'azienda (art. 11 c.2 D.M. 95442/2016; verifica delle autocertificazioni). */
export type TipoRichiestaIstruttoria = "supplemento_istruttorio" | "documentale";

export interface TerminiRicorso {
  giorni: number;
  /** L'organo che decide il ricorso amministrativo, come va scritto nel provvedimento. */
  organo: string;
  /** Come si presenta il ricorso. */
  modalita: string;
}

const REGOLAMENTO_TERMINI = "Regolamento INPS sui termini dei procedimenti (deliberazione CdA n. 111 del 21/12/2020), Tabella A";
const L241 = "art. 2 c.2 L. 241/1990";
const RICORSI = "Regolamento INPS sui ricorsi amministrativi (deliberazione CdA n. 8 del 18/01/2023); circ. INPS 48/2023, msg 1900/2023";
const ONLINE = "solo online, con il servizio dedicato del sito INPS, direttamente o tramite un patronato o un intermediario abilitato";

export const CATALOGO_ISTRUTTORIA = {
  "istruttoria.termineDecisione.CIGO": [
    versione<TermineDecisione>({
      valore: { giorni: 90 }, validoDal: "2015-09-24", validoAl: "2020-12-31",
      fonte: "circ. INPS 55/2021 (termine previgente)", riferimento: REGOLAMENTO_TERMINI, confidenza: "probabile",
      nota: "Il termine previgente di 90 giorni è citato dalle sintesi della circ. 55/2021; la data del cambio non è verificata.",
    }),
    versione<TermineDecisione>({
      valore: { giorni: 75 }, validoDal: "2021-01-01", validoAl: null,
      fonte: "circ. INPS 55/2021; sintesi ANCE e PMI.it", riferimento: REGOLAMENTO_TERMINI, confidenza: "certo",
    }),
  ],
  // FIS, fondi e CISOA: la Tabella A non è stata reperita; si usa il termine ordinario dell'art. 2 c.2 L. 241/1990.
  "istruttoria.termineDecisione.AIS_FIS": [
    versione<TermineDecisione>({
      valore: { giorni: 30 }, validoDal: "2015-09-24", validoAl: null,
      fonte: "termine ordinario di legge in mancanza del valore della Tabella A", riferimento: L241, confidenza: "incerto",
      nota: "Il termine dell'AIS del FIS nella Tabella A del Regolamento INPS non è noto.",
    }),
  ],
  "istruttoria.termineDecisione.AIS_FONDO": [
    versione<TermineDecisione>({
      valore: { giorni: 30 }, validoDal: "2015-09-24", validoAl: null,
      fonte: "termine ordinario di legge in mancanza del valore della Tabella A", riferimento: L241, confidenza: "incerto",
      nota: "Il termine dell'AIS dei fondi di solidarietà bilaterali nella Tabella A del Regolamento INPS non è noto.",
    }),
  ],
  "istruttoria.termineDecisione.CISOA": [
    versione<TermineDecisione>({
      valore: { giorni: 30 }, validoDal: "1972-08-23", validoAl: null,
      fonte: "termine ordinario di legge in mancanza del valore della Tabella A", riferimento: L241, confidenza: "incerto",
      nota: "Il termine della CISOA nella Tabella A non è noto; con il regime del 2013 il silenzio oltre 60 giorni era impugnabile.",
    }),
  ],
  "istruttoria.decorrenzaTermine": [
    versione<DecorrenzaTermine>({
      valore: { dallInizioPeriodoSeSuccessivo: true }, validoDal: "2015-09-24", validoAl: null,
      fonte: "sintesi PMI.it del Regolamento INPS sui termini", riferimento: REGOLAMENTO_TERMINI, confidenza: "probabile",
    }),
  ],
  "istruttoria.sospensioneTermine": [
    versione<{ tipiSospensivi: TipoRichiestaIstruttoria[] }>({
      valore: { tipiSospensivi: ["supplemento_istruttorio"] }, validoDal: "2015-09-24", validoAl: null,
      fonte: "art. 2 c.7 L. 241/1990 (sospensione per acquisire informazioni); art. 11 c.2 D.M. 95442/2016",
      // Alike the dated entries of catalogo.ts (duplicates): each dated parameter is written in full with its period,
      // source and confidence
      riferimento: "art. 2 c.7 L. 241/1990", confidenza: "probabile",
      nota: "Il termine resta sospeso finché un supplemento istruttorio è aperto; la richiesta di documenti non lo sospende.",
    }),
  ],
  "interlocuzione.supplementoIstruttorio": [
    versione<{ giorniRisposta: number }>({
      valore: { giorniRisposta: 15 }, validoDal: "2016-04-15", validoAl: null,
      fonte: "D.M. 95442/2016; msg INPS 1396/2018", riferimento: "art. 11 c.2 D.M. 95442/2016", confidenza: "certo",
    }),
  ],
  "interlocuzione.documentale": [
    versione<{ giorniRisposta: number }>({
      valore: { giorniRisposta: 15 }, validoDal: "2016-04-15", validoAl: null,
      fonte: "scelta di progetto: lo stesso termine del supplemento istruttorio",
      riferimento: "art. 71 DPR 445/2000 (controlli sulle dichiarazioni sostitutive)", confidenza: "incerto",
      nota: "Il termine per la richiesta di documenti non è stato reperito in una fonte.",
    }),
  ],
  "limiti.art4": [
    versione<{ mesi: number; mesiEdiliziaLapidei: number }>({
      valore: { mesi: 24, mesiEdiliziaLapidei: 30 }, validoDal: "2015-09-24", validoAl: null,
      fonte: "d.lgs. 148/2015 art. 4; msg INPS 3566/2018 (simulatore dei limiti)", riferimento: "art. 4 d.lgs. 148/2015",
      confidenza: "certo",
    }),
  ],
  "limiti.art4.conteggio": [
    versione<{ settimaneAlMese: Frazione }>({
      valore: { settimaneAlMese: { numeratore: 52, denominatore: 12 } }, validoDal: "2015-09-24", validoAl: null,
      fonte: "conversione 24 mesi = 104 settimane del simulatore INPS (msg 3566/2018)", riferimento: "art. 4 d.lgs. 148/2015",
      confidenza: "probabile",
      nota: "I mesi si contano in settimane equivalenti (52 ogni 12 mesi) sui giorni effettivamente interessati.",
    }),
  ],
  "limiti.art4.eone": [
    versione<{ eoneContano: boolean }>({
      valore: { eoneContano: true }, validoDal: "2015-09-24", validoAl: null,
      fonte: "lettura del testo: l'art. 12 c.4 esclude gli EONE solo dai limiti dell'art. 12", riferimento: "art. 4 d.lgs. 148/2015",
      confidenza: "incerto",
      nota: "Non è stata reperita una fonte INPS che dica se i periodi per eventi oggettivamente non evitabili contano nei 24 mesi.",
    }),
  ],
  // Alike the entries around (duplicates): each dated parameter is written in full with its period, source and
  // confidence (docs/regole.md), so that a reader checks one entry against its law or circular without a helper in between.
  "ricorso.CIGO": [
    versione<TerminiRicorso>({
      valore: { giorni: 60, organo: "Comitato amministratore della Gestione prestazioni temporanee ai lavoratori dipendenti", modalita: ONLINE },
      validoDal: "2015-09-24", validoAl: "2023-05-16",
      fonte: "circ. INPS 48/2023 (termine previgente)", riferimento: RICORSI, confidenza: "certo",
    }),
    versione<TerminiRicorso>({
      valore: { giorni: 30, organo: "Comitato amministratore della Gestione prestazioni temporanee ai lavoratori dipendenti", modalita: ONLINE },
      validoDal: "2023-05-17", validoAl: null,
      fonte: "circ. INPS 48/2023; msg INPS 1900/2023", riferimento: RICORSI, confidenza: "certo",
      nota: "Termine perentorio dal ricevimento del provvedimento di rigetto o di accoglimento parziale.",
    }),
  ],
  "ricorso.AIS_FIS": [
    versione<TerminiRicorso>({
      valore: { giorni: 90, organo: "Comitato amministratore del Fondo di integrazione salariale", modalita: ONLINE },
      validoDal: "2015-09-24", validoAl: null,
      fonte: "circ. INPS 48/2023 (termine generale di 90 giorni)", riferimento: RICORSI, confidenza: "incerto",
      nota: "Non è verificato se all'AIS del FIS si applichi il termine ridotto di 30 giorni delle integrazioni salariali.",
    }),
  ],
  "ricorso.AIS_FONDO": [
    versione<TerminiRicorso>({
      valore: { giorni: 90, organo: "Comitato amministratore del fondo di solidarietà", modalita: ONLINE },
      validoDal: "2015-09-24", validoAl: null,
      fonte: "circ. INPS 48/2023 (termine generale; riesame delle decisioni dei Comitati dei fondi)", riferimento: RICORSI,
      confidenza: "incerto",
      nota: "Le regole di dettaglio del riesame per i fondi bilaterali non sono state lette.",
    }),
  ],
  "ricorso.CISOA": [
    versione<TerminiRicorso>({
      valore: { giorni: 90, organo: "Commissione provinciale CISOA, in sede di riesame", modalita: ONLINE },
      validoDal: "2015-09-24", validoAl: null,
      fonte: "circ. INPS 48/2023 (termine generale; riesame delle decisioni delle Commissioni provinciali CISOA)",
      riferimento: RICORSI, confidenza: "incerto",
      nota: "Le regole di dettaglio del riesame CISOA non sono state lette.",
    }),
  ],
} satisfies Record<string, VersioneParametro<unknown>[]>;
