// Date di calendario come stringhe ISO "YYYY-MM-DD". L'aritmetica usa solo giorni UTC costruiti da anno/mese/giorno,
// così nessun fuso orario o cambio d'ora sposta una data.

/** Data di calendario ISO `YYYY-MM-DD` (senza ora né fuso). */
export type DataISO = string;

/** Intervallo chiuso di date: `inizio` e `fine` inclusi. */
export interface Intervallo {
  inizio: DataISO;
  fine: DataISO;
}

const MS_GIORNO = 86_400_000;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const ITALIANA = /^(\d{2})\/(\d{2})\/(\d{4})$/;

export function isBisestile(anno: number): boolean {
  return (anno % 4 === 0 && anno % 100 !== 0) || anno % 400 === 0;
}

export function giorniNelMese(anno: number, mese: number): number {
  return [31, isBisestile(anno) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mese - 1];
}

export function isDataEsistente(anno: number, mese: number, giorno: number): boolean {
  return (
    Number.isInteger(anno) && anno >= 1 && anno <= 9999 &&
    Number.isInteger(mese) && mese >= 1 && mese <= 12 &&
    Number.isInteger(giorno) && giorno >= 1 && giorno <= giorniNelMese(anno, mese)
  );
}

export function componiData(anno: number, mese: number, giorno: number): DataISO {
  if (!isDataEsistente(anno, mese, giorno)) throw new RangeError(`Data inesistente: ${anno}-${mese}-${giorno}`);
  return `${String(anno).padStart(4, "0")}-${String(mese).padStart(2, "0")}-${String(giorno).padStart(2, "0")}`;
}

/** Legge una data ISO in modo rigoroso (il 31/02 non esiste). Restituisce null se non valida. */
export function parseDataISO(testo: string): DataISO | null {
  const m = ISO.exec(testo.trim());
  if (!m) return null;
  const [a, me, g] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isDataEsistente(a, me, g) ? componiData(a, me, g) : null;
}

/** Legge una data italiana `gg/mm/aaaa` in modo rigoroso. Restituisce null se non valida. */
export function parseDataItaliana(testo: string): DataISO | null {
  const m = ITALIANA.exec(testo.trim());
  if (!m) return null;
  const [g, me, a] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isDataEsistente(a, me, g) ? componiData(a, me, g) : null;
}

// The duration rules walk the days of every period (biennio mobile, one third, weeks): the same few thousand dates are
// converted again and again, and parsing them was most of the rules' CPU (profile of the portfolio filtered by capacity
// warnings over 1,031 companies). The conversions are pure: remembered up to a bound (parts, day numbers both ways).
const MASSIMO_MEMO = 100_000;
const giorniDiData = new Map<DataISO, number>();
const dataDiGiorni = new Map<number, DataISO>();
const partiDiData = new Map<DataISO, readonly [number, number, number]>();

function parti(data: DataISO): readonly [number, number, number] {
  const note = partiDiData.get(data);
  if (note) return note;
  const m = ISO.exec(data);
  if (!m || !isDataEsistente(Number(m[1]), Number(m[2]), Number(m[3]))) {
    throw new RangeError(`Data ISO non valida: ${data}`);
  }
  const p = Object.freeze([Number(m[1]), Number(m[2]), Number(m[3])] as const);
  if (partiDiData.size >= MASSIMO_MEMO) partiDiData.clear();
  partiDiData.set(data, p);
  return p;
}

export function anno(data: DataISO): number {
  return parti(data)[0];
}

export function mese(data: DataISO): number {
  return parti(data)[1];
}

/** `gg/mm/aaaa`, il formato mostrato agli utenti. */
export function formatDataItaliana(data: DataISO): string {
  const [a, m, g] = parti(data);
  return `${String(g).padStart(2, "0")}/${String(m).padStart(2, "0")}/${String(a).padStart(4, "0")}`;
}


function aGiorni(data: DataISO): number {
  const noti = giorniDiData.get(data);
  if (noti !== undefined) return noti;
  const [a, m, g] = parti(data);
  const d = new Date(0);
  d.setUTCFullYear(a, m - 1, g);
  const giorni = Math.round(d.getTime() / MS_GIORNO);
  if (giorniDiData.size >= MASSIMO_MEMO) giorniDiData.clear();
  giorniDiData.set(data, giorni);
  return giorni;
}

function daGiorni(giorni: number): DataISO {
  const nota = dataDiGiorni.get(giorni);
  if (nota !== undefined) return nota;
  const d = new Date(giorni * MS_GIORNO);
  const data = componiData(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  if (dataDiGiorni.size >= MASSIMO_MEMO) dataDiGiorni.clear();
  dataDiGiorni.set(giorni, data);
  return data;
}

export function addDays(data: DataISO, giorni: number): DataISO {
  return daGiorni(aGiorni(data) + giorni);
}

/** Giorni da `inizio` a `fine` (`fine − inizio`): negativo se `fine` precede `inizio`. */
export function diffDays(fine: DataISO, inizio: DataISO): number {
  return aGiorni(fine) - aGiorni(inizio);
}

/** Numero di giorni di calendario di un intervallo chiuso (estremi inclusi). */
export function giorniInclusi(intervallo: Intervallo): number {
  return diffDays(intervallo.fine, intervallo.inizio) + 1;
}

/** Aggiunge mesi di calendario; se il giorno non esiste nel mese di arrivo, usa l'ultimo giorno del mese. */
export function addMonths(data: DataISO, mesi: number): DataISO {
  const [a, m, g] = parti(data);
  const totale = a * 12 + (m - 1) + mesi;
  const nuovoAnno = Math.floor(totale / 12);
  const nuovoMese = (totale % 12) + 1;
  return componiData(nuovoAnno, nuovoMese, Math.min(g, giorniNelMese(nuovoAnno, nuovoMese)));
}

export function addYears(data: DataISO, anni: number): DataISO {
  return addMonths(data, anni * 12);
}

/** Ultimo giorno del mese che si trova `mesiDopo` mesi dopo quello di `data` (0 = stesso mese). */
export function fineMese(data: DataISO, mesiDopo = 0): DataISO {
  const [a, m] = parti(data);
  const totale = a * 12 + (m - 1) + mesiDopo;
  const nuovoAnno = Math.floor(totale / 12);
  const nuovoMese = (totale % 12) + 1;
  return componiData(nuovoAnno, nuovoMese, giorniNelMese(nuovoAnno, nuovoMese));
}

/** 0 = domenica … 6 = sabato. */
export function giornoSettimana(data: DataISO): number {
  // 1970-01-01 era un giovedì (4).
  return (((aGiorni(data) + 4) % 7) + 7) % 7;
}

export function minData(a: DataISO, b: DataISO): DataISO {
  return a <= b ? a : b;
}

export function maxData(a: DataISO, b: DataISO): DataISO {
  return a >= b ? a : b;
}

export function contiene(intervallo: Intervallo, data: DataISO): boolean {
  return intervallo.inizio <= data && data <= intervallo.fine;
}

/** Parte comune di due intervalli chiusi, o null se sono disgiunti. */
export function intersezione(a: Intervallo, b: Intervallo): Intervallo | null {
  const inizio = maxData(a.inizio, b.inizio);
  const fine = minData(a.fine, b.fine);
  return inizio <= fine ? { inizio, fine } : null;
}

/** Tutte le date di un intervallo chiuso, in ordine. */
export function dateDi(intervallo: Intervallo): DataISO[] {
  const n = giorniInclusi(intervallo);
  const primo = aGiorni(intervallo.inizio);
  const out: DataISO[] = [];
  for (let i = 0; i < n; i++) out.push(daGiorni(primo + i));
  return out;
}

/**
 * Finestra mobile che termina in `fine` e dura `settimane` settimane (biennio mobile = 104 settimane, art. 12 d.lgs. 148/2015:
 * "the 104 weeks ending on the last requested day").
 */
export function finestraSettimane(fine: DataISO, settimane: number): Intervallo {
  return { inizio: addDays(fine, -settimane * 7 + 1), fine };
}

/** Finestra mobile di `anni` anni di calendario che termina in `fine` (quinquennio mobile = 5 anni). */
export function finestraAnni(fine: DataISO, anni: number): Intervallo {
  return { inizio: addDays(addYears(fine, -anni), 1), fine };
}

/** Domenica di Pasqua (algoritmo gregoriano anonimo, "Meeus/Jones/Butcher"). */
export function pasqua(annoRichiesto: number): DataISO {
  const a = annoRichiesto % 19;
  const b = Math.floor(annoRichiesto / 100);
  const c = annoRichiesto % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const meseP = Math.floor((h + l - 7 * m + 114) / 31);
  const giornoP = ((h + l - 7 * m + 114) % 31) + 1;
  return componiData(annoRichiesto, meseP, giornoP);
}

/**
 * Festività nazionali italiane (L. 260/1949 e successive). Il 4 ottobre (San Francesco) è di nuovo festa nazionale
 * dal 2026 (L. 151/2025). Le feste patronali locali non sono incluse: dipendono dal comune dell'unità produttiva.
 */
export function festivitaNazionali(annoRichiesto: number): DataISO[] {
  const fisse: Array<[number, number]> = [
    [1, 1], [1, 6], [4, 25], [5, 1], [6, 2], [8, 15], [11, 1], [12, 8], [12, 25], [12, 26],
  ];
  if (annoRichiesto >= 2026) fisse.push([10, 4]);
  // 150th anniversary of the unification of Italy: a national holiday in 2011 only (D.L. 5/2011, art. 1).
  if (annoRichiesto === 2011) fisse.push([3, 17]);
  const domenicaPasqua = pasqua(annoRichiesto);
  const date = fisse.map(([m, g]) => componiData(annoRichiesto, m, g));
  date.push(domenicaPasqua, addDays(domenicaPasqua, 1));
  return date.sort();
}

// The holidays of a year never change once computed (they depend on the year only): kept per year, so checking the
// days of a long period does not rebuild the list for every date.
const festivitaPerAnno = new Map<number, ReadonlySet<DataISO>>();

export function isFestivo(data: DataISO): boolean {
  if (giornoSettimana(data) === 0) return true;
  const a = anno(data);
  let festivita = festivitaPerAnno.get(a);
  if (!festivita) {
    festivita = new Set(festivitaNazionali(a));
    festivitaPerAnno.set(a, festivita);
  }
  return festivita.has(data);
}

/**
 * Giorni lavorabili di un intervallo: esclusi domeniche e festività nazionali, e anche i sabati con la settimana corta
 * (5 giorni).
 */
export function giorniLavorabili(intervallo: Intervallo, giorniSettimanali: 5 | 6): number {
  return dateDi(intervallo).filter(
    (d) => !isFestivo(d) && !(giorniSettimanali === 5 && giornoSettimana(d) === 6),
  ).length;
}

/**
 * La data di oggi a Roma, dall'istante passato dal chiamante (le regole non leggono mai l'orologio):
 * alle 00:30 del 1° gennaio a Roma è già il nuovo anno anche se in UTC è ancora il 31 dicembre.
 */
// One formatter for the process: building an Intl.DateTimeFormat loads locale and time-zone data and costs far more
// than formatting with it; and formatting is asked once per UTC hour only (scostamentoRoma).
const FORMATO_ROMA = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Rome",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

const UN_ORA_MS = 3_600_000;
const scostamenti = new Map<number, number>();

/**
 * Rome's offset from UTC (ms) at `istante`. Italy changes between CET and CEST at 01:00 UTC, on a whole UTC hour, so
 * the offset is the same for every instant of a UTC hour: it is read from the time-zone data once per hour and kept
 * (a page listing 25 dates asks Intl once, not 25 times: README, Misure).
 */
function scostamentoRoma(istante: number): number {
  const ora = Math.floor(istante / UN_ORA_MS) * UN_ORA_MS;
  let s = scostamenti.get(ora);
  if (s === undefined) {
    const parti = FORMATO_ROMA.formatToParts(new Date(ora));
    const v = (tipo: string) => Number(parti.find((p) => p.type === tipo)?.value);
    s = Date.UTC(v("year"), v("month") - 1, v("day"), v("hour"), v("minute")) - ora;
    if (scostamenti.size > 10_000) scostamenti.clear();
    scostamenti.set(ora, s);
  }
  return s;
}

/** Year, month (1–12), day, hour and minute on the wall clocks of Rome at `adesso`. */
export function orologioRoma(adesso: Date): { anno: number; mese: number; giorno: number; ora: number; minuto: number } {
  const t = adesso.getTime();
  const locale = new Date(t + scostamentoRoma(t));
  return {
    anno: locale.getUTCFullYear(),
    mese: locale.getUTCMonth() + 1,
    giorno: locale.getUTCDate(),
    ora: locale.getUTCHours(),
    minuto: locale.getUTCMinutes(),
  };
}

export function oggiRoma(adesso: Date): DataISO {
  const { anno, mese, giorno } = orologioRoma(adesso);
  return componiData(anno, mese, giorno);
}

/**
 * Example dates for the hints of a period's fields, never stale: the Monday after `oggi` and the Sunday four weeks
 * later (a typical request starts on a Monday, in the future).
 */
export function esempiPeriodo(oggi: DataISO): { inizio: DataISO; fine: DataISO } {
  const g = giornoSettimana(oggi);
  const inizio = addDays(oggi, (8 - g) % 7 || 7);
  return { inizio, fine: addDays(inizio, 27) };
}
