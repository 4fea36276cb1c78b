// Reproduces the postgres.js fault of porsager/postgres#1066, #1154, #1208: a transaction whose backend dies while a
// query is in flight. The driver's own ROLLBACK is a small write deferred with setImmediate; without the committed
// patch (patches/postgres+3.4.9.patch) it runs after the socket was dropped and throws
// "TypeError: Cannot read properties of null (reading 'write')" outside any promise, which ends the process.
// Usage: node tests/guasti/socket-chiuso.mjs <url>. Prints the error code the transaction got; exit code 0 if the
// process survived.
import postgres from "postgres";

const url = process.argv[2];
const sql = postgres(url, { max: 2, onnotice: () => {} });
const killer = postgres(url, { max: 1 });

let pid = null;
const tx = sql.begin(async (t) => {
  const [row] = await t`select pg_backend_pid() as pid`;
  pid = row.pid;
  await t`select pg_sleep(2)`;
});
while (pid === null) await new Promise((r) => setTimeout(r, 20));
await killer`select pg_terminate_backend(${pid})`;
const esito = await tx.then(
  () => "nessun errore",
  (e) => e.code ?? e.message,
);
// Give the deferred write its chance to run (and crash) before declaring victory.
await new Promise((r) => setTimeout(r, 200));
process.stdout.write(`${esito}\n`);
await Promise.all([sql.end({ timeout: 1 }), killer.end({ timeout: 1 })]);
