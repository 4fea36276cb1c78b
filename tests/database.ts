// Gives an integration test file its own copy of the seeded template database.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, inject } from "vitest";
import { sql } from "drizzle-orm";
import { apriPglite, apriPostgres, type Connessione } from "../db/client";
import { impostaConnessione } from "../db/connection";

export function usaDatabaseDiTest(): void {
  let connessione: Connessione | undefined;
  let pulizia: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const modello = inject("modelloDb");
    if (modello.tipo === "pglite") {
      const blob = new Blob([readFileSync(modello.file)]);
      connessione = await apriPglite(undefined, { loadDataDir: blob });
    } else {
      const nome = `omnia_t_${process.pid}_${Math.floor(Math.random() * 1e9)}`;
      const admin = await apriPostgres(modello.url, { max: 1 });
      await admin.db.execute(sql.raw(`CREATE DATABASE ${nome} TEMPLATE ${modello.nome}`));
      const u = new URL(modello.url);
      u.pathname = `/${nome}`;
      connessione = await apriPostgres(u.toString(), { max: 4 });
      pulizia = async () => {
        await admin.db.execute(sql.raw(`DROP DATABASE IF EXISTS ${nome} WITH (FORCE)`));
        await admin.chiudi();
      };
    }
    impostaConnessione(connessione);
  });
  afterAll(async () => {
    await connessione?.chiudi();
    impostaConnessione(undefined);
    await pulizia?.();
  });
}
