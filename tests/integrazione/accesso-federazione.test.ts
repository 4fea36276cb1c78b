// The identity provider trusted only through its OpenID Federation trust chain (ADR 025; SPID/CIE OpenID Connect,
// "Acquisire i Metadata"), and its userinfo only as a signed and encrypted JWT ("UserInfo Endpoint"). The local test
// provider stands in for a SPID/CIE provider below a local intermediary and Trust Anchor (server/oidc-prova-federazione.ts);
// the faults are made on the wire, between the platform and the federation, by wrapping the back channel the platform
// fetches through: a statement tampered with, expired, an unknown Trust Anchor, authority_hints that lead nowhere,
// a userinfo answer not encrypted or signed by someone else. Each is refused with the Italian page and nothing stored.
import { generateKeyPairSync } from "node:crypto";
import { sql } from "drizzle-orm";
import { CompactEncrypt, createLocalJWKSet, decodeJwt, decodeProtectedHeader, importJWK, jwtVerify, SignJWT, compactDecrypt } from "jose";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { cateneFiducia, sessioni, transazioniAccesso } from "#db/schema";
import { db } from "#db/connection";
import { OPERATORE_PADOVA } from "#db/seed/index";
import * as accedi from "~/routes/accedi";
import * as risolvi from "~/routes/federazione.risolvi";
import * as federazioneRotta from "~/routes/[.well-known].openid-federation";
import { catenaFornitore, dimenticaCateneFiducia, ErroreCatenaFiducia } from "~/services/identita/catena-fiducia.server";
import { dimenticaConfigurazioniOidc, elencoFornitori } from "~/services/identita/oidc.server";
import { chiaveDiDecifratura, jwksRelyingParty, ruotaChiave } from "~/services/identita/chiavi.server";
import { annullaRevocheProva, configurazioneProva, jwkPubblicaProva, revocaTrustMarkProva } from "~/services/identita/prova-configurazione.server";
import { dimenticaStatiTrustMark, DURATA_RISPOSTA_MS, RISERVA_GUASTO_MS } from "~/services/identita/stato-trust-mark.server";
import { CHIAVE_FETCH_PROVA, entitaFederazioneProva, fetchProva, type FetchProva } from "~/services/identita/prova-comune";
import { messaggiIdentita } from "~/testi/identita";
import { idTrustMarkProva } from "../../server/oidc-prova-federazione";
import { usaDatabaseDiTest } from "../database";
import { accediOidc, inviaAccedi, origineProva, usaFornitoreProva } from "../oidc";
import { contesto, risposta } from "../richieste";
import { pagina } from "../pagina";
import { paginaResa } from "../remix-lato-server";

vi.mock("@remix-run/react", () => import("../remix-lato-server").then((m) => m.remixLatoServer()));

usaDatabaseDiTest();
usaFornitoreProva();

type Trasforma = (url: URL, r: Response) => Response | Promise<Response>;

let originale: FetchProva | undefined;
const visti: URL[] = [];

/** Wraps the back channel the platform fetches the federation, token and userinfo through. */
function intercetta(trasforma?: Trasforma): void {
  originale ??= fetchProva();
  const base = originale!;
  (globalThis as Record<symbol, unknown>)[CHIAVE_FETCH_PROVA] = (async (url, init) => {
    const u = new URL(url);
    visti.push(u);
    const r = await base(url, init);
    return trasforma ? trasforma(u, r) : r;
  }) satisfies FetchProva;
}

beforeEach(async () => {
  dimenticaCateneFiducia();
  await db().delete(cateneFiducia);
  visti.length = 0;
  intercetta();
});

afterEach(() => {
  (globalThis as Record<symbol, unknown>)[CHIAVE_FETCH_PROVA] = originale;
  delete process.env.OIDC_FEDERAZIONE_ANCORE;
});

const entita = () => entitaFederazioneProva(origineProva());

function statement(corpo: string): Response {
  return new Response(corpo, { status: 200, headers: { "Content-Type": "application/entity-statement+jwt" } });
}

/** A statement with this content, signed with a private JWK of the local federation (as its issuer would). */
async function firma(jwk: Record<string, unknown>, contenuto: Record<string, unknown>): Promise<string> {
  const { kid, use: _u, alg, ...materiale } = jwk;
  return new SignJWT(contenuto).setProtectedHeader({ alg: String(alg), kid: String(kid), typ: "entity-statement+jwt" }).sign(await importJWK(materiale, String(alg)));
}

/** A trust mark status answer signed by the local Trust Anchor, as its endpoint signs them. */
async function firmaStato(contenuto: Record<string, unknown>): Promise<string> {
  const { kid, use: _u, alg, ...materiale } = (await configurazioneProva()).federazione.ancora;
  return new SignJWT(contenuto).setProtectedHeader({ alg: String(alg), kid: String(kid), typ: "trust-mark-status-response+jwt" }).sign(await importJWK(materiale, String(alg)));
}

async function contaSessioni(): Promise<number> {
  const [{ n }] = await db().select({ n: sql<number>`count(*)::int` }).from(sessioni);
  return n;
}

/** POST /accedi refused: 502, the Italian page with its error summary, no sign-in in progress, no chain, no session. */
async function accessoRifiutato(): Promise<void> {
  const prima = await contaSessioni();
  const r = await inviaAccedi();
  expect(r.status).toBe(502);
  expect(r.headers.get("Location")).toBeNull();
  const dati = (await r.json()) as { errore: string };
  const p = pagina(paginaResa(accedi.default, { csrf: "x", configurato: true, prova: true, ritorno: null }, dati));
  expect(p.riepilogoErrori().voci.map((v) => v.testo)).toEqual([messaggiIdentita.federazioneNonValida]);
  expect(await db().select().from(transazioniAccesso)).toEqual([]);
  expect(await db().select().from(cateneFiducia)).toEqual([]);
  expect(await contaSessioni()).toBe(prima);
}

describe("catena di fiducia del fornitore (OpenID Federation)", () => {
  // The first sign-in of the file makes the keys (RSA) of the platform and of the provider: slow on a busy machine.
  it("catena valida: accesso riuscito con i metadati della catena (politica applicata), conservata fino alla scadenza e riusata", { timeout: 90_000 }, async () => {
    expect((await accediOidc(OPERATORE_PADOVA.codiceFiscale)).risposta.status).toBe(303);
    const percorsi = visti.map((u) => `${u.pathname}${u.search}`);
    expect(percorsi).toContain("/oidc-prova/.well-known/openid-federation");
    expect(percorsi).toContain(`/oidc-prova/federazione/intermedio/fetch?sub=${encodeURIComponent(entita().fornitore)}`);
    expect(percorsi).toContain(`/oidc-prova/federazione/ancora/fetch?sub=${encodeURIComponent(entita().intermedio)}`);
    // Never the provider's own discovery document.
    expect(percorsi.filter((p) => p.includes("openid-configuration"))).toEqual([]);

    const [riga] = await db().select().from(cateneFiducia);
    expect(riga).toMatchObject({ soggetto: entita().fornitore, ancora: entita().ancora });
    expect(riga.catena.map((j) => [decodeJwt(j).iss, decodeJwt(j).sub])).toEqual([
      [entita().fornitore, entita().fornitore],
      [entita().intermedio, entita().fornitore],
      [entita().ancora, entita().intermedio],
      [entita().ancora, entita().ancora],
    ]);
    const op = riga.metadati.openid_provider;
    // The provider (oidc-provider) offers GCM and client secrets too; the Trust Anchor's policy leaves what SPID/CIE allow.
    expect(op.userinfo_encryption_enc_values_supported).toEqual(["A128CBC-HS256", "A256CBC-HS512"]);
    expect(op.token_endpoint_auth_methods_supported).toEqual(["private_key_jwt"]);
    expect(op.code_challenge_methods_supported).toEqual(["S256"]);
    const scadenza = Math.min(...riga.catena.map((j) => Number(decodeJwt(j).exp)));
    expect(riga.scadeIl.getTime()).toBe(scadenza * 1000);

    // A second sign-in: the chain is not fetched again (memory), nor after the process forgets it (database).
    visti.length = 0;
    expect((await accediOidc(OPERATORE_PADOVA.codiceFiscale)).risposta.status).toBe(303);
    dimenticaCateneFiducia();
    expect((await accediOidc(OPERATORE_PADOVA.codiceFiscale)).risposta.status).toBe(303);
    // Only the trust mark's status is asked again (its answers outlive neither the process's memory nor 10 minutes).
    expect(visti.filter((u) => u.pathname.includes("federazione") || u.pathname.endsWith("openid-federation")).map((u) => u.pathname)).toEqual([
      "/oidc-prova/federazione/ancora/trust_mark_status",
    ]);
  });

  it("una catena scaduta non è riusata: si risolve di nuovo e, se gli statement sono scaduti, è rifiutata", async () => {
    const ancore = [{ id: entita().ancora, jwks: { keys: [jwkPubblicaProva((await configurazioneProva()).federazione.ancora)] } }];
    const scarica = (u: string, init?: RequestInit) => fetchProva()!(u, init);
    const c = await catenaFornitore(entita().fornitore, ancore, scarica, new Date(), false);
    expect(await catenaFornitore(entita().fornitore, ancore, scarica, new Date(c.scadeIl.getTime() - 1000), false)).toEqual(c);
    // An hour past the chain's expiry: statements served again now still expire before that.
    const dopo = new Date(c.scadeIl.getTime() + 3_600_000);
    await expect(catenaFornitore(entita().fornitore, ancore, scarica, dopo, false)).rejects.toMatchObject({ motivo: "scaduta" });
    // Outside development the resolver goes to https addresses only: the local (http) authority_hints lead nowhere.
    dimenticaCateneFiducia();
    await db().delete(cateneFiducia);
    await expect(catenaFornitore(entita().fornitore, ancore, scarica)).rejects.toMatchObject({ motivo: "authority_hints" });
  });

  it("statement manomesso (contenuto cambiato, firma originale): accesso rifiutato", async () => {
    intercetta(async (u, r) => {
      if (!u.pathname.endsWith("/federazione/intermedio/fetch")) return r;
      const [h, p, f] = (await r.text()).split(".");
      const contenuto = JSON.parse(Buffer.from(p, "base64url").toString()) as Record<string, unknown>;
      contenuto.exp = Number(contenuto.exp) + 365 * 24 * 3600;
      return statement(`${h}.${Buffer.from(JSON.stringify(contenuto)).toString("base64url")}.${f}`);
    });
    await accessoRifiutato();
  });

  it("statement firmato dal suo emittente ma scaduto: accesso rifiutato", async () => {
    const { federazione } = await configurazioneProva();
    intercetta(async (u, r) => {
      if (!u.pathname.endsWith("/federazione/intermedio/fetch")) return r;
      const contenuto = decodeJwt(await r.text());
      const ieri = Math.floor(Date.now() / 1000) - 24 * 3600;
      return statement(await firma(federazione.intermedio, { ...contenuto, iat: ieri - 60, exp: ieri }));
    });
    await accessoRifiutato();
  });

  it("Trust Anchor sconosciuto: la catena finisce a un'autorità non configurata, o la sua firma non è quella fissata", async () => {
    const { publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const altra = { ...publicKey.export({ format: "jwk" }), kid: "altra", use: "sig", alg: "RS256" };
    process.env.OIDC_FEDERAZIONE_ANCORE = JSON.stringify({ "https://registry.altra-federazione.example": { keys: [altra] } });
    await accessoRifiutato();
    // The right identifier with another key pinned: the local anchor's statements do not verify.
    process.env.OIDC_FEDERAZIONE_ANCORE = JSON.stringify({ [entita().ancora]: { keys: [altra] } });
    await accessoRifiutato();
  });

  it("authority_hints interrotte: verso un'entità che non risponde, o assenti", async () => {
    const { federazione } = await configurazioneProva();
    for (const hint of [[`${origineProva()}/oidc-prova/federazione/inesistente`], []]) {
      dimenticaCateneFiducia();
      intercetta(async (u, r) => {
        if (u.pathname !== "/oidc-prova/.well-known/openid-federation") return r;
        const contenuto = decodeJwt(await r.text());
        return statement(await firma(federazione.fornitore, { ...contenuto, authority_hints: hint }));
      });
      await accessoRifiutato();
    }
  });

  it("vincoli del Trust Anchor: max_path_length superato, un operatore critico sconosciuto, una politica che i metadati non rispettano", async () => {
    const { federazione } = await configurazioneProva();
    const varianti: Array<Record<string, unknown>> = [
      { constraints: { max_path_length: 0 } },
      { metadata_policy_crit: ["regexp"] },
      { metadata_policy: { openid_provider: { token_endpoint_auth_methods_supported: { superset_of: ["private_key_jwt", "tls_client_auth"] } } } },
    ];
    for (const variante of varianti) {
      dimenticaCateneFiducia();
      intercetta(async (u, r) => {
        if (!u.pathname.endsWith("/federazione/ancora/fetch")) return r;
        return statement(await firma(federazione.ancora, { ...decodeJwt(await r.text()), ...variante }));
      });
      await accessoRifiutato();
    }
    // The same statement signed again without a change is accepted: it is the constraint that refused.
    dimenticaCateneFiducia();
    intercetta(async (u, r) => (u.pathname.endsWith("/federazione/ancora/fetch") ? statement(await firma(federazione.ancora, decodeJwt(await r.text()))) : r));
    expect((await inviaAccedi()).status).toBe(303);
  });

  it("trust mark: quello del Trust Anchor è verificato e conservato; uno scaduto, di un emittente che il Trust Anchor non elenca, con un id diverso, firmato da altri, o nessuno: accesso rifiutato", async () => {
    // The sign-in the test before left started.
    await db().delete(transazioniAccesso);
    const { federazione } = await configurazioneProva();
    const ora = Math.floor(Date.now() / 1000);
    const id = idTrustMarkProva(entita().ancora);
    const tm = (jwk: Record<string, unknown>, contenuto: Record<string, unknown>) => firma(jwk, { iss: entita().ancora, sub: entita().fornitore, iat: ora, exp: ora + 3600, id, ...contenuto });
    const { privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const estranea = { ...privateKey.export({ format: "jwk" }), kid: federazione.ancora.kid, alg: "ES256" };
    const varianti: Array<() => Promise<unknown[]>> = [
      async () => [{ id, trust_mark: await tm(federazione.ancora, { iat: ora - 7200, exp: ora - 3600 }) }],
      // The intermediary is in the chain (its keys verified) but not listed by the Trust Anchor for this id.
      async () => [{ id, trust_mark: await tm(federazione.intermedio, { iss: entita().intermedio }) }],
      async () => [{ id, trust_mark: await tm(federazione.ancora, { id: `${id}/altro` }) }],
      async () => [{ id, trust_mark: await tm(estranea, {}) }],
      async () => [],
    ];
    for (const variante of varianti) {
      dimenticaCateneFiducia();
      const trustMarks = await variante();
      intercetta(async (u, r) => {
        if (u.pathname !== "/oidc-prova/.well-known/openid-federation") return r;
        return statement(await firma(federazione.fornitore, { ...decodeJwt(await r.text()), trust_marks: trustMarks }));
      });
      await accessoRifiutato();
    }
    // A valid one of an hour: accepted, and the chain kept no longer than it.
    dimenticaCateneFiducia();
    const valido = await tm(federazione.ancora, {});
    intercetta(async (u, r) => {
      if (u.pathname !== "/oidc-prova/.well-known/openid-federation") return r;
      return statement(await firma(federazione.fornitore, { ...decodeJwt(await r.text()), trust_marks: [{ id, trust_mark: valido }] }));
    });
    expect((await inviaAccedi()).status).toBe(303);
    const [riga] = await db().select().from(cateneFiducia);
    expect(riga.trustMark.map((t) => ({ id: t.id, trust_mark: t.trust_mark }))).toEqual([{ id, trust_mark: valido }]);
    expect(riga.scadeIl.getTime()).toBe((ora + 3600) * 1000);
  });

  it("signed_jwks_uri: le chiavi del fornitore dal JWKS firmato con la sua chiave di federazione; manomesso, firmato da altri o di altro tipo: accesso rifiutato", async () => {
    await db().delete(transazioniAccesso);
    const { federazione } = await configurazioneProva();
    // Without the inline jwks the keys come only from the signed JWKS, and the sign-in (ID token, userinfo) works.
    intercetta(async (u, r) => {
      if (u.pathname !== "/oidc-prova/.well-known/openid-federation") return r;
      const contenuto = decodeJwt(await r.text()) as { metadata: { openid_provider: Record<string, unknown> } };
      const { jwks: _j, ...op } = contenuto.metadata.openid_provider;
      return statement(await firma(federazione.fornitore, { ...contenuto, metadata: { ...contenuto.metadata, openid_provider: op } }));
    });
    expect((await accediOidc(OPERATORE_PADOVA.codiceFiscale)).risposta.status).toBe(303);
    expect(visti.map((u) => u.pathname)).toContain("/oidc-prova/federazione/fornitore/jwks");
    const [riga] = await db().select().from(cateneFiducia);
    expect((riga.metadati.openid_provider.jwks as { keys: unknown[] }).keys.length).toBeGreaterThan(0);

    const firmaJwks = async (jwk: Record<string, unknown>, contenuto: Record<string, unknown>, typ = "jwk-set+jwt") => {
      const { kid, use: _u, alg, ...materiale } = jwk;
      return new SignJWT(contenuto).setProtectedHeader({ alg: String(alg), kid: String(kid), typ }).sign(await importJWK(materiale, String(alg)));
    };
    const varianti: Array<(jwt: string) => Promise<string>> = [
      async (jwt) => {
        const [h, p, f] = jwt.split(".");
        const contenuto = { ...JSON.parse(Buffer.from(p, "base64url").toString()), keys: [] };
        return `${h}.${Buffer.from(JSON.stringify(contenuto)).toString("base64url")}.${f}`;
      },
      // Signed by the intermediary: a key of the chain, but not the provider's.
      async (jwt) => firmaJwks(federazione.intermedio, decodeJwt(jwt)),
      async (jwt) => firmaJwks(federazione.fornitore, decodeJwt(jwt), "JWT"),
    ];
    for (const variante of varianti) {
      dimenticaCateneFiducia();
      await db().delete(cateneFiducia);
      intercetta(async (u, r) => (u.pathname === "/oidc-prova/federazione/fornitore/jwks" ? new Response(await variante(await r.text()), { status: 200 }) : r));
      await accessoRifiutato();
    }
  });

  it("il resolver respinge una risposta che non è un entity statement, un errore HTTP, una risposta enorme", async () => {
    const ancore = [{ id: entita().ancora, jwks: { keys: [jwkPubblicaProva((await configurazioneProva()).federazione.ancora)] } }];
    const con = (r: () => Response) => catenaFornitore(entita().fornitore, ancore, async () => r(), new Date(), false);
    await expect(con(() => new Response("<html>", { status: 200 }))).rejects.toBeInstanceOf(ErroreCatenaFiducia);
    await expect(con(() => new Response("", { status: 500 }))).rejects.toMatchObject({ motivo: "configurazione_entita" });
    await expect(con(() => new Response("a".repeat(200_000), { status: 200 }))).rejects.toThrow(/troppo grande/);
    // A JWS whose typ is not entity-statement+jwt (e.g. an ID token) is not taken for one.
    const { federazione } = await configurazioneProva();
    const { kid, use: _u, alg, ...materiale } = federazione.fornitore;
    const altro = await new SignJWT({ iss: entita().fornitore, sub: entita().fornitore }).setProtectedHeader({ alg: String(alg), kid: String(kid), typ: "JWT" }).sign(await importJWK(materiale, String(alg)));
    await expect(con(() => statement(altro))).rejects.toThrow(/non è un entity statement/);
    expect(await db().select().from(cateneFiducia)).toEqual([]);
  });

  it("le entità della federazione locale rispondono anche al browser (router del fornitore di prova)", async () => {
    for (const id of Object.values(entita())) {
      const r = await fetch(`${id}/.well-known/openid-federation`);
      expect(r.status).toBe(200);
      expect(r.headers.get("Content-Type")).toMatch(/^application\/entity-statement\+jwt/);
      expect(decodeJwt(await r.text())).toMatchObject({ iss: id, sub: id });
    }
    const ignoto = await fetch(`${entita().ancora}/fetch?sub=${encodeURIComponent("https://altro.example")}`);
    expect(ignoto.status).toBe(404);
  });
});

describe("fornitori elencati dalla federazione (federation_list_endpoint)", () => {
  /** The /accedi page and its POST with `fornitore`, as a browser without JavaScript sends the form. */
  async function scegli(fornitore: string): Promise<Response> {
    const pagina = await risposta(() => accedi.loader({ request: new Request(`${origineProva()}/accedi`), params: {}, context: contesto }));
    const csrf = /omnia_csrf=([^;]*)/.exec(pagina.headers.getSetCookie().join("\n"))![1];
    return risposta(() =>
      accedi.action({
        request: new Request(`${origineProva()}/accedi`, {
          method: "POST",
          headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: origineProva(), Cookie: `omnia_csrf=${csrf}` },
          body: new URLSearchParams({ csrf, fornitore }),
        }),
        params: {},
        context: contesto,
      }),
    );
  }

  it("il Trust Anchor elenca l'intermediario, che elenca il fornitore: offerto con il nome dei suoi metadati, dopo la verifica della sua catena", async () => {
    dimenticaConfigurazioniOidc();
    expect(await elencoFornitori(origineProva())).toEqual([{ id: entita().fornitore, nome: "Fornitore di identità di prova" }]);
    const percorsi = visti.map((u) => `${u.pathname}${u.search}`);
    expect(percorsi).toContain("/oidc-prova/federazione/ancora/list?entity_type=openid_provider");
    expect(percorsi).toContain("/oidc-prova/federazione/ancora/list?intermediate=true");
    expect(percorsi).toContain("/oidc-prova/federazione/intermedio/list?entity_type=openid_provider");
    // Its chain was resolved (and stored) to list it.
    expect((await db().select().from(cateneFiducia)).map((r) => r.soggetto)).toEqual([entita().fornitore]);
    // The page names it and sends it with the form.
    const dati = (await (await risposta(() => accedi.loader({ request: new Request(`${origineProva()}/accedi`), params: {}, context: contesto }))).json()) as Record<string, unknown>;
    const p = pagina(paginaResa(accedi.default, dati));
    expect(p.corpo.textContent).toContain(`${messaggiIdentita.accediCon} Fornitore di identità di prova.`);
    expect(p.corpo.querySelector<HTMLInputElement>('input[name="fornitore"]')?.value).toBe(entita().fornitore);
  });

  it("un'entità elencata la cui catena non verifica (nessuna configurazione, o una firma sbagliata) non è offerta", async () => {
    dimenticaConfigurazioniOidc();
    const { federazione } = await configurazioneProva();
    const dismesso = `${origineProva()}/oidc-prova/federazione/dismesso`;
    const falso = `${origineProva()}/oidc-prova/federazione/falso`;
    const { privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const chiaveFalsa = { ...privateKey.export({ format: "jwk" }), kid: federazione.fornitore.kid, alg: "ES256" };
    intercetta(async (u, r) => {
      if (u.pathname.endsWith("/federazione/intermedio/list") && u.searchParams.get("entity_type") === "openid_provider") {
        return Response.json([...((await r.json()) as string[]), dismesso, falso]);
      }
      if (u.pathname === "/oidc-prova/federazione/falso/.well-known/openid-federation") {
        // Claims the intermediary as superior, but signs with a key the intermediary never stated.
        return statement(await firma(chiaveFalsa, { iss: falso, sub: falso, iat: Math.floor(Date.now() / 1000), exp: Math.floor(Date.now() / 1000) + 3600, jwks: { keys: [] }, authority_hints: [entita().intermedio] }));
      }
      return r;
    });
    expect((await elencoFornitori(origineProva())).map((f) => f.id)).toEqual([entita().fornitore]);
    expect(visti.map((u) => u.pathname)).toContain("/oidc-prova/federazione/falso/.well-known/openid-federation");
  });

  it("scelto dall'elenco: l'accesso parte verso quel fornitore; un fornitore non elencato: 400 con l'errore sul campo, nulla salvato", async () => {
    dimenticaConfigurazioniOidc();
    const r = await scegli(entita().fornitore);
    expect(r.status).toBe(303);
    expect(new URL(r.headers.get("Location")!).href.startsWith(`${entita().fornitore}/`)).toBe(true);
    await db().delete(transazioniAccesso);
    const no = await scegli("https://gestore.altra-federazione.example");
    expect(no.status).toBe(400);
    const dati = (await no.json()) as { errore: string; campo: string };
    expect(dati).toEqual({ errore: messaggiIdentita.fornitoreNonElencato, campo: "fornitore" });
    expect(await db().select().from(transazioniAccesso)).toEqual([]);
  });

  it("con più fornitori la pagina chiede di sceglierne uno (gruppo di radio con legenda), e l'errore va al gruppo", async () => {
    const fornitori = [
      { id: "https://a.esempio.it", nome: "Gestore A" },
      { id: "https://b.esempio.it", nome: "Gestore B" },
    ];
    const base = { csrf: "x", configurato: true, prova: false, ritorno: null, fornitori };
    const p = pagina(paginaResa(accedi.default, base));
    const g = p.gruppo(messaggiIdentita.sceltaFornitore);
    expect(g.descrizione).toBe(messaggiIdentita.sceltaFornitoreSuggerimento);
    expect(p.getByRole("radio", { name: "Gestore A" })).toHaveProperty("value", "https://a.esempio.it");
    expect(p.getByRole("radio", { name: "Gestore B" })).toHaveProperty("name", "fornitore");
    const conErrore = pagina(paginaResa(accedi.default, base, { errore: messaggiIdentita.fornitoreNonElencato, campo: "fornitore" }));
    const e = conErrore.erroreGruppo(messaggiIdentita.sceltaFornitore);
    expect(e.riepilogo).toBe(messaggiIdentita.fornitoreNonElencato);
    expect(e.descrizione).toContain(messaggiIdentita.fornitoreNonElencato);
  });
});

describe("stato dei trust mark (trust mark status endpoint del loro emittente)", () => {
  const idMarchio = () => idTrustMarkProva(entita().ancora);
  const ancore = async () => [{ id: entita().ancora, jwks: { keys: [jwkPubblicaProva((await configurazioneProva()).federazione.ancora)] } }];
  const scarica = (u: string, init?: RequestInit) => fetchProva()!(u, init);
  const minuti = (base: Date, n: number) => new Date(base.getTime() + n * 60_000);

  beforeEach(async () => {
    await db().delete(transazioniAccesso);
    await annullaRevocheProva();
  });
  afterEach(() => annullaRevocheProva());

  /** POST /accedi refused with `messaggio` in the page's error summary, nothing in progress, no session. */
  async function rifiutatoCon(messaggio: string): Promise<void> {
    const prima = await contaSessioni();
    const r = await inviaAccedi();
    expect(r.status).toBe(502);
    const dati = (await r.json()) as { errore: string };
    const p = pagina(paginaResa(accedi.default, { csrf: "x", configurato: true, prova: true, ritorno: null }, dati));
    expect(p.riepilogoErrori().voci.map((v) => v.testo)).toEqual([messaggio]);
    expect(await db().select().from(transazioniAccesso)).toEqual([]);
    expect(await contaSessioni()).toBe(prima);
  }

  it("attivo: il Trust Anchor dichiara l'endpoint, la piattaforma gli chiede lo stato in POST e l'accesso riesce", async () => {
    expect((await inviaAccedi()).status).toBe(303);
    expect(visti.map((u) => u.pathname)).toContain("/oidc-prova/federazione/ancora/trust_mark_status");
    const [riga] = await db().select().from(cateneFiducia);
    expect(riga.trustMark.map((t) => t.statoPresso?.endpoint)).toEqual([`${entita().ancora}/trust_mark_status`]);
    // The answer as the issuer signs it (OpenID Federation 1.0 §8.4.2), verified with the Trust Anchor's pinned keys.
    const risposta = await scarica(`${entita().ancora}/trust_mark_status`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ trust_mark: riga.trustMark[0].trust_mark }).toString(),
    });
    expect(risposta.headers.get("Content-Type")).toMatch(/^application\/trust-mark-status-response\+jwt/);
    const { payload, protectedHeader } = await jwtVerify(await risposta.text(), createLocalJWKSet((await ancore())[0].jwks), { issuer: entita().ancora });
    expect(protectedHeader.typ).toBe("trust-mark-status-response+jwt");
    expect(payload).toMatchObject({ status: "active", trust_mark: riga.trustMark[0].trust_mark });
    // A GET is not the status request.
    expect((await scarica(`${entita().ancora}/trust_mark_status?trust_mark=${riga.trustMark[0].trust_mark}`)).status).toBe(405);
  });

  it("revocato prima della scadenza: il fornitore è rifiutato con il messaggio in italiano e non è più elencato, anche con la catena conservata", async () => {
    const t0 = new Date();
    const c = await catenaFornitore(entita().fornitore, await ancore(), scarica, t0, false);
    expect(c.trustMark.map((t) => t.id)).toEqual([idMarchio()]);
    await revocaTrustMarkProva(entita().fornitore, idMarchio());
    // The answer "active" is reused for 10 minutes at most (DURATA_RISPOSTA_MS): then the revocation counts.
    expect((await catenaFornitore(entita().fornitore, await ancore(), scarica, minuti(t0, 5), false)).soggetto).toBe(entita().fornitore);
    await expect(catenaFornitore(entita().fornitore, await ancore(), scarica, minuti(t0, DURATA_RISPOSTA_MS / 60_000 + 1), false)).rejects.toMatchObject({ motivo: "trust_mark_revocato" });
    // The chain is still stored (its statements have not expired), yet the sign-in is refused and nothing is stored.
    dimenticaStatiTrustMark();
    expect((await db().select().from(cateneFiducia)).map((r) => r.soggetto)).toEqual([entita().fornitore]);
    await rifiutatoCon(messaggiIdentita.trustMarkRevocato);
    // The platform's resolve endpoint no longer answers for it either (its only trust mark is known revoked).
    const risolto = (await risolvi.loader({
      request: new Request(`${origineProva()}/federazione/risolvi?${new URLSearchParams({ sub: entita().fornitore, trust_anchor: entita().ancora })}`),
      params: {},
      context: contesto,
    })) as Response;
    expect(risolto.status).toBe(404);
    dimenticaConfigurazioniOidc();
    expect(await elencoFornitori(origineProva())).toEqual([]);
    // Taken back: accepted again once the answer is asked anew.
    await annullaRevocheProva();
    dimenticaStatiTrustMark();
    expect((await inviaAccedi()).status).toBe(303);
  });

  it("la risposta JSON {active: false} delle bozze precedenti (implementazione di riferimento SPID/CIE) vale come revoca; {active: true} come attivo", async () => {
    for (const [attivo, esito] of [
      [true, 303],
      [false, 502],
    ] as const) {
      dimenticaStatiTrustMark();
      await db().delete(transazioniAccesso);
      intercetta((u, r) => (u.pathname.endsWith("/trust_mark_status") ? Response.json({ active: attivo }) : r));
      expect((await inviaAccedi()).status).toBe(esito);
    }
  });

  it("endpoint irraggiungibile o risposta non verificabile: senza una risposta \"active\" recente l'accesso è rifiutato (fail closed); con una di meno di un'ora vale quella", async () => {
    const { privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const estranea = { ...privateKey.export({ format: "jwk" }), kid: (await configurazioneProva()).federazione.ancora.kid, alg: "ES256" };
    const guasti: Array<(r: Response) => Response | Promise<Response>> = [
      () => new Response("", { status: 503 }),
      () => {
        throw new TypeError("fetch failed");
      },
      // Signed by a key that is not the Trust Anchor's, or about another trust mark.
      async (r) => {
        const contenuto = decodeJwt(await r.text());
        const { kid, use: _u, alg, ...materiale } = estranea as Record<string, unknown>;
        const jwt = await new SignJWT(contenuto).setProtectedHeader({ alg: String(alg), kid: String(kid), typ: "trust-mark-status-response+jwt" }).sign(await importJWK(materiale, String(alg)));
        return new Response(jwt, { status: 200, headers: { "Content-Type": "application/trust-mark-status-response+jwt" } });
      },
      async (r) => {
        const contenuto = decodeJwt(await r.text());
        const jwt = await firmaStato({ ...contenuto, trust_mark: "altro.trust.mark" });
        return new Response(jwt, { status: 200, headers: { "Content-Type": "application/trust-mark-status-response+jwt" } });
      },
    ];
    for (const guasto of guasti) {
      dimenticaCateneFiducia();
      await db().delete(cateneFiducia);
      intercetta((u, r) => (u.pathname.endsWith("/trust_mark_status") ? guasto(r) : r));
      await rifiutatoCon(messaggiIdentita.trustMarkStatoIgnoto);
      // A chain whose trust marks cannot be confirmed is not stored.
      expect(await db().select().from(cateneFiducia)).toEqual([]);
    }
    // An "active" answer, then the endpoint goes down: it still counts within the hour (RISERVA_GUASTO_MS), not after.
    dimenticaCateneFiducia();
    intercetta();
    const t0 = new Date();
    await catenaFornitore(entita().fornitore, await ancore(), scarica, t0, false);
    intercetta((u, r) => (u.pathname.endsWith("/trust_mark_status") ? new Response("", { status: 503 }) : r));
    expect((await catenaFornitore(entita().fornitore, await ancore(), scarica, minuti(t0, 30), false)).soggetto).toBe(entita().fornitore);
    await expect(catenaFornitore(entita().fornitore, await ancore(), scarica, minuti(t0, RISERVA_GUASTO_MS / 60_000 + 1), false)).rejects.toMatchObject({
      motivo: "trust_mark_stato_ignoto",
    });
  });
});

describe("configurazione con i soli Trust Anchor (senza OIDC_ISSUER)", () => {
  // Production as a federation member configures it: no provider, no demo identities; the local federation served at a
  // public https origin stands in for SPID's (its Trust Anchor pinned by its public key, as AgID's would be).
  const ORIGINE = "https://demo.esempio.it";
  const locale = () => entitaFederazioneProva(ORIGINE);

  async function conSoliAncore<T>(corpo: () => Promise<T>): Promise<T> {
    const prima = { ...process.env };
    const { federazione } = await configurazioneProva();
    try {
      process.env.NODE_ENV = "production";
      delete process.env.DEMO_LOGIN;
      delete process.env.OIDC_ISSUER;
      process.env.OIDC_CLIENT_ID = "omnia-is";
      process.env.OIDC_REDIRECT_URI = `${ORIGINE}/accedi/ritorno`;
      process.env.OIDC_FEDERAZIONE_ANCORE = JSON.stringify({ [locale().ancora]: { keys: [jwkPubblicaProva(federazione.ancora)] } });
      dimenticaConfigurazioniOidc();
      return await corpo();
    } finally {
      for (const v of ["NODE_ENV", "DEMO_LOGIN", "OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_REDIRECT_URI", "OIDC_FEDERAZIONE_ANCORE"]) {
        if (prima[v] === undefined) delete process.env[v];
        else process.env[v] = prima[v];
      }
      dimenticaConfigurazioniOidc();
    }
  }

  async function paginaAccedi(): Promise<ReturnType<typeof pagina>> {
    const dati = (await (await risposta(() => accedi.loader({ request: new Request(`${ORIGINE}/accedi`), params: {}, context: contesto }))).json()) as Record<string, unknown>;
    return pagina(paginaResa(accedi.default, dati));
  }

  it("i gestori vengono dall'elenco del Trust Anchor: la pagina offre quello elencato e l'accesso riesce", async () => {
    await db().delete(transazioniAccesso);
    await conSoliAncore(async () => {
      const p = await paginaAccedi();
      expect(p.corpo.textContent).toContain(`${messaggiIdentita.accediCon} Fornitore di identità di prova.`);
      expect(p.corpo.querySelector<HTMLInputElement>('input[name="fornitore"]')?.value).toBe(locale().fornitore);
      expect(visti.map((u) => `${u.origin}${u.pathname}${u.search}`)).toContain(`${locale().ancora}/list?entity_type=openid_provider`);
      // Not the demo note: this is no test environment.
      expect(p.corpo.textContent).not.toContain(messaggiIdentita.fornitoreProva);
      const { risposta: esito } = await accediOidc(OPERATORE_PADOVA.codiceFiscale, { origine: ORIGINE });
      expect(esito.status).toBe(303);
      expect(esito.headers.get("Location")).toBe("/area-riservata");
      expect((await db().select().from(cateneFiducia)).map((r) => [r.soggetto, r.ancora])).toEqual([[locale().fornitore, locale().ancora]]);
    });
  });

  it("il Trust Anchor non elenca nessun gestore (o non risponde): la pagina lo dice senza pulsante, e un invio è rifiutato senza salvare nulla", async () => {
    await db().delete(transazioniAccesso);
    for (const guasto of [() => Response.json([]), () => new Response("", { status: 503 })]) {
      intercetta((u, r) => (u.pathname.endsWith("/list") ? guasto() : r));
      await conSoliAncore(async () => {
        const p = await paginaAccedi();
        expect(p.corpo.textContent).toContain(messaggiIdentita.nessunFornitoreElencato);
        expect(p.corpo.querySelector("button")).toBeNull();
        const r = await inviaAccedi(ORIGINE);
        expect(r.status).toBe(503);
        expect(await r.json()).toEqual({ errore: messaggiIdentita.nessunFornitoreElencato });
        expect(await db().select().from(transazioniAccesso)).toEqual([]);
      });
    }
  });
});

describe("userinfo firmato e cifrato", () => {
  /** The inner JWS of the provider's userinfo answer (decrypted with the platform's key). */
  async function interno(jwe: string): Promise<string> {
    const h = decodeProtectedHeader(jwe);
    const chiave = await chiaveDiDecifratura(String(h.kid), String(h.alg));
    return new TextDecoder().decode((await compactDecrypt(jwe, chiave!)).plaintext);
  }

  function suUserinfo(cambia: (corpo: string) => Promise<string>): void {
    intercetta(async (u, r) => (u.pathname === "/oidc-prova/me" ? new Response(await cambia(await r.text()), { status: 200, headers: { "Content-Type": "application/jwt" } }) : r));
  }

  async function rifiutato(): Promise<void> {
    const prima = await contaSessioni();
    const { risposta } = await accediOidc(OPERATORE_PADOVA.codiceFiscale);
    expect(risposta.status).toBe(400);
    expect(((await risposta.json()) as { errore: string }).errore).toBe(messaggiIdentita.accessoNonRiuscito);
    expect(await contaSessioni()).toBe(prima);
  }

  it("il fornitore risponde con un JWE RSA-OAEP-256/A256CBC-HS512 alla chiave di cifratura pubblicata, con dentro un JWS RS256", async () => {
    let intestazione: Record<string, unknown> = {};
    suUserinfo(async (corpo) => {
      intestazione = decodeProtectedHeader(corpo);
      return corpo;
    });
    expect((await accediOidc(OPERATORE_PADOVA.codiceFiscale)).risposta.status).toBe(303);
    const cifratura = (await jwksRelyingParty()).keys.filter((k) => k.use === "enc");
    expect(intestazione).toMatchObject({ alg: "RSA-OAEP-256", enc: "A256CBC-HS512" });
    expect(cifratura.map((k) => k.kid)).toContain(intestazione.kid);
  });

  it("userinfo non cifrato (il JWS firmato in chiaro, o JSON): rifiutato", async () => {
    suUserinfo(interno);
    await rifiutato();
    suUserinfo(async (corpo) => JSON.stringify(decodeJwt(await interno(corpo))));
    await rifiutato();
  });

  it("userinfo cifrato bene ma firmato con una chiave che non è nei metadati del fornitore: rifiutato", async () => {
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    suUserinfo(async (corpo) => {
      const h = decodeProtectedHeader(corpo);
      const contenuto = decodeJwt(await interno(corpo));
      const falso = await new SignJWT(contenuto).setProtectedHeader({ alg: "RS256", kid: decodeProtectedHeader(await interno(corpo)).kid }).sign(privateKey);
      const { use: _u, ...destinatario } = (await jwksRelyingParty()).keys.find((k) => k.kid === h.kid)!;
      return new CompactEncrypt(new TextEncoder().encode(falso))
        .setProtectedHeader({ alg: "RSA-OAEP-256", enc: "A256CBC-HS512", kid: h.kid, cty: "JWT" })
        .encrypt(await importJWK(destinatario, "RSA-OAEP-256"));
    });
    await rifiutato();
  });

  it("userinfo cifrato a una chiave che la piattaforma non ha: rifiutato", async () => {
    const { publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    suUserinfo(async (corpo) =>
      new CompactEncrypt(new TextEncoder().encode(await interno(corpo))).setProtectedHeader({ alg: "RSA-OAEP-256", enc: "A256CBC-HS512", kid: "sconosciuta" }).encrypt(publicKey),
    );
    await rifiutato();
  });

  it("rotazione della chiave di cifratura: la nuova è pubblicata subito e l'accesso continua", async () => {
    const prima = (await jwksRelyingParty()).keys.filter((k) => k.use === "enc").map((k) => k.kid);
    const nuova = await ruotaChiave("cifratura", 24 * 3600 * 1000);
    expect((await jwksRelyingParty()).keys.filter((k) => k.use === "enc").map((k) => k.kid)).toEqual([...prima, nuova]);
    expect((await accediOidc(OPERATORE_PADOVA.codiceFiscale)).risposta.status).toBe(303);
  });
});

describe("ID token cifrato", () => {
  /** The signed JWT inside an encrypted ID token (decrypted with the platform's key). */
  async function firmato(jwe: string): Promise<string> {
    const h = decodeProtectedHeader(jwe);
    const chiave = await chiaveDiDecifratura(String(h.kid), String(h.alg));
    return new TextDecoder().decode((await compactDecrypt(jwe, chiave!)).plaintext);
  }

  /** Changes the ID token of the token endpoint's answer. */
  function suIdToken(cambia: (idToken: string) => Promise<string>): void {
    intercetta(async (u, r) => {
      if (u.pathname !== "/oidc-prova/token" || r.status !== 200) return r;
      const corpo = (await r.json()) as Record<string, unknown>;
      return Response.json({ ...corpo, id_token: await cambia(String(corpo.id_token)) });
    });
  }

  /** A JWE of `contenuto` to the platform's encryption key `kid`, with these algorithms. */
  async function cifra(contenuto: string, kid: string, alg = "RSA-OAEP-256", enc = "A256CBC-HS512"): Promise<string> {
    const { use: _u, alg: _a, ...destinatario } = (await jwksRelyingParty()).keys.find((k) => k.kid === kid)!;
    return new CompactEncrypt(new TextEncoder().encode(contenuto)).setProtectedHeader({ alg, enc, kid, cty: "JWT" }).encrypt(await importJWK(destinatario, alg));
  }

  async function rifiutato(): Promise<void> {
    const prima = await contaSessioni();
    const { risposta } = await accediOidc(OPERATORE_PADOVA.codiceFiscale);
    expect(risposta.status).toBe(400);
    expect(((await risposta.json()) as { errore: string }).errore).toBe(messaggiIdentita.accessoNonRiuscito);
    expect(await contaSessioni()).toBe(prima);
  }

  it("il fornitore lo cifra (RSA-OAEP-256/A256CBC-HS512 alla chiave di cifratura pubblicata, dentro un JWS RS256): accesso riuscito", async () => {
    let intestazione: Record<string, unknown> = {};
    let interno: Record<string, unknown> = {};
    suIdToken(async (t) => {
      intestazione = decodeProtectedHeader(t);
      interno = decodeProtectedHeader(await firmato(t));
      return t;
    });
    expect((await accediOidc(OPERATORE_PADOVA.codiceFiscale)).risposta.status).toBe(303);
    expect(intestazione).toMatchObject({ alg: "RSA-OAEP-256", enc: "A256CBC-HS512" });
    expect((await jwksRelyingParty()).keys.filter((k) => k.use === "enc").map((k) => k.kid)).toContain(intestazione.kid);
    expect(interno.alg).toBe("RS256");
  });

  it("un ID token solo firmato è accettato, e cifrato con RSA-OAEP/A128CBC-HS256 anche", async () => {
    suIdToken(firmato);
    expect((await accediOidc(OPERATORE_PADOVA.codiceFiscale)).risposta.status).toBe(303);
    suIdToken(async (t) => cifra(await firmato(t), String(decodeProtectedHeader(t).kid), "RSA-OAEP", "A128CBC-HS256"));
    expect((await accediOidc(OPERATORE_PADOVA.codiceFiscale)).risposta.status).toBe(303);
  });

  it("cifrato con un algoritmo che le regole non ammettono (A256GCM), a una chiave ignota, o con dentro una firma estranea o nessuna: rifiutato", async () => {
    const kid = async (t: string) => String(decodeProtectedHeader(t).kid);
    suIdToken(async (t) => cifra(await firmato(t), await kid(t), "RSA-OAEP-256", "A256GCM"));
    await rifiutato();
    const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    suIdToken(async (t) => new CompactEncrypt(new TextEncoder().encode(await firmato(t))).setProtectedHeader({ alg: "RSA-OAEP-256", enc: "A256CBC-HS512", kid: "sconosciuta" }).encrypt(publicKey));
    await rifiutato();
    suIdToken(async (t) => {
      const interno = await firmato(t);
      const falso = await new SignJWT(decodeJwt(interno)).setProtectedHeader({ alg: "RS256", kid: decodeProtectedHeader(interno).kid }).sign(privateKey);
      return cifra(falso, await kid(t));
    });
    await rifiutato();
    suIdToken(async (t) => cifra(JSON.stringify(decodeJwt(await firmato(t))), await kid(t)));
    await rifiutato();
  });
});

describe("resolve endpoint della piattaforma (/federazione/risolvi)", () => {
  async function chiedi(parametri: Record<string, string>): Promise<Response> {
    const url = `${origineProva()}/federazione/risolvi?${new URLSearchParams(parametri)}`;
    return (await risolvi.loader({ request: new Request(url), params: {}, context: contesto })) as Response;
  }

  it("la configurazione dell'entità lo dichiara, con la cifratura chiesta per userinfo", async () => {
    const r = (await federazioneRotta.loader({ request: new Request(`${origineProva()}/.well-known/openid-federation`), params: {}, context: contesto })) as Response;
    const c = decodeJwt(await r.text()) as { metadata: Record<string, Record<string, unknown>> };
    expect(c.metadata.federation_entity.federation_resolve_endpoint).toBe(`${origineProva()}/federazione/risolvi`);
    expect(c.metadata.openid_relying_party).toMatchObject({
      userinfo_signed_response_alg: "RS256",
      userinfo_encrypted_response_alg: "RSA-OAEP-256",
      userinfo_encrypted_response_enc: "A256CBC-HS512",
    });
  });

  it("senza sub o trust_anchor: 400 invalid_request; un soggetto mai risolto: 404 not_found, nessuna informazione", async () => {
    const senza = await chiedi({ sub: entita().fornitore });
    expect(senza.status).toBe(400);
    expect(((await senza.json()) as { error: string }).error).toBe("invalid_request");
    const ignoto = await chiedi({ sub: entita().fornitore, trust_anchor: entita().ancora });
    expect(ignoto.status).toBe(404);
    expect(await ignoto.json()).toEqual({ error: "not_found", error_description: expect.any(String) });
    expect((await chiedi({ sub: "x".repeat(600), trust_anchor: entita().ancora })).status).toBe(400);
  });

  it("dopo un accesso: la risposta firmata con la chiave di federazione, con i metadati finali e la catena", async () => {
    await accediOidc(OPERATORE_PADOVA.codiceFiscale);
    const r = await chiedi({ sub: entita().fornitore, trust_anchor: entita().ancora });
    expect(r.status).toBe(200);
    expect(r.headers.get("Content-Type")).toBe("application/resolve-response+jwt");
    const jwt = await r.text();
    const ec = decodeJwt(await ((await federazioneRotta.loader({ request: new Request(`${origineProva()}/.well-known/openid-federation`), params: {}, context: contesto })) as Response).text());
    const { payload, protectedHeader } = await jwtVerify(jwt, createLocalJWKSet(ec.jwks as never), { issuer: origineProva(), subject: entita().fornitore });
    expect(protectedHeader.typ).toBe("resolve-response+jwt");
    const [riga] = await db().select().from(cateneFiducia);
    expect(payload).toMatchObject({ trust_chain: riga.catena, metadata: riga.metadati, trust_marks: riga.trustMark.map(({ id, trust_mark }) => ({ id, trust_mark })), exp: riga.scadeIl.getTime() / 1000 });
    expect(riga.trustMark.map((t) => t.id)).toEqual([idTrustMarkProva(entita().ancora)]);
    const soloFederazione = decodeJwt(await (await chiedi({ sub: entita().fornitore, trust_anchor: entita().ancora, entity_type: "federation_entity" })).text());
    expect(Object.keys(soloFederazione.metadata as object)).toEqual(["federation_entity"]);
    // Another Trust Anchor: the platform did not resolve the chain through it.
    expect((await chiedi({ sub: entita().fornitore, trust_anchor: "https://registry.altra-federazione.example" })).status).toBe(404);
  });
});
