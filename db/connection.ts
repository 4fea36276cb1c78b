// The process-wide connection. It lives on globalThis because the Remix server build bundles its own
// copy of this module while server.ts imports the source: two PGlite instances on one folder would corrupt it.
import { fillPlaceholders, Param, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { Connessione, Db } from "./client";
import { PIANO_PER_I_VALORI } from "./pglite-preparate";

const chiave = Symbol.for("omnia-is.connessione");
type Globale = typeof globalThis & { [chiave]?: Connessione };

export function impostaConnessione(connessione: Connessione | undefined): void {
  (globalThis as Globale)[chiave] = connessione;
}

export function connessioneCorrente(): Connessione {
  const c = (globalThis as Globale)[chiave];
  if (!c) throw new Error("Database non inizializzato: chiamare impostaConnessione() all'avvio");
  return c;
}

export function db(): Db {
  return connessioneCorrente().db;
}

const preparate = new WeakMap<Db, Map<string, unknown>>();

/**
 * A query built once per connection and run many times with placeholders (`sql.placeholder`): the hot queries of
 * every request (session, domanda) skip drizzle's query building, which the CPU profiles showed on every page.
 */
export function preparata<T>(nome: string, costruisci: (db: Db) => T): T {
  const d = db();
  let perDb = preparate.get(d);
  if (!perDb) {
    perDb = new Map();
    preparate.set(d, perDb);
  }
  let q = perDb.get(nome) as T | undefined;
  if (q === undefined) {
    q = costruisci(d);
    perDb.set(nome, q);
  }
  return q;
}

/** A transaction handle of either driver: what `Db["transaction"]` passes to its callback. */
export type Transazione = Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * The driver's own client behind a transaction handle: drizzle-orm 0.45.4 keeps it as the session's `client` (the
 * reserved postgres.js connection, or PGlite's transaction). Undefined if a future drizzle moves it: callers then
 * refuse rather than run a statement outside the transaction.
 */
export function clientDellaTransazione(tx: Transazione): unknown {
  return (tx as unknown as { session?: { client?: unknown } }).session?.client;
}

/**
 * A query prepared once per process (preparata) run on `dove`: the pool, or a transaction's own connection. drizzle
 * builds a prepared query for the connection it was made on and offers no way to run it on a transaction's, while
 * building the statement per call is what the submission's profile spent most on (README, Misure): the prepared query
 * is reused with the transaction's client in its place. Both drivers' prepared queries (drizzle-orm 0.45.4,
 * postgres-js and pglite sessions) run `this.client`, and the transaction's session holds its client in `client`; if
 * a future drizzle moves either, this throws rather than run the statement outside the transaction
 * (tests/integrazione/preparata-in-transazione.test.ts).
 */
export function preparataSu<T extends object>(dove: Db | Transazione, nome: string, costruisci: (db: Db) => T): T {
  const q = preparata(nome, costruisci);
  if (dove === db()) return q;
  const client = clientDellaTransazione(dove as Transazione);
  if (!client || !("client" in q)) throw new Error(`preparataSu(${nome}): la query preparata non si può legare alla transazione`);
  return Object.create(q, { client: { value: client } }) as T;
}

/** What a postgres.js transaction's scoped client offers here: a statement and its rows as arrays of values. */
interface ClientPostgresJs {
  unsafe(testo: string, parametri?: unknown[], opzioni?: { prepare?: boolean }): PromiseLike<unknown> & { values(): PromiseLike<unknown[][]> };
}

/** What PGlite's transaction offers here. */
interface ClientPglite {
  query(testo: string, parametri: unknown[], opzioni: { rowMode: "array" }): Promise<{ rows: unknown[][] }>;
}

/**
 * A transaction's last statement, a query prepared once per process (preparata, with placeholders), run with the
 * transaction's COMMIT sent right behind it, without waiting for its answer (a statement over 1 KB leaves in one
 * write, the COMMIT in the driver's next). Whatever locks the statement takes (the year's protocol counter) are then
 * released as soon as PostgreSQL has run it and committed, instead of after its answer has reached this process and
 * waited for a busy event loop to read it: 200 submissions at the same instant queued on the counter for those turns
 * with their connections held, and the processors stood idle (README, Misure, "Dodicesima finestra"; ADR 040). The
 * rows come back as arrays of values, in the order of the statement's columns.
 *
 * On PostgreSQL (postgres.js) the two go in the transaction's own connection in order: the driver sends a
 * transaction's statements one after the other on its reserved connection, pipelined once the statement is prepared
 * on it. The COMMIT is `COMMIT AND CHAIN`: it commits and opens an empty transaction at once, so the connection stays
 * the transaction's (postgres.js gives a reserved connection back to the pool as soon as PostgreSQL reports it out
 * of a transaction, and a plain COMMIT here made the driver's own COMMIT after the callback wait forever for it) and
 * the driver's COMMIT or ROLLBACK then ends the empty one. If the statement fails, PostgreSQL runs the COMMIT on the
 * failed transaction as a ROLLBACK; if the COMMIT fails, nothing was committed: either way this throws. Nothing may
 * run in the transaction after this: it would be a transaction of its own, committed by the driver after the callback.
 * On PGlite (one connection, nothing waits on a lock) the statement runs as usual and commits with the callback.
 */
export async function ultimaIstruzione(tx: Transazione, preparata: { getQuery(): { sql: string; params: unknown[] } }, valori: Record<string, unknown>): Promise<unknown[][]> {
  const { sql: testo, params } = preparata.getQuery();
  const parametri = fillPlaceholders(params, valori);
  if (connessioneCorrente().tipo !== "postgres") {
    const pglite = clientDellaTransazione(tx) as ClientPglite | undefined;
    if (!pglite || typeof pglite.query !== "function") throw new Error("ultimaIstruzione: la transazione non ha un client PGlite");
    return (await pglite.query(testo, parametri, { rowMode: "array" })).rows;
  }
  const client = clientDellaTransazione(tx) as ClientPostgresJs | undefined;
  if (!client || typeof client.unsafe !== "function") throw new Error("ultimaIstruzione: la transazione non ha un client postgres.js");
  const righe = client.unsafe(testo, parametri, { prepare: true }).values();
  const conferma = client.unsafe("commit and chain");
  const [r] = await Promise.all([righe, conferma]);
  return r;
}

/** The rows of `db().execute(sql…)`: postgres gives an array, PGlite an object with `rows`. */
export function righeDi<T>(risultato: unknown): T[] {
  return Array.isArray(risultato) ? (risultato as T[]) : ((risultato as { rows?: T[] }).rows ?? []);
}

/**
 * `colonna = any($1)` with the values as one array parameter, instead of drizzle's `inArray` with one parameter
 * each: for the 1,000 companies of a large intermediary, building `inArray`'s SQL cost more CPU than running the
 * query (README, Misure). The column's type decides the array's (integer ids here).
 */
export function traValori(colonna: AnyColumn, valori: readonly number[]): SQL {
  return sql`${colonna} = any(${new Param(valori)})`;
}

type Esecutore = Pick<Db, "_">;

/**
 * A statement written once (SQL with named `sql.placeholder`s) and run many times, in the pool or inside a
 * transaction: its SQL text is built by drizzle once per process, not per call, and the driver prepares it once per
 * connection (postgres.js names it by its text; PGlite parses it each time, it has no named statements; behind
 * PgBouncer the driver does not name it, db/client.ts). For the hot loops where drizzle's query building cost more
 * CPU than the statement (the flows' batches of 500 returns: one array parameter per column instead of 500 × 12
 * parameters). Rows come back as the driver gives them (column names as in the SQL, values not mapped by drizzle).
 * preparataSu is the same for a statement made with drizzle's query builders; this one is for SQL drizzle does not
 * build (insert … select from unnest), through the session's public prepareQuery.
 */
export function istruzione<R extends Record<string, unknown> = Record<string, unknown>>(
  nome: string,
  testo: () => SQL,
  opzioni: { pianoPerIValori?: boolean } = {},
): (esegui: Esecutore, valori: Record<string, unknown>) => Promise<R[]> {
  let query: { sql: string; params: unknown[] } | undefined;
  // pianoPerIValori: the statement is sent unnamed (postgres.js `prepare: false`; on PGlite it is never named), so
  // PostgreSQL plans it for each call's values. A named one gets, from its sixth call, the generic plan when that looks
  // no dearer than the calls' own plans, and keeps it for the connection's life: planned on an empty table, the check of
  // a batch's 500 keys against the returns (`chiave = any($1) and eliminata_il is null`) became a walk of the whole
  // partial index of live returns with the 500 keys compared to each, and a flow sent after a dry run on an empty
  // archive took 80 s instead of 10 (README, Misure, "Undicesima finestra").
  const nominata = opzioni.pianoPerIValori ? undefined : nome;
  return async (esegui, valori) => {
    if (!query) {
      const q = new PgDialect().sqlToQuery(testo());
      query = opzioni.pianoPerIValori ? { ...q, sql: PIANO_PER_I_VALORI + q.sql } : q;
    }
    // The prepared query of this session (the pool or the transaction's connection): a plain object, no SQL building.
    const risultato = (await esegui._.session.prepareQuery(query, undefined, nominata, false).execute(valori)) as R[] | { rows: R[] };
    return righeDi<R>(risultato);
  };
}
