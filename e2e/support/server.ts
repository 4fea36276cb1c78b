// Shared by e2e/run.ts and bench/run.ts: a fresh database (temporary PGlite folder or a throwaway PostgreSQL
// database), the app server on a free port of 127.0.0.1 (it migrates and seeds), and a clean stop.
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { ARGOMENTI_NODE_SERVER, BUNDLE_SERVER } from "../../server/processo";

export const RADICE = resolve(fileURLToPath(new URL("../..", import.meta.url)));

export type Env = Record<string, string | undefined>;

/** Runs a command in the project root, output to this terminal; rejects on a non-zero exit. */
export function esegui(comando: string, argomenti: string[], env: Env = {}): Promise<void> {
  return new Promise((ok, ko) => {
    const figlio = spawn(comando, argomenti, { cwd: RADICE, stdio: "inherit", env: { ...process.env, ...env } });
    figlio.on("error", ko);
    figlio.on("exit", (codice, segnale) =>
      codice === 0 ? ok() : ko(new Error(`${comando} ${argomenti.join(" ")}: uscito con ${codice ?? segnale}`)),
    );
  });
}

/** `remix build`, the CSS and the server's bundle, as `npm run build` does. */
export async function compila(): Promise<void> {
  await esegui("npx", ["remix", "build"]);
  await esegui("npm", ["run", "build:css"]);
  await esegui("npm", ["run", "build:server"]);
}

export function portaLibera(): Promise<number> {
  return new Promise((ok, ko) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", ko);
    srv.listen(0, "127.0.0.1", () => {
      const indirizzo = srv.address();
      const porta = typeof indirizzo === "object" && indirizzo ? indirizzo.port : 0;
      srv.close(() => ok(porta));
    });
  });
}

export interface DatabaseTemporaneo {
  /** Variables for the server and the seed: DATABASE_URL, or PGLITE_DIR. */
  env: Env;
  descrizione: string;
  elimina(): Promise<void>;
}

/**
 * A fresh database for one run: with `adminUrl` (any database of a PostgreSQL server where the user may
 * CREATE DATABASE) a new database `<prefisso>_<pid>` on that server, dropped by `elimina()`;
 * without it a temporary PGlite folder, removed by `elimina()`.
 */
export async function creaDatabaseTemporaneo(prefisso: string, adminUrl?: string): Promise<DatabaseTemporaneo> {
  if (adminUrl) {
    const { default: postgres } = await import("postgres");
    const nome = `${prefisso}_${process.pid}`;
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    try {
      await admin.unsafe(`drop database if exists "${nome}" with (force)`);
      await admin.unsafe(`create database "${nome}"`);
    } finally {
      await admin.end({ timeout: 5 });
    }
    const url = new URL(adminUrl);
    url.pathname = `/${nome}`;
    return {
      env: { DATABASE_URL: url.toString(), PGLITE_DIR: undefined },
      descrizione: `PostgreSQL, database ${nome}`,
      async elimina() {
        const a = postgres(adminUrl, { max: 1, onnotice: () => {} });
        try {
          await a.unsafe(`drop database if exists "${nome}" with (force)`);
        } finally {
          await a.end({ timeout: 5 });
        }
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), `${prefisso}-pglite-`));
  return {
    env: { PGLITE_DIR: dir, DATABASE_URL: undefined },
    descrizione: `PGlite in ${dir}`,
    async elimina() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface ServerAvviato {
  url: string;
  porta: number;
  processo: ChildProcess;
  log: string;
  /** The last lines of the server log, for error messages. */
  codaLog(righe?: number): string;
  /** SIGTERM, then SIGKILL after `attesaMs`; resolves with the exit code (or the signal name). */
  ferma(attesaMs?: number): Promise<number | string | null>;
}

/**
 * Starts `server.ts` (node --import tsx: one process, so SIGTERM reaches it) and waits for /healthz.
 * server.ts applies the migrations and seeds the demo data when the database is empty (SEED=0 skips it),
 * so the wait covers the first seed too.
 */
export async function avviaServer(opzioni: {
  env: Env;
  porta?: number;
  nomeLog: string;
  attesaMs?: number;
  /** Extra node flags before the script (e.g. `--cpu-prof`, which NODE_OPTIONS does not allow). */
  argomentiNode?: string[];
  /** The entry point: server.ts (one process, the default: its bundle) or supervisore.ts (the cluster of `npm start`). */
  script?: "server.ts" | "supervisore.ts";
}): Promise<ServerAvviato> {
  if (!existsSync(join(RADICE, "server.ts"))) throw new Error("server.ts non esiste ancora nella radice del progetto");
  if (!existsSync(join(RADICE, BUNDLE_SERVER))) throw new Error(`${BUNDLE_SERVER} non esiste: npm run build`);
  const porta = opzioni.porta ?? (await portaLibera());
  const log = join(tmpdir(), `${opzioni.nomeLog}-${process.pid}.log`);
  const uscitaLog = createWriteStream(log);
  // server.ts runs as its bundle with plain node, as the supervisor's workers do (server/processo.ts); the supervisor
  // gives the same flags to its workers itself.
  const argomenti =
    (opzioni.script ?? "server.ts") === "server.ts"
      ? [...ARGOMENTI_NODE_SERVER, ...(opzioni.argomentiNode ?? []), BUNDLE_SERVER]
      : [...(opzioni.argomentiNode ?? []), "--import", "tsx", "supervisore.ts"];
  const processo = spawn(process.execPath, argomenti, {
    cwd: RADICE,
    env: { ...process.env, ...opzioni.env, PORT: String(porta), HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  processo.stdout?.pipe(uscitaLog, { end: false });
  processo.stderr?.pipe(uscitaLog, { end: false });
  let uscito: number | string | null | undefined;
  const fine = new Promise<number | string | null>((ok) =>
    processo.on("exit", (codice, segnale) => {
      uscito = codice ?? segnale;
      ok(uscito);
    }),
  );
  const url = `http://127.0.0.1:${porta}`;
  const codaLog = (righe = 60) => {
    try {
      return readFileSync(log, "utf8").split("\n").slice(-righe).join("\n");
    } catch {
      return "";
    }
  };
  const ferma = async (attesaMs = 10_000) => {
    if (uscito === undefined) {
      processo.kill("SIGTERM");
      const timer = setTimeout(() => {
        if (uscito === undefined) {
          console.error(`il server non si è fermato entro ${attesaMs} ms da SIGTERM: SIGKILL`);
          processo.kill("SIGKILL");
        }
      }, attesaMs);
      await fine;
      clearTimeout(timer);
    }
    uscitaLog.end();
    return uscito ?? null;
  };
  const scadenza = Date.now() + (opzioni.attesaMs ?? 600_000);
  for (;;) {
    if (uscito !== undefined) {
      throw new Error(`il server è uscito (${uscito}) prima di rispondere su /healthz. Log:\n${codaLog()}`);
    }
    try {
      const r = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (r.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > scadenza) {
      await ferma(5_000);
      throw new Error(`/healthz non ha risposto 200 entro il tempo massimo. Log:\n${codaLog()}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, porta, processo, log, codaLog, ferma };
}
