// A transaction's last statement sent with its COMMIT (db/connection.ts, ultimaIstruzione): once it returns, what the
// statement wrote is committed and its locks are released, while the transaction's callback is still running, so no
// other transaction waits on them for a turn of this process's event loop (the year's protocol counter under 200
// simultaneous submissions: README, Misure). If the statement fails, nothing it or the transaction wrote is kept.
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { connessioneCorrente, db, preparata, righeDi, ultimaIstruzione } from "#db/connection";
import { usaDatabaseDiTest } from "../database";

usaDatabaseDiTest();

const incrementa = () =>
  preparata("prova_ultima_incrementa", (d) =>
    d.execute(sql`update prova_contatore set ultimo = ultimo + ${sql.placeholder("passo")}::int where anno = 2026 returning ultimo, 'fatto' as esito`),
  );

async function ultimo(): Promise<number> {
  const [r] = righeDi<{ ultimo: number }>(await db().execute(sql`select ultimo from prova_contatore where anno = 2026`));
  return r.ultimo;
}

describe("the last statement of a transaction with its COMMIT", () => {
  beforeEach(async () => {
    await db().execute(sql`create table prova_contatore (anno int primary key, ultimo int not null check (ultimo < 1000))`);
    await db().execute(sql`insert into prova_contatore values (2026, 1)`);
  });
  afterEach(async () => {
    await db().execute(sql`drop table prova_contatore`);
  });

  it("returns the statement's rows as arrays of values, committed with the transaction's earlier writes", async () => {
    const righe = await db().transaction(async (tx) => {
      await tx.execute(sql`insert into prova_contatore values (2027, 5)`);
      return ultimaIstruzione(tx, incrementa(), { passo: 2 });
    });
    expect(righe).toEqual([[3, "fatto"]]);
    expect(await ultimo()).toBe(3);
    const [r] = righeDi<{ n: number }>(await db().execute(sql`select count(*)::int as n from prova_contatore`));
    expect(r.n).toBe(2);
  });

  it("keeps nothing of the transaction when the statement fails, and the connection goes on working", async () => {
    await expect(
      db().transaction(async (tx) => {
        await tx.execute(sql`insert into prova_contatore values (2027, 5)`);
        return ultimaIstruzione(tx, incrementa(), { passo: 5000 });
      }),
    ).rejects.toThrow();
    expect(await ultimo()).toBe(1);
    const [r] = righeDi<{ n: number }>(await db().execute(sql`select count(*)::int as n from prova_contatore`));
    expect(r.n).toBe(1);
    // Every connection of the pool is out of any transaction: a new one sees and changes the row at once.
    for (let i = 0; i < 5; i++) await db().transaction((tx) => ultimaIstruzione(tx, incrementa(), { passo: 1 }));
    expect(await ultimo()).toBe(6);
  });

  it("runs in many transactions at once beside other statements on the pool, each committed once", async () => {
    // The pool's connections go from transaction to plain statement and back: a connection handed back to the pool
    // while its transaction's callback still ran (a plain COMMIT here) left the driver's own COMMIT waiting forever.
    const transazioni = Array.from({ length: 30 }, () =>
      db().transaction(async (tx) => {
        await tx.execute(sql`select 1`);
        return ultimaIstruzione(tx, incrementa(), { passo: 1 });
      }),
    );
    const altre = Array.from({ length: 30 }, () => db().execute(sql`select ultimo from prova_contatore`));
    const risultati = await Promise.all(transazioni);
    await Promise.all(altre);
    expect(risultati.map(([[n]]) => n).sort((a, b) => Number(a) - Number(b))).toEqual(Array.from({ length: 30 }, (_, i) => i + 2));
    expect(await ultimo()).toBe(31);
  }, 15_000);

  it.runIf(process.env.TEST_DATABASE_URL)("on PostgreSQL, has committed and released the row's lock before the transaction's callback ends", async () => {
    // Another session, as another process would be: it waits for the row's lock without a time limit of its own.
    const altra = postgres(connessioneCorrente().url!, { max: 1, onnotice: () => {} });
    try {
      await db().transaction(async (tx) => {
        await ultimaIstruzione(tx, incrementa(), { passo: 1 });
        // Still inside the callback: a plain transaction would hold the row's lock until after it returns.
        const [r] = await altra.begin(async (s) => {
          await s`set local lock_timeout = '2s'`;
          return s`update prova_contatore set ultimo = ultimo + 10 where anno = 2026 returning ultimo`;
        });
        expect(r.ultimo).toBe(12);
      });
    } finally {
      await altra.end();
    }
    expect(await ultimo()).toBe(12);
  });
});
