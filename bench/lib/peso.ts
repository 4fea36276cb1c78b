// (2) Page weight: HTML, linked CSS, the woff2 fonts those stylesheets declare, images, and the JS the page loads
// (modulepreload, script src, static imports of inline and loaded modules, followed transitively). Raw bytes and
// gzip (node:zlib, level 9 as a proxy for the server's compression); woff2 is already compressed and counted as is.
import { gzipSync } from "node:zlib";
import { decodifica, richiesta, type Biscotti } from "./http";

export const BUDGET = { senzaJsKb: 100, cssKb: 30, jsKb: 120 } as const;

export interface Risorsa {
  url: string;
  tipo: "html" | "css" | "font" | "img" | "js";
  byte: number;
  gzip: number;
}

export interface PesoPagina {
  pagina: string;
  profilo: string;
  stato: number;
  htmlGz: number;
  cssGz: number;
  fontByte: number;
  font: number;
  imgGz: number;
  jsGz: number;
  jsFile: number;
  senzaJsGz: number;
  conJsGz: number;
  esito: "ok" | "KO";
  fuoriBudget: string[];
  risorse: Risorsa[];
}

const gz = (b: Buffer) => gzipSync(b, { level: 9 }).length;

function attributo(tag: string, nome: string): string | undefined {
  const m = new RegExp(`\\b${nome}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, "i").exec(tag);
  return m ? decodifica(m[2] ?? m[3] ?? m[4] ?? "") : undefined;
}

function importStatici(js: string): string[] {
  const out: string[] = [];
  for (const m of js.matchAll(/\bimport\s*(?:[\w*{}\s,$]+?\s*from\s*)?["']([^"']+)["']/g)) out.push(m[1]);
  for (const m of js.matchAll(/\bexport\s*(?:\*|\{[^}]*\})\s*from\s*["']([^"']+)["']/g)) out.push(m[1]);
  return out;
}

export async function pesaPagina(base: string, percorso: string, profilo: string, biscotti: Biscotti): Promise<PesoPagina> {
  const cache = new Map<string, Buffer>();
  const scarica = async (url: string) => {
    if (!cache.has(url)) {
      const r = await fetch(url, { signal: AbortSignal.timeout(30_000) });
      if (!r.ok) throw new Error(`${url}: ${r.status}`);
      cache.set(url, Buffer.from(await r.arrayBuffer()));
    }
    return cache.get(url)!;
  };
  const risposta = await richiesta(base, percorso, biscotti);
  const paginaUrl = new URL(percorso, base);
  const htmlBuf = Buffer.from(await risposta.arrayBuffer());
  const html = htmlBuf.toString("utf8");
  const risorse: Risorsa[] = [{ url: paginaUrl.pathname, tipo: "html", byte: htmlBuf.length, gzip: gz(htmlBuf) }];
  const aggiungi = (url: string, tipo: Risorsa["tipo"], b: Buffer) => {
    if (!risorse.some((r) => r.url === url)) risorse.push({ url, tipo, byte: b.length, gzip: tipo === "font" ? b.length : gz(b) });
  };
  const locale = (u: string, rispetto: URL | string) => {
    const x = new URL(u, rispetto);
    return x.origin === paginaUrl.origin ? x : null;
  };

  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = (attributo(tag, "rel") ?? "").toLowerCase().split(/\s+/);
    const href = attributo(tag, "href");
    if (!href) continue;
    const url = locale(href, paginaUrl);
    if (!url) continue;
    if (rel.includes("stylesheet")) {
      const css = await scarica(url.toString());
      aggiungi(url.pathname, "css", css);
      for (const m of css.toString("utf8").matchAll(/url\(\s*["']?([^"')]+\.woff2)(?:[?#][^"')]*)?["']?\s*\)/gi)) {
        const f = locale(m[1], url);
        if (f) aggiungi(f.pathname, "font", await scarica(f.toString()));
      }
    } else if (rel.includes("modulepreload")) {
      aggiungi(url.pathname, "js", await scarica(url.toString()));
    }
  }
  for (const [tag] of html.matchAll(/<img\b[^>]*>/gi)) {
    const src = attributo(tag, "src");
    const url = src && !src.startsWith("data:") ? locale(src, paginaUrl) : null;
    if (url) aggiungi(url.pathname, "img", await scarica(url.toString()));
  }
  // JS: script src, imports of inline module scripts, then every static import of loaded modules.
  const daVisitare: URL[] = [];
  for (const [, attr, corpo] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const src = attributo(`<x ${attr}>`, "src");
    if (src) {
      const u = locale(src, paginaUrl);
      if (u) daVisitare.push(u);
    } else {
      for (const s of importStatici(corpo)) {
        const u = locale(s, paginaUrl);
        if (u) daVisitare.push(u);
      }
    }
  }
  for (const r of risorse.filter((x) => x.tipo === "js")) daVisitare.push(new URL(r.url, paginaUrl));
  const visti = new Set<string>();
  while (daVisitare.length > 0) {
    const u = daVisitare.shift()!;
    if (visti.has(u.pathname)) continue;
    visti.add(u.pathname);
    const b = await scarica(u.toString());
    aggiungi(u.pathname, "js", b);
    for (const s of importStatici(b.toString("utf8"))) {
      const v = locale(s, u);
      if (v && !visti.has(v.pathname)) daVisitare.push(v);
    }
  }

  const somma = (t: Risorsa["tipo"]) => risorse.filter((r) => r.tipo === t).reduce((a, r) => a + r.gzip, 0);
  const htmlGz = somma("html");
  const cssGz = somma("css");
  const fontByte = somma("font");
  const imgGz = somma("img");
  const jsGz = somma("js");
  const senzaJsGz = htmlGz + cssGz + fontByte + imgGz;
  const fuoriBudget: string[] = [];
  if (senzaJsGz > BUDGET.senzaJsKb * 1024) fuoriBudget.push(`senza JS ${kb(senzaJsGz)} > ${BUDGET.senzaJsKb} KB`);
  if (cssGz > BUDGET.cssKb * 1024) fuoriBudget.push(`CSS ${kb(cssGz)} > ${BUDGET.cssKb} KB`);
  if (jsGz > BUDGET.jsKb * 1024) fuoriBudget.push(`JS ${kb(jsGz)} > ${BUDGET.jsKb} KB`);
  return {
    pagina: percorso,
    profilo,
    stato: risposta.status,
    htmlGz,
    cssGz,
    fontByte,
    font: risorse.filter((r) => r.tipo === "font").length,
    imgGz,
    jsGz,
    jsFile: risorse.filter((r) => r.tipo === "js").length,
    senzaJsGz,
    conJsGz: senzaJsGz + jsGz,
    esito: fuoriBudget.length === 0 ? "ok" : "KO",
    fuoriBudget,
    risorse,
  };
}

export const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;

export interface PesoJsRotta {
  rotta: string;
  jsGz: number;
  jsFile: number;
  esito: "ok" | "KO";
}

/**
 * The JS each route loads with JavaScript on, from Remix's manifest (the same list the page's modulepreloads come
 * from: entry, then root and every parent route down to the route, with their static imports followed): every
 * route is weighed, also the steps a crawl cannot open because an earlier step of the draft is incomplete.
 */
export async function pesaJsRotte(base: string): Promise<PesoJsRotta[]> {
  const html = await (await fetch(new URL("/", base), { signal: AbortSignal.timeout(30_000) })).text();
  const src = /<script\b[^>]*\bsrc="([^"]*\/manifest-[^"]+\.js)"/i.exec(html)?.[1] ?? /["'](\/build\/manifest-[^"']+\.js)["']/.exec(html)?.[1];
  if (!src) throw new Error("manifest di Remix non trovato nella pagina iniziale");
  const testo = await (await fetch(new URL(src, base), { signal: AbortSignal.timeout(30_000) })).text();
  const manifest = JSON.parse(testo.replace(/^window\.__remixManifest\s*=\s*/, "").replace(/;\s*$/, "")) as {
    entry: { module: string; imports?: string[] };
    routes: Record<string, { id: string; parentId?: string; module: string; imports?: string[] }>;
  };
  const cache = new Map<string, Buffer>();
  const scarica = async (u: string) => {
    if (!cache.has(u)) cache.set(u, Buffer.from(await (await fetch(new URL(u, base), { signal: AbortSignal.timeout(30_000) })).arrayBuffer()));
    return cache.get(u)!;
  };
  const out: PesoJsRotta[] = [];
  for (const rotta of Object.values(manifest.routes)) {
    if (rotta.id === "root") continue;
    const catena: string[] = [];
    for (let r: (typeof manifest.routes)[string] | undefined = rotta; r; r = r.parentId ? manifest.routes[r.parentId] : undefined) {
      catena.push(r.module, ...(r.imports ?? []));
    }
    const daVisitare = [manifest.entry.module, ...(manifest.entry.imports ?? []), ...catena].map((u) => new URL(u, base));
    const visti = new Set<string>();
    let jsGz = 0;
    while (daVisitare.length > 0) {
      const u = daVisitare.shift()!;
      if (visti.has(u.pathname)) continue;
      visti.add(u.pathname);
      const b = await scarica(u.pathname);
      jsGz += gz(b);
      for (const s of importStatici(b.toString("utf8"))) {
        const v = new URL(s, u);
        if (v.origin === u.origin && !visti.has(v.pathname)) daVisitare.push(v);
      }
    }
    out.push({ rotta: rotta.id.replace(/^routes\//, ""), jsGz, jsFile: visti.size, esito: jsGz > BUDGET.jsKb * 1024 ? "KO" : "ok" });
  }
  return out.sort((a, b) => b.jsGz - a.jsGz);
}
