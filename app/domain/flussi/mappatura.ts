// La tabella di mappatura tra lo schema UniEmens-Cig pubblicato dalla piattaforma e il modello canonico della
// denuncia (./denuncia.ts). L'involucro e i nomi noti sono quelli della famiglia UniEmens (DenunceMensili, Azienda,
// AnnoMeseDenuncia, PosContributiva, Matricola, DenunciaIndividuale, Qualifica1-3, TipoContribuzione, DetrazLavDip e
// DetrazCarichiFam del msg INPS 2902/2022); IBAN, Ticket, RetribOraria e GiornoCig/OreCig sono nomi della piattaforma,
// perché quelli dell'INPS non sono pubblici. Quando l'INPS pubblicherà il proprio schema basterà una nuova versione di questa tabella:
// i controlli non cambiano. docs/flussi/README.md.
import type { CampoDenuncia } from "./denuncia";

export interface MappaturaUniemensCig {
  versione: string;
  radice: string;
  azienda: string;
  /** Figli dell'elemento azienda. */
  campiAzienda: Readonly<Record<string, CampoDenuncia>>;
  posizione: string;
  /** Figli della posizione contributiva. */
  campiPosizione: Readonly<Record<string, CampoDenuncia>>;
  denuncia: string;
  /** Percorsi relativi alla denuncia ("Padre/Figlio"). */
  campiDenuncia: Readonly<Record<string, CampoDenuncia>>;
  /** Il giorno con le ore di integrazione: percorso relativo alla denuncia, attributo del giorno, figlio con le ore. */
  giorno: { percorso: string; attributoGiorno: string; ore: string };
  /** Le colonne del CSV con lo stesso contenuto: i campi, poi una colonna per giorno. */
  colonneCsv: Readonly<Record<string, CampoDenuncia>>;
  prefissoColonnaGiorno: string;
}

/** Il CSV ha una colonna per campo con il nome dell'elemento (l'ultimo del percorso): Matricola, azienda, denuncia. */
function colonneDa(m: Omit<MappaturaUniemensCig, "colonneCsv">): Record<string, CampoDenuncia> {
  const coppie = [...Object.entries(m.campiPosizione), ...Object.entries(m.campiAzienda), ...Object.entries(m.campiDenuncia)];
  return Object.fromEntries(coppie.map(([percorso, campo]) => [percorso.split("/").pop()!, campo]));
}

const ELEMENTI_OMNIA_1: Omit<MappaturaUniemensCig, "colonneCsv"> = {
  versione: "omnia-uniemens-cig-1.0",
  radice: "DenunceMensili",
  azienda: "Azienda",
  campiAzienda: { AnnoMeseDenuncia: "competenza", CFAzienda: "cfAzienda" },
  posizione: "PosContributiva",
  campiPosizione: { Matricola: "matricola" },
  denuncia: "DenunciaIndividuale",
  campiDenuncia: {
    CFLavoratore: "cfLavoratore",
    Cognome: "cognome",
    Nome: "nome",
    Qualifica1: "qualifica1",
    Qualifica2: "qualifica2",
    Qualifica3: "qualifica3",
    TipoContribuzione: "tipoContribuzione",
    OrarioContrattuale: "orarioContrattuale",
    PercPartTime: "percPartTime",
    IBAN: "iban",
    Ticket: "ticket",
    DetrazLavDip: "detrazLavDip",
    DetrazCarichiFam: "detrazCarichiFam",
    "DatiRetributivi/RetribTeorica": "retribTeorica",
    "DatiRetributivi/RetribOraria": "retribOraria",
  },
  giorno: { percorso: "DatiRetributivi/GiornoCig", attributoGiorno: "GG", ore: "OreCig" },
  prefissoColonnaGiorno: "OreCigGG",
};

export const MAPPATURA_OMNIA_1: MappaturaUniemensCig = { ...ELEMENTI_OMNIA_1, colonneCsv: colonneDa(ELEMENTI_OMNIA_1) };

/** La mappatura in uso: una sola, cambiata qui quando cambia lo schema. */
export const MAPPATURA_IN_USO = MAPPATURA_OMNIA_1;
