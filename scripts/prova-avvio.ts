// The start smoke of .ci/run: the README's front door, tried as a newcomer would.
//   tsx scripts/prova-avvio.ts              embedded PGlite (no DATABASE_URL): the default .data/pglite is created
//   tsx scripts/prova-avvio.ts --postgres=postgres://postgres@127.0.0.1:5432/postgres
//                                           a fresh throwaway database on that server, as DATABASE_URL
// It runs the start command exactly as the README's "Due comandi" block writes it (`npm install && npm start`) in
// its own process group with a free PORT and without NODE_ENV or DEMO_LOGIN (npm start must set them itself), waits
// for /healthz, checks the server says it is in production mode, signs in over OpenID Connect as a demo employer over
// plain HTTP (the /accedi form with its CSRF token, then the redirects to the local test provider, its login screen
// and back through /accedi/ritorno, with fetch and a cookie jar: bench/lib/http.ts), then fetches the reserved area
// and "Le tue domande". Finally it stops that process group only (SIGTERM, then SIGKILL) and drops its database.
// With an existing .data/ (not a fresh clone: a developer's checkout) it clones the committed HEAD into a temporary
// folder and runs there, so the PGlite folder is really created from nothing.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { accediDemo, Biscotti, richiesta } from "../bench/lib/http";
import { creaDatabaseTemporaneo, portaLibera, RADICE } from "../e2e/support/server";

const adminPostgres = process.argv.find((a) => a.startsWith("--postgres="))?.slice("--postgres=".length);
const ATTESA_AVVIO_MS = 15 * 60_000; // npm install + build + migrations + first seed on a busy 2-core machine
const inizio = Date.now();
const secondi = () => `${((Date.now() - inizio) / 1000).toFixed(1)} s`;
const log = (s: string) => console.info(`[avvio] ${s}`);

/** The first command of the README's "Due comandi" block, without its comment. */
export function comandoDiAvvio(readme: string): string {
  const blocco = /## Due comandi[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)?.[1];
  const riga = blocco?.split("\n").find((r) => r.includes("npm start"));
  if (!riga) throw new Error('README.md: nessun comando con "npm start" nel blocco "Due comandi"');
  return riga.replace(/\s#.*$/, "").trim();
}

function fallisci(messaggio: string): never {
  throw new Error(messaggio);
}

let cartella = RADICE;
let cloneTemporaneo: string | null = null;
if (!adminPostgres && existsSync(join(RADICE, ".data"))) {
  cloneTemporaneo = mkdtempSync(join(tmpdir(), "omnia-avvio-"));
  cartella = join(cloneTemporaneo, "omnia");
  log(`${RADICE}/.data esiste già (non è un clone nuovo): clono HEAD in ${cartella}`);
  const r = spawnSync("git", ["clone", "--quiet", RADICE, cartella], { stdio: "inherit" });
  if (r.status !== 0) fallisci("git clone non riuscito");
}

const comando = comandoDiAvvio(readFileSync(join(cartella, "README.md"), "utf8"));
const database = adminPostgres ? await creaDatabaseTemporaneo("omnia_avvio", adminPostgres) : null;
const porta = await portaLibera();
const base = `http://127.0.0.1:${porta}`;
const fileLog = join(tmpdir(), `omnia-avvio-${process.pid}.log`);
const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(porta) };
for (const v of ["NODE_ENV", "DEMO_LOGIN", "DATABASE_URL", "PGLITE_DIR", "TEST_DATABASE_URL", "OMNIA_ORA_FISSA", "SEED"]) delete env[v];
if (database?.env.DATABASE_URL) env.DATABASE_URL = database.env.DATABASE_URL;

log(`${database ? database.descrizione : "PGlite in .data/pglite"}; comando del README: ${comando}`);
log(`cartella ${cartella}, porta ${porta}, log in ${fileLog}`);
const uscita = openSync(fileLog, "w");
// detached: the command gets its own process group, so stopping it reaches npm, tsx and the server and nothing else.
const gruppo: ChildProcess = spawn("bash", ["-c", comando], { cwd: cartella, env, detached: true, stdio: ["ignore", uscita, uscita] });
let terminato = false;
gruppo.on("exit", () => (terminato = true));
const codaLog = () => readFileSync(fileLog, "utf8").split("\n").slice(-40).join("\n");

function gruppoVivo(): boolean {
  try {
    process.kill(-gruppo.pid!, 0);
    return true;
  } catch {
    return false;
  }
}

async function fermaGruppo(): Promise<boolean> {
  if (!gruppoVivo()) return true;
  process.kill(-gruppo.pid!, "SIGTERM");
  for (let i = 0; i < 150 && gruppoVivo(); i++) await new Promise((r) => setTimeout(r, 100));
  if (!gruppoVivo()) return true;
  process.kill(-gruppo.pid!, "SIGKILL");
  return false;
}

async function attendiSalute(): Promise<void> {
  while (Date.now() - inizio < ATTESA_AVVIO_MS) {
    if (terminato) fallisci(`il comando di avvio è terminato prima di servire /healthz. Ultime righe:\n${codaLog()}`);
    try {
      const r = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (r.status === 200 && (await r.text()) === "ok") return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 1_000));
  }
  fallisci(`/healthz non risponde dopo ${ATTESA_AVVIO_MS / 60_000} minuti. Ultime righe:\n${codaLog()}`);
}

async function pagina(percorso: string, biscotti: Biscotti, attesi: RegExp[]): Promise<void> {
  const r = await richiesta(base, percorso, biscotti);
  const html = await r.text();
  if (r.status !== 200) fallisci(`${percorso}: stato ${r.status} invece di 200`);
  for (const a of attesi) if (!a.test(html)) fallisci(`${percorso}: manca ${a}`);
  log(`${percorso}: 200, ${(html.length / 1024).toFixed(1)} KB, contiene ${attesi.map(String).join(", ")}`);
}

let esito = 1;
try {
  await attendiSalute();
  log(`/healthz: ok dopo ${secondi()}`);
  const righe = readFileSync(fileLog, "utf8");
  if (!/modalità: produzione/.test(righe)) fallisci(`il server non dice di essere in modalità produzione:\n${codaLog()}`);
  if (!cloneTemporaneo && !adminPostgres && !existsSync(join(cartella, ".data", "pglite"))) fallisci(".data/pglite non è stata creata");

  const anonimo = new Biscotti();
  const senzaSessione = await richiesta(base, "/domande", anonimo);
  if (![302, 303].includes(senzaSessione.status) || !senzaSessione.headers.get("location")?.startsWith("/accedi")) {
    fallisci(`/domande senza sessione: stato ${senzaSessione.status} invece di un rinvio ad /accedi`);
  }
  // Mario Esempio, the demo employer of Officine Meccaniche Brenta (README, "Identità dimostrative").
  const { biscotti, percorso, cf } = await accediDemo(base, /Mario Esempio/, /Officine Meccaniche Brenta/);
  log(`accesso come ${cf} su HTTP semplice: rinvio a ${percorso}`);
  await pagina(percorso, biscotti, [/Mario/, /Officine Meccaniche Brenta/, /Esci/]);
  await pagina("/domande", biscotti, [/<h1[^>]*>Le tue domande<\/h1>/, /Officine Meccaniche Brenta/]);
  esito = 0;
} catch (e) {
  console.error(`[avvio] ERRORE: ${e instanceof Error ? e.message : String(e)}`);
} finally {
  const pulito = await fermaGruppo();
  if (pulito) log("server fermato con SIGTERM (solo il suo gruppo di processi)");
  else {
    console.error(`[avvio] ERRORE: il server non si è fermato entro 15 s da SIGTERM; SIGKILL al suo gruppo. Ultime righe:\n${codaLog()}`);
    esito = 1;
  }
  await database?.elimina().catch((e) => console.error(`[avvio] database non eliminato: ${e}`));
  if (cloneTemporaneo) rmSync(cloneTemporaneo, { recursive: true, force: true });
  log(`${esito === 0 ? "riuscita" : "FALLITA"} in ${secondi()}`);
}
process.exit(esito);
