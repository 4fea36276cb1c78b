// (2b) Cumulative layout shift of every weighed page: Debian's Chromium at 360 px, with JS, cold (a new browser
// context, so an empty cache, for each page). A layout-shift observer sums the shifts not caused by input from
// the first paint until the web fonts are in and one more second has passed (fonts swapping in were the cause of
// the 0.30 measured on the step pages). Goal: ≤ 0.05 on every page.
import { chromium } from "@playwright/test";

export interface ClsPagina {
  pagina: string;
  profilo: string;
  cls: number;
  /** The largest single shift and the elements it moved, to find the cause. */
  spostamentoMaggiore: { valore: number; nodi: string[] } | null;
}

export async function misuraCls(
  base: string,
  pagine: Array<{ percorso: string; profilo: string; cookie: string }>,
): Promise<ClsPagina[]> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  const host = new URL(base).hostname;
  const risultati: ClsPagina[] = [];
  try {
    for (const p of pagine) {
      const contesto = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
      const biscotti = p.cookie
        .split(/;\s*/)
        .filter(Boolean)
        .map((c) => ({ name: c.slice(0, c.indexOf("=")), value: c.slice(c.indexOf("=") + 1), domain: host, path: "/" }));
      if (biscotti.length > 0) await contesto.addCookies(biscotti);
      const pagina = await contesto.newPage();
      await pagina.addInitScript(() => {
        const w = window as unknown as { __cls: number; __maggiore: { valore: number; nodi: string[] } | null };
        w.__cls = 0;
        w.__maggiore = null;
        new PerformanceObserver((lista) => {
          for (const voce of lista.getEntries() as unknown as Array<{
            value: number;
            hadRecentInput: boolean;
            sources?: Array<{ node?: Node | null }>;
          }>) {
            if (voce.hadRecentInput) continue;
            w.__cls += voce.value;
            if (!w.__maggiore || voce.value > w.__maggiore.valore) {
              const nodi = (voce.sources ?? []).map((s) => {
                const n = s.node as Element | null | undefined;
                if (!n || !("tagName" in n)) return "#testo";
                return `${n.tagName.toLowerCase()}${n.id ? `#${n.id}` : ""}${n.className ? `.${String(n.className).split(/\s+/).join(".")}` : ""}`;
              });
              w.__maggiore = { valore: voce.value, nodi };
            }
          }
        }).observe({ type: "layout-shift", buffered: true });
      });
      await pagina.goto(new URL(p.percorso, base).toString(), { waitUntil: "load" });
      await pagina.evaluate(() => document.fonts.ready.then(() => new Promise((ok) => setTimeout(ok, 1000))));
      const misura = await pagina.evaluate(() => {
        const w = window as unknown as { __cls: number; __maggiore: { valore: number; nodi: string[] } | null };
        return { cls: w.__cls, maggiore: w.__maggiore };
      });
      risultati.push({
        pagina: p.percorso,
        profilo: p.profilo,
        cls: Math.round(misura.cls * 1000) / 1000,
        spostamentoMaggiore: misura.maggiore ? { valore: Math.round(misura.maggiore.valore * 1000) / 1000, nodi: misura.maggiore.nodi } : null,
      });
      await contesto.close();
    }
  } finally {
    await browser.close();
  }
  return risultati;
}
