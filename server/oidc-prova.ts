// The local test OpenID provider (oidc-provider 9), mounted at /oidc-prova in the platform's own express server when
// no real provider is configured and the demo identities are on (development, tests, `npm start`; ADR 018). It stands in
// for the SPID and CIE providers: authorization code with PKCE, signed ID tokens with the SPID level in `acr`, the
// codice fiscale as the SPID attribute `fiscal_number`. Its login screen is the list of demo identities, with the
// attributes the service asks and the person's consent to send them.
//
// It requires of the platform what SPID and CIE require of a Relying Party (ADR 022): the authorization request only
// as a request object signed with the client's key (`request`, RS256, iat/exp/jti), with PKCE S256, `acr_values`,
// the claims request and `prompt=consent login`; client authentication at the token endpoint with private_key_jwt
// only (no client secret), the client's keys read from the platform's published JWKS (jwks_uri).
//
// - Issuer: `<public origin>/oidc-prova`, the origin as the platform sees it (same rules as the Remix adapter: trust
//   proxy, X-Forwarded-Host). One Provider instance per origin, a handful at most.
// - State: interactions, sessions, codes and grants in PostgreSQL (AdattatoreProva), keys in the database
//   (configurazioneProva): any worker or instance can continue a sign-in another one started.
// - Back channel: the platform's OpenID client (app/services/identita/oidc.server.ts, bundled by Remix) calls the
//   token, JWKS and userinfo endpoints through a fetch function this module registers on globalThis. It reaches the
//   provider of the right issuer on a loopback-only listener, whatever the public origin is (behind a proxy the
//   public origin may not be reachable from the server itself).
import { createHmac, timingSafeEqual } from "node:crypto";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import express, { type Request, type Response, type Router } from "express";
import Provider, { errors, type KoaContextOidc } from "oidc-provider";
import { ACR_SPID, CLAIM_CODICE_FISCALE, type LivelloSpid } from "../app/domain/identita";
import { messaggiIdentita } from "../app/testi/identita";
import { fornitoreDimostrativo, trovaIdentitaDimostrativa } from "../app/services/identita/fornitore.server";
import { jwksRelyingParty } from "../app/services/identita/chiavi.server";
import { AdattatoreProva } from "../app/services/identita/prova-adattatore.server";
import { configurazioneProva, ID_CLIENTE_PROVA } from "../app/services/identita/prova-configurazione.server";
import { CHIAVE_FETCH_PROVA, PERCORSO_PROVA, PERCORSO_RITORNO, type FetchProva } from "../app/services/identita/prova-comune";
import { percorsoFederazione, rispostaFederazioneProva } from "./oidc-prova-federazione";

const m = messaggiIdentita.prova;
const MAX_EMITTENTI = 8;
export const PERCORSO_JWKS_SERVIZIO = "/.well-known/jwks.json";
const ACR_AMMESSI = new Set<string>(Object.values(ACR_SPID));
const CLAIM_RILASCIATI = ["given_name", "family_name", CLAIM_CODICE_FISCALE];

/**
 * What the SPID and CIE profile requires in the request object beyond what oidc-provider checks itself (signature on
 * the client's keys, iss = client_id, aud = this issuer, exp): iat and jti, PKCE S256, acr_values with SPID levels
 * only, prompt "consent login" (or "consent"), a claims request naming the codice fiscale.
 */
export function verificaOggettoRichiesta(claims: Record<string, unknown>): string | null {
  for (const nome of ["iat", "exp", "jti"]) if (claims[nome] === undefined) return `manca ${nome}`;
  if (claims.code_challenge_method !== "S256" || typeof claims.code_challenge !== "string") return "serve PKCE S256";
  const acr = typeof claims.acr_values === "string" ? claims.acr_values.split(" ").filter(Boolean) : [];
  if (acr.length === 0 || !acr.every((v) => ACR_AMMESSI.has(v))) return "acr_values con i livelli SPID";
  const prompt = typeof claims.prompt === "string" ? claims.prompt.split(" ").sort().join(" ") : "";
  if (prompt !== "consent login" && prompt !== "consent") return 'prompt "consent login"';
  const richiesta = claims.claims as { userinfo?: Record<string, unknown> } | undefined;
  if (!richiesta || typeof richiesta !== "object" || !richiesta.userinfo || !(CLAIM_CODICE_FISCALE in richiesta.userinfo)) {
    return "richiesta dei claim con il codice fiscale";
  }
  return null;
}
const fornitori = new Map<string, Promise<Provider>>();

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The public origin of an express request, computed as @remix-run/express builds request.url. */
export function origineRichiesta(req: Request): string {
  const portaInoltrata = Number.parseInt(req.get("X-Forwarded-Host")?.split(":")[1] ?? "", 10);
  const portaHost = Number.parseInt(req.get("host")?.split(":")[1] ?? "", 10);
  const porta = Number.isSafeInteger(portaInoltrata) ? portaInoltrata : Number.isSafeInteger(portaHost) ? portaHost : "";
  return new URL(`${req.protocol}://${req.hostname}${porta ? `:${porta}` : ""}`).origin;
}

async function creaFornitore(origine: string): Promise<Provider> {
  const segreti = await configurazioneProva();
  const emittente = `${origine}${PERCORSO_PROVA}`;
  const provider = new Provider(emittente, {
    adapter: AdattatoreProva,
    jwks: segreti.jwks,
    cookies: {
      keys: segreti.chiaviCookie,
      names: { session: "prova_sessione", interaction: "prova_interazione", resume: "prova_ripresa" },
    },
    clients: [
      {
        client_id: ID_CLIENTE_PROVA,
        client_name: "OMNIA IS",
        redirect_uris: [`${origine}${PERCORSO_RITORNO}`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "private_key_jwt",
        token_endpoint_auth_signing_alg: "RS256",
        jwks_uri: `${origine}${PERCORSO_JWKS_SERVIZIO}`,
        require_signed_request_object: true,
        request_object_signing_alg: "RS256",
        id_token_signed_response_alg: "RS256",
        // A provider that encrypts its ID tokens too (optional in OpenID Connect, accepted by the platform, ADR 025).
        id_token_encrypted_response_alg: "RSA-OAEP-256",
        id_token_encrypted_response_enc: "A256CBC-HS512",
        // SPID/CIE OpenID Connect, "UserInfo Endpoint": a signed and encrypted JWT, to the client's `enc` key.
        userinfo_signed_response_alg: "RS256",
        userinfo_encrypted_response_alg: "RSA-OAEP-256",
        userinfo_encrypted_response_enc: "A256CBC-HS512",
      },
    ],
    clientAuthMethods: ["private_key_jwt"],
    enabledJWA: { clientAuthSigningAlgValues: ["RS256"], requestObjectSigningAlgValues: ["RS256"] },
    // The client's JWKS is the platform's, read in this process (a real provider fetches it over HTTPS; behind a proxy
    // this server may not reach its own public origin). Nothing else is fetched.
    async fetch(url: string | URL) {
      if (String(url) !== `${origine}${PERCORSO_JWKS_SERVIZIO}`) throw new Error(`il fornitore di prova non scarica ${String(url)}`);
      return new Response(JSON.stringify(await jwksRelyingParty()), {
        headers: { "content-type": "application/json", "cache-control": "max-age=60" },
      });
    },
    acrValues: Object.values(ACR_SPID),
    scopes: ["openid", "profile"],
    claims: {
      openid: ["sub"],
      profile: CLAIM_RILASCIATI,
      acr: null,
      auth_time: null,
    },
    features: {
      devInteractions: { enabled: false },
      claimsParameter: { enabled: true },
      userinfo: { enabled: true },
      jwtUserinfo: { enabled: true },
      encryption: { enabled: true },
      rpInitiatedLogout: { enabled: false },
      requestObjects: {
        enabled: true,
        requireSignedRequestObject: true,
        async assertJwtClaimsAndHeader(_ctx: unknown, claims: Record<string, unknown>) {
          const motivo = verificaOggettoRichiesta(claims);
          if (motivo) throw new errors.InvalidRequestObject(`oggetto della richiesta non conforme: ${motivo}`);
        },
      },
    },
    pkce: { required: () => true },
    ttl: { AccessToken: 300, AuthorizationCode: 60, IdToken: 300, Interaction: 900, Session: 900, Grant: 900 },
    interactions: { url: (_ctx: unknown, interazione: { uid: string }) => `${PERCORSO_PROVA}/interazione/${interazione.uid}` },
    async findAccount(_ctx: unknown, sub: string) {
      const identita = await trovaIdentitaDimostrativa(sub);
      if (!identita) return undefined;
      return {
        accountId: sub,
        async claims() {
          return {
            sub,
            given_name: identita.nome,
            family_name: identita.cognome,
            [CLAIM_CODICE_FISCALE]: `TINIT-${identita.codiceFiscale}`,
          };
        },
      };
    },
    async renderError(ctx: KoaContextOidc) {
      ctx.type = "html";
      ctx.body = paginaErrore();
    },
  });
  // The request's protocol and host are set below from express's own (trust-proxy aware) reading, so the provider may
  // trust the X-Forwarded-* headers it gets: a client cannot forge them past express.
  provider.proxy = true;
  provider.on("server_error", (_ctx, errore) => console.warn("[oidc-prova] errore del fornitore:", errore));
  return provider;
}

/** The provider of this public origin (created on first use). */
export function fornitorePer(origine: string): Promise<Provider> {
  let p = fornitori.get(origine);
  if (p) {
    fornitori.delete(origine);
    fornitori.set(origine, p); // most recently used last
    return p;
  }
  p = creaFornitore(origine).catch((e) => {
    fornitori.delete(origine);
    throw e;
  });
  fornitori.set(origine, p);
  while (fornitori.size > MAX_EMITTENTI) fornitori.delete(fornitori.keys().next().value!);
  return p;
}

function pagina(titolo: string, corpo: string): string {
  return `<!doctype html><html lang="it"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(titolo)} — ${escapeHtml(m.titolo)}</title><link rel="stylesheet" href="/css/app.css"></head><body><header class="border-bottom py-3 mb-4"><div class="container"><p class="h5 mb-0">${escapeHtml(m.titolo)}</p><p class="small mb-0">Ambiente dimostrativo: nessuna identità reale</p></div></header><main class="container mb-5" id="contenuto">${corpo}</main></body></html>`;
}

function paginaErrore(): string {
  return pagina(
    `Errore: ${m.erroreTitolo}`,
    `<h1>${escapeHtml(m.erroreTitolo)}</h1><p class="lead">${escapeHtml(m.erroreTesto)}</p><p><a href="/accedi">${escapeHtml(m.torna)}</a></p>`,
  );
}

/** The attributes the service asked in its claims request that this provider releases. */
function claimRichiesti(claims: unknown): string[] {
  let richiesta: { userinfo?: Record<string, unknown>; id_token?: Record<string, unknown> } = {};
  try {
    richiesta = typeof claims === "string" ? JSON.parse(claims) : {};
  } catch {
    return [];
  }
  const nomi = new Set([...Object.keys(richiesta.userinfo ?? {}), ...Object.keys(richiesta.id_token ?? {})]);
  return CLAIM_RILASCIATI.filter((c) => nomi.has(c));
}

function tokenCsrf(chiave: string, uid: string): string {
  return createHmac("sha256", chiave).update(`interazione:${uid}`).digest("base64url");
}

function csrfValido(chiave: string, uid: string, ricevuto: unknown): boolean {
  if (typeof ricevuto !== "string") return false;
  const atteso = Buffer.from(tokenCsrf(chiave, uid));
  const dato = Buffer.from(ricevuto);
  return atteso.length === dato.length && timingSafeEqual(atteso, dato);
}

async function paginaAccesso(uid: string, claims: unknown, errore?: string): Promise<string> {
  const { chiaveCsrf } = await configurazioneProva();
  const csrf = `<input type="hidden" name="csrf" value="${escapeHtml(tokenCsrf(chiaveCsrf, uid))}">`;
  const azione = `${PERCORSO_PROVA}/interazione/${encodeURIComponent(uid)}`;
  const elenco = await fornitoreDimostrativo.elenco();
  const voci = elenco
    .map(
      (i) =>
        `<li class="mb-3"><form method="post" action="${azione}">${csrf}<input type="hidden" name="livello" value="2"><input type="hidden" name="codiceFiscale" value="${escapeHtml(i.codiceFiscale)}"><button type="submit" class="btn btn-outline-primary text-start">${escapeHtml(m.accediCome)} ${escapeHtml(i.nome)} ${escapeHtml(i.cognome)}<span class="d-block small">${escapeHtml(i.ruoli.join(", "))} — ${escapeHtml(m.codiceFiscale)} ${escapeHtml(i.codiceFiscale)}</span></button></form></li>`,
    )
    .join("");
  const opzioni = elenco
    .map((i) => `<option value="${escapeHtml(i.codiceFiscale)}">${escapeHtml(i.nome)} ${escapeHtml(i.cognome)} (${escapeHtml(i.codiceFiscale)})</option>`)
    .join("");
  const riepilogo = errore
    ? `<div class="alert alert-danger" role="alert" tabindex="-1" id="riepilogo-errori"><h2 class="h5">C'è un problema</h2><p class="mb-0">${escapeHtml(errore)}</p></div>`
    : "";
  return pagina(
    errore ? `Errore: ${m.titolo}` : m.titolo,
    `${riepilogo}<h1>${escapeHtml(m.titolo)}</h1><p class="lead">${escapeHtml(m.intro)}</p><p>${escapeHtml(m.servizio)}: <strong>OMNIA IS</strong></p>` +
      `<p>${escapeHtml(m.consenso)}</p><ul>${claimRichiesti(claims).map((c) => `<li>${escapeHtml(m.datiRichiesti[c as keyof typeof m.datiRichiesti] ?? c)}</li>`).join("")}</ul>` +
      `<h2 class="h4 mt-4">${escapeHtml(m.elenco)}</h2><ul class="list-unstyled">${voci}</ul>` +
      `<h2 class="h4 mt-5">${escapeHtml(m.livello1Titolo)}</h2><p>${escapeHtml(m.livello1Intro)}</p>` +
      `<form method="post" action="${azione}">${csrf}<input type="hidden" name="livello" value="1"><div class="form-group mb-3"><label for="identita-livello-1" class="form-label">${escapeHtml(m.identita)}</label><select id="identita-livello-1" name="codiceFiscale" class="form-select">${opzioni}</select></div><button type="submit" class="btn btn-outline-secondary">${escapeHtml(m.accediLivello1)}</button></form>` +
      `<form method="post" action="${azione}/annulla" class="mt-5">${csrf}<button type="submit" class="btn btn-link px-0">${escapeHtml(m.annulla)}</button></form>`,
  );
}

/**
 * Gives the provider express's reading of protocol and host (trust proxy honoured), then hands the request over
 * with the mount path removed (express did that already for a router mount).
 */
function inoltra(provider: Provider, req: Request, res: Response, origine: string): void {
  const u = new URL(origine);
  req.headers["x-forwarded-proto"] = u.protocol.slice(0, -1);
  req.headers["x-forwarded-host"] = u.host;
  provider.callback()(req, res);
}

/** The router mounted at /oidc-prova: the login screen, then everything else to oidc-provider. */
export function routerProva(): Router {
  const router = express.Router();
  const modulo = express.urlencoded({ extended: false, limit: "8kb", parameterLimit: 10 });

  router.get("/interazione/:uid", async (req, res, next) => {
    try {
      const provider = await fornitorePer(origineRichiesta(req));
      const interazione = await provider.interactionDetails(req, res).catch(() => null);
      res.setHeader("Cache-Control", "no-store");
      if (!interazione || interazione.uid !== req.params.uid) {
        res.status(400).type("html").send(paginaErrore());
        return;
      }
      res.type("html").send(await paginaAccesso(interazione.uid, interazione.params.claims));
    } catch (e) {
      next(e);
    }
  });

  router.post("/interazione/:uid/annulla", modulo, async (req, res, next) => {
    try {
      const provider = await fornitorePer(origineRichiesta(req));
      const interazione = await provider.interactionDetails(req, res).catch(() => null);
      const { chiaveCsrf } = await configurazioneProva();
      if (!interazione || interazione.uid !== req.params.uid || !csrfValido(chiaveCsrf, interazione.uid, req.body?.csrf)) {
        res.status(interazione ? 403 : 400).type("html").send(paginaErrore());
        return;
      }
      await provider.interactionFinished(req, res, { error: "access_denied", error_description: "annullato dall'utente" }, { mergeWithLastSubmission: false });
    } catch (e) {
      next(e);
    }
  });

  router.post("/interazione/:uid", modulo, async (req, res, next) => {
    try {
      const provider = await fornitorePer(origineRichiesta(req));
      const interazione = await provider.interactionDetails(req, res).catch(() => null);
      const { chiaveCsrf } = await configurazioneProva();
      res.setHeader("Cache-Control", "no-store");
      if (!interazione || interazione.uid !== req.params.uid) {
        res.status(400).type("html").send(paginaErrore());
        return;
      }
      if (!csrfValido(chiaveCsrf, interazione.uid, req.body?.csrf)) {
        res.status(403).type("html").send(paginaErrore());
        return;
      }
      const cf = typeof req.body?.codiceFiscale === "string" ? req.body.codiceFiscale : "";
      const livello = Number(req.body?.livello) as LivelloSpid;
      const identita = /^[A-Z0-9]{16}$/.test(cf) ? await trovaIdentitaDimostrativa(cf) : null;
      if (!identita || ![1, 2, 3].includes(livello)) {
        res.status(422).type("html").send(await paginaAccesso(interazione.uid, interazione.params.claims, m.identitaNonValida));
        return;
      }
      // Another person signed in before in this browser: their provider session ends here (oidc-provider would
      // otherwise answer with its own English logout page), as a national provider asks each person to authenticate.
      const precedente = interazione.session as { accountId?: string; cookie?: string } | undefined;
      if (precedente?.accountId && precedente.accountId !== identita.codiceFiscale) {
        if (precedente.cookie) await new AdattatoreProva("Session").destroy(precedente.cookie);
        delete interazione.session;
        await interazione.save(Math.max(1, interazione.exp - Math.floor(Date.now() / 1000)));
      }
      // The consent given on the same screen (prompt=consent): a grant of the claims the service asked, no more.
      const grant = new provider.Grant({ accountId: identita.codiceFiscale, clientId: String(interazione.params.client_id) });
      grant.addOIDCScope("openid");
      grant.addOIDCClaims([...claimRichiesti(interazione.params.claims), "acr", "auth_time"]);
      const grantId = await grant.save();
      await provider.interactionFinished(
        req,
        res,
        {
          login: { accountId: identita.codiceFiscale, acr: ACR_SPID[livello], amr: livello === 1 ? ["pwd"] : ["pwd", "otp"] },
          consent: { grantId },
        },
        { mergeWithLastSubmission: false },
      );
    } catch (e) {
      next(e);
    }
  });

  // The local federation (entity configurations, fetch, list and trust mark status endpoints), before oidc-provider.
  // The trust mark status request is a POST (OpenID Federation 1.0 §8.4.1): its form fields are read as parameters.
  const moduloStato = express.urlencoded({ extended: false, limit: "16kb", parameterLimit: 5 });
  router.all(["/.well-known/openid-federation", "/federazione/*"], moduloStato, async (req, res, next) => {
    try {
      if (req.method !== "GET" && req.method !== "POST") {
        next();
        return;
      }
      const origine = origineRichiesta(req);
      const parametri = new URLSearchParams(req.query as Record<string, string>);
      if (req.method === "POST") for (const [k, v] of Object.entries((req.body ?? {}) as Record<string, unknown>)) if (typeof v === "string") parametri.set(k, v);
      const r = await rispostaFederazioneProva(origine, req.path, parametri, () => discoveryProva(origine), new Date(), req.method);
      if (!r) {
        next();
        return;
      }
      res.status(r.stato).type(r.tipo).setHeader("Cache-Control", "no-store");
      res.send(r.corpo);
    } catch (e) {
      next(e);
    }
  });

  router.use(async (req, res, next) => {
    try {
      const origine = origineRichiesta(req);
      inoltra(await fornitorePer(origine), req, res, origine);
    } catch (e) {
      next(e);
    }
  });
  return router;
}

let canaleInterno: Promise<string> | undefined;

/** The loopback-only listener of the back channel (token, JWKS, userinfo, discovery); its base URL. */
function avviaCanaleInterno(): Promise<string> {
  canaleInterno ??= new Promise((ok, ko) => {
    const server = http.createServer(async (req: IncomingMessage, res: ServerResponse) => {
      try {
        const emittente = new URL(String(req.headers["x-omnia-emittente"] ?? ""));
        if (!/^https?:$/.test(emittente.protocol) || emittente.pathname !== PERCORSO_PROVA) throw new Error("emittente");
        const url = req.url ?? "/";
        if (!url.startsWith(`${PERCORSO_PROVA}/`)) throw new Error("percorso");
        const indirizzo = new URL(url, emittente.origin);
        const sotto = indirizzo.pathname.slice(PERCORSO_PROVA.length);
        if (percorsoFederazione(sotto)) {
          const parametri = new URLSearchParams(indirizzo.searchParams);
          if (req.method === "POST") {
            // The trust mark status request's form (a few kilobytes: a trust mark).
            let corpo = "";
            for await (const pezzo of req) {
              corpo += String(pezzo);
              if (corpo.length > 16_000) throw new Error("corpo");
            }
            for (const [k, v] of new URLSearchParams(corpo)) parametri.set(k, v);
          }
          const r = await rispostaFederazioneProva(emittente.origin, sotto, parametri, () => discoveryProva(emittente.origin), new Date(), req.method ?? "GET");
          res.statusCode = r?.stato ?? 404;
          res.setHeader("Content-Type", r?.tipo ?? "text/plain");
          res.end(r?.corpo ?? "");
          return;
        }
        // As an express mount would: the provider finds its mount path from originalUrl minus url.
        (req as IncomingMessage & { originalUrl?: string }).originalUrl = url;
        req.url = url.slice(PERCORSO_PROVA.length);
        req.headers["x-forwarded-proto"] = emittente.protocol.slice(0, -1);
        req.headers["x-forwarded-host"] = emittente.host;
        req.headers.host = emittente.host;
        (await fornitorePer(emittente.origin)).callback()(req, res);
      } catch {
        res.statusCode = 400;
        res.end();
      }
    });
    server.on("error", ko);
    server.listen(0, "127.0.0.1", () => ok(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
    server.unref();
  });
  return canaleInterno;
}

/** The provider's discovery document at this origin, read through the loopback listener (for its federation metadata). */
async function discoveryProva(origine: string): Promise<Record<string, unknown>> {
  const r = await fetch(`${await avviaCanaleInterno()}${PERCORSO_PROVA}/.well-known/openid-configuration`, {
    headers: { "x-omnia-emittente": `${origine}${PERCORSO_PROVA}` },
  });
  if (r.status !== 200) throw new Error(`discovery del fornitore di prova: HTTP ${r.status}`);
  return (await r.json()) as Record<string, unknown>;
}

/** Registers the back channel for the OpenID client of this process (see the top of this file). */
export function registraCanaleProva(): void {
  const f: FetchProva = async (url, init) => {
    const base = await avviaCanaleInterno();
    const destinazione = new URL(url);
    const headers = new Headers(init?.headers);
    headers.set("x-omnia-emittente", `${destinazione.origin}${PERCORSO_PROVA}`);
    return fetch(`${base}${destinazione.pathname}${destinazione.search}`, { ...init, headers, redirect: "manual" });
  };
  (globalThis as Record<symbol, unknown>)[CHIAVE_FETCH_PROVA] = f;
}
