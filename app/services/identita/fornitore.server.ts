// The identity providers behind "Accedi con SPID, CIE o CNS". Today only the local test provider exists;
// the real providers (SPID/CIE over OpenID Connect) will implement the same interface.
import { asc, eq, inArray } from "drizzle-orm";
import { ruoliUtente, utenti } from "#db/schema";
import { db } from "#db/connection";
import { messaggiAccesso } from "~/testi";

export interface IdentitaVerificata {
  codiceFiscale: string;
  /** Which provider vouched for it, for the audit log. */
  fornitore: string;
}

export interface IdentitaDimostrativa {
  codiceFiscale: string;
  nome: string;
  cognome: string;
  ruoli: string[];
}

export interface FornitoreIdentita {
  id: string;
  /** Reads the provider's answer (here the chosen identity) and returns the verified identity, or null. */
  verifica(formData: FormData): Promise<IdentitaVerificata | null>;
}

export function fornitoreDimostrativoAttivo(env = process.env): boolean {
  return env.NODE_ENV !== "production" || env.DEMO_LOGIN === "1";
}

export const fornitoreDimostrativo: FornitoreIdentita & {
  elenco(): Promise<IdentitaDimostrativa[]>;
} = {
  id: "dimostrativo",
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
  async verifica(formData) {
    if (!fornitoreDimostrativoAttivo()) return null;
    const cf = formData.get("codiceFiscale");
    if (typeof cf !== "string" || !/^[A-Z0-9]{16}$/.test(cf)) return null;
    const [u] = await db().select({ cf: utenti.codiceFiscale }).from(utenti).where(eq(utenti.codiceFiscale, cf));
    return u ? { codiceFiscale: u.cf, fornitore: "dimostrativo" } : null;
  },
};
