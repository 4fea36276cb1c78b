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
  chiudi(): Promise<void>;
}

export const cartellaMigrazioni = fileURLToPath(new URL("./migrations", import.meta.url));

/**
 * Whether the driver may use named prepared statements. Not through PgBouncer in transaction pooling (ADR 015): a
 * statement prepared on one server connection is unknown on the next transaction's. Off with `?pgbouncer=true` in the
 * URL (removed before connecting: PgBouncer refuses unknown startup parameters) or DATABASE_PREPARE=false.
 */
export function opzioniUrlPostgres(url: string, env: Record<string, string | undefined> = process.env): { url: string; prepare: boolean } {
  let prepare = !/^(false|0|no)$/i.test(env.DATABASE_PREPARE ?? "");
  let pulito = url;
  try {
    const u = new URL(url);
    const pgbouncer = u.searchParams.get("pgbouncer");
    if (pgbouncer !== null) {
      u.searchParams.delete("pgbouncer");
      if (!/^(false|0|no)$/i.test(pgbouncer)) prepare = false;
      pulito = u.toString();
    }
  } catch {
    // not a URL the WHATWG parser reads (e.g. a socket path): the driver reports it
  }
  return { url: pulito, prepare };
}

export async function apriPostgres(url: string, opzioni: { max?: number } = {}): Promise<Connessione> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const { url: indirizzo, prepare } = opzioniUrlPostgres(url);
  // connect_timeout: with the server unreachable (network cut) a request fails in seconds, not the default 30.
  const client = postgres(indirizzo, { max: opzioni.max ?? numeroConnessioni(), prepare, connect_timeout: 5, onnotice: () => {} });
  const db = drizzle(client, { schema }) as unknown as Db;
  return { db, tipo: "postgres", chiudi: () => client.end({ timeout: 5 }) };
}

/** Pool size of one process: DATABASE_POOL_MAX (behind PgBouncer a few per process are enough), default 10. */
function numeroConnessioni(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.DATABASE_POOL_MAX);
  return Number.isInteger(n) && n > 0 ? n : 10;
}

export async function apriPglite(
  dataDir?: string,
  opzioni: { loadDataDir?: Blob } = {},
): Promise<Connessione & { pglite: import("@electric-sql/pglite").PGlite }> {
  if (dataDir && !/^[a-z]+:\/\//.test(dataDir)) preparaCartella(dataDir);
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const pglite = new PGlite({ dataDir, loadDataDir: opzioni.loadDataDir });
  await pglite.waitReady;
  const db = drizzle(pglite, { schema }) as unknown as Db;
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

export async function migra(connessione: Connessione): Promise<void> {
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
