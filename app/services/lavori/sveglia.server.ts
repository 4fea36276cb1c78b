// Waking this process's worker of a queue as soon as a job is queued, instead of at its next poll (pg-boss polls every
// few seconds, ADR 020): a large flow's check starts when its upload answers. On globalThis because the Remix server
// build bundles its own copy of this module while server.ts starts the jobs from the sources (db/connection.ts). A
// process that works no queue (a test, a script) has nothing to wake: the job waits for whichever process polls.
import type { NomeCoda } from "#db/coda";

const chiave = Symbol.for("omnia-is.sveglie-code");
type Globale = typeof globalThis & { [chiave]?: Map<NomeCoda, () => void> };

function sveglie(): Map<NomeCoda, () => void> {
  const g = globalThis as Globale;
  g[chiave] ??= new Map();
  return g[chiave];
}

/** The queue's worker of this process; undefined removes it (the queue stopped). */
export function registraSveglia(coda: NomeCoda, sveglia: (() => void) | undefined): void {
  if (sveglia) sveglie().set(coda, sveglia);
  else sveglie().delete(coda);
}

/** Call after the transaction that queued the job has committed: a worker woken earlier would not see it. */
export function sveglia(coda: NomeCoda): void {
  sveglie().get(coda)?.();
}
