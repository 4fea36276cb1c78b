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

/**
 * A CSV download written while it is produced (a long check): the response starts with the header line, rows follow
 * as they are written, and a writer waits while the client reads slowly. A failure before the end breaks the response
 * (the download fails in the browser), so a half-written file is never taken for a whole one.
 */
export class CsvInScrittura {
  private readonly scrittore: WritableStreamDefaultWriter<Uint8Array>;
  private readonly leggibile: ReadableStream<Uint8Array>;
  private readonly codifica = new TextEncoder();

  constructor(intestazioni: readonly string[]) {
    // A few rows' worth of chunks queued at most: beyond that `scrivi` waits for the client.
    const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>(undefined, { highWaterMark: 4 }, { highWaterMark: 4 });
    this.leggibile = readable;
    this.scrittore = writable.getWriter();
    void this.scrittore.write(this.codifica.encode("\uFEFF" + intestazioni.map(cellaCsv).join(";") + "\r\n")).catch(() => undefined);
  }

  /** Rows to add; settles when they are queued for the client (rejects if the client went away). */
  scrivi = async (righe: ReadonlyArray<ReadonlyArray<string | number | null>>): Promise<void> => {
    if (righe.length === 0) return;
    await this.scrittore.ready;
    await this.scrittore.write(this.codifica.encode(righe.map((r) => r.map(cellaCsv).join(";")).join("\r\n") + "\r\n"));
  };

  chiudi(): void {
    this.scrittore.close().catch(() => undefined);
  }

  interrompi(motivo: unknown): void {
    this.scrittore.abort(motivo).catch(() => undefined);
  }

  risposta(nomeFile: string): Response {
    return new Response(this.leggibile, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${nomeFile.replace(/[^A-Za-z0-9._-]/g, "_")}"`,
        "Cache-Control": "private, no-store",
      },
    });
  }
}
