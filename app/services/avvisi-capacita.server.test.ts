import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { fileDellImpronta } from "./avvisi-capacita.server";

// Pages run the module from the Remix build, jobs from the sources' copy bundled in build/server.js (ADR 031): both
// must hash the same file, or each takes the other's stored warnings as not current.
describe("fileDellImpronta", () => {
  const radice = "/srv/omnia";
  const build = `${radice}/build/index.js`;
  const sorgente = pathToFileURL(`${radice}/app/services/avvisi-capacita.server.ts`).href;

  it("is the Remix build both for the copy inside it and for the sources' copy", () => {
    const esiste = (p: string) => p === build;
    expect(fileDellImpronta(pathToFileURL(build).href, esiste)).toBe(build);
    expect(fileDellImpronta(sorgente, esiste)).toBe(build);
  });

  it("is the module's own file when there is no build (the tests run the sources)", () => {
    expect(fileDellImpronta(sorgente, () => false)).toBe(`${radice}/app/services/avvisi-capacita.server.ts`);
  });
});
