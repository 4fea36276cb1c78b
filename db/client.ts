// One typed database handle for the whole platform, whatever the driver:
// PostgreSQL through `postgres` when a URL is given, the embedded PGlite otherwise.
import { accessSync, constants, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Connessione {
  db: Db;
  tipo: "postgres" | "pglite";
  /** PostgreSQL: the URL it was opened with (the job queue opens its own small pool on it). */
  url?: string;
  /** PGlite: the instance (the job queue runs its SQL on it, in-process). */
  pglite?: import("@electric-sql/pglite").PGlite;
  /**
   * PostgreSQL: opens every connection of the pool now (they open on demand otherwise). A server process calls it
   * when it starts, so that its first burst of requests does not also pay, per connection, the TCP and authentication
   * handshakes and the start of a PostgreSQL backend.
   */
  apriPool?(): Promise<void>;
  chiudi(): Promise<void>;
}

export const cartellaMigrazioni = fileURLToPath(new URL("./migrations", import.meta.url));

/**
 * Behind PgBouncer in transaction pooling (ADR 016) a server connection is ours only until the end of a transaction,
 * so the driver must not rely on anything that outlives one:
 * - named prepared statements (`prepare: false`): one prepared on a server connection is unknown on the next;
 * - pipelining (`max_pipeline: 0`): postgres.js writes the next query before the previous one's ReadyForQuery, and
 *   PgBouncer 1.18 (Debian 12) hands the server connection back to the pool at that ReadyForQuery, while the next
 *   query's answers are still coming ("got packet … from server when not linked"): the query never completes.
 *   Measured: 5 of 30 concurrent sign-ins hung 30 s with pipelining, none without.
 * On with `?pgbouncer=true` in the URL (removed before connecting: PgBouncer refuses unknown startup parameters) or
 * DATABASE_PREPARE=false.
 */
export function opzioniUrlPostgres(url: string, env: Record<string, string | undefined> = process.env): { url: string; pgbouncer: boolean } {
  let pgbouncer = /^(false|0|no)$/i.test(env.DATABASE_PREPARE ?? "");
  let pulito = url;
  try {
    const u = new URL(url);
    const valore = u.searchParams.get("pgbouncer");
    if (valore !== null) {
      u.searchParams.delete("pgbouncer");
      if (!/^(false|0|no)$/i.test(valore)) pgbouncer = true;
      pulito = u.toString();
    }
  } catch {
    // not a URL the WHATWG parser reads (e.g. a socket path): the driver reports it
  }
  return { url: pulito, pgbouncer };
}

export async function apriPostgres(url: string, opzioni: { max?: number } = {}): Promise<Connessione> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const { url: indirizzo, pgbouncer } = opzioniUrlPostgres(url);
  // connect_timeout: with the server unreachable (network cut) a request fails in seconds, not the default 30.
  const massimo = opzioni.max ?? numeroConnessioni();
  const client = postgres(indirizzo, {
    max: massimo,
    connect_timeout: 5,
    backoff: attesaRiconnessione,
    onnotice: () => {},
    ...(pgbouncer ? { prepare: false, max_pipeline: 0 } : {}),
  });
  const db = drizzle(client, { schema }) as unknown as Db;
  // The job queue (pg-boss) opens its own pool on the same server: the URL without the driver-only pgbouncer flag.
  return {
    db,
    tipo: "postgres",
    url: indirizzo,
    // As many statements at once as the pool has connections: the driver opens a new connection for each one that
    // finds every open connection busy.
    apriPool: async () => {
      await Promise.all(Array.from({ length: massimo }, () => client`select 1`));
    },
    chiudi: () => client.end({ timeout: 5 }),
  };
}

/**
 * Seconds a pooled connection waits before connecting again after failed attempts (`tentativi`, counted across the
 * pool and reset by a successful connection). The driver's default grows as 3^n / 100 up to 20 s: during an outage the
 * requests queued behind a few connections then waited many seconds each for their 503, and after PostgreSQL came
 * back the pool stayed idle for up to 20 s (tests/guasti/riavvio-postgres.test.ts went from 18 to 47 s with 4
 * connections). Here it doubles from 50 ms up to 1 s, with jitter: a refused connect costs a few µs, not a
 * thundering herd.
 */
export function attesaRiconnessione(tentativi: number): number {
  return (0.5 + Math.random() / 2) * Math.min(0.05 * 2 ** tentativi, 1);
}

/** Connections of one process's pool when DATABASE_POOL_MAX does not say (ADR 034). */
export const CONNESSIONI_PREDEFINITE = 4;

/**
 * Pool size of one process: DATABASE_POOL_MAX, or 4 (ADR 034: on the 2-core bench machine, in 200 simultaneous
 * submissions on 2 processes, PostgreSQL spent about a quarter less CPU per submission with 4 connections each than
 * with 10, which only made more transactions wait on the same locks; behind PgBouncer a few per process are enough).
 */
export function numeroConnessioni(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.DATABASE_POOL_MAX);
  return Number.isInteger(n) && n > 0 ? n : CONNESSIONI_PREDEFINITE;
}

export async function apriPglite(
  dataDir?: string,
  opzioni: { loadDataDir?: Blob } = {},
): Promise<Connessione & { pglite: import("@electric-sql/pglite").PGlite }> {
  if (dataDir && !/^[a-z]+:\/\//.test(dataDir)) preparaCartella(dataDir);
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const pglite = new PGlite({ dataDir, loadDataDir: opzioni.loadDataDir, extensions: { pg_trgm } });
  await pglite.waitReady;
  // Statements named on their second use, as postgres.js does on PostgreSQL (db/pglite-preparate.ts).
  const { conIstruzioniNominate } = await import("./pglite-preparate");
  const db = drizzle({ client: conIstruzioniNominate(pglite) as typeof pglite, schema }) as unknown as Db;
  return { db, tipo: "pglite", pglite, chiudi: () => pglite.close() };
}

export class CartellaDatiNonScrivibile extends Error {}

/**
 * A fresh clone has no `.data/`: create the PGlite folder with its parents, or stop with a message a newcomer can act on
 * (PGlite's own error is a bare ENOENT/EACCES from inside its file-system layer).
 */
export function preparaCartella(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (e) {
    const causa = (e as NodeJS.ErrnoException).code ?? String(e);
    throw new CartellaDatiNonScrivibile(
      `Impossibile usare la cartella del database incorporato (PGlite) "${dir}": non si può creare o scrivere (${causa}). ` +
        "Controlla i permessi della cartella, oppure indica un'altra cartella con PGLITE_DIR=/percorso/scrivibile, " +
        "oppure usa un PostgreSQL con DATABASE_URL=postgres://utente@host:5432/database.",
      { cause: e },
    );
  }
}

/** The committed migrations, then the job queue's own schema and queues (pg-boss installs and migrates it: ADR 020). */
export async function migra(connessione: Connessione): Promise<void> {
  await migraSchema(connessione);
  const { installaCoda } = await import("./coda");
  await installaCoda(connessione);
}

async function migraSchema(connessione: Connessione): Promise<void> {
  if (connessione.tipo === "postgres") {
    const { migrate } = await import("drizzle-orm/postgres-js/migrator");
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    await migrate(connessione.db as any, { migrationsFolder: cartellaMigrazioni });
  } else {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    await migrate(connessione.db as any, { migrationsFolder: cartellaMigrazioni });
  }
}

/** Opens the database named by DATABASE_URL, or the embedded PGlite in `.data/pglite`. */
export async function apriDaAmbiente(env = process.env): Promise<Connessione> {
  if (env.DATABASE_URL) return apriPostgres(env.DATABASE_URL);
  const dir = env.PGLITE_DIR ?? fileURLToPath(new URL("../.data/pglite", import.meta.url));
  return apriPglite(dir);
}
