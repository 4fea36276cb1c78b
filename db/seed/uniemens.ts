// Dati UniEmens mensili di prova: ore lavorabili e lavorate in centesimi (come nel flusso UniEmens), coerenti con l'orario
// contrattuale, con le date del rapporto e con le festività nazionali. Le giornate agricole annue si ripartiscono sui mesi.
import {
  addMonths,
  componiData,
  giorniNelMese,
  giornoSettimana,
  isFestivo,
  type DataISO,
} from "../../app/domain/date";
import type { Casuale } from "./prng";

export interface MeseCompetenza {
  /** Primo giorno del mese, come la colonna `competenza`. */
  competenza: DataISO;
  anno: number;
  mese: number;
  ultimo: DataISO;
  /** `cumulati5[g]` = giorni lavorabili dal 1 al giorno g con la settimana corta; `cumulati6` con quella di sei giorni. */
  cumulati5: number[];
  cumulati6: number[];
  /** Giorni lavorabili (settimana corta), per scegliere i giorni degli eventi CIG. */
  giorniLavorabili5: DataISO[];
}

const cacheMesi = new Map<number, MeseCompetenza>();

/** I mesi sono pochi e sempre gli stessi: calcolarli una volta sola conta a un milione di lavoratori. */
function costruisciMese(anno: number, mese: number): MeseCompetenza {
  const chiave = anno * 100 + mese;
  let m = cacheMesi.get(chiave);
  if (!m) {
    m = calcolaMese(anno, mese);
    cacheMesi.set(chiave, m);
  }
  return m;
}

function calcolaMese(anno: number, mese: number): MeseCompetenza {
  const n = giorniNelMese(anno, mese);
  const cumulati5 = [0];
  const cumulati6 = [0];
  const giorniLavorabili5: DataISO[] = [];
  for (let g = 1; g <= n; g++) {
    const d = componiData(anno, mese, g);
    const festivo = isFestivo(d);
    const sabato = giornoSettimana(d) === 6;
    cumulati6.push(cumulati6[g - 1] + (festivo ? 0 : 1));
    cumulati5.push(cumulati5[g - 1] + (festivo || sabato ? 0 : 1));
    if (!festivo && !sabato) giorniLavorabili5.push(d);
  }
  return { competenza: componiData(anno, mese, 1), anno, mese, ultimo: componiData(anno, mese, n), cumulati5, cumulati6, giorniLavorabili5 };
}

/** I `quanti` mesi di competenza che finiscono con il mese precedente a `dataRiferimento`, dal più vecchio. */
export function mesiCompetenza(dataRiferimento: DataISO, quanti: number): MeseCompetenza[] {
  const primo = addMonths(`${dataRiferimento.slice(0, 7)}-01`, -quanti);
  const mesi: MeseCompetenza[] = [];
  for (let i = 0; i < quanti; i++) {
    const d = addMonths(primo, i);
    mesi.push(costruisciMese(Number(d.slice(0, 4)), Number(d.slice(5, 7))));
  }
  return mesi;
}

export interface RapportoPerUniemens {
  dataAssunzione: DataISO;
  dataCessazione: DataISO | null;
  orarioSettimanaleCentesimi: number;
  /** 5 nella generalità dei casi, 6 per gli operai agricoli (39 ore su sei giorni). */
  giorniSettimana: 5 | 6;
}

/** Giorni lavorabili del rapporto nel mese (0 se il rapporto non copre il mese). */
export function giorniLavorabiliNelMese(mese: MeseCompetenza, r: RapportoPerUniemens): number {
  if (r.dataAssunzione > mese.ultimo) return 0;
  if (r.dataCessazione !== null && r.dataCessazione < mese.competenza) return 0;
  const dal = r.dataAssunzione > mese.competenza ? Number(r.dataAssunzione.slice(8, 10)) : 1;
  const al = r.dataCessazione !== null && r.dataCessazione < mese.ultimo ? Number(r.dataCessazione.slice(8, 10)) : mese.cumulati5.length - 1;
  const cumulati = r.giorniSettimana === 5 ? mese.cumulati5 : mese.cumulati6;
  return cumulati[al] - cumulati[dal - 1];
}

export function oreGiornaliereCentesimi(r: RapportoPerUniemens): number {
  return Math.round(r.orarioSettimanaleCentesimi / r.giorniSettimana);
}

export interface RigaUniemens {
  competenza: DataISO;
  oreLavorabiliCentesimi: number;
  oreLavorateCentesimi: number;
}

/**
 * Ore lavorabili e lavorate mese per mese. Le assenze sono plausibili e deterministiche: ferie in agosto e a dicembre,
 * qualche giorno di malattia o permesso; le ore CIG del mese (se ci sono eventi) si tolgono dalle lavorate.
 */
export function righeUniemens(
  mesi: readonly MeseCompetenza[],
  r: RapportoPerUniemens,
  c: Casuale,
  oreCigPerMese?: ReadonlyMap<DataISO, number>,
): RigaUniemens[] {
  const giornaliere = oreGiornaliereCentesimi(r);
  const righe: RigaUniemens[] = [];
  for (const m of mesi) {
    const giorni = giorniLavorabiliNelMese(m, r);
    if (giorni === 0) continue;
    let assenza = 0;
    if (m.mese === 8 && c.probabilita(0.7)) assenza = Math.min(giorni, 10);
    else if (m.mese === 12 && c.probabilita(0.5)) assenza = Math.min(giorni, 3);
    else if (c.probabilita(0.3)) assenza = Math.min(giorni, c.intero(1, 3));
    const lavorabili = giorni * giornaliere;
    const cig = oreCigPerMese?.get(m.competenza) ?? 0;
    righe.push({
      competenza: m.competenza,
      oreLavorabiliCentesimi: lavorabili,
      oreLavorateCentesimi: Math.max(0, lavorabili - assenza * giornaliere - cig),
    });
  }
  return righe;
}

/**
 * Operai agricoli: le giornate dell'anno (`giornate_agricole`) si ripartiscono sui mesi in proporzione ai giorni
 * lavorabili del rapporto (metodo dei resti maggiori), senza superare i giorni lavorabili di ciascun mese; fino a
 * `finoAl` per l'anno in corso. Così le ore lavorate di UniEmens tornano con le giornate dichiarate.
 */
function capienzaMensile(anno: number, r: RapportoPerUniemens, finoAl: DataISO): Array<{ competenza: DataISO; capienza: number }> {
  const mesi: Array<{ competenza: DataISO; capienza: number }> = [];
  for (let m = 1; m <= 12; m++) {
    const mese = costruisciMese(anno, m);
    if (mese.competenza > finoAl) break;
    const limitato: RapportoPerUniemens =
      finoAl < mese.ultimo && (r.dataCessazione === null || r.dataCessazione > finoAl) ? { ...r, dataCessazione: finoAl } : r;
    mesi.push({ competenza: mese.competenza, capienza: giorniLavorabiliNelMese(mese, limitato) });
  }
  return mesi;
}

/** Giornate massime che un operaio agricolo può lavorare nell'anno (fino a `finoAl`), dato il rapporto. */
export function capienzaGiornate(anno: number, r: RapportoPerUniemens, finoAl: DataISO): number {
  return capienzaMensile(anno, r, finoAl).reduce((a, m) => a + m.capienza, 0);
}

export function giornateAgricolePerMese(
  anno: number,
  giornate: number,
  r: RapportoPerUniemens,
  finoAl: DataISO,
): Map<DataISO, number> {
  const mesi = capienzaMensile(anno, r, finoAl);
  const capienzaTotale = mesi.reduce((a, m) => a + m.capienza, 0);
  if (giornate > capienzaTotale) {
    throw new RangeError(`${giornate} giornate nel ${anno} superano i ${capienzaTotale} giorni lavorabili del rapporto`);
  }
  const quote = mesi.map((m) => (capienzaTotale === 0 ? 0 : (giornate * m.capienza) / capienzaTotale));
  const assegnate = quote.map(Math.floor);
  let resto = giornate - assegnate.reduce((a, b) => a + b, 0);
  const ordine = quote.map((q, i) => ({ i, frazione: q - Math.floor(q) })).sort((a, b) => b.frazione - a.frazione || a.i - b.i);
  for (const { i } of ordine) {
    if (resto === 0) break;
    if (assegnate[i] < mesi[i].capienza) {
      assegnate[i]++;
      resto--;
    }
  }
  return new Map(mesi.map((m, i) => [m.competenza, assegnate[i]]));
}

/** Righe UniEmens degli operai agricoli: lavorate = giornate del mese × ore giornaliere. */
export function righeUniemensAgricole(
  mesi: readonly MeseCompetenza[],
  r: RapportoPerUniemens,
  giornatePerMese: ReadonlyMap<DataISO, number>,
  oreCigPerMese?: ReadonlyMap<DataISO, number>,
): RigaUniemens[] {
  const giornaliere = oreGiornaliereCentesimi(r);
  const righe: RigaUniemens[] = [];
  for (const m of mesi) {
    const giorni = giorniLavorabiliNelMese(m, r);
    if (giorni === 0) continue;
    const lavorate = (giornatePerMese.get(m.competenza) ?? 0) * giornaliere;
    righe.push({
      competenza: m.competenza,
      oreLavorabiliCentesimi: giorni * giornaliere,
      oreLavorateCentesimi: Math.max(0, lavorate - (oreCigPerMese?.get(m.competenza) ?? 0)),
    });
  }
  return righe;
}
