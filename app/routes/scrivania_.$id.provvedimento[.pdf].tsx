// The provvedimento as issued (tagged PDF), for the Sede: the latest act, or ?atto=<id> for an earlier one of the case.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { richiediContesto, richiediSede } from "~/http/accesso.server";
import { caricaDomanda, idDomanda } from "~/http/domanda.server";
import { rispostaPdfProvvedimento } from "~/http/provvedimento.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await richiediContesto(request);
  richiediSede(ctx);
  const { domanda } = await caricaDomanda(request, ctx, idDomanda(params.id));
  return rispostaPdfProvvedimento(domanda.id, new URL(request.url).searchParams.get("atto"));
}
