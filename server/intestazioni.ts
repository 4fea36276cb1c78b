// The security headers of every answer (ASVS 4.0.3 V14.4): a strict CSP with a nonce per request for the page's own
// scripts, no framing, no sniffing, referrer kept on the site, HSTS over HTTPS. form-action also allows the configured
// OpenID provider's origin: Chrome applies it to the redirect that follows the sign-in form (ADR 018).
import { randomBytes } from "node:crypto";
import type { RequestHandler } from "express";

export function intestazioniSicurezza({ origineOidc }: { origineOidc: string | null }): RequestHandler {
  return (req, res, next) => {
    const nonce = randomBytes(16).toString("base64");
    res.locals.cspNonce = nonce;
    res.setHeader(
      "Content-Security-Policy",
      [
        "default-src 'self'",
        `script-src 'self' 'nonce-${nonce}'`,
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        `form-action 'self'${origineOidc ? ` ${origineOidc}` : ""}`,
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "object-src 'none'",
      ].join("; "),
    );
    res.setHeader("Referrer-Policy", "same-origin");
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    if (req.secure) res.setHeader("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
    next();
  };
}
