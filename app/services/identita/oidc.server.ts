// The platform's OpenID Connect client (openid-client 6, ADRs 018 and 022): sign-in with SPID or CIE the way their
// OpenID Connect profile asks of a Relying Party. Authorization code with PKCE (S256); the authorization request is a
// request object signed with the platform's key (`request` parameter) carrying state, nonce, `acr_values` (SpidL2 and
// SpidL3), the claims request and `prompt=consent login`; at the token endpoint the client authenticates with
// private_key_jwt (a JWT signed with the same key, whose public part is at /.well-known/jwks.json). State and nonce are
// kept server-side for one sign-in and checked at the callback, the ID token validated (signature on the keys of the
// provider's federation metadata, issuer, audience, expiry, nonce), the SPID level checked (app/domain/identita.ts).
// The codice fiscale comes from the userinfo answer (SPID attribute), a JWT signed by the provider and encrypted to the
// platform (userinfo.server.ts). The provider's metadata come only from its OpenID Federation trust chain up to a
// configured Trust Anchor (catena-fiducia.server.ts, ADR 025), never from its discovery document.
//
// Configuration (production): OIDC_CLIENT_ID, OIDC_REDIRECT_URI, OIDC_FEDERAZIONE_ANCORE (the Trust Anchors and their
// pinned keys): the providers are the ones the anchors list (elencoFornitori). OIDC_ISSUER (a provider's entity
// identifier) is optional: the provider used when none is chosen. The key is made on first use and kept in the
// database (chiavi.server.ts) or given as OIDC_CLIENT_PRIVATE_KEY (a private RSA JWK). No client secret: SPID and
// CIE accept private_key_jwt only.
// Without that configuration, with the demo identities on (development, tests, `npm start`), the local test provider
// mounted at <origin>/oidc-prova stands in (server/oidc-prova.ts) and requires all of the above.
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import { eq, lt } from "drizzle-orm";
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from "jose";
import * as client from "openid-client";
import { transazioniAccesso } from "#db/schema";
import { db } from "#db/connection";
import { ACR_SPID, CLAIM_CODICE_FISCALE, identitaDaClaim, LIVELLO_MINIMO } from "~/domain/identita";
import { messaggiIdentita } from "~/testi/identita";
import { idDaToken } from "../sessione.server";
import { fornitoreDimostrativoAttivo } from "./fornitore.server";
import { chiaveDiFirma, chiaviDiDecifratura } from "./chiavi.server";
import { configurazioneProva, ID_CLIENTE_PROVA, jwkPubblicaProva } from "./prova-configurazione.server";
import { entitaFederazioneProva, fetchProva, PERCORSO_PROVA, PERCORSO_RITORNO } from "./prova-comune";
import { catenaFornitore, dimenticaCateneFiducia, ErroreCatenaFiducia, fornitoriElencati, type AncoraFiducia, type Scaricatore } from "./catena-fiducia.server";
import { registraOriginiFornitori } from "./origini-fornitori";
import { ALGORITMI_CHIAVE, ALGORITMI_CONTENUTO, ErroreUserinfo, leggiUserinfo } from "./userinfo.server";

/** A sign-in not finished within this time starts over. */
export const DURATA_TRANSAZIONE_MS = 10 * 60 * 1000;

export interface ImpostazioniOidc {
  /**
   * The provider used when the person chooses none (its entity identifier in the federation, its issuer): OIDC_ISSUER,
   * or the local test provider; null when only Trust Anchors are configured (the providers are the ones they list).
   */
  emittente: string | null;
  /** The origin of the request (the local test provider, when mounted, is served there). */
  origine: string;
  idCliente: string;
  uriRitorno: string;
  /** The local test provider of this origin (back channel through its loopback listener). */
  prova: boolean;
  /** The Trust Anchors configured (OIDC_FEDERAZIONE_ANCORE); none: the local federation's (test provider only). */
  ancore: AncoraFiducia[] | null;
}

/**
 * OIDC_FEDERAZIONE_ANCORE: a JSON object, each Trust Anchor's entity identifier with its public federation JWKS as the
 * federation operator publishes it (AgID for SPID, the Ministry of the Interior for CIE). Null when unset or invalid.
 */
export function ancoreDaAmbiente(env: NodeJS.ProcessEnv): AncoraFiducia[] | null {
  if (!env.OIDC_FEDERAZIONE_ANCORE) return null;
  try {
    const valore = JSON.parse(env.OIDC_FEDERAZIONE_ANCORE) as Record<string, { keys?: unknown }>;
    const ancore = Object.entries(valore)
      .filter(([id, jwks]) => /^https?:\/\//.test(id) && Array.isArray(jwks?.keys) && jwks.keys.length > 0)
      .map(([id, jwks]) => ({ id, jwks: jwks as AncoraFiducia["jwks"] }));
    return ancore.length > 0 ? ancore : null;
  } catch {
    return null;
  }
}

/**
 * Whether the environment configures a real federation: the platform's client_id and callback, and at least one Trust
 * Anchor with its pinned keys (OIDC_ISSUER is optional). Then the local test provider is not the default one.
 */
export function federazioneConfigurata(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.OIDC_CLIENT_ID && env.OIDC_REDIRECT_URI && ancoreDaAmbiente(env));
}

/** Which provider signs people in for a request arriving at `origine`, or null when none is configured. */
export function impostazioniOidc(origine: string, env: NodeJS.ProcessEnv = process.env): ImpostazioniOidc | null {
  const ancore = ancoreDaAmbiente(env);
  if (env.OIDC_ISSUER || federazioneConfigurata(env)) {
    // A real provider only through a trust chain: without a Trust Anchor there is nothing to trust it by.
    if (!env.OIDC_CLIENT_ID || !env.OIDC_REDIRECT_URI || !ancore) return null;
    return { emittente: env.OIDC_ISSUER || null, origine, idCliente: env.OIDC_CLIENT_ID, uriRitorno: env.OIDC_REDIRECT_URI, prova: false, ancore };
  }
  if (!fornitoreDimostrativoAttivo(env)) return null;
  return { emittente: `${origine}${PERCORSO_PROVA}`, origine, idCliente: ID_CLIENTE_PROVA, uriRitorno: `${origine}${PERCORSO_RITORNO}`, prova: true, ancore };
}

interface ConfigurazioneFornitore {
  config: client.Configuration;
  firma: { key: CryptoKey; kid: string };
  /** The provider's metadata from its trust chain (never its discovery document). */
  metadati: Record<string, unknown>;
}

/**
 * The provider's configuration: its metadata from the trust chain up to a configured Trust Anchor (resolved once and
 * reused until the chain expires, catena-fiducia.server.ts), its client authenticating with private_key_jwt signed
 * by the key that signs now. Throws ErroreCatenaFiducia when the chain does not verify.
 */
/** How the platform reaches a provider's federation and which Trust Anchors it trusts it by. */
export interface AccessoFederazione {
  scaricatore: Scaricatore;
  ancore: AncoraFiducia[];
  /** Outside the local federation the resolver goes to https addresses only. */
  soloHttps: boolean;
  /** The test provider's back channel (token, userinfo), when it is the local one. */
  canale?: client.CustomFetch;
}

/** The federation access for provider settings `i`; throws ErroreCatenaFiducia when no Trust Anchor is configured. */
export async function accessoFederazione(i: ImpostazioniOidc): Promise<AccessoFederazione> {
  const rete: Scaricatore = (url, init) => fetch(url, { redirect: "error", headers: { Accept: "application/entity-statement+jwt" }, ...init });
  let scaricatore = rete;
  let canale: client.CustomFetch | undefined;
  let ancore = i.ancore;
  const prova = fetchProva();
  if (i.prova) {
    if (!prova) throw new Error("fornitore di identità di prova non montato in questo processo");
    canale = (url, opzioni) => prova(url, opzioni as RequestInit);
    scaricatore = (url, init) => prova(url, init);
    // The local federation's Trust Anchor, pinned from the provider's own configuration (development and tests).
    const { federazione } = await configurazioneProva();
    ancore ??= [{ id: entitaFederazioneProva(i.origine).ancora, jwks: { keys: [jwkPubblicaProva(federazione.ancora)] } }];
  } else if (prova) {
    // A configured federation in a process that also mounts the local one (tests): its entities, served at this
    // origin, are reached through the back channel like the test provider's own; everything else over the network.
    const locale = `${i.origine}${PERCORSO_PROVA}`;
    const eLocale = (url: string) => url === locale || url.startsWith(`${locale}/`);
    scaricatore = (url, init) => (eLocale(url) ? prova(url, init) : rete(url, init));
    canale = (url, opzioni) => (eLocale(url) ? prova(url, opzioni as RequestInit) : fetch(url, opzioni as RequestInit));
  }
  if (!ancore) throw new ErroreCatenaFiducia("ancora_sconosciuta", "nessun Trust Anchor configurato");
  return { scaricatore, ancore, soloHttps: !i.prova, canale };
}

async function configurazione(i: ImpostazioniOidc, emittente: string): Promise<ConfigurazioneFornitore> {
  const { kid, chiave } = await chiaveDiFirma("oidc");
  const firma = { key: chiave, kid };
  const { scaricatore, ancore, soloHttps, canale } = await accessoFederazione(i);
  const catena = await catenaFornitore(emittente, ancore, scaricatore, new Date(), soloHttps);
  const metadati = catena.metadati.openid_provider;
  const config = new client.Configuration(metadati as client.ServerMetadata, i.idCliente, undefined, client.PrivateKeyJwt(firma));
  if (canale) {
    // Plain http only for the local test provider (loopback); a configured federation stays https.
    if (i.prova) client.allowInsecureRequests(config);
    config[client.customFetch] = canale;
  }
  return { config, firma, metadati };
}

/** The Italian message for a provider the platform cannot trust now. */
function messaggioCatena(e: ErroreCatenaFiducia): string {
  if (e.motivo === "trust_mark_revocato") return messaggiIdentita.trustMarkRevocato;
  if (e.motivo === "trust_mark_stato_ignoto") return messaggiIdentita.trustMarkStatoIgnoto;
  return messaggiIdentita.federazioneNonValida;
}

/** A provider the sign-in page offers: its entity identifier and the name its federation metadata give. */
export interface FornitoreElencato {
  id: string;
  nome: string;
}

/** The list is walked again after this (each provider's chain is cached on its own until it expires). */
const DURATA_ELENCO_MS = 10 * 60 * 1000;
const elenchi = new Map<string, { scade: number; fornitori: FornitoreElencato[] }>();

/**
 * The providers the federation lists for a request at `origine` (catena-fiducia.server.ts fornitoriElencati), each
 * kept only if its own trust chain up to a configured Trust Anchor verifies (trust marks included), sorted by name.
 * Cached per process for DURATA_ELENCO_MS; a federation that cannot be listed gives an empty list (the sign-in then
 * uses the configured provider, which still needs its chain, or with Trust Anchors only says none is available).
 * Their origins go to the sign-in page's CSP (origini-fornitori.ts).
 */
export async function elencoFornitori(origine: string, adesso = new Date()): Promise<FornitoreElencato[]> {
  const impostazioni = impostazioniOidc(origine);
  if (!impostazioni) return [];
  const chiave = `${origine} ${impostazioni.emittente}`;
  const gia = elenchi.get(chiave);
  if (gia && gia.scade > adesso.getTime()) return gia.fornitori;
  const fornitori: FornitoreElencato[] = [];
  try {
    const { scaricatore, ancore, soloHttps } = await accessoFederazione(impostazioni);
    for (const id of await fornitoriElencati(ancore, scaricatore, adesso, soloHttps)) {
      try {
        const catena = await catenaFornitore(id, ancore, scaricatore, adesso, soloHttps);
        const nome = catena.metadati.federation_entity?.organization_name ?? catena.metadati.openid_provider?.organization_name;
        fornitori.push({ id, nome: typeof nome === "string" && nome.trim() ? nome.trim() : id });
      } catch (e) {
        if (!(e instanceof ErroreCatenaFiducia)) throw e;
        console.warn(`[oidc] fornitore elencato ${id} escluso (${e.motivo}): ${e.message}`);
      }
    }
  } catch (e) {
    console.warn(`[oidc] elenco dei fornitori non disponibile: ${e instanceof Error ? e.message : String(e)}`);
    return [];
  }
  fornitori.sort((a, b) => a.nome.localeCompare(b.nome, "it"));
  elenchi.set(chiave, { scade: adesso.getTime() + DURATA_ELENCO_MS, fornitori });
  registraOriginiFornitori(fornitori.map((f) => f.id));
  return fornitori;
}

/** The claims request of the authorization (SPID and CIE: attributes are asked by name, not by scope). */
export const RICHIESTA_CLAIM = {
  id_token: { acr: { essential: true } },
  userinfo: { given_name: null, family_name: null, [CLAIM_CODICE_FISCALE]: { essential: true } },
} as const;

/** A started sign-in: the provider's URL, and the token the browser keeps for the callback (app/http/identita.server.ts). */
export type AvvioAccesso = { ok: true; url: string; token: string } | { ok: false; messaggio: string; stato: 400 | 502 | 503 };

/**
 * Starts a sign-in for a request arriving at `origine`: a new state, nonce and PKCE verifier stored for this browser
 * (the returned random token goes in a cookie, its hash in the database), and the provider's authorization URL: a
 * signed request object asking level 2 or 3 (acr_values), the attributes (claims), a fresh authentication and the
 * person's consent (prompt=consent login).
 */
export async function avviaAccesso(origine: string, ritorno: string | null, adesso = new Date(), scelto: string | null = null): Promise<AvvioAccesso> {
  const configurate = impostazioniOidc(origine);
  if (!configurate) return { ok: false, messaggio: messaggiIdentita.fornitoreNonConfigurato, stato: 503 };
  // A provider chosen on the page must be one the federation lists (and whose chain verified); none chosen: the
  // configured one, or with Trust Anchors only the one provider they list (with several the person must choose).
  let emittente = scelto ?? configurate.emittente;
  if (!emittente) {
    const elencati = await elencoFornitori(origine, adesso);
    if (elencati.length === 0) return { ok: false, messaggio: messaggiIdentita.nessunFornitoreElencato, stato: 503 };
    if (elencati.length > 1) return { ok: false, messaggio: messaggiIdentita.fornitoreNonElencato, stato: 400 };
    emittente = elencati[0].id;
  } else if (emittente !== configurate.emittente && !(await elencoFornitori(origine, adesso)).some((f) => f.id === emittente)) {
    return { ok: false, messaggio: messaggiIdentita.fornitoreNonElencato, stato: 400 };
  }
  const impostazioni = { ...configurate, emittente };
  let fornitore: ConfigurazioneFornitore;
  try {
    fornitore = await configurazione(impostazioni, emittente);
  } catch (e) {
    if (!(e instanceof ErroreCatenaFiducia)) throw e;
    // Nothing is stored for a provider the platform cannot trust: no sign-in in progress, no chain.
    console.warn(`[oidc] catena di fiducia di ${emittente} non valida (${e.motivo}): ${e.message}`);
    return { ok: false, messaggio: messaggioCatena(e), stato: 502 };
  }
  const { config, firma } = fornitore;
  const stato = client.randomState();
  const nonce = client.randomNonce();
  const verificatore = client.randomPKCECodeVerifier();
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  const token = encodeBase32LowerCaseNoPadding(bytes);
  await db().delete(transazioniAccesso).where(lt(transazioniAccesso.scadeIl, adesso));
  await db().insert(transazioniAccesso).values({
    id: idDaToken(token),
    emittente,
    stato,
    nonce,
    verificatore,
    ritorno,
    scadeIl: new Date(adesso.getTime() + DURATA_TRANSAZIONE_MS),
  });
  const codeChallenge = await client.calculatePKCECodeChallenge(verificatore);
  const parametri = {
    redirect_uri: impostazioni.uriRitorno,
    scope: "openid",
    response_type: "code",
    code_challenge: codeChallenge,
    code_challenge_method: "S256",
    state: stato,
    nonce,
    prompt: "consent login",
    acr_values: [ACR_SPID[LIVELLO_MINIMO], ACR_SPID[3]].join(" "),
    claims: JSON.stringify(RICHIESTA_CLAIM),
    ui_locales: "it",
  };
  // The request object (iss = client_id, aud = the provider, iat, nbf, exp in 60 s, jti) carries every parameter; the
  // SPID profile also wants client_id, response_type, scope and the PKCE challenge in the query, with the same values.
  const url = await client.buildAuthorizationUrlWithJAR(config, parametri, firma);
  for (const nome of ["response_type", "scope", "code_challenge", "code_challenge_method"] as const) url.searchParams.set(nome, parametri[nome]);
  return { ok: true, url: url.href, token };
}

export type RitornoAccesso =
  | { ok: true; codiceFiscale: string; livello: number; emittente: string; ritorno: string | null }
  | { ok: false; motivo: string; messaggio: string };

/** The callback as it arrived: the browser's sign-in token (cookie), the origin, and the provider's query string. */
export interface RichiamoAccesso {
  token: string | null;
  origine: string;
  /** The callback URL's search part (`?code=…&state=…`, or `?error=…`). */
  parametri: string;
}

/**
 * The provider's answer at the callback: the sign-in in progress is taken (and deleted: one use), the code is
 * exchanged with its PKCE verifier, state and nonce are checked by openid-client, the ID token validated; then the
 * level and the codice fiscale are read. Any failure refuses the sign-in with an Italian message.
 */
export async function completaAccesso({ token, origine, parametri }: RichiamoAccesso, adesso = new Date()): Promise<RitornoAccesso> {
  const rifiuta = (motivo: string, messaggio: string = messaggiIdentita.accessoNonRiuscito) => ({ ok: false as const, motivo, messaggio });
  if (!token || !/^[a-z2-7]{32}$/.test(token)) return rifiuta("transazione_assente");
  const [t] = await db().delete(transazioniAccesso).where(eq(transazioniAccesso.id, idDaToken(token))).returning();
  if (!t || t.scadeIl <= adesso) return rifiuta("transazione_scaduta");
  const ricevuti = new URLSearchParams(parametri);
  if (ricevuti.get("error") === "access_denied") return rifiuta("annullato", messaggiIdentita.accessoAnnullato);
  const configurate = impostazioniOidc(origine);
  if (!configurate) return rifiuta("emittente_cambiato");
  if (t.emittente !== configurate.emittente && !(await elencoFornitori(origine, adesso)).some((f) => f.id === t.emittente)) return rifiuta("emittente_cambiato");
  const impostazioni = { ...configurate, emittente: t.emittente };
  let fornitore: ConfigurazioneFornitore;
  try {
    fornitore = await configurazione(impostazioni, t.emittente);
  } catch (e) {
    if (!(e instanceof ErroreCatenaFiducia)) throw e;
    console.warn(`[oidc] catena di fiducia di ${impostazioni.emittente} non valida al ritorno (${e.motivo}): ${e.message}`);
    return rifiuta("catena_fiducia", messaggioCatena(e));
  }
  const { config, metadati } = fornitore;
  // An ID token the provider encrypts to the platform (a JWE wrapping its signed JWT, OpenID Connect Core §10.2 and
  // Registration's id_token_encrypted_response_alg/enc) is accepted with the algorithms of the encrypted userinfo
  // (SPID/CIE OpenID Connect, "Algoritmi crittografici"); a signed-only one still is. openid-client decrypts it
  // with the platform's `cifratura` keys (by kid and alg) before its checks; anything else in a JWE is refused.
  client.enableDecryptingResponses(config, ALGORITMI_CONTENUTO, ...(await chiaviDiDecifratura(ALGORITMI_CHIAVE, adesso)));
  // The callback URL as registered (behind a proxy the request's URL may differ) with the provider's parameters.
  const corrente = new URL(impostazioni.uriRitorno);
  corrente.search = parametri;
  let claims: Record<string, unknown>;
  try {
    const risposta = await client.authorizationCodeGrant(config, corrente, {
      pkceCodeVerifier: t.verificatore,
      expectedState: t.stato,
      expectedNonce: t.nonce,
      idTokenExpected: true,
    });
    const idToken = risposta.claims();
    if (!idToken || !risposta.id_token) return rifiuta("id_token_assente");
    // openid-client checks the ID token's claims; its signature is checked here on the keys of the provider's
    // federation metadata (OpenID Connect Core §3.1.3.7, and the SPID/CIE rules: keys only from the trust chain).
    const jwks = metadati.jwks as JSONWebKeySet;
    // When the ID token came encrypted, the signed JWT inside it.
    const idTokenFirmato = client.getDecryptedResponses(risposta)?.id_token?.token_endpoint ?? risposta.id_token;
    await jwtVerify(idTokenFirmato, createLocalJWKSet(jwks), { algorithms: ["RS256", "RS512"], issuer: impostazioni.emittente, audience: impostazioni.idCliente });
    const endpoint = metadati.userinfo_endpoint;
    if (typeof endpoint !== "string") return rifiuta("userinfo_assente");
    const r = await client.fetchProtectedResource(config, risposta.access_token, new URL(endpoint), "GET", undefined, new Headers({ Accept: "application/jwt" }));
    if (r.status !== 200) return rifiuta("userinfo_non_valido");
    const userinfo = await leggiUserinfo(await r.text(), { emittente: impostazioni.emittente, idCliente: impostazioni.idCliente, jwks, sub: idToken.sub });
    claims = { ...userinfo, ...idToken };
  } catch (e) {
    console.warn(`[oidc] accesso rifiutato: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
    return rifiuta(e instanceof ErroreUserinfo ? `userinfo_${e.motivo}` : "risposta_non_valida");
  }
  const identita = identitaDaClaim(claims);
  if (!identita.ok) return rifiuta(identita.motivo, identita.messaggio);
  return { ok: true, codiceFiscale: identita.codiceFiscale, livello: identita.livello, emittente: t.emittente, ritorno: t.ritorno };
}

/** Tests switch databases between files: forget the providers' chains this process resolved. */
export function dimenticaConfigurazioniOidc(): void {
  dimenticaCateneFiducia();
  elenchi.clear();
}
