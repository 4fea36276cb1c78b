// Vocabolario comune del dominio.
import type { DataISO, Intervallo } from "./date";

// Alike autorizzazione.ts's unions (duplicates): string-literal unions of different things (benefits and funds here,
// roles and actions there)
/** Famiglie di prestazione gestite da OMNIA IS (d.lgs. 148/2015; L. 457/1972 per la CISOA). */
export type Prestazione = "CIGO" | "AIS_FIS" | "AIS_FONDO" | "CISOA";

/** Fondi di solidarietà bilaterali gestiti dall'INPS che pagano l'AIS (artt. 26–40 d.lgs. 148/2015). */
export type Fondo =
  | "ATTIVITA_PROFESSIONALI"
  | "SOLIMARE"
  | "SERVIZI_AMBIENTALI"
  | "TRASPORTO_PUBBLICO"
  | "CREDITO"
  | "CREDITO_COOPERATIVO"
  | "RISCOSSIONE_TRIBUTI";

export const FONDI: readonly Fondo[] = [
  "ATTIVITA_PROFESSIONALI", "SOLIMARE", "SERVIZI_AMBIENTALI", "TRASPORTO_PUBBLICO", "CREDITO", "CREDITO_COOPERATIVO",
  "RISCOSSIONE_TRIBUTI",
];

export const NOMI_FONDI: Record<Fondo, string> = {
  ATTIVITA_PROFESSIONALI: "Fondo di solidarietà bilaterale per le attività professionali",
  SOLIMARE: "Fondo di solidarietà del settore marittimo – SOLIMARE",
  SERVIZI_AMBIENTALI: "Fondo bilaterale di solidarietà del settore dei servizi ambientali",
  TRASPORTO_PUBBLICO: "Fondo di solidarietà per il personale delle aziende di trasporto pubblico",
  CREDITO: "Fondo di solidarietà del credito",
  CREDITO_COOPERATIVO: "Fondo di solidarietà del credito cooperativo",
  RISCOSSIONE_TRIBUTI: "Fondo di solidarietà del personale della riscossione dei tributi erariali",
};

export function nomePrestazione(prestazione: Prestazione, fondo?: Fondo | null): string {
  switch (prestazione) {
    case "CIGO":
      return "CIGO";
    case "AIS_FIS":
      return "AIS del FIS";
    case "CISOA":
      return "CISOA";
    case "AIS_FONDO":
      return fondo ? `AIS del ${NOMI_FONDI[fondo]}` : "AIS di un fondo di solidarietà bilaterale";
  }
}

/**
 * Attività dell'azienda rilevante per l'art. 10 d.lgs. 148/2015 e per le eccezioni dell'instradamento. Viene
 * dall'inquadramento INPS: le classi CSC corrispondenti non sono pubblicate da INPS, quindi non si deducono.
 */
export type AttivitaInquadramento =
  | "edilizia"
  | "lapidei_industriali"
  | "lapidei_artigiani_cava"
  | "cooperativa_art10_b"
  | "cooperativa_art10_d"
  | "trasporto_aereo"
  | "partito_politico"
  | "altro";

/** Un periodo di integrazione salariale già chiesto, autorizzato o fruito (passato in ingresso, mai letto). */
export interface PeriodoPrecedente extends Intervallo {
  /** Identificativo della domanda (per spiegazioni e sovrapposizioni). */
  domanda?: string;
  prestazione: Prestazione;
  fondo?: Fondo | null;
  unitaProduttiva: string;
  /** Evento oggettivamente non evitabile. */
  eone: boolean;
  /**
   * Giorni effettivamente interessati (fruito, art. 12 d.lgs. 148/2015, docs/regole.md §3: un giorno conta se almeno un lavoratore è stato in
   * integrazione anche per un'ora). Se assente contano tutti i giorni lavorabili dell'intervallo (autorizzato).
   */
  giorniFruiti?: DataISO[];
  /** Ore autorizzate (per la regola di 1/3). */
  oreAutorizzate?: number;
}

export interface PeriodoRichiesto extends Intervallo {
  /** Giorni specifici (es. eventi meteo a giornate): se assenti contano tutti i giorni lavorabili dell'intervallo. */
  giorni?: DataISO[];
  prestazione: Prestazione;
  fondo?: Fondo | null;
  unitaProduttiva: string;
  eone: boolean;
}
