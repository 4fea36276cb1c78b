// A server process opens its whole PostgreSQL pool when it starts (server.ts, db/client.ts apriPool), so that a burst of
// submissions on freshly started processes does not also open the connections (issue 8, item 7: the cold burst cost
// more CPU per submission than a warm one). Only on PostgreSQL: PGlite has no pool.
import { afterAll, describe, expect, it } from "vitest";
import { apriPostgres, type Connessione } from "#db/client";

const url = process.env.TEST_DATABASE_URL;
const nome = `omnia_pool_${process.pid}`;
let pool: Connessione | undefined;
let osservatore: Connessione | undefined;

afterAll(async () => {
  await pool?.chiudi();
  await osservatore?.chiudi();
});

async function connessioniAperte(): Promise<number> {
  const righe = (await osservatore!.db.execute(
    `select count(*)::int as n from pg_stat_activity where application_name = '${nome}'`,
  )) as unknown as Array<{ n: number }>;
  return righe[0].n;
}

describe.skipIf(!url)("pool di PostgreSQL aperto all'avvio", () => {
  it("apriPool opens every connection of the pool at once, before any request", async () => {
    const conNome = new URL(url!);
    conNome.searchParams.set("application_name", nome);
    pool = await apriPostgres(conNome.toString(), { max: 4 });
    osservatore = await apriPostgres(url!, { max: 1 });
    expect(await connessioniAperte()).toBe(0);
    await pool.apriPool!();
    expect(await connessioniAperte()).toBe(4);
  });
});
