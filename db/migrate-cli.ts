// `npm run db:migrate`: applies the committed migrations (db/migrations) to the database of the environment —
// DATABASE_URL, or the embedded PGlite in .data/pglite (PGLITE_DIR) — and loads no data (that is `npm run db:seed`).
// The server does the same on every start; this is for a database prepared ahead of the first start.
import { apriDaAmbiente, CartellaDatiNonScrivibile, migra } from "./client";

let connessione;
try {
  connessione = await apriDaAmbiente();
} catch (e) {
  if (!(e instanceof CartellaDatiNonScrivibile)) throw e;
  console.error(e.message);
  process.exit(1);
}
try {
  const inizio = performance.now();
  await migra(connessione);
  console.info(`Migrazioni applicate (${connessione.tipo}) in ${((performance.now() - inizio) / 1000).toFixed(1)} s.`);
} finally {
  await connessione.chiudi();
}
