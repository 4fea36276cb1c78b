// The local test OpenID provider's secrets: its signing key (RS256), the keys of its cookies and the key of its login
// screen's CSRF tokens (the one client, this platform, has no secret: it signs with its own key, chiavi.server.ts). Made on first use and kept in the database, so
// every worker and every instance signs and checks with the same keys; never in the repository.
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { oidcProvaConfigurazione } from "#db/schema";
import { db } from "#db/connection";

export interface ConfigurazioneProva {
  /** Private JWK set for oidc-provider (`jwks`). */
  jwks: { keys: Array<Record<string, unknown>> };
  chiaviCookie: string[];
  chiaveCsrf: string;
  /** Private federation keys (ES256 JWKs) of the local federation: the provider, the intermediary, the Trust Anchor. */
  federazione: ChiaviFederazioneProva;
}

export interface ChiaviFederazioneProva {
  fornitore: Record<string, unknown>;
  intermedio: Record<string, unknown>;
  ancora: Record<string, unknown>;
}

export const ID_CLIENTE_PROVA = "omnia-is";

const NOME = "segreti";

const casuale = () => randomBytes(32).toString("base64url");

function nuovaChiave(prefisso: string): Record<string, unknown> {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = privateKey.export({ format: "jwk" }) as Record<string, unknown>;
  return { ...jwk, kid: `${prefisso}-${casuale().slice(0, 8)}`, use: "sig", alg: "RS256" };
}

/** ES256 (recommended by the SPID/CIE rules, "Algoritmi crittografici"): P-256 keys cost nothing to make, unlike RSA. */
function nuovaChiaveFederazione(prefisso: string): Record<string, unknown> {
  const { privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const jwk = privateKey.export({ format: "jwk" }) as Record<string, unknown>;
  return { ...jwk, kid: `${prefisso}-${casuale().slice(0, 8)}`, use: "sig", alg: "ES256" };
}

function nuoveChiaviFederazione(): ChiaviFederazioneProva {
  return { fornitore: nuovaChiaveFederazione("fed-op"), intermedio: nuovaChiaveFederazione("fed-im"), ancora: nuovaChiaveFederazione("fed-ta") };
}

function nuovaConfigurazione(): ConfigurazioneProva {
  return { jwks: { keys: [nuovaChiave("prova")] }, chiaviCookie: [casuale()], chiaveCsrf: casuale(), federazione: nuoveChiaviFederazione() };
}

/** The public part of a private JWK of the test provider (RSA or EC): the private members left out. */
export function jwkPubblicaProva(jwk: Record<string, unknown>): Record<string, unknown> & { kid: string; alg: string } {
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...pubblica } = jwk;
  return { ...pubblica, kid: String(jwk.kid), alg: String(jwk.alg), use: "sig" };
}

let inCorso: Promise<ConfigurazioneProva> | undefined;

/** The secrets, created by whichever process asks first (the others read the same row). */
export function configurazioneProva(): Promise<ConfigurazioneProva> {
  inCorso ??= (async () => {
    const leggi = async () =>
      (await db().select().from(oidcProvaConfigurazione).where(eq(oidcProvaConfigurazione.nome, NOME)))[0]?.valore as
        | ConfigurazioneProva
        | undefined;
    const esistente = await leggi();
    if (esistente?.federazione) return esistente;
    if (esistente) {
      // A database from before the local federation: its keys are added once (whichever process comes first).
      await db()
        .update(oidcProvaConfigurazione)
        .set({ valore: sql`${oidcProvaConfigurazione.valore} || ${JSON.stringify({ federazione: nuoveChiaviFederazione() })}::jsonb` })
        .where(and(eq(oidcProvaConfigurazione.nome, NOME), sql`not (${oidcProvaConfigurazione.valore} ? 'federazione')`));
      const aggiornata = await leggi();
      if (!aggiornata?.federazione) throw new Error("chiavi di federazione del fornitore di prova non salvate");
      return aggiornata;
    }
    await db().insert(oidcProvaConfigurazione).values({ nome: NOME, valore: nuovaConfigurazione() }).onConflictDoNothing();
    const creata = await leggi();
    if (!creata) throw new Error("configurazione del fornitore di prova non salvata");
    return creata;
  })().catch((e) => {
    inCorso = undefined;
    throw e;
  });
  return inCorso;
}

/** Tests switch databases between files: forget what this process read. */
export function dimenticaConfigurazioneProva(): void {
  inCorso = undefined;
}

const REVOCATI = "trust_mark_revocati";

export interface TrustMarkRevocato {
  sub: string;
  id: string;
}

/** The trust marks the local Trust Anchor has revoked (its status endpoint answers "revoked" for them). */
export async function trustMarkRevocatiProva(): Promise<TrustMarkRevocato[]> {
  const [riga] = await db().select().from(oidcProvaConfigurazione).where(eq(oidcProvaConfigurazione.nome, REVOCATI));
  return (riga?.valore as TrustMarkRevocato[] | undefined) ?? [];
}

/**
 * Revokes the local Trust Anchor's trust mark `id` of entity `sub` (tests of the trust mark status, and a developer
 * who wants to see a provider refused): kept in the database, so every process's endpoint answers the same.
 */
export async function revocaTrustMarkProva(sub: string, id: string): Promise<void> {
  const valore = [...(await trustMarkRevocatiProva()).filter((r) => r.sub !== sub || r.id !== id), { sub, id }];
  await db().insert(oidcProvaConfigurazione).values({ nome: REVOCATI, valore }).onConflictDoUpdate({ target: oidcProvaConfigurazione.nome, set: { valore } });
}

/** Takes back every revocation of the local Trust Anchor. */
export async function annullaRevocheProva(): Promise<void> {
  await db().delete(oidcProvaConfigurazione).where(eq(oidcProvaConfigurazione.nome, REVOCATI));
}
