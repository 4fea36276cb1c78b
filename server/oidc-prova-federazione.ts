// The local OpenID Federation that stands in for the SPID and CIE ones in development and tests (ADR 025): three
// entities served under the test provider's mount, each signing its statements with its own federation key (ES256,
// kept with the provider's secrets, prova-configurazione.server.ts):
//
//   Trust Anchor   <origin>/oidc-prova/federazione/ancora      its public keys are what the platform pins
//      │ subordinate statement (metadata_policy for openid_provider, max_path_length 1)
//   intermediary   <origin>/oidc-prova/federazione/intermedio  (CIE admits one; SPID has none: the resolver does both)
//      │ subordinate statement
//   provider       <origin>/oidc-prova                          entity configuration with `openid_provider` metadata
//
// Each entity answers `<entity>/.well-known/openid-federation` (its entity configuration) and, for the two
// authorities, `<entity>/fetch?sub=…` (the statement about a direct subordinate, OpenID Federation 1.0 §8.1) and
// `<entity>/list` (§8.2). The Trust Anchor, which issues the provider's trust mark, also answers POST
// `<entity>/trust_mark_status` (§8.4): "revoked" for a mark revoked with revocaTrustMarkProva (tests), else "active". The
// provider's `openid_provider` metadata are its discovery document plus its public signing keys (`jwks`), as SPID and
// CIE providers publish them.
import { createLocalJWKSet, importJWK, jwtVerify, SignJWT } from "jose";
import { configurazioneProva, jwkPubblicaProva, trustMarkRevocatiProva } from "../app/services/identita/prova-configurazione.server";
import { entitaFederazioneProva } from "../app/services/identita/prova-comune";

export const TIPO_ENTITY_STATEMENT = "application/entity-statement+jwt";
const VALIDITA_S = 24 * 60 * 60;

/** The Trust Anchor's policy on providers: what the SPID/CIE rules allow ("Algoritmi crittografici", "Metadata OP"). */
export const POLITICA_FORNITORI = {
  openid_provider: {
    id_token_signing_alg_values_supported: { subset_of: ["RS256", "RS512"] },
    userinfo_signing_alg_values_supported: { subset_of: ["RS256", "RS512"] },
    request_object_signing_alg_values_supported: { subset_of: ["RS256", "RS512"] },
    token_endpoint_auth_methods_supported: { subset_of: ["private_key_jwt"], essential: true },
    userinfo_encryption_alg_values_supported: { subset_of: ["RSA-OAEP", "RSA-OAEP-256"] },
    userinfo_encryption_enc_values_supported: { subset_of: ["A128CBC-HS256", "A256CBC-HS512"] },
    code_challenge_methods_supported: { subset_of: ["S256"], essential: true },
  },
};

export interface RispostaFederazione {
  stato: number;
  tipo: string;
  corpo: string;
}

async function firma(jwkPrivata: Record<string, unknown>, contenuto: Record<string, unknown>, typ = "entity-statement+jwt"): Promise<string> {
  const { kid, use: _u, alg, ...materiale } = jwkPrivata;
  const chiave = await importJWK(materiale, String(alg));
  return new SignJWT(contenuto).setProtectedHeader({ alg: String(alg), kid: String(kid), typ }).sign(chiave);
}

/** The id of the trust mark the local Trust Anchor issues to its providers (SPID/CIE use such URLs, "Trust Mark"). */
export function idTrustMarkProva(ancora: string): string {
  return `${ancora}/openid_provider/public`;
}

/** A year: trust marks outlive the statements (which are signed again each day). */
const VALIDITA_TRUST_MARK_S = 365 * 24 * 60 * 60;

function jwt(corpo: string): RispostaFederazione {
  return { stato: 200, tipo: TIPO_ENTITY_STATEMENT, corpo };
}

function errore(stato: number, codice: string, descrizione: string): RispostaFederazione {
  return { stato, tipo: "application/json", corpo: JSON.stringify({ error: codice, error_description: descrizione }) };
}

/**
 * The answer of the local federation for `percorso` (below the provider's mount, e.g. "/federazione/ancora/fetch")
 * at `origine`, or null when the path is not one of its endpoints. `discovery` gives the provider's discovery document.
 */
export async function rispostaFederazioneProva(
  origine: string,
  percorso: string,
  query: URLSearchParams,
  discovery: () => Promise<Record<string, unknown>>,
  adesso = new Date(),
  metodo = "GET",
): Promise<RispostaFederazione | null> {
  const entita = entitaFederazioneProva(origine);
  const base = { iat: Math.floor(adesso.getTime() / 1000), exp: Math.floor(adesso.getTime() / 1000) + VALIDITA_S };
  const { federazione: chiavi, jwks } = await configurazioneProva();
  const pubblica = (k: Record<string, unknown>) => ({ keys: [jwkPubblicaProva(k)] });
  const entitaFederazione = (nome: string, id: string) => ({
    organization_name: nome,
    homepage_uri: origine,
    contacts: ["federazione-prova@esempio.invalid"],
    federation_fetch_endpoint: `${id}/fetch`,
    federation_list_endpoint: `${id}/list`,
  });
  // An entity statement of `da` about `su` (OpenID Federation 1.0 §3), with su's public keys: its own entity
  // configuration when they are the same entity, a subordinate statement otherwise.
  const dichiarazione = async (da: keyof typeof entita, su: keyof typeof entita, altro: Record<string, unknown> = {}) =>
    jwt(await firma(chiavi[da], { ...base, iss: entita[da], sub: entita[su], jwks: pubblica(chiavi[su]), ...altro }));

  // The listing (OpenID Federation 1.0 §8.2): the Trust Anchor's one subordinate is the intermediary, whose one
  // subordinate is the provider.
  const elenco = (sottoposto: string, intermedio: boolean): RispostaFederazione => {
    const tipo = query.get("entity_type");
    const soloIntermedi = query.get("intermediate") === "true";
    const incluso = (!tipo || tipo === (intermedio ? "federation_entity" : "openid_provider")) && (!soloIntermedi || intermedio);
    return { stato: 200, tipo: "application/json", corpo: JSON.stringify(incluso ? [sottoposto] : []) };
  };

  switch (percorso) {
    case "/.well-known/openid-federation": {
      const { jwks_uri: _j, ...metadati } = await discovery();
      return dichiarazione("fornitore", "fornitore", {
        authority_hints: [entita.intermedio],
        // Issued by the Trust Anchor (listed in its trust_mark_issuers), as SPID and CIE require of every member.
        trust_marks: [
          {
            id: idTrustMarkProva(entita.ancora),
            trust_mark: await firma(
              chiavi.ancora,
              { iss: entita.ancora, sub: entita.fornitore, iat: base.iat, exp: base.iat + VALIDITA_TRUST_MARK_S, id: idTrustMarkProva(entita.ancora), ref: `${origine}/privacy` },
              "trust-mark+jwt",
            ),
          },
        ],
        metadata: {
          // Its keys both inline and as a signed JWKS (OpenID Federation 1.0 §5.2.1), which the platform prefers.
          openid_provider: { ...metadati, jwks: { keys: jwks.keys.map(jwkPubblicaProva) }, signed_jwks_uri: `${entita.fornitore}/federazione/fornitore/jwks` },
          federation_entity: { organization_name: "Fornitore di identità di prova", homepage_uri: origine, contacts: ["fornitore-prova@esempio.invalid"] },
        },
      });
    }
    case "/federazione/intermedio/.well-known/openid-federation":
      return dichiarazione("intermedio", "intermedio", {
        authority_hints: [entita.ancora],
        metadata: { federation_entity: entitaFederazione("Intermediario di prova", entita.intermedio) },
      });
    case "/federazione/ancora/.well-known/openid-federation":
      return dichiarazione("ancora", "ancora", {
        trust_mark_issuers: { [idTrustMarkProva(entita.ancora)]: [entita.ancora] },
        metadata: {
          federation_entity: { ...entitaFederazione("Trust Anchor di prova", entita.ancora), federation_trust_mark_status_endpoint: `${entita.ancora}/trust_mark_status` },
        },
      });
    case "/federazione/ancora/trust_mark_status": {
      // OpenID Federation 1.0 §8.4: POST with `trust_mark`; a signed answer with its status, 404 for one never issued.
      if (metodo !== "POST") return errore(405, "invalid_request", "serve una richiesta POST");
      const trustMark = query.get("trust_mark");
      if (!trustMark) return errore(400, "invalid_request", "manca trust_mark");
      let contenuto: Record<string, unknown>;
      try {
        contenuto = (await jwtVerify(trustMark, createLocalJWKSet(pubblica(chiavi.ancora)), { issuer: entita.ancora })).payload;
      } catch {
        return errore(404, "not_found", "trust mark non emesso da questo Trust Anchor");
      }
      const revocati = await trustMarkRevocatiProva();
      const revocato = revocati.some((r) => r.sub === contenuto.sub && r.id === (contenuto.id ?? contenuto.trust_mark_id));
      const scaduto = typeof contenuto.exp === "number" && contenuto.exp <= base.iat;
      return {
        stato: 200,
        tipo: "application/trust-mark-status-response+jwt",
        corpo: await firma(chiavi.ancora, { iss: entita.ancora, iat: base.iat, trust_mark: trustMark, status: revocato ? "revoked" : scaduto ? "expired" : "active" }, "trust-mark-status-response+jwt"),
      };
    }
    case "/federazione/intermedio/fetch":
      if (query.get("sub") !== entita.fornitore) return errore(404, "not_found", "soggetto sconosciuto");
      return dichiarazione("intermedio", "fornitore");
    case "/federazione/ancora/fetch":
      if (query.get("sub") !== entita.intermedio) return errore(404, "not_found", "soggetto sconosciuto");
      return dichiarazione("ancora", "intermedio", { metadata_policy: POLITICA_FORNITORI, constraints: { max_path_length: 1 } });
    case "/federazione/fornitore/jwks":
      return {
        stato: 200,
        tipo: "application/jwk-set+jwt",
        corpo: await firma(chiavi.fornitore, { ...base, iss: entita.fornitore, sub: entita.fornitore, keys: jwks.keys.map(jwkPubblicaProva) }, "jwk-set+jwt"),
      };
    case "/federazione/ancora/list":
      return elenco(entita.intermedio, true);
    case "/federazione/intermedio/list":
      return elenco(entita.fornitore, false);
    default:
      return null;
  }
}

/** Whether a path below the provider's mount belongs to the local federation (served before oidc-provider). */
export function percorsoFederazione(percorso: string): boolean {
  return percorso === "/.well-known/openid-federation" || percorso.startsWith("/federazione/");
}
