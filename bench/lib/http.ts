// Small HTTP helpers for the benchmark, the start smoke and the load tests: a cookie jar, hidden fields of a form, and
// the sign-in over OpenID Connect through the local test provider without a browser (accediOidc, accediDemo).

export class Biscotti {
  private valori = new Map<string, string>();
  aggiorna(risposta: Response): void {
    for (const riga of risposta.headers.getSetCookie()) {
      const [coppia, ...attributi] = riga.split(";");
      const i = coppia.indexOf("=");
      const nome = coppia.slice(0, i).trim();
      const valore = coppia.slice(i + 1).trim();
      const scaduto = attributi.some((a) => /^\s*max-age=0\s*$/i.test(a));
      if (!valore || scaduto) this.valori.delete(nome);
      else this.valori.set(nome, valore);
    }
  }
  intestazione(): string {
    return [...this.valori].map(([n, v]) => `${n}=${v}`).join("; ");
  }
}

export interface Modulo {
  html: string;
  testo: string;
  campi: Map<string, string>;
}

const entita: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", "#x27": "'" };
export const decodifica = (s: string) => s.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, e: string) => entita[e]);

/** The forms of a page with their hidden and checked fields (enough for the demo sign-in and the profile choice). */
export function moduli(html: string): Modulo[] {
  return [...html.matchAll(/<form\b[\s\S]*?<\/form>/gi)].map(([f]) => {
    const campi = new Map<string, string>();
    for (const [input] of f.matchAll(/<input\b[^>]*>/gi)) {
      const nome = /\bname="([^"]*)"/.exec(input)?.[1];
      const valore = /\bvalue="([^"]*)"/.exec(input)?.[1] ?? "";
      const tipo = /\btype="([^"]*)"/.exec(input)?.[1] ?? "text";
      if (!nome) continue;
      if (tipo === "hidden" || ((tipo === "radio" || tipo === "checkbox") && /\bchecked\b/.test(input))) {
        campi.set(decodifica(nome), decodifica(valore));
      }
    }
    const testo = decodifica(f.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim());
    return { html: f, testo, campi };
  });
}

export async function richiesta(
  base: string,
  percorso: string,
  biscotti: Biscotti,
  init: { method?: string; corpo?: URLSearchParams } = {},
): Promise<Response> {
  const r = await fetch(new URL(percorso, base), {
    method: init.method ?? "GET",
    redirect: "manual",
    headers: {
      Cookie: biscotti.intestazione(),
      ...(init.corpo ? { "Content-Type": "application/x-www-form-urlencoded", Origin: base, Referer: new URL(percorso, base).toString() } : {}),
    },
    body: init.corpo,
    signal: AbortSignal.timeout(30_000),
  });
  biscotti.aggiorna(r);
  return r;
}

export class ErroreAccesso extends Error {}

/** An answer that is a redirect: its target as an absolute URL, else null. */
function destinazione(base: string, r: Response): URL | null {
  const l = r.headers.get("location");
  return r.status >= 300 && r.status < 400 && l ? new URL(l, base) : null;
}

/**
 * The OpenID Connect sign-in without a browser (ADR 018), for the start smoke, the benchmarks and the load tests:
 * /accedi's "Entra con SPID o CIE" form (anonymous CSRF token), the redirects to the local test provider, its login
 * screen (the form of the demo identity whose text matches `chi`, at SPID level `livello`), the redirects back to
 * /accedi/ritorno. Returns the cookie jar and where the platform sent the browser after the callback (/profilo or
 * the reserved area); throws ErroreAccesso with the page's text when the platform refuses the sign-in.
 */
export async function accediOidc(
  base: string,
  chi: RegExp,
  opzioni: { livello?: 1 | 2; biscotti?: Biscotti; ritorno?: string } = {},
): Promise<{ biscotti: Biscotti; dopo: URL; cf: string }> {
  const biscotti = opzioni.biscotti ?? new Biscotti();
  const pagina = await richiesta(base, `/accedi${opzioni.ritorno ? `?ritorno=${encodeURIComponent(opzioni.ritorno)}` : ""}`, biscotti);
  if (pagina.status !== 200) throw new ErroreAccesso(`/accedi ha risposto ${pagina.status}`);
  const avvio = moduli(await pagina.text()).find((m) => /Entra con SPID/.test(m.testo));
  if (!avvio) throw new ErroreAccesso("/accedi senza il pulsante «Entra con SPID o CIE»");
  let r = await richiesta(base, "/accedi", biscotti, { method: "POST", corpo: new URLSearchParams([...avvio.campi]) });
  let verso = destinazione(base, r);
  // Redirects up to the provider's login screen.
  for (let i = 0; verso && i < 10; i++) {
    r = await richiesta(verso.origin, verso.pathname + verso.search, biscotti);
    verso = destinazione(base, r);
  }
  if (r.status !== 200) throw new ErroreAccesso(`fornitore di identità di prova: risposta ${r.status} invece della pagina di accesso`);
  const schermo = new URL(r.url);
  const livello = String(opzioni.livello ?? 2);
  const forms = moduli(await r.text());
  // Level 2: one form per identity. Level 1: one form with a list of identities (a select).
  let scelta = forms.find((m) => m.campi.has("codiceFiscale") && m.campi.get("livello") === livello && chi.test(m.testo));
  if (!scelta && livello === "1") {
    const modulo = forms.find((m) => m.campi.get("livello") === "1");
    const voce = [...(modulo?.html ?? "").matchAll(/<option\b[^>]*value="([^"]*)"[^>]*>([\s\S]*?)<\/option>/gi)].find((o) => chi.test(decodifica(o[2])));
    if (modulo && voce) {
      scelta = { ...modulo, campi: new Map(modulo.campi) };
      scelta.campi.set("codiceFiscale", decodifica(voce[1]));
    }
  }
  if (!scelta) throw new ErroreAccesso(`nessuna identità dimostrativa corrisponde a ${chi} sul fornitore di prova`);
  const cf = scelta.campi.get("codiceFiscale")!;
  const azione = new URL(decodifica(/\baction="([^"]*)"/.exec(scelta.html)?.[1] ?? schermo.pathname), schermo);
  r = await richiesta(azione.origin, azione.pathname, biscotti, { method: "POST", corpo: new URLSearchParams([...scelta.campi]) });
  verso = destinazione(base, r);
  // Redirects through the provider and the platform's callback, until the platform sends the browser elsewhere.
  for (let i = 0; verso && i < 10; i++) {
    if (!verso.pathname.startsWith("/oidc-prova/") && verso.pathname !== "/accedi/ritorno") {
      return { biscotti, dopo: verso, cf };
    }
    r = await richiesta(verso.origin, verso.pathname + verso.search, biscotti);
    verso = destinazione(base, r);
  }
  const testo = decodifica((await r.text()).replace(/<[^>]+>/g, " ").replace(/\s+/g, " "));
  throw new ErroreAccesso(`accesso come ${cf} rifiutato (${r.status}): ${testo.slice(0, 400)}`);
}

/**
 * Signs in over OpenID Connect as the demo identity whose text matches `chi` (e.g. /intermediari/i), then picks the
 * /profilo option matching `profilo` if asked to choose. Returns the cookie jar and the page it ended on.
 */
export async function accediDemo(
  base: string,
  chi: RegExp,
  profilo: RegExp = chi,
): Promise<{ biscotti: Biscotti; percorso: string; cf: string }> {
  const { biscotti, dopo, cf } = await accediOidc(base, chi);
  let percorso = dopo.pathname + dopo.search;
  let r: Response;
  if (dopo.pathname === "/profilo") {
    const html = await (await richiesta(base, percorso, biscotti)).text();
    const m = moduli(html).find((x) => x.html.includes('name="profilo"'));
    if (!m) throw new Error("/profilo senza il modulo di scelta del profilo");
    const opzioni = [...m.html.matchAll(/<input\b[^>]*name="profilo"[^>]*>[\s\S]*?<label[^>]*>([\s\S]*?)<\/label>/gi)].map((x) => ({
      valore: decodifica(/\bvalue="([^"]*)"/.exec(x[0])?.[1] ?? ""),
      etichetta: decodifica(x[1].replace(/<[^>]+>/g, "").trim()),
    }));
    const scelta = opzioni.find((o) => profilo.test(o.etichetta)) ?? opzioni[0];
    if (!scelta) throw new Error("/profilo non offre alcun profilo");
    const corpo = new URLSearchParams([...m.campi]);
    corpo.set("profilo", scelta.valore);
    r = await richiesta(base, "/profilo", biscotti, { method: "POST", corpo });
    percorso = r.headers.get("location") ?? "";
    if (r.status !== 302 && r.status !== 303) throw new Error(`scelta del profilo: risposta ${r.status}`);
  }
  return { biscotti, percorso: new URL(percorso, base).pathname, cf };
}
