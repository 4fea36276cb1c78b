// Builds one migrated and seeded template database per test run; each integration test file copies it
// (PGlite: loadDataDir of a dump; PostgreSQL: CREATE DATABASE … TEMPLATE) instead of migrating again.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { apriPglite, apriPostgres, migra } from "../db/client";
import { seedRiferimento } from "../db/seed/index";

declare module "vitest" {
  export interface ProvidedContext {
    modelloDb: { tipo: "pglite"; file: string } | { tipo: "postgres"; url: string; nome: string };
  }
}

function urlConDatabase(url: string, nome: string): string {
  const u = new URL(url);
  u.pathname = `/${nome}`;
  return u.toString();
}

export default async function setup(project: TestProject) {
  const urlTest = process.env.TEST_DATABASE_URL;
  if (urlTest) {
    const nome = `omnia_modello_${process.pid}`;
    const admin = await apriPostgres(urlTest, { max: 1 });
    const { sql } = await import("drizzle-orm");
    await admin.db.execute(sql.raw(`DROP DATABASE IF EXISTS ${nome}`));
    await admin.db.execute(sql.raw(`CREATE DATABASE ${nome}`));
    const modello = await apriPostgres(urlConDatabase(urlTest, nome), { max: 1 });
    await migra(modello);
    await seedRiferimento(modello.db);
    await modello.chiudi();
    project.provide("modelloDb", { tipo: "postgres", url: urlTest, nome });
    return async () => {
      await admin.db.execute(sql.raw(`DROP DATABASE IF EXISTS ${nome} WITH (FORCE)`));
      await admin.chiudi();
    };
  }
  const modello = await apriPglite();
  await migra(modello);
  await seedRiferimento(modello.db);
  const dump = await modello.pglite.dumpDataDir("none");
  await modello.chiudi();
  const cartella = path.resolve(".cache");
  mkdirSync(cartella, { recursive: true });
  const file = path.join(cartella, `modello-test-${process.pid}.tar`);
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide("modelloDb", { tipo: "pglite", file });
}
