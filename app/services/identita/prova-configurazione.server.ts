// The local test OpenID provider's secrets: its signing key (RS256), the keys of its cookies and the key of its login
// screen's CSRF tokens (the one client, this platform, has no secret: it signs with its own key, chiavi.server.ts). Made on first use and kept in the database, so
// every worker and every instance signs and checks with the same keys; never in the repository.
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { oidcProvaConfigurazione } from "#db/schema";
import { db } from "#db/connection";

export interface ConfigurazioneProva {
  /** Private JWK set for oidc-provider (`jwks`). */
  jwks: { keys: Array<Record<string, unknown>> };
  chiaviCookie: string[];
  chiaveCsrf: string;
}

export const ID_CLIENTE_PROVA = "omnia-is";

const NOME = "segreti";

function nuovaConfigurazione(): ConfigurazioneProva {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = privateKey.export({ format: "jwk" }) as Record<string, unknown>;
  const casuale = () => randomBytes(32).toString("base64url");
  return {
    jwks: { keys: [{ ...jwk, kid: `prova-${casuale().slice(0, 8)}`, use: "sig", alg: "RS256" }] },
    chiaviCookie: [casuale()],
    chiaveCsrf: casuale(),
  };
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
    if (esistente) return esistente;
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
