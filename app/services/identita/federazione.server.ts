// The platform's entity configuration as a Relying Party of the SPID and CIE OpenID Connect federations (OpenID
// Federation 1.0; ADR 022): a JWT signed with the federation key (chiavi.server.ts, use `federazione`), published at
// /.well-known/openid-federation. It carries the federation public keys (`jwks`), the authorities above the platform
// (`authority_hints`, the Trust Anchor or an intermediary), the trust marks they issued to it (republished as they came),
// and the metadata: `federation_entity` (organisation, contacts) and `openid_relying_party` (client_id, redirect URIs,
// the OpenID Connect public keys, private_key_jwt, automatic registration). A provider that builds the trust chain
// from this statement up to the Trust Anchor registers the platform automatically.
//
// Configuration: OIDC_CLIENT_ID (an https URL: the entity identifier), OIDC_REDIRECT_URI, OIDC_FEDERAZIONE_AUTORITA
// (authority URLs, comma separated), OIDC_FEDERAZIONE_TRUST_MARK (a JSON array of {"id","trust_mark"} as issued),
// OIDC_FEDERAZIONE_CONTATTO (the organisation's PEC), OIDC_FEDERAZIONE_ORGANIZZAZIONE. Without them (development) the
// entity identifier is the public origin and there are no authorities nor trust marks.
import { PERCORSO_RITORNO } from "./prova-comune";
import { ALGORITMO_CIFRATURA, chiaveDiFirma, firmaJws, jwksPubblico, jwksRelyingParty } from "./chiavi.server";
import { ALGORITMI_CONTENUTO } from "./userinfo.server";

/** How long the statement is valid: providers fetch it again after this. */
const VALIDITA_S = 24 * 60 * 60;

export const TIPO_ENTITY_STATEMENT = "application/entity-statement+jwt";
/** The platform's federation resolve endpoint (OpenID Federation 1.0 §8.3; mandatory for every entity in SPID/CIE). */
export const PERCORSO_RISOLVI = "/federazione/risolvi";

/** The platform's entity identifier: OIDC_CLIENT_ID when it is an https URL, else the public origin. */
export function identificativoEntita(origine: string, env: NodeJS.ProcessEnv = process.env): string {
  return env.OIDC_CLIENT_ID && /^https:\/\//.test(env.OIDC_CLIENT_ID) ? env.OIDC_CLIENT_ID : origine;
}

export interface TrustMark {
  id: string;
  trust_mark: string;
}

function trustMark(env: NodeJS.ProcessEnv): TrustMark[] {
  if (!env.OIDC_FEDERAZIONE_TRUST_MARK) return [];
  const valore = JSON.parse(env.OIDC_FEDERAZIONE_TRUST_MARK) as unknown;
  if (!Array.isArray(valore)) throw new Error("OIDC_FEDERAZIONE_TRUST_MARK: serve un array JSON");
  return valore.filter((t): t is TrustMark => typeof t?.id === "string" && typeof t?.trust_mark === "string");
}

/** The unsigned content of the entity configuration for a request arriving at `origine`. */
export async function contenutoConfigurazioneEntita(origine: string, adesso = new Date(), env: NodeJS.ProcessEnv = process.env) {
  const idEntita = identificativoEntita(origine, env);
  const iat = Math.floor(adesso.getTime() / 1000);
  const autorita = (env.OIDC_FEDERAZIONE_AUTORITA ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  const contatti = env.OIDC_FEDERAZIONE_CONTATTO ? [env.OIDC_FEDERAZIONE_CONTATTO] : [];
  return {
    iss: idEntita,
    sub: idEntita,
    iat,
    exp: iat + VALIDITA_S,
    jwks: await jwksPubblico("federazione", adesso, env),
    ...(autorita.length > 0 ? { authority_hints: autorita } : {}),
    trust_marks: trustMark(env),
    metadata: {
      federation_entity: {
        organization_name: env.OIDC_FEDERAZIONE_ORGANIZZAZIONE ?? "OMNIA IS",
        homepage_uri: origine,
        policy_uri: `${origine}/privacy`,
        contacts: contatti,
        federation_resolve_endpoint: `${origine}${PERCORSO_RISOLVI}`,
      },
      openid_relying_party: {
        client_id: idEntita,
        client_registration_types: ["automatic"],
        application_type: "web",
        client_name: "OMNIA IS",
        contacts: contatti,
        grant_types: ["authorization_code"],
        response_types: ["code"],
        redirect_uris: [env.OIDC_REDIRECT_URI ?? `${origine}${PERCORSO_RITORNO}`],
        jwks: await jwksRelyingParty(adesso, env),
        token_endpoint_auth_method: "private_key_jwt",
        id_token_signed_response_alg: "RS256",
        request_object_signing_alg: "RS256",
        userinfo_signed_response_alg: "RS256",
        userinfo_encrypted_response_alg: ALGORITMO_CIFRATURA,
        userinfo_encrypted_response_enc: ALGORITMI_CONTENUTO[0],
      },
    },
  };
}

/** The entity configuration, signed with the federation key that signs now. */
export async function configurazioneEntita(origine: string, adesso = new Date(), env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const contenuto = await contenutoConfigurazioneEntita(origine, adesso, env);
  return firmaJws({ typ: "entity-statement+jwt" }, contenuto, await chiaveDiFirma("federazione", adesso, env));
}
