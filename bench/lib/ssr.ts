// (1) SSR throughput: the signed-in page with DB reads against a bare node:http server returning the same bytes.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import autocannon from "autocannon";
import { richiesta, type Biscotti } from "./http";

export interface MisuraCarico {
  richiesteAlSecondo: number;
  p50Ms: number;
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
  /** node:http req/s divided by SSR req/s: how many times the bare server is faster. */
  rapporto: number;
}

async function carico(url: string, connessioni: number, durataS: number, headers: Record<string, string>): Promise<MisuraCarico> {
  if (!/^http:\/\/127\.0\.0\.1:\d+\//.test(url)) throw new Error(`il carico va solo su 127.0.0.1: ${url}`);
  const r = await autocannon({ url, connections: connessioni, duration: durataS, timeout: 10, headers });
  return {
    richiesteAlSecondo: Math.round(r.requests.average),
    p50Ms: r.latency.p50,
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
}): Promise<RisultatoSsr> {
  const { base, percorso, biscotti, connessioni, durataS } = opzioni;
  const prova = await richiesta(base, percorso, biscotti);
  if (prova.status !== 200) throw new Error(`${percorso} ha risposto ${prova.status} con la sessione del benchmark`);
  const corpo = Buffer.from(await prova.arrayBuffer());
  const tipo = prova.headers.get("content-type") ?? "text/html; charset=utf-8";

  // Warm-up (JIT, caches), bounded: 2 s.
  await carico(new URL(percorso, base).toString(), connessioni, 2, { cookie: biscotti.intestazione() });
  const ssr = await carico(new URL(percorso, base).toString(), connessioni, durataS, { cookie: biscotti.intestazione() });

  const nudo = createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": tipo, "Content-Length": corpo.length });
    res.end(corpo);
  });
  await new Promise<void>((ok) => nudo.listen(0, "127.0.0.1", ok));
  try {
    const url = `http://127.0.0.1:${(nudo.address() as AddressInfo).port}${percorso}`;
    await carico(url, connessioni, 1, {});
    const nodeHttp = await carico(url, connessioni, durataS, {});
    return {
      percorso,
      byte: corpo.length,
      connessioni,
      durataS,
      ssr,
      nodeHttp,
      rapporto: Math.round((nodeHttp.richiesteAlSecondo / Math.max(1, ssr.richiesteAlSecondo)) * 10) / 10,
    };
  } finally {
    await new Promise((ok) => nudo.close(ok));
  }
}
