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
