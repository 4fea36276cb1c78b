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
import { catenaGiaRisolta } from "./catena-fiducia.server";
import { notoNonAttivo } from "./stato-trust-mark.server";
import { decodeJwt } from "jose";

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

export const TIPO_RISPOSTA_RISOLUZIONE = "application/resolve-response+jwt";

export interface RispostaRisoluzione {
  stato: 200 | 400 | 404;
  tipo: string;
  corpo: string;
}

function erroreRisoluzione(stato: 400 | 404, codice: string, descrizione: string): RispostaRisoluzione {
  return { stato, tipo: "application/json", corpo: JSON.stringify({ error: codice, error_description: descrizione }) };
}

/**
 * The platform's federation resolve endpoint (OpenID Federation 1.0 §8.3, "Resolve Entity Statement"; SPID/CIE OpenID
 * Connect, "Endpoint di Federazione": every entity serves it). It answers only for a subject whose chain up to
 * `trust_anchor` the platform itself resolved and that has not expired (the rules: «NON DEVE restituire alcuna
 * informazione relativa ad un soggetto del quale non ha precedentemente raccolto gli statement e calcolato la Trust
 * Chain»): the final metadata, the trust marks still valid now, the chain as received. A JWT signed with the
 * federation key, `typ` resolve-response+jwt, valid until the chain expires. `anchor` and `type` (earlier drafts)
 * are read too.
 */
export async function risolviEntita(origine: string, parametri: URLSearchParams, adesso = new Date(), env: NodeJS.ProcessEnv = process.env): Promise<RispostaRisoluzione> {
  const sub = parametri.get("sub");
  const ancora = parametri.get("trust_anchor") ?? parametri.get("anchor");
  const tipi = [...parametri.getAll("entity_type"), ...parametri.getAll("type")];
  if (!sub || !ancora) return erroreRisoluzione(400, "invalid_request", "servono sub e trust_anchor");
  if (sub.length > 500 || ancora.length > 500) return erroreRisoluzione(400, "invalid_request", "identificativo troppo lungo");
  const catena = await catenaGiaRisolta(sub, ancora, adesso);
  // Trust marks whose issuer said they are no longer active are not valid (SPID/CIE: «NON DEVONO essere inclusi»);
  // a subject left without one has no valid chain here, as at sign-in.
  const attivi = catena?.trustMark.filter((t) => !notoNonAttivo(t)) ?? [];
  if (!catena || attivi.length === 0) return erroreRisoluzione(404, "not_found", "nessuna catena di fiducia valida per questo soggetto e Trust Anchor");
  const metadati = tipi.length > 0 ? Object.fromEntries(Object.entries(catena.metadati).filter(([t]) => tipi.includes(t))) : catena.metadati;
  const ora = Math.floor(adesso.getTime() / 1000);
  // As received: what the platform keeps to ask their status (statoPresso) is its own business.
  const trustMark = attivi
    .filter((t) => {
      const exp = decodeJwt(t.trust_mark).exp;
      return exp === undefined || exp > ora;
    })
    .map(({ id, trust_mark }) => ({ id, trust_mark }));
  const contenuto = {
    iss: identificativoEntita(origine, env),
    sub,
    iat: ora,
    exp: Math.floor(catena.scadeIl.getTime() / 1000),
    metadata: metadati,
    trust_marks: trustMark,
    trust_chain: catena.catena,
  };
  const jwt = await firmaJws({ typ: "resolve-response+jwt" }, contenuto, await chiaveDiFirma("federazione", adesso, env));
  return { stato: 200, tipo: TIPO_RISPOSTA_RISOLUZIONE, corpo: jwt };
}
