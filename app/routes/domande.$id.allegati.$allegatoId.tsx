// Download of one attached PDF (resource route): only for who may see the domanda, 404 otherwise.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { conDatabase } from "~/http/servizio-non-disponibile.server";
import { richiediContesto, rispostaNonTrovata } from "~/http/accesso.server";
import { leggiAllegato } from "~/services/allegati.server";
import { caricaDomanda, idDomanda } from "~/http/domanda.server";

export const loader = conDatabase(async ({ request, params }: LoaderFunctionArgs) => {
  const ctx = await richiediContesto(request);
  // Alike scrivania_.$id.risposte.$allegatoId.tsx (duplicates): to merge — one helper in app/http that builds the
  // download response of a stored file (ASCII and UTF-8 file name, type, length) for both routes
  const { domanda } = await caricaDomanda(request, ctx, idDomanda(params.id));
  const allegato = await leggiAllegato(domanda.id, idDomanda(params.allegatoId));
  if (!allegato) throw rispostaNonTrovata();
  // The stored name has no quotes, slashes or control characters; the UTF-8 form keeps accented letters.
  const ascii = allegato.nomeFile.replace(/[^\x20-\x7E]/g, "_");
  return new Response(new Uint8Array(allegato.contenuto), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(allegato.contenuto.byteLength),
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(allegato.nomeFile)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
});
