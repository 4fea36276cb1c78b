// The platform's entity configuration (OpenID Federation 1.0, SPID and CIE; ADR 022): a JWT signed with the
// federation key. Public by nature.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { configurazioneEntita, TIPO_ENTITY_STATEMENT } from "~/services/identita/federazione.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const jwt = await configurazioneEntita(new URL(request.url).origin);
  return new Response(jwt, { headers: { "Content-Type": TIPO_ENTITY_STATEMENT, "Cache-Control": "public, max-age=300" } });
}
