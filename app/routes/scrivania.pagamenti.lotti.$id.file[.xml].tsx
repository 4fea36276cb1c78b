// The SEPA file of a batch, byte for byte as prepared (and approved): for the operators and managers of its sede.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { richiediContesto, richiediSede, rispostaNonTrovata } from "~/http/accesso.server";
import { fileLotto } from "~/services/pagamenti/lotti.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await richiediContesto(request);
  richiediSede(ctx);
  const id = Number(params.id);
  const file = Number.isSafeInteger(id) ? await fileLotto(ctx, id) : null;
  if (!file) throw rispostaNonTrovata();
  return new Response(file.xml, {
    headers: {
      "Content-Type": "application/xml; charset=utf-8",
      "Content-Disposition": `attachment; filename="${file.nome}"`,
      "Cache-Control": "no-store",
    },
  });
}
