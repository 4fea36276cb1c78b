// ASVS 4.0.3 V2.2.1 (anti-automation on sign-in) and V12.1 (uploads), and the federation resolve endpoint's bounded
// cost per client (ADR 025): the rate limits of server/limiti.ts, over real
// HTTP with the server's middleware, counted in the database (shared by every worker and instance: two apps on the
// same database see one counter). Over the limit: 429 with the Italian page and Retry-After, the body never reaches
// the route.
import http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { limitaFrequenza, limitiDaAmbiente } from "../../server/limiti";
import { consumaLimite } from "~/services/limiti.server";
import { messaggiIdentita } from "~/testi/identita";
import { messaggiInterfaccia } from "~/testi/interfaccia";
import { usaDatabaseDiTest } from "../database";

usaDatabaseDiTest();

const server: http.Server[] = [];
const basi: string[] = [];
let arrivate = 0;

beforeAll(async () => {
  // Two "instances" with the same limits on the same database.
  for (let i = 0; i < 2; i++) {
    const app = express();
    // Hour windows: a minute boundary between two requests of a test cannot reset the counter.
    app.use(limitaFrequenza({ accessi: { massimo: 3, finestraSecondi: 3600 }, caricamenti: { massimo: 2, finestraSecondi: 3600 }, risoluzioni: { massimo: 2, finestraSecondi: 3600 } }));
    app.post("*", (_req, res) => {
      arrivate++;
      res.status(303).set("Location", "/").end();
    });
    app.get("*", (_req, res) => {
      arrivate++;
      res.status(404).json({ error: "not_found" });
    });
    const s = app.listen(0, "127.0.0.1");
    await new Promise<void>((ok) => s.once("listening", () => ok()));
    server.push(s);
    basi.push(`http://127.0.0.1:${(s.address() as AddressInfo).port}`);
  }
});

afterAll(async () => {
  for (const s of server) {
    s.closeAllConnections();
    await new Promise<void>((ok) => s.close(() => ok()));
  }
});

const accesso = (base: string) =>
  fetch(`${base}/accedi`, { method: "POST", redirect: "manual", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: "csrf=x" });

describe("limiti di frequenza condivisi", () => {
  it("accessi: oltre 3 nella finestra dallo stesso indirizzo, 429 in italiano con Retry-After, su entrambe le istanze", async () => {
    const prima = arrivate;
    const stati = [];
    for (const base of [basi[0], basi[1], basi[0]]) stati.push((await accesso(base)).status);
    expect(stati).toEqual([303, 303, 303]);
    const oltre = await accesso(basi[1]);
    expect(oltre.status).toBe(429);
    expect(Number(oltre.headers.get("retry-after"))).toBeGreaterThan(0);
    const html = await oltre.text();
    expect(html).toContain('<html lang="it">');
    expect(html).toContain(messaggiInterfaccia.errori[429].titolo);
    // The provider's login form counts on the same key.
    const prova = await fetch(`${basi[0]}/oidc-prova/interazione/abc`, { method: "POST", redirect: "manual", body: "x=1" });
    expect(prova.status).toBe(429);
    expect(arrivate - prima).toBe(3);
  });

  it("caricamenti: contati per sessione, solo i multipart delle pagine con file", async () => {
    const multipart = (sessione: string) =>
      fetch(`${basi[0]}/domande/1/allegati`, {
        method: "POST",
        redirect: "manual",
        headers: { "Content-Type": "multipart/form-data; boundary=X", Cookie: `omnia_sessione=${sessione}` },
        body: "--X--\r\n",
      });
    const a = "a".repeat(32);
    const b = "b".repeat(32);
    expect([(await multipart(a)).status, (await multipart(a)).status, (await multipart(a)).status]).toEqual([303, 303, 429]);
    // Another session has its own counter; a plain form post is not an upload.
    expect((await multipart(b)).status).toBe(303);
    const modulo = await fetch(`${basi[0]}/domande/1/periodo`, { method: "POST", redirect: "manual", headers: { Cookie: `omnia_sessione=${a}` }, body: "x=1" });
    expect(modulo.status).toBe(303);
  });

  it("resolve endpoint: oltre 2 richieste dallo stesso indirizzo, 429 JSON con la spiegazione in italiano e Retry-After; le altre pagine non contano", async () => {
    const prima = arrivate;
    const risolvi = (base: string) => fetch(`${base}/federazione/risolvi?sub=${encodeURIComponent("https://op.example")}&trust_anchor=${encodeURIComponent("https://ta.example")}`);
    expect([(await risolvi(basi[0])).status, (await risolvi(basi[1])).status]).toEqual([404, 404]);
    const oltre = await risolvi(basi[0]);
    expect(oltre.status).toBe(429);
    expect(Number(oltre.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(oltre.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await oltre.json()).toEqual({ error: "temporarily_unavailable", error_description: messaggiIdentita.troppeRisoluzioni });
    expect(arrivate - prima).toBe(2);
    // Other GETs are not counted on this key.
    for (let i = 0; i < 3; i++) expect((await fetch(`${basi[0]}/domande`)).status).toBe(404);
  });

  it("la finestra successiva riparte da zero; 0 disattiva un limite", async () => {
    const limite = { massimo: 1, finestraSecondi: 60 };
    const t = new Date("2026-11-30T10:00:10Z");
    expect((await consumaLimite("prova:finestra", limite, t)).consentita).toBe(true);
    expect((await consumaLimite("prova:finestra", limite, new Date(t.getTime() + 1000))).consentita).toBe(false);
    expect((await consumaLimite("prova:finestra", limite, new Date(t.getTime() + 60_000))).consentita).toBe(true);
    expect(limitiDaAmbiente({ OMNIA_LIMITE_ACCESSI: "0" } as unknown as NodeJS.ProcessEnv).accessi.massimo).toBe(0);
    expect(limitiDaAmbiente({} as unknown as NodeJS.ProcessEnv)).toEqual({
      accessi: { massimo: 30, finestraSecondi: 60 },
      caricamenti: { massimo: 30, finestraSecondi: 60 },
      risoluzioni: { massimo: 60, finestraSecondi: 60 },
    });
  });
});
