// Loaded with `node --import` into each app instance by `npm run bench:cluster` (the supervisor's workers inherit the
// flag): how long the worker's event loop was held and by which garbage collections, so a latency outlier in the
// load can be told apart from a lock wait in PostgreSQL (which does not hold the loop). Plain JavaScript: it loads
// before tsx. Active only in a cluster worker with OMNIA_SONDA_RITARDI (the folder to write to).
import cluster from "node:cluster";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { constants, performance, PerformanceObserver } from "node:perf_hooks";

const cartella = process.env.OMNIA_SONDA_RITARDI;
if (cartella && cluster.isWorker) {
  const PASSO_MS = 10;
  /** [epoch ms when the loop was held, ms held beyond the timer's step], only holds of 20 ms or more. */
  const blocchi = [];
  /** [epoch ms, ms, kind] of every collection. */
  const gc = [];
  const tipi = {
    [constants.NODE_PERFORMANCE_GC_MINOR]: "minor",
    [constants.NODE_PERFORMANCE_GC_MAJOR]: "major",
    [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: "incremental",
    [constants.NODE_PERFORMANCE_GC_WEAKCB]: "weakcb",
  };
  new PerformanceObserver((lista) => {
    for (const e of lista.getEntries()) gc.push([Math.round(performance.timeOrigin + e.startTime), Number(e.duration.toFixed(2)), tipi[e.detail?.kind] ?? "altro"]);
  }).observe({ entryTypes: ["gc"] });
  let atteso = performance.now() + PASSO_MS;
  const misura = () => {
    const ora = performance.now();
    const ritardo = ora - atteso;
    if (ritardo >= 20) blocchi.push([Math.round(performance.timeOrigin + ora - ritardo), Math.round(ritardo)]);
    atteso = ora + PASSO_MS;
    setTimeout(misura, PASSO_MS).unref();
  };
  setTimeout(misura, PASSO_MS).unref();
  const file = join(cartella, `ritardi-${process.pid}.json`);
  const scrivi = () => writeFileSync(file, JSON.stringify({ pid: process.pid, blocchi, gc }));
  setInterval(scrivi, 2000).unref();
  process.on("exit", scrivi);
}
