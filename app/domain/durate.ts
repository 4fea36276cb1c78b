// Limiti di durata per unità produttiva (artt. 4, 12 e 29 d.lgs. 148/2015; docs/regole.md §3). I periodi precedenti sono passati in ingresso.
// Conteggio per giorni: un giorno conta se almeno un lavoratore era in integrazione; settimane = giorni ÷ 6 (o ÷ 5).
import {
  addDays, anno, dateDi, finestraAnni, finestraSettimane, formatDataItaliana as it, giorniInclusi, intersezione,
  isFestivo, giornoSettimana, type DataISO, type Intervallo,
} from "./date";
import { esito, type Esito } from "./esito";
import { parametro, type DerogaCisoa } from "./parametri";
import { NOMI_FONDI, type Fondo, type PeriodoPrecedente, type PeriodoRichiesto } from "./tipi";

export type GiorniSettimanali = 5 | 6;

/** Un giorno che conta nei limiti: non festivo e, con la settimana corta, non sabato. */
export function lavorabile(data: DataISO, giorniSettimanali: GiorniSettimanali): boolean {
  return !isFestivo(data) && !(giorniSettimanali === 5 && giornoSettimana(data) === 6);
}

/**
 * Giorni di un periodo che contano: i giorni fruiti se noti, altrimenti tutti quelli dell'intervallo; in entrambi i casi
 * solo i giorni lavorabili, così le settimane equivalenti non superano mai quelle di calendario.
 */
function giorniDelPeriodo(p: Intervallo & { giorniFruiti?: DataISO[] }, giorniSettimanali: GiorniSettimanali): DataISO[] {
  const candidati = p.giorniFruiti ? p.giorniFruiti.filter((d) => p.inizio <= d && d <= p.fine) : dateDi(p);
  return candidati.filter((d) => lavorabile(d, giorniSettimanali));
}

/** Insieme dei giorni utilizzati dentro una finestra (i giorni ripetuti in più periodi contano una volta). */
export function giorniUtilizzati(
  periodi: ReadonlyArray<Intervallo & { giorniFruiti?: DataISO[] }>,
  finestra: Intervallo,
  giorniSettimanali: GiorniSettimanali,
): Set<DataISO> {
  const giorni = new Set<DataISO>();
  for (const p of periodi) {
    if (!intersezione(p, finestra)) continue;
    for (const d of giorniDelPeriodo(p, giorniSettimanali)) if (finestra.inizio <= d && d <= finestra.fine) giorni.add(d);
  }
  return giorni;
}

/** Settimane equivalenti: giorni ÷ 6 (o ÷ 5 con la settimana corta), senza arrotondamento. */
export function settimaneDaGiorni(giorni: number, giorniSettimanali: GiorniSettimanali, data: DataISO): number {
  const p = parametro("durata.conteggioGiorni", data);
  return giorni / (giorniSettimanali === 5 ? p.valore.divisoreSettimanaCorta : p.valore.divisoreSettimanaLunga);
}

/** One formatter for every message (a `toLocaleString` call builds a new one each time: measured on submissions). */
const DUE_DECIMALI = new Intl.NumberFormat("it-IT", { maximumFractionDigits: 2 });

function fmt(settimane: number): string {
  return DUE_DECIMALI.format(Math.round(settimane * 100) / 100);
}

/**
 * Settimane utilizzate nel quinquennio mobile che termina in `fine` (base del contributo addizionale); gli anni della
 * finestra sono il parametro datato `contributoAddizionale.quinquennio`.
 */
export function settimaneNelQuinquennio(
  periodi: ReadonlyArray<Intervallo & { giorniFruiti?: DataISO[] }>,
  fine: DataISO,
  giorniSettimanali: GiorniSettimanali,
): number {
  const finestra = finestraAnni(fine, parametro("contributoAddizionale.quinquennio", fine).valore.anni);
  return settimaneDaGiorni(giorniUtilizzati(periodi, finestra, giorniSettimanali).size, giorniSettimanali, fine);
}

/** Unisce intervalli contigui o sovrapposti, in ordine (i periodi consecutivi di CIGO, art. 12 c.3). */
export function catene(intervalli: Intervallo[]): Intervallo[] {
  const ordinati = [...intervalli].sort((a, b) => (a.inizio < b.inizio ? -1 : a.inizio > b.inizio ? 1 : 0));
  const out: Intervallo[] = [];
  for (const i of ordinati) {
    const ultima = out[out.length - 1];
    if (ultima && i.inizio <= addDays(ultima.fine, 1)) {
      if (i.fine > ultima.fine) ultima.fine = i.fine;
    } else {
      out.push({ ...i });
    }
  }
  return out;
}

export interface InputDurataCigo {
  richiesta: PeriodoRichiesto;
  precedenti: PeriodoPrecedente[];
  giorniSettimanali: GiorniSettimanali;
  /** Art. 10 lett. m), n), o): per edilizia e lapidei gli EONE contano nei limiti. */
  ediliziaLapidei: boolean;
  nomeUnitaProduttiva?: string;
  /** Regola di 1/3: lavoratori occupati in media nel semestre precedente, per orario settimanale. */
  mediaOccupati?: Array<{ orarioSettimanale: number; lavoratori: number }>;
  oreRichieste?: number;
  /** Art. 4: periodi di CIGS dell'unità produttiva (fuori da questa piattaforma), che contano con la CIGO. */
  periodiCigs?: Array<Intervallo & { giorniFruiti?: DataISO[] }>;
}

export interface EsitoDurata {
  esiti: Esito[];
  finestra: Intervallo;
  settimaneUtilizzate: number;
  settimaneRichieste: number;
  settimaneResidue: number;
  settimaneMassime: number;
}

function pertinenti(input: { richiesta: PeriodoRichiesto; precedenti: PeriodoPrecedente[] }, contaEone: boolean): PeriodoPrecedente[] {
  return input.precedenti.filter(
    (p) =>
      p.unitaProduttiva === input.richiesta.unitaProduttiva &&
      p.prestazione === input.richiesta.prestazione &&
      (p.fondo ?? null) === (input.richiesta.fondo ?? null) &&
      (contaEone || !p.eone),
  );
}

/** Limite in settimane nel biennio mobile, comune a CIGO, FIS e fondi. */
function limiteBiennio(args: {
  regola: string;
  riferimento: string;
  richiesta: PeriodoRichiesto;
  precedenti: PeriodoPrecedente[];
  giorniSettimanali: GiorniSettimanali;
  settimaneBiennio: number;
  massimo: number;
  nomeUp: string;
  etichetta: string;
  parametri: Parameters<typeof esito>[0]["parametri"];
}): EsitoDurata {
  const finestra = finestraSettimane(args.richiesta.fine, args.settimaneBiennio);
  const usati = giorniUtilizzati(args.precedenti, finestra, args.giorniSettimanali);
  const richiesti = giorniDelPeriodo({ ...args.richiesta, giorniFruiti: args.richiesta.giorni }, args.giorniSettimanali)
    .filter((d) => !usati.has(d));
  const settimaneUtilizzate = settimaneDaGiorni(usati.size, args.giorniSettimanali, args.richiesta.fine);
  const settimaneRichieste = settimaneDaGiorni(richiesti.length, args.giorniSettimanali, args.richiesta.fine);
  const settimaneResidue = Math.max(0, args.massimo - settimaneUtilizzate);
  const supera = settimaneUtilizzate + settimaneRichieste > args.massimo;
  const base = `Hai già utilizzato ${fmt(settimaneUtilizzate)} settimane su ${args.massimo} nel biennio mobile ${it(finestra.inizio)}–${it(finestra.fine)} per l'unità produttiva ${args.nomeUp}`;
  return {
    finestra, settimaneUtilizzate, settimaneRichieste, settimaneResidue, settimaneMassime: args.massimo,
    esiti: [
      esito({
        regola: args.regola,
        riferimento: args.riferimento,
        gravita: supera ? "bloccante" : "informazione",
        messaggio: supera
          ? `${base} (${args.etichetta}): le ${fmt(settimaneRichieste)} settimane richieste superano il limite, ne restano ${fmt(settimaneResidue)}.`
          : `${base} (${args.etichetta}): con le ${fmt(settimaneRichieste)} settimane richieste ne restano ${fmt(settimaneResidue - settimaneRichieste)}.`,
        dati: {
          unitaProduttiva: args.richiesta.unitaProduttiva, finestra, giorniUtilizzati: usati.size,
          giorniRichiesti: richiesti.length, giorniSettimanali: args.giorniSettimanali, settimaneUtilizzate,
          settimaneRichieste, settimaneMassime: args.massimo, periodiConsiderati: args.precedenti.length,
        },
        parametri: args.parametri,
      }),
    ],
  };
}

export function verificaDurataCigo(input: InputDurataCigo): EsitoDurata {
  const { richiesta } = input;
  const p = parametro("durata.cigo", richiesta.inizio);
  const conteggio = parametro("durata.conteggioGiorni", richiesta.inizio);
  const rif = p.riferimento;
  const nomeUp = input.nomeUnitaProduttiva ?? richiesta.unitaProduttiva;
  const esiti: Esito[] = [];

  // 13 settimane continue per domanda: vale anche per gli EONE.
  const settimaneContinue = giorniInclusi(richiesta) / 7;
  esiti.push(
    esito({
      regola: "durata.cigo.continue",
      riferimento: `${rif} c.1`,
      gravita: settimaneContinue > p.valore.settimaneContinueMax ? "bloccante" : "informazione",
      messaggio:
        settimaneContinue > p.valore.settimaneContinueMax
          ? `Il periodo ${it(richiesta.inizio)}–${it(richiesta.fine)} dura ${fmt(settimaneContinue)} settimane: una domanda di CIGO copre al massimo ${p.valore.settimaneContinueMax} settimane continue; per proseguire presenta una proroga.`
          : `Il periodo ${it(richiesta.inizio)}–${it(richiesta.fine)} dura ${fmt(settimaneContinue)} settimane, entro le ${p.valore.settimaneContinueMax} settimane continue di una domanda.`,
      dati: { inizio: richiesta.inizio, fine: richiesta.fine, settimaneContinue, massimo: p.valore.settimaneContinueMax },
      parametri: [p],
    }),
  );

  const contaEone = input.ediliziaLapidei;
  if (richiesta.eone && !contaEone) {
    esiti.push(
      esito({
        regola: "durata.cigo.biennio",
        riferimento: `${rif} c.4`,
        gravita: "informazione",
        messaggio: `Gli eventi oggettivamente non evitabili non contano nel limite di ${p.valore.settimaneBiennioMax} settimane nel biennio mobile (salvo edilizia e lapidei).`,
        dati: { eone: true, ediliziaLapidei: false },
        parametri: [p],
      }),
    );
    esiti.push(verificaLimiteComplessivo(input).esito);
    return { esiti, finestra: finestraSettimane(richiesta.fine, p.valore.settimaneBiennio), settimaneUtilizzate: 0, settimaneRichieste: 0, settimaneResidue: p.valore.settimaneBiennioMax, settimaneMassime: p.valore.settimaneBiennioMax };
  }

  const precedenti = pertinenti(input, contaEone);
  const biennio = limiteBiennio({
    regola: "durata.cigo.biennio", riferimento: `${rif} c.2`, richiesta, precedenti,
    giorniSettimanali: input.giorniSettimanali, settimaneBiennio: p.valore.settimaneBiennio,
    massimo: p.valore.settimaneBiennioMax, nomeUp, etichetta: contaEone ? "CIGO, EONE inclusi per edilizia e lapidei" : "CIGO, esclusi gli EONE",
    parametri: [p, conteggio],
  });
  esiti.push(...biennio.esiti);

  // Dopo 52 settimane consecutive servono 52 settimane di attività normale.
  const limiteGiorni = p.valore.settimaneConsecutiveMax * 7;
  const tutte = catene([...precedenti, richiesta]);
  const corrente = tutte.find((c) => c.inizio <= richiesta.inizio && richiesta.fine <= c.fine)!;
  const precedenteLunga = catene(precedenti)
    .filter((c) => c.fine < richiesta.inizio && giorniInclusi(c) >= limiteGiorni)
    .map((c) => ({ ...c, ripresa: addDays(c.fine, p.valore.settimaneAttivitaNormale * 7 + 1) }))
    .find((c) => richiesta.inizio < c.ripresa);
  const consecutiveTroppo = giorniInclusi(corrente) > limiteGiorni;
  esiti.push(
    esito({
      regola: "durata.cigo.consecutive",
      riferimento: `${rif} c.3`,
      gravita: consecutiveTroppo || precedenteLunga ? "bloccante" : "informazione",
      messaggio: consecutiveTroppo
        ? `Con questa domanda la CIGO dell'unità produttiva ${nomeUp} durerebbe ${fmt(giorniInclusi(corrente) / 7)} settimane consecutive (dal ${it(corrente.inizio)}): il massimo è ${p.valore.settimaneConsecutiveMax}.`
        : precedenteLunga
          ? `Dopo ${p.valore.settimaneConsecutiveMax} settimane consecutive di CIGO (${it(precedenteLunga.inizio)}–${it(precedenteLunga.fine)}) servono ${p.valore.settimaneAttivitaNormale} settimane di attività normale: una nuova domanda per l'unità produttiva ${nomeUp} è possibile dal ${it(precedenteLunga.ripresa)}.`
          : `Il periodo consecutivo di CIGO dell'unità produttiva ${nomeUp} dura ${fmt(giorniInclusi(corrente) / 7)} settimane, entro il massimo di ${p.valore.settimaneConsecutiveMax}.`,
      dati: { catenaCorrente: corrente, settimaneConsecutive: giorniInclusi(corrente) / 7, ripresaPossibileDal: precedenteLunga?.ripresa ?? null },
      parametri: [p],
    }),
  );

  if (input.mediaOccupati && input.oreRichieste !== undefined) {
    esiti.push(terzoOreLavorabili(input, precedenti, biennio.finestra, nomeUp));
  }
  esiti.push(verificaLimiteComplessivo(input).esito);
  return { ...biennio, esiti };
}

function terzoOreLavorabili(input: InputDurataCigo, precedenti: PeriodoPrecedente[], finestra: Intervallo, nomeUp: string): Esito {
  const p = parametro("durata.cigo", input.richiesta.inizio);
  const ore = parametro("durata.cigo.oreLavorabili", input.richiesta.inizio);
  // Ore in centesimi per restare sugli interi.
  const orarioCentesimi = input.mediaOccupati!.reduce((s, m) => s + Math.round(m.orarioSettimanale * 100) * m.lavoratori, 0);
  const lavorabiliCentesimi = orarioCentesimi * ore.valore.settimane;
  const { numeratore, denominatore } = p.valore.quotaOreLavorabili;
  const limiteCentesimi = Math.floor((lavorabiliCentesimi * numeratore) / denominatore);
  // Le ore autorizzate di un periodo a cavallo della finestra contano in proporzione ai giorni di calendario dentro.
  const autorizzateCentesimi = precedenti.reduce((s, x) => {
    const dentro = intersezione(x, finestra);
    if (!dentro || x.oreAutorizzate === undefined) return s;
    return s + Math.round((x.oreAutorizzate * 100 * giorniInclusi(dentro)) / giorniInclusi(x));
  }, 0);
  const richiesteCentesimi = Math.round(input.oreRichieste! * 100);
  const supera = autorizzateCentesimi + richiesteCentesimi > limiteCentesimi;
  const h = (c: number) => DUE_DECIMALI.format(c / 100);
  return esito({
    regola: "durata.cigo.terzoOre",
    riferimento: `${p.riferimento} c.5`,
    gravita: supera ? "bloccante" : "informazione",
    messaggio: supera
      ? `Le ore autorizzate nel biennio mobile (${h(autorizzateCentesimi)}) più quelle richieste (${h(richiesteCentesimi)}) superano un terzo delle ore lavorabili dell'unità produttiva ${nomeUp} (${h(limiteCentesimi)} ore).`
      : `Ore autorizzate nel biennio mobile ${h(autorizzateCentesimi)} più richieste ${h(richiesteCentesimi)}: entro un terzo delle ore lavorabili dell'unità produttiva ${nomeUp} (${h(limiteCentesimi)} ore).`,
    dati: {
      mediaOccupati: input.mediaOccupati, oreLavorabiliBiennio: lavorabiliCentesimi / 100, limiteOre: limiteCentesimi / 100,
      oreAutorizzateBiennio: autorizzateCentesimi / 100, oreRichieste: richiesteCentesimi / 100, finestra,
    },
    parametri: [p, ore],
  });
}

export interface InputDurataFis {
  richiesta: PeriodoRichiesto;
  precedenti: PeriodoPrecedente[];
  giorniSettimanali: GiorniSettimanali;
  dipendentiMedi: number;
  causaleStraordinaria?: boolean;
  nomeUnitaProduttiva?: string;
}

export function verificaDurataFis(input: InputDurataFis): EsitoDurata {
  const p = parametro("durata.fis", input.richiesta.inizio);
  const conteggio = parametro("durata.conteggioGiorni", input.richiesta.inizio);
  const piccola = input.dipendentiMedi <= p.valore.sogliaDipendenti;
  const massimo = piccola ? p.valore.settimanePiccole : p.valore.settimaneGrandi;
  const risultato = limiteBiennio({
    regola: "durata.fis.biennio", riferimento: p.riferimento, richiesta: input.richiesta,
    precedenti: pertinenti(input, true), giorniSettimanali: input.giorniSettimanali,
    settimaneBiennio: p.valore.settimaneBiennio, massimo,
    nomeUp: input.nomeUnitaProduttiva ?? input.richiesta.unitaProduttiva,
    etichetta: `FIS, ${input.dipendentiMedi} dipendenti medi: limite ${massimo} settimane`,
    parametri: [p, conteggio],
  });
  if (input.causaleStraordinaria) {
    const ammessa = input.dipendentiMedi <= p.valore.sogliaCauseStraordinarie;
    risultato.esiti.push(
      esito({
        regola: "durata.fis.causaleStraordinaria",
        riferimento: p.riferimento,
        gravita: ammessa ? "informazione" : "bloccante",
        messaggio: ammessa
          ? `Le causali straordinarie sono ammesse nel FIS fino a ${p.valore.sogliaCauseStraordinarie} dipendenti medi: l'azienda ne ha ${input.dipendentiMedi}.`
          : `Con ${input.dipendentiMedi} dipendenti medi (oltre ${p.valore.sogliaCauseStraordinarie}) le causali straordinarie non sono coperte dal FIS ma dalla CIGS.`,
        dati: { dipendentiMedi: input.dipendentiMedi, soglia: p.valore.sogliaCauseStraordinarie },
        parametri: [p],
      }),
    );
  }
  return risultato;
}

export interface InputDurataFondo {
  richiesta: PeriodoRichiesto & { fondo: Fondo };
  precedenti: PeriodoPrecedente[];
  giorniSettimanali: GiorniSettimanali;
  nomeUnitaProduttiva?: string;
}

export function verificaDurataFondo(input: InputDurataFondo): EsitoDurata {
  const p = parametro("durata.fondi", input.richiesta.inizio);
  const conteggio = parametro("durata.conteggioGiorni", input.richiesta.inizio);
  const cigo = parametro("durata.cigo", input.richiesta.inizio);
  return limiteBiennio({
    regola: "durata.fondo.biennio", riferimento: p.riferimento, richiesta: input.richiesta,
    precedenti: pertinenti(input, true), giorniSettimanali: input.giorniSettimanali,
    settimaneBiennio: cigo.valore.settimaneBiennio, massimo: p.valore[input.richiesta.fondo],
    nomeUp: input.nomeUnitaProduttiva ?? input.richiesta.unitaProduttiva,
    etichetta: NOMI_FONDI[input.richiesta.fondo],
    parametri: [p, conteggio],
  });
}

export interface InputGiorniCisoa {
  cf: string;
  nominativo?: string;
  /** Giorni di CISOA già autorizzati o fruiti dal lavoratore. */
  giorniPrecedenti: DataISO[];
  giorniRichiesti: DataISO[];
}

export interface EsitoGiorniCisoa {
  perAnno: Array<{ anno: number; giorniComputati: number; giorniInDeroga: number; residui: number }>;
  esito: Esito;
}

function inDerogaNonComputata(d: DataISO, deroghe: DerogaCisoa[]): boolean {
  return deroghe.some((x) => x.nonComputaNei90Giorni && x.inizio <= d && d <= x.fine);
}

/**
 * Giorni di CISOA di un lavoratore per anno solare: computati (esclusi quelli in deroga) e residui sui 90. `data`
 * sceglie le versioni dei parametri (il limite e le deroghe).
 */
export function giorniCisoaPerAnno(giorni: Iterable<DataISO>, anni: readonly number[], data: DataISO): EsitoGiorniCisoa["perAnno"] {
  const p = parametro("durata.cisoa", data);
  const deroghe = parametro("cisoa.deroghe", data);
  const tutti = [...new Set(giorni)];
  return anni.map((a) => {
    const delAnno = tutti.filter((d) => anno(d) === a);
    const inDeroga = delAnno.filter((d) => inDerogaNonComputata(d, deroghe.valore)).length;
    const computati = delAnno.length - inDeroga;
    return { anno: a, giorniComputati: computati, giorniInDeroga: inDeroga, residui: Math.max(0, p.valore.giorniAnnoMax - computati) };
  });
}

/** CISOA: al massimo 90 giorni per lavoratore nell'anno solare, esclusi i giorni concessi in deroga. */
export function verificaGiorniCisoa(input: InputGiorniCisoa): EsitoGiorniCisoa {
  const richiesti = [...new Set(input.giorniRichiesti)].sort();
  if (richiesti.length === 0) throw new RangeError("Servono i giorni richiesti");
  const p = parametro("durata.cisoa", richiesti[0]);
  const deroghe = parametro("cisoa.deroghe", richiesti[0]);
  const tutti = new Set([...input.giorniPrecedenti, ...richiesti]);
  const anni = [...new Set(richiesti.map(anno))].sort();
  const perAnno = giorniCisoaPerAnno(tutti, anni, richiesti[0]);
  const oltre = perAnno.filter((x) => x.giorniComputati > p.valore.giorniAnnoMax);
  const chi = input.nominativo ?? input.cf;
  return {
    perAnno,
    esito: esito({
      regola: "durata.cisoa.giorni",
      riferimento: p.riferimento,
      gravita: oltre.length > 0 ? "bloccante" : "informazione",
      messaggio:
        oltre.length > 0
          ? `${chi}: nel ${oltre[0].anno} i giorni di CISOA sarebbero ${oltre[0].giorniComputati}, oltre il massimo di ${p.valore.giorniAnnoMax} giorni per anno (esclusi i giorni in deroga).`
          : perAnno.map((x) => `${chi}: ${x.giorniComputati} giorni di CISOA su ${p.valore.giorniAnnoMax} nel ${x.anno}${x.giorniInDeroga > 0 ? ` (più ${x.giorniInDeroga} in deroga, non computati)` : ""}.`).join(" "),
      dati: { cf: input.cf, perAnno, giorniRichiesti: richiesti },
      parametri: [p, deroghe],
    }),
  };
}

export interface EsitoLimiteComplessivo {
  finestra: Intervallo;
  settimaneUtilizzate: number;
  settimaneRichieste: number;
  settimaneMassime: number;
  mesiMassimi: number;
  esito: Esito;
}

/**
 * Art. 4 d.lgs. 148/2015: per unità produttiva CIGO e CIGS insieme non superano 24 mesi nel quinquennio mobile (30 per
 * edilizia e lapidei, art. 10 lett. m), n), o)). I mesi si contano in settimane equivalenti sui giorni interessati, come
 * il simulatore dei limiti dell'INPS (msg 3566/2018); la finestra è di cinque anni e termina nell'ultimo giorno richiesto.
 */
export function verificaLimiteComplessivo(
  input: Pick<InputDurataCigo, "richiesta" | "precedenti" | "giorniSettimanali" | "ediliziaLapidei" | "nomeUnitaProduttiva" | "periodiCigs">,
): EsitoLimiteComplessivo {
  const { richiesta } = input;
  const p = parametro("limiti.art4", richiesta.inizio);
  const conteggio = parametro("limiti.art4.conteggio", richiesta.inizio);
  const eone = parametro("limiti.art4.eone", richiesta.inizio);
  const giorni = parametro("durata.conteggioGiorni", richiesta.inizio);
  const finestra = finestraAnni(richiesta.fine, 5);
  const cigo = input.precedenti.filter(
    (x) => x.unitaProduttiva === richiesta.unitaProduttiva && x.prestazione === "CIGO" && intersezione(x, finestra),
  );
  // Il parametro sugli EONE (incerto) entra nella spiegazione solo se un periodo EONE è in gioco.
  const eoneInGioco = richiesta.eone || cigo.some((x) => x.eone);
  const contati = cigo.filter((x) => eone.valore.eoneContano || !x.eone);
  const usati = giorniUtilizzati([...contati, ...(input.periodiCigs ?? [])], finestra, input.giorniSettimanali);
  const richiestaConta = eone.valore.eoneContano || !richiesta.eone;
  const richiesti = richiestaConta
    ? [...giorniUtilizzati([{ ...richiesta, giorniFruiti: richiesta.giorni }], finestra, input.giorniSettimanali)].filter((d) => !usati.has(d))
    : [];
  const mesiMassimi = input.ediliziaLapidei ? p.valore.mesiEdiliziaLapidei : p.valore.mesi;
  const { numeratore, denominatore } = conteggio.valore.settimaneAlMese;
  const settimaneMassime = (mesiMassimi * numeratore) / denominatore;
  const settimaneUtilizzate = settimaneDaGiorni(usati.size, input.giorniSettimanali, richiesta.fine);
  const settimaneRichieste = settimaneDaGiorni(richiesti.length, input.giorniSettimanali, richiesta.fine);
  const supera = settimaneUtilizzate + settimaneRichieste > settimaneMassime;
  const nomeUp = input.nomeUnitaProduttiva ?? richiesta.unitaProduttiva;
  const base = `Nel quinquennio mobile ${it(finestra.inizio)}–${it(finestra.fine)} l'unità produttiva ${nomeUp} ha utilizzato ${fmt(settimaneUtilizzate)} settimane di CIGO e CIGS su ${fmt(settimaneMassime)} (${mesiMassimi} mesi${input.ediliziaLapidei ? ", edilizia e lapidei" : ""})`;
  return {
    finestra, settimaneUtilizzate, settimaneRichieste, settimaneMassime, mesiMassimi,
    esito: esito({
      regola: "durata.art4.complessiva",
      riferimento: p.riferimento + (input.ediliziaLapidei ? " c.2" : " c.1"),
      gravita: supera ? "bloccante" : "informazione",
      messaggio: supera
        ? `${base}: le ${fmt(settimaneRichieste)} settimane richieste superano la durata massima complessiva, ne restano ${fmt(Math.max(0, settimaneMassime - settimaneUtilizzate))}.`
        : !richiestaConta
          ? `${base}; i periodi per eventi oggettivamente non evitabili non contano in questo limite.`
          : `${base}: con le ${fmt(settimaneRichieste)} settimane richieste ne restano ${fmt(settimaneMassime - settimaneUtilizzate - settimaneRichieste)}.`,
      dati: {
        unitaProduttiva: richiesta.unitaProduttiva, finestra, giorniUtilizzati: usati.size, giorniRichiesti: richiesti.length,
        settimaneUtilizzate, settimaneRichieste, settimaneMassime, mesiMassimi, periodiCigo: contati.length,
        periodiCigs: input.periodiCigs?.length ?? 0,
      },
      parametri: eoneInGioco ? [p, conteggio, giorni, eone] : [p, conteggio, giorni],
    }),
  };
}
