// Identità demo del provider di prova ("Accedi con SPID, CIE o CNS" in locale): persone inventate, codici fiscali
// validi (generati con `generaCodiceFiscale` e fissati qui, i test lo verificano). Servono alla pagina di accesso e ai test.
import type { Sesso } from "../../app/domain/validatori/codice-fiscale";
import type { Ruolo } from "../schema";
import { SEDE } from "./anagrafiche";

export interface UtenteDemo {
  chiave: "datore" | "intermediario" | "operatorePadova" | "operatoreMilano" | "operatoreMilanoBis" | "dirigentePadova";
  codiceFiscale: string;
  nome: string;
  cognome: string;
  dataNascita: string;
  sesso: Sesso;
  /** Comune di nascita (codice Belfiore), da cui è stato calcolato il codice fiscale. */
  luogoNascita: string;
  email: string;
  ruoli: readonly Ruolo[];
  /** Sedi INPS per operatori e dirigenti (tabella `abilitazioni_sede`). */
  sedi: readonly string[];
  descrizione: string;
}

export const MARIO_ESEMPIO = {
  chiave: "datore",
  codiceFiscale: "SMPMRA68D22G224C",
  nome: "Mario",
  cognome: "Esempio",
  dataNascita: "1968-04-22",
  sesso: "M",
  luogoNascita: "G224",
  email: "mario.esempio@esempio.it",
  ruoli: ["datore"],
  sedi: [],
  descrizione:
    "Datore di lavoro: legale rappresentante di Officine Meccaniche Brenta S.r.l. (C1) e di Edil Costruzioni Adige S.p.A. (C2). Vede solo queste due aziende.",
} as const satisfies UtenteDemo;

export const LAURA_CONSULENTE = {
  chiave: "intermediario",
  codiceFiscale: "CNSLRA79P54F205L",
  nome: "Laura",
  cognome: "Consulente Fittizia",
  dataNascita: "1979-09-14",
  sesso: "F",
  luogoNascita: "F205",
  email: "laura.consulente@esempio.it",
  ruoli: ["intermediario", "datore"],
  sedi: [],
  descrizione:
    "Consulente del lavoro (intermediario) con deleghe valide su circa 30 aziende, tra cui Bottega Digitale (C3), Studio Associato Fontana Esempio (C4) e Azienda Agricola Colle Verde (C5); la delega su Edil Costruzioni Adige (C2) è scaduta il 31/12/2025. È anche datore di lavoro del proprio studio: all'accesso sceglie per conto di chi agire.",
} as const satisfies UtenteDemo;

export const OPERATORE_PADOVA = {
  chiave: "operatorePadova",
  codiceFiscale: "PRTGRG75C08G224S",
  nome: "Giorgio",
  cognome: "Operatore Esempio",
  dataNascita: "1975-03-08",
  sesso: "M",
  luogoNascita: "G224",
  email: "giorgio.operatore@esempio.it",
  ruoli: ["operatore_sede"],
  sedi: [SEDE.padova],
  descrizione: "Operatore della sede INPS di Padova: istruisce le domande delle aziende di quella sede (tra cui C1).",
} as const satisfies UtenteDemo;

export const OPERATORE_MILANO = {
  chiave: "operatoreMilano",
  codiceFiscale: "PRTFNC82T59F205P",
  nome: "Francesca",
  cognome: "Operatrice Fittizia",
  dataNascita: "1982-12-19",
  sesso: "F",
  luogoNascita: "F205",
  email: "francesca.operatrice@esempio.it",
  ruoli: ["operatore_sede"],
  sedi: [SEDE.milano],
  descrizione: "Operatrice della sede INPS di Milano: istruisce le domande delle aziende di quella sede (tra cui C3).",
} as const satisfies UtenteDemo;

/** The second operator of Milano: payment batches need two people (one prepares, another approves). */
export const OPERATORE_MILANO_BIS = {
  chiave: "operatoreMilanoBis",
  codiceFiscale: "RVSPLA79E10F205Q",
  nome: "Paolo",
  cognome: "Revisore Fittizio",
  dataNascita: "1979-05-10",
  sesso: "M",
  luogoNascita: "F205",
  email: "paolo.revisore@esempio.it",
  ruoli: ["operatore_sede"],
  sedi: [SEDE.milano],
  descrizione:
    "Secondo operatore della sede INPS di Milano: approva i lotti di pagamento diretto preparati da un collega (controllo a quattro occhi).",
} as const satisfies UtenteDemo;

export const DIRIGENTE_PADOVA = {
  chiave: "dirigentePadova",
  codiceFiscale: "DRGNNA66L67G224M",
  nome: "Anna",
  cognome: "Dirigente Esempio",
  dataNascita: "1966-07-27",
  sesso: "F",
  luogoNascita: "G224",
  email: "anna.dirigente@esempio.it",
  ruoli: ["dirigente_sede"],
  sedi: [SEDE.padova],
  descrizione: "Dirigente della sede INPS di Padova: consulta in sola lettura i cruscotti e le domande della sede.",
} as const satisfies UtenteDemo;

export const UTENTI_DEMO: readonly UtenteDemo[] = [
  MARIO_ESEMPIO,
  LAURA_CONSULENTE,
  OPERATORE_PADOVA,
  OPERATORE_MILANO,
  DIRIGENTE_PADOVA,
  // Last, so the ids of the users above stay what they were.
  OPERATORE_MILANO_BIS,
];

/** Deleghe dell'intermediaria sulle aziende di riferimento; le altre (fino a circa 30) le aggiunge il generatore. */
export const DELEGHE_RIFERIMENTO = [
  { azienda: "C3", validaDal: "2023-03-01", validaAl: null },
  { azienda: "C4", validaDal: "2024-01-15", validaAl: "2027-01-14" },
  { azienda: "C5", validaDal: "2022-06-01", validaAl: null },
  // Scaduta: i test verificano che non dia più accesso a C2.
  { azienda: "C2", validaDal: "2023-01-01", validaAl: "2025-12-31" },
] as const;

/**
 * Quante deleghe valide ha l'intermediaria nei dati demo completi: 3 di riferimento, 27 sulle aziende generate e una
 * sulla Grande Fonderia Esempio (il benchmark della pagina Lavoratori con 520 lavoratori).
 */
export const DELEGHE_VALIDE_DEMO = 31;

/**
 * Lo studio di Laura: ditta individuale (codice fiscale aziendale = quello personale, 16 caratteri) iscritta al Fondo
 * attività professionali. Rende Laura anche "datore", così l'accesso deve chiedere in quale veste agire.
 */
export const STUDIO_INTERMEDIARIA = {
  matricola: "4767890106",
  codiceFiscale: LAURA_CONSULENTE.codiceFiscale,
  ragioneSociale: "Studio di Consulenza del Lavoro Laura Consulente Fittizia",
  csc: "79902",
  codiceAteco: "69.20.13",
  sedeCodice: SEDE.milano,
  pec: "studio.consulentefittizia@pec.esempio.it",
  indirizzo: "Via dell'Esempio 12",
  comune: "Milano",
  provincia: "MI",
  cap: "20121",
  codiceCatastale: "F205",
  fondoSolidarietaCodice: "attivita_professionali",
  dipendenti: 2,
} as const;
