// Every rejected row of a flow as CSV (UTF-8 with BOM, semicolons, as Italian spreadsheets expect), written while
// it is read. A cell that a spreadsheet would run as a formula is prefixed with an apostrophe.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { cellaCsv as cella } from "~/domain/formati";
import { rispostaNonTrovata } from "~/http/risposta.server";
import { richiediContesto } from "~/http/accesso.server";
import { esisteFlusso, scartiDelFlusso } from "~/services/flussi/rapporto.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await richiediContesto(request);
  const id = Number(params.id);
  if (!(await esisteFlusso(ctx, id))) throw rispostaNonTrovata();
  const codifica = new TextEncoder();
  const lotti = scartiDelFlusso(ctx, id);
  const corpo = new ReadableStream<Uint8Array>({
    start(c) {
      c.enqueue(codifica.encode("\uFEFFRiga;Codice;Messaggio\r\n"));
    },
    async pull(c) {
      const { value, done } = await lotti.next();
      if (done) return c.close();
      c.enqueue(codifica.encode(value.map((s) => `${cella(s.riga)};${cella(s.codice)};${cella(s.messaggio)}\r\n`).join("")));
    },
  });
  return new Response(corpo, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="scarti-flusso-${id}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
