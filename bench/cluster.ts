// `npm run bench:cluster` (or `npm run bench -- --cluster`): the platform as it runs in production (ADR 016) — nginx,
// app instances of the production build, PgBouncer in transaction pooling — on a PostgreSQL 15 cluster of its own
// (tests/cluster-postgres.ts: temporary folder, own port; the machine's shared PostgreSQL is never touched), under
// U virtual users (bench/lib/cluster/carico.ts) for D seconds, first with two instances, then with one, on the same
// machine in the same run. Afterwards the database is counted (bench/lib/cluster/conteggi.ts): nothing lost, nothing
// duplicated, nothing half-written. Reported per topology: requests/s, p50/p99 per kind of request, errors, load
// average, CPU used by each component (instances, PostgreSQL, PgBouncer, nginx, the load generator), what
// PostgreSQL's sessions were waiting on (pg_stat_activity sampled), and how long the instances' event loops were held
// and by which garbage collections (bench/lib/cluster/sonda-ritardi.mjs), to name the bottleneck.
// Faults (a benchmark, bounded in time, loopback only):
//   --guasto=istanza   two instances; one is killed (SIGKILL) halfway: nginx fails over; the submissions that got no
//                      answer are resent with their idempotency key; nothing lost or duplicated.
//   --guasto=postgres  two instances; PostgreSQL stopped (-m immediate) a third of the way in and started 5 s later:
//                      requests meanwhile answer the Italian 503 page, succeed again afterwards; nothing half-written.
// The load model (bench/lib/cluster/carico.ts; README, "Misure"): --rampa=S (30) the users arrive evenly over S
// seconds, --pausa=MS (7000: TPC-W's) mean think time between pages (negative exponential truncated at ten times the
// mean, as TPC-C and TPC-W), then all stay for --durata=S (60). The saturation run is --pausa=0 --rampa=0: every
// user at once, no thinking, as fast as the answers.
// Options: --utenti=N (200: 45% intermediary, 45% employer, 10% operators), --seme=N (the think times'), --bozze=N
// prepared drafts per topology (300), --solo-due (no one-instance run), --senza-build, --nome=NAME
// (bench/results/NAME.json), --profilo (CPU profiles of the instances' workers, `node --cpu-prof`, in
// bench/results/NAME-profilo-N/, summarised over the load window: where the instances' CPU goes).
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { sql } from "drizzle-orm";
import { apriPostgres, type Connessione } from "#db/client";
import { impostaConnessione } from "#db/connection";
import { preparaDatabase } from "#db/prepara";
import { LAURA_CONSULENTE, MARIO_ESEMPIO, OPERATORE_PADOVA } from "#db/seed/index";
import { compila, RADICE } from "../e2e/support/server";
import { avviaTopologia, installaPacchetti, type Topologia } from "../scripts/cluster/topologia";
import { avviaCluster, motivoSenzaCluster, type ClusterDiProva } from "../tests/cluster-postgres";
import { idAziende } from "./lib/domanda";
import { cpuMsProcesso } from "./lib/cpu";
import { preparaBozze } from "./lib/invii";
import { richiesta } from "./lib/http";
import { accedi } from "./lib/cluster/accesso";
import { eseguiCarico, latenze, nuovoStato, reinviaNonConfermati, type BozzaPronta, type RigaLatenza, type StatoCarico } from "./lib/cluster/carico";
import { leggiProfili, riassumi, stampaRiassunto, type RiassuntoProfilo } from "./lib/profilo-cpu";
import { descriviRitardi, riassumiRitardi, type RiassuntoRitardi } from "./lib/cluster/ritardi";
import { contaNelDatabase, ultimoIdDomanda, type Conteggi } from "./lib/cluster/conteggi";

const argomenti = process.argv.slice(2);
const opzione = (nome: string) => argomenti.find((a) => a.startsWith(`--${nome}=`))?.slice(nome.length + 3);
const bandiera = (nome: string) => argomenti.includes(`--${nome}`);

const durataS = Math.min(600, Number(opzione("durata") ?? 60));
const numeroUtenti = Number(opzione("utenti") ?? 200);
const pausaMs = Number(opzione("pausa") ?? 7000);
const rampaS = Number(opzione("rampa") ?? 30);
const seme = Number(opzione("seme") ?? 1);
const bozzePerFase = Number(opzione("bozze") ?? 300);
const guasto = opzione("guasto") as "istanza" | "postgres" | undefined;
if (guasto && guasto !== "istanza" && guasto !== "postgres") throw new Error("--guasto=istanza oppure --guasto=postgres");
const soloDue = bandiera("solo-due") || guasto !== undefined;
const profila = bandiera("profilo");
const adesso = new Date();
const nome = opzione("nome") ?? `cluster-${guasto ? `guasto-${guasto}-` : ""}${adesso.toISOString().replace(/[:T]/g, "-").slice(0, 19)}`;

/** The seed's reference date (as bench/run.ts and e2e/run.ts): the demo deleghe and periods hold on it. */
const ORA_FISSA = "2026-02-10T09:00:00+01:00";
process.env.OMNIA_ORA_FISSA ??= ORA_FISSA;

const scrivi = (s = "") => process.stdout.write(`${s}\n`);
const arrotonda = (x: number, cifre = 2) => Math.round(x * 10 ** cifre) / 10 ** cifre;

function tabella(intestazioni: string[], righe: (string | number)[][]): void {
  const celle = [intestazioni, ...righe.map((r) => r.map(String))];
  const larghezze = intestazioni.map((_, i) => Math.max(...celle.map((r) => r[i].length)));
  const riga = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(larghezze[i]) : c.padStart(larghezze[i]))).join("  ");
  scrivi(riga(intestazioni));
  scrivi(larghezze.map((l) => "-".repeat(l)).join("  "));
  for (const r of celle.slice(1)) scrivi(riga(r));
}

// ---- CPU of the processes, from /proc (clock ticks of 10 ms) ----

function figliDi(pid: number): number[] {
  const out: number[] = [];
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const ppid = Number(readFileSync(`/proc/${d}/stat`, "utf8").split(") ")[1].split(" ")[1]);
      if (ppid === pid) out.push(Number(d));
    } catch {
      // ended meanwhile
    }
  }
  return out;
}

/** CPU ms of a process and its children that are alive now (PostgreSQL backends, nginx workers). */
const cpuAlbero = (pid: number | undefined) => (pid ? (cpuMsProcesso(pid) ?? 0) + figliDi(pid).reduce((s, p) => s + (cpuMsProcesso(p) ?? 0), 0) : 0);

function pidPostmaster(cluster: ClusterDiProva): number {
  return Number(readFileSync(join(cluster.dati, "postmaster.pid"), "utf8").split("\n")[0]);
}

/** Busy and total jiffies of the whole machine (/proc/stat): how busy all cores were, whoever used them. */
function cpuMacchina(): { occupato: number; totale: number } {
  const campi = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
  const totale = campi.reduce((s, x) => s + x, 0);
  const inattivo = campi[3] + (campi[4] ?? 0);
  return { occupato: totale - inattivo, totale };
}

interface Componenti {
  istanze: number;
  postgres: number;
  pgbouncer: number;
  nginx: number;
  generatore: number;
}

function misuraComponenti(topologia: Topologia, cluster: ClusterDiProva): Componenti {
  return {
    istanze: topologia.istanze.reduce((s, i) => s + cpuAlbero(i.pid), 0),
    postgres: cpuAlbero(pidPostmaster(cluster)),
    pgbouncer: cpuAlbero(topologia.pidPgbouncer),
    nginx: cpuAlbero(topologia.pidNginx),
    generatore: process.cpuUsage().user / 1000 + process.cpuUsage().system / 1000,
  };
}

// ---- What PostgreSQL's sessions wait on, sampled ----

interface Campionamento {
  campioni: number;
  /** wait_event_type:wait_event (or "CPU" when active and not waiting) → samples. */
  attese: Record<string, number>;
  /** Mean number of active sessions. */
  attiveMedie: number;
  /** Mean clients waiting in PgBouncer for a server connection (SHOW POOLS cl_waiting), if readable. */
  inAttesaPgbouncerMedi: number | null;
}

function campiona(diretta: Connessione, topologia: Topologia): { ferma(): Promise<Campionamento> } {
  const attese: Record<string, number> = {};
  let campioni = 0;
  let attive = 0;
  let inAttesa = 0;
  let letturePgbouncer = 0;
  let attivo = true;
  const ciclo = (async () => {
    const { default: postgres } = await import("postgres");
    const admin = postgres(`postgres://postgres@127.0.0.1:${topologia.portaPgbouncer}/pgbouncer`, { max: 1, prepare: false, fetch_types: false, onnotice: () => {} });
    while (attivo) {
      try {
        const righe = await diretta.db.execute<{ attesa: string }>(sql`
          select coalesce(wait_event_type || ':' || wait_event, 'CPU') as attesa
          from pg_stat_activity where state = 'active' and pid <> pg_backend_pid() and backend_type = 'client backend'`);
        const lista = Array.isArray(righe) ? righe : (righe as unknown as { rows: Array<{ attesa: string }> }).rows;
        campioni++;
        attive += lista.length;
        for (const r of lista) attese[r.attesa] = (attese[r.attesa] ?? 0) + 1;
      } catch {
        // PostgreSQL down (fault run): no sample
      }
      try {
        const pool = await admin.unsafe("SHOW POOLS");
        inAttesa += pool.filter((p) => p.database !== "pgbouncer").reduce((s, p) => s + Number(p.cl_waiting ?? 0), 0);
        letturePgbouncer++;
      } catch {
        // the admin console is optional
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    await admin.end({ timeout: 2 }).catch(() => {});
  })();
  return {
    async ferma() {
      attivo = false;
      await ciclo;
      return {
        campioni,
        attese,
        attiveMedie: campioni ? arrotonda(attive / campioni) : 0,
        inAttesaPgbouncerMedi: letturePgbouncer ? arrotonda(inAttesa / letturePgbouncer) : null,
      };
    },
  };
}

// ---- CPU of one operation alone ----

interface CostoSolo {
  tipo: string;
  volte: number;
  /** CPU of the instances (all of them) and of PostgreSQL per operation, with nothing else running on the topology. */
  istanzeMs: number;
  postgresMs: number;
}

/**
 * The CPU one sign-in and one "Le tue domande" cost, each done `volte` times in sequence before the load: what the
 * load's mix is made of, independent of queues and of the machine's other users (CPU time, not wall time).
 */
async function costiSequenziali(topologia: Topologia, cluster: ClusterDiProva): Promise<CostoSolo[]> {
  const misura = async (tipo: string, volte: number, fai: () => Promise<unknown>): Promise<CostoSolo> => {
    await fai(); // warm-up: the first of each costs the JIT and the caches
    const istanze = () => topologia.istanze.reduce((s, i) => s + cpuAlbero(i.pid), 0);
    const i0 = istanze();
    const p0 = cpuAlbero(pidPostmaster(cluster));
    for (let k = 0; k < volte; k++) await fai();
    return { tipo, volte, istanzeMs: arrotonda((istanze() - i0) / volte, 1), postgresMs: arrotonda((cpuAlbero(pidPostmaster(cluster)) - p0) / volte, 1) };
  };
  const biscotti = await accedi(topologia.url, "datore");
  return [
    await misura("accesso OIDC completo", 20, () => accedi(topologia.url, "intermediario")),
    await misura("le tue domande", 50, async () => {
      const r = await richiesta(topologia.url, "/domande", biscotti);
      if (r.status !== 200) throw new Error(`/domande: ${r.status}`);
      await r.arrayBuffer();
    }),
  ];
}

// ---- One run of the load on one topology ----

/** Where the instances' event-loop probe writes, per topology. */
const cartellaRitardi = (istanze: number) => join(RADICE, "bench/results", `${nome}-ritardi-${istanze}`);

interface Fase {
  istanze: number;
  utenti: number;
  durataS: number;
  pausaMs: number;
  rampaS: number;
  caricoMedioPrima: number[];
  caricoMedioDopo: number[];
  richieste: number;
  richiesteAlSecondo: number;
  /** Requests begun once every user had arrived, per second of that time (the throughput at full load). */
  richiesteAlSecondoARegime: number;
  errori: number;
  erroriPerTipo: Record<string, number>;
  esempiErrori: StatoCarico["errori"];
  latenze: RigaLatenza[];
  /** Share of all the machine's cores busy during the load (any process: other users of the machine too). */
  cpuMacchinaOccupata: number;
  /** Cores used on average by each component during the load (CPU seconds / wall seconds). */
  coreUsati: Record<keyof Componenti, number>;
  cpuMsPerRichiesta: Record<keyof Componenti, number>;
  postgres: Campionamento;
  conteggi: Conteggi;
  reinvii?: { tentati: number; confermati: number; stati: Record<string, number> };
  guasto?: Record<string, unknown>;
  /** CPU of one sign-in and one page alone, measured before the load. */
  costiSoli: CostoSolo[];
  /** The load window on the monotonic clock the profiled processes share (µs). */
  finestraUs: { dal: number; al: number };
  /** The same window on the wall clock (ms since the epoch), for the instances' event-loop probe. */
  finestraMs: { dal: number; al: number };
  /** With --profilo: the instances' CPU profiles over the load window. */
  profilo?: RiassuntoProfilo;
  /** The instances' event-loop holds and garbage collections over the load window. */
  ritardi?: RiassuntoRitardi;
}

async function fase(opzioni: {
  istanze: number;
  cluster: ClusterDiProva;
  diretta: Connessione;
  bozze: BozzaPronta[];
  aziende: Record<"intermediario" | "datore", number[]>;
}): Promise<Fase> {
  const { cluster, diretta } = opzioni;
  const cartellaProfili = join(RADICE, "bench/results", `${nome}-profilo-${opzioni.istanze}`);
  const adessoUs = () => Number(process.hrtime.bigint() / 1000n);
  let finestraUs: Fase["finestraUs"] | undefined;
  let finestraMs: Fase["finestraMs"] | undefined;
  mkdirSync(cartellaRitardi(opzioni.istanze), { recursive: true });
  const topologia = await avviaTopologia({
    // The supervisor's workers inherit the flags (cluster's execArgv): each writes its profile when it exits, and the
    // event-loop probe its file.
    argomentiNode: [
      ...(profila ? ["--cpu-prof", `--cpu-prof-dir=${cartellaProfili}`] : []),
      "--import", pathToFileURL(join(RADICE, "bench/lib/cluster/sonda-ritardi.mjs")).href,
    ],
    databaseUrl: cluster.url("omnia"),
    istanze: opzioni.istanze,
    env: { DEMO_LOGIN: "1", OMNIA_ORA_FISSA: process.env.OMNIA_ORA_FISSA, OMNIA_ASSEGNAZIONE: "pool", OMNIA_SONDA_RITARDI: cartellaRitardi(opzioni.istanze) },
    log: (s) => scrivi(`[cluster] ${s}`),
  });
  try {
    const operatori = Math.max(1, Math.round(numeroUtenti * 0.1));
    const intermediari = Math.round((numeroUtenti - operatori) / 2);
    const utenti = { intermediario: intermediari, datore: numeroUtenti - operatori - intermediari, operatore: operatori };
    const costiSoli = await costiSequenziali(topologia, cluster);
    scrivi(`[cluster] CPU di una richiesta sola (in sequenza, nessun altro utente): ${costiSoli.map((c) => `${c.tipo}: istanze ${c.istanzeMs} ms, PostgreSQL ${c.postgresMs} ms`).join("; ")}`);
    const stato = nuovoStato(opzioni.bozze);
    const idPrima = await ultimoIdDomanda(diretta.db);
    const caricoMedioPrima = loadavg().map((x) => arrotonda(x));
    const prima = misuraComponenti(topologia, cluster);
    const macchinaPrima = cpuMacchina();
    const sonda = campiona(diretta, topologia);
    const t0 = performance.now();
    const dalUs = adessoUs();
    const dalMs = Date.now();
    scrivi(`[cluster] ${opzioni.istanze} istanze: ${numeroUtenti} utenti in arrivo in ${rampaS} s, poi tutti per ${durataS} s (pensiero medio ${pausaMs} ms), carico medio ${caricoMedioPrima.join(" ")}…`);

    let infoGuasto: Record<string, unknown> | undefined;
    const azioneGuasto = (async () => {
      if (guasto === "istanza") {
        await new Promise((r) => setTimeout(r, rampaS * 1000 + (durataS * 1000) / 2));
        const vittima = topologia.istanze[topologia.istanze.length - 1];
        const quando = performance.now() - t0;
        await vittima.uccidi();
        scrivi(`[cluster] guasto: istanza ${vittima.indice} (${vittima.url}) terminata con SIGKILL a ${arrotonda(quando / 1000, 1)} s`);
        infoGuasto = { tipo: "istanza", istanza: vittima.url, istanteMs: Math.round(quando) };
      } else if (guasto === "postgres") {
        await new Promise((r) => setTimeout(r, rampaS * 1000 + (durataS * 1000) / 3));
        const quando = performance.now() - t0;
        await cluster.ferma("immediate");
        scrivi(`[cluster] guasto: PostgreSQL fermato (-m immediate) a ${arrotonda(quando / 1000, 1)} s`);
        await new Promise((r) => setTimeout(r, 5_000));
        await cluster.avvia();
        const ripartito = performance.now() - t0;
        scrivi(`[cluster] PostgreSQL di nuovo in servizio a ${arrotonda(ripartito / 1000, 1)} s`);
        infoGuasto = { tipo: "postgres", fermatoMs: Math.round(quando), ripartitoMs: Math.round(ripartito) };
      }
    })();

    const { secondi } = await eseguiCarico({ base: topologia.url, durataMs: durataS * 1000, pausaMs, rampaMs: rampaS * 1000, seme, utenti, aziende: opzioni.aziende }, stato);
    await azioneGuasto;
    finestraUs = { dal: dalUs, al: adessoUs() };
    finestraMs = { dal: dalMs, al: Date.now() };
    const dopo = misuraComponenti(topologia, cluster);
    const macchinaDopo = cpuMacchina();
    const postgres = await sonda.ferma();
    const caricoMedioDopo = loadavg().map((x) => arrotonda(x));

    // Submissions that got no answer (or an error page) are sent again, as their users would, with the same form.
    let reinvii: Fase["reinvii"];
    const daReinviare = stato.invii.filter((i) => i.stato !== 303 && i.stato !== 422);
    if (daReinviare.length) {
      const esiti = await reinviaNonConfermati(topologia.url, daReinviare);
      const stati: Record<string, number> = {};
      for (const s of esiti) stati[s] = (stati[s] ?? 0) + 1;
      reinvii = { tentati: daReinviare.length, confermati: esiti.filter((s) => s === 303).length, stati };
    }
    const conteggi = await contaNelDatabase(diretta.db, stato, {
      idPrima,
      codiciFiscali: [LAURA_CONSULENTE.codiceFiscale, MARIO_ESEMPIO.codiceFiscale, OPERATORE_PADOVA.codiceFiscale],
    });

    const richieste = stato.campioni.length;
    const erroriPerTipo: Record<string, number> = {};
    for (const e of stato.errori) {
      const k = `${e.tipo} → ${e.stato || "nessuna risposta"}`;
      erroriPerTipo[k] = (erroriPerTipo[k] ?? 0) + 1;
    }
    const chiavi = Object.keys(prima) as Array<keyof Componenti>;
    const fattaGuasto = infoGuasto;
    if (fattaGuasto) {
      // Errors around the fault: when they began and ended, and what the pages said.
      const tempi = stato.errori.map((e) => e.t).sort((a, b) => a - b);
      fattaGuasto.primoErroreMs = tempi.length ? Math.round(tempi[0]) : null;
      fattaGuasto.ultimoErroreMs = tempi.length ? Math.round(tempi[tempi.length - 1]) : null;
      // After a PostgreSQL restart: how long errors went on once it was back.
      if (typeof fattaGuasto.ripartitoMs === "number") {
        const dopoRipartenza = tempi.filter((t) => t >= (fattaGuasto.ripartitoMs as number));
        fattaGuasto.erroriDopoRipartenza = dopoRipartenza.length;
        fattaGuasto.ultimoErroreDopoRipartenzaMs = dopoRipartenza.length ? Math.round(dopoRipartenza[dopoRipartenza.length - 1] - (fattaGuasto.ripartitoMs as number)) : 0;
        fattaGuasto.erroriDuranteArresto = tempi.filter((t) => t >= (fattaGuasto.fermatoMs as number) && t < (fattaGuasto.ripartitoMs as number)).length;
      }
      fattaGuasto.processiRiavviatiDalSupervisore = topologia.istanze
        .map((i) => (readFileSync(i.log, "utf8").match(/terminato \(/g) ?? []).length)
        .reduce((a, b) => a + b, 0);
      fattaGuasto.titoliPagineErrore = [...new Set(stato.errori.map((e) => e.dettaglio.replace(/^[^:]*: /, "")))].slice(0, 5);
    }
    return {
      istanze: opzioni.istanze,
      utenti: numeroUtenti,
      durataS: arrotonda(secondi, 1),
      pausaMs,
      rampaS,
      caricoMedioPrima,
      caricoMedioDopo,
      richieste,
      richiesteAlSecondo: arrotonda(richieste / secondi, 1),
      richiesteAlSecondoARegime: arrotonda(stato.campioni.filter((c) => c.t >= rampaS * 1000).length / Math.max(1, secondi - rampaS), 1),
      errori: stato.errori.length,
      erroriPerTipo,
      esempiErrori: stato.errori.slice(0, 10),
      latenze: latenze(stato.campioni),
      cpuMacchinaOccupata: arrotonda((macchinaDopo.occupato - macchinaPrima.occupato) / Math.max(1, macchinaDopo.totale - macchinaPrima.totale)),
      coreUsati: Object.fromEntries(chiavi.map((k) => [k, arrotonda((dopo[k] - prima[k]) / 1000 / secondi)])) as Record<keyof Componenti, number>,
      cpuMsPerRichiesta: Object.fromEntries(chiavi.map((k) => [k, arrotonda((dopo[k] - prima[k]) / richieste)])) as Record<keyof Componenti, number>,
      postgres,
      conteggi,
      reinvii,
      guasto: fattaGuasto,
      finestraUs: finestraUs!,
      finestraMs: finestraMs!,
      costiSoli,
    };
  } finally {
    // The logs of nginx (which instance served what), PgBouncer and the instances, kept beside the results.
    const cartellaLog = join(RADICE, "bench/results", `${nome}-log-${opzioni.istanze}`);
    mkdirSync(cartellaLog, { recursive: true });
    for (const f of readdirSync(topologia.cartella).filter((x) => x.endsWith(".log"))) copyFileSync(join(topologia.cartella, f), join(cartellaLog, f));
    await topologia.ferma();
  }
}

function stampaFase(f: Fase): void {
  scrivi();
  scrivi(`== ${f.istanze} ${f.istanze === 1 ? "istanza" : "istanze"}: ${f.richiesteAlSecondo} richieste/s (${f.richieste} in ${f.durataS} s; ${f.richiesteAlSecondoARegime}/s a utenti tutti arrivati), errori ${f.errori}; carico medio prima ${f.caricoMedioPrima.join(" ")}, dopo ${f.caricoMedioDopo.join(" ")}`);
  tabella(
    ["richiesta", "n", "errori", "p50 ms", "p99 ms", "max ms"],
    f.latenze.map((l) => [l.tipo, l.richieste, l.errori, l.p50, l.p99, l.max]),
  );
  scrivi(`CPU della macchina occupata: ${Math.round(f.cpuMacchinaOccupata * 100)}% (tutti i processi)`);
  scrivi(`core usati: ${Object.entries(f.coreUsati).map(([k, v]) => `${k} ${v}`).join(", ")}`);
  scrivi(`CPU ms per richiesta: ${Object.entries(f.cpuMsPerRichiesta).map(([k, v]) => `${k} ${v}`).join(", ")}`);
  const attese = Object.entries(f.postgres.attese).sort((a, b) => b[1] - a[1]);
  const totale = attese.reduce((s, [, n]) => s + n, 0) || 1;
  scrivi(
    `PostgreSQL: ${f.postgres.attiveMedie} sessioni attive in media (${f.postgres.campioni} campioni); ${attese
      .slice(0, 6)
      .map(([k, n]) => `${k} ${Math.round((n / totale) * 100)}%`)
      .join(", ")}; clienti in attesa in PgBouncer ${f.postgres.inAttesaPgbouncerMedi ?? "n.d."}`,
  );
  if (Object.keys(f.erroriPerTipo).length) scrivi(`errori: ${JSON.stringify(f.erroriPerTipo)}`);
  if (f.reinvii) scrivi(`reinvii con la stessa chiave: ${JSON.stringify(f.reinvii)}`);
  if (f.guasto) scrivi(`guasto: ${JSON.stringify(f.guasto)}`);
  if (f.ritardi) scrivi(descriviRitardi(f.ritardi, (f.finestraMs.al - f.finestraMs.dal) / 1000));
  scrivi(`database: ${JSON.stringify(f.conteggi)}`);
}

/** The bottleneck, named from the evidence: who used the cores, and what PostgreSQL waited on. */
function collo(f: Fase): string {
  const core = cpus().length;
  const usati = Object.values(f.coreUsati).reduce((s, x) => s + x, 0);
  const attese = Object.entries(f.postgres.attese);
  const totale = attese.reduce((s, [, n]) => s + n, 0);
  const blocchi = attese.filter(([k]) => k.startsWith("Lock:")).reduce((s, [, n]) => s + n, 0);
  const parti = [`CPU: ${arrotonda(usati)} core su ${core} usati (istanze ${f.coreUsati.istanze}, PostgreSQL ${f.coreUsati.postgres}, generatore ${f.coreUsati.generatore}, nginx ${f.coreUsati.nginx}, PgBouncer ${f.coreUsati.pgbouncer}), carico medio ${f.caricoMedioDopo[0]}`];
  parti.push(`PostgreSQL: ${f.postgres.attiveMedie} sessioni attive in media, ${totale ? Math.round((blocchi / totale) * 100) : 0}% dei campioni in attesa di un lock`);
  const altri = arrotonda(f.cpuMacchinaOccupata * core - usati);
  parti.unshift(`CPU della macchina occupata al ${Math.round(f.cpuMacchinaOccupata * 100)}% (di cui ${Math.max(0, altri)} core da processi estranei al benchmark)`);
  const verdetto =
    f.cpuMacchinaOccupata >= 0.85
      ? usati >= core * 0.85
        ? "CPU della macchina (tutti i core occupati: istanze, PostgreSQL e generatore di carico se li contendono)"
        : "CPU della macchina, occupata in gran parte da altri processi: le cifre dicono poco della piattaforma"
      : totale && blocchi / totale > 0.3
        ? "lock in PostgreSQL"
        : f.postgres.attiveMedie >= 15
          ? "PostgreSQL"
          : "non la CPU né PostgreSQL: latenza del ciclo chiuso";
  return `${verdetto}. ${parti.join("; ")}.`;
}

// ---- main ----

const motivo = motivoSenzaCluster();
if (motivo) throw new Error(`serve un cluster PostgreSQL proprio: ${motivo}`);
installaPacchetti();
if (!bandiera("senza-build")) await compila();

scrivi(`[cluster] PostgreSQL proprio (initdb in una cartella temporanea)…`);
const cluster = await avviaCluster();
// An uncaught error must not leave the own PostgreSQL running: immediate shutdown (SIGQUIT) of its postmaster.
process.once("exit", () => {
  try {
    process.kill(pidPostmaster(cluster), "SIGQUIT");
  } catch {
    // already stopped by cluster.elimina()
  }
});
let diretta: Connessione | undefined;
try {
  const admin = await apriPostgres(cluster.url(), { max: 1 });
  await admin.db.execute(sql.raw("CREATE DATABASE omnia"));
  await admin.chiudi();
  diretta = await apriPostgres(cluster.url("omnia"), { max: 4 });
  scrivi(`[cluster] migrazioni e dati dimostrativi…`);
  await preparaDatabase(diretta, { ...process.env, SEED: "1" });
  impostaConnessione(diretta);

  const fasi = soloDue ? [2] : [2, 1];
  // The companies each applicant reaches once signed in over HTTP (read once, through a throwaway one-instance
  // topology): new drafts are made for them, and prepared drafts of other companies are left out (the employer's
  // HTTP session acts for one of his companies at a time).
  const aziende = await (async () => {
    const t = await avviaTopologia({ databaseUrl: cluster.url("omnia"), istanze: 1, env: { DEMO_LOGIN: "1", OMNIA_ORA_FISSA: process.env.OMNIA_ORA_FISSA }, log: () => {} });
    try {
      return {
        intermediario: await idAziende(t.url, await accedi(t.url, "intermediario")),
        datore: await idAziende(t.url, await accedi(t.url, "datore")),
      };
    } finally {
      await t.ferma();
    }
  })();
  scrivi(`[cluster] aziende raggiunte: intermediario ${aziende.intermediario.length}, datore ${aziende.datore.join(", ")}; preparo ${bozzePerFase * fasi.length} bozze inviabili…`);
  const raggiunte = (b: { mittente: "intermediario" | "datore"; aziendaId: number }) => aziende[b.mittente].includes(b.aziendaId);
  const tutte = (await preparaBozze(diretta, Math.ceil(bozzePerFase * fasi.length * 1.2), 0)).filter(raggiunte).slice(0, bozzePerFase * fasi.length);
  // Round robin over the units: alternate drafts to the runs, so each run gets every unit and no shared week.
  const perFase = fasi.map((_, i) => tutte.filter((_, j) => j % fasi.length === i).map((b) => ({ id: b.id, profilo: b.mittente, aziendaId: b.aziendaId })));
  aziende.intermediario = aziende.intermediario.slice(0, 20);

  const risultati: Fase[] = [];
  for (const [i, istanze] of fasi.entries()) {
    const f = await fase({ istanze, cluster, diretta, bozze: perFase[i], aziende });
    // Written by the instances' workers as they exited (the topology is stopped by now).
    f.ritardi = riassumiRitardi(cartellaRitardi(istanze), f.finestraMs);
    stampaFase(f);
    if (profila) {
      // Written by the workers as they exited (the topology is stopped by now).
      const cartella = join(RADICE, "bench/results", `${nome}-profilo-${istanze}`);
      f.profilo = riassumi(leggiProfili(cartella), f.finestraUs);
      scrivi(`Profilo CPU delle istanze durante il carico (${cartella}):`);
      stampaRiassunto(f.profilo, 30, null);
    }
    risultati.push(f);
  }

  scrivi();
  if (risultati.length === 2) {
    const [due, una] = risultati;
    scrivi(`Due istanze: ${due.richiesteAlSecondoARegime} richieste/s a regime; una: ${una.richiesteAlSecondoARegime} richieste/s (rapporto ${arrotonda(due.richiesteAlSecondoARegime / una.richiesteAlSecondoARegime)}), stessa macchina, stessa esecuzione.`);
  }
  for (const f of risultati) scrivi(`Collo di bottiglia con ${f.istanze} ${f.istanze === 1 ? "istanza" : "istanze"}: ${collo(f)}`);
  const problemi = risultati.flatMap((f) =>
    (["inviiPersi", "inviiDuplicati", "inviiAMeta", "protocolliDuplicatiNelDatabase", "bozzePerse", "decisioniPerse", "casiConPiuAtti"] as const)
      .filter((k) => f.conteggi[k] > 0)
      .map((k) => `${f.istanze} istanze: ${k} = ${f.conteggi[k]}`),
  );
  scrivi(problemi.length ? `PROBLEMI NEL DATABASE: ${problemi.join("; ")}` : "Database: nessuna domanda persa, duplicata o scritta a metà.");

  mkdirSync(join(RADICE, "bench/results"), { recursive: true });
  const file = join(RADICE, "bench/results", `${nome}.json`);
  const git = spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: RADICE, encoding: "utf8" }).stdout.trim();
  writeFileSync(
    file,
    JSON.stringify(
      {
        nome,
        quando: adesso.toISOString(),
        commit: git,
        macchina: { cpu: cpus()[0]?.model ?? "?", core: cpus().length, node: process.version },
        opzioni: { durataS, rampaS, seme, utenti: numeroUtenti, pausaMs, bozzePerFase, guasto: guasto ?? null },
        fasi: risultati,
        colli: risultati.map((f) => ({ istanze: f.istanze, collo: collo(f) })),
        problemi,
      },
      null,
      2,
    ),
  );
  scrivi(`Risultati in ${file}`);
  if (problemi.length) process.exitCode = 1;
} finally {
  impostaConnessione(undefined);
  await diretta?.chiudi();
  await cluster.elimina();
}
