/** Esito di un controllo di formato: valido, oppure non valido con il motivo in italiano. */
export type Validazione = { valido: true } | { valido: false; motivo: string };

export const valido: Validazione = { valido: true };

export function nonValido(motivo: string): Validazione {
  return { valido: false, motivo };
}
