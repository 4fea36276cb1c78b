// A document the company sent with its answer, for the Sede (operator or office manager of the assignment): 404 for
// anyone else and for a document of another domanda.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { richiediContesto, richiediSede, rispostaNonTrovata } from "~/http/accesso.server";
import { rispostaPdfScaricato } from "~/http/allegati.server";
import { caricaDomanda, idDomanda } from "~/http/domanda.server";
import { leggiAllegatoRisposta } from "~/services/istruttoria/interlocuzione.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await richiediContesto(request);
  richiediSede(ctx);
  const { domanda } = await caricaDomanda(request, ctx, idDomanda(params.id));
  const file = await leggiAllegatoRisposta(domanda.id, idDomanda(params.allegatoId));
  if (!file) throw rispostaNonTrovata();
  return rispostaPdfScaricato(file.nomeFile, file.contenuto);
}
