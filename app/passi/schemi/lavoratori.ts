// Step "Lavoratori beneficiari": the selection from UniEmens (checkboxes, select all/none, filter, pages) or the
// uploaded list (CSV "CF;qualifica", Allegato 3 msg INPS 4653/2022). Plain module: messages and the form schema.
import { z } from "zod";
import { schema } from "../schema";
import { normalizzaCodice } from "~/domain/validatori/normalizza";
import { numero, riga, type RigaRiepilogo } from "../righe";

export const LAVORATORI_PER_PAGINA = 25;
export const ELENCO_MAX_BYTE = 1_048_576;
export const ELENCO_MAX_RIGHE = 5_000;

/** Qualifiche accepted in the uploaded list, in the words of the registry (rapporti_lavoro.qualifica). */
// Alike allegati.ts's attachment types (duplicates): a closed list and its labels; the values are the qualifications
export const QUALIFICHE_ELENCO = ["operaio", "impiegato", "quadro", "dirigente", "apprendista", "oti", "otd"] as const;
export type QualificaElenco = (typeof QUALIFICHE_ELENCO)[number];

export const ETICHETTE_QUALIFICA: Record<QualificaElenco, string> = {
  operaio: "Operaio",
  impiegato: "Impiegato",
  quadro: "Quadro",
  dirigente: "Dirigente",
  apprendista: "Apprendista",
  oti: "Operaio agricolo a tempo indeterminato (OTI)",
  otd: "Operaio agricolo a tempo determinato (OTD)",
};

export const messaggiLavoratori = {
  nessunoSelezionato: "Seleziona almeno un lavoratore ammissibile, oppure carica l'elenco dei lavoratori",
  richiestaNonValida: "La richiesta non è valida: ricarica la pagina e riprova",
  fileAssente: "Scegli il file CSV con l'elenco dei lavoratori",
  fileTroppoGrande: "Il file supera 1 MB: dividi l'elenco o rimuovi le righe superflue. Il file va scelto di nuovo",
  troppeRighe: `L'elenco supera ${ELENCO_MAX_RIGHE.toLocaleString("it-IT")} righe: presenta l'elenco dei lavoratori di una sola unità produttiva. Il file va scelto di nuovo`,
  codifica:
    "Il file non è un testo CSV in codifica UTF-8: salvalo come \"CSV UTF-8\" dal foglio di calcolo e sceglilo di nuovo",
  formatoCsv: "Il file non è un CSV leggibile: usa una riga per lavoratore con codice fiscale e qualifica separati da punto e virgola",
  nessunaRigaValida: "Il file non contiene nessun lavoratore: scrivi una riga per lavoratore con codice fiscale e qualifica e sceglilo di nuovo",
  rigaIncompleta: "servono il codice fiscale e la qualifica separati da punto e virgola",
  colonneInPiu: (n: number) =>
    `la riga ha ${n} colonne: scrivi solo il codice fiscale e la qualifica, separati da un punto e virgola`,
  qualificaSconosciuta: `qualifica non riconosciuta: usa una di ${QUALIFICHE_ELENCO.join(", ")}`,
  duplicato: (riga: number) => `codice fiscale già presente alla riga ${riga}`,
  nonOccupato: "il lavoratore non risulta occupato presso l'unità produttiva nel periodo secondo le denunce UniEmens",
  nonAmmissibile: (motivo: string) => `lavoratore non ammissibile: ${motivo}`,
  righeDaCorreggere: (n: number) =>
    `${n === 1 ? "1 riga dell'elenco non è valida" : `${n} righe dell'elenco non sono valide`}: nessun lavoratore è stato caricato e la selezione non è cambiata. Correggi le righe indicate nella tabella e carica di nuovo il file`,
  conflitto:
    "La domanda è stata modificata in un'altra scheda o da un altro utente: la selezione non è stata salvata. Ripeti la scelta.",
} as const;

const CF = /^[A-Z0-9]{16}$/;

/**
 * The workers' search text: a codice fiscale or a piece of one, typed with spaces or hyphens or in small letters
 * ("rss mra 85t10"), is searched normalised; a name is searched as typed. Names have no digits, codes do.
 */
export function testoRicercaLavoratori(q: string): string {
  const t = q.trim().slice(0, 100);
  const codice = normalizzaCodice(t);
  return /[0-9]/.test(codice) && /^[A-Z0-9]{4,16}$/.test(codice) ? codice : t;
}

/** The fields of the selection form; the intent says which button was pressed. */
export const SelezioneSchema = /* @__PURE__ */ schema(() =>
  z.object({
    intent: z.string().regex(/^(salva|aggiorna|tutti|nessuno|pagina-[1-9][0-9]{0,4})$/, messaggiLavoratori.richiestaNonValida),
    cf: z.array(z.string().regex(CF, messaggiLavoratori.richiestaNonValida)).max(LAVORATORI_PER_PAGINA).default([]),
    paginaCf: z.array(z.string().regex(CF, messaggiLavoratori.richiestaNonValida)).max(LAVORATORI_PER_PAGINA).default([]),
    q: z.string().trim().max(100, messaggiLavoratori.richiestaNonValida).default("").transform(testoRicercaLavoratori),
  }),
);

export type Selezione = z.infer<typeof SelezioneSchema>;

/** The stored answers, version 1 (the workers themselves are rows of domanda_lavoratori). */
export const RisposteLavoratoriSchema = /* @__PURE__ */ schema(() =>
  z.object({
    modalita: z.enum(["uniemens", "elenco"]),
    numero: z.number().int(),
  }),
);

export type DatiLavoratori = z.infer<typeof RisposteLavoratoriSchema>;

/** The step's labels: the summary and the receipt show the answers under the same words. */
export const ETICHETTE_LAVORATORI = {
  modalita: "Come sono stati indicati i lavoratori",
  numero: "Lavoratori beneficiari",
} as const;

const MODALITA_LAVORATORI: Record<DatiLavoratori["modalita"], string> = {
  uniemens: "Scelti dai dati UniEmens",
  elenco: "Elenco caricato",
};

export function righeLavoratori(d: DatiLavoratori): RigaRiepilogo[] {
  return [riga(ETICHETTE_LAVORATORI.modalita, MODALITA_LAVORATORI[d.modalita]), riga(ETICHETTE_LAVORATORI.numero, numero(d.numero))];
}

export interface RigaScartata {
  riga: number;
  valore: string;
  motivo: string;
}
