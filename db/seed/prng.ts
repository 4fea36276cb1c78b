// Generatore pseudo-casuale con seme fisso (mulberry32): gli stessi dati a ogni esecuzione, su ogni macchina.
// Math.random non si usa mai nel seed: i test confrontano le righe di due esecuzioni.

export interface Casuale {
  /** Numero in [0, 1). */
  prossimo(): number;
  /** Intero in [min, max], estremi inclusi. */
  intero(min: number, max: number): number;
  scegli<T>(elementi: readonly T[]): T;
  /** Scelta pesata: `pesi[i]` è il peso di `elementi[i]`. */
  pesata<T>(elementi: readonly T[], pesi: readonly number[]): T;
  /** Vero con probabilità `p`. */
  probabilita(p: number): boolean;
}

export function mulberry32(seme: number): Casuale {
  let stato = seme >>> 0;
  const prossimo = (): number => {
    stato = (stato + 0x6d2b79f5) >>> 0;
    let t = stato;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const intero = (min: number, max: number): number => min + Math.floor(prossimo() * (max - min + 1));
  return {
    prossimo,
    intero,
    scegli: (elementi) => elementi[Math.floor(prossimo() * elementi.length)],
    pesata: (elementi, pesi) => {
      const totale = pesi.reduce((a, b) => a + b, 0);
      let x = prossimo() * totale;
      for (let i = 0; i < elementi.length; i++) {
        x -= pesi[i];
        if (x < 0) return elementi[i];
      }
      return elementi[elementi.length - 1];
    },
    probabilita: (p) => prossimo() < p,
  };
}

/** Semi fissi, uno per flusso indipendente: aggiungere aziende generate non cambia i lavoratori di riferimento. */
export const SEMI = {
  riferimento: 20260210,
  generatore: 148_2015,
  scala: 100_000_1,
  grande: 520_2026,
} as const;
