// The rows a step's answers show in the summary, the detail page and the receipt (page and PDF). Each step builds
// its rows from its typed answers with the labels of its own form, so the two cannot drift apart.
import { formatDataItaliana, type DataISO } from "~/domain/date";
import { formatNumero } from "~/domain/formati";

export interface RigaRiepilogo {
  etichetta: string;
  /** One line per element: lists of answers (periods, recipients) are shown one per line. */
  valore: string[];
}

export const NON_INDICATO = "Non indicato";

export function riga(etichetta: string, valore: string | string[] | null | undefined): RigaRiepilogo {
  const righe = Array.isArray(valore) ? valore : valore == null || valore === "" ? [] : [valore];
  return { etichetta, valore: righe.length > 0 ? righe : [NON_INDICATO] };
}

export const siNo = (v: boolean): string => (v ? "Sì" : "No");

export const data = (v: DataISO | null | undefined): string | null => (v ? formatDataItaliana(v) : null);

export { euro } from "~/domain/formati";

/** 1600 → "1.600", as every other number and amount of the summary (Intl alone would write "1600"). */
export const numero = (n: number): string => formatNumero(n, 2);
