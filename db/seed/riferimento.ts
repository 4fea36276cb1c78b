// I dati di riferimento dei casi D1–D5: cinque aziende, sette unità produttive, tredici lavoratori con i valori
// esatti (CF, partite IVA, IBAN, date) che i test usano per nome. Le unità si completano con lavoratori fittizi fino
// alla forza di §9.2, perché i calcoli per unità (media per orario, regola di 1/3) trovino numeri realistici.
import { addDays, type DataISO } from "../../app/domain/date";
import { validaCodiceFiscalePersona } from "../../app/domain/validatori/codice-fiscale";
import * as s from "../schema";
import { comune, SEDE, type CodiceFondo } from "./anagrafiche";
import type { ScrittoreLotti } from "./inserimento";
import { mulberry32, SEMI, type Casuale } from "./prng";
import {
  dataTra,
  ibanFittizio,
  isAgricolo,
  personaFittizia,
  scriviRapporto,
  type ContestoUniemens,
  type Qualifica,
  type Registro,
  type TipoContratto,
} from "./persone";
import { LAURA_CONSULENTE, MARIO_ESEMPIO, STUDIO_INTERMEDIARIA, UTENTI_DEMO } from "./utenti-demo";

/**
 * Data di riferimento fissa del seed: il deposito della domanda D1 (caso D1). Le date relative (assunzione di
 * Luca Campionato, ultimo mese UniEmens, giornate agricole dell'anno in corso) partono da qui, non dall'orologio,
 * così i test sono deterministici.
 */
export const DATA_RIFERIMENTO_SEED: DataISO = "2026-02-10";

/** Mesi UniEmens del seed: gli ultimi 24, fino al mese precedente la data di riferimento (2024-02 … 2026-01). */
export const MESI_UNIEMENS = 24;

/** Luca Campionato è assunto 20 giorni prima della domanda: non supera il requisito dei 30 giorni. */
export const DATA_ASSUNZIONE_LUCA = addDays(DATA_RIFERIMENTO_SEED, -20);

export type ChiaveAzienda = "C1" | "C2" | "C3" | "C4" | "C5";
export type ChiaveUnita = "C1-UP1" | "C1-UP2" | "C2-UP1" | "C2-UP2" | "C3-UP1" | "C4-UP1" | "C5-UP1";

/** Forza dell'unità per classe d'orario (caso D1); i lavoratori di riferimento ne fanno parte. */
interface ClasseOrario {
  quanti: number;
  orarioSettimanaleCentesimi: number;
  qualifica: Qualifica;
}

export interface UnitaRiferimento {
  chiave: ChiaveUnita;
  codice: string;
  denominazione: string;
  indirizzo: string;
  comune: string;
  attivita: string;
  forza: readonly ClasseOrario[];
}

export interface AziendaRiferimento {
  chiave: ChiaveAzienda;
  matricola: string | null;
  cida: string | null;
  codiceFiscale: string;
  ragioneSociale: string;
  /** SEGNAPOSTO: solo la prima cifra è confermata (1 industria, 7 terziario); "99" è una classe inesistente. */
  csc: string | null;
  codiceAteco: string;
  gestione: "privata" | "agricola";
  sedeCodice: string;
  pec: string;
  telefono: string;
  indirizzo: string;
  comune: string;
  cfLegaleRappresentante: string;
  forzaMediaSemestre: number;
  ccnl: string;
  fondoSolidarietaCodice: CodiceFondo | null;
  unita: readonly UnitaRiferimento[];
}

/** Legali rappresentanti di C3–C5: persone inventate che non sono utenti della piattaforma. */
export const LEGALI_RAPPRESENTANTI = {
  C3: { codiceFiscale: "BTTLRT83B11F205N", nome: "Alberto", cognome: "Bottega Fittizio", dataNascita: "1983-02-11", sesso: "M", luogoNascita: "F205" },
  C4: { codiceFiscale: "FNTCRL71S70H501P", nome: "Carla", cognome: "Fontana Esempio", dataNascita: "1971-11-30", sesso: "F", luogoNascita: "H501" },
  C5: { codiceFiscale: "CLLVTI60H05A662E", nome: "Vito", cognome: "Colle Fittizio", dataNascita: "1960-06-05", sesso: "M", luogoNascita: "A662" },
} as const;

const TEMPO_PIENO = 4000;
const AGRICOLO = 3900; // CCNL operai agricoli: 39 ore su sei giorni

export const AZIENDE_RIFERIMENTO: readonly AziendaRiferimento[] = [
  {
    chiave: "C1",
    matricola: "4712345601",
    cida: null,
    codiceFiscale: "09876540288",
    ragioneSociale: "Officine Meccaniche Brenta S.r.l.",
    csc: "19901",
    codiceAteco: "25.62.00",
    gestione: "privata",
    sedeCodice: SEDE.padova,
    pec: "officinebrenta@pec.esempio.it",
    telefono: "049 0000001",
    indirizzo: "Via dell'Esempio 1",
    comune: "Padova",
    cfLegaleRappresentante: MARIO_ESEMPIO.codiceFiscale,
    forzaMediaSemestre: 48,
    ccnl: "Metalmeccanica industria",
    fondoSolidarietaCodice: null,
    unita: [
      {
        chiave: "C1-UP1", codice: "UP1", denominazione: "Stabilimento di Padova", indirizzo: "Via dell'Esempio 1",
        comune: "Padova", attivita: "lavorazioni meccaniche",
        forza: [
          { quanti: 30, orarioSettimanaleCentesimi: TEMPO_PIENO, qualifica: "operaio" },
          { quanti: 2, orarioSettimanaleCentesimi: 2000, qualifica: "operaio" },
        ],
      },
      {
        // §9.2 dice 16 × 40 h, ma §9.3 mette qui Giulia Fittizio a 20 h: 15 a tempo pieno + Giulia, così C1 ha 48
        // dipendenti come in §9.1.
        chiave: "C1-UP2", codice: "UP2", denominazione: "Reparto montaggio di Vicenza", indirizzo: "Viale dei Campioni 40",
        comune: "Vicenza", attivita: "assemblaggio",
        forza: [
          { quanti: 15, orarioSettimanaleCentesimi: TEMPO_PIENO, qualifica: "operaio" },
          { quanti: 1, orarioSettimanaleCentesimi: 2000, qualifica: "impiegato" },
        ],
      },
    ],
  },
  {
    chiave: "C2",
    matricola: "4723456702",
    cida: null,
    codiceFiscale: "08765430239",
    ragioneSociale: "Edil Costruzioni Adige S.p.A.",
    csc: "19902",
    codiceAteco: "41.20.00",
    gestione: "privata",
    sedeCodice: SEDE.verona,
    pec: "edilcostruzioniadige@pec.esempio.it",
    telefono: "045 0000002",
    indirizzo: "Corso della Prova 22",
    comune: "Verona",
    cfLegaleRappresentante: MARIO_ESEMPIO.codiceFiscale,
    forzaMediaSemestre: 62,
    ccnl: "Edilizia industria",
    fondoSolidarietaCodice: null,
    unita: [
      {
        chiave: "C2-UP1", codice: "UP1", denominazione: "Cantiere Lungadige", indirizzo: "Lungadige del Cantiere 5",
        comune: "Verona", attivita: "cantiere edile",
        forza: [{ quanti: 40, orarioSettimanaleCentesimi: TEMPO_PIENO, qualifica: "operaio" }],
      },
      {
        chiave: "C2-UP2", codice: "UP2", denominazione: "Deposito di Verona", indirizzo: "Via del Prototipo 9",
        comune: "Verona", attivita: "magazzino",
        forza: [{ quanti: 22, orarioSettimanaleCentesimi: TEMPO_PIENO, qualifica: "operaio" }],
      },
    ],
  },
  {
    chiave: "C3",
    matricola: "4734567803",
    cida: null,
    codiceFiscale: "07654320154",
    ragioneSociale: "Bottega Digitale S.n.c.",
    csc: "79901",
    codiceAteco: "47.91.10",
    gestione: "privata",
    sedeCodice: SEDE.milano,
    pec: "bottegadigitale@pec.esempio.it",
    telefono: "02 0000003",
    indirizzo: "Via Fittizia 3",
    comune: "Milano",
    cfLegaleRappresentante: LEGALI_RAPPRESENTANTI.C3.codiceFiscale,
    forzaMediaSemestre: 4,
    ccnl: "Commercio terziario",
    fondoSolidarietaCodice: null,
    unita: [
      {
        chiave: "C3-UP1", codice: "UP1", denominazione: "Negozio di Milano", indirizzo: "Via Fittizia 3",
        comune: "Milano", attivita: "negozio e commercio elettronico",
        forza: [
          { quanti: 3, orarioSettimanaleCentesimi: TEMPO_PIENO, qualifica: "impiegato" },
          { quanti: 1, orarioSettimanaleCentesimi: 2400, qualifica: "impiegato" },
        ],
      },
    ],
  },
  {
    chiave: "C4",
    matricola: "4745678904",
    cida: null,
    codiceFiscale: "06543210584",
    ragioneSociale: "Studio Associato Fontana Esempio",
    csc: "79902",
    codiceAteco: "69.10.10",
    gestione: "privata",
    sedeCodice: SEDE.roma,
    pec: "studiofontanaesempio@pec.esempio.it",
    telefono: "06 0000004",
    indirizzo: "Piazza del Modello 4",
    comune: "Roma",
    cfLegaleRappresentante: LEGALI_RAPPRESENTANTI.C4.codiceFiscale,
    forzaMediaSemestre: 9,
    ccnl: "Studi professionali",
    // Il CA che segnala l'adesione al fondo non è noto (INPS non lo pubblica): l'adesione sta nella colonna.
    fondoSolidarietaCodice: "attivita_professionali",
    unita: [
      {
        chiave: "C4-UP1", codice: "UP1", denominazione: "Studio di Roma", indirizzo: "Piazza del Modello 4",
        comune: "Roma", attivita: "studio professionale",
        forza: [{ quanti: 9, orarioSettimanaleCentesimi: TEMPO_PIENO, qualifica: "impiegato" }],
      },
    ],
  },
  {
    chiave: "C5",
    matricola: null,
    cida: "AGR-000123",
    codiceFiscale: "05432100724",
    ragioneSociale: "Azienda Agricola Colle Verde Fittizia",
    csc: null,
    codiceAteco: "01.26.00",
    gestione: "agricola",
    sedeCodice: SEDE.bari,
    pec: "colleverdefittizia@pec.esempio.it",
    telefono: "080 0000005",
    indirizzo: "Contrada del Collaudo 7",
    comune: "Bari",
    cfLegaleRappresentante: LEGALI_RAPPRESENTANTI.C5.codiceFiscale,
    forzaMediaSemestre: 7,
    ccnl: "Operai agricoli e florovivaisti",
    fondoSolidarietaCodice: null,
    unita: [
      {
        chiave: "C5-UP1", codice: "UP1", denominazione: "Oliveto e frutteto", indirizzo: "Contrada del Collaudo 7",
        comune: "Bari", attivita: "oliveto e frutteto",
        forza: [
          { quanti: 5, orarioSettimanaleCentesimi: AGRICOLO, qualifica: "oti" },
          { quanti: 2, orarioSettimanaleCentesimi: AGRICOLO, qualifica: "otd" },
        ],
      },
    ],
  },
];

export interface LavoratoreRiferimento {
  codiceFiscale: string;
  nome: string;
  cognome: string;
  unita: ChiaveUnita;
  qualifica: Qualifica;
  tipoContratto: TipoContratto;
  dataAssunzione: DataISO;
  orarioSettimanaleCentesimi: number;
  percentualePartTime: number | null;
  iban: string;
  /** Operai agricoli: giornate per anno (2026 fino al 9 febbraio, il giorno prima della data di riferimento). */
  giornateAgricole?: Readonly<Record<number, number>>;
  nota: string;
}

/** I tredici lavoratori dei casi D1–D5, nell'ordine della tabella (lo stesso degli IBAN). */
export const LAVORATORI_RIFERIMENTO: readonly LavoratoreRiferimento[] = [
  {
    codiceFiscale: "SMPMRC80C12G224X", nome: "Marco", cognome: "Esempio", unita: "C1-UP1", qualifica: "operaio",
    tipoContratto: "tempo_indeterminato", dataAssunzione: "2015-03-02", orarioSettimanaleCentesimi: TEMPO_PIENO,
    percentualePartTime: null, iban: "IT62M9900101001000000100000", nota: "ammissibile",
  },
  {
    codiceFiscale: "FTTGLI92L45L840N", nome: "Giulia", cognome: "Fittizio", unita: "C1-UP2", qualifica: "impiegato",
    tipoContratto: "tempo_indeterminato", dataAssunzione: "2019-09-16", orarioSettimanaleCentesimi: 2000,
    percentualePartTime: 50, iban: "IT39N9900101001000000100001", nota: "ammissibile, part-time al 50%",
  },
  {
    codiceFiscale: "CMPLCU03S23G224Z", nome: "Luca", cognome: "Campionato", unita: "C1-UP1", qualifica: "apprendista",
    tipoContratto: "apprendistato", dataAssunzione: DATA_ASSUNZIONE_LUCA, orarioSettimanaleCentesimi: TEMPO_PIENO,
    percentualePartTime: null, iban: "IT16O9900101001000000100002",
    nota: "apprendista professionalizzante assunto 20 giorni prima della domanda: non supera i 30 giorni",
  },
  {
    codiceFiscale: "DMSSRA75A70L781U", nome: "Sara", cognome: "Dimostrativo", unita: "C2-UP2", qualifica: "impiegato",
    tipoContratto: "tempo_indeterminato", dataAssunzione: "2008-01-10", orarioSettimanaleCentesimi: TEMPO_PIENO,
    percentualePartTime: null, iban: "IT90P9900101001000000100003", nota: "ammissibile",
  },
  {
    codiceFiscale: "PRVHMD88P09Z330P", nome: "Ahmed", cognome: "Provetto", unita: "C2-UP1", qualifica: "operaio",
    tipoContratto: "tempo_indeterminato", dataAssunzione: "2021-04-06", orarioSettimanaleCentesimi: TEMPO_PIENO,
    percentualePartTime: null, iban: "IT67Q9900101001000000100004",
    nota: "operaio edile nato all'estero (Z330): CIGO per eventi meteo",
  },
  {
    codiceFiscale: "FNZPLA69D18L781Z", nome: "Paolo", cognome: "Finzione", unita: "C2-UP1", qualifica: "dirigente",
    tipoContratto: "tempo_indeterminato", dataAssunzione: "2010-02-01", orarioSettimanaleCentesimi: TEMPO_PIENO,
    percentualePartTime: null, iban: "IT44R9900101001000000100005", nota: "escluso: dirigente",
  },
  {
    codiceFiscale: "SMPCHR99T41F205E", nome: "Chiara", cognome: "Esempietto", unita: "C3-UP1", qualifica: "impiegato",
    tipoContratto: "tempo_indeterminato", dataAssunzione: "2022-05-02", orarioSettimanaleCentesimi: 2400,
    percentualePartTime: 60, iban: "IT21S9900101001000000100006", nota: "commessa part-time 24 h, ammissibile al FIS",
  },
  {
    codiceFiscale: "SMLDVD85H14F205O", nome: "Davide", cognome: "Simulato", unita: "C3-UP1", qualifica: "impiegato",
    tipoContratto: "tempo_indeterminato", dataAssunzione: "2016-11-07", orarioSettimanaleCentesimi: TEMPO_PIENO,
    percentualePartTime: null, iban: "IT95T9900101001000000100007", nota: "commesso, ammissibile al FIS",
  },
  {
    codiceFiscale: "MDLLNE90B68H501W", nome: "Elena", cognome: "Modellino", unita: "C4-UP1", qualifica: "impiegato",
    tipoContratto: "tempo_indeterminato", dataAssunzione: "2018-02-19", orarioSettimanaleCentesimi: TEMPO_PIENO,
    percentualePartTime: null, iban: "IT72U9900101001000000100008", nota: "ammissibile al fondo",
  },
  {
    codiceFiscale: "CMPFNC62R07H501F", nome: "Franco", cognome: "Campionario", unita: "C4-UP1", qualifica: "impiegato",
    tipoContratto: "tempo_indeterminato", dataAssunzione: "1995-06-01", orarioSettimanaleCentesimi: TEMPO_PIENO,
    percentualePartTime: null, iban: "IT49V9900101001000000100009", nota: "ammissibile al fondo",
  },
  {
    codiceFiscale: "DMSRNI95E60Z129K", nome: "Irina", cognome: "Dimostrato", unita: "C5-UP1", qualifica: "oti",
    tipoContratto: "tempo_indeterminato", dataAssunzione: "2019-03-01", orarioSettimanaleCentesimi: AGRICOLO,
    percentualePartTime: null, iban: "IT79L9900101001000000100010",
    giornateAgricole: { 2024: 262, 2025: 250, 2026: 28 },
    nota: "OTI con 250 giornate nel 2025: ammissibile alla CISOA",
  },
  {
    codiceFiscale: "PRTNCL78M03A662J", nome: "Nicola", cognome: "Prototipo", unita: "C5-UP1", qualifica: "oti",
    tipoContratto: "tempo_indeterminato", dataAssunzione: "2024-10-01", orarioSettimanaleCentesimi: AGRICOLO,
    percentualePartTime: null, iban: "IT56M9900101001000000100011",
    giornateAgricole: { 2024: 58, 2025: 150, 2026: 18 },
    nota: "OTI con 150 giornate nel 2025: non supera le 180 giornate",
  },
  {
    codiceFiscale: "BZZRSO01C55A662M", nome: "Rosa", cognome: "Bozzetto", unita: "C5-UP1", qualifica: "otd",
    tipoContratto: "tempo_determinato", dataAssunzione: "2025-06-01", orarioSettimanaleCentesimi: AGRICOLO,
    percentualePartTime: null, iban: "IT33N9900101001000000100012",
    giornateAgricole: { 2025: 118, 2026: 14 },
    nota: "OTD: ammissibile solo nei periodi di deroga (1/7–31/12/2025)",
  },
];

/** CAB fittizio dei conti dei lavoratori delle aziende di riferimento (banca fittizia 99001/01001). */
const CAB_RIFERIMENTO = "01001";
/** Primo conto libero dopo i tredici IBAN di §9.3. */
const PRIMO_CONTO_RIEMPIMENTO = 100_013;

export interface IdRiferimento {
  aziende: Record<ChiaveAzienda, number>;
  unita: Record<ChiaveUnita, number>;
  studioIntermediaria: number;
}

/** Sesso e data di nascita dei lavoratori di riferimento si leggono dal loro codice fiscale (validatore del dominio). */
function anagraficaDaCf(cf: string): { dataNascita: DataISO; sesso: "M" | "F" } {
  const esito = validaCodiceFiscalePersona(cf, { oggi: DATA_RIFERIMENTO_SEED });
  if (!esito.valido || !esito.dataNascita || !esito.sesso) throw new Error(`Codice fiscale di riferimento non valido: ${cf}`);
  return { dataNascita: esito.dataNascita, sesso: esito.sesso };
}

/**
 * Scrive le aziende, le unità e i lavoratori di riferimento, lo studio dell'intermediaria e i loro 24 mesi UniEmens.
 * Nessun evento CIG sulle aziende di riferimento: i test delle domande D1–D5 partono da un consumo nullo.
 */
export function scriviRiferimento(w: ScrittoreLotti, registro: Registro, ctx: ContestoUniemens): IdRiferimento {
  const c = mulberry32(SEMI.riferimento);
  for (const l of LAVORATORI_RIFERIMENTO) registro.codiciFiscali.add(l.codiceFiscale);
  for (const p of UTENTI_DEMO) {
    registro.codiciFiscali.add(p.codiceFiscale);
  }
  for (const p of Object.values(LEGALI_RAPPRESENTANTI)) registro.codiciFiscali.add(p.codiceFiscale);
  const contoPrecedente = registro.prossimoConto;
  registro.prossimoConto = PRIMO_CONTO_RIEMPIMENTO;

  const ids = { aziende: {}, unita: {} } as IdRiferimento;
  for (const a of AZIENDE_RIFERIMENTO) {
    if (a.matricola) registro.matricole.add(a.matricola);
    registro.partiteIva.add(a.codiceFiscale);
    const com = comune(a.comune);
    const aziendaId = w.prossimoId(s.aziende);
    ids.aziende[a.chiave] = aziendaId;
    w.aggiungi(s.aziende, {
      id: aziendaId,
      matricola: a.matricola,
      cida: a.cida,
      codiceFiscale: a.codiceFiscale,
      ragioneSociale: a.ragioneSociale,
      csc: a.csc,
      codiciAutorizzazione: [],
      codiceAteco: a.codiceAteco,
      gestione: a.gestione,
      sedeCodice: a.sedeCodice,
      pec: a.pec,
      telefono: a.telefono,
      indirizzo: a.indirizzo,
      comune: a.comune,
      provincia: com.provincia,
      cap: com.cap,
      cfLegaleRappresentante: a.cfLegaleRappresentante,
      forzaMediaSemestre: a.forzaMediaSemestre,
      ccnl: a.ccnl,
      fondoSolidarietaCodice: a.fondoSolidarietaCodice,
    });
    for (const u of a.unita) {
      const cu = comune(u.comune);
      const unitaId = w.prossimoId(s.unitaProduttive);
      ids.unita[u.chiave] = unitaId;
      w.aggiungi(s.unitaProduttive, {
        id: unitaId,
        aziendaId,
        codice: u.codice,
        denominazione: u.denominazione,
        indirizzo: u.indirizzo,
        comune: u.comune,
        codiceCatastale: cu.belfiore,
        provincia: cu.provincia,
        cap: cu.cap,
        attivita: u.attivita,
      });
      // Prima i lavoratori di §9.3, poi i fittizi che completano ciascuna classe d'orario.
      const nominati = LAVORATORI_RIFERIMENTO.filter((l) => l.unita === u.chiave);
      for (const l of nominati) {
        const lavoratoreId = w.prossimoId(s.lavoratori);
        w.aggiungi(s.lavoratori, {
          id: lavoratoreId,
          codiceFiscale: l.codiceFiscale,
          cognome: l.cognome,
          nome: l.nome,
          ...anagraficaDaCf(l.codiceFiscale),
          iban: l.iban,
        });
        scriviRapporto(w, ctx, { ...l, lavoratoreId, unitaProduttivaId: unitaId, dataCessazione: null }, c);
      }
      for (const classe of u.forza) {
        const giaPresenti = nominati.filter(
          (l) =>
            l.orarioSettimanaleCentesimi === classe.orarioSettimanaleCentesimi &&
            (!isAgricolo(classe.qualifica) || l.qualifica === classe.qualifica),
        ).length;
        for (let i = giaPresenti; i < classe.quanti; i++) {
          scriviRiempimento(w, registro, ctx, c, unitaId, cu.belfiore, classe);
        }
      }
    }
  }
  ids.studioIntermediaria = scriviStudioIntermediaria(w, registro, ctx, c);
  registro.prossimoConto = Math.max(contoPrecedente, registro.prossimoConto);
  return ids;
}

function scriviRiempimento(
  w: ScrittoreLotti,
  registro: Registro,
  ctx: ContestoUniemens,
  c: Casuale,
  unitaId: number,
  luogo: string,
  classe: ClasseOrario,
): void {
  const nascita = c.probabilita(0.1) ? c.scegli(["Z330", "Z129", "Z100"]) : luogo;
  const p = personaFittizia(c, registro, { luogo: nascita, nascitaDal: "1965-01-01", nascitaAl: "1998-12-31" });
  const lavoratoreId = w.prossimoId(s.lavoratori);
  w.aggiungi(s.lavoratori, {
    id: lavoratoreId,
    codiceFiscale: p.codiceFiscale,
    cognome: p.cognome,
    nome: p.nome,
    dataNascita: p.dataNascita,
    sesso: p.sesso,
    iban: ibanFittizio(registro, CAB_RIFERIMENTO),
  });
  const agricolo = isAgricolo(classe.qualifica);
  // Assunti tutti prima del semestre di riferimento, così la forza media di §9.1 resta quella.
  const dataAssunzione = agricolo && classe.qualifica === "otd" ? "2025-04-01" : dataTra(c, addDays(p.dataNascita, 18 * 366), "2023-12-31");
  const partTime = classe.orarioSettimanaleCentesimi < TEMPO_PIENO && !agricolo;
  scriviRapporto(
    w,
    ctx,
    {
      lavoratoreId,
      unitaProduttivaId: unitaId,
      qualifica: classe.qualifica,
      tipoContratto: classe.qualifica === "otd" ? "tempo_determinato" : "tempo_indeterminato",
      dataAssunzione,
      dataCessazione: null,
      orarioSettimanaleCentesimi: classe.orarioSettimanaleCentesimi,
      percentualePartTime: partTime ? Math.round((classe.orarioSettimanaleCentesimi * 100) / TEMPO_PIENO) : null,
      giornateAgricole: agricolo
        ? classe.qualifica === "oti"
          ? { 2024: c.intero(190, 280), 2025: c.intero(190, 280), 2026: c.intero(15, 30) }
          : { 2025: c.intero(80, 140), 2026: c.intero(5, 15) }
        : undefined,
    },
    c,
  );
}

/** Lo studio di Laura Consulente Fittizia con due impiegati (vedi `STUDIO_INTERMEDIARIA`). */
function scriviStudioIntermediaria(
  w: ScrittoreLotti,
  registro: Registro,
  ctx: ContestoUniemens,
  c: Casuale,
): number {
  const st = STUDIO_INTERMEDIARIA;
  registro.matricole.add(st.matricola);
  const aziendaId = w.prossimoId(s.aziende);
  w.aggiungi(s.aziende, {
    id: aziendaId,
    matricola: st.matricola,
    cida: null,
    codiceFiscale: st.codiceFiscale,
    ragioneSociale: st.ragioneSociale,
    csc: st.csc,
    codiciAutorizzazione: [],
    codiceAteco: st.codiceAteco,
    gestione: "privata",
    sedeCodice: st.sedeCodice,
    pec: st.pec,
    telefono: "02 0000006",
    indirizzo: st.indirizzo,
    comune: st.comune,
    provincia: st.provincia,
    cap: st.cap,
    cfLegaleRappresentante: LAURA_CONSULENTE.codiceFiscale,
    forzaMediaSemestre: st.dipendenti,
    ccnl: "Studi professionali",
    fondoSolidarietaCodice: st.fondoSolidarietaCodice,
  });
  const unitaId = w.prossimoId(s.unitaProduttive);
  w.aggiungi(s.unitaProduttive, {
    id: unitaId,
    aziendaId,
    codice: "UP1",
    denominazione: "Studio di Milano",
    indirizzo: st.indirizzo,
    comune: st.comune,
    codiceCatastale: st.codiceCatastale,
    provincia: st.provincia,
    cap: st.cap,
    attivita: "consulenza del lavoro",
  });
  for (let i = 0; i < st.dipendenti; i++) {
    scriviRiempimento(w, registro, ctx, c, unitaId, st.codiceCatastale, {
      quanti: 1,
      orarioSettimanaleCentesimi: TEMPO_PIENO,
      qualifica: "impiegato",
    });
  }
  return aziendaId;
}
