// Named prepared statements for the embedded PGlite. PGlite's `query` sends every statement unnamed (Parse, Describe,
// Bind, Execute, Sync), so PostgreSQL parses and plans it again at every call; on PGlite the planner runs in
// WebAssembly on the request's own thread, and for the hot statements of a page planning cost more than running
// (README, Misure: a count over the intermediary's companies 9.9 → 2.7 ms). On PostgreSQL postgres.js already names
// every statement by its text (db/client.ts); this gives PGlite the same: a statement run a second time is parsed once
// under a name and afterwards only bound and executed, through PGlite's own public protocol functions and under its
// own locks, so results, type parsing and errors are those of `query`.
import { parse, protocol, type PGlite, type QueryOptions, type Results, type Transaction } from "@electric-sql/pglite";

/** The part of PGlite drizzle-orm's pglite driver uses: `query` and `transaction` (drizzle-orm 0.45.4, session.js). */
export type ClientPglite = Pick<PGlite, "query" | "transaction">;

// Only statements whose plan is worth keeping; DDL, SET, BEGIN/COMMIT and multi-statement scripts keep PGlite's path.
const DA_PREPARARE = /^\s*(select|insert|update|delete|with)\b/i;

/**
 * The opening of a statement whose plan must be made for each call's values, never kept under a name (db/connection.ts,
 * istruzione with pianoPerIValori): it keeps PGlite's path, as postgres.js's unnamed statements do on PostgreSQL.
 */
export const PIANO_PER_I_VALORI = "/* piano per i valori di ogni chiamata */ ";
// Statement texts are bounded by the code (drizzle builds the same text for the same query shape), but a query with a
// variable number of parameters makes a new text per size: a text is named on its second use, and at most this many.
const MASSIMO_NOMINATE = 2_000;
const MASSIMO_VISTE = 10_000;

interface Nominata {
  nome: string;
  tipiParametri: number[];
}

export function conIstruzioniNominate(pglite: PGlite): ClientPglite {
  const nominate = new Map<string, Nominata>();
  const viste = new Set<string>();
  let progressivo = 0;

  function daNominare(testo: string, opzioni?: QueryOptions): boolean {
    if (opzioni?.blob || opzioni?.paramTypes || testo.startsWith(PIANO_PER_I_VALORI) || !DA_PREPARARE.test(testo)) return false;
    if (nominate.has(testo)) return true;
    if (nominate.size >= MASSIMO_NOMINATE) return false;
    if (viste.has(testo)) return true;
    if (viste.size >= MASSIMO_VISTE) viste.clear();
    viste.add(testo);
    return false;
  }

  const esegui = (messaggio: Uint8Array) => pglite.execProtocolStream(messaggio, { syncToFs: false });

  // Runs under PGlite's query lock (the caller holds it). The statement is parsed under its name the first time;
  // a failed Parse (syntax, aborted transaction) names nothing, so the next call tries again.
  async function eseguiNominata<T>(testo: string, parametri: unknown[], opzioni?: QueryOptions): Promise<Results<T>> {
    let nominata = nominate.get(testo);
    const messaggi = [];
    try {
      if (!nominata) {
        const nome = `omnia_${++progressivo}`;
        await esegui(protocol.serialize.parse({ name: nome, text: testo }));
        const tipiParametri = parse.parseDescribeStatementResults(await esegui(protocol.serialize.describe({ type: "S", name: nome })));
        nominata = { nome, tipiParametri };
        nominate.set(testo, nominata);
      }
      const tipi = nominata.tipiParametri;
      const valori = parametri.map((valore, i) => {
        if (valore === null || valore === undefined) return null;
        const serializza = opzioni?.serializers?.[tipi[i]!] ?? pglite.serializers[tipi[i]!];
        return serializza ? serializza(valore) : String(valore);
      });
      messaggi.push(...(await esegui(protocol.serialize.bind({ statement: nominata.nome, values: valori }))));
      messaggi.push(...(await esegui(protocol.serialize.describe({ type: "P" }))));
      messaggi.push(...(await esegui(protocol.serialize.execute({}))));
    } finally {
      messaggi.push(...(await esegui(protocol.serialize.sync())));
    }
    return parse.parseResults(messaggi, pglite.parsers, opzioni)[0] as Results<T>;
  }

  async function query<T>(testo: string, parametri: unknown[] = [], opzioni?: QueryOptions): Promise<Results<T>> {
    if (!daNominare(testo, opzioni)) return pglite.query<T>(testo, parametri, opzioni);
    // The same two locks as PGlite's own `query`: no transaction of another caller is open, no other statement runs.
    return pglite._runExclusiveTransaction(() =>
      pglite._runExclusiveQuery(async () => {
        const risultato = await eseguiNominata<T>(testo, parametri, opzioni);
        await pglite.syncToFs();
        return risultato;
      }),
    );
  }

  function transaction<T>(callback: (tx: Transaction) => Promise<T>): Promise<T> {
    return pglite.transaction((tx) =>
      callback({
        ...tx,
        get closed() {
          return tx.closed;
        },
        query: <R>(testo: string, parametri?: unknown[], opzioni?: QueryOptions): Promise<Results<R>> => {
          if (tx.closed) throw new Error("Transaction is closed");
          if (!daNominare(testo, opzioni)) return tx.query<R>(testo, parametri, opzioni);
          // Inside the transaction its lock is already ours; only the query lock, as PGlite's `tx.query` takes.
          return pglite._runExclusiveQuery(() => eseguiNominata<R>(testo, parametri ?? [], opzioni));
        },
      }),
    );
  }

  return { query, transaction } as ClientPglite;
}
