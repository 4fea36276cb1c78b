// Rows written with COPY (db/copia.ts) on the real database of the run (PostgreSQL or PGlite): every value comes back
// exactly as it was written, whatever characters it holds, and a refused row fails the statement and its transaction
// (nothing kept) without leaving the connection waiting: postgres.js 3.4.9 never settled a refused COPY
// (porsager/postgres#1173), patched in patches/postgres+3.4.9.patch.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { asc, sql } from "drizzle-orm";
import { integer, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { db } from "#db/connection";
import { copiaRighe, rigaCopia } from "#db/copia";
import { usaDatabaseDiTest } from "../database";

usaDatabaseDiTest();

const prova = pgTable("prova_copia", { n: integer("n").notNull(), testo: text("testo"), dati: jsonb("dati") });
const creaProva = sql`create temp table if not exists prova_copia (n int not null primary key, testo text, dati jsonb) on commit drop`;

// Any text PostgreSQL stores: every Unicode code point but NUL, with the characters COPY's text format gives a meaning
// to (backslash, tab, line ends, the `\N` of null, the `\.` of the end of data) made frequent.
const testo = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }).map((s) => s.replace(/\u0000/g, "")),
  fc.string({ unit: fc.constantFrom("\\", "\t", "\n", "\r", "N", ".", "\"", "'", "a", "é", "€", "\u202e", "😀"), maxLength: 20 }),
);
// The JSON the flows write (a return, its warnings) is an object or an array; jsonb refuses the escape of NUL.
const unitaJson = fc.string({ unit: "binary", minLength: 1, maxLength: 1 }).filter((c) => c !== "\u0000");
const dentroJson = fc.jsonValue({ maxDepth: 2, stringUnit: unitaJson });
const valoreJson = fc
  .oneof(fc.dictionary(fc.string({ unit: unitaJson, maxLength: 8 }), dentroJson, { maxKeys: 5 }), fc.array(dentroJson, { maxLength: 5 }))
  .map((v) => JSON.parse(JSON.stringify(v)) as unknown);

describe("righe scritte con COPY", () => {
  it("ogni valore torna com'era: testo con qualunque carattere, null, numeri, JSON", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ testo: fc.option(testo), dati: fc.option(valoreJson) }), { minLength: 1, maxLength: 30 }), async (righe) => {
        const lette = await db().transaction(async (tx) => {
          await tx.execute(creaProva);
          const linee = righe.map((r, n) => rigaCopia([n, r.testo, r.dati === null ? null : JSON.stringify(r.dati)])).join("");
          await copiaRighe(tx, prova, [prova.n, prova.testo, prova.dati], linee);
          return tx.select().from(prova).orderBy(asc(prova.n));
        });
        expect(lette).toEqual(righe.map((r, n) => ({ n, testo: r.testo, dati: r.dati })));
      }),
      { numRuns: 40 },
    );
  });

  it("una riga rifiutata fa fallire l'istruzione e la transazione: non resta nulla e la connessione risponde ancora", async () => {
    await db().execute(sql`create table prova_copia_rifiuto (n int primary key, testo text not null)`);
    const tabella = pgTable("prova_copia_rifiuto", { n: integer("n").notNull(), testo: text("testo").notNull() });
    const scrivi = (linee: string) =>
      db().transaction(async (tx) => {
        await tx.insert(tabella).values({ n: 1, testo: "prima della copia" });
        await copiaRighe(tx, tabella, [tabella.n, tabella.testo], linee);
      });
    // The same key twice, then a null where none is allowed: PostgreSQL refuses each after reading the data.
    await expect(scrivi(rigaCopia([2, "a"]) + rigaCopia([2, "b"]))).rejects.toThrow(/duplicate key|chiave duplicata/);
    await expect(scrivi(rigaCopia([3, null]))).rejects.toThrow(/null value|valore nullo/);
    expect(await db().select().from(tabella)).toEqual([]);
    await scrivi(rigaCopia([2, "a\tb\\c"]) + rigaCopia([3, "d"]));
    expect(await db().select().from(tabella).orderBy(asc(tabella.n))).toEqual([
      { n: 1, testo: "prima della copia" },
      { n: 2, testo: "a\tb\\c" },
      { n: 3, testo: "d" },
    ]);
  });
});
