// Enqueueing a job (pg-boss, ADR 020) inside the caller's transaction: the job exists if and only if the transaction
// commits. No running queue is needed to enqueue (the services and the tests enqueue; the app process works the queue).
import PgBoss from "pg-boss";
import type { Db } from "#db/client";
import { adattatoreTransazione, type NomeCoda } from "#db/coda";

// A pg-boss client used only to build the insert: each send carries the transaction as its database.
const client = new PgBoss({
  db: {
    executeSql: () => Promise.reject(new Error("Accodare solo dentro una transazione: accoda(tx, …)")),
  },
});

export interface OpzioniLavoro {
  /** Not before this instant (e.g. a reminder at a given hour). */
  dopo?: Date;
}

export async function accoda(tx: Pick<Db, "execute">, coda: NomeCoda, dati: object, opzioni: OpzioniLavoro = {}): Promise<string | null> {
  return client.send(coda, dati, { db: adattatoreTransazione(tx), startAfter: opzioni.dopo });
}
