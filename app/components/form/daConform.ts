import type { FieldMetadata } from "@conform-to/react";

/** Props di un campo ricavate dai metadati di conform. */
export interface PropsDaConform {
  id: string;
  name: string;
  errors: string[] | undefined;
  defaultValue: string | undefined;
  /** Valori iniziali per le checkbox (GruppoCheckbox accetta anche questo come defaultValue). */
  defaultOptions: string[] | undefined;
  required: boolean | undefined;
  maxLength: number | undefined;
}

/**
 * Adatta un campo di conform alle props semplici dei componenti:
 * `<CampoTesto {...daConform(fields.matricola)} etichetta="Matricola" />`.
 * Per GruppoCheckbox: `<GruppoCheckbox {...c} defaultValue={c.defaultOptions} … />` con `c = daConform(campo)`.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- lo schema del modulo può essere qualunque
export function daConform<S, F extends Record<string, any>>(campo: FieldMetadata<S, F, string[]>): PropsDaConform {
  return {
    id: campo.id,
    name: campo.name,
    errors: campo.errors,
    defaultValue: campo.defaultValue,
    defaultOptions: campo.defaultOptions,
    required: campo.required,
    maxLength: campo.maxLength,
  };
}
