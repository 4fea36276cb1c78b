import type { ActionFunctionArgs, AppLoadContext, EntryContext, LoaderFunctionArgs } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToString } from "react-dom/server";
import { codiceDiConnessione } from "#db/disponibilita";
import { rispostaDocumento } from "~/http/documento.server";
import {
  INTESTAZIONI_503,
  paginaServizioNonDisponibile,
  registraDatabaseNonRaggiungibile,
} from "~/http/servizio-non-disponibile.server";

// Requests that failed because the database was unreachable: they answer 503 with a page that needs no database
// (the root loader, which reads the session, has failed too), instead of a 500 that blames the platform.
const senzaDatabase = new WeakSet<Request>();

export function handleError(error: unknown, { request }: LoaderFunctionArgs | ActionFunctionArgs) {
  const codice = codiceDiConnessione(error);
  if (codice) {
    senzaDatabase.add(request);
    registraDatabaseNonRaggiungibile(codice, request);
    return;
  }
  if (!request.signal.aborted) console.error(error);
}

// Pages show personal data once signed in and each carries its own CSP nonce: no browser or shared cache keeps
// them (the back button after signing out on a shared computer shows nothing).
const NESSUNA_CACHE = "no-store";

export function handleDataRequest(response: Response, { request }: LoaderFunctionArgs | ActionFunctionArgs) {
  // With JavaScript, navigations fetch data: a database outage is a 503 there too.
  const risposta = senzaDatabase.has(request) ? new Response(response.body, { status: 503, headers: response.headers }) : response;
  risposta.headers.set("Cache-Control", NESSUNA_CACHE);
  return risposta;
}

// Every page is rendered whole, in one string, and sent in one piece: no page waits on deferred data (no defer or
// Suspense), so streaming would only add the cost of a Node stream piped into a web stream and back for every
// request (measured: bench/profilo.ts) while bots, browsers and the no-JS case all need the whole document anyway.
// A render error throws here and Remix answers with the error boundary.
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  if (senzaDatabase.has(request)) {
    return new Response(paginaServizioNonDisponibile(), { status: 503, headers: INTESTAZIONI_503 });
  }
  const html = renderToString(<RemixServer context={remixContext} url={request.url} nonce={loadContext.cspNonce} />);
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  responseHeaders.set("Cache-Control", NESSUNA_CACHE);
  return rispostaDocumento(`<!DOCTYPE html>${html}`, { headers: responseHeaders, status: responseStatusCode });
}
