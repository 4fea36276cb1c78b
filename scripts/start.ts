// `npm start`, the README's first command: the production build served in production mode, with the demo identities
// switched on explicitly (DEMO_LOGIN=1) because without SPID/CIE/CNS nobody could sign in to try the platform.
// Steps: `npm run build`, then the server (which creates .data/pglite if needed, migrates, seeds on first run, serves).
// The supervisor (supervisore.ts) runs as `node --import tsx supervisore.ts` in the foreground, so Ctrl+C and SIGTERM
// reach it; it runs server.ts in worker processes and starts a new one if one crashes.
import { spawn, spawnSync } from "node:child_process";

const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const build = spawnSync(npm, ["run", "build"], { stdio: "inherit" });
if (build.status !== 0) process.exit(build.status ?? 1);

const server = spawn(process.execPath, ["--import", "tsx", "supervisore.ts"], {
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "production", DEMO_LOGIN: process.env.DEMO_LOGIN ?? "1" },
});
for (const s of ["SIGINT", "SIGTERM"] as const) process.on(s, () => server.kill(s));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
