// Download of a PDF carried by a message of the domanda's thread (resource route), for the company's side that may
// read the thread (legal representative, incaricato, intermediary with a delega valid today); 404 otherwise, and for a
// document of another domanda.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { scaricaAllegatoMessaggio } from "~/http/filo.server";
import { conDatabase } from "~/http/servizio-non-disponibile.server";
import { richiediAzione, richiediContesto } from "~/http/accesso.server";

export const loader = conDatabase(async ({ request, params }: LoaderFunctionArgs) => {
  const ctx = await richiediContesto(request);
  richiediAzione(ctx, "rispondi_richiesta");
  return scaricaAllegatoMessaggio(ctx, params.id, params.allegatoId);
});
