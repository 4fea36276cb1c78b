// Cookies of the platform, read from and written for the HTTP request: the one place that knows the `Cookie` header's
// syntax and the attributes every cookie of ours carries (HttpOnly, SameSite, Secure when it can come back).
// Services never see a cookie or a Request (ADR 007): they take the value read here.

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

/** The value of cookie `nome` sent with the request, or null. */
export function leggiCookie(request: Request, nome: string): string | null {
  const header = request.headers.get("Cookie");
  if (!header) return null;
  for (const parte of header.split(";")) {
    const [k, ...v] = parte.trim().split("=");
    if (k === nome) return v.join("=") || null;
  }
  return null;
}

export interface OpzioniCookie {
  /** Path attribute; "/" unless the cookie serves one page only. */
  percorso?: string;
  sameSite?: "Lax" | "Strict";
  /** Seconds (0 deletes the cookie); without it and without `scade`, a browser-session cookie. */
  maxAge?: number;
  scade?: Date;
}

/** A `Set-Cookie` value: HttpOnly always, Secure whenever the cookie can come back (cookieSicuro). */
export function intestazioneCookie(request: Request, nome: string, valore: string, opzioni: OpzioniCookie = {}): string {
  const parti = [`${nome}=${valore}`, `Path=${opzioni.percorso ?? "/"}`, "HttpOnly", `SameSite=${opzioni.sameSite ?? "Lax"}`];
  if (opzioni.scade) parti.push(`Expires=${opzioni.scade.toUTCString()}`);
  if (opzioni.maxAge !== undefined) parti.push(`Max-Age=${opzioni.maxAge}`);
  if (cookieSicuro(request)) parti.push("Secure");
  return parti.join("; ");
}
