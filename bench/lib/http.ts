// Small HTTP helpers for the benchmark: a cookie jar, hidden fields of a form, and the demo sign-in (127.0.0.1 only).

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

/**
 * Signs in through /accedi as the demo identity whose button text matches `chi` (e.g. /intermediari/i), then picks
 * the /profilo option matching `profilo` if asked to choose. Returns the cookie jar and the page it ended on.
 */
export async function accediDemo(
  base: string,
  chi: RegExp,
  profilo: RegExp = chi,
): Promise<{ biscotti: Biscotti; percorso: string; cf: string }> {
  const biscotti = new Biscotti();
  const pagina = await richiesta(base, "/accedi", biscotti);
  if (pagina.status !== 200) throw new Error(`/accedi ha risposto ${pagina.status}`);
  const modulo = moduli(await pagina.text()).find((m) => m.campi.has("codiceFiscale") && chi.test(m.testo));
  if (!modulo) throw new Error(`nessuna identità dimostrativa corrisponde a ${chi} su /accedi`);
  const cf = modulo.campi.get("codiceFiscale")!;
  let r = await richiesta(base, "/accedi", biscotti, { method: "POST", corpo: new URLSearchParams([...modulo.campi]) });
  let percorso = r.headers.get("location") ?? "";
  if (r.status !== 302 && r.status !== 303) throw new Error(`accesso come ${cf}: risposta ${r.status} invece di un redirect`);
  if (new URL(percorso, base).pathname === "/profilo") {
    const html = await (await richiesta(base, "/profilo", biscotti)).text();
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
