import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToString } from "react-dom/server";

// Pages show personal data once signed in and each carries its own CSP nonce: no browser or shared cache keeps
// them (the back button after signing out on a shared computer shows nothing).
const NESSUNA_CACHE = "no-store";

export function handleDataRequest(response: Response) {
  response.headers.set("Cache-Control", NESSUNA_CACHE);
  return response;
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
  const html = renderToString(<RemixServer context={remixContext} url={request.url} nonce={loadContext.cspNonce} />);
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  responseHeaders.set("Cache-Control", NESSUNA_CACHE);
  return new Response(`<!DOCTYPE html>${html}`, { headers: responseHeaders, status: responseStatusCode });
}
