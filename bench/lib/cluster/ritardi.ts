// The instances' event-loop holds and garbage collections over the load window, from the files written by
// bench/lib/cluster/sonda-ritardi.mjs (one per worker).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export interface RiassuntoRitardi {
  processi: number;
  /** Times a worker's loop was held at least 50/100/250/1000 ms beyond a 10 ms timer, the longest, and the total of
   * the holds of 20 ms or more (on a machine short of CPU, waiting for a core counts as held too). */
  blocchi: { oltre50: number; oltre100: number; oltre250: number; oltre1000: number; massimoMs: number; totaleMs: number };
  /** Collections by kind: how many, total and longest pause (ms). */
  gc: Record<string, { n: number; totaleMs: number; massimoMs: number }>;
}

interface FileSonda {
  blocchi: Array<[number, number]>;
  gc: Array<[number, number, string]>;
}

export function riassumiRitardi(cartella: string, finestraMs: { dal: number; al: number }): RiassuntoRitardi {
  const file = readdirSync(cartella).filter((f) => f.startsWith("ritardi-") && f.endsWith(".json"));
  const dentro = (t: number) => t >= finestraMs.dal && t <= finestraMs.al;
  const blocchi: number[] = [];
  const gc: RiassuntoRitardi["gc"] = {};
  for (const f of file) {
    const s = JSON.parse(readFileSync(join(cartella, f), "utf8")) as FileSonda;
    for (const [t, ms] of s.blocchi) if (dentro(t)) blocchi.push(ms);
    for (const [t, ms, tipo] of s.gc) {
      if (!dentro(t)) continue;
      const g = (gc[tipo] ??= { n: 0, totaleMs: 0, massimoMs: 0 });
      g.n++;
      g.totaleMs += ms;
      g.massimoMs = Math.max(g.massimoMs, ms);
    }
  }
  for (const g of Object.values(gc)) {
    g.totaleMs = Math.round(g.totaleMs);
    g.massimoMs = Math.round(g.massimoMs);
  }
  const oltre = (ms: number) => blocchi.filter((b) => b >= ms).length;
  return {
    processi: file.length,
    blocchi: {
      oltre50: oltre(50), oltre100: oltre(100), oltre250: oltre(250), oltre1000: oltre(1000),
      massimoMs: Math.max(0, ...blocchi), totaleMs: blocchi.reduce((a, b) => a + b, 0),
    },
    gc,
  };
}

export function descriviRitardi(r: RiassuntoRitardi, secondi: number): string {
  const b = r.blocchi;
  const gc = Object.entries(r.gc)
    .sort((x, y) => y[1].totaleMs - x[1].totaleMs)
    .map(([tipo, g]) => `${tipo} ${g.n} (${g.totaleMs} ms, max ${g.massimoMs})`)
    .join(", ");
  return (
    `ciclo degli eventi delle istanze (${r.processi} processi, ${Math.round(secondi)} s): trattenuto ≥50 ms ${b.oltre50} volte, ≥100 ms ${b.oltre100}, ` +
    `≥250 ms ${b.oltre250}, ≥1 s ${b.oltre1000}; il più lungo ${b.massimoMs} ms, in tutto (trattenute ≥20 ms) ${b.totaleMs} ms; GC: ${gc || "nessuna"}`
  );
}
