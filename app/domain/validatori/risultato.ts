/** Esito di un controllo di formato: `motivo` (in italiano) è presente solo quando il valore non è valido. */
export interface Validazione {
  valido: boolean;
  motivo?: string;
}

export const valido: Validazione = { valido: true };

export function nonValido(motivo: string): Validazione {
  return { valido: false, motivo };
}
