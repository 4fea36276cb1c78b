// A statement planned for each call's values (db/connection.ts, istruzione with pianoPerIValori): after many calls on
// an empty table, a call on the filled table reads only the index entries of its own keys. A statement kept under a
// name switched to PostgreSQL's generic plan from its sixth call and, planned on the empty table, walked the whole
// partial index of live rows at every later call (the check of a flow's keys after a dry run: README, Misure).
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, istruzione, righeDi } from "#db/connection";
import { usaDatabaseDiTest } from "../database";

usaDatabaseDiTest();

const chiaviPresenti = istruzione<{ chiave: string }>(
  "prova_chiavi_presenti",
  () => sql`select chiave from prova_chiavi where chiave = any(${sql.placeholder("chiavi")}::text[]) and eliminata_il is null`,
  { pianoPerIValori: true },
);

/** Index entries and heap rows read so far in this transaction, per relation (the transaction's own statistics). */
async function letture(esegui: Parameters<Parameters<ReturnType<typeof db>["transaction"]>[0]>[0]) {
  const [r] = righeDi<{ perId: string; perChiave: string; sequenziali: string }>(
    await esegui.execute(sql`select pg_stat_get_xact_tuples_returned('prova_chiavi_flusso_id_id_idx'::regclass)::text as "perId",
      pg_stat_get_xact_tuples_returned('prova_chiavi_chiave_idx'::regclass)::text as "perChiave",
      pg_stat_get_xact_tuples_returned('prova_chiavi'::regclass)::text as sequenziali`),
  );
  return { perId: Number(r.perId), perChiave: Number(r.perChiave), sequenziali: Number(r.sequenziali) };
}

describe("a statement planned for each call's values", () => {
  it("reads only its keys' entries on a filled table after many calls on the empty one", async () => {
    // A table shaped as denunce_cig, with its indexes (a key unique among live rows, the live rows by flow and id).
    // Created before the transaction: PostgreSQL plans again a statement on a table created in the same transaction.
    await db().execute(sql`create table prova_chiavi (like denunce_cig including defaults including indexes)`);
    // One transaction, so one connection: its statements' plans and the transaction's own statistics.
    await db().transaction(async (tx) => {
      for (let i = 0; i < 10; i++) {
        expect(await chiaviPresenti(tx, { chiavi: Array.from({ length: 500 }, (_, j) => `assente-${i}-${j}`) })).toEqual([]);
      }
      await tx.execute(sql`insert into prova_chiavi (flusso_id, riga, chiave, azienda_id, domanda_id, ticket, codice_fiscale, competenza, ore_centesimi, iban, dati)
        select 1, g, 'r' || g, 1, 1, 'T', 'CF', '2026-01-01', 100, 'IT', '{}' from generate_series(1, 20000) g`);
      const prima = await letture(tx);
      const trovate = await chiaviPresenti(tx, { chiavi: ["r1", "r2", "r20000", "assente-1", "assente-2", "assente-3"] });
      const dopo = await letture(tx);
      expect(trovate.map((r) => r.chiave).sort()).toEqual(["r1", "r2", "r20000"]);
      expect(dopo.perId - prima.perId).toBe(0);
      expect(dopo.sequenziali - prima.sequenziali).toBe(0);
      expect(dopo.perChiave - prima.perChiave).toBe(3);
    });
  });
});
