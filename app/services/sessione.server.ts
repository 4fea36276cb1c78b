// Sessions the Lucia way (ADR 003): a random token in an HttpOnly cookie, only its SHA-256 in the database,
// idle timeout 30 minutes, absolute 12 hours, a new session on every sign-in, deleted on sign-out.
import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import { eq, lt, or, sql } from "drizzle-orm";
import { sessioni, utenti, type Ruolo, type Utente } from "#db/schema";
import { db, preparata } from "#db/connection";

export const DURATA_INATTIVITA_MS = 30 * 60 * 1000;
export const DURATA_MASSIMA_MS = 12 * 60 * 60 * 1000;
// Refresh the idle clock at most once a minute: one write per minute, not per request.
const AGGIORNA_ATTIVITA_DOPO_MS = 60 * 1000;

const NOME_COOKIE = "omnia_sessione";

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
}

function tokenCasuale(byte = 20): string {
  const bytes = new Uint8Array(byte);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

export function idDaToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

/**
 * The cookies' Secure flag, decided per request at run time (the build inlines `process.env.NODE_ENV`, so it is read
 * through a variable): always on in production; with the demo identities on (development, or DEMO_LOGIN=1) it is
 * on unless the request came over plain HTTP, where a Secure cookie would never come back and no session could
 * be kept. COOKIE_INSECURE=1 turns it off (local benchmarks over HTTP).
 */
export function cookieSicuro(request: Request, env: Record<string, string | undefined> = process.env): boolean {
  if (env.COOKIE_INSECURE === "1") return false;
  const dimostrativo = env.NODE_ENV !== "production" || env.DEMO_LOGIN === "1";
  if (!dimostrativo) return true;
  return new URL(request.url).protocol !== "http:";
}

export function cookieSessione(request: Request, token: string, scadenza: Date): string {
  const parti = [
    `${NOME_COOKIE}=${token}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Expires=${scadenza.toUTCString()}`,
  ];
  if (cookieSicuro(request)) parti.push("Secure");
  return parti.join("; ");
}

export function cookieSessioneVuoto(request: Request): string {
  const parti = [`${NOME_COOKIE}=`, "Path=/", "HttpOnly", "SameSite=Lax", "Max-Age=0"];
  if (cookieSicuro(request)) parti.push("Secure");
  return parti.join("; ");
}

export function leggiCookie(request: Request, nome: string): string | null {
  const header = request.headers.get("Cookie");
  if (!header) return null;
  for (const parte of header.split(";")) {
    const [k, ...v] = parte.trim().split("=");
    if (k === nome) return v.join("=") || null;
  }
  return null;
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

const cachePerRichiesta = new WeakMap<Request, Promise<SessioneValida | null>>();

/** The valid session of this request, or null. Loaders of one request share one lookup. */
export function sessioneDaRichiesta(request: Request): Promise<SessioneValida | null> {
  let p = cachePerRichiesta.get(request);
  if (!p) {
    p = validaToken(leggiCookie(request, NOME_COOKIE));
    cachePerRichiesta.set(request, p);
  }
  return p;
}

export async function validaToken(token: string | null, adesso = new Date()): Promise<SessioneValida | null> {
  if (!token || !/^[a-z2-7]{32}$/.test(token)) return null;
  const id = idDaToken(token);
  const righe = await preparata("sessione_con_utente", (d) =>
    d
      .select({ s: sessioni, u: utenti })
      .from(sessioni)
      .innerJoin(utenti, eq(utenti.id, sessioni.utenteId))
      .where(eq(sessioni.id, sql.placeholder("id")))
      .limit(1)
      .prepare("sessione_con_utente"),
  ).execute({ id });
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
  return {
    sessione: {
      id: s.id,
      utenteId: s.utenteId,
      csrfToken: s.csrfToken,
      ruoloAttivo: s.ruoloAttivo,
      aziendaAttivaId: s.aziendaAttivaId,
      scadeIl: s.scadeIl,
    },
    utente: u,
  };
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
