// The HTML of a rendered page, kept beside its Response so the HTTP server (server/richieste.ts) writes the string in
// one piece with its Content-Length instead of reading it back through the Response's web stream, chunk by chunk,
// and ending with a separate chunked terminator (two socket writes and an encode per page: README, Misure). The map
// lives on globalThis because the server build bundles its own copy of this module while server.ts imports the
// source, as db/connection.ts does.
const chiave = Symbol.for("omnia-is.documenti-html");
type Globale = typeof globalThis & { [chiave]?: WeakMap<Response, string> };

function documenti(): WeakMap<Response, string> {
  const g = globalThis as Globale;
  return (g[chiave] ??= new WeakMap());
}

/** A Response with the page's HTML as its body (any reader still gets it), remembered for the HTTP server. */
export function rispostaDocumento(html: string, init: ResponseInit): Response {
  const risposta = new Response(html, init);
  documenti().set(risposta, html);
  return risposta;
}

/** The HTML of a Response made by rispostaDocumento and not read yet; otherwise null (stream it). */
export function htmlDocumento(risposta: Response): string | null {
  if (risposta.bodyUsed) return null;
  return documenti().get(risposta) ?? null;
}
