// Many rows written with COPY … FROM STDIN in PostgreSQL's text format, on either driver, inside a transaction.
// For the flows' batches of 500 returns (issue 12): PostgreSQL reads COPY's lines with each column's input function
// and nothing else, while `insert … select from json_to_recordset($1)` first parsed the batch's JSON into a hash
// table per row and then parsed each row's `dati` again as jsonb. Measured on 500 returns (ADR 035): the
// function scan alone took 7–21 ms of a 25–37 ms statement, the same rows by COPY 3.6 ms. Triggers (transition tables
// included), constraints and defaults apply to COPY as to INSERT.
import { finished } from "node:stream/promises";
import { getTableName } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import { clientDellaTransazione, connessioneCorrente, type Transazione } from "./connection";

/** A value of a COPY text-format line: what PostgreSQL's input function for the column reads. */
export type ValoreCopia = string | number | null;

// The characters the text format gives a meaning to (PostgreSQL docs, COPY, "Text Format"): backslash, the column
// delimiter (tab) and the line ends. Everything else, any Unicode included, travels as it is.
const DA_PROTEGGERE = /[\\\t\n\r]/;
const DA_PROTEGGERE_TUTTI = /[\\\t\n\r]/g;
const PROTEZIONI: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };

/** One value as COPY's text format writes it: null is `\N`, the special characters escaped. */
export function campoCopia(valore: ValoreCopia): string {
  if (valore === null) return "\\N";
  if (typeof valore === "number") {
    if (!Number.isFinite(valore)) throw new RangeError(`campoCopia: ${valore} non è un numero finito`);
    return String(valore);
  }
  return DA_PROTEGGERE.test(valore) ? valore.replace(DA_PROTEGGERE_TUTTI, (c) => PROTEZIONI[c]) : valore;
}

/** One row as a COPY text-format line, ending with its newline. */
export function rigaCopia(valori: readonly ValoreCopia[]): string {
  let riga = "";
  for (let i = 0; i < valori.length; i++) riga += (i ? "\t" : "") + campoCopia(valori[i]);
  return riga + "\n";
}

const identificatore = (nome: string) => `"${nome.replace(/"/g, '""')}"`;

/**
 * Writes `righe` (lines made by rigaCopia, in the order of `colonne`) into `tabella` inside the transaction `tx`.
 * A refused row (a constraint, a bad value) fails the statement, and with it the transaction, as an INSERT would.
 * postgres.js: the transaction's connection (drizzle keeps it as the session's client); its COPY writable used never
 * to settle when PostgreSQL refused the data, leaving the transaction open (patches/postgres+3.4.9.patch, upstream
 * porsager/postgres#1173). PGlite: COPY … FROM '/dev/blob' with the lines as the query's blob.
 */
export async function copiaRighe(tx: Transazione, tabella: PgTable, colonne: readonly AnyPgColumn[], righe: string): Promise<void> {
  if (righe === "") return;
  const destinazione = `${identificatore(getTableName(tabella))} (${colonne.map((c) => identificatore(c.name)).join(", ")})`;
  const client = clientDellaTransazione(tx);
  if (!client) throw new Error("copiaRighe: la transazione non espone la sua connessione");
  if (connessioneCorrente().tipo === "postgres") {
    const sql = client as import("postgres").TransactionSql;
    const scrittura = await sql.unsafe(`copy ${destinazione} from stdin`).writable();
    scrittura.end(righe);
    await finished(scrittura);
  } else {
    const pglite = client as import("@electric-sql/pglite").Transaction;
    await pglite.query(`copy ${destinazione} from '/dev/blob'`, [], { blob: new Blob([righe]) });
  }
}
