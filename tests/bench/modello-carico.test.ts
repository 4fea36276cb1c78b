// The cluster bench's load model (bench/lib/cluster/carico.ts): the think times and the order of arrival are what the
// README says they are, so the figures measured with them mean what the README says.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generatore, ordineDiArrivo, tempoDiPensiero } from "../../bench/lib/cluster/carico";

describe("think time", () => {
  it("is a negative exponential with the given mean, truncated at ten times the mean", () => {
    const caso = generatore(7);
    const n = 200_000;
    const tempi = Array.from({ length: n }, () => tempoDiPensiero(7000, caso));
    const media = tempi.reduce((s, t) => s + t, 0) / n;
    // Truncation at 10× removes e^-10 of the mass: the mean stays within 1% of 7 s.
    expect(media).toBeGreaterThan(6930);
    expect(media).toBeLessThan(7070);
    const ordinati = [...tempi].sort((a, b) => a - b);
    expect(ordinati[n - 1]).toBeLessThanOrEqual(70_000);
    expect(ordinati[0]).toBeGreaterThanOrEqual(0);
    // The median of an exponential is ln 2 × the mean.
    expect(ordinati[n / 2] / 7000).toBeCloseTo(Math.LN2, 1);
  });

  it("is zero without a mean (the saturation run)", () => {
    const caso = generatore(1);
    expect(tempoDiPensiero(0, caso)).toBe(0);
  });

  it("is the same for the same seed", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), (seme) => {
        const a = generatore(seme);
        const b = generatore(seme);
        for (let i = 0; i < 20; i++) expect(tempoDiPensiero(2000, a)).toBe(tempoDiPensiero(2000, b));
      }),
    );
  });
});

describe("order of arrival", () => {
  it("keeps every user and spreads each kind over the whole ramp", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 120 }), fc.integer({ min: 1, max: 120 }), fc.integer({ min: 1, max: 30 }), (a, b, c) => {
        const ordine = ordineDiArrivo({ intermediario: a, datore: b, operatore: c });
        expect(ordine.length).toBe(a + b + c);
        for (const [tipo, n] of [["intermediario", a], ["datore", b], ["operatore", c]] as const) {
          const posti = ordine.flatMap((t, i) => (t === tipo ? [i] : []));
          expect(posti.length).toBe(n);
          // Each kind's first arrival comes within the first 1/n of the ramp (plus the others' share), its last in the last.
          expect(posti[0] / ordine.length).toBeLessThanOrEqual(1 / n + 0.5 / Math.min(a, b, c) + 0.01);
          expect(posti[n - 1] / ordine.length).toBeGreaterThanOrEqual(1 - 1 / n - 0.5 / Math.min(a, b, c) - 0.01);
        }
      }),
    );
  });

  it("puts the operators among the applicants, not after them", () => {
    const ordine = ordineDiArrivo({ intermediario: 90, datore: 90, operatore: 20 });
    const operatori = ordine.flatMap((t, i) => (t === "operatore" ? [i] : []));
    expect(operatori[0]).toBeLessThan(10);
    expect(operatori[19]).toBeGreaterThan(190);
  });
});
