// Codici dell'inquadramento INPS (docs/regole.md §10). La matricola non ha una cifra di controllo nota:
// si controlla il formato, l'esistenza la verifica l'anagrafica aziende.
import { nonValido, valido, type Validazione } from "./risultato";

export function validaMatricola(matricola: string): Validazione {
  return /^\d{10}$/.test(matricola.trim()) ? valido : nonValido("La matricola INPS deve avere 10 cifre");
}

/** Codice statistico contributivo: settore (1ª cifra) + classe (2ª–3ª) + categoria (4ª–5ª). */
export function validaCsc(csc: string): Validazione {
  return /^\d{5}$/.test(csc.trim()) ? valido : nonValido("Il codice statistico contributivo (CSC) deve avere 5 cifre");
}

/** Codice di autorizzazione: una cifra e una lettera maiuscola (es. 5B). */
export function validaCodiceAutorizzazione(ca: string): Validazione {
  return /^\d[A-Z]$/.test(ca.trim())
    ? valido
    : nonValido("Il codice di autorizzazione (CA) deve essere una cifra seguita da una lettera maiuscola");
}
