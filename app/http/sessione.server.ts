// The session cookie (ADR 003): read from the request and written on the response. The session itself (token, hash,
// timeouts, database rows) is app/services/sessione.server.ts, which takes the cookie's value, never the request.
import { validaToken, type SessioneValida } from "~/services/sessione.server";
import { intestazioneCookie, leggiCookie } from "./cookie.server";

/** The session cookie's name; the privacy page lists it (app/routes/privacy.tsx). */
export const COOKIE_SESSIONE = "omnia_sessione";

export function cookieSessione(request: Request, token: string, scadenza: Date): string {
  return intestazioneCookie(request, COOKIE_SESSIONE, token, { scade: scadenza });
}

export function cookieSessioneVuoto(request: Request): string {
  return intestazioneCookie(request, COOKIE_SESSIONE, "", { maxAge: 0 });
}

const cachePerRichiesta = new WeakMap<Request, Promise<SessioneValida | null>>();

/**
 * The valid session of this request, or null. Loaders of one request share one lookup. A page (GET) reads the
 * companies of the profile with it, for the header's count of unread messages; a form's POST does not.
 */
export function sessioneDaRichiesta(request: Request): Promise<SessioneValida | null> {
  let p = cachePerRichiesta.get(request);
  if (!p) {
    p = validaToken(leggiCookie(request, COOKIE_SESSIONE), new Date(), { aziendeDelProfilo: request.method === "GET" });
    cachePerRichiesta.set(request, p);
  }
  return p;
}
