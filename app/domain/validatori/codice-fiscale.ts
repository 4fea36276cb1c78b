// Codice fiscale delle persone fisiche (D.P.R. 605/1973, D.M. 23/12/1976; omocodia: prassi
// dell'Agenzia delle Entrate): struttura, carattere di controllo, omocodia.
import { componiData, isDataEsistente, type DataISO } from "../date";
import { letteraControlloDispariPari } from "./tabelle-controllo";

export type Sesso = "M" | "F";

const MESI = "ABCDEHLMPRST";
/** Lettere che sostituiscono le cifre 0–9 nei codici omocodici. */
const OMOCODICI = "LMNPQRSTUV";
/** Posizioni (0-based) delle cifre sostituibili, da destra a sinistra come le sostituisce l'Agenzia delle Entrate. */
const POSIZIONI_OMOCODIA = [14, 13, 12, 10, 9, 7, 6] as const;
const FORMATO = /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/;

export interface EsitoCodiceFiscale {
  valido: boolean;
  motivo?: string;
  /** Data di nascita codificata (il secolo è dedotto: vedi `secoloNascita`). */
  dataNascita: DataISO | null;
  sesso: Sesso | null;
  /** Codice Belfiore del comune o `Z` + 3 cifre per lo Stato estero. */
  codiceCatastale: string | null;
  /** Codice con le lettere di omocodia riportate a cifre, per i confronti. */
  normalizzato: string | null;
  omocodico: boolean;
}

export interface OpzioniCodiceFiscale {
  /**
   * Data di riferimento per scegliere il secolo di nascita: il codice porta solo due cifre dell'anno, quindi si sceglie
   * l'anno più recente non successivo a questa data. Obbligatoria: un pivot fisso farebbe nascere nel futuro chi ha
   * l'anno "27"–"29" (D.P.R. 605/1973 e D.M. 23/12/1976: l'anno è codificato con le sole ultime due cifre).
   */
  oggi: DataISO;
}

export function carattereControlloCF(primi15: string): string {
  const testo = primi15.toUpperCase();
  if (!/^[A-Z0-9]{15}$/.test(testo)) throw new RangeError("Servono i primi 15 caratteri alfanumerici del codice fiscale");
  return letteraControlloDispariPari(testo);
}

/**
 * Riporta a cifre le lettere di omocodia e ricalcola il carattere di controllo: due codici della stessa persona
 * hanno la stessa forma normalizzata.
 */
export function normalizzaOmocodia(cf: string): string {
  const caratteri = cf.toUpperCase().slice(0, 15).split("");
  for (const pos of POSIZIONI_OMOCODIA) {
    const i = OMOCODICI.indexOf(caratteri[pos]);
    if (i >= 0) caratteri[pos] = String(i);
  }
  const primi15 = caratteri.join("");
  return primi15 + carattereControlloCF(primi15);
}

function secoloNascita(aa: number, mese: number, giorno: number, oggi: DataISO): number {
  const [annoOggi] = oggi.split("-").map(Number);
  const candidato = Math.floor(annoOggi / 100) * 100 + aa;
  const mmgg = `${String(mese).padStart(2, "0")}-${String(giorno).padStart(2, "0")}`;
  return `${candidato}-${mmgg}` <= oggi ? candidato : candidato - 100;
}

const NON_VALIDO = { dataNascita: null, sesso: null, codiceCatastale: null, normalizzato: null, omocodico: false };

export function validaCodiceFiscalePersona(cf: string, opzioni: OpzioniCodiceFiscale): EsitoCodiceFiscale {
  const codice = cf.trim().toUpperCase();
  if (codice.length !== 16) {
    return { valido: false, motivo: "Il codice fiscale deve avere 16 caratteri", ...NON_VALIDO };
  }
  if (!FORMATO.test(codice)) {
    return { valido: false, motivo: "Il codice fiscale non rispetta il formato previsto", ...NON_VALIDO };
  }
  if (carattereControlloCF(codice.slice(0, 15)) !== codice[15]) {
    return { valido: false, motivo: "Il carattere di controllo del codice fiscale non è corretto", ...NON_VALIDO };
  }
  const normalizzato = normalizzaOmocodia(codice);
  const aa = Number(normalizzato.slice(6, 8));
  const meseNascita = MESI.indexOf(normalizzato[8]) + 1;
  const giornoCodificato = Number(normalizzato.slice(9, 11));
  const sesso: Sesso = giornoCodificato > 40 ? "F" : "M";
  const giorno = sesso === "F" ? giornoCodificato - 40 : giornoCodificato;
  const codiceCatastale = normalizzato.slice(11, 15);
  const omocodico = normalizzato.slice(0, 15) !== codice.slice(0, 15);
  if (meseNascita === 0) {
    return { valido: false, motivo: "La lettera del mese di nascita non è valida", ...NON_VALIDO };
  }
  const annoNascita = secoloNascita(aa, meseNascita, Math.max(giorno, 1), opzioni.oggi);
  if (!isDataEsistente(annoNascita, meseNascita, giorno)) {
    return { valido: false, motivo: "Il giorno di nascita non esiste nel mese indicato", ...NON_VALIDO };
  }
  return {
    valido: true,
    dataNascita: componiData(annoNascita, meseNascita, giorno),
    sesso,
    codiceCatastale,
    normalizzato,
    omocodico,
  };
}

export interface DatiAnagrafici {
  cognome: string;
  nome: string;
  dataNascita: DataISO;
  sesso: Sesso;
  codiceCatastale: string;
  /** Quante cifre sostituire per omocodia (0–7), da destra a sinistra. */
  livelloOmocodia?: number;
}

function lettere(testo: string): string {
  return testo.normalize("NFD").replace(/[^A-Za-z]/g, "").toUpperCase();
}

function consonanti(testo: string): string {
  return testo.replace(/[AEIOU]/g, "");
}

function vocali(testo: string): string {
  return testo.replace(/[^AEIOU]/g, "");
}

function codiceCognome(cognome: string): string {
  const t = lettere(cognome);
  return (consonanti(t) + vocali(t) + "XXX").slice(0, 3);
}

function codiceNome(nome: string): string {
  const t = lettere(nome);
  const c = consonanti(t);
  if (c.length >= 4) return c[0] + c[2] + c[3];
  return (c + vocali(t) + "XXX").slice(0, 3);
}

/** Costruisce un codice fiscale valido dai dati anagrafici (usato dal generatore dei dati di prova). */
export function generaCodiceFiscale(dati: DatiAnagrafici): string {
  const [a, m, g] = dati.dataNascita.split("-").map(Number);
  if (!isDataEsistente(a, m, g)) throw new RangeError(`Data di nascita non valida: ${dati.dataNascita}`);
  const catastale = dati.codiceCatastale.toUpperCase();
  if (!/^[A-Z]\d{3}$/.test(catastale)) throw new RangeError(`Codice catastale non valido: ${dati.codiceCatastale}`);
  const giorno = dati.sesso === "F" ? g + 40 : g;
  const caratteri = (
    codiceCognome(dati.cognome) +
    codiceNome(dati.nome) +
    String(a % 100).padStart(2, "0") +
    MESI[m - 1] +
    String(giorno).padStart(2, "0") +
    catastale
  ).split("");
  const livello = dati.livelloOmocodia ?? 0;
  if (!Number.isInteger(livello) || livello < 0 || livello > POSIZIONI_OMOCODIA.length) {
    throw new RangeError("Il livello di omocodia va da 0 a 7");
  }
  for (const pos of POSIZIONI_OMOCODIA.slice(0, livello)) caratteri[pos] = OMOCODICI[Number(caratteri[pos])];
  const primi15 = caratteri.join("");
  return primi15 + carattereControlloCF(primi15);
}
