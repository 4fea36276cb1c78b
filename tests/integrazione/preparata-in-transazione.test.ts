// preparataSu (db/connection.ts) reuses a query prepared once with a transaction's connection in place of the pool's.
// If a drizzle upgrade moved the client, the statement would run on another connection, outside the transaction and
// its locks: the submission's rules would then be checked without the unit's lock (issue 8, item 1).
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { sedi } from "#db/schema";
import { db, preparataSu } from "#db/connection";
import { usaDatabaseDiTest } from "../database";

usaDatabaseDiTest();

const leggiSede = (dove: Parameters<typeof preparataSu>[0]) =>
  preparataSu(dove, "test_sede_per_codice", (d) =>
    d.select({ nome: sedi.nome }).from(sedi).where(eq(sedi.codice, sql.placeholder("codice"))).prepare("test_sede_per_codice"),
  );

describe("query preparata eseguita in una transazione", () => {
  it("runs on the transaction's connection: it sees the transaction's own uncommitted write, the pool does not", async () => {
    const [sede] = await db().select({ codice: sedi.codice, nome: sedi.nome }).from(sedi).limit(1);
    const rinomina = db().transaction(async (tx) => {
      await tx.update(sedi).set({ nome: "Sede rinominata nella transazione" }).where(eq(sedi.codice, sede.codice));
      const dentro = await leggiSede(tx).execute({ codice: sede.codice });
      expect(dentro).toEqual([{ nome: "Sede rinominata nella transazione" }]);
      // Rolled back: nothing of it stays.
      throw new Error("annulla");
    });
    await expect(rinomina).rejects.toThrow("annulla");
    expect(await leggiSede(db()).execute({ codice: sede.codice })).toEqual([{ nome: sede.nome }]);
  });

  it("is the same prepared query on the pool, and a different object bound to each transaction", async () => {
    expect(leggiSede(db())).toBe(leggiSede(db()));
    await db().transaction(async (tx) => {
      const legata = leggiSede(tx);
      expect(legata).not.toBe(leggiSede(db()));
      expect(Object.getPrototypeOf(legata)).toBe(leggiSede(db()));
    });
  });

  it("refuses a handle it cannot bind instead of running the statement elsewhere", () => {
    expect(() => leggiSede({} as Parameters<typeof preparataSu>[0])).toThrow(/non si può legare/);
  });
});
