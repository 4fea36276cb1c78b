// CPU time of a process from /proc (user + system, clock ticks of 10 ms): what a request costs the server whatever
// else the machine is doing, unlike req/s and latencies, which depend on the load average.
import { readFileSync } from "node:fs";

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
