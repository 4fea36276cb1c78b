// How a server process is started (server/processo.ts, issue 12): the supervisor's workers keep its flags but not
// tsx's (they run the bundle), and the flags do cap the old space (a node started with them reports the limit).
import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ARGOMENTI_NODE_SERVER, argomentiPerIProcessiServer } from "../../server/processo";

/**
 * A cluster set up as the supervisor's (./cluster-di-prova.ts) with the supervisor paused (SIGSTOP): does a new
 * connection get its answer? The body, or null when none came within `attesaMs`.
 */
async function rispostaColSupervisoreFermo(env: Record<string, string | undefined>, attesaMs: number): Promise<string | null> {
  const script = fileURLToPath(new URL("./cluster-di-prova.ts", import.meta.url));
  const primario = spawn(process.execPath, ["--import", "tsx", script], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "inherit"] });
  try {
    let uscita = "";
    while (!/porta (\d+)/.test(uscita)) uscita += String((await once(primario.stdout, "data"))[0]);
    const porta = Number(/porta (\d+)/.exec(uscita)![1]);
    primario.kill("SIGSTOP");
    try {
      const r = await fetch(`http://127.0.0.1:${porta}/`, { signal: AbortSignal.timeout(attesaMs) });
      return await r.text();
    } catch {
      return null;
    } finally {
      primario.kill("SIGCONT");
    }
  } finally {
    primario.kill("SIGTERM");
    await once(primario, "exit");
  }
}

describe("i processi server", () => {
  it("i processi del supervisore tengono i suoi argomenti (il profilo CPU del bench) tranne quelli di tsx, più i propri", () => {
    expect(argomentiPerIProcessiServer(["--cpu-prof", "--cpu-prof-dir=/tmp/p", "--import", "tsx"])).toEqual([...ARGOMENTI_NODE_SERVER, "--cpu-prof", "--cpu-prof-dir=/tmp/p"]);
    // As the tsx command line starts a script.
    expect(argomentiPerIProcessiServer(["--require", "/x/node_modules/tsx/dist/preflight.cjs", "--import", "file:///x/node_modules/tsx/dist/loader.mjs"])).toEqual(ARGOMENTI_NODE_SERVER);
    expect(argomentiPerIProcessiServer(["--import=tsx", "--enable-source-maps"])).toEqual([...ARGOMENTI_NODE_SERVER, "--enable-source-maps"]);
  });

  it("la generazione giovane di V8 parte a 16 MB (ADR 032), salvo una misura data al supervisore, che vince", () => {
    const semispazio = (argomenti: string[]) =>
      spawnSync(process.execPath, [...argomenti, "-e", "console.log(require('node:v8').getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size)"], { encoding: "utf8" });
    const conArgomenti = semispazio(argomentiPerIProcessiServer([]));
    expect(conArgomenti.status).toBe(0);
    // new_space is one semi-space at start: 1 MB by V8's default, 16 MB with the platform's flags.
    expect(Number(conArgomenti.stdout.trim()) / 1024 / 1024).toBeGreaterThanOrEqual(16);
    const datoAlSupervisore = semispazio(argomentiPerIProcessiServer(["--min-semi-space-size=1"]));
    expect(Number(datoAlSupervisore.stdout.trim()) / 1024 / 1024).toBeLessThan(16);
  });

  it("node avviato con quegli argomenti ha la memoria del processo limitata (≤ 512 MB di old space più il resto dell'heap)", () => {
    const r = spawnSync(process.execPath, [...ARGOMENTI_NODE_SERVER, "-e", "console.log(require('node:v8').getHeapStatistics().heap_size_limit)"], { encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(Number(r.stdout.trim()) / 1024 / 1024).toBeLessThanOrEqual(600);
  });

  it("ogni processo accetta da sé le sue connessioni: con il supervisore fermo una nuova connessione ha la sua risposta (ADR 036)", async () => {
    expect(await rispostaColSupervisoreFermo({ NODE_CLUSTER_SCHED_POLICY: undefined }, 10_000)).toBe("ok");
    // Node's default, still chosen by NODE_CLUSTER_SCHED_POLICY=rr: the supervisor accepts and hands over each connection.
    expect(await rispostaColSupervisoreFermo({ NODE_CLUSTER_SCHED_POLICY: "rr" }, 1_500)).toBeNull();
  });
});
