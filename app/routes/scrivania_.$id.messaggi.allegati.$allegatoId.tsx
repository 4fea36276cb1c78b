// Download of a PDF carried by a message of a case's thread (resource route), for the Sede (operator or office manager
// of the assignment rule); 404 for the company's side here, for another sede's case and for another domanda's document.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { scaricaAllegatoMessaggio } from "~/http/filo.server";
import { conDatabase } from "~/http/servizio-non-disponibile.server";
import { richiediContesto, richiediSede } from "~/http/accesso.server";

export const loader = conDatabase(async ({ request, params }: LoaderFunctionArgs) => {
  const ctx = await richiediContesto(request);
  richiediSede(ctx);
  return scaricaAllegatoMessaggio(ctx, params.id, params.allegatoId);
});
