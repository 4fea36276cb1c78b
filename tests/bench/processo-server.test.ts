// How a server process is started (server/processo.ts, issue 12): the supervisor's workers keep its flags but not
// tsx's (they run the bundle), and the flags do cap the old space (a node started with them reports the limit).
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { ARGOMENTI_NODE_SERVER, argomentiPerIProcessiServer } from "../../server/processo";

describe("i processi server", () => {
  it("i processi del supervisore tengono i suoi argomenti (il profilo CPU del bench) tranne quelli di tsx, più i propri", () => {
    expect(argomentiPerIProcessiServer(["--cpu-prof", "--cpu-prof-dir=/tmp/p", "--import", "tsx"])).toEqual(["--cpu-prof", "--cpu-prof-dir=/tmp/p", ...ARGOMENTI_NODE_SERVER]);
    // As the tsx command line starts a script.
    expect(argomentiPerIProcessiServer(["--require", "/x/node_modules/tsx/dist/preflight.cjs", "--import", "file:///x/node_modules/tsx/dist/loader.mjs"])).toEqual(ARGOMENTI_NODE_SERVER);
    expect(argomentiPerIProcessiServer(["--import=tsx", "--enable-source-maps"])).toEqual(["--enable-source-maps", ...ARGOMENTI_NODE_SERVER]);
  });

  it("node avviato con quegli argomenti ha la memoria del processo limitata (≤ 512 MB di old space più il resto dell'heap)", () => {
    const r = spawnSync(process.execPath, [...ARGOMENTI_NODE_SERVER, "-e", "console.log(require('node:v8').getHeapStatistics().heap_size_limit)"], { encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(Number(r.stdout.trim()) / 1024 / 1024).toBeLessThanOrEqual(600);
  });
});
