// `npm run bench:profilo`: where the server's CPU goes under load. Starts the production server with `node --cpu-prof`
// on a fresh database (PGlite, or a throwaway PostgreSQL database on BENCH_DATABASE_URL), signs in as the demo
// intermediary, prepares the bench's pages (the Lavoratori step of the 520-worker unit, 50 drafts for "Le tue
// domande"), loads each page with autocannon, stops the server and prints the top costs of the load window only
// (self time by function and by package; startup, migrations and seed are left out).
// Options: --durata=S per page (default 8), --connessioni=N (default 10), --top=N (default 25),
//   --pagine=area,lavoratori,domande (default all). BENCH_SKIP_BUILD=1 reuses the existing build.
import { mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { avviaServer, compila, creaDatabaseTemporaneo, RADICE } from "../e2e/support/server";
import { bozzaFinoAiLavoratori, idAziende, nuovaBozza } from "./lib/domanda";
import { accediDemo } from "./lib/http";
import { leggiProfili, riassumi } from "./lib/profilo-cpu";

const argomenti = process.argv.slice(2);
const opzione = (nome: string) => argomenti.find((a) => a.startsWith(`--${nome}=`))?.split("=")[1];
const durataS = Math.min(60, Number(opzione("durata") ?? 8));
const connessioni = Math.min(100, Number(opzione("connessioni") ?? 10));
const top = Number(opzione("top") ?? 25);
const scelte = (opzione("pagine") ?? "area,lavoratori,domande").split(",");

const adessoUs = () => Number(process.hrtime.bigint() / 1000n);

if (process.env.BENCH_SKIP_BUILD !== "1") await compila();
const database = await creaDatabaseTemporaneo("omnia_profilo", process.env.BENCH_DATABASE_URL);
const cartella = join(RADICE, "bench/results", `profilo-${new Date().toISOString().replace(/[:T]/g, "-").slice(0, 19)}`);
mkdirSync(cartella, { recursive: true });
const finestre: Array<{ pagina: string; percorso: string; dal: number; al: number; reqS: number; p50: number; p99: number; carico: number }> = [];
const server = await avviaServer({
  env: {
    ...database.env,
    NODE_ENV: "production",
    DEMO_LOGIN: "1",
    COOKIE_INSECURE: "1",
    OMNIA_ORA_FISSA: process.env.OMNIA_ORA_FISSA ?? "2026-02-10T09:00:00+01:00",
  },
  argomentiNode: ["--cpu-prof", `--cpu-prof-dir=${cartella}`],
  nomeLog: "omnia-profilo-server",
});
try {
  const base = server.url;
  const { biscotti } = await accediDemo(base, /intermediari/i);
  const percorsi: Record<string, () => Promise<string>> = {
    area: async () => "/area-riservata",
    lavoratori: async () =>
      (
        await bozzaFinoAiLavoratori(base, biscotti, {
          azienda: /Grande Fonderia Esempio/,
          unita: /Fonderia di Brescia/,
          causale: "mancanza_lavoro",
          dal: "02/02/2026",
          al: "26/04/2026",
          oreRichieste: 200_000,
        })
      ).percorso,
    domande: async () => {
      const aziende = await idAziende(base, biscotti);
      for (let i = 0, fatte = 0; fatte < 50 && i < 150; i++) {
        try {
          await nuovaBozza(base, biscotti, aziende[i % aziende.length]);
          fatte++;
        } catch {
          // a company without a suggested benefit: skipped, as in the bench
        }
      }
      return "/domande";
    },
  };
  for (const pagina of scelte) {
    const percorso = await percorsi[pagina]();
    const url = new URL(percorso, base).toString();
    const headers = { cookie: biscotti.intestazione() };
    await autocannon({ url, connections: connessioni, duration: 2, headers });
    const dal = adessoUs();
    const r = await autocannon({ url, connections: connessioni, duration: durataS, headers });
    finestre.push({
      pagina,
      percorso,
      dal,
      al: adessoUs(),
      reqS: Math.round(r.requests.average),
      p50: r.latency.p50,
      p99: r.latency.p99,
      carico: Math.round(loadavg()[0] * 100) / 100,
    });
    console.info(`[profilo] ${percorso}: ${Math.round(r.requests.average)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, non 2xx ${r.non2xx}`);
  }
} finally {
  await server.ferma();
  await database.elimina();
}

const profili = leggiProfili(cartella);
if (profili.length === 0) throw new Error(`nessun profilo in ${cartella}`);
const riepilogo = finestre.map((f) => ({ ...f, ...riassumi(profili, { dal: f.dal, al: f.al }, top) }));
writeFileSync(join(cartella, "riepilogo.json"), `${JSON.stringify({ database: database.descrizione, connessioni, durataS, riepilogo }, null, 2)}\n`);
for (const r of riepilogo) {
  console.info(`\n${r.pagina} (${r.percorso}) su ${database.descrizione}: ${r.reqS} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, carico medio ${r.carico}; ${r.campioni} campioni`);
  console.info("  per pacchetto:");
  for (const x of r.perPacchetto.slice(0, 15)) console.info(`    ${String(x.quota).padStart(5)}%  ${x.voce}`);
  console.info("  per funzione (tempo proprio):");
  for (const x of r.perFunzione) console.info(`    ${String(x.quota).padStart(5)}%  ${x.voce}`);
}
console.info(`\nProfilo e riepilogo in ${cartella}`);
