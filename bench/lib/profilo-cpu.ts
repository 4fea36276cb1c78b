// Summary of a V8 CPU profile (`node --cpu-prof`) over a time window: self time by function and by package, and the
// time of each sample given to the nearest frame of the app on its stack (who called the library that spent it), so
// "drizzle 15%" becomes "drizzle under inviaDomanda 6%, under esitiPeriodo 4%", and the total time of each function with
// what it called (where a flat profile's CPU goes by the code's own structure). Used by `npm run bench -- --invii
// --profilo=DIR` and by bench/riassumi-profilo.ts on any saved profile.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export interface NodoProfilo {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
export interface ProfiloCpu {
  nodes: NodoProfilo[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface Voce {
  voce: string;
  /** Percent of the window's busy samples. */
  quota: number;
}

export interface RiassuntoProfilo {
  campioni: number;
  perPacchetto: Voce[];
  perFunzione: Voce[];
  /** Self time given to the nearest app frame on the stack, with the package that spent it. */
  perChiamante: Voce[];
  /**
   * Total time of each function: its own and that of everything it called synchronously (each sample counted once
   * per function on its stack), so "esitiPeriodo 5%" includes the rules it ran. Time after an `await` belongs to
   * whoever resumed it (the microtask queue), not to the async function that awaited.
   */
  perFunzioneTotale: Voce[];
}

/** "react-dom", "app/services/x.server.ts", "build (app bundle)", "(garbage collector)", "node:internal/…" */
export function pacchetto(url: string, nome: string): string {
  if (!url) return nome.startsWith("(") ? nome : "(native)";
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1];
  if (url.startsWith("node:")) return url.split("/").slice(0, 2).join("/");
  const locale = /\/(app|db|build|server\.ts)(\/.*)?$/.exec(url.replace(/^file:\/\//, ""));
  if (locale) return locale[1] === "build" ? "build (app bundle)" : `${locale[1]}${locale[2] ?? ""}`;
  return url;
}

const diApp = (url: string) => !url.includes("node_modules") && /\/(app|db|build)\//.test(url);

/** The profiles a `--cpu-prof-dir` holds (one per process: several under the cluster supervisor). */
export function leggiProfili(cartella: string): ProfiloCpu[] {
  return readdirSync(cartella)
    .filter((f) => f.endsWith(".cpuprofile"))
    .map((f) => JSON.parse(readFileSync(join(cartella, f), "utf8")) as ProfiloCpu);
}

/**
 * Self time of the samples taken between `dal` and `al` (µs of the monotonic clock that process.hrtime shares with
 * the profiled processes) over one or more profiles; without a window, every sample.
 */
export function riassumi(profili: ProfiloCpu[], finestra?: { dal: number; al: number }, top = 30): RiassuntoProfilo {
  const perFunzione = new Map<string, number>();
  const perPacchetto = new Map<string, number>();
  const perChiamante = new Map<string, number>();
  const perFunzioneTotale = new Map<string, number>();
  let campioni = 0;
  let totaleUs = 0;
  for (const profilo of profili) {
    const perId = new Map(profilo.nodes.map((n) => [n.id, n]));
    const genitore = new Map<number, number>();
    for (const n of profilo.nodes) for (const c of n.children ?? []) genitore.set(c, n.id);
    const chiamanteDi = new Map<number, string>();
    const chiamante = (id: number): string => {
      const noto = chiamanteDi.get(id);
      if (noto !== undefined) return noto;
      let nome = "(fuori dall'app)";
      for (let x: number | undefined = id; x !== undefined; x = genitore.get(x)) {
        const f = perId.get(x)!.callFrame;
        if (diApp(f.url)) {
          nome = f.functionName || "(anonima)";
          break;
        }
      }
      chiamanteDi.set(id, nome);
      return nome;
    };
    const chiavi = new Map<number, string>();
    const chiaveDi = (n: NodoProfilo) => {
      let k = chiavi.get(n.id);
      if (k === undefined) {
        const { functionName, url, lineNumber } = n.callFrame;
        const nome = functionName || "(anonima)";
        k = `${nome} — ${pacchetto(url, nome)}${url && !url.includes("node_modules") ? `:${lineNumber + 1}` : ""}`;
        chiavi.set(n.id, k);
      }
      return k;
    };
    let t = profilo.startTime;
    for (let i = 0; i < profilo.samples.length; i++) {
      const delta = profilo.timeDeltas[i];
      t += delta;
      if (finestra && (t < finestra.dal || t > finestra.al)) continue;
      const n = perId.get(profilo.samples[i]);
      if (!n) continue;
      const { functionName, url } = n.callFrame;
      if (functionName === "(idle)") continue;
      // A sample stands for the interval since the previous one.
      const us = i + 1 < profilo.timeDeltas.length ? profilo.timeDeltas[i + 1] : delta;
      const nome = functionName || "(anonima)";
      const pkg = pacchetto(url, nome);
      const chiave = chiaveDi(n);
      perFunzione.set(chiave, (perFunzione.get(chiave) ?? 0) + us);
      // A recursive function is on the stack more than once: its sample counts once.
      const sulloStack = new Set<string>();
      for (let x: number | undefined = n.id; x !== undefined; x = genitore.get(x)) sulloStack.add(chiaveDi(perId.get(x)!));
      for (const k of sulloStack) perFunzioneTotale.set(k, (perFunzioneTotale.get(k) ?? 0) + us);
      perPacchetto.set(pkg, (perPacchetto.get(pkg) ?? 0) + us);
      const c = `${diApp(url) ? "(proprio)" : pkg} sotto ${chiamante(n.id)}`;
      perChiamante.set(c, (perChiamante.get(c) ?? 0) + us);
      campioni++;
      totaleUs += us;
    }
  }
  const ordina = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, v]) => ({ voce: k, quota: Math.round((v / Math.max(1, totaleUs)) * 1000) / 10 }));
  // The root and the program's entry frames hold every sample: the list starts where the time divides.
  for (const k of [...perFunzioneTotale.keys()]) if (perFunzioneTotale.get(k)! >= totaleUs) perFunzioneTotale.delete(k);
  return {
    campioni,
    perPacchetto: ordina(perPacchetto),
    perFunzione: ordina(perFunzione),
    perChiamante: ordina(perChiamante),
    perFunzioneTotale: ordina(perFunzioneTotale),
  };
}

/**
 * Prints the summary. With `cpuMsPerUnita` (the CPU per submission measured from /proc) each line also gives its
 * share of it: the profile's own intervals are wall time between samples, which on a loaded machine include the
 * time the process waited for a core, so only its shares are comparable.
 */
export function stampaRiassunto(r: RiassuntoProfilo, righe = 25, cpuMsPerUnita?: number | null): void {
  const ms = (v: Voce) => (cpuMsPerUnita ? `${((v.quota / 100) * cpuMsPerUnita).toFixed(2).padStart(6)} ms/invio` : "");
  console.info(`  ${r.campioni} campioni${cpuMsPerUnita ? `; ${cpuMsPerUnita} ms di CPU per invio (da /proc) ripartiti per quota` : ""}`);
  for (const [titolo, voci] of [
    ["per pacchetto", r.perPacchetto],
    ["per funzione (tempo proprio)", r.perFunzione],
    ["per chiamante dell'app (tempo proprio del pacchetto sotto la funzione dell'app più vicina)", r.perChiamante],
    ["per funzione (tempo totale: propria e delle funzioni che chiama)", r.perFunzioneTotale],
  ] as const) {
    console.info(`  ${titolo}:`);
    for (const v of voci.slice(0, righe)) console.info(`    ${String(v.quota).padStart(5)}%  ${ms(v)}  ${v.voce}`);
  }
}
