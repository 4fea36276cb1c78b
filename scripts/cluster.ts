// `npm run cluster`: the platform as several stateless instances on this machine, as in production (ADR 016):
// nginx (127.0.0.1:PORTA) → N instances of the production build (supervisore.ts each, own port) → PgBouncer
// (transaction pooling) → PostgreSQL. Installs nginx and pgbouncer from the Debian packages if missing, builds,
// prepares the database once directly on PostgreSQL (migrations, demo data on first start), starts everything,
// waits for /healthz, and stops it all cleanly on Ctrl+C or SIGTERM.
//   --istanze=N        app instances (default 2)
//   --porta=P          nginx's port (default 8090)
//   --database=URL     PostgreSQL database of the platform (default DATABASE_URL, else
//                      postgres://postgres@127.0.0.1:5432/omnia_cluster, created if missing)
//   --senza-build      use the existing build
// Environment of the instances as for `npm start` (DEMO_LOGIN=1 by default, OMNIA_ORA_FISSA, …).
import { apriPostgres } from "../db/client";
import { preparaDatabase } from "../db/prepara";
import { compila } from "../e2e/support/server";
import { avviaTopologia, installaPacchetti } from "./cluster/topologia";

const argomenti = process.argv.slice(2);
const opzione = (nome: string) => argomenti.find((a) => a.startsWith(`--${nome}=`))?.slice(nome.length + 3);
const istanze = Number(opzione("istanze") ?? 2);
const porta = Number(opzione("porta") ?? 8090);
const databaseUrl = opzione("database") ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/omnia_cluster";

if (!Number.isInteger(istanze) || istanze < 1 || istanze > 16) throw new Error("--istanze: un numero da 1 a 16");

/** Creates the database if the server does not have it (connecting to its `postgres` database). */
async function creaSeManca(url: string): Promise<void> {
  const u = new URL(url);
  const nome = decodeURIComponent(u.pathname.slice(1));
  u.pathname = "/postgres";
  const { default: postgres } = await import("postgres");
  const admin = postgres(u.toString(), { max: 1, onnotice: () => {} });
  try {
    const [esiste] = await admin`select 1 from pg_database where datname = ${nome}`;
    if (!esiste) {
      await admin.unsafe(`create database "${nome.replace(/"/g, '""')}"`);
      console.info(`creato il database ${nome}`);
    }
  } finally {
    await admin.end({ timeout: 5 });
  }
}

installaPacchetti();
if (!argomenti.includes("--senza-build")) await compila();
await creaSeManca(databaseUrl);
// Directly on PostgreSQL, once: the instances start with OMNIA_DATABASE_PRONTO=1 and do not migrate.
const diretta = await apriPostgres(databaseUrl, { max: 1 });
try {
  await preparaDatabase(diretta);
} finally {
  await diretta.chiudi();
}

const topologia = await avviaTopologia({
  databaseUrl,
  istanze,
  porta,
  env: { DEMO_LOGIN: process.env.DEMO_LOGIN ?? "1" },
});
console.info(`\nOMNIA IS in cluster: ${topologia.url} (${istanze} istanze dietro nginx, PgBouncer in transaction pooling).`);
console.info(`Configurazioni e log in ${topologia.cartella}. Ctrl+C per fermare.\n`);

let chiusura = false;
async function chiudi(segnale: string) {
  if (chiusura) return;
  chiusura = true;
  console.info(`${segnale}: fermo nginx, le istanze e PgBouncer…`);
  await topologia.ferma();
  process.exit(0);
}
process.on("SIGINT", () => void chiudi("SIGINT"));
process.on("SIGTERM", () => void chiudi("SIGTERM"));
// An instance that ends by itself is reported (nginx sends its traffic to the others meanwhile).
const segnalate = new Set<number>();
const sorveglia = setInterval(() => {
  for (const i of topologia.istanze) {
    if (i.finita() && !chiusura && !segnalate.has(i.indice)) {
      segnalate.add(i.indice);
      console.error(`istanza ${i.indice} (${i.url}) terminata: vedi ${i.log}`);
    }
  }
}, 2_000);
sorveglia.unref();
await new Promise(() => {});
