// Every top-level zod schema of the modules components import is built inside `schema(() => …)` (ADR 014): one
// written bare keeps zod in the browser bundle of every page whose components read a label from its module.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { schema } from "./schema";

const CARTELLE = ["app/passi", "app/passi/schemi", "app/moduli"];
const SCHEMA_NUDO = /^(export )?const \w+(: [^=]*)? = z\b/m;

describe("schemi dietro schema(() => …)", () => {
  it("returns what the definition builds", () => {
    expect(schema(() => 42)).toBe(42);
  });

  it("no module of the forms declares a bare top-level zod schema", () => {
    const nudi: string[] = [];
    for (const cartella of CARTELLE) {
      for (const file of readdirSync(cartella).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))) {
        const testo = readFileSync(join(cartella, file), "utf8");
        if (SCHEMA_NUDO.test(testo)) nudi.push(join(cartella, file));
      }
    }
    expect(nudi).toEqual([]);
  });
});
