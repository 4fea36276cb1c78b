// CSV downloads (UTF-8 with BOM, semicolons, CRLF: what Italian spreadsheets open as is). A cell a spreadsheet would run
// as a formula is prefixed with an apostrophe (CSV injection); the file name goes in Content-Disposition.
import { cellaCsv } from "~/domain/formati";

export { cellaCsv };

export function testoCsv(intestazioni: readonly string[], righe: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  return "\uFEFF" + [intestazioni, ...righe].map((r) => r.map(cellaCsv).join(";")).join("\r\n") + "\r\n";
}

/** A whole table as a CSV download; `privato`: the figures belong to a signed-in user (not stored by caches). */
export function rispostaCsv(
  nomeFile: string,
  intestazioni: readonly string[],
  righe: ReadonlyArray<ReadonlyArray<string | number | null>>,
  privato = true,
): Response {
  return new Response(testoCsv(intestazioni, righe), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${nomeFile.replace(/[^A-Za-z0-9._-]/g, "_")}"`,
      "Cache-Control": privato ? "private, no-store" : "public, max-age=300",
    },
  });
}
