// What an internal name looks like, for tests that assert users never see one: a dotted parameter or rule key
// ("durata.cigo.oreLavorabili", "liquidita.formula") or a version slug ("quick-ratio-provvisoria-1"). Legal references
// ("art. 12 c.5 d.lgs. 148/2015", "D.L. 98/2023") do not match.
import { elencoParametri } from "~/domain/parametri";

export const NOME_INTERNO = /\b[a-z][a-zA-Z0-9]{2,}\.[a-z][a-zA-Z0-9]{2,}(?:\.[a-zA-Z0-9]+)*\b|\b[a-z0-9]+(?:-[a-z0-9]+){2,}\b/;

/** The internal names found in a text: every parameter's name, and anything shaped like one. */
export function nomiInterniIn(testo: string): string[] {
  const trovati = elencoParametri().map((p) => p.nome).filter((n) => testo.includes(n));
  const forma = testo.match(new RegExp(NOME_INTERNO.source, "g")) ?? [];
  return [...new Set([...trovati, ...forma])];
}

/** The text a reader gets from server-rendered HTML: tags and attributes removed, common entities decoded. */
export function testoVisibile(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;|&#39;|&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

/** The outcome items (`<li class="esito esito-…">`) of a rendered page, as severity class and visible text. */
export function esitiResi(html: string): Array<{ gravita: string; testo: string }> {
  return [...html.matchAll(/<li class="esito esito-(bloccante|avviso|informazione)[^"]*">([\s\S]*?)<\/li>/g)].map((m) => ({
    gravita: m[1],
    testo: testoVisibile(m[2]).trim(),
  }));
}
