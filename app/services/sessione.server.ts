// Sessions the Lucia way (ADR 003): a random token in an HttpOnly cookie, only its SHA-256 in the database,
// idle timeout 30 minutes, absolute 12 hours, a new session on every sign-in, deleted on sign-out. The cookie itself
// (reading it, its attributes) is HTTP and lives in app/http/sessione.server.ts: this module takes the token.
import { createHash } from "node:crypto";
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import { and, eq, lt, or, sql } from "drizzle-orm";
import { aziende, deleghe, sessioni, utenti, type Ruolo, type Utente } from "#db/schema";
import { db, preparata } from "#db/connection";
import type { DataISO } from "~/domain/date";
import { delegaValidaIl, ricordaAziendeAccessibili } from "./accesso.server";
import { oggi } from "./orologio.server";

export const DURATA_INATTIVITA_MS = 30 * 60 * 1000;
export const DURATA_MASSIMA_MS = 12 * 60 * 60 * 1000;
// Refresh the idle clock at most once a minute: one write per minute, not per request.
const AGGIORNA_ATTIVITA_DOPO_MS = 60 * 1000;

export interface Sessione {
  id: string;
  utenteId: number;
  csrfToken: string;
  ruoloAttivo: Ruolo | null;
  aziendaAttivaId: number | null;
  scadeIl: Date;
}

export interface SessioneValida {
  sessione: Sessione;
  utente: Utente;
  /** For an employer: the company chosen at sign-in, read with the session (every page's header names it). */
  aziendaAttiva?: { ragioneSociale: string; cfLegaleRappresentante: string } | null;
}

/** What the session's statement reads besides the session: see validaToken. */
export interface OpzioniLettura {
  /**
   * The companies the profile acts for today (idAziendeAccessibili), read in the same statement for an intermediary
   * (the delegated ones) and an employer (the chosen one, if its legal representative): every page's header counts
   * their unread messages, a round trip fewer. Only where they are used: a form's POST does not read them, and a
   * large intermediary has a thousand.
   */
  aziendeDelProfilo?: boolean;
  /** Today for the deleghe (the platform's day, orologio.server.ts); sessions themselves use the real clock. */
  data?: DataISO;
}

function tokenCasuale(byte = 20): string {
  const bytes = new Uint8Array(byte);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

/** The session's id: the SHA-256 of the token, hex. Node's native hash: read on every request, in JS it cost 1% of a submission. */
export function idDaToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export async function creaSessione(utenteId: number, adesso = new Date()): Promise<{ token: string; sessione: Sessione }> {
  const token = tokenCasuale();
  const sessione: Sessione = {
    id: idDaToken(token),
    utenteId,
    csrfToken: tokenCasuale(),
    ruoloAttivo: null,
    aziendaAttivaId: null,
    scadeIl: new Date(adesso.getTime() + DURATA_MASSIMA_MS),
  };
  await db().insert(sessioni).values({
    id: sessione.id,
    utenteId,
    creataIl: adesso,
    ultimaAttivita: adesso,
    scadeIl: sessione.scadeIl,
    csrfToken: sessione.csrfToken,
  });
  // Expired sessions of anyone are cleaned here: sign-ins are rare enough to carry the cost.
  await db()
    .delete(sessioni)
    .where(
      or(
        lt(sessioni.scadeIl, adesso),
        lt(sessioni.ultimaAttivita, new Date(adesso.getTime() - DURATA_INATTIVITA_MS)),
      ),
    );
  return { token, sessione };
}

/**
 * One statement for a request's identity: the session, its user, the company chosen by an employer and (when asked)
 * an intermediary's delegated companies on `data`. The delegated companies' subquery is evaluated only for an
 * intermediary and only when asked (CASE does not run the subquery of a branch not taken).
 */
function querySessione() {
  return preparata("sessione_con_utente", (d) =>
    d
      .select({
        s: sessioni,
        u: utenti,
        azienda: { ragioneSociale: aziende.ragioneSociale, cfLegaleRappresentante: aziende.cfLegaleRappresentante },
        delegate: sql<number[] | null>`case when ${sql.placeholder("conDelegate")}::boolean and ${sessioni.ruoloAttivo} = 'intermediario'
          then array(select distinct ${deleghe.aziendaId} from ${deleghe} where ${and(eq(deleghe.intermediarioId, sessioni.utenteId), delegaValidaIl())}) end`,
      })
      .from(sessioni)
      .innerJoin(utenti, eq(utenti.id, sessioni.utenteId))
      .leftJoin(aziende, eq(aziende.id, sessioni.aziendaAttivaId))
      .where(eq(sessioni.id, sql.placeholder("id")))
      .limit(1)
      .prepare("sessione_con_utente"),
  );
}

/** The valid session of a session cookie's value (`token`), or null; app/http/sessione.server.ts reads the cookie. */
export async function validaToken(token: string | null, adesso = new Date(), opzioni: OpzioniLettura = {}): Promise<SessioneValida | null> {
  if (!token || !/^[a-z2-7]{32}$/.test(token)) return null;
  const id = idDaToken(token);
  const conAziende = opzioni.aziendeDelProfilo === true;
  const data = conAziende ? (opzioni.data ?? oggi()) : null;
  const righe = await querySessione().execute({ id, conDelegate: conAziende, data });
  const riga = righe[0];
  if (!riga) return null;
  const { s, u } = riga;
  const inattivo = adesso.getTime() - s.ultimaAttivita.getTime() > DURATA_INATTIVITA_MS;
  if (inattivo || adesso >= s.scadeIl) {
    await db().delete(sessioni).where(eq(sessioni.id, id));
    return null;
  }
  if (adesso.getTime() - s.ultimaAttivita.getTime() > AGGIORNA_ATTIVITA_DOPO_MS) {
    await db().update(sessioni).set({ ultimaAttivita: adesso }).where(eq(sessioni.id, id));
  }
  const sessione: Sessione = {
    id: s.id,
    utenteId: s.utenteId,
    csrfToken: s.csrfToken,
    ruoloAttivo: s.ruoloAttivo,
    aziendaAttivaId: s.aziendaAttivaId,
    scadeIl: s.scadeIl,
  };
  // What the statement read is what idAziendeAccessibili would read for this request's profile on `data`.
  if (data === null) {
    // Not asked: idAziendeAccessibili reads them if the request needs them.
  } else if (s.ruoloAttivo === "intermediario" && riga.delegate) {
    ricordaAziendeAccessibili(sessione, data, [...new Set(riga.delegate)]);
  } else if (s.ruoloAttivo === "datore" && s.aziendaAttivaId != null && riga.azienda?.cfLegaleRappresentante === u.codiceFiscale) {
    ricordaAziendeAccessibili(sessione, data, [s.aziendaAttivaId]);
  }
  return { sessione, utente: u, aziendaAttiva: s.aziendaAttivaId == null ? null : riga.azienda };
}

export async function impostaProfilo(
  sessioneId: string,
  ruolo: Ruolo,
  aziendaAttivaId: number | null,
): Promise<void> {
  await db()
    .update(sessioni)
    .set({ ruoloAttivo: ruolo, aziendaAttivaId })
    .where(eq(sessioni.id, sessioneId));
}

export async function eliminaSessione(sessioneId: string): Promise<void> {
  await db().delete(sessioni).where(eq(sessioni.id, sessioneId));
}
