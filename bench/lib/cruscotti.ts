// (8) The cruscotto and the intermediary's portfolio on PostgreSQL with 1,000 more delegated companies
// (db/seed/portafoglio.ts: drafts, authorised domande with their acts, requests of the Sede, domande waiting): the
// portfolio's first page, the portfolio filtered and sorted by the nearest request, the cruscotto of a company with
// its authorisation and fruito (C2, employer) and of a generated company (intermediary). Each against a bare
// node:http server sending the same bytes (ratio), at N connections and at 1 (latency without queueing). Then the
// inboxes (issue 13): the intermediary's over the 1,000 companies, only unread, one company's (the portfolio's link),
// and the office's (operator of Padova, the sede of the generated companies); and EXPLAIN ANALYZE of the SQL the
// portfolio and the inboxes run (spiegaQueryCruscotti), to show they use indexes. The capacity warnings (ADR 027): the
// first view filtered by them with none stored (every company computed by the page, as on a day the job has not yet
// run) and the next one, timed one request each, before the filtered and sorted views are measured.
// With BENCH_CRUSCOTTI_URL the same pages run on that database as it is (e.g. a copy of one seeded with
// `npm run db:seed -- --scale`: the demo studio's 1,001 companies with 50,000 domande), nothing generated.
import { loadavg } from "node:os";
import type { ServerAvviato } from "../../e2e/support/server";
import { accediDemo, richiesta } from "./http";
import type { PianoQuery } from "./scala-ssr";
import { misuraSsr, type RisultatoSsr } from "./ssr";

export interface RisultatoCruscotti {
  aziendeGenerate: Record<string, number>;
  /** One request each: the warnings' filter with nothing stored (ms), then again (ms); load average then. */
  primaVistaAvvisi?: { freddaMs: number; seguenteMs: number; caricoMedio: number };
  pagine: Array<{ pagina: string } & RisultatoSsr>;
  piani?: PianoQuery[];
}

export async function preparaPortafoglio(databaseUrl: string, aziende: number): Promise<Record<string, number>> {
  const { apriPostgres } = await import("../../db/client");
  const { seedPortafoglio } = await import("../../db/seed/portafoglio");
  const c = await apriPostgres(databaseUrl, { max: 2 });
  try {
    return await seedPortafoglio(c.db, { aziende });
  } finally {
    await c.chiudi();
  }
}

/** The warnings' filter with nothing stored, then again: one request each (the stored rows are removed first). */
export async function primaVistaAvvisi(server: ServerAvviato, databaseUrl: string): Promise<NonNullable<RisultatoCruscotti["primaVistaAvvisi"]>> {
  const { default: postgres } = await import("postgres");
  const client = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    await client.unsafe("delete from avvisi_capacita");
  } finally {
    await client.end({ timeout: 5 });
  }
  const laura = await accediDemo(server.url, /Laura Consulente/, /^Intermediario/);
  const tempo = async () => {
    const t0 = performance.now();
    const r = await richiesta(server.url, "/portafoglio?solo=avvisi", laura.biscotti);
    await r.text();
    if (r.status !== 200) throw new Error(`portafoglio con avvisi: ${r.status}`);
    return Math.round(performance.now() - t0);
  };
  const freddaMs = await tempo();
  const seguenteMs = await tempo();
  return { freddaMs, seguenteMs, caricoMedio: Math.round(loadavg()[0] * 100) / 100 };
}

export async function misuraCruscotti(server: ServerAvviato, durataS: number, connessioni: number): Promise<RisultatoCruscotti["pagine"]> {
  const base = server.url;
  const laura = await accediDemo(base, /Laura Consulente/, /^Intermediario/);
  const mario = await accediDemo(base, /Mario Esempio/, /Edil Costruzioni Adige/);
  const giorgio = await accediDemo(base, /Giorgio Operatore/, /^Operatore di sede/);
  // The employer's company from /cruscotto (a redirect), a generated company from the portfolio's search.
  const verso = (await richiesta(base, "/cruscotto", mario.biscotti)).headers.get("location") ?? "";
  // A generated company of the portfolio's seed, or else (an existing database) the first company of the portfolio.
  const cercata = await (await richiesta(base, "/portafoglio?q=Portafoglio+Esempio+0500", laura.biscotti)).text();
  const prima = /href="(\/aziende\/[0-9]+\/cruscotto)"/.exec(cercata) ? cercata : await (await richiesta(base, "/portafoglio", laura.biscotti)).text();
  const generata = /href="(\/aziende\/[0-9]+\/cruscotto)"/.exec(prima)?.[1];
  const aziende = /([0-9.]+) aziende/.exec(await (await richiesta(base, "/portafoglio", laura.biscotti)).text())?.[1] ?? "?";
  if (!/^\/aziende\/[0-9]+\/cruscotto$/.test(verso) || !generata) throw new Error("cruscotto o portafoglio non trovati: seed del portafoglio mancante?");
  const risultati: RisultatoCruscotti["pagine"] = [];
  for (const [pagina, percorso, biscotti] of [
    [`portafoglio, prima pagina (${aziende} aziende)`, "/portafoglio", laura.biscotti],
    ["portafoglio filtrato e ordinato per richiesta", "/portafoglio?solo=richieste&ordina=richieste", laura.biscotti],
    ["portafoglio con avvisi di capacità", "/portafoglio?solo=avvisi", laura.biscotti],
    ["portafoglio ordinato per avvisi di capacità", "/portafoglio?ordina=avvisi", laura.biscotti],
    ["cruscotto del datore (C2, Cantiere Lungadige)", verso, mario.biscotti],
    ["cruscotto di un'azienda del portafoglio", generata, laura.biscotti],
    ["portafoglio, con messaggi da leggere", "/portafoglio?solo=messaggi&ordina=messaggi", laura.biscotti],
    [`messaggi dell'intermediaria (${aziende} aziende)`, "/messaggi", laura.biscotti],
    ["messaggi dell'intermediaria, solo da leggere", "/messaggi?solo=non-letti", laura.biscotti],
    ["messaggi di un'azienda del portafoglio", `/messaggi?azienda=${generata.split("/")[2]}`, laura.biscotti],
    ["messaggi delle aziende (operatore di Padova)", "/scrivania/messaggi", giorgio.biscotti],
  ] as const) {
    risultati.push({ pagina, ...(await misuraSsr({ base, percorso, biscotti, connessioni, durataS, unaConnessione: true, pidServer: server.processo.pid })) });
  }
  return risultati;
}

/**
 * EXPLAIN ANALYZE of every query the portfolio and the inboxes run on the bench database, recorded through drizzle's
 * logger while the services run with the demo intermediary's and the operator of Padova's profiles. A plan that reads
 * a large table whole (domande, eventi_domanda, aziende, richieste_istruttoria, letture_filo, non_letti_filo) is flagged.
 */
export async function spiegaQueryCruscotti(url: string): Promise<PianoQuery[]> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const { eq } = await import("drizzle-orm");
  const schema = await import("../../db/schema");
  const { impostaConnessione } = await import("../../db/connection");
  const { LAURA_CONSULENTE, OPERATORE_PADOVA } = await import("../../db/seed/utenti-demo");
  const registrate: Array<{ sql: string; params: unknown[] }> = [];
  const client = postgres(url, { max: 2, onnotice: () => {} });
  const db = drizzle(client, { schema, logger: { logQuery: (sql, params) => registrate.push({ sql, params }) } });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  impostaConnessione({ db: db as any, tipo: "postgres", chiudi: () => client.end({ timeout: 5 }) });
  try {
    const { portafoglio, leggiRichiestaPortafoglio } = await import("../../app/services/portafoglio.server");
    const { casellaAzienda, casellaSede, conteggiNonLetti, totaleNonLetti } = await import("../../app/services/comunicazioni/filo.server");
    const contesto = async (cf: string, ruolo: "intermediario" | "operatore_sede") => {
      const [utente] = await db.select().from(schema.utenti).where(eq(schema.utenti.codiceFiscale, cf));
      return {
        utente,
        sessione: { id: "bench", utenteId: utente.id, csrfToken: "", ruoloAttivo: ruolo, aziendaAttivaId: null, scadeIl: new Date() },
        ruolo,
        aziendaAttivaId: null,
      };
    };
    const laura = await contesto(LAURA_CONSULENTE.codiceFiscale, "intermediario");
    const giorgio = await contesto(OPERATORE_PADOVA.codiceFiscale, "operatore_sede");
    const oggi = (process.env.OMNIA_ORA_FISSA ?? "2026-02-10").slice(0, 10);
    const piani: PianoQuery[] = [];
    const spiega = async (pagina: string, esegui: () => Promise<unknown>) => {
      registrate.length = 0;
      await esegui();
      for (const q of [...registrate]) {
        if (/^\s*(insert|update)/i.test(q.sql)) continue;
        const righe = await client.unsafe<Array<{ "QUERY PLAN": string }>>(`explain (analyze, buffers) ${q.sql}`, q.params as never[]);
        const piano = righe.map((r) => r["QUERY PLAN"]).map((r) => (r.length > 240 ? `${r.slice(0, 240)}…` : r));
        piani.push({
          pagina,
          sql: q.sql,
          piano,
          usaIndici: !piano.some((r) => /Seq Scan on (domande|eventi_domanda|aziende|richieste_istruttoria|letture_filo|non_letti_filo|provvedimenti)\b/.test(r)),
          msEsecuzione: Number(/Execution Time: ([\d.]+) ms/.exec(piano.at(-1) ?? "")?.[1] ?? NaN),
        });
      }
    };
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const ctx = (c: unknown) => c as any;
    await spiega("portafoglio, prima pagina", () => portafoglio(ctx(laura), leggiRichiestaPortafoglio(new URLSearchParams()), oggi));
    await spiega("portafoglio con avvisi di capacità", () => portafoglio(ctx(laura), leggiRichiestaPortafoglio(new URLSearchParams("solo=avvisi")), oggi));
    await spiega("portafoglio ordinato per avvisi di capacità", () => portafoglio(ctx(laura), leggiRichiestaPortafoglio(new URLSearchParams("ordina=avvisi")), oggi));
    await spiega("portafoglio, con messaggi da leggere", () => portafoglio(ctx(laura), leggiRichiestaPortafoglio(new URLSearchParams("solo=messaggi&ordina=messaggi")), oggi));
    await spiega("messaggi dell'intermediaria", () => casellaAzienda(ctx(laura)));
    await spiega("messaggi dell'intermediaria, solo da leggere", () => casellaAzienda(ctx(laura), { soloNonLetti: true }));
    await spiega("da leggere dell'intermediaria (intestazione)", () => totaleNonLetti(ctx(laura)));
    await spiega("da leggere dell'intermediaria per azienda", () => conteggiNonLetti(ctx(laura)));
    await spiega("messaggi delle aziende (operatore)", () => casellaSede(ctx(giorgio)));
    await spiega("da leggere della Sede (intestazione)", () => totaleNonLetti(ctx(giorgio)));
    return piani;
  } finally {
    impostaConnessione(undefined);
    await client.end({ timeout: 5 });
  }
}
