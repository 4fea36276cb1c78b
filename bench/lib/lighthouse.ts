// (4) Lighthouse, mobile (its default: Moto G Power emulation at 412 px, simulated slow 4G and 4× CPU slowdown),
// on Debian's Chromium (CHROMIUM_PATH, default /usr/bin/chromium; nothing is downloaded). Performance and
// accessibility scores with the metrics behind them, cumulative layout shift first among them.
// Lighthouse simulates throttling from the trace of an unthrottled load, so a busy machine (load average above the
// number of cores) lowers the performance score: read it beside the load average printed with it.
// Each page is loaded `volte` times (default 5) and the median run reported, chosen by Lighthouse's own
// computeMedianRun (the run nearest the median FCP and time to interactive), with the lowest and highest score beside
// it: Lighthouse's documentation on variability says the median of 5 runs is about twice as stable as one run, and
// on this machine one page's single runs went from 94 to 99 within a minute.
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { computeMedianRun } from "lighthouse/core/lib/median-run.js";

export interface RisultatoLighthouse {
  pagina: string;
  profilo: string;
  prestazioni: number;
  accessibilita: number;
  cls: number;
  lcpMs: number;
  fcpMs: number;
  tbtMs: number;
  /** Accessibility audits that failed (ids), when the score is below 100. */
  problemiAccessibilita: string[];
  /** How many runs, and the lowest and highest performance score among them. */
  esecuzioni: number;
  prestazioniMin: number;
  prestazioniMax: number;
}

/** One cold Lighthouse run in a fresh Chromium; a second try when the trace is unusable (NO_NAVSTART and the like). */
async function unaPagina(url: string, cookie: string | undefined) {
  let ultimo = "";
  for (let tentativo = 0; tentativo < 2; tentativo++) {
    const chrome = await chromeLauncher.launch({
      chromePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
    });
    try {
      const esito = await lighthouse(url, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance", "accessibility"],
        extraHeaders: cookie ? { Cookie: cookie } : undefined,
        // Cold: Lighthouse clears the cache and storage before the load (its default, said here on purpose).
        disableStorageReset: false,
      });
      if (esito && !esito.lhr.runtimeError) return esito.lhr;
      ultimo = esito?.lhr.runtimeError?.message ?? "nessun risultato";
    } finally {
      chrome.kill();
    }
  }
  throw new Error(ultimo);
}

export async function misuraLighthouse(
  base: string,
  pagine: Array<{ percorso: string; profilo: string; cookie?: string }>,
  volte = 5,
): Promise<Array<RisultatoLighthouse | { pagina: string; profilo: string; errore: string }>> {
  const risultati: Array<RisultatoLighthouse | { pagina: string; profilo: string; errore: string }> = [];
  const punteggio = (lhr: Awaited<ReturnType<typeof unaPagina>>) => Math.round((lhr.categories.performance?.score ?? 0) * 100);
  for (const p of pagine) {
    try {
      const esecuzioni = [];
      for (let i = 0; i < volte; i++) esecuzioni.push(await unaPagina(new URL(p.percorso, base).toString(), p.cookie));
      const mediana: (typeof esecuzioni)[number] = computeMedianRun(esecuzioni);
      const { categories: c, audits: a } = mediana;
      const punteggi = esecuzioni.map(punteggio);
      const num = (id: string) => Math.round(a[id]?.numericValue ?? NaN);
      risultati.push({
        pagina: p.percorso,
        profilo: p.profilo,
        prestazioni: Math.round((c.performance?.score ?? 0) * 100),
        accessibilita: Math.round((c.accessibility?.score ?? 0) * 100),
        cls: Math.round((a["cumulative-layout-shift"]?.numericValue ?? NaN) * 1000) / 1000,
        lcpMs: num("largest-contentful-paint"),
        fcpMs: num("first-contentful-paint"),
        tbtMs: num("total-blocking-time"),
        problemiAccessibilita: (c.accessibility?.auditRefs ?? [])
          .filter((r) => r.weight > 0 && a[r.id]?.score !== null && (a[r.id]?.score ?? 1) < 1)
          .map((r) => r.id),
        esecuzioni: esecuzioni.length,
        prestazioniMin: Math.min(...punteggi),
        prestazioniMax: Math.max(...punteggi),
      });
    } catch (e) {
      risultati.push({ pagina: p.percorso, profilo: p.profilo, errore: e instanceof Error ? e.message : String(e) });
    }
  }
  return risultati;
}
