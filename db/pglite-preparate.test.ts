// The embedded database's named statements (db/pglite-preparate.ts) against a PGlite of their own, in memory:
// same results as PGlite's `query`, named only from the second use, the transaction's locks kept.
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { conIstruzioniNominate, PIANO_PER_I_VALORI, type ClientPglite } from "./pglite-preparate";

let pglite: PGlite;
let client: ClientPglite;

const nominate = async () =>
  (await pglite.query<{ statement: string }>("select statement from pg_prepared_statements order by name")).rows.map((r) => r.statement);

beforeAll(async () => {
  pglite = new PGlite();
  await pglite.waitReady;
  await pglite.exec(`
    create table prova (id serial primary key, nome text not null unique, importo numeric(12,2), giorno date,
      quando timestamptz, dati jsonb, valori int[]);
    insert into prova (nome, importo, giorno, quando, dati, valori)
      values ('a', 12.5, '2026-02-10', '2026-02-10T09:00:00+01:00', '{"x":[1,2]}', '{1,2,3}'), ('b', null, null, null, null, null);
  `);
  client = conIstruzioniNominate(pglite);
});

afterAll(async () => {
  await pglite.close();
});

describe("named statements on PGlite", () => {
  const testo = "select id, nome, importo, giorno, quando, dati, valori from prova where nome = any($1) order by id";

  it("give the same rows, types and parsers as PGlite's own query, and name a statement on its second use", async () => {
    const atteso = await pglite.query(testo, [["a", "b"]]);
    const primo = await client.query(testo, [["a", "b"]]);
    expect(await nominate()).not.toContain(testo);
    const secondo = await client.query<{ quando: Date | null }>(testo, [["a", "b"]]);
    const terzo = await client.query(testo, [["b"]], { rowMode: "array" });
    expect(await nominate()).toContain(testo);
    expect(primo.rows).toEqual(atteso.rows);
    expect(secondo.rows).toEqual(atteso.rows);
    expect(secondo.fields).toEqual(atteso.fields);
    expect(terzo.rows).toEqual([[2, "b", null, null, null, null, null]]);
    expect(secondo.rows[0]).toMatchObject({ importo: "12.50", dati: { x: [1, 2] }, valori: [1, 2, 3] });
    expect(secondo.rows[0]!.quando).toEqual(new Date("2026-02-10T08:00:00Z"));
  });

  it("leave DDL and other statements to PGlite's own path", async () => {
    await client.query("create temporary table tmp_prova (x int)");
    await client.query("create temporary table tmp_prova2 (x int)");
    await client.query("set application_name = 'prova'");
    await client.query("set application_name = 'prova'");
    expect((await nominate()).filter((s) => !s.startsWith("select") && !s.startsWith("insert"))).toEqual([]);
  });

  it("never name a statement planned for each call's values, however often it runs", async () => {
    const testo = `${PIANO_PER_I_VALORI}select nome from prova where nome = any($1) order by nome`;
    for (let i = 0; i < 3; i++) expect((await client.query<{ nome: string }>(testo, [["b", "a"]])).rows).toEqual([{ nome: "a" }, { nome: "b" }]);
    expect(await nominate()).not.toContain(testo);
  });

  it("report errors as PGlite does and keep working; a failed parse names nothing", async () => {
    const inserisci = "insert into prova (nome) values ($1) returning id";
    await client.query(inserisci, ["c"]);
    await client.query(inserisci, ["d"]);
    await expect(client.query(inserisci, ["d"])).rejects.toMatchObject({ code: "23505" });
    expect((await client.query<{ id: number }>(inserisci, ["e"])).rows).toHaveLength(1);
    const sbagliata = "select nonesiste from prova where id = $1";
    await expect(client.query(sbagliata, [1])).rejects.toMatchObject({ code: "42703" });
    await expect(client.query(sbagliata, [1])).rejects.toMatchObject({ code: "42703" });
    expect(await nominate()).not.toContain(sbagliata);
  });

  it("run inside a transaction on its connection: its own writes seen, rolled back with it", async () => {
    const conta = "select count(*)::int as n from prova where nome like $1";
    await client.query(conta, ["t%"]);
    await expect(
      client.transaction(async (tx) => {
        await tx.query("insert into prova (nome) values ($1)", ["t1"]);
        await tx.query("insert into prova (nome) values ($1)", ["t2"]);
        expect((await tx.query<{ n: number }>(conta, ["t%"])).rows[0]!.n).toBe(2);
        throw new Error("annulla");
      }),
    ).rejects.toThrow("annulla");
    expect((await client.query<{ n: number }>(conta, ["t%"])).rows[0]!.n).toBe(0);
  });

  it("keep a statement from outside waiting until another caller's transaction ends", async () => {
    const conta = "select count(*)::int as n from prova where nome = $1";
    await client.query(conta, ["w"]);
    let rilascia!: () => void;
    const aperta = new Promise<void>((r) => (rilascia = r));
    let dentro!: () => void;
    const iniziata = new Promise<void>((r) => (dentro = r));
    const transazione = client.transaction(async (tx) => {
      await tx.query("insert into prova (nome) values ($1)", ["w"]);
      dentro();
      await aperta;
      await tx.query("delete from prova where nome = $1", ["w"]);
    });
    await iniziata;
    const fuori = client.query<{ n: number }>(conta, ["w"]);
    rilascia();
    await transazione;
    // Had it run inside the open transaction it would have counted the uncommitted row.
    expect((await fuori).rows[0]!.n).toBe(0);
  });
});
