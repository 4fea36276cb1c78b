// The per-worker amounts of a direct-payment domanda as CSV, for the payroll software: only the company's legal
// representative or its intermediary with a delega (404 for anyone else, the Sede included: it has its own desk).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { rispostaNonTrovata } from "~/http/risposta.server";
import { richiediContesto } from "~/http/accesso.server";
import { idDomanda } from "~/http/domanda.server";
import { csvImporti, importiDellaDomanda } from "~/services/pagamenti/importi-azienda.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await richiediContesto(request);
  const importi = await importiDellaDomanda(ctx, idDomanda(params.id));
  if (!importi) throw rispostaNonTrovata();
  return new Response(csvImporti(importi.righe), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="importi-${importi.protocollo.replace(/[^A-Za-z0-9.-]/g, "_")}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
