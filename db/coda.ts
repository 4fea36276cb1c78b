// The job queue (pg-boss, ADR 020) on the platform's own database, whatever the driver: PostgreSQL through pg-boss's
// own small `pg` pool, PGlite in-process through an adapter on the one PGlite instance. A job can also be enqueued
// inside a drizzle transaction (adattatoreTransazione): it exists if and only if the transaction commits, so a
// notification is never lost nor sent for something rolled back.
import PgBoss from "pg-boss";
import { sql, type SQL } from "drizzle-orm";
import type { Connessione, Db } from "./client";

type EseguiSql = { executeSql(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }> };

/**
 * The queues with their retry policy. Retries back off exponentially from retryDelay (pg-boss: delay × 2^n with
 * jitter), so a mail server down for an hour is retried about ten times, not thousands.
 */
export const CODE = {
  /** One e-mail notification (standing in for PEC). 12 tries over about a day. */
  notifica: { retryLimit: 12, retryDelay: 20, retryBackoff: true, expireInSeconds: 120 },
  /** Scheduled: requests of the Sede past their deadline (interlocuzione). */
  "scadenze-interlocuzione": { retryLimit: 3, retryDelay: 60, retryBackoff: true, expireInSeconds: 900 },
  /**
   * A UniEmens-Cig flow above the synchronous limit (issue 12): checked from its stored file, resumable from its last
   * committed batch. A worker that dies leaves the job active until it expires; the app's start re-queues stopped flows.
   */
  flusso: { retryLimit: 5, retryDelay: 30, retryBackoff: true, expireInSeconds: 3600 },
  /** Scheduled, daily: the rotation of the platform's keys as a Relying Party (announce, retire; ADR 025). */
  "chiavi-rotazione": { retryLimit: 3, retryDelay: 300, retryBackoff: true, expireInSeconds: 300 },
  /** Scheduled: the reminders (drafts, interlocuzione deadlines, decadences). */
  promemoria: { retryLimit: 3, retryDelay: 60, retryBackoff: true, expireInSeconds: 900 },
  /** Scheduled, hourly: the providers' trust chains renewed before they expire (ADR 025). */
  "catene-rinnovo": { retryLimit: 3, retryDelay: 120, retryBackoff: true, expireInSeconds: 300 },
  /**
   * Scheduled every five minutes: the capacity warnings of the delegated companies whose stored ones are not current
   * (the first run of a day computes the new day's; later runs the companies written since; ADR 027).
   */
  "avvisi-capacita": { retryLimit: 3, retryDelay: 60, retryBackoff: true, expireInSeconds: 900 },
  /** Scheduled: large uploads left half stored by a process that stopped (their flow and parts are removed). */
  "caricamenti-interrotti": { retryLimit: 3, retryDelay: 60, retryBackoff: true, expireInSeconds: 300 },
} as const satisfies Record<string, Omit<PgBoss.Queue, "name">>;

export type NomeCoda = keyof typeof CODE;

/** pg-boss's SQL with the values pg would send: plain objects as JSON text (pg does the same). */
function valore(v: unknown): unknown {
  if (v === undefined) return null;
  if (v !== null && typeof v === "object" && !(v instanceof Date) && !(v instanceof Uint8Array) && !Array.isArray(v)) {
    return JSON.stringify(v);
  }
  return v;
}

/** PGlite: statements with parameters through query(), multi-statement scripts (pg-boss's DDL) through exec(). */
export function adattatorePglite(pglite: import("@electric-sql/pglite").PGlite): EseguiSql {
  return {
    async executeSql(text, values) {
      if (values && values.length > 0) {
        const r = await pglite.query<Record<string, unknown>>(text, values.map(valore));
        return { rows: r.rows };
      }
      const risultati = await pglite.exec(text);
      return { rows: (risultati.at(-1)?.rows ?? []) as Record<string, unknown>[] };
    },
  };
}

/** pg-boss's `$n` placeholders turned into drizzle parameters, run on a drizzle handle (a transaction). */
export function adattatoreTransazione(tx: Pick<Db, "execute">): EseguiSql {
  return {
    async executeSql(text, values = []) {
      const parti = text.split(/\$(\d+)/);
      const pezzi: SQL[] = [];
      for (let i = 0; i < parti.length; i++) {
        pezzi.push(i % 2 === 0 ? sql.raw(parti[i]) : sql`${valore(values[Number(parti[i]) - 1])}`);
      }
      const r = (await tx.execute(sql.join(pezzi))) as unknown;
      return { rows: (Array.isArray(r) ? r : ((r as { rows?: unknown[] }).rows ?? [])) as Record<string, unknown>[] };
    },
  };
}

export interface OpzioniCoda {
  /** Timekeeper (cron schedules) and maintenance on: the running app. Off: install, tests, one-off scripts. */
  attiva: boolean;
  /** PostgreSQL only: connections of pg-boss's own pool (per process). */
  connessioni?: number;
  /** Seconds between polls of each worker (pg-boss polls; no LISTEN/NOTIFY, so PgBouncer's transaction mode works). */
  intervalloSecondi?: number;
}

/** A pg-boss instance on the given connection (not started). */
export function creaCoda(connessione: Connessione, o: OpzioniCoda): PgBoss {
  const comuni = {
    schema: "pgboss",
    supervise: o.attiva,
    schedule: o.attiva,
    migrate: true,
    // Jobs done or failed are kept a week for inspection, then archived and dropped by pg-boss's maintenance.
    archiveCompletedAfterSeconds: 7 * 24 * 3600,
    deleteAfterDays: 30,
  };
  if (connessione.tipo === "pglite") {
    if (!connessione.pglite) throw new Error("Coda su PGlite senza l'istanza PGlite");
    return new PgBoss({ ...comuni, db: adattatorePglite(connessione.pglite) });
  }
  if (!connessione.url) throw new Error("Coda su PostgreSQL senza URL");
  return new PgBoss({ ...comuni, connectionString: connessione.url, max: o.connessioni ?? 2, application_name: "omnia-coda" });
}

/** Installs (or migrates) pg-boss's schema and creates the queues: idempotent, run with the platform's migrations. */
export async function installaCoda(connessione: Connessione): Promise<void> {
  const boss = creaCoda(connessione, { attiva: false, connessioni: 1 });
  boss.on("error", (e) => console.error("Coda (installazione):", e));
  await boss.start();
  try {
    for (const [nome, opzioni] of Object.entries(CODE)) await boss.createQueue(nome, { name: nome, ...opzioni });
  } finally {
    await boss.stop({ graceful: false, close: true });
  }
}
