// `npm run bench:profilo-flussi -- --denunce=N [--formato=csv|xml] [--top=N]`: where the CPU of the flow check goes
// (issue 12). In this process, on a throwaway PostgreSQL database (BENCH_DATABASE_URL or the local one) migrated and
// seeded with the reference data: a direct-payment domanda of C1, then a flow of N returns (default 20,000, every one
// with its own key, as in the bench) read once with the reader alone (parse only) and once checked and stored by the
// service (riceviFlusso, synchronously, the same code the job runs). The second run is profiled with the inspector:
// self time by function and by package, the process's CPU per return, wall time, the ratio to parse only, peak memory
// and the load average. PostgreSQL's own CPU is not in the profile (another process): the wall time includes it.
// Also where the batches' time goes, phase by phase (TempiLotti); --senza-profilo measures that without the inspector,
// whose sampling slows the process.
import { Session } from "node:inspector/promises";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { apriPostgres, migra } from "#db/client";
import { impostaConnessione } from "#db/connection";
import { MARIO_ESEMPIO, seedRiferimento } from "#db/seed/index";
import { LOTTO, riceviFlusso, tempiLottiVuoti } from "~/services/flussi/invio-flusso.server";
import { leggiFlussoCsv, leggiFlussoXml } from "~/services/flussi/lettura.server";
import { creaDatabaseTemporaneo, RADICE } from "../e2e/support/server";
import { contestoDi, idAzienda, MATRICOLE } from "../tests/integrazione/domanda-completa";
import { domandaDiretta, righeDi } from "../tests/integrazione/flusso-cig";
import { sessioneDi } from "../tests/richieste";
import { aPezzi, righeCsv, righeXml } from "./lib/flussi";

const argomenti = process.argv.slice(2);
const opzione = (nome: string) => argomenti.find((a) => a.startsWith(`--${nome}=`))?.split("=")[1];
const n = Number(opzione("denunce") ?? 20_000);
const formato = opzione("formato") === "xml" ? "xml" : "csv";
const top = Number(opzione("top") ?? 25);
const conProfilo = !argomenti.includes("--senza-profilo");

interface Nodo {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

function pacchetto(url: string, nome: string): string {
  if (!url) return nome.startsWith("(") ? nome : "(native)";
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1];
  if (url.startsWith("node:")) return url.split("/").slice(0, 2).join("/");
  const locale = /\/(app|db|bench|tests)(\/.*)?$/.exec(url.replace(/^file:\/\//, ""));
  return locale ? `${locale[1]}${locale[2] ?? ""}` : url;
}

function riassumi(profilo: { nodes: Nodo[]; samples: number[] }) {
  const perId = new Map(profilo.nodes.map((x) => [x.id, x]));
  const perFunzione = new Map<string, number>();
  const perPacchetto = new Map<string, number>();
  let totale = 0;
  let inattivo = 0;
  for (const s of profilo.samples) {
    const x = perId.get(s);
    if (!x) continue;
    const { functionName, url, lineNumber } = x.callFrame;
    if (functionName === "(idle)") {
      inattivo++;
      continue;
    }
    const nome = functionName || "(anonima)";
    const pkg = pacchetto(url, nome);
    const chiave = `${nome} — ${pkg}${url && !url.includes("node_modules") ? `:${lineNumber + 1}` : ""}`;
    perFunzione.set(chiave, (perFunzione.get(chiave) ?? 0) + 1);
    perPacchetto.set(pkg, (perPacchetto.get(pkg) ?? 0) + 1);
    totale++;
  }
  const ordina = (m: Map<string, number>) =>
    [...m].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, v]) => ({ voce: k, quota: Math.round((v / Math.max(1, totale)) * 1000) / 10 }));
  return { campioni: totale, inattivo: Math.round((inattivo / Math.max(1, totale + inattivo)) * 1000) / 10, perPacchetto: ordina(perPacchetto), perFunzione: ordina(perFunzione) };
}

const piccoMb = () => Math.round(Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"))?.[1] ?? 0) / 1024);

const admin = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const database = await creaDatabaseTemporaneo("omnia_profilo_flussi", admin);
const connessione = await apriPostgres(database.env.DATABASE_URL!, { max: 4 });
try {
  await migra(connessione);
  await seedRiferimento(connessione.db);
  impostaConnessione(connessione);
  const c1 = await idAzienda("C1");
  const ctx = await contestoDi(await sessioneDi(MARIO_ESEMPIO.codiceFiscale, "datore", c1));
  const d = await domandaDiretta(ctx, c1);
  const { competenza, righe } = await righeDi(d);
  const genera = (serie: number) => aPezzi((formato === "csv" ? righeCsv : righeXml)(MATRICOLE.C1, competenza, d.ticket!, righe, n, serie));
  async function* sorgente(serie: number) {
    yield* genera(serie);
  }

  const caricoPrima = loadavg().map((x) => Math.round(x * 10) / 10);
  const tParse = performance.now();
  let lette = 0;
  for await (const v of (formato === "csv" ? leggiFlussoCsv : leggiFlussoXml)(sorgente(1))) if (v.tipo === "denuncia") lette++;
  const parseMs = performance.now() - tParse;

  const sessione = new Session();
  if (conProfilo) {
    sessione.connect();
    await sessione.post("Profiler.enable");
    await sessione.post("Profiler.setSamplingInterval", { interval: 500 });
    await sessione.post("Profiler.start");
  }
  const tempi = tempiLottiVuoti();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const r = await riceviFlusso(ctx, { nome: `profilo.${formato}`, formato, contenuto: sorgente(2) }, { prova: false, limiteSincrono: Number.MAX_SAFE_INTEGER, tempi });
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const profile = conProfilo ? (await sessione.post("Profiler.stop")).profile : { nodes: [], samples: [] };
  if (conProfilo) sessione.disconnect();
  if (!r.ok) throw new Error("il flusso non si invia");

  const cartella = join(RADICE, "bench/results", `profilo-flussi-${new Date().toISOString().replace(/[:T]/g, "-").slice(0, 19)}`);
  mkdirSync(cartella, { recursive: true });
  if (conProfilo) writeFileSync(join(cartella, "flussi.cpuprofile"), JSON.stringify(profile));
  const sintesi = riassumi(profile as unknown as { nodes: Nodo[]; samples: number[] });
  const risultato = {
    denunce: n, formato, lette, accolte: r.valore.accolte, scartate: r.valore.scartate,
    caricoMedio: { prima: caricoPrima, dopo: loadavg().map((x) => Math.round(x * 10) / 10) },
    soloParseAlSecondo: Math.round(lette / (parseMs / 1000)),
    endToEndAlSecondo: Math.round(n / (ms / 1000)),
    rapporto: Math.round((parseMs / ms) * 1000) / 1000,
    cpuProcessoUsPerDenuncia: Math.round((cpu.user + cpu.system) / n),
    cpuProcessoSuTempo: Math.round(((cpu.user + cpu.system) / 1000 / ms) * 100) / 100,
    piccoMemoriaMb: piccoMb(),
    // Per batch, in ms: the phases of the batch and the reader's wait for it.
    tempiPerLotto: Object.fromEntries(Object.entries(tempi).map(([fase, totale]) => [fase, Math.round((totale / Math.ceil(n / LOTTO)) * 10) / 10])),
    ...sintesi,
  };
  writeFileSync(join(cartella, "sintesi.json"), JSON.stringify(risultato, null, 2));
  console.info(JSON.stringify(risultato, null, 2));
  if (conProfilo) console.info(`profilo: ${join(cartella, "flussi.cpuprofile")}`);
} finally {
  await connessione.chiudi();
  await database.elimina();
}
