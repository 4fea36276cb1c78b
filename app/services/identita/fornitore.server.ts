// The demo identities: the users of the seed, shown only on the local test OpenID provider's own login screen
// (server/oidc-prova.ts). The platform itself signs people in over OpenID Connect (oidc.server.ts, ADR 018).
import { asc, eq, inArray } from "drizzle-orm";
import { ruoliUtente, utenti } from "#db/schema";
import { db } from "#db/connection";
import { messaggiAccesso } from "~/testi";

export interface IdentitaVerificata {
  codiceFiscale: string;
  /** Which provider vouched for it (its issuer), for the audit log. */
  fornitore: string;
  /** The SPID level of the authentication. */
  livello?: number;
}

export interface IdentitaDimostrativa {
  codiceFiscale: string;
  nome: string;
  cognome: string;
  ruoli: string[];
}

export function fornitoreDimostrativoAttivo(env = process.env): boolean {
  return env.NODE_ENV !== "production" || env.DEMO_LOGIN === "1";
}

export const fornitoreDimostrativo = {
  async elenco() {
    const righe = await db()
      .select({ id: utenti.id, codiceFiscale: utenti.codiceFiscale, nome: utenti.nome, cognome: utenti.cognome })
      .from(utenti)
      .orderBy(asc(utenti.cognome), asc(utenti.nome));
    if (righe.length === 0) return [];
    const ruoli = await db()
      .select()
      .from(ruoliUtente)
      .where(inArray(ruoliUtente.utenteId, righe.map((r) => r.id)));
    return righe.map((r) => ({
      codiceFiscale: r.codiceFiscale,
      nome: r.nome,
      cognome: r.cognome,
      ruoli: ruoli.filter((x) => x.utenteId === r.id).map((x) => messaggiAccesso.ruoli[x.ruolo]),
    }));
  },
};

/** The demo identity with this codice fiscale (a user of the platform), or null. */
export async function trovaIdentitaDimostrativa(cf: string): Promise<{ codiceFiscale: string; nome: string; cognome: string } | null> {
  if (!/^[A-Z0-9]{16}$/.test(cf)) return null;
  const [u] = await db()
    .select({ codiceFiscale: utenti.codiceFiscale, nome: utenti.nome, cognome: utenti.cognome })
    .from(utenti)
    .where(eq(utenti.codiceFiscale, cf));
  return u ?? null;
}
