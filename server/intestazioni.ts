// The security headers of every answer (ASVS 4.0.3 V14.4): a strict CSP with a nonce per request for the page's own
// scripts, no framing, no sniffing, referrer kept on the site, HSTS over HTTPS. form-action also allows the configured
// OpenID provider's origin and those of the providers the federation lists: Chrome applies it to the redirect that
// follows the sign-in form (ADR 018, ADR 025).
import { randomBytes } from "node:crypto";
import type { RequestHandler } from "express";

export interface OpzioniIntestazioni {
  origineOidc: string | null;
  /** The origins of the providers the sign-in page lists, read when the answer's headers are written (after the loader). */
  originiFornitori?: () => string[];
}

export function intestazioniSicurezza({ origineOidc, originiFornitori }: OpzioniIntestazioni): RequestHandler {
  return (req, res, next) => {
    const nonce = randomBytes(16).toString("base64");
    res.locals.cspNonce = nonce;
    const csp = () => {
      const origini = [...new Set([...(origineOidc ? [origineOidc] : []), ...(originiFornitori?.() ?? [])])];
      return [
        "default-src 'self'",
        `script-src 'self' 'nonce-${nonce}'`,
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        `form-action 'self'${origini.map((o) => ` ${o}`).join("")}`,
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "object-src 'none'",
      ].join("; ");
    };
    res.setHeader("Content-Security-Policy", csp());
    if (originiFornitori) {
      // The sign-in page's loader lists the providers after this middleware ran: the policy is written again with the
      // header (Node writes every implicit header through writeHead).
      const scriviIntestazione = res.writeHead;
      res.writeHead = function (this: typeof res, ...argomenti: Parameters<typeof res.writeHead>) {
        if (!this.headersSent) this.setHeader("Content-Security-Policy", csp());
        return scriviIntestazione.apply(this, argomenti);
      } as typeof res.writeHead;
    }
    res.setHeader("Referrer-Policy", "same-origin");
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    if (req.secure) res.setHeader("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
    next();
  };
}
