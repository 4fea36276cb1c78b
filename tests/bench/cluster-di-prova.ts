// A cluster set up as the supervisor sets up its own (server/processo.ts, impostaAccettazione), with one worker that
// answers "ok" to every request: the primary prints the workers' shared port, then waits (processo-server.test.ts).
import cluster from "node:cluster";
import { createServer } from "node:http";
import { impostaAccettazione } from "../../server/processo";

if (cluster.isPrimary) {
  impostaAccettazione(cluster, process.env);
  cluster.fork().on("message", (porta: number) => console.info(`porta ${porta}`));
  process.on("SIGTERM", () => {
    for (const w of Object.values(cluster.workers ?? {})) w?.kill();
    process.exit(0);
  });
} else {
  const server = createServer((_richiesta, risposta) => risposta.end("ok"));
  // Port 0 in a cluster: the workers share one port chosen by the system.
  server.listen(0, "127.0.0.1", () => {
    const indirizzo = server.address();
    if (indirizzo && typeof indirizzo === "object") process.send?.(indirizzo.port);
  });
}
