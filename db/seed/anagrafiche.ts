// Tabelle fisse del seed: sedi INPS, fondi di solidarietà, comuni, nomi dichiaratamente fittizi, settori.
import type { Casuale } from "./prng";

/**
 * Sedi INPS del seed. I CODICI SONO FITTIZI ("9" + codice ISTAT della provincia): i codici reali delle sedi non sono
 * nella documentazione pubblica consultata. Nomi e regioni sono quelli delle città.
 */
export const SEDI = [
  { codice: "9028", nome: "Padova", regione: "Veneto" },
  { codice: "9023", nome: "Verona", regione: "Veneto" },
  { codice: "9024", nome: "Vicenza", regione: "Veneto" },
  { codice: "9027", nome: "Venezia", regione: "Veneto" },
  { codice: "9026", nome: "Treviso", regione: "Veneto" },
  { codice: "9015", nome: "Milano", regione: "Lombardia" },
  { codice: "9016", nome: "Bergamo", regione: "Lombardia" },
  { codice: "9017", nome: "Brescia", regione: "Lombardia" },
  { codice: "9001", nome: "Torino", regione: "Piemonte" },
  { codice: "9010", nome: "Genova", regione: "Liguria" },
  { codice: "9022", nome: "Trento", regione: "Trentino-Alto Adige" },
  { codice: "9037", nome: "Bologna", regione: "Emilia-Romagna" },
  { codice: "9048", nome: "Firenze", regione: "Toscana" },
  { codice: "9054", nome: "Perugia", regione: "Umbria" },
  { codice: "9042", nome: "Ancona", regione: "Marche" },
  { codice: "9058", nome: "Roma Tuscolano", regione: "Lazio" },
  { codice: "9068", nome: "Pescara", regione: "Abruzzo" },
  { codice: "9063", nome: "Napoli", regione: "Campania" },
  { codice: "9065", nome: "Salerno", regione: "Campania" },
  { codice: "9072", nome: "Bari", regione: "Puglia" },
  { codice: "9075", nome: "Lecce", regione: "Puglia" },
  { codice: "9082", nome: "Palermo", regione: "Sicilia" },
  { codice: "9087", nome: "Catania", regione: "Sicilia" },
  { codice: "9092", nome: "Cagliari", regione: "Sardegna" },
] as const;

export const SEDE = {
  padova: "9028",
  verona: "9023",
  milano: "9015",
  roma: "9058",
  bari: "9072",
} as const;

/** Fondi di solidarietà bilaterali gestiti dall'INPS (artt. 26–40 d.lgs. 148/2015). Il codice è interno alla piattaforma. */
export const FONDI_SOLIDARIETA = [
  { codice: "attivita_professionali", nome: "Fondo di solidarietà bilaterale per le attività professionali" },
  { codice: "solimare", nome: "Fondo di solidarietà bilaterale del settore marittimo – SOLIMARE" },
  { codice: "servizi_ambientali", nome: "Fondo bilaterale di solidarietà per il personale del settore dei servizi ambientali" },
  { codice: "trasporto_pubblico", nome: "Fondo di solidarietà per il personale delle aziende di trasporto pubblico" },
  { codice: "credito", nome: "Fondo di solidarietà per il personale del credito" },
  { codice: "credito_cooperativo", nome: "Fondo di solidarietà per il personale del credito cooperativo" },
  { codice: "riscossione_tributi", nome: "Fondo di solidarietà per il personale addetto al servizio della riscossione dei tributi erariali" },
] as const;

export type CodiceFondo = (typeof FONDI_SOLIDARIETA)[number]["codice"];

export interface Comune {
  nome: string;
  /** Codice catastale (Belfiore): serve all'unità produttiva e al luogo di nascita nel codice fiscale. */
  belfiore: string;
  provincia: string;
  cap: string;
  /** Codice ISTAT della provincia: è anche il codice dell'ufficio nelle cifre 8–10 della partita IVA (D.P.R. 633/1972 art. 35). */
  ufficioIva: string;
  sede: string;
}

export const COMUNI: readonly Comune[] = [
  { nome: "Padova", belfiore: "G224", provincia: "PD", cap: "35121", ufficioIva: "028", sede: "9028" },
  { nome: "Verona", belfiore: "L781", provincia: "VR", cap: "37121", ufficioIva: "023", sede: "9023" },
  { nome: "Vicenza", belfiore: "L840", provincia: "VI", cap: "36100", ufficioIva: "024", sede: "9024" },
  { nome: "Venezia", belfiore: "L736", provincia: "VE", cap: "30121", ufficioIva: "027", sede: "9027" },
  { nome: "Treviso", belfiore: "L407", provincia: "TV", cap: "31100", ufficioIva: "026", sede: "9026" },
  { nome: "Milano", belfiore: "F205", provincia: "MI", cap: "20121", ufficioIva: "015", sede: "9015" },
  { nome: "Bergamo", belfiore: "A794", provincia: "BG", cap: "24121", ufficioIva: "016", sede: "9016" },
  { nome: "Brescia", belfiore: "B157", provincia: "BS", cap: "25121", ufficioIva: "017", sede: "9017" },
  { nome: "Torino", belfiore: "L219", provincia: "TO", cap: "10121", ufficioIva: "001", sede: "9001" },
  { nome: "Genova", belfiore: "D969", provincia: "GE", cap: "16121", ufficioIva: "010", sede: "9010" },
  { nome: "Trento", belfiore: "L378", provincia: "TN", cap: "38121", ufficioIva: "022", sede: "9022" },
  { nome: "Bologna", belfiore: "A944", provincia: "BO", cap: "40121", ufficioIva: "037", sede: "9037" },
  { nome: "Firenze", belfiore: "D612", provincia: "FI", cap: "50121", ufficioIva: "048", sede: "9048" },
  { nome: "Perugia", belfiore: "G478", provincia: "PG", cap: "06121", ufficioIva: "054", sede: "9054" },
  { nome: "Ancona", belfiore: "A271", provincia: "AN", cap: "60121", ufficioIva: "042", sede: "9042" },
  { nome: "Roma", belfiore: "H501", provincia: "RM", cap: "00184", ufficioIva: "058", sede: "9058" },
  { nome: "Pescara", belfiore: "G482", provincia: "PE", cap: "65121", ufficioIva: "068", sede: "9068" },
  { nome: "Napoli", belfiore: "F839", provincia: "NA", cap: "80121", ufficioIva: "063", sede: "9063" },
  { nome: "Salerno", belfiore: "H703", provincia: "SA", cap: "84121", ufficioIva: "065", sede: "9065" },
  { nome: "Bari", belfiore: "A662", provincia: "BA", cap: "70121", ufficioIva: "072", sede: "9072" },
  { nome: "Lecce", belfiore: "E506", provincia: "LE", cap: "73100", ufficioIva: "075", sede: "9075" },
  { nome: "Palermo", belfiore: "G273", provincia: "PA", cap: "90133", ufficioIva: "082", sede: "9082" },
  { nome: "Catania", belfiore: "C351", provincia: "CT", cap: "95121", ufficioIva: "087", sede: "9087" },
  { nome: "Cagliari", belfiore: "B354", provincia: "CA", cap: "09124", ufficioIva: "092", sede: "9092" },
];

export function comune(nome: string): Comune {
  const c = COMUNI.find((x) => x.nome === nome);
  if (!c) throw new Error(`Comune non in tabella: ${nome}`);
  return c;
}

/** Stati esteri di nascita (codice Z dell'Agenzia delle Entrate), per lavoratori nati all'estero. */
export const STATI_ESTERI = ["Z330", "Z129", "Z100"] as const;

/** Cognomi e nomi dichiaratamente fittizi: nessuno deve poter scambiare un dato di prova per una persona reale. */
export const COGNOMI = [
  "Esempio", "Fittizio", "Campione", "Prova", "Modello", "Prototipo", "Bozzetto", "Simulato", "Dimostrativo",
  "Finzione", "Provetto", "Campionario", "Esempietto", "Fittizia", "Modellino", "Provino", "Saggio", "Abbozzo",
  "Collaudo", "Verifica", "Schema", "Traccia", "Minuta", "Stampo", "Calco", "Figurino", "Manichino", "Replica",
  "Surrogato", "Ipotesi", "Esercizio", "Tentativo", "Riscontro", "Specimen", "Facsimile", "Copiato",
] as const;

export const NOMI_M = [
  "Marco", "Luca", "Paolo", "Davide", "Franco", "Nicola", "Ahmed", "Andrea", "Giovanni", "Matteo", "Stefano", "Roberto",
  "Alessandro", "Francesco", "Lorenzo", "Simone", "Giuseppe", "Antonio", "Riccardo", "Emanuele", "Pietro", "Fabio",
  "Tommaso", "Daniele", "Michele", "Youssef", "Ion", "Arben",
] as const;

export const NOMI_F = [
  "Giulia", "Sara", "Chiara", "Elena", "Irina", "Rosa", "Laura", "Anna", "Francesca", "Martina", "Valentina", "Silvia",
  "Federica", "Alessia", "Paola", "Marta", "Elisa", "Giorgia", "Roberta", "Ilaria", "Beatrice", "Fatima", "Mihaela",
  "Ana",
] as const;

/** Prefissi di ragione sociale, tutti evidentemente inventati. */
export const PREFISSI_RAGIONE_SOCIALE = ["Esempio", "Fittizia", "Campione", "Prova", "Modello", "Dimostrativa"] as const;

export const FORME_GIURIDICHE = ["S.r.l.", "S.p.A.", "S.n.c.", "S.a.s.", "S.r.l.s."] as const;

export const VIE = [
  "Via dell'Esempio", "Via Fittizia", "Viale dei Campioni", "Corso della Prova", "Piazza del Modello", "Via del Prototipo",
  "Via della Simulazione", "Largo del Collaudo",
] as const;

export function indirizzoCasuale(c: Casuale): string {
  return `${c.scegli(VIE)} ${c.intero(1, 180)}`;
}

/**
 * Settori delle aziende generate. CSC SEGNAPOSTO: è confermata solo la prima cifra (1 industria, 4 artigianato,
 * 7 commercio/terziario); "99" come classe è volutamente inesistente, così nessuno lo scambia per un
 * codice reale. L'edilizia si riconosce dall'ATECO 41–43, i lapidei da 08.11 / 23.70, non dal CSC.
 */
export type ChiaveSettore =
  | "industria"
  | "edilizia_industriale"
  | "edilizia_artigiana"
  | "lapidei"
  | "artigianato"
  | "commercio"
  | "servizi"
  | "studio_professionale"
  | "fondo_altro"
  | "agricoltura";

export interface Settore {
  chiave: ChiaveSettore;
  peso: number;
  gestione: "privata" | "agricola";
  csc: string | null;
  ateco: readonly string[];
  attivita: readonly string[];
  ccnl: string | null;
  fondi?: readonly CodiceFondo[];
  /**
   * Codice evento CIG dei dati UniEmens di prova: SEGNAPOSTO, i codici reali non sono noti (INPS non li pubblica).
   * Null per l'artigianato fuori dall'edilizia: il suo fondo (FSBA) non è dell'INPS, quindi nessun evento su OMNIA.
   */
  evento: string | null;
  /** Forma delle dimensioni aziendali: media logaritmica dei dipendenti. */
  dimensione: number;
  prefissoNome: string;
}

export const SETTORI: readonly Settore[] = [
  {
    chiave: "industria", peso: 30, gestione: "privata", csc: "19901",
    ateco: ["25.62.00", "28.41.00", "22.29.09", "10.71.10", "13.20.00"],
    attivita: ["lavorazioni meccaniche", "assemblaggio", "stampaggio materie plastiche", "produzione alimentare", "tessitura"],
    ccnl: "Metalmeccanica industria", evento: "CIGO", dimensione: 3.4, prefissoNome: "Industrie",
  },
  {
    chiave: "edilizia_industriale", peso: 10, gestione: "privata", csc: "19902",
    ateco: ["41.20.00", "42.11.00", "43.21.01"],
    attivita: ["cantiere edile", "opere stradali", "impianti elettrici"],
    ccnl: "Edilizia industria", evento: "CIGO", dimensione: 3.2, prefissoNome: "Costruzioni",
  },
  {
    chiave: "edilizia_artigiana", peso: 6, gestione: "privata", csc: "49902",
    ateco: ["43.34.00", "43.32.02", "43.22.01"],
    attivita: ["tinteggiatura", "serramenti", "impianti idraulici"],
    ccnl: "Edilizia artigianato", evento: "CIGO", dimensione: 1.8, prefissoNome: "Edilizia",
  },
  {
    chiave: "lapidei", peso: 2, gestione: "privata", csc: "19903",
    ateco: ["08.11.00", "23.70.10"],
    attivita: ["cava", "lavorazione marmo"],
    ccnl: "Lapidei industria", evento: "CIGO", dimensione: 2.6, prefissoNome: "Marmi",
  },
  {
    chiave: "artigianato", peso: 8, gestione: "privata", csc: "49901",
    ateco: ["95.29.02", "96.02.01", "10.71.20", "33.12.10"],
    attivita: ["riparazioni", "acconciatura", "panificio", "manutenzione macchinari"],
    ccnl: "Artigianato", evento: null, dimensione: 1.3, prefissoNome: "Laboratorio",
  },
  {
    chiave: "commercio", peso: 20, gestione: "privata", csc: "79901",
    ateco: ["47.19.10", "47.91.10", "46.69.99", "47.71.10"],
    attivita: ["negozio", "commercio elettronico", "magazzino all'ingrosso", "abbigliamento"],
    ccnl: "Commercio terziario", evento: "FIS", dimensione: 1.6, prefissoNome: "Commerciale",
  },
  {
    chiave: "servizi", peso: 8, gestione: "privata", csc: "79903",
    ateco: ["56.10.11", "55.10.00", "82.99.99", "62.01.00"],
    attivita: ["ristorazione", "albergo", "servizi alle imprese", "sviluppo software"],
    ccnl: "Turismo e pubblici esercizi", evento: "FIS", dimensione: 2.0, prefissoNome: "Servizi",
  },
  {
    chiave: "studio_professionale", peso: 8, gestione: "privata", csc: "79902",
    ateco: ["69.10.10", "69.20.11", "71.11.00", "86.23.00"],
    attivita: ["studio legale", "studio commerciale", "studio di architettura", "studio odontoiatrico"],
    ccnl: "Studi professionali", fondi: ["attivita_professionali"], evento: "FSB", dimensione: 1.4,
    prefissoNome: "Studio Associato",
  },
  {
    chiave: "fondo_altro", peso: 3, gestione: "privata", csc: "79904",
    ateco: ["49.31.00", "38.11.00", "64.19.10", "50.20.00"],
    attivita: ["trasporto pubblico locale", "raccolta rifiuti", "sportello bancario", "trasporto marittimo merci"],
    ccnl: null, fondi: ["trasporto_pubblico", "servizi_ambientali", "credito", "solimare"], evento: "FSB",
    dimensione: 3.0, prefissoNome: "Consorzio",
  },
  {
    chiave: "agricoltura", peso: 5, gestione: "agricola", csc: null,
    ateco: ["01.26.00", "01.21.00", "01.13.10", "01.41.00"],
    attivita: ["oliveto", "vigneto", "orticoltura", "allevamento"],
    ccnl: "Operai agricoli e florovivaisti", evento: "CISOA", dimensione: 1.7, prefissoNome: "Azienda Agricola",
  },
];
