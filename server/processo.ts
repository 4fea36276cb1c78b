// How a server process is started (issue 12). It runs build/server.js, the bundle of server.ts (`npm run build:server`),
// with plain node: tsx in each server process cost ~50 MB (its loader thread, its copy of every module). The
// supervisor (supervisore.ts) gives these flags to its workers; the e2e and bench servers start the bundle with them.
import type Cluster from "node:cluster";

// A 512 MB old space is a cap far above what the pages and a 100,000-return flow keep alive (~90 MB after a full
// collection, README Misure), and with it V8 lets the heap grow ×1.4 between full collections instead of ×4: the flow's
// short-lived garbage no longer takes the process from ~220 to ~450 MB. A process that would need more ends (out of
// memory) and the supervisor starts another.
//
// V8's young generation starts at 1 MB per semi-space and grows only under sustained allocation: a burst of requests on
// a process that was quiet ran dozens of scavenges while it grew. It starts at its default maximum, 16 MB: 3 times
// fewer scavenges in `npm run bench -- --invii`, and no more memory at the peak than V8 would reach anyway (ADR 032).
export const ARGOMENTI_NODE_SERVER = ["--max-old-space-size=512", "--min-semi-space-size=16"];

/** The bundle, relative to the project's root. */
export const BUNDLE_SERVER = "build/server.js";

/**
 * The supervisor's own flags that its workers keep (e.g. --cpu-prof from the bench), without tsx's (`--import tsx`,
 * `--require …/tsx/…`): the workers run the bundle. They come after the platform's, so a V8 size given to the
 * supervisor wins (V8 keeps a flag's last value).
 */
export function argomentiPerIProcessiServer(execArgv: readonly string[]): string[] {
  const tenuti: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const a = execArgv[i];
    if ((a === "--import" || a === "--require" || a === "-r") && /tsx/.test(execArgv[i + 1] ?? "")) {
      i++;
      continue;
    }
    if (/^--(import|require)=.*tsx/.test(a)) continue;
    tenuti.push(a);
  }
  return [...ARGOMENTI_NODE_SERVER, ...tenuti];
}

/**
 * How the supervisor's workers get their connections. Node's default off Windows (SCHED_RR) has the supervisor accept
 * every connection and pass it to a worker over IPC: with 200 users connecting at once that cost ~1 ms of CPU per
 * connection between the two sides, on the cores the workers and PostgreSQL need. Here each worker accepts its own
 * on the shared socket (SCHED_NONE), and the supervisor is not on the requests' path (ADR 036). The kernel does not
 * balance the two workers evenly, but nothing is spent on the handover. NODE_CLUSTER_SCHED_POLICY=rr still chooses
 * Node's default.
 */
export function impostaAccettazione(c: Pick<typeof Cluster, "schedulingPolicy" | "SCHED_RR" | "SCHED_NONE">, env: NodeJS.ProcessEnv): void {
  // Node freezes the policy at the first worker or setupPrimary: the supervisor calls this before either.
  c.schedulingPolicy = env.NODE_CLUSTER_SCHED_POLICY === "rr" ? c.SCHED_RR : c.SCHED_NONE;
}
