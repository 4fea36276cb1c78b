// Download of one attached PDF (resource route): only for who may see the domanda, 404 otherwise.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { conDatabase } from "~/http/servizio-non-disponibile.server";
import { richiediContesto, rispostaNonTrovata } from "~/http/accesso.server";
import { leggiAllegato } from "~/services/allegati.server";
import { rispostaPdfScaricato } from "~/http/allegati.server";
import { caricaDomanda, idDomanda } from "~/http/domanda.server";

export const loader = conDatabase(async ({ request, params }: LoaderFunctionArgs) => {
  const ctx = await richiediContesto(request);
  const { domanda } = await caricaDomanda(request, ctx, idDomanda(params.id));
  const allegato = await leggiAllegato(domanda.id, idDomanda(params.allegatoId));
  if (!allegato) throw rispostaNonTrovata();
  return rispostaPdfScaricato(allegato.nomeFile, allegato.contenuto);
});
