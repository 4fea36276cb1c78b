// Tabelle "dispari/pari" comuni al carattere di controllo del codice fiscale e al CIN bancario
// (D.M. 23/12/1976 e norme ABI sul CIN: lo stesso algoritmo, verificato su RSSMRA85T10A562S → S e su IT60X…123456 → X).

const VALORI_DISPARI: readonly number[] = [
  1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23,
];

/** Indice 0–25 del carattere: cifre 0–9 → 0–9, lettere A–Z → 0–25. */
function indice(carattere: string): number {
  const codice = carattere.charCodeAt(0);
  if (codice >= 48 && codice <= 57) return codice - 48;
  if (codice >= 65 && codice <= 90) return codice - 65;
  throw new RangeError(`Carattere non ammesso: ${carattere}`);
}

/** Lettera di controllo: posizioni dispari (1-based) con la tabella dispari, pari con l'indice; somma mod 26. */
export function letteraControlloDispariPari(testo: string): string {
  let somma = 0;
  for (let i = 0; i < testo.length; i++) {
    const valore = indice(testo[i]);
    somma += i % 2 === 0 ? VALORI_DISPARI[valore] : valore;
  }
  return String.fromCharCode(65 + (somma % 26));
}
