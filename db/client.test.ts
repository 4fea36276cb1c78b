import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CartellaDatiNonScrivibile, preparaCartella } from "./client";

describe("preparaCartella (the PGlite folder on a fresh clone)", () => {
  const radici: string[] = [];
  afterEach(() => {
    for (const r of radici.splice(0)) rmSync(r, { recursive: true, force: true });
  });

  it("creates the folder and its missing parents", () => {
    const radice = mkdtempSync(join(tmpdir(), "omnia-cartella-"));
    radici.push(radice);
    const dir = join(radice, ".data", "pglite");
    preparaCartella(dir);
    expect(existsSync(dir)).toBe(true);
    preparaCartella(dir); // a second start finds it already there
  });

  it("stops with an Italian message naming the folder and the ways out when it cannot be created", () => {
    const radice = mkdtempSync(join(tmpdir(), "omnia-cartella-"));
    radici.push(radice);
    const file = join(radice, "un-file");
    writeFileSync(file, "");
    const dir = join(file, "pglite");
    expect(() => preparaCartella(dir)).toThrow(CartellaDatiNonScrivibile);
    expect(() => preparaCartella(dir)).toThrow(/Impossibile usare la cartella .*un-file\/pglite.*PGLITE_DIR.*DATABASE_URL/);
  });
});
