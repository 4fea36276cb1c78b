import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { attesaRiconnessione, CartellaDatiNonScrivibile, CONNESSIONI_PREDEFINITE, numeroConnessioni, preparaCartella } from "./client";

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

describe("numeroConnessioni (the pool of one server process)", () => {
  it("takes DATABASE_POOL_MAX when it is a positive integer, otherwise the default of ADR 034", () => {
    expect(numeroConnessioni({ DATABASE_POOL_MAX: "12" })).toBe(12);
    expect(numeroConnessioni({})).toBe(CONNESSIONI_PREDEFINITE);
    for (const sbagliato of ["0", "-3", "2.5", "dieci", ""]) expect(numeroConnessioni({ DATABASE_POOL_MAX: sbagliato })).toBe(CONNESSIONI_PREDEFINITE);
  });
});

describe("attesaRiconnessione (the pool's wait before connecting again)", () => {
  it("starts within 50 ms, grows with the failed attempts and never exceeds a second", () => {
    for (let tentativi = 0; tentativi <= 40; tentativi++) {
      const attesa = attesaRiconnessione(tentativi);
      expect(attesa).toBeGreaterThan(0);
      expect(attesa).toBeLessThanOrEqual(1);
      if (tentativi <= 1) expect(attesa).toBeLessThanOrEqual(0.1);
    }
    expect(attesaRiconnessione(20)).toBeGreaterThanOrEqual(0.5);
  });
});
