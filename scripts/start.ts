// `npm start`: build, then run the server (which migrates, seeds on first run and serves).
import { spawnSync, spawn } from "node:child_process";

function esegui(comando: string, argomenti: string[]) {
  const r = spawnSync(comando, argomenti, { stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

esegui("npx", ["remix", "build"]);
esegui("npx", ["tsx", "scripts/build-css.ts"]);
const server = spawn("npx", ["tsx", "server.ts"], { stdio: "inherit" });
for (const s of ["SIGINT", "SIGTERM"] as const) process.on(s, () => server.kill(s));
server.on("exit", (code) => process.exit(code ?? 0));
