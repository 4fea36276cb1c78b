// The platform's supervisor (`npm start`, `npm run serve`): a Node `cluster` primary. It prepares the database once
// (migrations, demo data on the first start), then runs server.ts (its bundle, build/server.js) in worker processes and starts a new worker
// whenever one ends unexpectedly, so a crash (a driver fault, an out-of-memory) costs the requests in flight on
// that worker, not the service. SIGTERM/SIGINT stop the workers cleanly, then the supervisor.
//
// Workers: WEB_CONCURRENCY, otherwise one per core on PostgreSQL (at most 4) and exactly one on the embedded PGlite,
// which a single process may open.
import cluster, { type Worker } from "node:cluster";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { apriDaAmbiente, CartellaDatiNonScrivibile, type Connessione } from "./db/client";
import { preparaDatabase } from "./db/prepara";
import { argomentiPerIProcessiServer, BUNDLE_SERVER, impostaAccettazione } from "./server/processo";

const RIAVVIO_MS = 1_000;
/** A worker that dies this soon after starting did not start: after a few in a row the supervisor gives up. */
const AVVIO_FALLITO_MS = 10_000;
const MAX_AVVII_FALLITI = 5;

const postgres = Boolean(process.env.DATABASE_URL);
const richiesti = Number(process.env.WEB_CONCURRENCY);
const numeroWorker = !postgres
  ? 1
  : Number.isInteger(richiesti) && richiesti > 0
    ? richiesti
    : Math.min(4, Math.max(1, os.availableParallelism()));

let connessione: Connessione;
try {
  connessione = await apriDaAmbiente();
} catch (e) {
  if (!(e instanceof CartellaDatiNonScrivibile)) throw e;
  console.error(`\n${e.message}\n`);
  process.exit(1);
}
try {
  await preparaDatabase(connessione);
} finally {
  await connessione.chiudi();
}

// Each worker accepts its own connections (server/processo.ts).
impostaAccettazione(cluster, process.env);
// The workers run the bundle of server.ts (`npm run build`), with plain node.
cluster.setupPrimary({ exec: fileURLToPath(new URL(`./${BUNDLE_SERVER}`, import.meta.url)), execArgv: argomentiPerIProcessiServer(process.execArgv) });

let chiusura = false;
let avviiFalliti = 0;
const avviati = new Map<Worker, number>();

function avvia(): void {
  const w = cluster.fork({ OMNIA_DATABASE_PRONTO: "1" });
  avviati.set(w, Date.now());
}

cluster.on("exit", (worker, codice, segnale) => {
  const inizio = avviati.get(worker) ?? 0;
  avviati.delete(worker);
  if (chiusura) {
    if (avviati.size === 0) process.exit(0);
    return;
  }
  console.error(`Processo ${worker.process.pid} terminato (${segnale ?? `codice ${codice}`}): ne avvio un altro.`);
  avviiFalliti = Date.now() - inizio < AVVIO_FALLITO_MS ? avviiFalliti + 1 : 0;
  if (avviiFalliti >= MAX_AVVII_FALLITI) {
    console.error(`Il server non riesce ad avviarsi (${avviiFalliti} tentativi): controlla i messaggi qui sopra.`);
    process.exit(1);
  }
  setTimeout(avvia, RIAVVIO_MS * Math.max(1, avviiFalliti));
});

for (let i = 0; i < numeroWorker; i++) avvia();
console.info(`Supervisore ${process.pid}: ${numeroWorker} processi server.`);

function chiudi(segnale: NodeJS.Signals): void {
  if (chiusura) return;
  chiusura = true;
  if (avviati.size === 0) process.exit(0);
  for (const w of avviati.keys()) w.process.kill(segnale);
  // A worker that does not end in time (server.ts gives its connections 5 s) is ended.
  setTimeout(() => {
    for (const w of avviati.keys()) w.process.kill("SIGKILL");
    process.exit(1);
  }, 15_000).unref();
}
process.on("SIGTERM", () => chiudi("SIGTERM"));
process.on("SIGINT", () => chiudi("SIGINT"));
