// The platform's OpenID Connect client (openid-client 6, ADR 018): sign-in with SPID or CIE the way they offer
// OpenID Connect. Authorization code with PKCE (S256), state and nonce kept server-side for one sign-in and checked at
// the callback, the ID token validated (signature on the provider's JWKS, issuer, audience, expiry, nonce), the SPID
// level checked (app/domain/identita.ts). The codice fiscale comes from the userinfo answer (SPID attribute).
//
// Configuration (production): OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_REDIRECT_URI and either OIDC_CLIENT_SECRET
// (client_secret_basic) or OIDC_CLIENT_PRIVATE_KEY (a private JWK, private_key_jwt as SPID and CIE require).
// Without OIDC_ISSUER, with the demo identities on (development, tests, `npm start`), the local test provider mounted
// at <origin>/oidc-prova stands in (server/oidc-prova.ts).
import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import { eq, lt } from "drizzle-orm";
import * as client from "openid-client";
import { transazioniAccesso } from "#db/schema";
import { db } from "#db/connection";
import { ACR_SPID, CLAIM_CODICE_FISCALE, identitaDaClaim, LIVELLO_MINIMO } from "~/domain/identita";
import { messaggiIdentita } from "~/testi/identita";
import { cookieSicuro, leggiCookie } from "../sessione.server";
import { fornitoreDimostrativoAttivo } from "./fornitore.server";
import { configurazioneProva, ID_CLIENTE_PROVA } from "./prova-configurazione.server";
import { fetchProva, PERCORSO_PROVA, PERCORSO_RITORNO } from "./prova-comune";

const COOKIE_TRANSAZIONE = "omnia_accesso";
/** A sign-in not finished within this time starts over. */
const DURATA_TRANSAZIONE_MS = 10 * 60 * 1000;

export interface ImpostazioniOidc {
  emittente: string;
  idCliente: string;
  uriRitorno: string;
  /** The local test provider of this origin (back channel through its loopback listener). */
  prova: boolean;
  segreto?: string;
  chiavePrivata?: string;
}

/** Which provider signs people in for a request arriving at `origine`, or null when none is configured. */
export function impostazioniOidc(origine: string, env: NodeJS.ProcessEnv = process.env): ImpostazioniOidc | null {
  if (env.OIDC_ISSUER) {
    if (!env.OIDC_CLIENT_ID || !env.OIDC_REDIRECT_URI || !(env.OIDC_CLIENT_SECRET || env.OIDC_CLIENT_PRIVATE_KEY)) return null;
    return {
      emittente: env.OIDC_ISSUER,
      idCliente: env.OIDC_CLIENT_ID,
      uriRitorno: env.OIDC_REDIRECT_URI,
      prova: false,
      segreto: env.OIDC_CLIENT_SECRET,
      chiavePrivata: env.OIDC_CLIENT_PRIVATE_KEY,
    };
  }
  if (!fornitoreDimostrativoAttivo(env)) return null;
  return { emittente: `${origine}${PERCORSO_PROVA}`, idCliente: ID_CLIENTE_PROVA, uriRitorno: `${origine}${PERCORSO_RITORNO}`, prova: true };
}

const configurazioni = new Map<string, Promise<client.Configuration>>();

async function configurazione(i: ImpostazioniOidc): Promise<client.Configuration> {
  const chiave = `${i.emittente} ${i.idCliente}`;
  let p = configurazioni.get(chiave);
  if (!p) {
    p = (async () => {
      if (i.prova) {
        const prova = fetchProva();
        if (!prova) throw new Error("fornitore di identità di prova non montato in questo processo");
        const canale: client.CustomFetch = (url, opzioni) => prova(url, opzioni as RequestInit);
        const { segretoCliente } = await configurazioneProva();
        const config = await client.discovery(new URL(i.emittente), i.idCliente, undefined, client.ClientSecretBasic(segretoCliente), {
          execute: [client.allowInsecureRequests],
          [client.customFetch]: canale,
        });
        config[client.customFetch] = canale;
        return config;
      }
      let auth = client.ClientSecretBasic(i.segreto);
      if (i.chiavePrivata) {
        const jwk = JSON.parse(i.chiavePrivata) as JsonWebKey & { kid?: string };
        const algoritmo = jwk.kty === "EC" ? { name: "ECDSA", namedCurve: jwk.crv! } : { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" };
        const key = await crypto.subtle.importKey("jwk", jwk, algoritmo, false, ["sign"]);
        auth = client.PrivateKeyJwt({ key, kid: jwk.kid });
      }
      return client.discovery(new URL(i.emittente), i.idCliente, undefined, auth);
    })();
    p.catch(() => configurazioni.delete(chiave));
    configurazioni.set(chiave, p);
    if (configurazioni.size > 16) configurazioni.delete(configurazioni.keys().next().value!);
  }
  return p;
}

function idDaToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

function cookieTransazione(request: Request, valore: string, maxAge: number): string {
  const parti = [`${COOKIE_TRANSAZIONE}=${valore}`, `Path=${PERCORSO_RITORNO}`, "HttpOnly", "SameSite=Lax", `Max-Age=${maxAge}`];
  if (cookieSicuro(request)) parti.push("Secure");
  return parti.join("; ");
}

export type AvvioAccesso = { ok: true; url: string; setCookie: string } | { ok: false; messaggio: string };

/**
 * Starts a sign-in: a new state, nonce and PKCE verifier stored for this browser (cookie with a random token, its
 * hash in the database), and the provider's authorization URL asking level 2 (acr_values) and a fresh authentication.
 */
export async function avviaAccesso(request: Request, ritorno: string | null, adesso = new Date()): Promise<AvvioAccesso> {
  const impostazioni = impostazioniOidc(new URL(request.url).origin);
  if (!impostazioni) return { ok: false, messaggio: messaggiIdentita.fornitoreNonConfigurato };
  const config = await configurazione(impostazioni);
  const stato = client.randomState();
  const nonce = client.randomNonce();
  const verificatore = client.randomPKCECodeVerifier();
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  const token = encodeBase32LowerCaseNoPadding(bytes);
  await db().delete(transazioniAccesso).where(lt(transazioniAccesso.scadeIl, adesso));
  await db().insert(transazioniAccesso).values({
    id: idDaToken(token),
    emittente: impostazioni.emittente,
    stato,
    nonce,
    verificatore,
    ritorno,
    scadeIl: new Date(adesso.getTime() + DURATA_TRANSAZIONE_MS),
  });
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: impostazioni.uriRitorno,
    scope: "openid profile",
    response_type: "code",
    code_challenge: await client.calculatePKCECodeChallenge(verificatore),
    code_challenge_method: "S256",
    state: stato,
    nonce,
    prompt: "login",
    acr_values: [ACR_SPID[LIVELLO_MINIMO], ACR_SPID[3]].join(" "),
    claims: JSON.stringify({ id_token: { acr: { essential: true } }, userinfo: { [CLAIM_CODICE_FISCALE]: { essential: true } } }),
    ui_locales: "it",
  });
  return { ok: true, url: url.href, setCookie: cookieTransazione(request, token, DURATA_TRANSAZIONE_MS / 1000) };
}

export type RitornoAccesso =
  | { ok: true; codiceFiscale: string; livello: number; emittente: string; ritorno: string | null }
  | { ok: false; motivo: string; messaggio: string };

/**
 * The provider's answer at the callback: the sign-in in progress is taken (and deleted: one use), the code is
 * exchanged with its PKCE verifier, state and nonce are checked by openid-client, the ID token validated; then the
 * level and the codice fiscale are read. Any failure refuses the sign-in with an Italian message.
 */
export async function completaAccesso(request: Request, adesso = new Date()): Promise<{ esito: RitornoAccesso; setCookie: string }> {
  const setCookie = cookieTransazione(request, "", 0);
  const rifiuta = (motivo: string, messaggio: string = messaggiIdentita.accessoNonRiuscito) => ({
    esito: { ok: false as const, motivo, messaggio },
    setCookie,
  });
  const token = leggiCookie(request, COOKIE_TRANSAZIONE);
  if (!token || !/^[a-z2-7]{32}$/.test(token)) return rifiuta("transazione_assente");
  const [t] = await db().delete(transazioniAccesso).where(eq(transazioniAccesso.id, idDaToken(token))).returning();
  if (!t || t.scadeIl <= adesso) return rifiuta("transazione_scaduta");
  const richiesta = new URL(request.url);
  if (richiesta.searchParams.get("error") === "access_denied") return rifiuta("annullato", messaggiIdentita.accessoAnnullato);
  const impostazioni = impostazioniOidc(richiesta.origin);
  if (!impostazioni || impostazioni.emittente !== t.emittente) return rifiuta("emittente_cambiato");
  const config = await configurazione(impostazioni);
  // The callback URL as registered (behind a proxy request.url may differ) with the provider's parameters.
  const corrente = new URL(impostazioni.uriRitorno);
  corrente.search = richiesta.search;
  let claims: Record<string, unknown>;
  try {
    const risposta = await client.authorizationCodeGrant(config, corrente, {
      pkceCodeVerifier: t.verificatore,
      expectedState: t.stato,
      expectedNonce: t.nonce,
      idTokenExpected: true,
    });
    const idToken = risposta.claims();
    if (!idToken) return rifiuta("id_token_assente");
    const userinfo = await client.fetchUserInfo(config, risposta.access_token, idToken.sub);
    claims = { ...userinfo, ...idToken };
  } catch (e) {
    console.warn(`[oidc] accesso rifiutato: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
    return rifiuta("risposta_non_valida");
  }
  const identita = identitaDaClaim(claims);
  if (!identita.ok) return rifiuta(identita.motivo, identita.messaggio);
  return {
    esito: { ok: true, codiceFiscale: identita.codiceFiscale, livello: identita.livello, emittente: t.emittente, ritorno: t.ritorno },
    setCookie,
  };
}

/** Tests switch databases between files: forget the discovered configurations (their secret may differ). */
export function dimenticaConfigurazioniOidc(): void {
  configurazioni.clear();
}
