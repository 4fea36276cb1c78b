// Tabella delle regole di instradamento R1–R10 (docs/regole.md §1) come dati. I codici CA dei fondi sono ignoti
// (INPS non li pubblica): nessuna regola li usa; i fondi si riconoscono dal campo di adesione al fondo dell'azienda.
import type { AttivitaInquadramento, Prestazione } from "../tipi";
import type { Confidenza } from "./tipi";

export type Verdetto = "suggerita" | "non_compatibile";

/** Condizione su un'azienda: tutti i campi presenti devono valere (AND). */
export interface CondizioneInstradamento {
  gestione?: "privata" | "agricola";
  /** Prima cifra del CSC (settore). */
  settoriCsc?: string[];
  /** Prima cifra di almeno un CA dell'azienda (es. serie 5 = imprese artigiane). */
  serieCa?: string[];
  attivita?: AttivitaInquadramento[];
  /** true = l'azienda aderisce a un fondo bilaterale INPS; false = non aderisce. */
  aderisceFondo?: boolean;
  dipendentiMin?: number;
  dipendentiMax?: number;
  causaleStraordinaria?: boolean;
}

export interface RegolaInstradamento {
  id: string;
  descrizione: string;
  /** "base": la prima che vale (per priorità) decide tutte le prestazioni; "modifica": interviene dopo, su una prestazione suggerita. */
  tipo: "base" | "modifica";
  priorita: number;
  /** Basta che valga una delle condizioni (OR). */
  quando: CondizioneInstradamento[];
  /** Per le regole "modifica": si applica solo se questa prestazione è già suggerita. */
  seSuggerita?: Prestazione;
  verdetti: Partial<Record<Prestazione, Verdetto>>;
  riferimento: string;
  confidenza: Confidenza;
  /** Frase per l'utente (la regola è soddisfatta). */
  motivo: string;
}

const NESSUNA: Record<Prestazione, Verdetto> = {
  CIGO: "non_compatibile", AIS_FIS: "non_compatibile", AIS_FONDO: "non_compatibile", CISOA: "non_compatibile",
};

export const REGOLE_INSTRADAMENTO: RegolaInstradamento[] = [
  {
    id: "R9", tipo: "base", priorita: 10, quando: [{ gestione: "agricola" }],
    descrizione: "Datore di lavoro agricolo (gestione agricola)",
    verdetti: { ...NESSUNA, CISOA: "suggerita" },
    riferimento: "art. 8 L. 457/1972", confidenza: "certo",
    motivo: "L'azienda è iscritta alla gestione agricola: la prestazione è la CISOA (OTI; OTD solo nei periodi di deroga).",
  },
  {
    id: "R5", tipo: "base", priorita: 20, quando: [{ gestione: "privata", aderisceFondo: true }],
    descrizione: "Aderente a un fondo di solidarietà bilaterale gestito dall'INPS",
    verdetti: { ...NESSUNA, AIS_FONDO: "suggerita" },
    riferimento: "art. 26 e art. 30 d.lgs. 148/2015", confidenza: "certo",
    motivo: "L'azienda aderisce a un fondo di solidarietà bilaterale: la prestazione è l'AIS di quel fondo.",
  },
  {
    // Alike the rules around (duplicates): each routing rule is data written in full with its legal reference, as the
    // table of docs/regole.md reads; a builder would hide the reference a reviewer checks.
    id: "R2", tipo: "base", priorita: 30,
    quando: [{ gestione: "privata", attivita: ["edilizia", "lapidei_industriali", "lapidei_artigiani_cava"] }],
    descrizione: "Edilizia (industriale e artigiana) o lapidei — art. 10 lett. m), n), o)",
    verdetti: { ...NESSUNA, CIGO: "suggerita" },
    riferimento: "art. 10 lett. m), n), o) d.lgs. 148/2015", confidenza: "certo",
    motivo: "L'azienda è edile o lapidea: la prestazione è la CIGO (massimale maggiorato del 20% per intemperie stagionali).",
  },
  {
    id: "R3", tipo: "base", priorita: 40,
    quando: [{ gestione: "privata", attivita: ["cooperativa_art10_b", "cooperativa_art10_d"] }],
    descrizione: "Cooperative dell'art. 10 lett. b) o d)",
    verdetti: { ...NESSUNA, CIGO: "suggerita" },
    riferimento: "art. 10 lett. b), d) d.lgs. 148/2015", confidenza: "certo",
    motivo: "La cooperativa rientra nell'art. 10 lett. b) o d): la prestazione è la CIGO (lett. d: solo dipendenti a tempo indeterminato).",
  },
  {
    id: "R10", tipo: "base", priorita: 50,
    quando: [{ gestione: "privata", attivita: ["trasporto_aereo", "partito_politico"] }],
    descrizione: "Trasporto aereo e sistema aeroportuale; partiti e movimenti politici",
    verdetti: { ...NESSUNA, AIS_FIS: "suggerita" },
    riferimento: "art. 29 d.lgs. 148/2015 (L. 234/2021)", confidenza: "probabile",
    motivo: "Trasporto aereo, aeroporti e partiti politici rientrano nel FIS qualunque sia la dimensione.",
  },
  {
    id: "R1", tipo: "base", priorita: 60, quando: [{ gestione: "privata", settoriCsc: ["1"] }],
    descrizione: "Settore industria (CSC 1xxxx), attività dell'art. 10 lett. a)–l)",
    verdetti: { ...NESSUNA, CIGO: "suggerita" },
    riferimento: "art. 10 lett. a)–l) d.lgs. 148/2015", confidenza: "probabile",
    motivo: "L'azienda è inquadrata nel settore industria: la prestazione è la CIGO.",
  },
  {
    id: "R4", tipo: "base", priorita: 70,
    quando: [{ gestione: "privata", settoriCsc: ["4"] }, { gestione: "privata", serieCa: ["5"] }],
    descrizione: "Artigianato (CSC 4xxxx o CA serie 5) non edile né lapideo",
    verdetti: { ...NESSUNA },
    riferimento: "art. 27 d.lgs. 148/2015 (FSBA, fondo alternativo non gestito dall'INPS)", confidenza: "probabile",
    motivo: "Le imprese artigiane non edili né lapidee sono coperte dal fondo alternativo FSBA, che non è su OMNIA IS.",
  },
  {
    id: "R6", tipo: "base", priorita: 100, quando: [{ gestione: "privata", dipendentiMin: 1 }],
    descrizione: "Ogni altro datore con almeno 1 dipendente, non coperto da CIGO né da un fondo",
    verdetti: { ...NESSUNA, AIS_FIS: "suggerita" },
    riferimento: "art. 29 d.lgs. 148/2015 (L. 234/2021)", confidenza: "certo",
    motivo: "L'azienda non rientra nella CIGO né in un fondo bilaterale: la prestazione è l'AIS del FIS.",
  },
  {
    id: "R7", tipo: "modifica", priorita: 110, seSuggerita: "AIS_FIS",
    quando: [{ dipendentiMin: 16, causaleStraordinaria: true }],
    descrizione: "FIS con più di 15 dipendenti e causale straordinaria",
    verdetti: { AIS_FIS: "non_compatibile" },
    riferimento: "art. 29 c.3-bis d.lgs. 148/2015", confidenza: "certo",
    motivo: "Con più di 15 dipendenti le causali straordinarie non sono coperte dal FIS ma dalla CIGS, che non è su OMNIA IS.",
  },
  {
    id: "R8", tipo: "modifica", priorita: 120, seSuggerita: "AIS_FIS", quando: [{}],
    descrizione: "FIS: limite di 13 settimane (fino a 5 dipendenti) o 26 settimane (oltre 5) nel biennio mobile",
    verdetti: {},
    riferimento: "art. 29 c.3-bis d.lgs. 148/2015", confidenza: "certo",
    motivo: "Il limite del FIS dipende dai dipendenti medi del semestre precedente: 13 settimane fino a 5, 26 oltre.",
  },
];
