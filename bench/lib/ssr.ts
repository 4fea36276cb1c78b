// (1) SSR throughput: the signed-in page with DB reads against a bare node:http server returning the same bytes.
// One process each side: the app server is its own process, and so is the bare node:http server (a child process,
// not this one, where autocannon runs).
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { cpuMsProcesso } from "./cpu";
import { richiesta, type Biscotti } from "./http";

export interface MisuraCarico {
  richiesteAlSecondo: number;
  p50Ms: number;
  /** autocannon has no p95: p97.5 bounds it from above. */
  p97_5Ms: number;
  p99Ms: number;
  totale: number;
  non2xx: number;
  errori: number;
}

export interface RisultatoSsr {
  percorso: string;
  byte: number;
  connessioni: number;
  durataS: number;
  ssr: MisuraCarico;
  nodeHttp: MisuraCarico;
  /** SSR req/s divided by node:http req/s (the ratio: goal ≥ 0.05 on PostgreSQL, floor 0.02). */
  rapporto: number;
  /** Load average (1 min) of the machine when the SSR measure ended. */
  caricoMedio: number;
  /** Optional: the same page at 1 connection (latency without queueing). */
  unaConnessione?: MisuraCarico;
  /**
   * CPU ms per request of the app server and of the bare node:http twin during their measures (from /proc), and
   * their quotient: unlike req/s these hardly move with the machine's load. Null without the server's pid.
   */
  cpu: { ssrMsPerRichiesta: number; nodeHttpMsPerRichiesta: number; rapporto: number } | null;
}

/** The bare node:http twin in its own process, serving `corpo` with `tipo`; resolves with its port and a stop. */
async function serverNudo(corpo: Buffer, tipo: string): Promise<{ porta: number; pid: number | undefined; ferma: () => void }> {
  const cartella = mkdtempSync(join(tmpdir(), "omnia-bench-nudo-"));
  const file = join(cartella, "corpo");
  writeFileSync(file, corpo);
  const codice = `const b=require("fs").readFileSync(${JSON.stringify(file)});const t=${JSON.stringify(tipo)};
const s=require("http").createServer((q,r)=>{r.writeHead(200,{"Content-Type":t,"Content-Length":b.length});r.end(b)});
s.listen(0,"127.0.0.1",()=>process.stdout.write(String(s.address().port)+"\\n"));process.on("SIGTERM",()=>process.exit(0));`;
  const figlio = spawn(process.execPath, ["-e", codice], { stdio: ["ignore", "pipe", "inherit"] });
  const porta = await new Promise<number>((ok, ko) => {
    figlio.on("error", ko);
    figlio.on("exit", (c) => ko(new Error(`server node:http uscito con ${c}`)));
    figlio.stdout!.once("data", (d: Buffer) => ok(Number(String(d).trim())));
  });
  return {
    porta,
    pid: figlio.pid,
    ferma: () => {
      figlio.kill("SIGTERM");
      rmSync(cartella, { recursive: true, force: true });
    },
  };
}

async function carico(url: string, connessioni: number, durataS: number, headers: Record<string, string>): Promise<MisuraCarico> {
  if (!/^http:\/\/127\.0\.0\.1:\d+\//.test(url)) throw new Error(`il carico va solo su 127.0.0.1: ${url}`);
  const r = await autocannon({ url, connections: connessioni, duration: durataS, timeout: 10, headers });
  return {
    richiesteAlSecondo: Math.round(r.requests.average),
    p50Ms: r.latency.p50,
    p97_5Ms: r.latency.p97_5,
    p99Ms: r.latency.p99,
    totale: r.requests.total,
    non2xx: r.non2xx,
    errori: r.errors + r.timeouts,
  };
}

export async function misuraSsr(opzioni: {
  base: string;
  percorso: string;
  biscotti: Biscotti;
  connessioni: number;
  durataS: number;
  /** Also measure at 1 connection (p50 without queueing). */
  unaConnessione?: boolean;
  /** The app server's process, for its CPU per request. */
  pidServer?: number;
}): Promise<RisultatoSsr> {
  const { base, percorso, biscotti, connessioni, durataS } = opzioni;
  const prova = await richiesta(base, percorso, biscotti);
  if (prova.status !== 200) throw new Error(`${percorso} ha risposto ${prova.status} con la sessione del benchmark`);
  const corpo = Buffer.from(await prova.arrayBuffer());
  const tipo = prova.headers.get("content-type") ?? "text/html; charset=utf-8";

  // Warm-up (JIT, caches), bounded: 2 s.
  await carico(new URL(percorso, base).toString(), connessioni, 2, { cookie: biscotti.intestazione() });
  const cpuSsr0 = cpuMsProcesso(opzioni.pidServer);
  const ssr = await carico(new URL(percorso, base).toString(), connessioni, durataS, { cookie: biscotti.intestazione() });
  const cpuSsr1 = cpuMsProcesso(opzioni.pidServer);
  const caricoMedio = Math.round(loadavg()[0] * 100) / 100;
  const unaConnessione = opzioni.unaConnessione
    ? await carico(new URL(percorso, base).toString(), 1, Math.min(durataS, 5), { cookie: biscotti.intestazione() })
    : undefined;

  const nudo = await serverNudo(corpo, tipo);
  try {
    const url = `http://127.0.0.1:${nudo.porta}${percorso}`;
    await carico(url, connessioni, 1, {});
    const cpuNudo0 = cpuMsProcesso(nudo.pid);
    const nodeHttp = await carico(url, connessioni, durataS, {});
    const cpuNudo1 = cpuMsProcesso(nudo.pid);
    const perRichiesta = (a: number | null, b: number | null, n: number) => (a === null || b === null || n === 0 ? null : (b - a) / n);
    const cpuSsr = perRichiesta(cpuSsr0, cpuSsr1, ssr.totale);
    const cpuNudo = perRichiesta(cpuNudo0, cpuNudo1, nodeHttp.totale);
    const cpu =
      cpuSsr === null || cpuNudo === null || cpuSsr === 0
        ? null
        : {
            ssrMsPerRichiesta: Math.round(cpuSsr * 100) / 100,
            nodeHttpMsPerRichiesta: Math.round(cpuNudo * 1000) / 1000,
            rapporto: Math.round((cpuNudo / cpuSsr) * 1000) / 1000,
          };
    return {
      percorso,
      byte: corpo.length,
      connessioni,
      durataS,
      ssr,
      nodeHttp,
      rapporto: Math.round((ssr.richiesteAlSecondo / Math.max(1, nodeHttp.richiesteAlSecondo)) * 1000) / 1000,
      caricoMedio,
      unaConnessione,
      cpu,
    };
  } finally {
    nudo.ferma();
  }
}
