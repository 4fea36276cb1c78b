// The platform's federation resolve endpoint (OpenID Federation 1.0 §8.3; mandatory for every entity of the SPID
// and CIE federations, ADR 025): the resolved metadata and trust chain of a provider the platform already trusts.
// Public by nature; a subject it has not resolved gets a JSON 404.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { risolviEntita } from "~/services/identita/federazione.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const r = await risolviEntita(url.origin, url.searchParams);
  return new Response(r.corpo, { status: r.stato, headers: { "Content-Type": r.tipo, "Cache-Control": "no-store" } });
}
