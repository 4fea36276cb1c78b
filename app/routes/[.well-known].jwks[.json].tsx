// The platform's public OpenID Connect keys (a JWKS): the providers check with them the client assertion
// (private_key_jwt) and the signed request objects (ADR 022), and encrypt the userinfo answer to the `enc` one
// (ADR 025). Public by nature: no private member is ever listed.
import { json } from "@remix-run/node";
import { jwksRelyingParty } from "~/services/identita/chiavi.server";

export async function loader() {
  return json(await jwksRelyingParty(), { headers: { "Cache-Control": "public, max-age=300" } });
}
