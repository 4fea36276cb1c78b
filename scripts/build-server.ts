// The server entry (server.ts and what it imports from db/, server/ and app/) bundled into build/server.js, so the
// production processes run plain JavaScript: no tsx in them (its loader thread and its copy of every module cost
// ~56 MB per process, issue 12). Packages stay in node_modules. `import.meta.url` of a source file keeps pointing
// at that file (the migrations folder beside db/client.ts, the PGlite folder), relative to the bundle.
import { readFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const radice = join(dirname(fileURLToPath(import.meta.url)), "..");
const uscita = join(radice, "build/server.js");

await build({
  entryPoints: [join(radice, "server.ts")],
  outfile: uscita,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  tsconfig: join(radice, "tsconfig.json"),
  logLevel: "warning",
  plugins: [
    {
      // Packages stay in node_modules; `~/` and `#db/` (tsconfig paths) are the project's own sources.
      name: "pacchetti-esterni",
      setup(b) {
        b.onResolve({ filter: /^[^./~#]/ }, (args) => ({ path: args.path, external: true }));
      },
    },
    {
      name: "import-meta-url-del-sorgente",
      setup(b) {
        b.onLoad({ filter: /\.tsx?$/ }, async (args) => {
          const testo = await readFile(args.path, "utf8");
          if (!testo.includes("import.meta.url")) return undefined;
          const daBundle = relative(dirname(uscita), args.path).split("\\").join("/");
          return { contents: testo.replaceAll("import.meta.url", `new URL(${JSON.stringify(daBundle)}, import.meta.url).href`), loader: args.path.endsWith("x") ? "tsx" : "ts" };
        });
      },
    },
  ],
});
console.info(`build/server.js: ${relative(radice, uscita)}`);
