// The PDF receipt (/domande/:id/ricevuta.pdf): only for a sent domanda the user may see (404 otherwise); the 503
// page while the database is unreachable.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { conDatabase } from "~/http/servizio-non-disponibile.server";
import { richiediContesto, rispostaNonTrovata } from "~/http/accesso.server";
import { caricaDomanda, idDomanda } from "~/http/domanda.server";
import { generaRicevuta } from "~/services/ricevuta.server";

export const loader = conDatabase(async ({ request, params }: LoaderFunctionArgs) => {
  const ctx = await richiediContesto(request);
  const caricata = await caricaDomanda(request, ctx, idDomanda(params.id));
  const { protocollo } = caricata.domanda;
  if (!protocollo) throw rispostaNonTrovata();
  const pdf = await generaRicevuta(caricata);
  return new Response(Buffer.from(pdf), {
    status: 200,
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="ricevuta-${protocollo}.pdf"`,
      "Content-Length": String(pdf.byteLength),
      // Personal data: never in a shared cache.
      "Cache-Control": "private, no-store",
    },
  });
});
