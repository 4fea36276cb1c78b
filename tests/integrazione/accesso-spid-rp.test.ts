// What SPID and CIE require of a Relying Party (ADR 022), proved against the local provider that requires it too:
// the authorization request only as a request object signed with the platform's key (PKCE S256, acr_values SpidL2 and
// SpidL3, the claims request, prompt=consent login), private_key_jwt at the token endpoint (a client secret is
// refused), the public keys at /.well-known/jwks.json, the entity configuration signed with the federation key, and
// a key rotation that announces the new key before it signs.
import { createPublicKey, generateKeyPairSync, verify } from "node:crypto";
import { describe, expect, it } from "vitest";
import { OPERATORE_PADOVA } from "#db/seed/index";
import * as jwksRotta from "~/routes/[.well-known].jwks[.json]";
import * as federazioneRotta from "~/routes/[.well-known].openid-federation";
import { chiaveDiFirma, firmaJws, impronta, jwksPubblico, ruotaChiave } from "~/services/identita/chiavi.server";
import { contenutoConfigurazioneEntita } from "~/services/identita/federazione.server";
import { ID_CLIENTE_PROVA } from "~/services/identita/prova-configurazione.server";
import { ACR_SPID, CLAIM_CODICE_FISCALE } from "~/domain/identita";
import { verificaOggettoRichiesta } from "../../server/oidc-prova";
import { Biscotti } from "../../bench/lib/http";
import { usaDatabaseDiTest } from "../database";
import { accediOidc, alFornitore, avviaAutorizzazione, origineProva, usaFornitoreProva } from "../oidc";
import { contesto } from "../richieste";

usaDatabaseDiTest();
usaFornitoreProva();

type Jwt = { intestazione: Record<string, unknown>; contenuto: Record<string, unknown>; firmato: string; firma: Buffer };

function decodifica(jwt: string): Jwt {
  const [h, p, f] = jwt.split(".");
  const parse = (x: string) => JSON.parse(Buffer.from(x, "base64url").toString("utf8")) as Record<string, unknown>;
  return { intestazione: parse(h), contenuto: parse(p), firmato: `${h}.${p}`, firma: Buffer.from(f ?? "", "base64url") };
}

function firmaValida(jwt: Jwt, chiavi: { keys: ReadonlyArray<{ kid: string } | Record<string, unknown>> }): boolean {
  const jwk = chiavi.keys.find((k) => k.kid === jwt.intestazione.kid);
  if (!jwk || jwt.intestazione.alg !== "RS256") return false;
  return verify("RSA-SHA256", Buffer.from(jwt.firmato), createPublicKey({ key: jwk as never, format: "jwk" }), jwt.firma);
}

async function jwksPubblicato(): Promise<{ keys: Array<Record<string, unknown>> }> {
  const r = (await jwksRotta.loader()) as Response;
  expect(r.status).toBe(200);
  return (await r.json()) as { keys: Array<Record<string, unknown>> };
}

/** The provider's answer to the browser following this authorization URL (no redirect followed). */
async function alServizioDiAutorizzazione(u: URL): Promise<Response> {
  return alFornitore(origineProva(), u, new Biscotti());
}

/** An authorization URL with this request object in place of the platform's. */
function conRichiesta(u: URL, request: string | null): URL {
  const nuova = new URL(u);
  if (request === null) nuova.searchParams.delete("request");
  else nuova.searchParams.set("request", request);
  return nuova;
}

/**
 * A refused authorization: the provider sends the browser back to the platform with the error and no code (OAuth 2.0
 * §4.1.2.1: the client and its redirect URI are known), or shows its error page when even those cannot be trusted.
 */
function rifiutata(r: Response, errori = ["invalid_request", "invalid_request_object"]): void {
  if (r.status === 400) return;
  expect(r.status).toBe(303);
  const verso = new URL(r.headers.get("Location")!);
  expect(verso.pathname).toBe("/accedi/ritorno");
  expect(errori).toContain(verso.searchParams.get("error"));
  expect(verso.searchParams.has("code")).toBe(false);
}

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");

describe("richiesta di autenticazione come SPID e CIE la chiedono al Relying Party", () => {
  it("un oggetto request firmato RS256 con la chiave pubblicata: PKCE S256, acr_values, claims, prompt=consent login", async () => {
    const { autorizzazione } = await avviaAutorizzazione();
    // In the query only what the SPID profile asks beside the request object; state and nonce travel signed.
    expect([...autorizzazione.searchParams.keys()].sort()).toEqual(
      ["client_id", "code_challenge", "code_challenge_method", "request", "response_type", "scope"].sort(),
    );
    const jwt = decodifica(autorizzazione.searchParams.get("request")!);
    expect(firmaValida(jwt, await jwksPubblicato())).toBe(true);
    const c = jwt.contenuto;
    expect(c).toMatchObject({
      iss: ID_CLIENTE_PROVA,
      client_id: ID_CLIENTE_PROVA,
      aud: `${origineProva()}/oidc-prova`,
      response_type: "code",
      scope: "openid",
      code_challenge_method: "S256",
      code_challenge: autorizzazione.searchParams.get("code_challenge"),
      prompt: "consent login",
      acr_values: `${ACR_SPID[2]} ${ACR_SPID[3]}`,
      redirect_uri: `${origineProva()}/accedi/ritorno`,
      claims: { id_token: { acr: { essential: true } }, userinfo: { [CLAIM_CODICE_FISCALE]: { essential: true } } },
    });
    expect(typeof c.state).toBe("string");
    expect(typeof c.nonce).toBe("string");
    expect(typeof c.jti).toBe("string");
    expect(Number(c.exp) - Number(c.iat)).toBeGreaterThan(0);
    expect(Number(c.exp) - Number(c.iat)).toBeLessThanOrEqual(300);
  });

  it("il fornitore mostra i dati chiesti e il consenso nella stessa pagina dell'identità", async () => {
    const { autorizzazione } = await avviaAutorizzazione();
    const browser = new Biscotti();
    let r = await alFornitore(origineProva(), autorizzazione, browser);
    for (let i = 0; r.status >= 300 && r.status < 400 && i < 5; i++) r = await alFornitore(origineProva(), new URL(r.headers.get("Location")!, origineProva()), browser);
    const html = await r.text();
    expect(r.status).toBe(200);
    expect(html).toContain("acconsenti a trasmetterli");
    expect(html).toContain("<li>codice fiscale</li>");
  });

  it("il fornitore rifiuta una richiesta senza oggetto firmato (parametri in chiaro)", async () => {
    const { autorizzazione } = await avviaAutorizzazione();
    const { contenuto } = decodifica(autorizzazione.searchParams.get("request")!);
    const inChiaro = conRichiesta(autorizzazione, null);
    for (const [k, v] of Object.entries(contenuto)) {
      if (["iss", "aud", "iat", "exp", "nbf", "jti"].includes(k)) continue;
      inChiaro.searchParams.set(k, typeof v === "string" ? v : JSON.stringify(v));
    }
    const r = await alServizioDiAutorizzazione(inChiaro);
    rifiutata(r, ["invalid_request"]);
    expect(new URL(r.headers.get("Location")!).searchParams.get("error_description")).toBe("Request Object must be used by this client");
  });

  it("il fornitore rifiuta un oggetto non firmato (alg none), firmato con un'altra chiave o manomesso", async () => {
    const { autorizzazione } = await avviaAutorizzazione();
    const jwt = decodifica(autorizzazione.searchParams.get("request")!);
    const nessuna = `${b64({ alg: "none" })}.${b64(jwt.contenuto)}.`;
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const altra = await firmaJws({ typ: "oauth-authz-req+jwt" }, jwt.contenuto, {
      kid: String(jwt.intestazione.kid),
      chiave: await crypto.subtle.importKey("jwk", privateKey.export({ format: "jwk" }), { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" }, false, ["sign"]),
    });
    const manomesso = `${b64(jwt.intestazione)}.${b64({ ...jwt.contenuto, acr_values: ACR_SPID[1] })}.${jwt.firma.toString("base64url")}`;
    for (const request of [nessuna, altra, manomesso]) {
      rifiutata(await alServizioDiAutorizzazione(conRichiesta(autorizzazione, request)), ["invalid_request_object"]);
    }
  });

  it("il fornitore rifiuta un oggetto firmato bene ma senza acr_values, senza prompt=consent login o senza la richiesta dei claim", async () => {
    const { autorizzazione } = await avviaAutorizzazione();
    const { contenuto, intestazione } = decodifica(autorizzazione.searchParams.get("request")!);
    const chiave = await chiaveDiFirma("oidc");
    const senza = (k: string) => Object.fromEntries(Object.entries(contenuto).filter(([n]) => n !== k));
    const varianti = [senza("acr_values"), { ...contenuto, acr_values: ACR_SPID[1].replace("L1", "L9") }, { ...contenuto, prompt: "login" }, senza("claims"), senza("jti")];
    for (const v of varianti) {
      const request = await firmaJws({ typ: intestazione.typ }, { ...v, jti: v.jti === undefined ? undefined : `${String(v.jti)}-${Math.random()}` }, chiave);
      rifiutata(await alServizioDiAutorizzazione(conRichiesta(autorizzazione, request)), ["invalid_request_object"]);
    }
    // The same object, signed again with the platform's key, is accepted: it is the content that was refused.
    const r = await alServizioDiAutorizzazione(conRichiesta(autorizzazione, await firmaJws({ typ: intestazione.typ }, { ...contenuto, jti: "nuovo" }, chiave)));
    expect(r.status).toBe(303);
    expect(r.headers.get("Location")).toMatch(/\/oidc-prova\/interazione\//);
  });

  it("le regole dell'oggetto della richiesta (funzione pura del fornitore di prova)", () => {
    const base = {
      iat: 1,
      exp: 2,
      jti: "j",
      code_challenge: "c",
      code_challenge_method: "S256",
      acr_values: `${ACR_SPID[2]} ${ACR_SPID[3]}`,
      prompt: "consent login",
      claims: { userinfo: { [CLAIM_CODICE_FISCALE]: null } },
    };
    expect(verificaOggettoRichiesta(base)).toBeNull();
    expect(verificaOggettoRichiesta({ ...base, prompt: "login consent" })).toBeNull();
    expect(verificaOggettoRichiesta({ ...base, code_challenge_method: "plain" })).toMatch(/PKCE/);
    expect(verificaOggettoRichiesta({ ...base, acr_values: "" })).toMatch(/acr_values/);
    expect(verificaOggettoRichiesta({ ...base, prompt: "none" })).toMatch(/prompt/);
    expect(verificaOggettoRichiesta({ ...base, claims: { userinfo: { given_name: null } } })).toMatch(/codice fiscale/);
  });
});

describe("autenticazione del client al token endpoint: solo private_key_jwt", () => {
  async function alToken(corpo: URLSearchParams, intestazioni: Record<string, string> = {}): Promise<Response> {
    return fetch(`${origineProva()}/oidc-prova/token`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", ...intestazioni },
      body: corpo,
    });
  }

  it("client_secret_basic e client_secret_post: invalid_client", async () => {
    const corpo = new URLSearchParams({ grant_type: "authorization_code", code: "qualsiasi", redirect_uri: `${origineProva()}/accedi/ritorno` });
    const basic = await alToken(corpo, { Authorization: `Basic ${Buffer.from(`${ID_CLIENTE_PROVA}:un-segreto`).toString("base64")}` });
    expect(basic.status).toBe(401);
    expect(((await basic.json()) as { error: string }).error).toBe("invalid_client");
    const post = await alToken(new URLSearchParams([...corpo, ["client_id", ID_CLIENTE_PROVA], ["client_secret", "un-segreto"]]));
    expect(post.status).toBe(401);
  });

  it("un'asserzione firmata con una chiave non pubblicata: invalid_client", async () => {
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const jwk = privateKey.export({ format: "jwk" });
    const adesso = Math.floor(Date.now() / 1000);
    const asserzione = await firmaJws(
      {},
      { iss: ID_CLIENTE_PROVA, sub: ID_CLIENTE_PROVA, aud: `${origineProva()}/oidc-prova`, iat: adesso, exp: adesso + 60, jti: `x${adesso}` },
      { kid: impronta(jwk), chiave: await crypto.subtle.importKey("jwk", jwk, { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" }, false, ["sign"]) },
    );
    const r = await alToken(
      new URLSearchParams({
        grant_type: "authorization_code",
        code: "qualsiasi",
        client_id: ID_CLIENTE_PROVA,
        client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
        client_assertion: asserzione,
      }),
    );
    expect(r.status).toBe(401);
    expect(((await r.json()) as { error: string }).error).toBe("invalid_client");
  });

  it("la discovery del fornitore dichiara solo private_key_jwt e richieste firmate", async () => {
    const r = await fetch(`${origineProva()}/oidc-prova/.well-known/openid-configuration`);
    const d = (await r.json()) as Record<string, unknown>;
    expect(d.token_endpoint_auth_methods_supported).toEqual(["private_key_jwt"]);
    expect(d.require_signed_request_object).toBe(true);
    expect(d.request_object_signing_alg_values_supported).toEqual(["RS256"]);
  });
});

describe("chiavi pubblicate, configurazione dell'entità, rotazione", () => {
  it("/.well-known/jwks.json: solo parti pubbliche RSA, kid = impronta RFC 7638; una chiave di firma e una di cifratura", async () => {
    const { keys } = await jwksPubblicato();
    expect(keys.map((k) => [k.use, k.alg])).toEqual([
      ["sig", "RS256"],
      ["enc", "RSA-OAEP-256"],
    ]);
    for (const k of keys) {
      expect(Object.keys(k).sort()).toEqual(["alg", "e", "kid", "kty", "n", "use"]);
      expect(k.kty).toBe("RSA");
      expect(k.kid).toBe(impronta(k));
      expect(Buffer.from(String(k.n), "base64url").length).toBeGreaterThanOrEqual(256);
    }
  });

  it("/.well-known/openid-federation: firmata con la chiave di federazione (diversa da quella OIDC), metadati del RP", async () => {
    const r = (await federazioneRotta.loader({ request: new Request(`${origineProva()}/.well-known/openid-federation`), params: {}, context: contesto })) as Response;
    expect(r.status).toBe(200);
    expect(r.headers.get("Content-Type")).toBe("application/entity-statement+jwt");
    const jwt = decodifica(await r.text());
    expect(jwt.intestazione.typ).toBe("entity-statement+jwt");
    const c = jwt.contenuto as Awaited<ReturnType<typeof contenutoConfigurazioneEntita>>;
    expect(firmaValida(jwt, c.jwks)).toBe(true);
    expect(c.iss).toBe(origineProva());
    expect(c.sub).toBe(c.iss);
    expect(c.exp).toBeGreaterThan(c.iat);
    const oidc = await jwksPubblicato();
    expect(c.metadata.openid_relying_party).toMatchObject({
      client_id: origineProva(),
      client_registration_types: ["automatic"],
      redirect_uris: [`${origineProva()}/accedi/ritorno`],
      token_endpoint_auth_method: "private_key_jwt",
      jwks: oidc,
    });
    expect(c.jwks.keys.map((k: { kid: string }) => k.kid)).not.toContain(oidc.keys[0].kid);
    expect(c.metadata.federation_entity.organization_name).toBe("OMNIA IS");
    expect(c.trust_marks).toEqual([]);
  });

  it("in produzione: identificativo, autorità e trust mark dall'ambiente", async () => {
    const env = {
      OIDC_CLIENT_ID: "https://omnia.inps.example/",
      OIDC_REDIRECT_URI: "https://omnia.inps.example/accedi/ritorno",
      OIDC_FEDERAZIONE_AUTORITA: "https://registry.spid.gov.it, https://registry.servizicie.interno.gov.it",
      OIDC_FEDERAZIONE_TRUST_MARK: JSON.stringify([{ id: "https://registry.spid.gov.it/openid_relying_party/public/", trust_mark: "eyJ.x.y" }]),
      OIDC_FEDERAZIONE_CONTATTO: "omnia@pec.example.it",
      NODE_ENV: "production",
    } as NodeJS.ProcessEnv;
    const c = await contenutoConfigurazioneEntita("https://omnia.inps.example", new Date(), env);
    expect(c.iss).toBe("https://omnia.inps.example/");
    expect(c.authority_hints).toEqual(["https://registry.spid.gov.it", "https://registry.servizicie.interno.gov.it"]);
    expect(c.trust_marks).toEqual([{ id: "https://registry.spid.gov.it/openid_relying_party/public/", trust_mark: "eyJ.x.y" }]);
    expect(c.metadata.openid_relying_party.redirect_uris).toEqual(["https://omnia.inps.example/accedi/ritorno"]);
    expect(c.metadata.federation_entity.contacts).toEqual(["omnia@pec.example.it"]);
  });

  it("rotazione: la nuova chiave è pubblicata prima di firmare; l'accesso continua con quella in uso, poi firma la nuova", async () => {
    const primaDi = await chiaveDiFirma("oidc");
    const adesso = new Date();
    const nuova = await ruotaChiave("oidc", 24 * 60 * 60 * 1000, adesso);
    expect((await jwksPubblicato()).keys.filter((k) => k.use === "sig").map((k) => k.kid)).toEqual([primaDi.kid, nuova]);
    expect((await chiaveDiFirma("oidc")).kid).toBe(primaDi.kid);
    expect((await accediOidc(OPERATORE_PADOVA.codiceFiscale)).risposta.status).toBe(303);
    // A day later the new key signs; the next rotation removes the first one.
    const domani = new Date(adesso.getTime() + 25 * 60 * 60 * 1000);
    expect((await jwksPubblico("oidc", domani)).keys).toHaveLength(2);
    await ruotaChiave("oidc", 0, domani);
    const dopo = (await jwksPubblico("oidc", domani)).keys.map((k) => k.kid);
    expect(dopo).not.toContain(primaDi.kid);
    expect(dopo[0]).toBe(nuova);
  });
});
