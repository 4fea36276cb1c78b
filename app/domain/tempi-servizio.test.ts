import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "./date";
import { finestraTempiServizio, percentile, tempiServizio, type DecisioneRecente } from "./tempi-servizio";

const OGGI = "2026-11-30";

/** n decisions sent `durate[i]` days before being decided on `decisaIl`; the deadline is 75 days after sending. */
function decisioni(durate: number[], decisaIl = "2026-11-20"): DecisioneRecente[] {
  return durate.map((g) => ({ inviataIl: addDays(decisaIl, -g), decisaIl, scadenza: addDays(decisaIl, 75 - g) }));
}

describe("percentile (rango più vicino)", () => {
  it("gives the values by hand", () => {
    expect(percentile([], 50)).toBeNull();
    expect(percentile([7], 90)).toBe(7);
    expect(percentile([10, 20, 30, 40], 50)).toBe(20);
    expect(percentile([5, 1, 4, 2, 3, 10, 9, 8, 7, 6], 90)).toBe(9);
    expect(() => percentile([1], 0)).toThrow(RangeError);
  });
  it("is one of the values, between min and max, and grows with p", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 100 }), (v, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const x = percentile(v, lo)!;
        expect(v).toContain(x);
        expect(x).toBeGreaterThanOrEqual(Math.min(...v));
        expect(percentile(v, hi)!).toBeGreaterThanOrEqual(x);
      }),
    );
  });
});

describe("tempi del servizio", () => {
  it("computes median, 90th percentile, share within the limit and the expected date (hand-computed)", () => {
    // 12 CIGO decisions: 10, 20, …, 120 days. Median: position 6 → 60; p90: position ⌈10,8⌉ = 11 → 110.
    // Within 75 days: 10…70 → 7 of 12 = 58%.
    const t = tempiServizio({ prestazione: "CIGO", oggi: OGGI, decisioni: decisioni([10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120]), inAttesa: 25 });
    expect(t).toMatchObject({ decise: 12, soppresse: false, medianaGiorni: 60, percentile90Giorni: 110, quotaEntroTermine: 58, inAttesa: 25 });
    expect(t.dataAttesa).toBe("2027-01-29");
    expect(t.dataAttesa90).toBe("2027-03-20");
    expect(t.dataTermine).toBe("2027-02-13");
    expect(t.esiti.tempi.messaggio).toContain("posizione ⌈0,9 × 12⌉ = 11 (110 giorni)");
    expect(t.esiti.entroTermine.messaggio).toContain("7 ÷ 12 = 58%");
    expect(t.esiti.dataAttesa.provvisorio).toBe(false);
  });

  it("suppresses small numbers and says so; an uncertain limit is declared provisional", () => {
    const t = tempiServizio({ prestazione: "CISOA", oggi: OGGI, decisioni: decisioni([3, 4, 5]), inAttesa: 4 });
    expect(t).toMatchObject({ decise: 3, soppresse: true, medianaGiorni: null, percentile90Giorni: null, quotaEntroTermine: null, inAttesa: null, inAttesaSoppresse: true, dataAttesa: null });
    expect(t.esiti.tempi.messaggio).toContain("meno di 10 domande");
    expect(t.esiti.attesa.messaggio).toContain("meno di 10 domande");
    expect(t.esiti.dataAttesa.messaggio).toContain("30 giorni");
    expect(t.esiti.dataAttesa.provvisorio).toBe(true);
    // No case waiting is not a small number: zero is published.
    expect(tempiServizio({ prestazione: "CISOA", oggi: OGGI, decisioni: [], inAttesa: 0 }).inAttesa).toBe(0);
  });

  it("counts only the decisions of the last 90 days, today included", () => {
    const f = finestraTempiServizio(OGGI);
    expect(f).toEqual({ inizio: "2026-09-02", fine: OGGI });
    const dentro = decisioni(Array(10).fill(30), f.inizio);
    const fuori = decisioni([1], addDays(f.inizio, -1));
    expect(tempiServizio({ prestazione: "CIGO", oggi: OGGI, decisioni: [...dentro, ...fuori], inAttesa: 0 }).decise).toBe(10);
  });

  it("median never exceeds the 90th percentile; the share is a percentage", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 200 }), { minLength: 10, maxLength: 80 }), (durate) => {
        const t = tempiServizio({ prestazione: "CIGO", oggi: OGGI, decisioni: decisioni(durate), inAttesa: 0 });
        expect(t.medianaGiorni!).toBeLessThanOrEqual(t.percentile90Giorni!);
        expect(t.quotaEntroTermine!).toBeGreaterThanOrEqual(0);
        expect(t.quotaEntroTermine!).toBeLessThanOrEqual(100);
        expect(t.dataAttesa! <= t.dataAttesa90!).toBe(true);
      }),
    );
  });
});
