// How a server process is started (issue 12). It runs build/server.js, the bundle of server.ts (`npm run build:server`),
// with plain node: tsx in each server process cost ~50 MB (its loader thread, its copy of every module). The
// supervisor (supervisore.ts) gives these flags to its workers; the e2e and bench servers start the bundle with them.
//
// A 512 MB old space is a cap far above what the pages and a 100,000-return flow keep alive (~90 MB after a full
// collection, README Misure), and with it V8 lets the heap grow ×1.4 between full collections instead of ×4: the flow's
// short-lived garbage no longer takes the process from ~220 to ~450 MB. A process that would need more ends (out of
// memory) and the supervisor starts another.
export const ARGOMENTI_NODE_SERVER = ["--max-old-space-size=512"];

/** The bundle, relative to the project's root. */
export const BUNDLE_SERVER = "build/server.js";

/**
 * The supervisor's own flags that its workers keep (e.g. --cpu-prof from the bench), without tsx's (`--import tsx`,
 * `--require …/tsx/…`): the workers run the bundle.
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
  return [...tenuti, ...ARGOMENTI_NODE_SERVER];
}
