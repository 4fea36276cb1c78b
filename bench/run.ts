// `npm run bench`: benchmarks, not timed tests. Prints a small table and writes bench/results/<nome>.json.
//   (1) SSR throughput of signed-in pages with DB reads, each against a bare node:http server returning the same
//       bytes, in the same run (autocannon): req/s, p50, p99, ratio. Three scenarios, all as the demo intermediary:
//       /area-riservata; the "Lavoratori" step of a CIGO draft on the 520-worker unit of Grande Fonderia Esempio
//       (first page, eligibility of all 520 computed), the draft made through the real HTTP flow; "Le tue domande"
//       (/domande) after ~50 drafts created with POST /domande/nuova. The server runs at OMNIA_ORA_FISSA
//       (default 2026-02-10T09:00:00+01:00, the seed's reference date) so the period 02/02–26/04/2026 is valid.
//   (2) Page weight of every public and signed-in page, without and with JS, against the budgets.
//       Step pages included: the crawl starts from the draft of scenario (b) too, so every step it links is weighed.
//       Then the layout shift (CLS) of each of those pages in Chromium at 360 px, cold, with JS.
//   (3) Seed generation time at --scale (opt-in: --scala; minutes).
//   (4) Lighthouse, mobile, on Debian's Chromium: home, a step page (Periodo) and "Le tue domande"; performance,
//       accessibility, CLS (skip with --senza-lighthouse).
// Options: --nome=NAME (results file), --durata=S (default 10), --connessioni=N (default 10), --scala,
//   --solo-scala (only part 3), --limite-scala=MIN (default 60), --rigoroso (exit 1 when a page is over budget),
//   --senza-lighthouse (skip part 4 and the layout-shift pass of part 2), --lighthouse-volte=N (runs per page, the median
//   one reported; default 5),
//   --solo-peso (part 2 only, without the layout-shift pass: the drafts are prepared, nothing is timed),
//   --solo-ssr (part 1 only: throughput, latency and CPU per request of the three signed-in pages),
//   --solo-lighthouse (part 4 only: the drafts are prepared, nothing else is measured),
//   --invii (part 6 only: 200 submissions sent at the same instant on PostgreSQL, see bench/lib/invii.ts; with
//   --processi=N server processes under supervisore.ts, default 2, 1 = server.ts alone; --riscaldamento=N to send N
//   other drafts, 40 at a time, before the measured burst; --profilo=DIR for the CPU
//   profile of the burst; --in-serie to send them one at a time instead: the CPU of one submission without
//   concurrency, for comparing two versions of the code, not the burst's latency),
//   --flussi[=N] (part 7 only: a UniEmens-Cig flow of N returns, default 100,000, uploaded and checked end to end on
//   PostgreSQL, then a file as large checked without storing, see bench/lib/flussi.ts; --profilo=DIR for the server's
//   CPU profile, summarised per phase),
//   --cruscotti[=N] (part 8 only: the portfolio and the cruscotto on a throwaway PostgreSQL database with N more
//   companies delegated to the demo intermediary, default 1,000, see bench/lib/cruscotti.ts; with BENCH_CRUSCOTTI_URL
//   on that existing database instead, nothing generated, e.g. a copy of a --scale one),
//   --cluster (the cluster bench instead: bench/cluster.ts, `npm run bench:cluster`),
//   --scala-ssr (part 5 only: "Le tue domande" and Lavoratori on BENCH_SCALA_URL, a PostgreSQL database seeded with
//   `npm run db:seed -- --scale`: latency at 1 and 10 connections and EXPLAIN ANALYZE of their SQL; --profilo=DIR for
//   the server's CPU profile over the run).
// Environment: BENCH_DATABASE_URL (a PostgreSQL server where the run creates and drops its own database, instead of a
//   fresh PGlite; also the target of --scala),
//   BENCH_ADMIN_URL (where --scala creates its throwaway database; default the local PostgreSQL),
//   BENCH_SKIP_BUILD=1 (use the existing build),
//   BENCH_NODE_ARGS (with --invii and --flussi: more node flags for the server processes, e.g. "--trace-gc" or the young generation's
//   sizes of ADR 032; the supervisor's workers inherit them). All traffic goes to 127.0.0.1 only, bounded in time.
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { avviaServer, compila, creaDatabaseTemporaneo, RADICE, type ServerAvviato } from "../e2e/support/server";
import { bozzaFinoAiLavoratori, idAziende, nuovaBozza } from "./lib/domanda";
import { accediDemo, Biscotti, richiesta } from "./lib/http";
import { BUDGET, kb, pesaJsRotte, pesaPagina, type PesoJsRotta, type PesoPagina } from "./lib/peso";
import { misuraCls, type ClsPagina } from "./lib/cls";
import { misuraLighthouse } from "./lib/lighthouse";
import { misuraScala, type RisultatoScala } from "./lib/scala";
import { misuraSsr, type RisultatoSsr } from "./lib/ssr";
import { misuraPagineScala, misuraScrivaniaScala, spiegaQueryScala, type LatenzaScala, type PianoQuery } from "./lib/scala-ssr";
import { misuraInvii, type RisultatoInvii } from "./lib/invii";
import { leggiProfili, riassumi, stampaRiassunto, type RiassuntoProfilo } from "./lib/profilo-cpu";
import { misuraFlussi, type RisultatoFlussi } from "./lib/flussi";
import { misuraCruscotti, preparaPortafoglio, primaVistaAvvisi, spiegaQueryCruscotti, type RisultatoCruscotti } from "./lib/cruscotti";

// `npm run bench -- --cluster`: the cluster bench (bench/cluster.ts, same as `npm run bench:cluster`), with its options.
if (process.argv.includes("--cluster")) {
  await import("./cluster");
  process.exit(process.exitCode ?? 0);
}

const argomenti = process.argv.slice(2);
const opzione = (nome: string) => argomenti.find((a) => a.startsWith(`--${nome}=`))?.split("=")[1];
const bandiera = (nome: string) => argomenti.includes(`--${nome}`);

const adesso = new Date();
const nome = opzione("nome") ?? `bench-${adesso.toISOString().replace(/[:T]/g, "-").slice(0, 19)}`;
const durataS = Math.min(60, Number(opzione("durata") ?? 10));
const connessioni = Math.min(100, Number(opzione("connessioni") ?? 10));
const soloScala = bandiera("solo-scala");
const conScala = soloScala || bandiera("scala");
const scalaSsr = bandiera("scala-ssr");
const soloPeso = bandiera("solo-peso");
const soloSsr = bandiera("solo-ssr");
const soloLighthouse = bandiera("solo-lighthouse");
const invii = bandiera("invii") || opzione("invii") !== undefined;
const flussi = bandiera("flussi") || opzione("flussi") !== undefined;
const cruscotti = bandiera("cruscotti") || opzione("cruscotti") !== undefined;
const senzaLighthouse = soloPeso || soloSsr || bandiera("senza-lighthouse");

const scrivi = (s = "") => process.stdout.write(`${s}\n`);

/** The seed's reference date (DATA_RIFERIMENTO_SEED), as in e2e/run.ts: the demo dates and deleghe hold on it. */
const ORA_FISSA = "2026-02-10T09:00:00+01:00";
/** Drafts "Le tue domande" lists in scenario (c). */
const BOZZE_ELENCO = 50;

function tabella(intestazioni: string[], righe: (string | number)[][]): void {
  const celle = [intestazioni, ...righe.map((r) => r.map(String))];
  const larghezze = intestazioni.map((_, i) => Math.max(...celle.map((r) => r[i].length)));
  const riga = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(larghezze[i]) : c.padStart(larghezze[i]))).join("  ");
  scrivi(riga(intestazioni));
  scrivi(larghezze.map((l) => "-".repeat(l)).join("  "));
  for (const r of celle.slice(1)) scrivi(riga(r));
}

/** Same-origin GET links of a page (no assets, no sign-out), to find every page to weigh. */
function collegamenti(html: string): string[] {
  const out = new Set<string>();
  for (const [, href] of html.matchAll(/<a\b[^>]*\bhref="([^"#]*)(?:#[^"]*)?"/gi)) {
    if (!href.startsWith("/") || href.startsWith("//")) continue;
    const p = new URL(href, "http://x").pathname;
    if (/\.[a-z0-9]+$/i.test(p) || p.startsWith("/build/") || p === "/esci") continue;
    out.add(p);
  }
  return [...out];
}

async function pagineDi(base: string, partenza: string[], biscotti: Biscotti, limite = 40): Promise<string[]> {
  const pagine = new Set(partenza);
  for (const p of partenza) {
    const r = await richiesta(base, p, biscotti);
    if ((r.headers.get("content-type") ?? "").includes("text/html")) for (const l of collegamenti(await r.text())) pagine.add(l);
    if (pagine.size >= limite) break;
  }
  return [...pagine].slice(0, limite);
}

interface Risultati {
  nome: string;
  quando: string;
  macchina: { cpu: string; core: number; node: string; caricoMedio: number[] };
  database: string;
  ssr?: Array<(RisultatoSsr & { scenario: string }) | { scenario: string; errore: string }>;
  peso?: { budget: typeof BUDGET; pagine: PesoPagina[]; rotte?: PesoJsRotta[]; errori: string[] };
  scala?: RisultatoScala | { errore: string };
  cls?: { caricoMedio: number[]; pagine: ClsPagina[] } | { errore: string };
  lighthouse?: { caricoMedio: number[]; pagine: Awaited<ReturnType<typeof misuraLighthouse>> } | { errore: string };
  scalaSsr?: { latenze: LatenzaScala[]; piani: PianoQuery[]; scrivania?: unknown } | { errore: string };
  invii?: RisultatoInvii | { errore: string };
  profiloInvii?: RiassuntoProfilo;
  flussi?: RisultatoFlussi | { errore: string };
  cruscotti?: RisultatoCruscotti | { errore: string };
}

const risultati: Risultati = {
  nome,
  quando: adesso.toISOString(),
  macchina: {
    cpu: cpus()[0]?.model ?? "?",
    core: cpus().length,
    node: process.version,
    caricoMedio: loadavg().map((x) => Math.round(x * 100) / 100),
  },
  database: "",
};

let server: ServerAvviato | undefined;

/** (5) The two list pages on the --scale database. */
async function parteScalaSsr(): Promise<void> {
  const url = process.env.BENCH_SCALA_URL;
  try {
    if (!url) throw new Error("--scala-ssr richiede BENCH_SCALA_URL (database seminato con npm run db:seed -- --scale)");
    if (process.env.BENCH_SKIP_BUILD !== "1") await compila();
    risultati.database = `PostgreSQL --scale (${new URL(url).pathname.slice(1)})`;
    const profilo = opzione("profilo");
    server = await avviaServer({
      env: { DATABASE_URL: url, PGLITE_DIR: undefined, SEED: "0", NODE_ENV: "production", DEMO_LOGIN: "1", COOKIE_INSECURE: "1", OMNIA_ORA_FISSA: process.env.OMNIA_ORA_FISSA ?? ORA_FISSA },
      nomeLog: "omnia-bench-scala",
      ...(profilo ? { argomentiNode: ["--cpu-prof", `--cpu-prof-dir=${profilo}`] } : {}),
    });
    // The desk first and on its own: a failure of the company's pages below does not lose its figures.
    let scrivania: Awaited<ReturnType<typeof misuraScrivaniaScala>> | { errore: string };
    try {
      scrivania = await misuraScrivaniaScala(server, durataS, connessioni);
    } catch (e) {
      scrivania = { errore: String(e instanceof Error ? e.message : e) };
      console.error(`[bench] scrivania a scala non misurata: ${scrivania.errore}`);
    }
    if (!("errore" in scrivania)) {
      for (const r of scrivania) {
        console.info(
          `[bench] ${r.pagina}: ${r.ssr.richiesteAlSecondo} req/s, p50 ${r.ssr.p50Ms} ms, p97,5 ${r.ssr.p97_5Ms} ms, p99 ${r.ssr.p99Ms} ms; ` +
            `rapporto ${r.rapporto}; 1 conn. p50 ${r.unaConnessione?.p50Ms} ms, p97,5 ${r.unaConnessione?.p97_5Ms} ms, p99 ${r.unaConnessione?.p99Ms} ms`,
        );
      }
    }
    const { latenze, idDomanda } = await misuraPagineScala(server, durataS);
    await server.ferma();
    server = undefined;
    if (profilo) {
      // The whole run (the desk's pages, then the company's): start-up is a small share of it.
      scrivi(`Profilo CPU del server durante --scala-ssr (${profilo}):`);
      stampaRiassunto(riassumi(leggiProfili(profilo)));
    }
    const piani = await spiegaQueryScala(url, idDomanda);
    risultati.scalaSsr = { latenze, piani, scrivania };
    scrivi();
    scrivi(`Pagine a scala nazionale su ${risultati.database} (obiettivo p95 < 50 ms; autocannon non dà il p95: p97,5 lo limita dall'alto)`);
    tabella(
      ["pagina", "conn.", "req/s", "p50", "p97,5", "p99", "non 2xx", "carico"],
      latenze.map((l) => [l.pagina, l.connessioni, l.richiesteAlSecondo, `${l.p50Ms} ms`, `${l.p97_5Ms} ms`, `${l.p99Ms} ms`, l.non2xx, l.caricoMedio]),
    );
    if ("errore" in scrivania) scrivi(`Scrivania non misurata: ${scrivania.errore}`);
    else {
      scrivi();
      scrivi(`Scrivania dell'operatore di Padova su ${risultati.database} (100.000 domande aperte; obiettivo coda p95 ≤ 50 ms, rapporto ≥ 0,05)`);
      tabella(
        ["pagina", "byte", "req/s", "p50", "p97,5", "p99", "node:http req/s", "rapporto", "1 conn. p50", "1 conn. p97,5", "1 conn. p99", "non 2xx", "carico", "CPU/rich."],
        scrivania.map((r) => [
          r.pagina, r.byte, r.ssr.richiesteAlSecondo, `${r.ssr.p50Ms} ms`, `${r.ssr.p97_5Ms} ms`, `${r.ssr.p99Ms} ms`, r.nodeHttp.richiesteAlSecondo,
          r.rapporto, `${r.unaConnessione?.p50Ms} ms`, `${r.unaConnessione?.p97_5Ms} ms`, `${r.unaConnessione?.p99Ms} ms`, r.ssr.non2xx, r.caricoMedio,
          r.cpu ? `${r.cpu.ssrMsPerRichiesta} ms` : "—",
        ]),
      );
    }
    for (const p of piani) {
      scrivi();
      scrivi(`EXPLAIN ANALYZE — ${p.pagina} (${p.msEsecuzione} ms; ${p.usaIndici ? "nessuna lettura completa di tabelle grandi" : "LETTURA COMPLETA DI UNA TABELLA GRANDE"}):`);
      scrivi(`  ${p.sql.replace(/\s+/g, " ").slice(0, 400)}`);
      for (const r of p.piano) scrivi(`    ${r}`);
    }
  } catch (e) {
    risultati.scalaSsr = { errore: String(e instanceof Error ? e.message : e) };
    console.error(`[bench] pagine a scala non misurate: ${risultati.scalaSsr.errore}`);
  }
}
let database: Awaited<ReturnType<typeof creaDatabaseTemporaneo>> | undefined;
let fuoriBudget = false;

/**
 * (6) 200 submissions at the same instant on PostgreSQL (BENCH_DATABASE_URL, default the local server), on the cluster
 * of `npm start` (supervisore.ts with WEB_CONCURRENCY=--processi, default 2, one per core of the bench machine) or on
 * one server.ts (--processi=1). --profilo=DIR: CPU profiles of the server processes, summarised over the burst only.
 */
async function parteInvii(): Promise<void> {
  try {
    const admin = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
    if (process.env.BENCH_SKIP_BUILD !== "1") await compila();
    database = await creaDatabaseTemporaneo("omnia_bench_invii", admin);
    risultati.database = database.descrizione;
    const processi = Math.max(1, Number(opzione("processi") ?? 2));
    const profilo = opzione("profilo");
    // The real clock on both sides: the drafts' periods start tomorrow, as a user's would.
    server = await avviaServer({
      env: { ...database.env, NODE_ENV: "production", DEMO_LOGIN: "1", COOKIE_INSECURE: "1", OMNIA_ORA_FISSA: undefined, WEB_CONCURRENCY: String(processi) },
      nomeLog: "omnia-bench-invii",
      script: processi > 1 ? "supervisore.ts" : "server.ts",
      // The supervisor's workers inherit the flags (cluster's execArgv), so each writes its own profile on exit.
      argomentiNode: [...(profilo ? ["--cpu-prof", `--cpu-prof-dir=${profilo}`] : []), ...(process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean)],
    });
    const r = await misuraInvii({
      base: server.url,
      databaseUrl: database.env.DATABASE_URL!,
      pidServer: server.processo.pid,
      processi,
      numero: Number(opzione("invii") ?? 200),
      coppie: Number(opzione("coppie") ?? 10),
      riscaldamento: Number(opzione("riscaldamento") ?? 0),
      inSerie: bandiera("in-serie"),
    });
    risultati.invii = r;
    scrivi();
    scrivi(
      `Invii simultanei su ${risultati.database} (${processi === 1 ? "un processo server.ts" : `supervisore.ts con ${processi} processi`}; ` +
        `carico medio all'avvio della raffica ${r.caricoMedio}; ${r.riscaldamento > 0 ? `dopo ${r.riscaldamento} invii di riscaldamento` : "a processi appena avviati"}${r.inSerie ? "; IN SERIE, uno alla volta: la CPU di un invio senza concorrenza, non la raffica" : ""}). Obiettivo: p99 < 1 s, 0 perse, 0 protocolli doppi, una sola domanda per coppia sovrapposta`,
    );
    tabella(
      ["invii", "coppie", "processi", "durata", "p50", "p99", "max", "CPU server/invio", "CPU PostgreSQL/invio", "CPU client/invio", "stati HTTP", "memorizzate", "perse", "protocolli doppi", "contigui", "coppie: una vince", "coppie errate"],
      [[r.invii, r.coppie, r.processi, `${r.secondiTotali} s`, `${r.p50Ms} ms`, `${r.p99Ms} ms`, `${r.maxMs} ms`, r.cpuMsPerInvio === null ? "—" : `${r.cpuMsPerInvio} ms`, r.cpuPostgresMsPerInvio === null ? "—" : `${r.cpuPostgresMsPerInvio} ms`, `${r.cpuClientMsPerInvio} ms`, Object.entries(r.stati).map(([k, v]) => `${k}×${v}`).join(" "), r.memorizzate, r.perse, r.protocolliDuplicati, r.protocolliContigui ? "sì" : "NO", r.coppieRifiutateCorrettamente, r.coppieErrate]],
    );
    if (profilo) {
      // The profiles are written when the processes end.
      await server.ferma();
      server = undefined;
      const riassunto = riassumi(leggiProfili(profilo), r.finestraUs);
      risultati.profiloInvii = riassunto;
      scrivi();
      scrivi(`Profilo CPU dei processi server durante la raffica (${profilo}):`);
      stampaRiassunto(riassunto, 25, r.cpuMsPerInvio);
    }
  } catch (e) {
    risultati.invii = { errore: String(e instanceof Error ? e.stack ?? e.message : e) };
    console.error(`[bench] invii non misurati: ${risultati.invii.errore}`);
  }
}

/** (7) A large UniEmens-Cig flow uploaded and checked end to end on PostgreSQL (BENCH_DATABASE_URL or the local one). */
async function parteFlussi(): Promise<void> {
  try {
    const admin = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
    if (process.env.BENCH_SKIP_BUILD !== "1") await compila();
    database = await creaDatabaseTemporaneo("omnia_bench_flussi", admin);
    risultati.database = database.descrizione;
    // The real clock: the returns' month is one already begun.
    const profilo = opzione("profilo");
    server = await avviaServer({
      // No scheduled job in the measured server: the capacity warnings' job (every 5 minutes) recomputes the companies
      // whose versions the accepted returns moved, and its CPU landed in some runs' CPU per return (382 µs instead of ~120).
      env: { ...database.env, NODE_ENV: "production", DEMO_LOGIN: "1", COOKIE_INSECURE: "1", OMNIA_ORA_FISSA: undefined, OMNIA_PIANIFICAZIONI: "0" },
      nomeLog: "omnia-bench-flussi",
      argomentiNode: [...(profilo ? ["--cpu-prof", `--cpu-prof-dir=${profilo}`] : []), ...(process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean)],
    });
    const r = await misuraFlussi({
      base: server.url,
      databaseUrl: database.env.DATABASE_URL!,
      pidServer: server.processo.pid,
      denunce: Number(opzione("flussi") ?? 100_000),
    });
    risultati.flussi = r;
    scrivi();
    scrivi(`Flusso UniEmens-Cig su ${risultati.database} (carico medio all'inizio ${r.caricoMedio}). Obiettivi: rapporto ≥ 0,3 sul solo parse, memoria ≤ 256 MB, /healthz p99 < 100 ms, 10.000 denunce p95 < 3 s`);
    tabella(
      ["denunce", "MB", "solo parse/s", "end to end/s", "rapporto", "risposta all'invio", "accolte", "scartate", "memoria server (prima → picco)", "/healthz p50", "/healthz p99", "10.000 p50", "10.000 p95"],
      [[r.denunce, Math.round(r.byte / 1024 / 1024), r.parseSoloAlSecondo, r.endToEndAlSecondo, r.rapporto, `${r.caricamentoMs} ms`, r.accolte, r.scartate, r.piccoMemoriaServerMb === null ? "—" : `${r.memoriaServerPrimaMb} → ${r.piccoMemoriaServerMb} MB`, `${r.healthz.p50Ms} ms`, `${r.healthz.p99Ms} ms`, `${r.sincrono.p50Ms} ms`, `${r.sincrono.p95Ms} ms`]],
    );
    scrivi(`Solo parse, tre passate (conta la mediana): ${r.parseSoloCorse.join(", ")} denunce/s`);
    scrivi(`Flusso grande: completato dopo ${r.completatoMs} ms dall'invio, abbinamento concluso dopo ${r.totaleMs} ms`);
    scrivi(
      `Un file di ${r.denunce} denunce verificato senza inviare (parse e controlli sul database, niente salvato), dopo il flusso grande: ${r.verifica.ms} ms, ` +
        `${r.verifica.alSecondo} denunce/s, rapporto ${r.verifica.rapporto}; picco di memoria del server ${r.verifica.piccoMemoriaServerMb} MB; ` +
        `/healthz p50 ${r.verifica.healthz.p50Ms} ms, p99 ${r.verifica.healthz.p99Ms} ms (${r.verifica.healthz.campioni} campioni); ` +
        `CPU per denuncia del server ${r.verifica.cpuServerUsPerDenuncia} µs, di PostgreSQL ${r.verifica.cpuPostgresUsPerDenuncia} µs`,
    );
    scrivi(
      `La stessa verifica con il rapporto intero in CSV (POST /flussi/verifica.csv, scritto mentre il file è controllato): ${r.verificaCsv.ms} ms, ` +
        `${r.verificaCsv.righe} righe (${Math.round(r.verificaCsv.byte / 1024 / 1024)} MB); picco di memoria del server ${r.verificaCsv.piccoMemoriaServerMb} MB`,
    );
    scrivi(
      `Memoria residente massima del server: ${r.rssMassimoMb.grande} MB nel flusso grande, ${r.rssMassimoMb.sincrono} MB negli invii sincroni; ` +
        `CPU per denuncia del server: ${r.cpuServerUsPerDenuncia.grande} µs nel flusso grande, ${r.cpuServerUsPerDenuncia.sincrono} µs negli invii sincroni; ` +
        `di PostgreSQL: ${r.cpuPostgresUsPerDenuncia.grande} µs e ${r.cpuPostgresUsPerDenuncia.sincrono} µs`,
    );
    if (profilo) {
      // The profile is written when the process ends (pg-boss may wait up to 10 s for a job, then the profile is written).
      await server.ferma(60_000);
      server = undefined;
      for (const [fase, finestra] of Object.entries(r.finestreUs)) {
        scrivi();
        scrivi(`Profilo CPU del server: ${{ grande: "il flusso grande (invio e lavoro)", verifica: "la verifica senza invio", sincrono: "gli invii sincroni" }[fase]} (${profilo}):`);
        stampaRiassunto(riassumi(leggiProfili(profilo), finestra), 25);
      }
    }
  } catch (e) {
    risultati.flussi = { errore: String(e instanceof Error ? e.stack ?? e.message : e) };
    console.error(`[bench] flussi non misurati: ${risultati.flussi.errore}`);
  }
}

/** (8) Portfolio and cruscotto on PostgreSQL with 1,000 more delegated companies (BENCH_DATABASE_URL or the local one). */
async function parteCruscotti(): Promise<void> {
  try {
    const admin = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
    if (process.env.BENCH_SKIP_BUILD !== "1") await compila();
    // BENCH_CRUSCOTTI_URL: an existing database as it is (e.g. a copy of the --scale one); else a throwaway one.
    const esistente = process.env.BENCH_CRUSCOTTI_URL;
    if (!esistente) database = await creaDatabaseTemporaneo("omnia_bench_cruscotti", admin);
    const url = esistente ?? database!.env.DATABASE_URL!;
    risultati.database = esistente ? `PostgreSQL esistente (${new URL(esistente).pathname.slice(1)})` : database!.descrizione;
    const env = {
      ...(esistente ? { DATABASE_URL: esistente, PGLITE_DIR: undefined, SEED: "0" } : database!.env),
      NODE_ENV: "production", DEMO_LOGIN: "1", COOKIE_INSECURE: "1", OMNIA_ORA_FISSA: process.env.OMNIA_ORA_FISSA ?? ORA_FISSA,
      // The warnings' first view is timed with nothing stored: no scheduled job in the measured server.
      OMNIA_PIANIFICAZIONI: "0",
    };
    // First start: migrations and the demo seed; then the portfolio's companies, then the measured server.
    server = await avviaServer({ env, nomeLog: "omnia-bench-cruscotti" });
    const aziendeGenerate = esistente ? {} : await preparaPortafoglio(url, Math.min(100_000, Number(opzione("cruscotti") ?? 1_000)));
    const avvisi = await primaVistaAvvisi(server, url);
    const pagine = await misuraCruscotti(server, durataS, connessioni);
    const piani = await spiegaQueryCruscotti(url);
    risultati.cruscotti = { aziendeGenerate, primaVistaAvvisi: avvisi, pagine, piani };
    scrivi();
    scrivi(`Portafoglio "Con avvisi di capacità" senza avvisi memorizzati: ${avvisi.freddaMs} ms; subito dopo: ${avvisi.seguenteMs} ms (carico ${avvisi.caricoMedio})`);
    scrivi();
    scrivi(`Cruscotto e portafoglio su ${risultati.database} (${JSON.stringify(aziendeGenerate)}), ${connessioni} connessioni × ${durataS} s e 1 connessione`);
    tabella(
      ["pagina", "byte", "req/s", "p50", "p99", "node:http req/s", "rapporto", "1 conn. p50", "1 conn. p99", "non 2xx", "carico", "CPU/rich."],
      pagine.map((r) => [
        r.pagina, r.byte, r.ssr.richiesteAlSecondo, `${r.ssr.p50Ms} ms`, `${r.ssr.p99Ms} ms`, r.nodeHttp.richiesteAlSecondo, r.rapporto,
        `${r.unaConnessione?.p50Ms} ms`, `${r.unaConnessione?.p99Ms} ms`, r.ssr.non2xx, r.caricoMedio, r.cpu ? `${r.cpu.ssrMsPerRichiesta} ms` : "—",
      ]),
    );
    scrivi();
    scrivi("EXPLAIN ANALYZE delle query del portafoglio e delle caselle dei messaggi (piani completi nel file dei risultati)");
    tabella(
      ["pagina", "query", "esecuzione", "indici", "nodi principali"],
      piani.map((p) => [
        p.pagina, p.sql.replace(/\s+/g, " ").slice(0, 60), `${p.msEsecuzione} ms`, p.usaIndici ? "sì" : "NO",
        [...new Set(p.piano.flatMap((r) => /(Index Only Scan|Index Scan|Bitmap Index Scan|Seq Scan) (?:using (\S+) )?on (\S+)/.exec(r)?.slice(1).filter(Boolean).join(" ") ?? []))].slice(0, 4).join("; "),
      ]),
    );
  } catch (e) {
    risultati.cruscotti = { errore: String(e instanceof Error ? e.stack ?? e.message : e) };
    console.error(`[bench] cruscotti non misurati: ${risultati.cruscotti.errore}`);
  }
}

try {
  if (cruscotti) await parteCruscotti();
  if (scalaSsr) await parteScalaSsr();
  if (invii) await parteInvii();
  if (flussi) await parteFlussi();
  if (!soloScala && !scalaSsr && !invii && !flussi && !cruscotti) {
    if (process.env.BENCH_SKIP_BUILD !== "1") await compila();
    // On PostgreSQL a throwaway database on that server (created, seeded and dropped by the run): the figures never
    // depend on what another run left there.
    database = await creaDatabaseTemporaneo("omnia_bench", process.env.BENCH_DATABASE_URL);
    risultati.database = database.descrizione;
    console.info(`[bench] database: ${database.descrizione}; avvio del server di produzione…`);
    server = await avviaServer({
      env: {
        ...database.env,
        NODE_ENV: "production",
        DEMO_LOGIN: "1",
        COOKIE_INSECURE: "1",
        OMNIA_ORA_FISSA: process.env.OMNIA_ORA_FISSA ?? ORA_FISSA,
      },
      nomeLog: "omnia-bench-server",
    });
    const base = server.url;
    console.info(`[bench] server pronto su ${base}`);

    // (1) SSR throughput, signed in as the intermediary: three scenarios, each against its bare node:http twin.
    const ssr: NonNullable<Risultati["ssr"]> = [];
    risultati.ssr = ssr;
    const extraIntermediario: string[] = [];
    let intermediario: Awaited<ReturnType<typeof accediDemo>> | undefined;
    const scenario = async (nomeScenario: string, prepara: () => Promise<string>, unaConnessione = false) => {
      try {
        intermediario ??= await accediDemo(base, /intermediari/i);
        const percorso = await prepara();
        if (soloPeso || soloLighthouse) return;
        console.info(`[bench] SSR ${nomeScenario} (${percorso}): ${connessioni} connessioni, ${durataS} s per server…`);
        const r = await misuraSsr({ base, percorso, biscotti: intermediario.biscotti, connessioni, durataS, unaConnessione, pidServer: server!.processo.pid });
        ssr.push({ scenario: nomeScenario, ...r });
        scrivi();
        scrivi(`SSR — ${nomeScenario}: ${r.percorso} (intermediario, ${r.byte} byte), ${r.connessioni} connessioni × ${r.durataS} s`);
        tabella(
          ["server", "req/s", "p50 ms", "p99 ms", "richieste", "non 2xx", "errori"],
          [
            ["Remix SSR", r.ssr.richiesteAlSecondo, r.ssr.p50Ms, r.ssr.p99Ms, r.ssr.totale, r.ssr.non2xx, r.ssr.errori],
            ["node:http", r.nodeHttp.richiesteAlSecondo, r.nodeHttp.p50Ms, r.nodeHttp.p99Ms, r.nodeHttp.totale, r.nodeHttp.non2xx, r.nodeHttp.errori],
          ],
        );
        if (r.unaConnessione) {
          const u = r.unaConnessione;
          scrivi(`a 1 connessione: ${u.richiesteAlSecondo} req/s, p50 ${u.p50Ms} ms, p99 ${u.p99Ms} ms`);
        }
        scrivi(`rapporto SSR / node:http: ${r.rapporto} (obiettivo ≥ 0,05 su PostgreSQL, minimo 0,02); carico medio ${r.caricoMedio}`);
        if (r.cpu) {
          scrivi(`CPU per richiesta: SSR ${r.cpu.ssrMsPerRichiesta} ms, node:http ${r.cpu.nodeHttpMsPerRichiesta} ms (rapporto delle CPU ${r.cpu.rapporto}: quasi indipendente dal carico)`);
        }
      } catch (e) {
        const errore = String(e instanceof Error ? e.message : e);
        ssr.push({ scenario: nomeScenario, errore });
        console.error(`[bench] SSR ${nomeScenario} non misurato: ${errore}`);
      }
    };
    await scenario("area riservata", async () => "/area-riservata");
    await scenario("lavoratori, unità di 520", async () => {
      const { percorso } = await bozzaFinoAiLavoratori(base, intermediario!.biscotti, {
        azienda: /Grande Fonderia Esempio/,
        unita: /Fonderia di Brescia/,
        causale: "mancanza_lavoro",
        dal: "02/02/2026",
        al: "26/04/2026",
        oreRichieste: 200_000,
      });
      extraIntermediario.push(percorso, percorso.replace(/\/lavoratori$/, ""));
      return percorso;
    }, true);
    await scenario("le tue domande", async () => {
      // Drafts on every company the intermediary may act for, round robin, with the suggested benefit; a company
      // with no suggested benefit is skipped. One draft already exists from the previous scenario (if it ran).
      const aziende = await idAziende(base, intermediario!.biscotti);
      const escluse = new Set<number>();
      let create = ssr.some((x) => x.scenario.startsWith("lavoratori") && !("errore" in x)) ? 1 : 0;
      for (let i = 0; create < BOZZE_ELENCO && escluse.size < aziende.length && i < BOZZE_ELENCO * 3; i++) {
        const a = aziende[i % aziende.length];
        if (escluse.has(a)) continue;
        try {
          await nuovaBozza(base, intermediario!.biscotti, a);
          create++;
        } catch {
          escluse.add(a);
        }
      }
      console.info(`[bench] ${create} bozze dell'intermediaria (${escluse.size} aziende senza prestazione suggerita)`);
      extraIntermediario.push("/domande");
      return "/domande";
    });
    if (soloPeso || soloLighthouse) delete risultati.ssr;
    if (ssr.length > 0) {
      scrivi();
      scrivi(
        `SSR — riepilogo su ${risultati.database} (${connessioni} connessioni × ${durataS} s; carico medio all'avvio ${risultati.macchina.caricoMedio.join(" ")}; rapporto = SSR req/s ÷ node:http req/s)`,
      );
      tabella(
        ["scenario", "byte", "SSR req/s", "SSR p50", "SSR p99", "http req/s", "http p99", "rapporto", "carico", "p50 a 1 conn.", "CPU SSR/rich.", "rapporto CPU"],
        ssr.map((x) =>
          "errore" in x
            ? [x.scenario, "—", "—", "—", "—", "—", "—", `errore: ${x.errore.slice(0, 60)}`, "—", "—", "—", "—"]
            : [
                x.scenario,
                x.byte,
                x.ssr.richiesteAlSecondo,
                `${x.ssr.p50Ms} ms`,
                `${x.ssr.p99Ms} ms`,
                x.nodeHttp.richiesteAlSecondo,
                `${x.nodeHttp.p99Ms} ms`,
                x.rapporto,
                x.caricoMedio,
                x.unaConnessione ? `${x.unaConnessione.p50Ms} ms` : "—",
                x.cpu ? `${x.cpu.ssrMsPerRichiesta} ms` : "—",
                x.cpu ? x.cpu.rapporto : "—",
              ],
        ),
      );
    }

    // --solo-ssr: the throughput table only (weight, layout shift and Lighthouse do not depend on the server's speed).
    if (!soloSsr && !soloLighthouse) {
      // (2) Page weight: public pages (anonymous) and signed-in pages for each demo role.
      const pagine: PesoPagina[] = [];
      const errori: string[] = [];
      const anonimo = new Biscotti();
      const perCls: Array<{ percorso: string; profilo: string; cookie: string }> = [];
      const pubbliche = await pagineDi(base, ["/", "/accedi", "/documenti", "/dichiarazione-accessibilita", "/privacy"], anonimo);
      pubbliche.push("/pagina-che-non-esiste");
      for (const p of pubbliche) {
        try {
          pagine.push(await pesaPagina(base, p, "anonimo", new Biscotti()));
          perCls.push({ percorso: p, profilo: "anonimo", cookie: "" });
        } catch (e) {
          errori.push(`${p} (anonimo): ${e}`);
        }
      }
      for (const [profilo, chi] of [
        ["intermediario", /intermediari/i],
        ["datore", /datore/i],
        ["operatore", /operatore/i],
        ["dirigente", /dirigente/i],
      ] as const) {
        try {
          const { biscotti } = await accediDemo(base, chi);
          // The intermediary's session is new: the draft of scenario (b) is hers too (same user), so its pages (every
          // step linked from the draft's page) are crawled and weighed.
          const partenza = ["/area-riservata", "/profilo", ...(profilo === "intermediario" ? extraIntermediario : [])];
          const riservate = (await pagineDi(base, partenza, biscotti, 80)).filter((p) => !pubbliche.includes(p));
          const modelli = new Set<string>();
          for (const p of riservate) {
            // One page per route: the 50 drafts of "Le tue domande" have the same pages with another id.
            const modello = p.replace(/\/\d+(?=\/|$)/g, "/:id");
            if (modelli.has(modello)) continue;
            modelli.add(modello);
            const peso = await pesaPagina(base, p, profilo, biscotti);
            // A step after an incomplete one redirects to it: its JS is weighed from the manifest below.
            if (peso.stato >= 300 && peso.stato < 400) continue;
            pagine.push(peso);
            perCls.push({ percorso: p, profilo, cookie: biscotti.intestazione() });
          }
        } catch (e) {
          errori.push(`${profilo}: ${e instanceof Error ? e.message : e}`);
        }
      }
      let rotte: PesoJsRotta[] = [];
      try {
        rotte = await pesaJsRotte(base);
      } catch (e) {
        errori.push(`JS per rotta dal manifest: ${e instanceof Error ? e.message : e}`);
      }
      risultati.peso = { budget: BUDGET, pagine, rotte, errori };
      fuoriBudget = pagine.some((p) => p.esito === "KO") || rotte.some((r) => r.esito === "KO");
      scrivi();
      scrivi(
        `Peso delle pagine (gzip; woff2 così com'è). Budget: senza JS ≤ ${BUDGET.senzaJsKb} KB, CSS ≤ ${BUDGET.cssKb} KB, JS ≤ ${BUDGET.jsKb} KB`,
      );
      tabella(
        ["pagina", "profilo", "stato", "HTML", "CSS", "font", "JS", "senza JS", "con JS", "esito"],
        pagine.map((p) => [
          p.pagina,
          p.profilo,
          p.stato,
          kb(p.htmlGz),
          kb(p.cssGz),
          `${kb(p.fontByte)} (${p.font})`,
          `${kb(p.jsGz)} (${p.jsFile})`,
          kb(p.senzaJsGz),
          kb(p.conJsGz),
          p.esito === "ok" ? "ok" : `KO: ${p.fuoriBudget.join("; ")}`,
        ]),
      );
      if (pagine.length > 0) {
        const estremi = (chiave: "senzaJsGz" | "cssGz" | "jsGz", budgetKb: number): (string | number)[] => {
          const ordinate = [...pagine].sort((a, b) => a[chiave] - b[chiave]);
          const [min, max] = [ordinate[0], ordinate[ordinate.length - 1]];
          return [kb(min[chiave]), `${min.pagina} (${min.profilo})`, kb(max[chiave]), `${max.pagina} (${max.profilo})`, `${budgetKb} KB`];
        };
        scrivi();
        scrivi(`Peso delle pagine — riepilogo su ${pagine.length} pagine, ${pagine.filter((p) => p.esito === "KO").length} fuori budget`);
        tabella(
          ["misura", "min", "pagina", "max", "pagina", "budget"],
          [
            ["senza JS", ...estremi("senzaJsGz", BUDGET.senzaJsKb)],
            ["CSS", ...estremi("cssGz", BUDGET.cssKb)],
            ["JS", ...estremi("jsGz", BUDGET.jsKb)],
          ],
        );
      }
      if (rotte.length > 0) {
        scrivi();
        scrivi(`JS di ogni rotta con JavaScript attivo (dal manifest di Remix, gzip; obiettivo ≤ 100 KB, limite ${BUDGET.jsKb} KB)`);
        tabella(["rotta", "JS", "file", "esito"], rotte.map((r) => [r.rotta, kb(r.jsGz), r.jsFile, r.esito === "ok" ? "ok" : `KO: > ${BUDGET.jsKb} KB`]));
      }
      for (const e of errori) console.error(`[bench] pagina non pesata: ${e}`);

      // (2b) Layout shift of every weighed page at 360 px, cold, with JS.
      if (!senzaLighthouse) {
        try {
          const caricoMedio = loadavg().map((x) => Math.round(x * 100) / 100);
          console.info(`[bench] CLS di ${perCls.length} pagine a 360 px (Chromium, cache vuota)…`);
          const cls = await misuraCls(base, perCls);
          risultati.cls = { caricoMedio, pagine: cls };
          const oltre = cls.filter((c) => c.cls > 0.05);
          const massimo = [...cls].sort((a, b) => b.cls - a.cls)[0];
          scrivi();
          scrivi(
            `CLS a 360 px su ${cls.length} pagine (obiettivo ≤ 0,05): massimo ${massimo?.cls ?? "—"} (${massimo?.pagina ?? "—"}), ` +
              `${oltre.length} oltre l'obiettivo`,
          );
          if (oltre.length > 0) {
            tabella(
              ["pagina", "profilo", "CLS", "spostamento maggiore"],
              oltre.map((c) => [c.pagina, c.profilo, c.cls, c.spostamentoMaggiore ? `${c.spostamentoMaggiore.valore} ${c.spostamentoMaggiore.nodi.join(" ")}` : "—"]),
            );
          }
        } catch (e) {
          risultati.cls = { errore: String(e instanceof Error ? e.message : e) };
          console.error(`[bench] CLS non misurato: ${risultati.cls.errore}`);
        }
      }
    }

    // (4) Lighthouse on home, the Periodo step of scenario (b)'s draft and "Le tue domande" (intermediary).
    if (server && !senzaLighthouse && !invii && !flussi) {
      try {
        const { biscotti } = await accediDemo(server.url, /intermediari/i);
        const bozza =
          (risultati.peso?.pagine ?? []).find((p) => /^\/domande\/\d+\/periodo$/.test(p.pagina))?.pagina ??
          extraIntermediario.find((p) => p.endsWith("/lavoratori"))?.replace(/\/lavoratori$/, "/periodo");
        const pagineLh = [
          { percorso: "/", profilo: "anonimo" },
          ...(bozza ? [{ percorso: bozza, profilo: "intermediario", cookie: biscotti.intestazione() }] : []),
          { percorso: "/domande", profilo: "intermediario", cookie: biscotti.intestazione() },
        ];
        const caricoMedio = loadavg().map((x) => Math.round(x * 100) / 100);
        console.info(`[bench] Lighthouse (mobile) su ${pagineLh.length} pagine, carico medio ${caricoMedio.join(" ")}…`);
        const lh = await misuraLighthouse(server.url, pagineLh, Number(opzione("lighthouse-volte") ?? 5));
        risultati.lighthouse = { caricoMedio, pagine: lh };
        scrivi();
        scrivi(`Lighthouse mobile (Chromium di Debian), carico medio ${caricoMedio.join(" ")}, esecuzione mediana di ogni pagina (computeMedianRun di Lighthouse). Obiettivo: prestazioni ≥ 95, accessibilità 100, CLS ≤ 0,05`);
        tabella(
          ["pagina", "profilo", "prestazioni", "min–max", "accessibilità", "CLS", "FCP", "LCP", "TBT", "problemi di accessibilità"],
          lh.map((r) =>
            "errore" in r
              ? [r.pagina, r.profilo, "—", "—", "—", "—", "—", "—", "—", `errore: ${r.errore.slice(0, 70)}`]
              : [r.pagina, r.profilo, r.prestazioni, `${r.prestazioniMin}–${r.prestazioniMax} (${r.esecuzioni})`, r.accessibilita, r.cls, `${r.fcpMs} ms`, `${r.lcpMs} ms`, `${r.tbtMs} ms`, r.problemiAccessibilita.join(", ") || "—"],
          ),
        );
      } catch (e) {
        risultati.lighthouse = { errore: String(e instanceof Error ? e.message : e) };
        console.error(`[bench] Lighthouse non misurato: ${risultati.lighthouse.errore}`);
      }
    }
  }

  // (3) Seed at --scale (opt-in).
  if (conScala && !scalaSsr && !invii && !flussi) {
    try {
      console.info("[bench] seed --scale (richiede minuti)…");
      const limiteMinuti = Math.min(120, Number(opzione("limite-scala") ?? 60));
      const scala = await misuraScala({ limiteMinuti });
      risultati.scala = scala;
      scrivi();
      scrivi(`Seed --scale su ${scala.database}: ${scala.secondi} s, ${scala.righeAlSecondo} righe/s`);
      tabella(["tabella", "righe"], Object.entries(scala.righe));
    } catch (e) {
      risultati.scala = { errore: String(e instanceof Error ? e.message : e) };
      console.error(`[bench] seed --scale non misurato: ${risultati.scala.errore}`);
    }
  }
} finally {
  if (server) await server.ferma();
  await database?.elimina();
}

const cartella = join(RADICE, "bench/results");
mkdirSync(cartella, { recursive: true });
const file = join(cartella, `${nome}.json`);
writeFileSync(file, `${JSON.stringify(risultati, null, 2)}\n`);
scrivi();
scrivi(`Risultati in ${file}`);
const fallito =
  (risultati.ssr ?? []).some((x) => "errore" in x) ||
  (risultati.scala && "errore" in risultati.scala) ||
  (risultati.scalaSsr && "errore" in risultati.scalaSsr) ||
  (risultati.invii && ("errore" in risultati.invii || risultati.invii.perse > 0 || risultati.invii.protocolliDuplicati > 0 || risultati.invii.coppieErrate > 0)) ||
  (risultati.peso?.errori.length ?? 0) > 0 ||
  (risultati.lighthouse && ("errore" in risultati.lighthouse || risultati.lighthouse.pagine.some((p) => "errore" in p))) ||
  (risultati.cls && "errore" in risultati.cls) ||
  (fuoriBudget && bandiera("rigoroso"));
process.exit(fallito ? 1 : 0);
