// Is the database reachable? Used by /healthz and to tell a database outage (503, "try again in a few minutes") from
// a fault of the platform (500). The driver reconnects by itself once PostgreSQL is back: nothing here keeps state.
import { sql } from "drizzle-orm";
import type { Connessione } from "./client";

/** PostgreSQL SQLSTATEs of an unreachable or stopping server: class 08 and the shutdown codes of class 57. */
const STATI_SQL = /^(08...|57P0[1-3])$/;
/** The driver's own codes (postgres.js) and the socket errors of Node. */
const CODICI = new Set([
  "CONNECTION_CLOSED",
  "CONNECTION_DESTROYED",
  "CONNECTION_ENDED",
  "CONNECT_TIMEOUT",
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);

/** The code that says the database is unreachable (in the error or one it wraps: drizzle puts the driver's error in
 * `cause`), or null for any other error. */
export function codiceDiConnessione(errore: unknown): string | null {
  for (let e = errore, passi = 0; e && typeof e === "object" && passi < 5; e = (e as { cause?: unknown }).cause, passi++) {
    const codice = (e as { code?: unknown }).code;
    if (typeof codice === "string" && (CODICI.has(codice) || STATI_SQL.test(codice))) return codice;
    if (e instanceof AggregateError) {
      for (const x of e.errors) {
        const c = codiceDiConnessione(x);
        if (c) return c;
      }
    }
  }
  return null;
}

export function erroreDiConnessione(errore: unknown): boolean {
  return codiceDiConnessione(errore) !== null;
}

/**
 * `select 1` within `budgetMs`: false if the database does not answer in time (a stopped server makes the driver
 * wait for its connect timeout; a health check must answer well before that).
 */
export async function databaseRaggiungibile(connessione: Connessione, budgetMs = 800): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const scaduto = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), budgetMs);
  });
  const prova = connessione.db.execute(sql`select 1`).then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([prova, scaduto]);
  } finally {
    clearTimeout(timer);
  }
}
