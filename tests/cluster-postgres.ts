// A throwaway PostgreSQL cluster for fault tests: its own data directory in a temporary folder, its own port, so a
// test may stop it brutally (pg_ctl -m immediate) without touching the machine's main cluster. Needs the server
// binaries (initdb, pg_ctl; PG_BIN or /usr/lib/postgresql/15/bin). As root, they run as the `postgres` user
// (initdb refuses root).
import { execFile } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const esegui = promisify(execFile);

export const CARTELLA_BINARI = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin";

/** Why a fault test cannot run here, or null if it can. */
export function motivoSenzaCluster(): string | null {
  for (const b of ["initdb", "pg_ctl"]) {
    if (!existsSync(path.join(CARTELLA_BINARI, b))) return `binari di PostgreSQL assenti (${path.join(CARTELLA_BINARI, b)}; imposta PG_BIN)`;
  }
  return null;
}

async function portaLibera(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const porta = (s.address() as { port: number }).port;
      s.close(() => resolve(porta));
    });
  });
}

export interface ClusterDiProva {
  porta: number;
  /** The data directory (its postmaster.pid names the server's process). */
  dati: string;
  url(database?: string): string;
  ferma(modo?: "immediate" | "fast"): Promise<void>;
  avvia(): Promise<void>;
  elimina(): Promise<void>;
}

export async function avviaCluster(): Promise<ClusterDiProva> {
  const cartella = mkdtempSync(path.join(os.tmpdir(), "omnia-pg-guasti-"));
  const dati = path.join(cartella, "dati");
  const comeRoot = process.getuid?.() === 0;
  if (comeRoot) {
    const { stdout } = await esegui("id", ["-u", "postgres"]);
    const { stdout: gid } = await esegui("id", ["-g", "postgres"]);
    chownSync(cartella, Number(stdout.trim()), Number(gid.trim()));
  }
  const bin = (nome: string, argomenti: string[]) =>
    comeRoot
      ? esegui("runuser", ["-u", "postgres", "--", path.join(CARTELLA_BINARI, nome), ...argomenti])
      : esegui(path.join(CARTELLA_BINARI, nome), argomenti);
  await bin("initdb", ["-D", dati, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync", "--locale=C.UTF-8"]);
  const porta = await portaLibera();
  const opzioni = `-p ${porta} -k ${cartella} -c listen_addresses=127.0.0.1 -c max_connections=60`;
  const avvia = async () => {
    await bin("pg_ctl", ["start", "-w", "-t", "30", "-D", dati, "-l", path.join(cartella, "log"), "-o", opzioni]);
  };
  await avvia();
  return {
    porta,
    dati,
    url: (database = "postgres") => `postgres://postgres@127.0.0.1:${porta}/${database}`,
    ferma: async (modo = "immediate") => {
      await bin("pg_ctl", ["stop", "-w", "-D", dati, "-m", modo]);
    },
    avvia,
    elimina: async () => {
      await bin("pg_ctl", ["stop", "-w", "-D", dati, "-m", "immediate"]).catch(() => {});
      rmSync(cartella, { recursive: true, force: true });
    },
  };
}
