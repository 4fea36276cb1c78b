// CSRF policy (ADR 005): every POST must come from our own origin (Origin, or Referer when Origin is absent)
// and carry a token: the session's token when signed in, a double-submit cookie before sign-in.
import { timingSafeEqual } from "node:crypto";
import { CAMPO_CSRF } from "~/components/form/CampoCsrf";
import { intestazioneCookie, leggiCookie } from "./cookie.server";

const COOKIE_CSRF_ANONIMO = "omnia_csrf";

export class ErroreCsrf extends Error {}

function stessaOrigine(request: Request): boolean {
  const attesa = new URL(request.url).origin;
  const origin = request.headers.get("Origin");
  if (origin) return origin === attesa;
  const referer = request.headers.get("Referer");
  if (referer) {
    try {
      return new URL(referer).origin === attesa;
    } catch {
      return false;
    }
  }
  // Browsers send at least one of the two on a cross-site form POST; their absence means a non-browser
  // client, which still has to present the token.
  return true;
}

function uguali(a: string, b: string): boolean {
  const ba = Buffer.from(a);
  const bb = Buffer.from(b);
  return ba.length === bb.length && timingSafeEqual(ba, bb);
}

/** Throws ErroreCsrf unless the request is same-origin and carries the expected token. */
export function verificaCsrf(request: Request, formData: FormData, tokenAtteso: string): void {
  const inviato = formData.get(CAMPO_CSRF);
  if (!stessaOrigine(request) || typeof inviato !== "string" || !uguali(inviato, tokenAtteso)) {
    throw new ErroreCsrf("CSRF");
  }
}

/** Token for forms shown before sign-in: reuse the cookie if present, else mint one. */
export function tokenCsrfAnonimo(request: Request): { token: string; setCookie: string | null } {
  const esistente = leggiCookie(request, COOKIE_CSRF_ANONIMO);
  if (esistente && /^[a-f0-9]{32}$/.test(esistente)) return { token: esistente, setCookie: null };
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  const token = Buffer.from(bytes).toString("hex");
  const setCookie = intestazioneCookie(request, COOKIE_CSRF_ANONIMO, token, { sameSite: "Strict" });
  return { token, setCookie };
}

export function verificaCsrfAnonimo(request: Request, formData: FormData): void {
  const cookie = leggiCookie(request, COOKIE_CSRF_ANONIMO);
  if (!cookie) throw new ErroreCsrf("CSRF");
  verificaCsrf(request, formData, cookie);
}
