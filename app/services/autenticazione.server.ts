// Sign-in and sign-out use cases: a new session on every sign-in, audit of both.
import { eq } from "drizzle-orm";
import { utenti } from "#db/schema";
import { db } from "#db/connection";
import { scriviAudit } from "./audit.server";
import type { IdentitaVerificata } from "./identita/fornitore.server";
import { creaSessione, eliminaSessione, impostaProfilo } from "./sessione.server";
import { opzioniProfilo, type Contesto } from "./accesso.server";
import type { Utente } from "#db/schema";

/** Only same-site paths are allowed as a return target, so the sign-in cannot redirect elsewhere. */
export function ritornoSicuro(valore: unknown): string | null {
  if (typeof valore !== "string") return null;
  if (!valore.startsWith("/") || valore.startsWith("//") || valore.startsWith("/\\")) return null;
  return valore.length <= 500 ? valore : null;
}

/** A signed-in session: the token for the cookie, when it expires, and where the user goes next. */
export interface AccessoRiuscito {
  token: string;
  scadeIl: Date;
  destinazione: string;
}

/**
 * Signs a verified identity in: the session the browser already had (`sessionePrecedenteId`) is deleted and a new one
 * is made (no session fixation: a token planted before the sign-in never becomes a signed-in one). Null when no user
 * of the platform has this codice fiscale. The route sets the cookie and redirects (app/routes/accedi_.ritorno.tsx).
 */
export async function accedi(
  sessionePrecedenteId: string | null,
  identita: IdentitaVerificata,
  ritorno: string | null,
): Promise<AccessoRiuscito | null> {
  const [utente] = await db().select().from(utenti).where(eq(utenti.codiceFiscale, identita.codiceFiscale));
  if (!utente) {
    await scriviAudit(db(), { azione: "accesso", oggettoTipo: "sessione", esito: "negato", dettagli: { fornitore: identita.fornitore, motivo: "utente_sconosciuto" } });
    return null;
  }
  if (sessionePrecedenteId) await eliminaSessione(sessionePrecedenteId);
  const { token, sessione } = await creaSessione(utente.id);
  await scriviAudit(db(), {
    utenteId: utente.id,
    azione: "accesso",
    oggettoTipo: "sessione",
    esito: "ok",
    dettagli: { fornitore: identita.fornitore, ...(identita.livello ? { livello: identita.livello } : {}) },
  });
  // With exactly one profile there is nothing to choose.
  const opzioni = await opzioniProfilo(utente);
  let destinazione = `/profilo${ritorno ? `?ritorno=${encodeURIComponent(ritorno)}` : ""}`;
  if (opzioni.length === 1) {
    await impostaProfilo(sessione.id, opzioni[0].ruolo, opzioni[0].aziendaId);
    destinazione = ritorno ?? "/area-riservata";
  }
  return { token, scadeIl: sessione.scadeIl, destinazione };
}

/** Signs out: the session is deleted and the sign-out audited; the route clears the cookie. */
export async function esci(utente: Utente | null, sessioneId: string | null): Promise<void> {
  if (sessioneId) await eliminaSessione(sessioneId);
  if (utente) {
    await scriviAudit(db(), { utenteId: utente.id, azione: "uscita", oggettoTipo: "sessione", esito: "ok" });
  }
}

export async function scegliProfilo(
  utente: Utente,
  sessioneId: string,
  valore: string,
): Promise<Pick<Contesto, "ruolo" | "aziendaAttivaId"> | null> {
  const opzioni = await opzioniProfilo(utente);
  const scelta = opzioni.find((o) => o.valore === valore);
  if (!scelta) return null;
  await impostaProfilo(sessioneId, scelta.ruolo, scelta.aziendaId);
  await scriviAudit(db(), {
    utenteId: utente.id,
    ruolo: scelta.ruolo,
    azione: "scelta_profilo",
    oggettoTipo: scelta.aziendaId ? "azienda" : undefined,
    oggettoId: scelta.aziendaId ?? undefined,
    esito: "ok",
  });
  return { ruolo: scelta.ruolo, aziendaAttivaId: scelta.aziendaId };
}
