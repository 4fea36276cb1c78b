// Security finding: in development mode malformed requests showed the full stack trace with file paths. Remix's
// development mode puts the stack in its error data, so server/richieste.ts serves it only to requests from the
// machine itself (by the socket's address, not a header) and production mode to every request from elsewhere; a
// production server never uses it. Tested over real HTTP with the same handler as server.ts and a build whose
// loaders fail: once from 127.0.0.1, once from this machine's own network address (not loopback).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { networkInterfaces } from "node:os";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gestoreErrori, gestoreRemix } from "../../server/richieste";
import { buildDiProva } from "../build-di-prova";

const SEGRETO = "dettaglio-interno-mai-mostrato";

function guasto(): never {
  throw new Error(`${SEGRETO} (connessione a db.interno)`);
}

/** The smallest build Remix serves: a root, a page route and a resource route whose loaders throw. */
const build = buildDiProva(
  {
    root: { id: "root", path: "", module: { default: () => null } },
    "routes/pagina": { id: "routes/pagina", parentId: "root", path: "pagina", module: { default: () => null, loader: guasto } },
    "routes/risorsa": { id: "routes/risorsa", parentId: "root", path: "risorsa", module: { loader: guasto } },
  },
  {
    default: () => new Response("<!doctype html><title>pagina</title>", { headers: { "Content-Type": "text/html" } }),
    // The platform's handleError logs; here the log is not what is tested.
    handleError: () => {},
  },
);

/** This machine's first non-loopback IPv4 address: a request to it arrives from it, not from 127.0.0.1. */
const esterno = Object.values(networkInterfaces())
  .flat()
  .find((i) => i && i.family === "IPv4" && !i.internal)?.address;
if (!esterno) console.warn("Nessun indirizzo di rete oltre al loopback: i casi 'da un'altra macchina' sono saltati.");

const servers: http.Server[] = [];

async function avvia(produzione: boolean): Promise<number> {
  const app = express();
  app.all("*", gestoreRemix({ build, produzione, getLoadContext: () => ({ cspNonce: "x" }) }));
  app.use(gestoreErrori());
  const server = app.listen(0, "0.0.0.0");
  servers.push(server);
  await new Promise<void>((ok) => server.once("listening", () => ok()));
  return (server.address() as AddressInfo).port;
}

let sviluppo: number;
let produzione: number;

beforeAll(async () => {
  sviluppo = await avvia(false);
  produzione = await avvia(true);
});

afterAll(async () => {
  for (const s of servers) {
    s.closeAllConnections();
    await new Promise<void>((ok) => s.close(() => ok()));
  }
});

const PERCORSI = ["/pagina?_data=routes%2Fpagina", "/risorsa"];

async function leggi(host: string, porta: number, percorso: string) {
  const r = await fetch(`http://${host}:${porta}${percorso}`, { signal: AbortSignal.timeout(10_000) });
  return { stato: r.status, corpo: await r.text() };
}

const conTraccia = (corpo: string) => corpo.includes(SEGRETO) || /\bat .+\.(ts|js):\d+/.test(corpo);

describe("tracce dello stack: solo in sviluppo e solo alla macchina stessa", () => {
  it("development mode shows the error and its stack to a request from 127.0.0.1", async () => {
    for (const p of PERCORSI) {
      const r = await leggi("127.0.0.1", sviluppo, p);
      expect(r.stato).toBe(500);
      expect(r.corpo).toContain(SEGRETO);
      // The data of a page carries the stack too (a resource route's answer only the message).
      if (p.includes("_data")) expect(r.corpo).toMatch(/\bat .+:\d+/);
    }
  });

  it.skipIf(!esterno)("development mode shows nothing of the error to a request from another address", async () => {
    for (const p of PERCORSI) {
      const r = await leggi(esterno!, sviluppo, p);
      expect(r.stato).toBe(500);
      expect(conTraccia(r.corpo)).toBe(false);
    }
  });

  it("production mode never shows the error, not even to 127.0.0.1", async () => {
    const host = ["127.0.0.1", ...(esterno ? [esterno] : [])];
    for (const h of host) {
      for (const p of PERCORSI) {
        const r = await leggi(h, produzione, p);
        expect(r.stato).toBe(500);
        expect(conTraccia(r.corpo)).toBe(false);
      }
    }
  });
});
