// `npm run bench`: benchmarks, not timed tests. Prints a small table and writes bench/results/<nome>.json.
//   (1) SSR throughput of a signed-in page with DB reads (/area-riservata as the intermediary) against a bare
//       node:http server returning the same bytes, in the same run (autocannon): req/s, p99, ratio.
//   (2) Page weight of every public and signed-in page, without and with JS, against the budgets.
//   (3) Seed generation time at --scale (opt-in: --scala; minutes).
// Options: --nome=NAME (results file), --durata=S (default 10), --connessioni=N (default 10), --scala,
//   --solo-scala (only part 3), --limite-scala=MIN (default 60), --rigoroso (exit 1 when a page is over budget).
// Environment: BENCH_DATABASE_URL (PostgreSQL to use instead of a fresh PGlite; also the target of --scala),
//   BENCH_ADMIN_URL (where --scala creates its throwaway database; default the local PostgreSQL),
//   BENCH_SKIP_BUILD=1 (use the existing build). All traffic goes to 127.0.0.1 only, bounded in time.
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { avviaServer, compila, creaDatabaseTemporaneo, RADICE, type ServerAvviato } from "../e2e/support/server";
import { accediDemo, Biscotti, richiesta } from "./lib/http";
import { BUDGET, kb, pesaPagina, type PesoPagina } from "./lib/peso";
import { misuraScala, type RisultatoScala } from "./lib/scala";
import { misuraSsr, type RisultatoSsr } from "./lib/ssr";

const argomenti = process.argv.slice(2);
const opzione = (nome: string) => argomenti.find((a) => a.startsWith(`--${nome}=`))?.split("=")[1];
const bandiera = (nome: string) => argomenti.includes(`--${nome}`);

const adesso = new Date();
const nome = opzione("nome") ?? `bench-${adesso.toISOString().replace(/[:T]/g, "-").slice(0, 19)}`;
const durataS = Math.min(60, Number(opzione("durata") ?? 10));
const connessioni = Math.min(100, Number(opzione("connessioni") ?? 10));
const soloScala = bandiera("solo-scala");
const conScala = soloScala || bandiera("scala");

const scrivi = (s = "") => process.stdout.write(`${s}\n`);

function tabella(intestazioni: string[], righe: (string | number)[][]): void {
  const celle = [intestazioni, ...righe.map((r) => r.map(String))];
  const larghezze = intestazioni.map((_, i) => Math.max(...celle.map((r) => r[i].length)));
  const riga = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(larghezze[i]) : c.padStart(larghezze[i]))).join("  ");
  scrivi(riga(intestazioni));
  scrivi(larghezze.map((l) => "-".repeat(l)).join("  "));
  for (const r of celle.slice(1)) scrivi(riga(r));
}

/** Same-origin GET links of a page (no assets, no sign-out), to find every page to weigh. */
function collegamenti(html: string): string[] {
  const out = new Set<string>();
  for (const [, href] of html.matchAll(/<a\b[^>]*\bhref="([^"#]*)(?:#[^"]*)?"/gi)) {
    if (!href.startsWith("/") || href.startsWith("//")) continue;
    const p = new URL(href, "http://x").pathname;
    if (/\.[a-z0-9]+$/i.test(p) || p.startsWith("/build/") || p === "/esci") continue;
    out.add(p);
  }
  return [...out];
}

async function pagineDi(base: string, partenza: string[], biscotti: Biscotti, limite = 40): Promise<string[]> {
  const pagine = new Set(partenza);
  for (const p of partenza) {
    const r = await richiesta(base, p, biscotti);
    if ((r.headers.get("content-type") ?? "").includes("text/html")) for (const l of collegamenti(await r.text())) pagine.add(l);
    if (pagine.size >= limite) break;
  }
  return [...pagine].slice(0, limite);
}

interface Risultati {
  nome: string;
  quando: string;
  macchina: { cpu: string; core: number; node: string };
  database: string;
  ssr?: RisultatoSsr | { errore: string };
  peso?: { budget: typeof BUDGET; pagine: PesoPagina[]; errori: string[] };
  scala?: RisultatoScala | { errore: string };
}

const risultati: Risultati = {
  nome,
  quando: adesso.toISOString(),
  macchina: { cpu: cpus()[0]?.model ?? "?", core: cpus().length, node: process.version },
  database: "",
};

let server: ServerAvviato | undefined;
let database: Awaited<ReturnType<typeof creaDatabaseTemporaneo>> | undefined;
let fuoriBudget = false;

try {
  if (!soloScala) {
    if (process.env.BENCH_SKIP_BUILD !== "1") await compila();
    database = process.env.BENCH_DATABASE_URL
      ? { env: { DATABASE_URL: process.env.BENCH_DATABASE_URL }, descrizione: "PostgreSQL (BENCH_DATABASE_URL)", elimina: async () => {} }
      : await creaDatabaseTemporaneo("omnia_bench");
    risultati.database = database.descrizione;
    console.info(`[bench] database: ${database.descrizione}; avvio del server di produzione…`);
    server = await avviaServer({
      env: { ...database.env, NODE_ENV: "production", DEMO_LOGIN: "1", COOKIE_INSECURE: "1" },
      nomeLog: "omnia-bench-server",
    });
    const base = server.url;
    console.info(`[bench] server pronto su ${base}`);

    // (1) SSR throughput, signed in as the intermediary.
    try {
      const intermediario = await accediDemo(base, /intermediari/i);
      console.info(`[bench] SSR: ${connessioni} connessioni, ${durataS} s per server…`);
      const ssr = await misuraSsr({ base, percorso: "/area-riservata", biscotti: intermediario.biscotti, connessioni, durataS });
      risultati.ssr = ssr;
      scrivi();
      scrivi(`SSR — ${ssr.percorso} (intermediario, ${ssr.byte} byte), ${ssr.connessioni} connessioni × ${ssr.durataS} s`);
      tabella(
        ["server", "req/s", "p50 ms", "p99 ms", "richieste", "non 2xx", "errori"],
        [
          ["Remix SSR", ssr.ssr.richiesteAlSecondo, ssr.ssr.p50Ms, ssr.ssr.p99Ms, ssr.ssr.totale, ssr.ssr.non2xx, ssr.ssr.errori],
          ["node:http", ssr.nodeHttp.richiesteAlSecondo, ssr.nodeHttp.p50Ms, ssr.nodeHttp.p99Ms, ssr.nodeHttp.totale, ssr.nodeHttp.non2xx, ssr.nodeHttp.errori],
        ],
      );
      scrivi(`rapporto node:http / SSR: ${ssr.rapporto}×`);
    } catch (e) {
      risultati.ssr = { errore: String(e instanceof Error ? e.message : e) };
      console.error(`[bench] SSR non misurato: ${risultati.ssr.errore}`);
    }

    // (2) Page weight: public pages (anonymous) and signed-in pages for each demo role.
    const pagine: PesoPagina[] = [];
    const errori: string[] = [];
    const anonimo = new Biscotti();
    const pubbliche = await pagineDi(base, ["/", "/accedi", "/documenti", "/dichiarazione-accessibilita", "/privacy"], anonimo);
    pubbliche.push("/pagina-che-non-esiste");
    for (const p of pubbliche) {
      try {
        pagine.push(await pesaPagina(base, p, "anonimo", new Biscotti()));
      } catch (e) {
        errori.push(`${p} (anonimo): ${e}`);
      }
    }
    for (const [profilo, chi] of [
      ["intermediario", /intermediari/i],
      ["datore", /datore/i],
      ["operatore", /operatore/i],
      ["dirigente", /dirigente/i],
    ] as const) {
      try {
        const { biscotti } = await accediDemo(base, chi);
        const riservate = (await pagineDi(base, ["/area-riservata", "/profilo"], biscotti)).filter((p) => !pubbliche.includes(p));
        for (const p of riservate) pagine.push(await pesaPagina(base, p, profilo, biscotti));
      } catch (e) {
        errori.push(`${profilo}: ${e instanceof Error ? e.message : e}`);
      }
    }
    risultati.peso = { budget: BUDGET, pagine, errori };
    fuoriBudget = pagine.some((p) => p.esito === "KO");
    scrivi();
    scrivi(
      `Peso delle pagine (gzip; woff2 così com'è). Budget: senza JS ≤ ${BUDGET.senzaJsKb} KB, CSS ≤ ${BUDGET.cssKb} KB, JS ≤ ${BUDGET.jsKb} KB`,
    );
    tabella(
      ["pagina", "profilo", "stato", "HTML", "CSS", "font", "JS", "senza JS", "con JS", "esito"],
      pagine.map((p) => [
        p.pagina,
        p.profilo,
        p.stato,
        kb(p.htmlGz),
        kb(p.cssGz),
        `${kb(p.fontByte)} (${p.font})`,
        `${kb(p.jsGz)} (${p.jsFile})`,
        kb(p.senzaJsGz),
        kb(p.conJsGz),
        p.esito === "ok" ? "ok" : `KO: ${p.fuoriBudget.join("; ")}`,
      ]),
    );
    for (const e of errori) console.error(`[bench] pagina non pesata: ${e}`);
  }

  // (3) Seed at --scale (opt-in).
  if (conScala) {
    try {
      console.info("[bench] seed --scale (richiede minuti)…");
      const limiteMinuti = Math.min(120, Number(opzione("limite-scala") ?? 60));
      const scala = await misuraScala({ limiteMinuti });
      risultati.scala = scala;
      scrivi();
      scrivi(`Seed --scale su ${scala.database}: ${scala.secondi} s, ${scala.righeAlSecondo} righe/s`);
      tabella(["tabella", "righe"], Object.entries(scala.righe));
    } catch (e) {
      risultati.scala = { errore: String(e instanceof Error ? e.message : e) };
      console.error(`[bench] seed --scale non misurato: ${risultati.scala.errore}`);
    }
  }
} finally {
  if (server) await server.ferma();
  await database?.elimina();
}

const cartella = join(RADICE, "bench/results");
mkdirSync(cartella, { recursive: true });
const file = join(cartella, `${nome}.json`);
writeFileSync(file, `${JSON.stringify(risultati, null, 2)}\n`);
scrivi();
scrivi(`Risultati in ${file}`);
const fallito =
  (risultati.ssr && "errore" in risultati.ssr) ||
  (risultati.scala && "errore" in risultati.scala) ||
  (risultati.peso?.errori.length ?? 0) > 0 ||
  (fuoriBudget && bandiera("rigoroso"));
process.exit(fallito ? 1 : 0);
