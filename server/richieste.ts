// Request bodies bounded before anything reads them, and error pages that never show a stack trace to the public.
// Each route accepts a body of at most its cap: a declared Content-Length over the cap answers 413 at once without
// reading a byte; a body without Content-Length (chunked) is counted while it arrives and refused as soon as it
// passes the cap. Memory stays within the cap whatever a client sends.
import type { ErrorRequestHandler, NextFunction, Request, RequestHandler, Response } from "express";
// The express adapter's own request and response conversions (exported by its server module, not by its index).
import { createRemixRequest, sendRemixResponse } from "@remix-run/express/dist/server.js";
import { createRequestHandler, type AppLoadContext, type ServerBuild } from "@remix-run/node";
import { ELENCO_MAX_BYTE } from "../app/passi/schemi/lavoratori";
import { LIMITI_ALLEGATI } from "../app/passi/schemi/allegati";
import { LIMITI_FLUSSO } from "../app/domain/flussi/denuncia";
import { LIMITI_ESITO } from "../app/domain/pagamenti/esito-banca";
import { messaggiInterfaccia } from "../app/testi/interfaccia";
import { htmlDocumento } from "../app/http/documento.server";

/** Forms without files (urlencoded): the longest, the relazione tecnica, stays well under this. */
export const LIMITE_MODULO = 256 * 1024;
// Room for the other fields and the multipart boundaries around one file at its limit.
const MARGINE_MULTIPART = 256 * 1024;

const PERCORSI_CON_FILE: Array<[RegExp, number]> = [
  [/^\/domande\/[^/]+\/(allegati|relazione-tecnica)\/?$/, LIMITI_ALLEGATI.byteFile + MARGINE_MULTIPART],
  [/^\/domande\/[^/]+\/lavoratori\/?$/, ELENCO_MAX_BYTE + MARGINE_MULTIPART],
  // The answer to the Sede's request: several PDFs, within the same total as the domanda's attachments.
  [/^\/domande\/[^/]+\/risposta\/?$/, LIMITI_ALLEGATI.byteTotali + MARGINE_MULTIPART],
  // A message of a domanda's thread, from either side, with its PDFs (app/domain/comunicazioni.ts: the same total).
  [/^\/(domande|scrivania)\/[^/]+\/messaggi\/?$/, LIMITI_ALLEGATI.byteTotali + MARGINE_MULTIPART],
  // A bank's status report (pain.002) for a payment batch.
  [/^\/scrivania\/pagamenti\/lotti\/[^/]+\/esito\/?$/, LIMITI_ESITO.byte + MARGINE_MULTIPART],
  // A UniEmens-Cig flow: the file goes to the reader as it arrives (app/http/flusso-caricato.server.ts).
  [/^\/flussi(\/verifica(\.csv)?)?\/?$/, LIMITI_FLUSSO.byte + MARGINE_MULTIPART],
];

/** The largest body any route accepts: the proxy in front (ops/cluster/nginx.conf) lets through up to this. */
export function limiteCorpoMassimo(): number {
  return Math.max(LIMITE_MODULO, ...PERCORSI_CON_FILE.map(([, limite]) => limite));
}

/** The largest body a route accepts: a multipart upload only where a form sends a file, else a small form. */
export function limiteCorpo(percorso: string, tipo: string | undefined): number {
  // The flows API takes the file itself as the body (XML or CSV), read as a stream by the flow reader.
  if (/^\/api\/v1\/flussi\/?$/.test(percorso)) return LIMITI_FLUSSO.byte;
  if ((tipo ?? "").toLowerCase().startsWith("multipart/form-data")) {
    for (const [schema, limite] of PERCORSI_CON_FILE) if (schema.test(percorso)) return limite;
  }
  return LIMITE_MODULO;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A self-contained Italian error page, for refusals made before Remix renders anything. */
export function paginaErrore(stato: 400 | 413 | 429 | 500): string {
  const testi = messaggiInterfaccia.errori[stato];
  const e = messaggiInterfaccia.errori;
  return `<!doctype html><html lang="it"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Errore: ${escapeHtml(testi.titolo)} — OMNIA IS</title><link rel="stylesheet" href="/css/app.css"></head><body><main class="container my-5"><h1>${escapeHtml(testi.titolo)}</h1><p class="lead">${escapeHtml(testi.testo)}</p><p>${escapeHtml(testi.suggerimento)}</p><p><a href="/">${escapeHtml(e.tornaHome)}</a></p><p class="text-secondary small">${escapeHtml(e.codice)}: ${stato}</p></main></body></html>`;
}

/**
 * Answers with the error page and closes the connection: the body not read is never read (Node discards it with
 * the socket), so a refused upload costs neither memory nor time.
 */
function rifiuta(req: Request, res: Response, stato: 400 | 413): void {
  res.status(stato).set({ Connection: "close", "Cache-Control": "no-store" }).type("html").send(paginaErrore(stato));
  res.on("finish", () => req.destroy());
}

type Locali = { corpo?: Buffer };

/**
 * The cap, before any parsing. With Content-Length the check is immediate; without it the body is read here, up to
 * the cap, and handed to Remix (see gestoreRemix) — a chunked body over the cap is refused while it arrives.
 */
export function limitaCorpo(): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method === "GET" || req.method === "HEAD") return next();
    const limite = limiteCorpo(req.path, req.get("content-type"));
    const dichiarata = req.get("content-length");
    if (dichiarata !== undefined) {
      if (!/^[0-9]{1,15}$/.test(dichiarata)) return rifiuta(req, res, 400);
      if (Number(dichiarata) > limite) return rifiuta(req, res, 413);
      return next();
    }
    if (req.get("transfer-encoding") === undefined) return next(); // no body at all
    const pezzi: Buffer[] = [];
    let letti = 0;
    let finito = false;
    const fine = (esito: "ok" | "troppo" | "errore") => {
      if (finito) return;
      finito = true;
      req.off("data", dati);
      req.off("end", completo);
      req.off("error", guasto);
      if (esito === "troppo") {
        req.pause();
        return rifiuta(req, res, 413);
      }
      if (esito === "errore") return rifiuta(req, res, 400);
      (res.locals as Locali).corpo = Buffer.concat(pezzi, letti);
      next();
    };
    const dati = (pezzo: Buffer) => {
      letti += pezzo.byteLength;
      if (letti > limite) return fine("troppo");
      pezzi.push(pezzo);
    };
    const completo = () => fine("ok");
    const guasto = () => fine("errore");
    req.on("data", dati);
    req.on("end", completo);
    req.on("error", guasto);
  };
}

/** A form without files with its Content-Length (within LIMITE_MODULO: limitaCorpo refused a longer one). */
function moduloPiccolo(req: Request): boolean {
  const dichiarata = Number(req.get("content-length") ?? 0);
  return dichiarata > 0 && limiteCorpo(req.path, req.get("content-type")) <= LIMITE_MODULO;
}

function leggiTutto(req: Request): Promise<Buffer> {
  return new Promise((risolvi, rifiuta) => {
    const pezzi: Buffer[] = [];
    req.on("data", (p: Buffer) => pezzi.push(p));
    req.on("end", () => risolvi(Buffer.concat(pezzi)));
    req.on("error", rifiuta);
  });
}

/**
 * The web Request Remix receives: the express adapter's (createRemixRequest), or, for a body already read, the same
 * Request (URL, headers, a signal aborted when the client goes away before the answer) with those bytes as its body.
 * A form without files is read here whole: Remix then gets it as bytes, not as the adapter's web stream over the
 * socket, which showed in the submissions' CPU profile (`npm run bench -- --invii`). Uploads stay streamed.
 */
export async function richiestaRemix(req: Request, res: Response): Promise<globalThis.Request> {
  const corpo = (res.locals as Locali).corpo ?? (moduloPiccolo(req) ? await leggiTutto(req) : undefined);
  if (!corpo) return createRemixRequest(req, res);
  let controllo: AbortController | null = new AbortController();
  res.on("finish", () => (controllo = null));
  res.on("close", () => controllo?.abort());
  const body = new Uint8Array(corpo.buffer, corpo.byteOffset, corpo.byteLength) as Uint8Array<ArrayBuffer>;
  return new globalThis.Request(urlRichiesta(req), { method: req.method, headers: intestazioniWeb(req), signal: controllo.signal, body });
}

/** The request's URL as the express adapter computes it (req.hostname follows "trust proxy"; the port from the headers). */
function urlRichiesta(req: Request): string {
  const porta = (intestazione: string | undefined) => Number.parseInt(intestazione?.split(":")[1] ?? "", 10);
  const inoltrata = porta(req.get("X-Forwarded-Host"));
  const diretta = porta(req.get("host"));
  const p = Number.isSafeInteger(inoltrata) ? inoltrata : Number.isSafeInteger(diretta) ? diretta : "";
  return new URL(`${req.protocol}://${req.hostname}${p ? `:${p}` : ""}${req.originalUrl}`).href;
}

/** Node's headers as web Headers, as the express adapter copies them (repeated headers appended). */
function intestazioniWeb(req: Request): Headers {
  const headers = new Headers();
  for (const [nome, valori] of Object.entries(req.headers)) {
    if (!valori) continue;
    if (Array.isArray(valori)) for (const v of valori) headers.append(nome, v);
    else headers.set(nome, valori);
  }
  return headers;
}

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

/** A request from the machine itself (not by the Host header, which a client writes as it likes). */
export function richiestaLocale(req: Request): boolean {
  return LOOPBACK.has(req.socket.remoteAddress ?? "");
}

/**
 * Remix behind express, like @remix-run/express's handler, with two differences: a body already read by limitaCorpo
 * is passed on, and the development mode (whose error data carry stack traces) serves only requests from the
 * machine itself; every other request is served in production mode, where errors are sanitised.
 */
export function gestoreRemix(opzioni: {
  build: ServerBuild;
  produzione: boolean;
  getLoadContext: (req: Request, res: Response) => AppLoadContext;
}): RequestHandler {
  const produzione = createRequestHandler(opzioni.build, "production");
  const sviluppo = opzioni.produzione ? produzione : createRequestHandler(opzioni.build, "development");
  return async (req, res, next) => {
    try {
      const request = await richiestaRemix(req, res);
      const gestore = richiestaLocale(req) ? sviluppo : produzione;
      await inviaRisposta(res, await gestore(request, opzioni.getLoadContext(req, res)));
    } catch (errore) {
      next(errore);
    }
  };
}

/**
 * Sends Remix's Response: a rendered page in one write with its length (app/http/documento.server.ts), anything else
 * (data, files, redirects, streams) as the express adapter does.
 */
async function inviaRisposta(res: Response, risposta: globalThis.Response): Promise<void> {
  const html = htmlDocumento(risposta);
  if (html === null) return sendRemixResponse(res, risposta);
  res.statusMessage = risposta.statusText;
  res.status(risposta.status);
  for (const [nome, valore] of risposta.headers.entries()) res.append(nome, valore);
  // compression drops the length when it compresses; otherwise Node sends it instead of chunks.
  res.setHeader("Content-Length", Buffer.byteLength(html));
  res.end(html);
}

/** Last resort for an error outside Remix: the Italian 500 page, never the stack (logged on the server). */
export function gestoreErrori(): ErrorRequestHandler {
  return (errore, _req, res, next) => {
    console.error(errore);
    if (res.headersSent) return next(errore);
    res.status(500).set("Cache-Control", "no-store").type("html").send(paginaErrore(500));
  };
}
