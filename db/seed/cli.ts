// tsx db/seed/cli.ts [--scale] [--portafoglio[=N]]
// Apre il database dell'ambiente (DATABASE_URL o la PGlite in .data/), applica le migrazioni e semina se è vuoto.
// Con --scale genera 100.000 aziende e 1.000.000 di lavoratori per i benchmark: serve un database vuoto.
import { getTableName, sql } from "drizzle-orm";
import { apriDaAmbiente, migra } from "../client";
import * as s from "../schema";
import { seedSeVuoto, SCALA, type OpzioniSeed } from "./index";
import { righeDi } from "./inserimento";
import { seedPortafoglio } from "./portafoglio";
import { seedScalaDomande } from "./scala-domande";

const scala = process.argv.includes("--scale");
const inizio = performance.now();
const secondi = () => ((performance.now() - inizio) / 1000).toFixed(1);

const connessione = await apriDaAmbiente();
try {
  await migra(connessione);
  console.info(`Migrazioni applicate (${connessione.tipo}) in ${secondi()} s`);
  let ultimaStampa = 0;
  const opzioni: OpzioniSeed = {
    scala,
    avanzamento: (tabella, totale) => {
      // Una riga ogni 5 secondi al massimo: abbastanza per vedere che avanza, non tanto da rallentarlo.
      const ora = performance.now();
      if (scala && ora - ultimaStampa > 5000) {
        ultimaStampa = ora;
        console.info(`  ${secondi()} s — ${tabella}: ${totale.toLocaleString("it-IT")} righe`);
      }
    },
    avanzamentoAziende: (n) => {
      if (n % 10_000 === 0) console.info(`  ${secondi()} s — aziende generate: ${n.toLocaleString("it-IT")} / ${SCALA.aziende.toLocaleString("it-IT")}`);
    },
  };
  const seminato = await seedSeVuoto(connessione.db, opzioni);
  // The domande of --scale: also on a database seeded before (the step adds only what is missing).
  if (scala) {
    const d = await seedScalaDomande(connessione.db, (fase) => console.info(`  ${secondi()} s — ${fase}`));
    console.info(
      `  ${secondi()} s — domande: ${d.domande.toLocaleString("it-IT")}, di cui ${d.domandeIntermediario.toLocaleString("it-IT")} sulle ${d.aziendeIntermediario.toLocaleString("it-IT")} aziende dell'intermediaria`,
    );
  }
  // --portafoglio[=N]: N companies delegated to the demo intermediary for the portfolio's bench (db/seed/portafoglio.ts).
  const portafoglio = process.argv.find((a) => a === "--portafoglio" || a.startsWith("--portafoglio="));
  if (portafoglio) {
    const quante = portafoglio.includes("=") ? Number(portafoglio.split("=")[1]) : undefined;
    const r = await seedPortafoglio(connessione.db, quante && Number.isSafeInteger(quante) && quante > 0 ? { aziende: Math.min(quante, 100_000) } : {});
    console.info(`  ${secondi()} s — portafoglio: ${JSON.stringify(r)}`);
  }
  if (!seminato) {
    console.info("Il database contiene già i dati demo: nessun seed (per --scale serve un database vuoto).");
  } else {
    const tabelle = [
      s.sedi, s.fondiSolidarieta, s.aziende, s.unitaProduttive, s.lavoratori, s.rapportiLavoro, s.giornateAgricole,
      s.uniemensMensili, s.uniemensEventiCig, s.utenti, s.deleghe, s.domande,
    ];
    console.info(`Seed ${scala ? "--scale " : ""}completato in ${secondi()} s. Righe:`);
    for (const t of tabelle) {
      const r = righeDi<{ n: string | number }>(await connessione.db.execute(sql`select count(*) as n from ${t}`));
      console.info(`  ${getTableName(t).padEnd(22)} ${Number(r[0].n).toLocaleString("it-IT").padStart(12)}`);
    }
  }
} finally {
  await connessione.chiudi();
}
