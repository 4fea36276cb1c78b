// The process-wide connection. It lives on globalThis because the Remix server build bundles its own
// copy of this module while server.ts imports the source: two PGlite instances on one folder would corrupt it.
import { Param, sql, type AnyColumn, type SQL } from "drizzle-orm";
import type { Connessione, Db } from "./client";

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

/**
 * `colonna = any($1)` with the values as one array parameter, instead of drizzle's `inArray` with one parameter
 * each: for the 1,000 companies of a large intermediary, building `inArray`'s SQL cost more CPU than running the
 * query (README, Misure). The column's type decides the array's (integer ids here).
 */
export function traValori(colonna: AnyColumn, valori: readonly number[]): SQL {
  return sql`${colonna} = any(${new Param(valori)})`;
}
