// La vista del responsabile dell'ufficio (sola lettura): carico per operatore, domande per stato e per età, mediana
// dei giorni alla decisione, domande oltre il termine per decidere (docs/regole.md §11). Dati in ingresso, nessun I/O.
import { diffDays, type DataISO } from "../date";
import { STATI_DOMANDA, type StatoDomanda } from "../stati";

export interface CasoPerStatistica {
  stato: StatoDomanda;
  /** Chi ha preso in carico il caso (nome leggibile), null se nessuno. */
  operatore: string | null;
  inviataIl: DataISO;
  decisaIl: DataISO | null;
  /** Ultimo giorno utile per decidere (termineDecisione). */
  scadenza: DataISO;
}

export const FASCE_ETA = [
  { etichetta: "fino a 15 giorni", fino: 15 },
  { etichetta: "da 16 a 30 giorni", fino: 30 },
  { etichetta: "da 31 a 60 giorni", fino: 60 },
  { etichetta: "oltre 60 giorni", fino: null },
] as const;

const APERTI: readonly StatoDomanda[] = ["inviata", "in_istruttoria", "sospesa"];
const DECISI: readonly StatoDomanda[] = ["autorizzata", "autorizzata_parziale", "respinta"];

export interface StatisticheUfficio {
  perStato: Record<StatoDomanda, number>;
  perOperatore: Array<{ operatore: string; inIstruttoria: number; sospese: number; decise: number }>;
  nonAssegnate: number;
  /** Domande aperte per giorni dall'invio. */
  perEta: Array<{ etichetta: string; domande: number }>;
  /** Mediana dei giorni dall'invio alla decisione; null se nessuna decisione. */
  medianaGiorniDecisione: number | null;
  /** Domande aperte oltre il termine per decidere. */
  oltreTermine: number;
  /** Domande decise dopo il termine. */
  deciseOltreTermine: number;
}

function mediana(valori: number[]): number | null {
  if (valori.length === 0) return null;
  const v = [...valori].sort((a, b) => a - b);
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

export function statisticheUfficio(casi: readonly CasoPerStatistica[], oggi: DataISO): StatisticheUfficio {
  const perStato = Object.fromEntries(STATI_DOMANDA.map((s) => [s, 0])) as Record<StatoDomanda, number>;
  const operatori = new Map<string, { operatore: string; inIstruttoria: number; sospese: number; decise: number }>();
  const perEta = FASCE_ETA.map((f) => ({ etichetta: f.etichetta, domande: 0 }));
  const durate: number[] = [];
  let nonAssegnate = 0;
  let oltreTermine = 0;
  let deciseOltreTermine = 0;
  for (const c of casi) {
    perStato[c.stato]++;
    const aperto = APERTI.includes(c.stato);
    const deciso = DECISI.includes(c.stato) && c.decisaIl !== null;
    if (c.operatore) {
      const o = operatori.get(c.operatore) ?? { operatore: c.operatore, inIstruttoria: 0, sospese: 0, decise: 0 };
      if (c.stato === "in_istruttoria") o.inIstruttoria++;
      if (c.stato === "sospesa") o.sospese++;
      if (deciso) o.decise++;
      operatori.set(c.operatore, o);
    } else if (aperto) {
      nonAssegnate++;
    }
    if (aperto) {
      const eta = diffDays(oggi, c.inviataIl);
      const fascia = FASCE_ETA.findIndex((f) => f.fino === null || eta <= f.fino);
      perEta[fascia].domande++;
      if (oggi > c.scadenza) oltreTermine++;
    }
    if (deciso) {
      durate.push(diffDays(c.decisaIl!, c.inviataIl));
      if (c.decisaIl! > c.scadenza) deciseOltreTermine++;
    }
  }
  return {
    perStato,
    perOperatore: [...operatori.values()].sort((a, b) => a.operatore.localeCompare(b.operatore, "it")),
    nonAssegnate,
    perEta,
    medianaGiorniDecisione: mediana(durate),
    oltreTermine,
    deciseOltreTermine,
  };
}
