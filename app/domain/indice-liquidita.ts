// Indice di liquidità per il pagamento diretto (art. 7 d.lgs. 148/2015; docs/regole.md §8). La formula INPS non è pubblica:
// la formula è intercambiabile e versionata; quella predefinita (quick ratio, accettazione sotto 1) è provvisoria.
import { addYears, type DataISO } from "./date";
import { esito, type Esito } from "./esito";
import { parametro } from "./parametri";

export interface DatiBilancio {
  /** Data del bilancio o della situazione infrannuale. */
  dataRiferimento: DataISO;
  disponibilitaLiquideCentesimi: number;
  creditiBreveCentesimi: number;
  rimanenzeCentesimi: number;
  debitiBreveCentesimi: number;
}

/**
 * The oldest balance-sheet date accepted for the liquidity check: two years before `oggi`, so the index describes
 * the company's current situation (art. 7 d.lgs. 148/2015; docs/regole.md §8).
 */
export function dataMinimaBilancio(oggi: DataISO): DataISO {
  return addYears(oggi, -2);
}

/** Una formula restituisce numeratore e denominatore in centesimi, così il confronto con la soglia resta esatto. */
export type FormulaIndice = (dati: DatiBilancio) => { numeratore: number; denominatore: number };

export const FORMULE_LIQUIDITA: Record<string, FormulaIndice> = {
  // (liquidità immediate + liquidità differite) / passività correnti; le rimanenze restano fuori.
  "quick-ratio-provvisoria-1": (d) => ({
    numeratore: d.disponibilitaLiquideCentesimi + d.creditiBreveCentesimi,
    denominatore: d.debitiBreveCentesimi,
  }),
};

export interface EsitoLiquidita {
  versione: string;
  /** Indice con due decimali ("0,85" → "0.85"), troncato; null se le passività correnti sono zero. */
  indice: string | null;
  accettato: boolean;
  esito: Esito;
}

function dueDecimali(numeratore: number, denominatore: number): string {
  const centesimi = Math.floor((numeratore * 100) / denominatore);
  return `${Math.floor(centesimi / 100)}.${String(centesimi % 100).padStart(2, "0")}`;
}

/** `data`: data della domanda, sceglie la versione della formula in vigore. */
export function valutaIndiceLiquidita(
  dati: DatiBilancio,
  data: DataISO,
  formule: Record<string, FormulaIndice> = FORMULE_LIQUIDITA,
): EsitoLiquidita {
  for (const [campo, valore] of Object.entries(dati)) {
    if (campo !== "dataRiferimento" && (!Number.isInteger(valore) || (valore as number) < 0)) {
      throw new RangeError(`${campo}: importo in centesimi interi non negativi`);
    }
  }
  const p = parametro("liquidita.formula", data);
  const formula = formule[p.valore.versione];
  if (!formula) throw new RangeError(`Formula dell'indice di liquidità non registrata: ${p.valore.versione}`);
  const { numeratore, denominatore } = formula(dati);
  const soglia = p.valore.sogliaCentesimi;
  const sogliaTesto = dueDecimali(soglia, 100).replace(".", ",");
  const indice = denominatore === 0 ? null : dueDecimali(numeratore, denominatore);
  // Confronto esatto sugli interi: numeratore/denominatore < soglia/100.
  const accettato = denominatore > 0 && numeratore * 100 < soglia * denominatore;
  const messaggio =
    indice === null
      ? `Le passività correnti sono zero: l'indice di liquidità non è calcolabile e il pagamento diretto non è accettato in automatico; la Sede può valutare la difficoltà finanziaria documentata.`
      : accettato
        ? `Indice di liquidità ${indice.replace(".", ",")}, inferiore a ${sogliaTesto}: il pagamento diretto è accettato.`
        : `Indice di liquidità ${indice.replace(".", ",")}, non inferiore a ${sogliaTesto}: il pagamento diretto non è accettato in automatico; puoi documentare la difficoltà finanziaria, che la Sede esamina, altrimenti si procede con anticipo e conguaglio.`;
  return {
    versione: p.valore.versione,
    indice,
    accettato,
    esito: esito({
      regola: "liquidita.indice",
      riferimento: p.riferimento,
      gravita: accettato ? "informazione" : "avviso",
      messaggio,
      dati: { ...dati, formula: p.valore.descrizione, versione: p.valore.versione, numeratore, denominatore, indice, soglia: soglia / 100, accettato },
      parametri: [p],
    }),
  };
}
