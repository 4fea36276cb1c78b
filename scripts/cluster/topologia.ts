// The several-instance topology on one machine, for `npm run cluster`, the cluster bench and the fault tests:
// PostgreSQL ← PgBouncer (transaction pooling) ← N app instances (production build; each the supervisor with its
// worker, as on a production machine) ← nginx.
// Everything on 127.0.0.1, unprivileged ports, configs rendered from ops/cluster/ into a temporary folder, logs there
// too; `ferma()` stops it all in order (nginx, instances, PgBouncer) and removes the folder. As root, nginx and
// PgBouncer run as `nobody` (PgBouncer refuses root; nginx would switch its workers anyway).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, chownSync, copyFileSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { portaLibera, RADICE } from "../../e2e/support/server";
import { limiteCorpoMassimo } from "../../server/richieste";

export const CARTELLA_MODELLI = join(RADICE, "ops/cluster");

/** Debian packages the topology needs, with the binary each provides. */
export const PACCHETTI = [
  { pacchetto: "nginx", binario: "/usr/sbin/nginx" },
  { pacchetto: "pgbouncer", binario: "/usr/sbin/pgbouncer" },
] as const;

/** Installs nginx and pgbouncer with apt-get if missing (as .ci/run does for chromium). Services are not started. */
export function installaPacchetti(log: (s: string) => void = console.info): void {
  const mancanti = PACCHETTI.filter((p) => !existsSync(p.binario)).map((p) => p.pacchetto);
  if (mancanti.length === 0) return;
  if (process.getuid?.() !== 0) throw new Error(`mancano ${mancanti.join(", ")}: installali con sudo apt-get install -y ${mancanti.join(" ")}`);
  log(`installo dai pacchetti Debian: ${mancanti.join(", ")}`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  // The packages' system services (nginx on port 80, pgbouncer on 6432) are not started: a policy-rc.d that refuses
  // them, for the install only, if the machine has none.
  const politica = "/usr/sbin/policy-rc.d";
  const temporanea = !existsSync(politica);
  if (temporanea) writeFileSync(politica, "#!/bin/sh\nexit 101\n", { mode: 0o755 });
  try {
    for (const argomenti of [["update"], ["install", "-y", "--no-install-recommends", ...mancanti]]) {
      const r = spawnSync("apt-get", argomenti, { stdio: "inherit", env });
      if (r.status !== 0) throw new Error(`apt-get ${argomenti.join(" ")}: uscito con ${r.status}`);
    }
  } finally {
    if (temporanea) rmSync(politica, { force: true });
  }
}

/** `{{NOME}}` fields of a template; a field left unfilled is an error, not an empty string in a config. */
export function compila(modello: string, valori: Record<string, string | number>): string {
  return modello.replace(/\{\{([A-Z_]+)\}\}/g, (_, nome: string) => {
    if (!(nome in valori)) throw new Error(`campo {{${nome}}} senza valore`);
    return String(valori[nome]);
  });
}

export function configNginx(opzioni: { cartella: string; porta: number; istanze: number[] }): string {
  const server = opzioni.istanze.map((p) => `    server 127.0.0.1:${p} max_fails=2 fail_timeout=3s;`).join("\n");
  return compila(readFileSync(join(CARTELLA_MODELLI, "nginx.conf"), "utf8"), {
    CARTELLA: opzioni.cartella,
    PORTA: opzioni.porta,
    SERVER_UPSTREAM: server,
    CORPO_MAX: limiteCorpoMassimo(),
  });
}

export function configPgbouncer(opzioni: { cartella: string; porta: number; pgHost: string; pgPorta: number; pool: number }): string {
  return compila(readFileSync(join(CARTELLA_MODELLI, "pgbouncer.ini"), "utf8"), {
    CARTELLA: opzioni.cartella,
    PORTA: opzioni.porta,
    PG_HOST: opzioni.pgHost,
    PG_PORTA: opzioni.pgPorta,
    POOL: opzioni.pool,
  });
}

export interface Processo {
  nome: string;
  figlio: ChildProcess;
  uscito: Promise<number | string | null>;
  finito: boolean;
}

function avviaProcesso(
  nome: string,
  comando: string,
  argomenti: string[],
  opzioni: { log: string; env?: NodeJS.ProcessEnv; utente?: { uid: number; gid: number }; gruppo?: boolean },
): Processo {
  const uscita = createWriteStream(opzioni.log, { flags: "a" });
  const figlio = spawn(comando, argomenti, {
    cwd: RADICE,
    env: opzioni.env ?? process.env,
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group: the supervisor and its worker are signalled together (a machine lost is all of it).
    detached: opzioni.gruppo ?? false,
    ...(opzioni.utente ?? {}),
  });
  figlio.stdout?.pipe(uscita, { end: false });
  figlio.stderr?.pipe(uscita, { end: false });
  const p: Processo = {
    nome,
    figlio,
    finito: false,
    uscito: new Promise((ok) => {
      figlio.on("error", () => ok("errore di avvio"));
      figlio.on("exit", (codice, segnale) => ok(codice ?? segnale));
    }),
  };
  void p.uscito.then(() => {
    p.finito = true;
    uscita.end();
  });
  return p;
}

/** What to end if this process exits without stopping it (an uncaught error): one exit handler for all of them. */
const daTerminare = new Set<() => void>();
let gestoreUscita = false;
function allUscita(f: () => void): void {
  daTerminare.add(f);
  if (gestoreUscita) return;
  gestoreUscita = true;
  process.once("exit", () => {
    for (const g of daTerminare) {
      try {
        g();
      } catch {
        // already gone
      }
    }
  });
}

/** If this process ends without stopping it, the child goes with it instead of lingering. */
function terminaAllUscita(p: Processo): void {
  allUscita(() => {
    if (!p.finito) p.figlio.kill("SIGKILL");
  });
}

async function fermaProcesso(p: Processo, segnale: NodeJS.Signals = "SIGTERM", attesaMs = 10_000, gruppo = false): Promise<void> {
  if (p.finito) return;
  const segnala = (s: NodeJS.Signals) => {
    try {
      if (gruppo && p.figlio.pid) process.kill(-p.figlio.pid, s);
      else p.figlio.kill(s);
    } catch {
      // already gone
    }
  };
  segnala(segnale);
  const timer = setTimeout(() => segnala("SIGKILL"), attesaMs);
  await p.uscito;
  clearTimeout(timer);
}

function coda(file: string, righe = 30): string {
  try {
    return readFileSync(file, "utf8").split("\n").slice(-righe).join("\n");
  } catch {
    return "";
  }
}

async function attendi(descrizione: string, prova: () => Promise<boolean>, processo: Processo, log: string, attesaMs: number): Promise<void> {
  const scadenza = Date.now() + attesaMs;
  for (;;) {
    if (processo.finito) throw new Error(`${descrizione}: il processo è uscito (${await processo.uscito}). Log:\n${coda(log)}`);
    if (await prova().catch(() => false)) return;
    if (Date.now() > scadenza) throw new Error(`${descrizione}: nessuna risposta entro ${attesaMs} ms. Log:\n${coda(log)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const healthzOk = (url: string) => async () => (await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) })).status === 200;

/** Does something accept TCP connections on 127.0.0.1:porta? */
function inAscolto(porta: number): () => Promise<boolean> {
  return async () => {
    const { connect } = await import("node:net");
    return new Promise((ok) => {
      const s = connect(porta, "127.0.0.1");
      s.once("connect", () => {
        s.destroy();
        ok(true);
      });
      s.once("error", () => ok(false));
    });
  };
}

export interface Istanza {
  indice: number;
  porta: number;
  url: string;
  pid: number | undefined;
  log: string;
  /** True once the process has ended (stopped or killed). */
  finita(): boolean;
  /** SIGKILL: an instance lost as a machine is lost, with requests in flight. */
  uccidi(): Promise<void>;
  ferma(): Promise<void>;
}

export interface Topologia {
  /** nginx: the platform's address. */
  url: string;
  cartella: string;
  /** PgBouncer's URL for the database (what the instances use, with ?pgbouncer=true). */
  urlPgbouncer: string;
  portaPgbouncer: number;
  istanze: Istanza[];
  pidNginx: number | undefined;
  pidPgbouncer: number | undefined;
  /** Stops nginx, the instances, PgBouncer (in this order) and removes the folder. */
  ferma(): Promise<void>;
}

export interface OpzioniTopologia {
  /** PostgreSQL URL of the platform's database, already migrated and seeded (see preparaDatabase). */
  databaseUrl: string;
  istanze: number;
  /** nginx's port (default: a free one). */
  porta?: number;
  /** Server connections PgBouncer opens to PostgreSQL (default 20). */
  poolPostgres?: number;
  /** Pool of each instance towards PgBouncer (DATABASE_POOL_MAX, default 10). */
  poolIstanza?: number;
  /** Extra environment of the instances (e.g. OMNIA_ORA_FISSA). */
  env?: Record<string, string | undefined>;
  log?: (s: string) => void;
  attesaMs?: number;
  /** Node flags of the instances before `--import tsx` (e.g. `--cpu-prof`: the supervisor's workers inherit them). */
  argomentiNode?: string[];
}

function utenteDiServizio(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const uid = Number(spawnSync("id", ["-u", "nobody"], { encoding: "utf8" }).stdout.trim());
  const gid = Number(spawnSync("id", ["-g", "nobody"], { encoding: "utf8" }).stdout.trim());
  if (!Number.isInteger(uid) || !Number.isInteger(gid)) throw new Error("utente nobody non trovato: serve per avviare nginx e PgBouncer come root");
  return { uid, gid };
}

/**
 * PgBouncer alone in `cartella`, in front of the server of `databaseUrl`: its port, and the same URL through it (with
 * ?pgbouncer=true, so the driver does not prepare statements).
 */
export async function avviaPgbouncer(opzioni: {
  cartella: string;
  databaseUrl: string;
  pool: number;
  utente?: { uid: number; gid: number };
  attesaMs?: number;
}): Promise<{ porta: number; url: string; processo: Processo; ferma(): Promise<void> }> {
  const { cartella, utente } = opzioni;
  const pg = new URL(opzioni.databaseUrl);
  const porta = await portaLibera();
  writeFileSync(join(cartella, "pgbouncer.ini"), configPgbouncer({ cartella, porta, pgHost: pg.hostname, pgPorta: Number(pg.port || 5432), pool: opzioni.pool }));
  writeFileSync(join(cartella, "pgbouncer-utenti.txt"), `"${decodeURIComponent(pg.username || "postgres")}" ""\n`);
  if (utente) for (const f of ["pgbouncer.ini", "pgbouncer-utenti.txt"]) chownSync(join(cartella, f), utente.uid, utente.gid);
  const processo = avviaProcesso("pgbouncer", "/usr/sbin/pgbouncer", [join(cartella, "pgbouncer.ini")], { log: join(cartella, "pgbouncer.out"), utente });
  terminaAllUscita(processo);
  await attendi("PgBouncer", inAscolto(porta), processo, join(cartella, "pgbouncer.log"), opzioni.attesaMs ?? 30_000);
  const via = new URL(opzioni.databaseUrl);
  via.hostname = "127.0.0.1";
  via.port = String(porta);
  via.searchParams.set("pgbouncer", "true");
  return { porta, url: via.toString(), processo, ferma: () => fermaProcesso(processo, "SIGINT") };
}

/** A temporary folder nginx and PgBouncer (run as `utente`) may write. */
export function cartellaDiServizio(prefisso = "omnia-cluster-"): { cartella: string; utente?: { uid: number; gid: number } } {
  const cartella = mkdtempSync(join(tmpdir(), prefisso));
  for (const d of ["tmp", "statico"]) mkdirSync(join(cartella, d));
  for (const f of readdirSync(CARTELLA_MODELLI).filter((x) => x.endsWith(".html"))) copyFileSync(join(CARTELLA_MODELLI, f), join(cartella, "statico", f));
  const utente = utenteDiServizio();
  if (utente) {
    for (const d of [cartella, join(cartella, "tmp"), join(cartella, "statico")]) chownSync(d, utente.uid, utente.gid);
  }
  chmodSync(cartella, 0o755);
  return { cartella, utente };
}

/**
 * Starts PgBouncer, the instances and nginx, and waits for each: PgBouncer accepting connections, every instance's
 * /healthz 200 (through PgBouncer, so the database is reachable that way), nginx's /healthz 200. On any failure what
 * was started is stopped before the error is thrown.
 */
export async function avviaTopologia(opzioni: OpzioniTopologia): Promise<Topologia> {
  const log = opzioni.log ?? console.info;
  const attesaMs = opzioni.attesaMs ?? 60_000;
  const { cartella, utente } = cartellaDiServizio();

  const pg = new URL(opzioni.databaseUrl);
  const processi: Processo[] = [];
  const istanze: Istanza[] = [];
  let nginx: Processo | undefined;
  let pgbouncer: Processo | undefined;

  const fermaTutto = async () => {
    if (nginx) await fermaProcesso(nginx, "SIGQUIT");
    await Promise.all(istanze.map((i) => i.ferma()));
    if (pgbouncer) await fermaProcesso(pgbouncer, "SIGINT");
    rmSync(cartella, { recursive: true, force: true });
  };

  try {
    // PgBouncer
    const pool = opzioni.poolPostgres ?? 20;
    const pb = await avviaPgbouncer({ cartella, databaseUrl: opzioni.databaseUrl, pool, utente, attesaMs });
    pgbouncer = pb.processo;
    const { url: urlPgbouncer, porta: portaPgbouncer } = pb;
    log(`PgBouncer su 127.0.0.1:${portaPgbouncer} (transaction pooling, ${pool} connessioni a PostgreSQL ${pg.hostname}:${pg.port || 5432})`);

    // App instances
    const envIstanza: NodeJS.ProcessEnv = {
      // The load test signs in hundreds of users from 127.0.0.1: no sign-in rate limit unless the environment asks for
      // one (server/limiti.ts, ADR 019).
      OMNIA_LIMITE_ACCESSI: "0",
      ...process.env,
      ...opzioni.env,
      NODE_ENV: "production",
      DATABASE_URL: urlPgbouncer,
      DATABASE_POOL_MAX: String(opzioni.poolIstanza ?? 10),
      // One worker per instance: the topology's instances are the unit of scale here (WEB_CONCURRENCY to change it).
      WEB_CONCURRENCY: opzioni.env?.WEB_CONCURRENCY ?? process.env.WEB_CONCURRENCY ?? "1",
      TRUST_PROXY: "loopback",
      HOST: "127.0.0.1",
    };
    delete envIstanza.PGLITE_DIR;
    delete envIstanza.TEST_DATABASE_URL;
    const avviaIstanza = async (indice: number): Promise<Istanza> => {
      const porta = await portaLibera();
      const file = join(cartella, `istanza-${indice}.log`);
      // As on a production machine: the supervisor (supervisore.ts, ADR 010) with its worker, restarted if it crashes.
      const p = avviaProcesso(`istanza ${indice}`, process.execPath, [...(opzioni.argomentiNode ?? []), "--import", "tsx", "supervisore.ts"], {
        log: file,
        env: { ...envIstanza, PORT: String(porta) },
        gruppo: true,
      });
      const url = `http://127.0.0.1:${porta}`;
      const istanza: Istanza = {
        indice,
        porta,
        url,
        pid: p.figlio.pid,
        log: file,
        finita: () => p.finito,
        uccidi: () => fermaProcesso(p, "SIGKILL", 10_000, true),
        // SIGTERM to the supervisor only: it stops its worker cleanly (the group gets SIGKILL if that takes too long).
        ferma: async () => {
          await fermaProcesso(p, "SIGTERM", 20_000);
          try {
            if (p.figlio.pid) process.kill(-p.figlio.pid, "SIGKILL");
          } catch {
            // the group is gone: the usual case
          }
        },
      };
      istanze.push(istanza);
      // If this process ends without stopping them (an uncaught error), the instances' groups go with it.
      allUscita(() => {
        if (p.figlio.pid && !p.finito) process.kill(-p.figlio.pid, "SIGKILL");
      });
      await attendi(`istanza ${indice}`, healthzOk(url), p, file, attesaMs);
      return istanza;
    };
    await Promise.all(Array.from({ length: opzioni.istanze }, (_, i) => avviaIstanza(i + 1)));
    istanze.sort((a, b) => a.indice - b.indice);
    log(`${istanze.length} istanze: ${istanze.map((i) => i.url).join(", ")}`);

    // nginx
    const porta = opzioni.porta ?? (await portaLibera());
    const conf = join(cartella, "nginx.conf");
    writeFileSync(conf, configNginx({ cartella, porta, istanze: istanze.map((i) => i.porta) }));
    const logNginx = join(cartella, "nginx.out");
    nginx = avviaProcesso("nginx", "/usr/sbin/nginx", ["-p", cartella, "-c", conf, "-e", join(cartella, "nginx-error.log")], { log: logNginx, utente });
    terminaAllUscita(nginx);
    processi.push(nginx);
    const url = `http://127.0.0.1:${porta}`;
    await attendi("nginx", healthzOk(url), nginx, join(cartella, "nginx-error.log"), attesaMs);
    log(`nginx su ${url}`);

    return {
      url,
      cartella,
      urlPgbouncer,
      portaPgbouncer,
      istanze,
      pidNginx: nginx.figlio.pid,
      pidPgbouncer: pgbouncer.figlio.pid,
      ferma: fermaTutto,
    };
  } catch (e) {
    await fermaTutto().catch(() => {});
    throw e;
  }
}
