// The platform's signing keys as a Relying Party of SPID and CIE over OpenID Connect (ADR 022).
//
// - `oidc`: signs the client assertion at the provider's token endpoint (private_key_jwt) and the request objects of
//   the authorization requests (the `request` parameter). Its public part is published at /.well-known/jwks.json and in
//   the entity configuration's `openid_relying_party.jwks`.
// - `federazione`: signs the entity configuration at /.well-known/openid-federation (OpenID Federation 1.0); the SPID
//   and CIE technical rules ask federation keys distinct from the OpenID Connect ones.
// - `cifratura`: the providers encrypt the userinfo answer to it (RSA-OAEP-256; SPID/CIE OpenID Connect, "UserInfo
//   Endpoint": «un JWT firmato e cifrato»); published beside the `oidc` keys with `use: "enc"`. Every key of this use
//   still stored decrypts (the one announced, the current one, the previous one), by `kid`.
//
// RSA 2048 with RS256, `kid` the RFC 7638 thumbprint. Made on first use and kept in `chiavi_servizio` (PostgreSQL or
// PGlite), never in the repository; every worker and instance reads the same rows. In production the `oidc` key may
// come instead from OIDC_CLIENT_PRIVATE_KEY (a private JWK from the secrets store): then it is the only one.
//
// Rotation (`ruotaChiave`): a new key is added that signs only from `firma_dal` (now + notice), so providers that
// cache the JWKS see it before it is used; the key it replaces stays published until the following rotation, which
// removes every key older than the one signing at that moment.
import { createHash, generateKeyPairSync } from "node:crypto";
import { and, asc, desc, eq, inArray, lt, lte, sql } from "drizzle-orm";
import { importJWK, type CryptoKey as ChiaveJose } from "jose";
import { chiaviServizio } from "#db/schema";
import { db } from "#db/connection";
import { pianoRotazione, type PoliticaRotazione } from "~/domain/rotazione-chiavi";
import { scriviAudit } from "../audit.server";

export type UsoChiave = "oidc" | "federazione" | "cifratura";
export type UsoFirma = Exclude<UsoChiave, "cifratura">;

export const ALGORITMO_FIRMA = "RS256";
/** Key management of the userinfo JWE the platform asks for (SPID/CIE OpenID Connect, "Algoritmi crittografici"). */
export const ALGORITMO_CIFRATURA = "RSA-OAEP-256";

export interface JwkPubblica {
  kty: string;
  n: string;
  e: string;
  kid: string;
  use: "sig" | "enc";
  alg: typeof ALGORITMO_FIRMA | typeof ALGORITMO_CIFRATURA;
}

export interface ChiaveDiFirma {
  kid: string;
  /** For openid-client (private_key_jwt and request objects). */
  chiave: CryptoKey;
}

/** RFC 7638: SHA-256 of the required members of an RSA key, in lexicographic order, base64url. */
export function impronta(jwk: { e?: string; kty?: string; n?: string }): string {
  return createHash("sha256").update(JSON.stringify({ e: jwk.e, kty: jwk.kty, n: jwk.n })).digest("base64url");
}

function nuovaJwk(uso: UsoChiave): Record<string, unknown> {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = privateKey.export({ format: "jwk" }) as Record<string, unknown>;
  const cifratura = uso === "cifratura";
  return { ...jwk, kid: impronta(jwk as { e: string; kty: string; n: string }), use: cifratura ? "enc" : "sig", alg: cifratura ? ALGORITMO_CIFRATURA : ALGORITMO_FIRMA };
}

export function partePubblica(jwk: Record<string, unknown>): JwkPubblica {
  const cifratura = jwk.use === "enc";
  return {
    kty: String(jwk.kty),
    n: String(jwk.n),
    e: String(jwk.e),
    kid: String(jwk.kid),
    use: cifratura ? "enc" : "sig",
    alg: cifratura ? ALGORITMO_CIFRATURA : ALGORITMO_FIRMA,
  };
}

function chiaveDaAmbiente(uso: UsoChiave, env: NodeJS.ProcessEnv): Record<string, unknown> | null {
  if (uso !== "oidc" || !env.OIDC_CLIENT_PRIVATE_KEY) return null;
  const jwk = JSON.parse(env.OIDC_CLIENT_PRIVATE_KEY) as Record<string, unknown>;
  if (jwk.kty !== "RSA" || typeof jwk.d !== "string") throw new Error("OIDC_CLIENT_PRIVATE_KEY: serve una JWK privata RSA");
  return { ...jwk, kid: typeof jwk.kid === "string" ? jwk.kid : impronta(jwk as { e: string; kty: string; n: string }) };
}

type Riga = typeof chiaviServizio.$inferSelect;

/** The keys of one use, oldest first; the first key is created (once across processes) when there is none. */
async function righe(uso: UsoChiave, adesso: Date): Promise<Riga[]> {
  const leggi = () => db().select().from(chiaviServizio).where(eq(chiaviServizio.uso, uso)).orderBy(asc(chiaviServizio.firmaDal));
  const esistenti = await leggi();
  if (esistenti.length > 0) return esistenti;
  await db().transaction(async (tx) => {
    // One creator across processes: the transaction-scoped lock works through PgBouncer in transaction mode too.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('chiavi_servizio'))`);
    const [gia] = await tx.select({ kid: chiaviServizio.kid }).from(chiaviServizio).where(eq(chiaviServizio.uso, uso)).limit(1);
    if (gia) return;
    const jwk = nuovaJwk(uso);
    await tx.insert(chiaviServizio).values({ kid: String(jwk.kid), uso, jwkPrivata: jwk, creataIl: adesso, firmaDal: adesso });
  });
  return leggi();
}

const CACHE_MS = 60_000;
const cache = new Map<UsoChiave, { scade: number; chiave: ChiaveDiFirma }>();

/** The key that signs now: the latest whose `firma_dal` has come (cached for a minute per process). */
export async function chiaveDiFirma(uso: UsoFirma, adesso = new Date(), env: NodeJS.ProcessEnv = process.env): Promise<ChiaveDiFirma> {
  const c = cache.get(uso);
  if (c && c.scade > Date.now()) return c.chiave;
  const daAmbiente = chiaveDaAmbiente(uso, env);
  let jwk: Record<string, unknown>;
  if (daAmbiente) jwk = daAmbiente;
  else {
    const tutte = await righe(uso, adesso);
    const valide = tutte.filter((r) => r.firmaDal <= adesso);
    jwk = (valide.at(-1) ?? tutte[0]).jwkPrivata;
  }
  const { kid: _kid, use: _use, alg: _alg, key_ops: _ops, ...materiale } = jwk;
  const chiave = await crypto.subtle.importKey("jwk", materiale as JsonWebKey, { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" }, false, ["sign"]);
  const risultato = { kid: String(jwk.kid), chiave };
  cache.set(uso, { scade: Date.now() + CACHE_MS, chiave: risultato });
  return risultato;
}

/** Tests move the clock between calls: forget the signing keys this process read. */
export function dimenticaChiaviInMemoria(): void {
  cache.clear();
}

/** The public keys of one use, as published (the one signing, the next one announced, the previous one). */
export async function jwksPubblico(uso: UsoChiave, adesso = new Date(), env: NodeJS.ProcessEnv = process.env): Promise<{ keys: JwkPubblica[] }> {
  const daAmbiente = chiaveDaAmbiente(uso, env);
  if (daAmbiente) return { keys: [partePubblica(daAmbiente)] };
  return { keys: (await righe(uso, adesso)).map((r) => partePubblica(r.jwkPrivata)) };
}

/** What the platform publishes for the providers (/.well-known/jwks.json, `openid_relying_party.jwks`): signing and encryption keys. */
export async function jwksRelyingParty(adesso = new Date(), env: NodeJS.ProcessEnv = process.env): Promise<{ keys: JwkPubblica[] }> {
  return { keys: [...(await jwksPubblico("oidc", adesso, env)).keys, ...(await jwksPubblico("cifratura", adesso, env)).keys] };
}

/** The private key of `kid` among the stored encryption keys, for the JWE's key management algorithm, or null. */
export async function chiaveDiDecifratura(kid: string, algoritmo: string, adesso = new Date()): Promise<ChiaveJose | null> {
  const riga = (await righe("cifratura", adesso)).find((r) => r.kid === kid);
  if (!riga) return null;
  const { kid: _kid, use: _use, alg: _alg, key_ops: _ops, ...materiale } = riga.jwkPrivata;
  return (await importJWK(materiale, algoritmo)) as ChiaveJose;
}

/**
 * Every stored encryption key, once per key management algorithm in `algoritmi` (an RSA CryptoKey is bound to one
 * OAEP hash), with its kid: what openid-client needs to decrypt an encrypted ID token (it picks the key by kid and alg).
 */
export async function chiaviDiDecifratura(algoritmi: readonly string[], adesso = new Date()): Promise<Array<{ key: CryptoKey; alg: string; kid: string }>> {
  const chiavi = [];
  for (const riga of await righe("cifratura", adesso)) {
    for (const alg of algoritmi) {
      const chiave = await chiaveDiDecifratura(riga.kid, alg, adesso);
      if (chiave) chiavi.push({ key: chiave as CryptoKey, alg, kid: riga.kid });
    }
  }
  return chiavi;
}

/**
 * Adds a key of `uso` that signs from `adesso + preavvisoMs` and removes the keys older than the one signing now
 * (they were kept published for one rotation). Returns the new key's kid.
 */
export async function ruotaChiave(uso: UsoChiave, preavvisoMs: number, adesso = new Date()): Promise<string> {
  const jwk = nuovaJwk(uso);
  await righe(uso, adesso);
  await db().transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('chiavi_servizio'))`);
    const [corrente] = await tx
      .select({ firmaDal: chiaviServizio.firmaDal })
      .from(chiaviServizio)
      .where(and(eq(chiaviServizio.uso, uso), lte(chiaviServizio.firmaDal, adesso)))
      .orderBy(desc(chiaviServizio.firmaDal))
      .limit(1);
    if (corrente) await tx.delete(chiaviServizio).where(and(eq(chiaviServizio.uso, uso), lt(chiaviServizio.firmaDal, corrente.firmaDal)));
    await tx.insert(chiaviServizio).values({ kid: String(jwk.kid), uso, jwkPrivata: jwk, creataIl: adesso, firmaDal: new Date(adesso.getTime() + preavvisoMs) });
  });
  cache.delete(uso);
  return String(jwk.kid);
}

/** A compact JWS signed with RS256 (the entity configuration; openid-client signs the OpenID Connect ones). */
export async function firmaJws(intestazione: Record<string, unknown>, contenuto: Record<string, unknown>, chiave: ChiaveDiFirma): Promise<string> {
  const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");
  const daFirmare = `${b64({ ...intestazione, alg: ALGORITMO_FIRMA, kid: chiave.kid })}.${b64(contenuto)}`;
  const firma = await crypto.subtle.sign("RSASSA-PKCS1-v1_5", chiave.chiave, new TextEncoder().encode(daFirmare));
  return `${daFirmare}.${Buffer.from(firma).toString("base64url")}`;
}

export interface EsitoRotazione {
  uso: UsoChiave;
  annunciata: string | null;
  ritirate: string[];
}

/**
 * The scheduled rotation (pg-boss job `chiavi-rotazione`, daily; ADR 025): for each use, the plan of
 * app/domain/rotazione-chiavi.ts — announce a key ahead of the end of the period, retire the keys older than the one
 * signing once the overlap has passed — in one transaction under the keys' lock, audited. Idempotent: a second run
 * the same day changes nothing. The `oidc` key given by OIDC_CLIENT_PRIVATE_KEY is the secrets store's to rotate.
 */
export async function rotazioneProgrammata(adesso: Date, politica: PoliticaRotazione, env: NodeJS.ProcessEnv = process.env): Promise<EsitoRotazione[]> {
  const esiti: EsitoRotazione[] = [];
  for (const uso of ["oidc", "federazione", "cifratura"] as const) {
    if (chiaveDaAmbiente(uso, env)) continue;
    await righe(uso, adesso);
    const esito = await db().transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext('chiavi_servizio'))`);
      const chiavi = await tx.select({ kid: chiaviServizio.kid, firmaDal: chiaviServizio.firmaDal }).from(chiaviServizio).where(eq(chiaviServizio.uso, uso));
      const piano = pianoRotazione(chiavi, adesso, politica);
      if (piano.ritira.length > 0) await tx.delete(chiaviServizio).where(and(eq(chiaviServizio.uso, uso), inArray(chiaviServizio.kid, piano.ritira)));
      let annunciata: string | null = null;
      if (piano.nuovaDal) {
        const jwk = nuovaJwk(uso);
        annunciata = String(jwk.kid);
        await tx.insert(chiaviServizio).values({ kid: annunciata, uso, jwkPrivata: jwk, creataIl: adesso, firmaDal: piano.nuovaDal });
      }
      if (annunciata || piano.ritira.length > 0) {
        await scriviAudit(tx, {
          azione: "rotazione_chiave",
          oggettoTipo: "chiave_servizio",
          oggettoId: uso,
          esito: "ok",
          dettagli: { annunciata, firmaDal: piano.nuovaDal?.toISOString() ?? null, ritirate: piano.ritira },
        });
      }
      return { uso, annunciata, ritirate: piano.ritira };
    });
    esiti.push(esito);
    cache.delete(uso);
  }
  return esiti;
}
