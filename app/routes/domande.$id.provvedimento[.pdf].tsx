// The provvedimento on the company's domanda (tagged PDF): the latest act, or ?atto=<id> for an earlier one.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { richiediContesto } from "~/http/accesso.server";
import { caricaDomanda, idDomanda } from "~/http/domanda.server";
import { rispostaPdfProvvedimento } from "~/http/provvedimento.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await richiediContesto(request);
  const { domanda } = await caricaDomanda(request, ctx, idDomanda(params.id));
  return rispostaPdfProvvedimento(domanda.id, new URL(request.url).searchParams.get("atto"));
}
