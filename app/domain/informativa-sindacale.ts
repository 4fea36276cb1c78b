// Informativa sindacale (art. 14 d.lgs. 148/2015; art. 8 L. 457/1972 per la CISOA). L'azienda dichiara di averla svolta;
// la regola dice se è dovuta e se le date dichiarate sono compatibili con i termini.
import { addDays, diffDays, formatDataItaliana as it, type DataISO } from "./date";
import { esito, type Esito } from "./esito";
import { parametro } from "./parametri";
import type { Prestazione } from "./tipi";

export interface InputInformativa {
  prestazione: Prestazione;
  eone: boolean;
  ediliziaLapidei: boolean;
  dipendentiMedi: number;
  inizioSospensione: DataISO;
  /** Settimane continue di integrazione dell'unità produttiva compresa questa domanda (per edilizia e lapidei). */
  settimaneContinue: number;
  /** EONE: riduzione d'orario settimanale per lavoratore, in ore. */
  riduzioneOreSettimanali?: number;
  dataComunicazione?: DataISO;
  dataConclusione?: DataISO;
  dataRichiestaEsame?: DataISO;
}

export interface EsitoInformativa {
  dovuta: boolean;
  /** Data entro cui la procedura deve concludersi (se calcolabile). */
  termineConclusione: DataISO | null;
  esiti: Esito[];
}

const RIF = "art. 14 d.lgs. 148/2015";

export function verificaInformativa(input: InputInformativa): EsitoInformativa {
  const data = input.inizioSospensione;
  if (input.prestazione === "CISOA") {
    const p = parametro("informativa.cisoa", data);
    return {
      dovuta: p.valore.dovuta, termineConclusione: null,
      esiti: [esito({ regola: "informativa.dovuta", riferimento: p.riferimento, gravita: "informazione", messaggio: "Per la CISOA non è prevista la procedura di informativa sindacale.", dati: { prestazione: input.prestazione }, parametri: [p] })],
    };
  }
  if (input.ediliziaLapidei && input.prestazione === "CIGO") {
    const p = parametro("informativa.ediliziaLapidei", data);
    if (input.settimaneContinue <= p.valore.settimaneContinueSoglia) {
      return {
        dovuta: false, termineConclusione: null,
        esiti: [esito({
          regola: "informativa.dovuta", riferimento: p.riferimento, gravita: "informazione",
          messaggio: `Per edilizia e lapidei l'informativa sindacale è dovuta solo per le proroghe oltre ${p.valore.settimaneContinueSoglia} settimane continue: qui sono ${input.settimaneContinue}.`,
          dati: { settimaneContinue: input.settimaneContinue, soglia: p.valore.settimaneContinueSoglia }, parametri: [p],
        })],
      };
    }
  }
  if (input.eone && input.prestazione === "CIGO") return informativaEone(input);
  return informativaOrdinaria(input);
}

function mancaComunicazione(regola: string): Esito {
  return esito({
    regola, riferimento: `${RIF} c.1`, gravita: "bloccante",
    messaggio: "Dichiara la data della comunicazione preventiva alle rappresentanze sindacali: l'informativa è dovuta.",
    dati: {},
  });
}

function informativaOrdinaria(input: InputInformativa): EsitoInformativa {
  const p = parametro("informativa.termini", input.inizioSospensione);
  const piccola = input.dipendentiMedi <= p.valore.sogliaDipendenti;
  const giorniMax = piccola ? p.valore.giorniPiccole : p.valore.giorni;
  if (!input.dataComunicazione) return { dovuta: true, termineConclusione: null, esiti: [mancaComunicazione("informativa.comunicazione")] };
  const termine = addDays(input.dataComunicazione, giorniMax);
  const esiti: Esito[] = [];
  const dati = { dipendentiMedi: input.dipendentiMedi, giorniMassimi: giorniMax, dataComunicazione: input.dataComunicazione, dataConclusione: input.dataConclusione ?? null, termineConclusione: termine };
  if (input.dataConclusione) {
    const durata = diffDays(input.dataConclusione, input.dataComunicazione);
    const entro = durata >= 0 && durata <= giorniMax;
    esiti.push(esito({
      regola: "informativa.durata", riferimento: `${RIF} c.3`, gravita: entro ? "informazione" : "avviso",
      messaggio: entro
        ? `La procedura sindacale si è conclusa in ${durata} giorni dalla comunicazione, entro i ${giorniMax} previsti per aziende ${piccola ? "fino a" : "oltre"} ${p.valore.sogliaDipendenti} dipendenti.`
        : durata < 0
          ? `La data di conclusione della procedura sindacale (${it(input.dataConclusione)}) precede quella della comunicazione (${it(input.dataComunicazione)}).`
          : `La procedura sindacale si è conclusa in ${durata} giorni dalla comunicazione: il massimo per aziende ${piccola ? "fino a" : "oltre"} ${p.valore.sogliaDipendenti} dipendenti è ${giorniMax} giorni (entro il ${it(termine)}).`,
      dati: { ...dati, durataGiorni: durata }, parametri: [p],
    }));
  } else {
    esiti.push(esito({
      regola: "informativa.durata", riferimento: `${RIF} c.3`, gravita: "informazione",
      messaggio: `La procedura sindacale deve concludersi entro ${giorniMax} giorni dalla comunicazione, cioè entro il ${it(termine)}.`,
      dati, parametri: [p],
    }));
  }
  if (input.prestazione === "AIS_FIS" && input.dataComunicazione > input.inizioSospensione) {
    const fis = parametro("termini.AIS_FIS", input.inizioSospensione);
    esiti.push(esito({
      regola: "informativa.fisPreventiva", riferimento: "msg INPS 606/2022", gravita: "avviso",
      messaggio: `Per il FIS l'informativa va svolta prima dell'inizio della sospensione (${it(input.inizioSospensione)}): la comunicazione risulta del ${it(input.dataComunicazione)}.`,
      dati: { dataComunicazione: input.dataComunicazione, inizioSospensione: input.inizioSospensione }, parametri: [fis],
    }));
  }
  return { dovuta: true, termineConclusione: termine, esiti };
}

function informativaEone(input: InputInformativa): EsitoInformativa {
  const p = parametro("informativa.eone", input.inizioSospensione);
  if (!input.dataComunicazione) return { dovuta: true, termineConclusione: null, esiti: [mancaComunicazione("informativa.eone")] };
  const riduzione = input.riduzioneOreSettimanali ?? 0;
  const esameEventuale = riduzione > p.valore.oreSettimanaliSoglia;
  const esiti: Esito[] = [];
  const dati = { riduzioneOreSettimanali: riduzione, soglia: p.valore.oreSettimanaliSoglia, dataComunicazione: input.dataComunicazione, dataRichiestaEsame: input.dataRichiestaEsame ?? null, dataConclusione: input.dataConclusione ?? null };
  if (!esameEventuale || !input.dataRichiestaEsame) {
    esiti.push(esito({
      regola: "informativa.eone", riferimento: `${RIF} c.4`, gravita: "informazione",
      messaggio: esameEventuale
        ? `Evento oggettivamente non evitabile con riduzione oltre ${p.valore.oreSettimanaliSoglia} ore settimanali: basta la comunicazione; l'esame congiunto si svolge se richiesto entro ${p.valore.giorniRichiestaEsame} giorni.`
        : `Evento oggettivamente non evitabile: basta comunicare la durata prevedibile e il numero dei lavoratori interessati.`,
      dati, parametri: [p],
    }));
    return { dovuta: true, termineConclusione: null, esiti };
  }
  const termine = addDays(input.dataRichiestaEsame, p.valore.giorniEsame);
  const richiestaTardiva = diffDays(input.dataRichiestaEsame, input.dataComunicazione) > p.valore.giorniRichiestaEsame;
  const conclusaTardi = input.dataConclusione !== undefined && input.dataConclusione > termine;
  esiti.push(esito({
    regola: "informativa.eone", riferimento: `${RIF} c.4`, gravita: conclusaTardi ? "avviso" : "informazione",
    messaggio: richiestaTardiva
      ? `L'esame congiunto è stato chiesto oltre ${p.valore.giorniRichiestaEsame} giorni dalla comunicazione: non era dovuto.`
      : conclusaTardi
        ? `L'esame congiunto doveva concludersi entro ${p.valore.giorniEsame} giorni dalla richiesta (entro il ${it(termine)}): risulta concluso il ${it(input.dataConclusione!)}.`
        : `L'esame congiunto richiesto il ${it(input.dataRichiestaEsame)} deve concludersi entro il ${it(termine)}.`,
    dati: { ...dati, termineEsame: termine, richiestaTardiva }, parametri: [p],
  }));
  return { dovuta: true, termineConclusione: termine, esiti };
}
