import { describe, expect, it } from "vitest";
import { adesso, oggi } from "./orologio.server";

describe("orologio della piattaforma", () => {
  it("usa l'ora fissata fuori produzione, in Europe/Rome", () => {
    expect(oggi({ OMNIA_ORA_FISSA: "2026-02-09T23:30:00Z", NODE_ENV: "test" })).toBe("2026-02-10");
  });

  it("in produzione ignora l'ora fissata", () => {
    const prima = Date.now();
    const t = adesso({ OMNIA_ORA_FISSA: "2020-01-01T00:00:00Z", NODE_ENV: "production" }).getTime();
    expect(t).toBeGreaterThanOrEqual(prima);
  });

  it("in un ambiente dimostrativo di produzione (DEMO_LOGIN=1) la accetta", () => {
    expect(oggi({ OMNIA_ORA_FISSA: "2026-02-10T09:00:00+01:00", NODE_ENV: "production", DEMO_LOGIN: "1" })).toBe("2026-02-10");
  });

  it("ignora un valore non valido", () => {
    expect(adesso({ OMNIA_ORA_FISSA: "domani", NODE_ENV: "test" }).getTime()).toBeGreaterThan(Date.parse("2026-01-01"));
  });
});
