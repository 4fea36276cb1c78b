// The smallest ServerBuild Remix serves, around the routes and the entry module a test gives it: production mode and
// no browser assets.
import type { ServerBuild } from "@remix-run/node";

type Entry = { default: (...argomenti: never[]) => Response; handleError: () => void };

export function buildDiProva(routes: Record<string, unknown>, entry: Entry): ServerBuild {
  return {
    mode: "production",
    entry: { module: entry },
    routes,
    assets: { entry: { imports: [], module: "/build/entry.js" }, routes: {}, url: "/build/manifest.js", version: "1" },
    publicPath: "/build/",
    assetsBuildDirectory: "public/build",
    future: {},
    isSpaMode: false,
  } as unknown as ServerBuild;
}
