// Sign-in and sign-out use cases: a new session on every sign-in, audit of both.
import { redirect } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { utenti } from "#db/schema";
import { db } from "#db/connection";
import { scriviAudit } from "./audit.server";
import type { IdentitaVerificata } from "./identita/fornitore.server";
import { cookieSessione, cookieSessioneVuoto, creaSessione, eliminaSessione, impostaProfilo, sessioneDaRichiesta } from "./sessione.server";
import { opzioniProfilo, type Contesto } from "./accesso.server";
import type { Utente } from "#db/schema";

/** Only same-site paths are allowed as a return target, so the sign-in cannot redirect elsewhere. */
export function ritornoSicuro(valore: unknown): string | null {
  if (typeof valore !== "string") return null;
  if (!valore.startsWith("/") || valore.startsWith("//") || valore.startsWith("/\\")) return null;
  return valore.length <= 500 ? valore : null;
}

/**
 * Signs a verified identity in: any session the browser already had is deleted and a new one is made (no session
 * fixation: a token planted before the sign-in never becomes a signed-in one). Null when no user of the platform has
 * this codice fiscale. `altriCookie` go out with the session's (e.g. clearing the sign-in's transaction cookie).
 */
export async function accedi(
  request: Request,
  identita: IdentitaVerificata,
  ritorno: string | null,
  altriCookie: string[] = [],
): Promise<Response | null> {
  const [utente] = await db().select().from(utenti).where(eq(utenti.codiceFiscale, identita.codiceFiscale));
  if (!utente) {
    await scriviAudit(db(), { azione: "accesso", oggettoTipo: "sessione", esito: "negato", dettagli: { fornitore: identita.fornitore, motivo: "utente_sconosciuto" } });
    return null;
  }
  const precedente = await sessioneDaRichiesta(request);
  if (precedente) await eliminaSessione(precedente.sessione.id);
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
  const headers = new Headers();
  for (const c of [...altriCookie, cookieSessione(request, token, sessione.scadeIl)]) headers.append("Set-Cookie", c);
  return redirect(destinazione, { status: 303, headers });
}

export async function esci(request: Request, utente: Utente | null, sessioneId: string | null): Promise<Response> {
  if (sessioneId) await eliminaSessione(sessioneId);
  if (utente) {
    await scriviAudit(db(), { utenteId: utente.id, azione: "uscita", oggettoTipo: "sessione", esito: "ok" });
  }
  return redirect("/", { status: 303, headers: { "Set-Cookie": cookieSessioneVuoto(request) } });
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
