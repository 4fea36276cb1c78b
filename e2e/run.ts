// `npm run test:e2e`: browser tests on a fresh database.
//   1. Chromium must exist at CHROMIUM_PATH (default /usr/bin/chromium): otherwise FAIL with the install command.
//   2. Build (`remix build` + `build:css`) unless E2E_SKIP_BUILD=1.
//   3. A fresh database: a new PostgreSQL database on TEST_DATABASE_URL's server if set, else a temporary PGlite folder;
//      server.ts applies the migrations and seeds the demo data on its first start.
//   4. The server on a free port of 127.0.0.1, /healthz awaited; `playwright test` with BASE_URL (extra arguments
//      are passed on, e.g. `npm run test:e2e -- e2e/accesso.spec.ts --project=con-js`).
//   5. SIGTERM to the server, database removed, Playwright's exit code returned.
import { spawn } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { avviaServer, compila, creaDatabaseTemporaneo, RADICE, type ServerAvviato } from "./support/server";

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

function fallisci(messaggio: string): never {
  console.error(`\n[e2e] ERRORE: ${messaggio}\n`);
  process.exit(1);
}

try {
  accessSync(CHROMIUM_PATH, constants.X_OK);
} catch {
  fallisci(
    `Chromium non trovato in ${CHROMIUM_PATH} (variabile CHROMIUM_PATH). I test nel browser non possono girare.\n` +
      `Installalo dai pacchetti Debian con:\n\n    apt-get update && apt-get install -y chromium\n\n` +
      `(non usare \`npx playwright install\`: i download dei browser sono bloccati).`,
  );
}

const inizio = Date.now();
const secondi = () => `${((Date.now() - inizio) / 1000).toFixed(1)} s`;
let server: ServerAvviato | undefined;
let database: Awaited<ReturnType<typeof creaDatabaseTemporaneo>> | undefined;
let pulito = false;

async function pulisci(): Promise<void> {
  if (pulito) return;
  pulito = true;
  if (server) {
    const uscita = await server.ferma();
    console.info(`[e2e] server fermato (uscita: ${uscita})`);
  }
  if (database) {
    await database.elimina().catch((e) => console.error(`[e2e] database non eliminato: ${e}`));
  }
}

for (const segnale of ["SIGINT", "SIGTERM"] as const) {
  process.on(segnale, () => {
    void pulisci().finally(() => process.exit(130));
  });
}

let codice = 1;
try {
  if (process.env.E2E_SKIP_BUILD === "1") {
    console.info("[e2e] E2E_SKIP_BUILD=1: uso la build esistente");
  } else {
    console.info("[e2e] build dell'applicazione…");
    await compila();
  }
  database = await creaDatabaseTemporaneo("omnia_e2e", process.env.TEST_DATABASE_URL);
  console.info(`[e2e] database: ${database.descrizione}`);
  server = await avviaServer({
    // The rules' "today" is the reference scenarios' filing date (D1), unless told otherwise.
    env: {
      ...database.env,
      NODE_ENV: "production",
      DEMO_LOGIN: "1",
      OMNIA_ORA_FISSA: process.env.OMNIA_ORA_FISSA ?? "2026-02-10T09:00:00+01:00",
      // No scheduled jobs: on the fixed day the expiry job would resume the seeded suspended cases, and reminders
      // would add entries to the specs' threads, whenever the hour strikes during a run.
      OMNIA_PIANIFICAZIONI: "0",
      // Every spec signs in from 127.0.0.1: the sign-in rate limit (30 a minute per address) would throttle the suite.
      OMNIA_LIMITE_ACCESSI: process.env.OMNIA_LIMITE_ACCESSI ?? "1000",
      // Flows above 500 returns go to the job and its progress page (e2e/flussi.spec.ts sends one of 1,500); every
      // other spec's flow has a handful of returns and stays synchronous, as it would be with the real 10,000.
      OMNIA_FLUSSI_LIMITE_SINCRONO: "500",
    },
    nomeLog: "omnia-e2e-server",
  });
  console.info(`[e2e] server pronto su ${server.url} (${secondi()}); log in ${server.log}`);

  let inCorso = true;
  server.processo.on("exit", (c, s) => {
    if (inCorso) console.error(`\n[e2e] ATTENZIONE: il server è uscito durante i test (codice ${c}, segnale ${s}); log in ${server?.log}\n`);
  });
  codice = await new Promise<number>((ok) => {
    const pw = spawn("npx", ["playwright", "test", ...process.argv.slice(2)], {
      cwd: RADICE,
      stdio: "inherit",
      env: { ...process.env, BASE_URL: server!.url, CHROMIUM_PATH },
    });
    pw.on("error", (e) => {
      console.error(`[e2e] playwright non avviato: ${e}`);
      ok(1);
    });
    pw.on("exit", (c, s) => ok(c ?? (s ? 1 : 0)));
  });
  inCorso = false;
  if (codice !== 0) console.error(`[e2e] ultime righe del log del server:\n${server.codaLog(40)}`);
} catch (errore) {
  console.error(`[e2e] ERRORE: ${errore instanceof Error ? errore.message : errore}`);
  codice = 1;
} finally {
  await pulisci();
}
console.info(`[e2e] finito in ${secondi()} con codice ${codice}`);
process.exit(codice);
