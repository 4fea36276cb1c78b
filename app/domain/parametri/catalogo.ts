// Parametri normativi come dati, versionati per data di validità. Ogni valore porta fonte, riferimento e confidenza
// (la fonte è l'atto normativo o di prassi; i valori incerti sono elencati in docs/regole.md). Per aggiornare un valore si aggiunge una versione,
// non si modifica quella esistente.
import type { AttivitaInquadramento, Fondo, Prestazione } from "../tipi";
import type { Frazione, PuntiBase, VersioneParametro } from "./tipi";
import { REGOLE_INSTRADAMENTO, type RegolaInstradamento } from "./instradamento";
import { CATALOGO_CRUSCOTTO } from "./cruscotto";
import { CATALOGO_ISTRUTTORIA } from "./istruttoria";

export interface Massimale {
  /** Importi mensili in centesimi di euro. */
  lordoCentesimi: number;
  nettoCentesimi: number;
  /** Edilizia e lapidei, intemperie stagionali: massimale maggiorato del 20%. */
  intemperieLordoCentesimi: number;
  intemperieNettoCentesimi: number;
  maggiorazioneIntemperie: PuntiBase;
}

/** How the monthly ceiling applies to a month integrated only in part (docs/regole.md §22). */
export interface ProporzionamentoMassimale {
  /** ore_integrate: massimale × ore integrate / ore contrattuali del mese; mese_intero: massimale pieno. */
  metodo: "ore_integrate" | "mese_intero";
  settimaneAnno: number;
  mesiAnno: number;
}

export interface FasciaContributo {
  /** Settimane fruite nel quinquennio mobile fino alle quali vale l'aliquota; null = oltre l'ultima soglia. */
  finoASettimane: number | null;
  aliquota: PuntiBase;
}

export interface TermineDomanda {
  giorniDallInizio: number;
  /** EONE: entro la fine del mese successivo a quello dell'evento. */
  eoneFineMeseSuccessivo: boolean;
  /** Domanda tardiva: la copertura parte al massimo tanti giorni prima della presentazione. */
  giorniRetroattiviTardiva: number;
}

export interface DerogaCisoa {
  inizio: string;
  fine: string;
  descrizione: string;
  riferimento: string;
  ammessiOtd: boolean;
  senzaRequisito181Giorni: boolean;
  nonComputaNei90Giorni: boolean;
}

export interface FormulaLiquidita {
  versione: string;
  descrizione: string;
  /** Soglia dell'indice in centesimi (100 = 1,00): il pagamento diretto si accetta se l'indice è inferiore. */
  sogliaCentesimi: number;
}

function v<T>(x: VersioneParametro<T>): VersioneParametro<T> {
  return x;
}

const ART3 = "art. 3 d.lgs. 148/2015";

export const CATALOGO = {
  "massimale.mensile": [
    v<Massimale>({
      valore: {
        lordoCentesimi: 140_403, nettoCentesimi: 132_205,
        intemperieLordoCentesimi: 168_485, intemperieNettoCentesimi: 158_645, maggiorazioneIntemperie: 2000,
      },
      validoDal: "2025-01-01", validoAl: "2025-12-31",
      fonte: "INPS circ. 25 del 29/01/2025", riferimento: `${ART3} c.5-bis`, confidenza: "certo",
    }),
    v<Massimale>({
      valore: {
        lordoCentesimi: 142_369, nettoCentesimi: 134_056,
        intemperieLordoCentesimi: 170_844, intemperieNettoCentesimi: 160_866, maggiorazioneIntemperie: 2000,
      },
      validoDal: "2026-01-01", validoAl: "2026-12-31",
      fonte: "INPS circ. 4 del 28/01/2026", riferimento: `${ART3} c.5-bis`, confidenza: "certo",
    }),
  ],
  "massimale.proporzionamento": [
    v<ProporzionamentoMassimale>({
      valore: { metodo: "ore_integrate", settimaneAnno: 52, mesiAnno: 12 },
      validoDal: "2022-01-01", validoAl: null,
      fonte: "ipotesi di progetto, non confermata da una fonte", riferimento: `${ART3} c.5-bis`, confidenza: "incerto",
      nota:
        "Il massimale mensile (lordo e netto pubblicati, ciascuno per sé) è rapportato alle ore integrate: massimale × ore integrate nel mese / (orario settimanale × 52 / 12). " +
        "Con metodo \"mese_intero\" si applicherebbe il massimale pieno anche a un mese integrato in parte. La prassi INPS non è pubblica.",
    }),
  ],
  "importo.divisoreMensile": [
    v<{ settimaneAnno: number; mesiAnno: number }>({
      valore: { settimaneAnno: 52, mesiAnno: 12 },
      validoDal: "2022-01-01", validoAl: null,
      fonte: "ipotesi di progetto, non confermata da una fonte", riferimento: `${ART3} c.1`, confidenza: "incerto",
      nota:
        "Una retribuzione mensile (RetribTeorica del flusso) diventa oraria dividendola per le ore contrattuali del mese: orario settimanale × 52 / 12. " +
        "I contratti collettivi usano divisori propri (per esempio 173): un flusso con la retribuzione oraria non ne dipende.",
    }),
  ],
  "importo.percentuale": [
    v<PuntiBase>({
      valore: 8000, validoDal: "2015-09-24", validoAl: null,
      fonte: "d.lgs. 148/2015", riferimento: `${ART3} c.1`, confidenza: "certo",
    }),
  ],
  "importo.riduzione": [
    v<PuntiBase>({
      valore: 584, validoDal: "2022-01-01", validoAl: null,
      fonte: "d.lgs. 148/2015 art. 3; circ. 25/2025", riferimento: "art. 26 L. 41/1986", confidenza: "certo",
    }),
  ],
  "cisoa.percentuale": [
    v<Frazione>({
      valore: { numeratore: 2, denominatore: 3 }, validoDal: "1972-08-23", validoAl: null,
      fonte: "testo dell'art. 8 L. 457/1972", riferimento: "art. 8 L. 457/1972", confidenza: "incerto",
      nota: "Il testo di legge dice due terzi; molte sintesi della prassi indicano l'80%. Da confermare con INPS.",
    }),
  ],
  "cisoa.massimaleIntemperie": [
    v<boolean>({
      valore: false, validoDal: "2022-01-01", validoAl: null,
      fonte: "INPS circ. 4/2026", riferimento: `${ART3} c.5-bis`, confidenza: "certo",
      nota: "Il massimale non si applica alla CISOA per intemperie stagionali.",
    }),
  ],
  "contributoAddizionale.aliquote": [
    v<FasciaContributo[]>({
      valore: [
        { finoASettimane: 52, aliquota: 900 }, { finoASettimane: 104, aliquota: 1200 }, { finoASettimane: null, aliquota: 1500 },
      ],
      validoDal: "2015-09-24", validoAl: null,
      fonte: "NT+ Lavoro; INPS circ. 9/2017", riferimento: "art. 5 c.1 d.lgs. 148/2015", confidenza: "certo",
    }),
  ],
  "contributoAddizionale.aliquoteRidotte": [
    v<{ fasce: FasciaContributo[]; mesiSenzaUtilizzo: number }>({
      valore: {
        fasce: [{ finoASettimane: 52, aliquota: 600 }, { finoASettimane: 104, aliquota: 900 }, { finoASettimane: null, aliquota: 1500 }],
        mesiSenzaUtilizzo: 24,
      },
      validoDal: "2025-01-01", validoAl: null,
      fonte: "INPS circ. 5/2025 e nota DC Entrate 4/11/2025", riferimento: "art. 5 c.1-ter d.lgs. 148/2015",
      confidenza: "certo",
      nota: "Per chi non ha fruito di CIGO/CIGS/CIGD per almeno 24 mesi; vale per più periodi successivi fino alle soglie.",
    }),
  ],
  // Alike the entries around (duplicates): each dated parameter is written in full with its period, source and
  // confidence (docs/regole.md), so that a reader checks one entry against its law or circular without a helper in between.
  "contributoAddizionale.eoneEsente": [
    v<boolean>({
      valore: true, validoDal: "2015-09-24", validoAl: null,
      fonte: "conoscenza di contesto, non verificata su fonte", riferimento: "art. 13 c.3 d.lgs. 148/2015",
      confidenza: "probabile",
    }),
  ],
  "contributoAddizionale.fis": [
    v<PuntiBase>({
      valore: 400, validoDal: "2022-01-01", validoAl: null,
      fonte: "INPS circ. 170/2018", riferimento: "art. 29 d.lgs. 148/2015", confidenza: "probabile",
      nota: "Una fonte (Paghe.io) sostiene il taglio al 2,4% dal 2025: contraddice le altre ed è ritenuta errata.",
    }),
  ],
  "contributoAddizionale.quinquennio": [
    v<{ anni: number; ambito: "unita_produttiva" | "azienda" }>({
      valore: { anni: 5, ambito: "unita_produttiva" },
      validoDal: "2015-09-24", validoAl: null,
      fonte: "d.lgs. 148/2015 art. 5 c.1 (quinquennio mobile); finestra e ambito: ipotesi di progetto",
      riferimento: "art. 5 c.1 d.lgs. 148/2015", confidenza: "incerto",
      nota:
        "Le settimane già fruite sono i giorni di CIGO dell'unità produttiva (fruiti se esposti nei flussi, altrimenti autorizzati) nei 5 anni di calendario " +
        "che finiscono il giorno prima dell'inizio del periodo, ÷ 5 o ÷ 6 come nei limiti di durata. Che la finestra si ancori così e che si conti per unità " +
        "produttiva e non per l'intera azienda non è confermato da una fonte INPS.",
    }),
  ],
  "massimale.intemperie": [
    v<{ prestazioni: Prestazione[]; attivita: AttivitaInquadramento[]; causali: string[] }>({
      valore: { prestazioni: ["CIGO"], attivita: ["edilizia", "lapidei_industriali", "lapidei_artigiani_cava"], causali: ["eventi_meteo"] },
      validoDal: "2015-09-24", validoAl: null,
      fonte: "INPS circ. 25/2025 e 4/2026 (massimali incrementati del 20% per le intemperie stagionali dei settori edile e lapideo)",
      riferimento: "art. 3 d.lgs. 148/2015", confidenza: "certo",
    }),
  ],
  "massimale.intemperie.temperatureElevate": [
    v<boolean>({
      valore: true, validoDal: "2015-09-24", validoAl: null,
      fonte: "ipotesi di progetto: msg INPS 2999/2022 tratta le temperature oltre 35 °C come evento meteo", riferimento: "art. 3 d.lgs. 148/2015",
      confidenza: "incerto",
      nota: "Che il massimale maggiorato del 20% valga anche per le temperature elevate (e non solo per pioggia, neve, gelo) non è confermato da una fonte INPS.",
    }),
  ],
  "fis.aliquoteOrdinarie": [
    v<{ finoA5: PuntiBase; oltre5: PuntiBase; ridottaFinoA5: PuntiBase | null; mesiSenzaAis: number }>({
      valore: { finoA5: 50, oltre5: 80, ridottaFinoA5: null, mesiSenzaAis: 24 },
      validoDal: "2022-01-01", validoAl: "2024-12-31",
      fonte: "L. 234/2021; INPS circ. 5/2025", riferimento: "art. 29 c.8 d.lgs. 148/2015", confidenza: "certo",
    }),
    v<{ finoA5: PuntiBase; oltre5: PuntiBase; ridottaFinoA5: PuntiBase | null; mesiSenzaAis: number }>({
      valore: { finoA5: 50, oltre5: 80, ridottaFinoA5: 30, mesiSenzaAis: 24 },
      validoDal: "2025-01-01", validoAl: null,
      fonte: "INPS circ. 5 del 20/01/2025", riferimento: "art. 29 c.8 d.lgs. 148/2015", confidenza: "certo",
    }),
  ],
  "durata.cigo": [
    v<{ settimaneContinueMax: number; settimaneBiennioMax: number; settimaneConsecutiveMax: number; settimaneAttivitaNormale: number; settimaneBiennio: number; quotaOreLavorabili: Frazione }>({
      valore: {
        settimaneContinueMax: 13, settimaneBiennioMax: 52, settimaneConsecutiveMax: 52, settimaneAttivitaNormale: 52,
        settimaneBiennio: 104, quotaOreLavorabili: { numeratore: 1, denominatore: 3 },
      },
      validoDal: "2015-09-24", validoAl: null,
      fonte: "Normattiva, d.lgs. 148/2015 art. 12", riferimento: "art. 12 d.lgs. 148/2015", confidenza: "certo",
    }),
  ],
  "durata.cigo.oreLavorabili": [
    v<{ settimane: number }>({
      valore: { settimane: 104 }, validoDal: "2015-09-24", validoAl: null,
      fonte: "art. 12 c.5 d.lgs. 148/2015 (formula non confermata)", riferimento: "art. 12 c.5 d.lgs. 148/2015", confidenza: "incerto",
      nota: "Ore lavorabili nel biennio = Σ (orario settimanale contrattuale × lavoratori in media nel semestre precedente) × 104.",
    }),
  ],
  "durata.conteggioGiorni": [
    v<{ divisoreSettimanaCorta: number; divisoreSettimanaLunga: number }>({
      valore: { divisoreSettimanaCorta: 5, divisoreSettimanaLunga: 6 }, validoDal: "2009-01-01", validoAl: null,
      fonte: "INPS circ. 58/2009", riferimento: "art. 12 d.lgs. 148/2015; circ. INPS 58/2009", confidenza: "probabile",
      nota: "Regola certa per il 2009; che valga ancora è probabile.",
    }),
  ],
  "durata.fis": [
    v<{ sogliaDipendenti: number; settimanePiccole: number; settimaneGrandi: number; settimaneBiennio: number; sogliaCauseStraordinarie: number }>({
      valore: { sogliaDipendenti: 5, settimanePiccole: 13, settimaneGrandi: 26, settimaneBiennio: 104, sogliaCauseStraordinarie: 15 },
      validoDal: "2022-01-01", validoAl: null,
      fonte: "L. 234/2021", riferimento: "art. 29 c.3-bis d.lgs. 148/2015", confidenza: "certo",
    }),
  ],
  "durata.fondi": [
    v<Record<Fondo, number>>({
      valore: {
        ATTIVITA_PROFESSIONALI: 13, SOLIMARE: 13, SERVIZI_AMBIENTALI: 13, TRASPORTO_PUBBLICO: 13, CREDITO: 13,
        CREDITO_COOPERATIVO: 13, RISCOSSIONE_TRIBUTI: 13,
      },
      validoDal: "2015-09-24", validoAl: null,
      fonte: "d.lgs. 148/2015 art. 30", riferimento: "art. 30 d.lgs. 148/2015", confidenza: "incerto",
      nota: "13 settimane nel biennio mobile è il minimo di legge; la durata propria di ciascun fondo non è stata reperita.",
    }),
  ],
  "durata.cisoa": [
    v<{ giorniAnnoMax: number; giorniLavoroMinimiOti: number }>({
      valore: { giorniAnnoMax: 90, giorniLavoroMinimiOti: 181 }, validoDal: "1972-08-23", validoAl: null,
      fonte: "L. 457/1972 art. 8; INPS circ. 73/2023", riferimento: "art. 8 L. 457/1972", confidenza: "certo",
    }),
  ],
  "cisoa.deroghe": [
    v<DerogaCisoa[]>({
      valore: [
        {
          inizio: "2023-07-29", fine: "2023-12-31", descrizione: "riduzioni a metà giornata per caldo",
          riferimento: "D.L. 98/2023", ammessiOtd: false, senzaRequisito181Giorni: false, nonComputaNei90Giorni: true,
        },
        {
          inizio: "2025-07-01", fine: "2025-12-31", descrizione: "intemperie anche per OTD e per metà giornata",
          riferimento: "art. 10-bis D.L. 92/2025", ammessiOtd: true, senzaRequisito181Giorni: true, nonComputaNei90Giorni: true,
        },
      ],
      validoDal: "2023-07-29", validoAl: null,
      fonte: "INPS circ. 121 e 149/2025, msg 3111/2025; NT+ 2023", riferimento: "D.L. 98/2023; art. 10-bis D.L. 92/2025",
      confidenza: "certo", nota: "Non è nota alcuna deroga per il 2026.",
    }),
  ],
  "termini.CIGO": [
    v<TermineDomanda>({
      valore: { giorniDallInizio: 15, eoneFineMeseSuccessivo: true, giorniRetroattiviTardiva: 7 },
      validoDal: "2015-09-24", validoAl: null,
      fonte: "INPS circ. 18/2022; L. 457/1972 art. 15 per analogia", riferimento: "art. 15 d.lgs. 148/2015",
      confidenza: "certo",
      nota: "Termini certi; la retroattività di una settimana per la domanda tardiva è probabile per la CIGO (art. 15 c.3).",
    }),
  ],
  "termini.AIS_FIS": [
    v<TermineDomanda>({
      valore: { giorniDallInizio: 15, eoneFineMeseSuccessivo: false, giorniRetroattiviTardiva: 7 },
      validoDal: "2022-01-01", validoAl: null,
      fonte: "Infoiva, msg 606/2022", riferimento: "art. 30 c.2 d.lgs. 148/2015", confidenza: "probabile",
      nota: "La variante EONE per il FIS non è nota: si applicano i 15 giorni.",
    }),
  ],
  "termini.AIS_FONDO": [
    v<TermineDomanda>({
      valore: { giorniDallInizio: 15, eoneFineMeseSuccessivo: false, giorniRetroattiviTardiva: 7 },
      validoDal: "2015-09-24", validoAl: null,
      fonte: "testo originario art. 30 c.2", riferimento: "art. 30 c.2 d.lgs. 148/2015", confidenza: "probabile",
    }),
  ],
  "termini.CISOA": [
    v<TermineDomanda>({
      valore: { giorniDallInizio: 15, eoneFineMeseSuccessivo: false, giorniRetroattiviTardiva: 7 },
      validoDal: "1972-08-23", validoAl: null,
      fonte: "L. 457/1972 art. 15", riferimento: "art. 15 L. 457/1972", confidenza: "certo",
    }),
  ],
  "lavoratori.anzianita": [
    v<{ giorniEffettivoLavoro: number }>({
      valore: { giorniEffettivoLavoro: 90 }, validoDal: "2015-09-24", validoAl: "2021-12-31",
      fonte: "INPS circ. 18/2022", riferimento: "art. 1 c.2 d.lgs. 148/2015", confidenza: "certo",
    }),
    v<{ giorniEffettivoLavoro: number }>({
      valore: { giorniEffettivoLavoro: 30 }, validoDal: "2022-01-01", validoAl: null,
      fonte: "INPS circ. 18/2022", riferimento: "art. 1 c.2 d.lgs. 148/2015", confidenza: "certo",
    }),
  ],
  "lavoratori.esenzioni": [
    v<{ anzianitaNonRichiestaEoneIndustria: boolean; dirigentiEsclusi: boolean }>({
      valore: { anzianitaNonRichiestaEoneIndustria: true, dirigentiEsclusi: true }, validoDal: "2015-09-24", validoAl: null,
      fonte: "conoscenza di contesto (art. 1 c.1–2 d.lgs. 148/2015)", riferimento: "art. 1 d.lgs. 148/2015", confidenza: "probabile",
    }),
  ],
  "informativa.termini": [
    v<{ giorni: number; giorniPiccole: number; sogliaDipendenti: number }>({
      valore: { giorni: 25, giorniPiccole: 10, sogliaDipendenti: 50 }, validoDal: "2015-09-24", validoAl: null,
      fonte: "Normattiva, art. 14", riferimento: "art. 14 c.3 d.lgs. 148/2015", confidenza: "certo",
    }),
  ],
  "informativa.eone": [
    v<{ oreSettimanaliSoglia: number; giorniRichiestaEsame: number; giorniEsame: number }>({
      valore: { oreSettimanaliSoglia: 16, giorniRichiestaEsame: 3, giorniEsame: 5 }, validoDal: "2015-09-24", validoAl: null,
      // Alike the dated entries of istruttoria.ts (duplicates): each dated parameter is written in full with its value,
      // period, source and confidence
      fonte: "Normattiva, art. 14; 5 giorni da sintesi Proia.it", riferimento: "art. 14 c.4 d.lgs. 148/2015",
      confidenza: "probabile",
    }),
  ],
  "informativa.ediliziaLapidei": [
    v<{ settimaneContinueSoglia: number }>({
      valore: { settimaneContinueSoglia: 13 }, validoDal: "2015-09-24", validoAl: null,
      fonte: "sintesi Proia.it dell'art. 14", riferimento: "art. 14 c.6 d.lgs. 148/2015", confidenza: "probabile",
    }),
  ],
  "informativa.cisoa": [
    v<{ dovuta: boolean }>({
      valore: { dovuta: false }, validoDal: "1972-08-23", validoAl: null,
      fonte: "fonte del periodo COVID", riferimento: "L. 457/1972", confidenza: "probabile",
    }),
  ],
  "instradamento.regole": [
    v<RegolaInstradamento[]>({
      valore: REGOLE_INSTRADAMENTO, validoDal: "2022-01-01", validoAl: null,
      fonte: "docs/regole.md §1 (R1–R10)", riferimento: "artt. 10, 20, 26, 29 d.lgs. 148/2015", confidenza: "certo",
      nota: "I codici CA dei singoli fondi non sono noti: i fondi si instradano dal campo di adesione al fondo.",
    }),
  ],
  "liquidita.formula": [
    v<FormulaLiquidita>({
      valore: {
        versione: "quick-ratio-provvisoria-1",
        descrizione: "(liquidità immediate + liquidità differite) / passività correnti",
        sogliaCentesimi: 100,
      },
      validoDal: "2023-06-26", validoAl: null,
      fonte: "art. 7 d.lgs. 148/2015 (proposta di progetto; formula INPS non reperita)",
      riferimento: "art. 7 c.2 d.lgs. 148/2015", confidenza: "incerto",
    }),
  ],
  "flussi.pagamentoDiretto": [
    v<{ mesiDopoPeriodo: number; giorniDopoAutorizzazione: number }>({
      valore: { mesiDopoPeriodo: 2, giorniDopoAutorizzazione: 60 }, validoDal: "2022-01-01", validoAl: null,
      fonte: "INPS msg 4496/2023; D.L. 4/2022", riferimento: "art. 7 c.5-bis d.lgs. 148/2015", confidenza: "certo",
    }),
  ],
  "flussi.conguaglio": [
    v<{ mesi: number }>({
      valore: { mesi: 6 }, validoDal: "2015-09-24", validoAl: null,
      fonte: "INPS msg 4496/2023; circ. 170/2017", riferimento: "art. 7 c.3 d.lgs. 148/2015", confidenza: "certo",
    }),
  ],
  ...CATALOGO_ISTRUTTORIA,
  ...CATALOGO_CRUSCOTTO,
} satisfies Record<string, VersioneParametro<unknown>[]>;
