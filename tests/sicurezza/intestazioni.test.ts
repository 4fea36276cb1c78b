// ASVS 4.0.3 V14.4: security headers on every answer, over real HTTP with the server's own middleware, including the
// local test OpenID provider's pages (mounted behind the same middleware in server.ts) and behind a TLS proxy (HSTS).
import http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { intestazioniSicurezza } from "../../server/intestazioni";
import { originiFornitori, registraOriginiFornitori } from "~/services/identita/origini-fornitori";

let server: http.Server;
let base = "";

beforeAll(async () => {
  const app = express();
  app.set("trust proxy", "loopback");
  app.use(intestazioniSicurezza({ origineOidc: "https://idp.esempio.it" }));
  app.get("*", (_req, res) => res.type("html").send(`<p>nonce ${res.locals.cspNonce}</p>`));
  server = app.listen(0, "127.0.0.1");
  await new Promise<void>((ok) => server.once("listening", () => ok()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((ok) => server.close(() => ok()));
});

describe("intestazioni di sicurezza", () => {
  it("CSP stretta con un nonce nuovo a ogni risposta, niente frame, niente sniffing", async () => {
    const [a, b] = [await fetch(`${base}/`), await fetch(`${base}/oidc-prova/interazione/x`)];
    for (const r of [a, b]) {
      const csp = r.headers.get("content-security-policy")!;
      expect(csp).toMatch(/default-src 'self'/);
      expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}'/);
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
      expect(csp).toMatch(/frame-ancestors 'none'/);
      expect(csp).toMatch(/object-src 'none'/);
      expect(csp).toMatch(/base-uri 'none'/);
      expect(csp).toMatch(/form-action 'self' https:\/\/idp\.esempio\.it(;|$)/);
      expect(r.headers.get("x-frame-options")).toBe("DENY");
      expect(r.headers.get("x-content-type-options")).toBe("nosniff");
      expect(r.headers.get("referrer-policy")).toBe("same-origin");
      expect(r.headers.get("cross-origin-opener-policy")).toBe("same-origin");
      expect(r.headers.get("strict-transport-security")).toBeNull(); // plain HTTP
    }
    const nonce = (r: Response) => /nonce-([^']+)'/.exec(r.headers.get("content-security-policy")!)![1];
    expect(nonce(a)).not.toBe(nonce(b));
    expect(await a.text()).toContain(nonce(a));
  });

  it("dietro un proxy TLS fidato: HSTS di due anni", async () => {
    const r = await fetch(`${base}/`, { headers: { "X-Forwarded-Proto": "https" } });
    expect(r.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
  });

  it("form-action ammette le origini dei gestori che la pagina di accesso elenca, anche se li elenca durante la risposta", async () => {
    const app = express();
    app.use(intestazioniSicurezza({ origineOidc: null, originiFornitori }));
    // As the /accedi loader does: the federation's list is read after the middleware ran, before the headers go out.
    app.get("/accedi", (req, res) => {
      registraOriginiFornitori(String(req.query.gestori ?? "").split(",").filter(Boolean));
      res.type("html").send("<p>accedi</p>");
    });
    const s = app.listen(0, "127.0.0.1");
    await new Promise<void>((ok) => s.once("listening", () => ok()));
    try {
      const indirizzo = `http://127.0.0.1:${(s.address() as AddressInfo).port}/accedi`;
      const primo = await fetch(`${indirizzo}?gestori=${encodeURIComponent("https://id.gestore-a.it/op,https://login.gestore-b.it/")}`);
      expect(primo.headers.get("content-security-policy")).toMatch(/form-action 'self' https:\/\/id\.gestore-a\.it https:\/\/login\.gestore-b\.it;/);
      // A later list replaces the earlier one: a provider no longer listed is no longer allowed.
      const secondo = await fetch(`${indirizzo}?gestori=${encodeURIComponent("https://login.gestore-b.it/")}`);
      expect(secondo.headers.get("content-security-policy")).toMatch(/form-action 'self' https:\/\/login\.gestore-b\.it;/);
    } finally {
      registraOriginiFornitori([]);
      s.closeAllConnections();
      await new Promise<void>((ok) => s.close(() => ok()));
    }
  });
});
