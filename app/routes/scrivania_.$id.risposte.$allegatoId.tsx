// A document the company sent with its answer, for the Sede (operator or office manager of the assignment): 404 for
// anyone else and for a document of another domanda.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { richiediContesto, richiediSede, rispostaNonTrovata } from "~/http/accesso.server";
import { caricaDomanda, idDomanda } from "~/http/domanda.server";
import { leggiAllegatoRisposta } from "~/services/istruttoria/interlocuzione.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await richiediContesto(request);
  richiediSede(ctx);
  // Alike domande.$id.allegati.$allegatoId.tsx (duplicates): to merge — see there (one download response helper in
  // app/http)
  const { domanda } = await caricaDomanda(request, ctx, idDomanda(params.id));
  const file = await leggiAllegatoRisposta(domanda.id, idDomanda(params.allegatoId));
  if (!file) throw rispostaNonTrovata();
  const ascii = file.nomeFile.replace(/[^\x20-\x7E]/g, "_");
  return new Response(new Uint8Array(file.contenuto), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(file.contenuto.byteLength),
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.nomeFile)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
