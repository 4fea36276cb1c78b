// npm run chiavi:ruota -- <oidc|federazione|cifratura> [--preavviso-ore=24]
// Rotates one of the platform's signing keys as a Relying Party of SPID and CIE (ADR 022) on the environment's
// database (DATABASE_URL, or the PGlite in .data/): a new key is published at once and signs after the notice; the
// keys older than the one signing now are removed. A compromised key: run with --preavviso-ore=0 twice.
import { apriDaAmbiente, migra } from "../db/client";
import { impostaConnessione } from "../db/connection";
import { jwksPubblico, ruotaChiave, type UsoChiave } from "../app/services/identita/chiavi.server";

const uso = process.argv[2];
if (uso !== "oidc" && uso !== "federazione" && uso !== "cifratura") {
  console.error("Uso: npm run chiavi:ruota -- <oidc|federazione|cifratura> [--preavviso-ore=24]");
  process.exit(2);
}
const opzione = process.argv.find((a) => a.startsWith("--preavviso-ore="));
const ore = opzione ? Number(opzione.split("=")[1]) : 24;
if (!Number.isFinite(ore) || ore < 0) {
  console.error("--preavviso-ore: un numero di ore, 0 o più");
  process.exit(2);
}

const connessione = await apriDaAmbiente();
try {
  await migra(connessione);
  impostaConnessione(connessione);
  const adesso = new Date();
  const kid = await ruotaChiave(uso as UsoChiave, ore * 3_600_000, adesso);
  const pubblicate = (await jwksPubblico(uso as UsoChiave, adesso)).keys.map((k) => k.kid);
  console.info(`Nuova chiave ${uso} ${kid}: pubblicata ora, firma dal ${new Date(adesso.getTime() + ore * 3_600_000).toISOString()}.`);
  console.info(`Chiavi pubblicate: ${pubblicate.join(", ")}`);
} finally {
  impostaConnessione(undefined);
  await connessione.chiudi();
}
