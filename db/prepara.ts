// Once per start, before any request: the committed migrations, then the demo data if the database is empty.
import type { Connessione } from "./client";
import { migra } from "./client";
import { seedSeVuoto } from "./seed/index";

export async function preparaDatabase(connessione: Connessione, env = process.env): Promise<void> {
  await migra(connessione);
  if (env.SEED !== "0") {
    const seminato = await seedSeVuoto(connessione.db);
    if (seminato) console.info("Dati dimostrativi caricati (primo avvio).");
  }
}
