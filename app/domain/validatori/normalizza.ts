// Codes as people type them from cards and letters: a codice fiscale printed in groups ("CCC FBA 85 D03 L219 P"), a
// partita IVA with the country prefix ("IT 00743110157"), a matricola with hyphens. Spaces (also non-breaking) and
// hyphens or dashes are removed and letters made capitals before any check, on the client and on the server alike
// (the shared zod schemas call this); the IBAN field does the same in validatori/iban.ts.
const SEPARATORI = /[\s\u00A0\u2007\u202F\-\u2010-\u2015\u2212]/g;

/** The code without separators, in capitals; "IT" before the 11 digits of a partita IVA dropped. */
export function normalizzaCodice(testo: string): string {
  const compatto = testo.replace(SEPARATORI, "").toUpperCase();
  return /^IT\d{11}$/.test(compatto) ? compatto.slice(2) : compatto;
}

/** The shapes of a company's codes: codice fiscale of 11 digits (= partita IVA) or 16 characters, matricola of 10 digits. */
export const FORMATO_CODICE_AZIENDA = /^([0-9]{10,11}|[A-Z0-9]{16})$/;

/** The shape of a person's codice fiscale (16 characters; omocodia replaces digits with letters). */
export const FORMATO_CODICE_FISCALE_PERSONA = /^[A-Z0-9]{16}$/;
