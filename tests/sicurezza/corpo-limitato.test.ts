// Security finding: request bodies were unbounded (a 150 MB urlencoded POST to /accedi was read whole into memory,
// +250 MB RSS; a missing Content-Length counted as 0). The server's cap (server/richieste.ts) answers 413 with the
// Italian page before the body is read: at once when Content-Length is over the cap, while it arrives when the body
// is chunked. Tested over real HTTP with the same middleware and Remix adapter as server.ts.
import http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gestoreErrori, LIMITE_MODULO, limitaCorpo, limiteCorpo, richiestaRemix } from "../../server/richieste";

let server: http.Server;
let porta: number;
const letti: Array<{ percorso: string; byte: number }> = [];
const richieste: Array<{ url: string; metodo: string; cookie: string | null; accetta: string | null; corpo: string; segnale: AbortSignal }> = [];

beforeAll(async () => {
  const app = express();
  app.use(limitaCorpo());
  // What Remix gets next (the same Request as in server.ts) and reads as an action would. Records what reached it.
  app.post("/richiesta-web", async (req, res) => {
    const r = await richiestaRemix(req, res);
    const corpo = await r.text();
    richieste.push({ url: r.url, metodo: r.method, cookie: r.headers.get("cookie"), accetta: r.headers.get("accept"), corpo, segnale: r.signal });
    // Answers only once the client has gone away (the test closes the socket) or after a second.
    setTimeout(() => (res.headersSent || res.destroyed ? undefined : res.status(200).send("ok")), req.query.attendi ? 1_000 : 0);
  });
  app.post("*", async (req, res) => {
    const corpo = new Uint8Array(await (await richiestaRemix(req, res)).arrayBuffer());
    letti.push({ percorso: req.path, byte: corpo.byteLength });
    res.status(200).send("letto");
  });
  app.use(gestoreErrori());
  server = app.listen(0, "127.0.0.1");
  await new Promise<void>((ok) => server.once("listening", () => ok()));
  porta = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((ok) => server.close(() => ok()));
});

interface Esito {
  stato: number;
  corpo: string;
  inviati: number;
}

/**
 * Sends a POST by hand: the declared headers, then up to `totale` bytes in 64 KB pieces (stopping as soon as the
 * server answers), like a client that keeps pushing a huge body.
 */
function invia(percorso: string, intestazioni: Record<string, string>, totale: number): Promise<Esito> {
  return new Promise((risolvi, rifiuta) => {
    let inviati = 0;
    let risposto = false;
    const req = http.request({ host: "127.0.0.1", port: porta, path: percorso, method: "POST", headers: intestazioni });
    req.on("response", (res) => {
      risposto = true;
      const pezzi: Buffer[] = [];
      res.on("data", (p: Buffer) => pezzi.push(p));
      res.on("end", () => {
        risolvi({ stato: res.statusCode ?? 0, corpo: Buffer.concat(pezzi).toString("utf8"), inviati });
        req.destroy();
      });
    });
    req.on("error", (e) => (risposto ? undefined : rifiuta(e)));
    const pezzo = Buffer.alloc(64 * 1024, "a=b&");
    const scrivi = () => {
      while (!risposto && inviati < totale) {
        const n = Math.min(pezzo.byteLength, totale - inviati);
        inviati += n;
        if (!req.write(pezzo.subarray(0, n))) return void req.once("drain", scrivi);
      }
      if (!risposto) req.end();
    };
    scrivi();
  });
}

const FORM = { "Content-Type": "application/x-www-form-urlencoded" };

describe("corpo delle richieste limitato prima di leggerlo", () => {
  it("Content-Length di 150 MB ad /accedi: 413 con la pagina in italiano, senza leggere il corpo", async () => {
    const prima = letti.length;
    const r = await invia("/accedi", { ...FORM, "Content-Length": String(150 * 1024 * 1024) }, 150 * 1024 * 1024);
    expect(r.stato).toBe(413);
    expect(r.corpo).toContain("<h1>Dati inviati troppo grandi</h1>");
    expect(r.corpo).toContain('lang="it"');
    // The answer came long before the client could push 150 MB.
    expect(r.inviati).toBeLessThan(150 * 1024 * 1024);
    expect(letti.length).toBe(prima);
  });

  it("senza Content-Length (chunked): contato mentre arriva, 413 appena supera il limite; nulla passa oltre", async () => {
    const prima = letti.length;
    const r = await invia("/accedi", { ...FORM, "Transfer-Encoding": "chunked" }, 150 * 1024 * 1024);
    expect(r.stato).toBe(413);
    expect(r.corpo).toContain("<h1>Dati inviati troppo grandi</h1>");
    expect(r.inviati).toBeLessThan(150 * 1024 * 1024);
    expect(letti.length).toBe(prima);
  });

  it("un modulo entro il limite arriva intero, con o senza Content-Length", async () => {
    const conLunghezza = await invia("/accedi", { ...FORM, "Content-Length": String(128 * 1024) }, 128 * 1024);
    expect(conLunghezza.stato).toBe(200);
    expect(letti.at(-1)).toMatchObject({ percorso: "/accedi", byte: 128 * 1024 });
    const chunked = await invia("/domande/1/periodo", { ...FORM, "Transfer-Encoding": "chunked" }, 200 * 1024);
    expect(chunked.stato).toBe(200);
    expect(letti.at(-1)).toMatchObject({ percorso: "/domande/1/periodo", byte: 200 * 1024 });
  });

  it("multipart: limite per percorso (PDF di 5 MB agli allegati, CSV di 1 MB ai lavoratori, nulla altrove)", async () => {
    const multipart = { "Content-Type": "multipart/form-data; boundary=x" };
    expect(limiteCorpo("/domande/7/allegati", multipart["Content-Type"])).toBeGreaterThan(5 * 1024 * 1024);
    const allegato = await invia("/domande/7/allegati", { ...multipart, "Content-Length": String(5 * 1024 * 1024) }, 5 * 1024 * 1024);
    expect(allegato.stato).toBe(200);
    const troppo = await invia("/domande/7/allegati", { ...multipart, "Content-Length": String(12 * 1024 * 1024) }, 12 * 1024 * 1024);
    expect(troppo.stato).toBe(413);
    const elenco = await invia("/domande/7/lavoratori", { ...multipart, "Transfer-Encoding": "chunked" }, 3 * 1024 * 1024);
    expect(elenco.stato).toBe(413);
    // 40 parts of 1 MB sent to a form without files never reach the parser.
    const altrove = await invia("/accedi", { ...multipart, "Content-Length": String(40 * 1024 * 1024) }, 40 * 1024 * 1024);
    expect(altrove.stato).toBe(413);
    expect(limiteCorpo("/accedi", multipart["Content-Type"])).toBe(LIMITE_MODULO);
    // A flow's file, sent, checked as a page or checked as a CSV report: 50 MB and the form around it; no other path.
    for (const p of ["/flussi", "/flussi/verifica", "/flussi/verifica.csv"]) expect(limiteCorpo(p, multipart["Content-Type"])).toBeGreaterThan(50 * 1024 * 1024);
    expect(limiteCorpo("/flussi/verifica.csvx", multipart["Content-Type"])).toBe(LIMITE_MODULO);
  });

  it("un modulo letto prima di Remix gli arriva come dall'adattatore: URL, metodo, intestazioni, corpo", async () => {
    const corpo = "csrf=abc&chiaveInvio=k%C3%A8y&veridicita=si";
    const r = await new Promise<number>((risolvi, rifiuta) => {
      const req = http.request({
        host: "127.0.0.1", port: porta, path: "/richiesta-web?passo=invio", method: "POST",
        headers: { ...FORM, "Content-Length": String(Buffer.byteLength(corpo)), Cookie: "omnia_sessione=x", Accept: "text/html" },
      }, (res) => { res.resume(); res.on("end", () => risolvi(res.statusCode ?? 0)); });
      req.on("error", rifiuta);
      req.end(corpo);
    });
    expect(r).toBe(200);
    expect(richieste.at(-1)).toMatchObject({
      url: `http://127.0.0.1:${porta}/richiesta-web?passo=invio`, metodo: "POST", cookie: "omnia_sessione=x", accetta: "text/html", corpo,
    });
  });

  it("un client che se ne va prima della risposta interrompe la richiesta (il segnale di Remix)", async () => {
    const prima = richieste.length;
    const corpo = "a=b";
    const req = http.request({ host: "127.0.0.1", port: porta, path: "/richiesta-web?attendi=1", method: "POST", headers: { ...FORM, "Content-Length": "3" } });
    req.on("error", () => undefined);
    req.end(corpo);
    await expect.poll(() => richieste.length).toBe(prima + 1);
    const { segnale } = richieste.at(-1)!;
    expect(segnale.aborted).toBe(false);
    req.destroy();
    await expect.poll(() => segnale.aborted).toBe(true);
  });

  it("API dei flussi: il file come corpo fino a 50 MB, oltre 413 senza leggerlo; le altre rotte dell'API come i moduli", async () => {
    expect(limiteCorpo("/api/v1/flussi", "application/xml")).toBe(50 * 1024 * 1024);
    const troppo = await invia("/api/v1/flussi", { "Content-Type": "application/xml", "Content-Length": String(51 * 1024 * 1024) }, 51 * 1024 * 1024);
    expect(troppo.stato).toBe(413);
    expect(limiteCorpo("/api/v1/eliminazioni", "application/json")).toBe(LIMITE_MODULO);
  });
});
