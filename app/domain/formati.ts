// Amounts, sizes and numbers as people in Italy read and type them. Pure functions shared by forms, summaries,
// receipts and rule messages: one way to write euro, one way to write a file size.

/** "1.234.567,89" or "1234567,89" or "-12000" → integer cents; null when the text is not an amount. */
export function leggiImporto(testoImporto: string): number | null {
  const t = testoImporto.trim().replace(/^€\s*/, "").replace(/\s/g, "");
  if (!/^-?([0-9]{1,3}(\.[0-9]{3})+|[0-9]{1,15})(,[0-9]{1,2})?$/.test(t)) return null;
  const negativo = t.startsWith("-");
  const [interi, decimali = ""] = t.replace("-", "").replace(/\./g, "").split(",");
  const centesimi = Number(interi) * 100 + Number(decimali.padEnd(2, "0"));
  return negativo ? -centesimi : centesimi;
}

/** Integer cents → "1.234.567,89" (what the form shows back). */
export function formatImporto(centesimi: number): string {
  const segno = centesimi < 0 ? "-" : "";
  const assoluto = Math.abs(centesimi);
  const interi = Math.floor(assoluto / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return `${segno}${interi},${String(assoluto % 100).padStart(2, "0")}`;
}

/** Integer cents → "1.234,56 €". */
export function euro(centesimi: number): string {
  return `${formatImporto(centesimi)} €`;
}

/** Bytes → "12 KB" (at least 1 KB, so a small file never reads as empty). */
export function dimensioneFile(byte: number): string {
  return `${formatNumero(Math.max(1, Math.round(byte / 1024)))} KB`;
}

/**
 * 1600 → "1.600"; up to `decimali` decimals (none by default). Intl's Italian default leaves four-digit numbers
 * ungrouped ("5000" next to "20.000"): `useGrouping: "always"` writes every number alike.
 */
export function formatNumero(n: number, decimali = 0): string {
  let f = FORMATI_NUMERO.get(decimali);
  if (!f) {
    f = new Intl.NumberFormat("it-IT", { useGrouping: "always", maximumFractionDigits: decimali } as unknown as Intl.NumberFormatOptions);
    FORMATI_NUMERO.set(decimali, f);
  }
  return f.format(n);
}

/** Built once per number of decimals: a new Intl formatter per call showed in the profiles. */
const FORMATI_NUMERO = new Map<number, Intl.NumberFormat>();

/**
 * One cell of a CSV for Italian spreadsheets (semicolons): quoted when it holds a separator, a quote or a new line;
 * a text a spreadsheet would run as a formula (=, +, -, @, tab, CR at the start) is prefixed with an apostrophe.
 */
export function cellaCsv(v: string | number | null): string {
  const t = v === null ? "" : String(v);
  const sicura = /^[=+\-@\t\r]/.test(t) ? `'${t}` : t;
  return /[;"\n\r]/.test(sicura) ? `"${sicura.replace(/"/g, '""')}"` : sicura;
}
