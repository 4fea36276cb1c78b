// The job queue (pg-boss, ADR 020) through PgBouncer in transaction pooling (ADR 016), on a PostgreSQL cluster of its
// own with PgBouncer from ops/cluster/pgbouncer.ini: jobs enqueued inside the app's transactions (through PgBouncer),
// taken by two queue instances at once (as two server processes would: SKIP LOCKED) and sent to the SMTP sink, each
// exactly once; pg-boss's own `pg` pool connects to the same PgBouncer URL.
import { existsSync, rmSync } from "node:fs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apriPostgres, migra, type Connessione } from "#db/client";
import { impostaConnessione } from "#db/connection";
import { postaPozzo } from "#db/schema";
import { seedRiferimento } from "#db/seed/index";
import { accoda } from "~/services/lavori/coda.server";
import { avviaLavori, type Lavori } from "~/services/lavori/avvio.server";
import { chiudiPosta } from "~/services/posta/invio.server";
import { avviaPozzo, type Pozzo } from "~/services/posta/pozzo.server";
import { avviaPgbouncer, cartellaDiServizio } from "../../scripts/cluster/topologia";
import { avviaCluster, motivoSenzaCluster, type ClusterDiProva } from "../cluster-postgres";

const motivo = motivoSenzaCluster() ?? (existsSync("/usr/sbin/pgbouncer") ? null : "pgbouncer assente (.ci/run lo installa: apt-get install pgbouncer)");
if (motivo) console.warn(`Test della coda dietro PgBouncer saltato: ${motivo}.`);

describe.skipIf(motivo !== null)("the job queue through PgBouncer in transaction pooling", () => {
  let cluster: ClusterDiProva;
  let servizio: { cartella: string; utente?: { uid: number; gid: number } };
  let pgbouncer: Awaited<ReturnType<typeof avviaPgbouncer>>;
  let connessione: Connessione;
  let pozzo: Pozzo;
  const lavori: Lavori[] = [];

  beforeAll(async () => {
    cluster = await avviaCluster();
    const admin = await apriPostgres(cluster.url(), { max: 1 });
    await admin.db.execute(sql.raw("CREATE DATABASE omnia"));
    await admin.chiudi();
    const diretta = await apriPostgres(cluster.url("omnia"), { max: 2 });
    await migra(diretta);
    await seedRiferimento(diretta.db);
    await diretta.chiudi();
    servizio = cartellaDiServizio("omnia-coda-pgbouncer-test-");
    pgbouncer = await avviaPgbouncer({ cartella: servizio.cartella, databaseUrl: cluster.url("omnia"), pool: 5, utente: servizio.utente });
    // The URL carries ?pgbouncer=true (the driver's flag): pg-boss must get it without.
    connessione = await apriPostgres(pgbouncer.url, { max: 5 });
    impostaConnessione(connessione);
    pozzo = await avviaPozzo();
    process.env.SMTP_URL = pozzo.url;
  }, 120_000);

  afterAll(async () => {
    for (const l of lavori) await l.ferma();
    chiudiPosta();
    await pozzo?.chiudi();
    delete process.env.SMTP_URL;
    impostaConnessione(undefined);
    await connessione?.chiudi();
    await pgbouncer?.ferma();
    if (servizio) rmSync(servizio.cartella, { recursive: true, force: true });
    await cluster?.elimina();
  });

  it("delivers 40 e-mails enqueued in transactions, each once, with two queue instances working", async () => {
    expect(connessione.url).not.toContain("pgbouncer=");
    lavori.push(await avviaLavori(connessione, { intervalloSecondi: 0.5, pianificazioni: false }));
    lavori.push(await avviaLavori(connessione, { intervalloSecondi: 0.5, pianificazioni: false }));
    await Promise.all(
      Array.from({ length: 8 }, (_, t) =>
        connessione.db.transaction(async (tx) => {
          for (let i = 0; i < 5; i++) {
            const n = t * 5 + i;
            await accoda(tx, "notifica", { domandaId: 0, voceId: n, a: [`azienda${n}@pec.esempio.it`], oggetto: `Prova PgBouncer n. ${n}`, testo: "Prova." });
          }
        }),
      ),
    );
    const fine = Date.now() + 60_000;
    let ricevute: string[] = [];
    while (Date.now() < fine) {
      ricevute = (await connessione.db.select({ oggetto: postaPozzo.oggetto }).from(postaPozzo)).map((r) => r.oggetto);
      if (ricevute.length >= 40) break;
      await new Promise((r) => setTimeout(r, 300));
    }
    await new Promise((r) => setTimeout(r, 1500));
    ricevute = (await connessione.db.select({ oggetto: postaPozzo.oggetto }).from(postaPozzo)).map((r) => r.oggetto);
    expect(ricevute.sort()).toEqual(Array.from({ length: 40 }, (_, n) => `Prova PgBouncer n. ${n}`).sort());
  }, 120_000);
});
