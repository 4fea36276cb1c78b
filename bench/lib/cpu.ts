// CPU time of a process from /proc (user + system, clock ticks of 10 ms): what a request costs the server whatever
// else the machine is doing, unlike req/s and latencies, which depend on the load average.
import { readdirSync, readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import type { Connessione } from "#db/client";
import { righeDi } from "#db/connection";

/** CPU ms used so far by the process `pid` (null when it has ended or /proc is missing). */
export function cpuMsProcesso(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const campi = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    // Fields 14 and 15 of stat (utime, stime) are the 12th and 13th after the command name, in ticks of 10 ms.
    return (Number(campi[11]) + Number(campi[12])) * 10;
  } catch {
    return null;
  }
}

/** The processes descending from `pid` (e.g. the workers of the cluster supervisor), from /proc. */
export function discendenti(pid: number): number[] {
  const figli = new Map<number, number[]>();
  for (const voce of readdirSync("/proc")) {
    if (!/^[0-9]+$/.test(voce)) continue;
    try {
      const ppid = Number(readFileSync(`/proc/${voce}/stat`, "utf8").split(") ")[1].split(" ")[1]);
      figli.set(ppid, [...(figli.get(ppid) ?? []), Number(voce)]);
    } catch {
      // ended meanwhile
    }
  }
  const out: number[] = [];
  const coda = [pid];
  while (coda.length > 0) {
    for (const f of figli.get(coda.shift()!) ?? []) {
      out.push(f);
      coda.push(f);
    }
  }
  return out;
}

/** CPU ms used so far by `pid` and the given other processes (null if any of them is gone or /proc is missing). */
export function cpuMsProcessi(pids: readonly number[]): number | null {
  let totale = 0;
  for (const pid of pids) {
    const ms = cpuMsProcesso(pid);
    if (ms === null) return null;
    totale += ms;
  }
  return totale;
}

/** CPU ms so far of each backend connected to the database (pg_stat_activity, /proc of this machine). */
export async function cpuBackend(connessione: Connessione): Promise<Map<number, number>> {
  const righe = await connessione.db.execute<{ pid: number }>(sql`select pid from pg_stat_activity where datname = current_database()`);
  const elenco = righeDi<{ pid: number }>(righe).map((r) => Number(r.pid));
  const out = new Map<number, number>();
  for (const pid of elenco) {
    const ms = cpuMsProcessi([pid]);
    if (ms !== null) out.set(pid, ms);
  }
  return out;
}

/** The CPU ms the backends spent between two readings of cpuBackend (a backend that ended meanwhile is not counted). */
export function cpuBackendTra(prima: Map<number, number>, dopo: Map<number, number>): number {
  let ms = 0;
  for (const [pid, v] of dopo) ms += v - (prima.get(pid) ?? 0);
  return ms;
}
