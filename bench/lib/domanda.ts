// Drafts for the SSR benchmarks, created through the real HTTP flow as a browser without JS would: GET each step,
// read its form (hidden csrf and versione, pre-filled values), change what the step needs, POST it, follow the 303.
import { decodifica, richiesta, type Biscotti } from "./http";

export interface CampiModulo {
  html: string;
  campi: Map<string, string>;
}

const attr = (tag: string, nome: string) => {
  const v = new RegExp(`\\b${nome}="([^"]*)"`, "i").exec(tag)?.[1];
  return v === undefined ? undefined : decodifica(v);
};

/** Every successful control of a form as a browser would post it (inputs, checked radios/checkboxes, textareas, selects). */
export function leggiModulo(formHtml: string): CampiModulo {
  const campi = new Map<string, string>();
  for (const [tag] of formHtml.matchAll(/<input\b[^>]*>/gi)) {
    const nome = attr(tag, "name");
    const tipo = (attr(tag, "type") ?? "text").toLowerCase();
    if (!nome || ["submit", "button", "file", "reset", "image"].includes(tipo)) continue;
    if ((tipo === "radio" || tipo === "checkbox") && !/\bchecked\b/i.test(tag)) continue;
    campi.set(nome, attr(tag, "value") ?? (tipo === "checkbox" ? "on" : ""));
  }
  for (const [, aperto, corpo] of formHtml.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/gi)) {
    const nome = attr(aperto, "name");
    if (nome) campi.set(nome, decodifica(corpo).replace(/^\n/, ""));
  }
  for (const [, aperto, corpo] of formHtml.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/gi)) {
    const nome = attr(aperto, "name");
    if (!nome) continue;
    const opzioni = [...corpo.matchAll(/<option\b[^>]*>/gi)].map(([o]) => o);
    const scelta = opzioni.find((o) => /\bselected\b/i.test(o)) ?? opzioni[0];
    campi.set(nome, scelta ? (attr(scelta, "value") ?? "") : "");
  }
  return { html: formHtml, campi };
}

/** The radio options of `nome` with their label text. */
export function scelteRadio(formHtml: string, nome: string): Array<{ valore: string; etichetta: string }> {
  const out: Array<{ valore: string; etichetta: string }> = [];
  for (const [tag] of formHtml.matchAll(/<input\b[^>]*type="radio"[^>]*>/gi)) {
    if (attr(tag, "name") !== nome) continue;
    const id = attr(tag, "id");
    const etichetta = id ? new RegExp(`<label\\b[^>]*for="${id}"[^>]*>([\\s\\S]*?)</label>`, "i").exec(formHtml)?.[1] : undefined;
    out.push({ valore: attr(tag, "value") ?? "", etichetta: decodifica((etichetta ?? "").replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim()) });
  }
  return out;
}

async function pagina(base: string, percorso: string, biscotti: Biscotti): Promise<string> {
  const r = await richiesta(base, percorso, biscotti);
  if (r.status !== 200) throw new Error(`GET ${percorso}: ${r.status}`);
  return r.text();
}

/** The form of a page that posts `campo` (e.g. the step form, which carries "versione"). */
function moduloCon(html: string, campo: string, percorso: string): CampiModulo {
  const f = [...html.matchAll(/<form\b[\s\S]*?<\/form>/gi)].map(([x]) => x).find((x) => x.includes(`name="${campo}"`));
  if (!f) throw new Error(`${percorso}: nessun modulo con il campo ${campo}`);
  return leggiModulo(f);
}

async function invia(base: string, percorso: string, biscotti: Biscotti, campi: Map<string, string>): Promise<string> {
  const r = await richiesta(base, percorso, biscotti, { method: "POST", corpo: new URLSearchParams([...campi]) });
  const dove = r.headers.get("location");
  if ((r.status !== 302 && r.status !== 303) || !dove) {
    const testo = (await r.text()).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
    const errore = /(Correggi[^.]*\.|[^.]*errore[^.]*\.)/i.exec(testo)?.[0] ?? testo.slice(0, 300);
    throw new Error(`POST ${percorso}: ${r.status} invece di un redirect (${errore.trim()})`);
  }
  return new URL(dove, base).pathname;
}

/** Id of a company the signed-in user may act for, from the list on /domande/nuova. */
export async function idAzienda(base: string, biscotti: Biscotti, ragioneSociale: RegExp): Promise<number> {
  const html = await pagina(base, "/domande/nuova", biscotti);
  for (const [, id, nome] of html.matchAll(/<a\b[^>]*href="[^"]*\?azienda=(\d+)"[^>]*>([\s\S]*?)<\/a>/gi)) {
    if (ragioneSociale.test(decodifica(nome))) return Number(id);
  }
  throw new Error(`/domande/nuova: nessuna azienda ${ragioneSociale} tra quelle accessibili`);
}

/** The ids of every company on /domande/nuova (for many drafts). */
export async function idAziende(base: string, biscotti: Biscotti): Promise<number[]> {
  const html = await pagina(base, "/domande/nuova", biscotti);
  return [...html.matchAll(/href="[^"]*\?azienda=(\d+)"/g)].map(([, id]) => Number(id));
}

/** POST /domande/nuova with the suggested benefit (or `prestazione`); returns the new draft's id. */
export async function nuovaBozza(base: string, biscotti: Biscotti, aziendaId: number, prestazione?: string): Promise<number> {
  const percorso = `/domande/nuova?azienda=${aziendaId}`;
  const m = moduloCon(await pagina(base, percorso, biscotti), "aziendaId", percorso);
  if (prestazione) m.campi.set("prestazione", prestazione);
  if (!m.campi.get("prestazione")) throw new Error(`${percorso}: nessuna prestazione suggerita`);
  const dove = await invia(base, "/domande/nuova", biscotti, m.campi);
  const id = /^\/domande\/(\d+)\/azienda$/.exec(dove)?.[1];
  if (!id) throw new Error(`POST /domande/nuova: redirect inatteso a ${dove}`);
  return Number(id);
}

/**
 * A CIGO draft up to the Lavoratori step: company data as pre-filled, the unit whose label matches `unita` (its
 * UniEmens figures as pre-filled), the period and causale. Returns the path of the Lavoratori page.
 */
export async function bozzaFinoAiLavoratori(
  base: string,
  biscotti: Biscotti,
  opzioni: { azienda: RegExp; unita: RegExp; causale: string; dal: string; al: string; oreRichieste: number },
): Promise<{ id: number; percorso: string }> {
  const id = await nuovaBozza(base, biscotti, await idAzienda(base, biscotti, opzioni.azienda), "CIGO");

  let percorso = `/domande/${id}/azienda`;
  let m = moduloCon(await pagina(base, percorso, biscotti), "versione", percorso);
  if (!m.campi.get("telefono")) m.campi.delete("telefono");
  let dove = await invia(base, percorso, biscotti, m.campi);
  if (dove !== `/domande/${id}/unita-produttiva`) throw new Error(`dopo ${percorso}: ${dove}`);

  percorso = dove;
  m = moduloCon(await pagina(base, percorso, biscotti), "versione", percorso);
  const unita = scelteRadio(m.html, "unitaProduttivaId").find((u) => opzioni.unita.test(u.etichetta));
  if (!unita) throw new Error(`${percorso}: nessuna unità ${opzioni.unita}`);
  // If the table was pre-filled for another unit the rows are ignored and the chosen unit's UniEmens figures apply.
  m.campi.set("unitaProduttivaId", unita.valore);
  dove = await invia(base, percorso, biscotti, m.campi);
  if (dove === percorso) {
    // A company with several units: the chosen unit's UniEmens figures are shown to check first (PRG to ?media=1).
    const conMedia = `${percorso}?media=1`;
    m = moduloCon(await pagina(base, conMedia, biscotti), "versione", conMedia);
    dove = await invia(base, percorso, biscotti, m.campi);
  }
  if (dove !== `/domande/${id}/periodo`) throw new Error(`dopo ${percorso}: ${dove}`);

  percorso = dove;
  m = moduloCon(await pagina(base, percorso, biscotti), "versione", percorso);
  m.campi.set("causale", opzioni.causale);
  m.campi.set("tipo", "sospensione");
  m.campi.set("dataInizio", opzioni.dal);
  m.campi.set("dataFine", opzioni.al);
  m.campi.set("oreRichieste", String(opzioni.oreRichieste));
  dove = await invia(base, percorso, biscotti, m.campi);
  // With open alerts the step stays on the period page (saved); the Lavoratori step is reachable either way.
  if (dove !== `/domande/${id}/lavoratori` && dove !== `/domande/${id}/periodo`) throw new Error(`dopo ${percorso}: ${dove}`);
  return { id, percorso: `/domande/${id}/lavoratori` };
}
