// The process-wide connection. It lives on globalThis because the Remix server build bundles its own
// copy of this module while server.ts imports the source: two PGlite instances on one folder would corrupt it.
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
