// (4) The pages at national scale: "Le tue domande" and the Lavoratori step of the 520-worker unit on a PostgreSQL
// database seeded with `npm run db:seed -- --scale` (BENCH_SCALA_URL; the run adds one draft and its session, nothing
// else). Latency at 1 and 10 connections, and EXPLAIN ANALYZE of the very SQL the services send for these pages:
// the bench calls the services with a drizzle logger that records each query, then asks PostgreSQL for its plan.
import autocannon from "autocannon";
import { eq } from "drizzle-orm";
import { loadavg } from "node:os";
import type { ServerAvviato } from "../../e2e/support/server";
import { bozzaFinoAiLavoratori } from "./domanda";
import { accediDemo } from "./http";

export interface LatenzaScala {
  pagina: string;
  percorso: string;
  connessioni: number;
  richiesteAlSecondo: number;
  p50Ms: number;
  /** autocannon has no p95: p97.5 bounds it from above. */
  p97_5Ms: number;
  p99Ms: number;
  non2xx: number;
  caricoMedio: number;
}

export interface PianoQuery {
  pagina: string;
  sql: string;
  piano: string[];
  usaIndici: boolean;
  msEsecuzione: number;
}

export async function misuraPagineScala(server: ServerAvviato, durataS: number): Promise<{ latenze: LatenzaScala[]; idDomanda: number }> {
  const base = server.url;
  const { biscotti } = await accediDemo(base, /intermediari/i);
  const { id, percorso } = await bozzaFinoAiLavoratori(base, biscotti, {
    azienda: /Grande Fonderia Esempio/,
    unita: /Fonderia di Brescia/,
    causale: "mancanza_lavoro",
    dal: "02/02/2026",
    al: "26/04/2026",
    oreRichieste: 200_000,
  });
  const latenze: LatenzaScala[] = [];
  for (const [pagina, p] of [
    ["le tue domande", "/domande"],
    ["lavoratori, unità di 520", percorso],
  ] as const) {
    for (const connessioni of [1, 10]) {
      const url = new URL(p, base).toString();
      const headers = { cookie: biscotti.intestazione() };
      await autocannon({ url, connections: connessioni, duration: 2, headers });
      const r = await autocannon({ url, connections: connessioni, duration: durataS, headers, timeout: 10 });
      latenze.push({
        pagina,
        percorso: p,
        connessioni,
        richiesteAlSecondo: Math.round(r.requests.average),
        p50Ms: r.latency.p50,
        p97_5Ms: r.latency.p97_5,
        p99Ms: r.latency.p99,
        non2xx: r.non2xx,
        caricoMedio: Math.round(loadavg()[0] * 100) / 100,
      });
    }
  }
  return { latenze, idDomanda: id };
}

/** Runs the services of the two pages as the demo intermediary, recording their SQL, and explains each query. */
export async function spiegaQueryScala(url: string, idDomanda: number): Promise<PianoQuery[]> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const schema = await import("../../db/schema");
  const { impostaConnessione } = await import("../../db/connection");
  const { LAURA_CONSULENTE } = await import("../../db/seed/utenti-demo");
  const registrate: Array<{ sql: string; params: unknown[] }> = [];
  const client = postgres(url, { max: 2, onnotice: () => {} });
  const db = drizzle(client, { schema, logger: { logQuery: (sql, params) => registrate.push({ sql, params }) } });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  impostaConnessione({ db: db as any, tipo: "postgres", chiudi: () => client.end({ timeout: 5 }) });
  try {
    const { elencoDomande, leggiFiltri } = await import("../../app/services/elenco-domande.server");
    const { paginaLavoratori } = await import("../../app/services/lavoratori.server");
    const [utente] = await db.select().from(schema.utenti).where(eq(schema.utenti.codiceFiscale, LAURA_CONSULENTE.codiceFiscale));
    const ctx = {
      utente,
      sessione: { id: "bench", utenteId: utente.id, csrfToken: "", ruoloAttivo: "intermediario" as const, aziendaAttivaId: null, scadeIl: new Date() },
      ruolo: "intermediario" as const,
      aziendaAttivaId: null,
    };
    const piani: PianoQuery[] = [];
    const spiega = async (pagina: string, esegui: () => Promise<unknown>) => {
      registrate.length = 0;
      await esegui();
      for (const q of [...registrate]) {
        const righe = await client.unsafe<Array<{ "QUERY PLAN": string }>>(`explain (analyze, buffers) ${q.sql}`, q.params as never[]);
        // The company lists of 1,000 ids are cut: the plan's shape is what matters.
        const piano = righe.map((r) => r["QUERY PLAN"]).map((r) => (r.length > 240 ? `${r.slice(0, 240)}…` : r));
        piani.push({
          pagina,
          sql: q.sql,
          piano,
          // Small tables (deleghe of one intermediary, the draft's selection) may be read whole; the large ones never.
          usaIndici: !piano.some((r) => /Seq Scan on (domande|rapporti_lavoro|lavoratori|giornate_agricole|aziende|unita_produttive)\b/.test(r)),
          msEsecuzione: Number(/Execution Time: ([\d.]+) ms/.exec(piano.at(-1) ?? "")?.[1] ?? NaN),
        });
      }
    };
    await spiega("le tue domande", () => elencoDomande(ctx, leggiFiltri(new URLSearchParams())));
    const [riga] = await db
      .select({ domanda: schema.domande, azienda: schema.aziende })
      .from(schema.domande)
      .innerJoin(schema.aziende, eq(schema.aziende.id, schema.domande.aziendaId))
      .where(eq(schema.domande.id, idDomanda));
    const { leggiRisposte } = await import("../../app/passi");
    await spiega("lavoratori, unità di 520", () => paginaLavoratori({ ...riga, risposte: leggiRisposte(riga.domanda.dati) }, { q: "", pagina: 1 }));
    return piani;
  } finally {
    impostaConnessione(undefined);
    await client.end({ timeout: 5 });
  }
}

/**
 * The operators' desk on the --scale database (100,000 open cases): the queue's first page and one case page, signed in
 * as the operator of Padova, each against its bare node:http twin (ratio), with p50 / p97.5 (≥ p95) / p99.
 */
export async function misuraScrivaniaScala(server: ServerAvviato, durataS: number, connessioni: number) {
  const { misuraSsr } = await import("./ssr");
  const { richiesta } = await import("./http");
  const base = server.url;
  const { biscotti } = await accediDemo(base, /Giorgio Operatore/, /Operatore di sede/);
  const coda = await (await richiesta(base, "/scrivania", biscotti)).text();
  const id = /href="\/scrivania\/([0-9]+)"/.exec(coda)?.[1];
  if (!id) throw new Error("la coda dell'operatore di Padova è vuota: il database è seminato con --scale?");
  const risultati = [];
  for (const [pagina, percorso] of [
    ["coda dell'operatore (prima pagina)", "/scrivania"],
    ["coda filtrata (CIGO, non assegnate, ordine per invio)", "/scrivania?prestazione=CIGO&assegnazione=libere&ordine=invio_recenti"],
    ["pagina del caso", `/scrivania/${id}`],
  ] as const) {
    risultati.push({ pagina, ...(await misuraSsr({ base, percorso, biscotti, connessioni, durataS, unaConnessione: true, pidServer: server.processo.pid })) });
  }
  return risultati;
}
