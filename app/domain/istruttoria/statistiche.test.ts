import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { addDays } from "../date";
import { STATI_DOMANDA } from "../stati";
import { statisticheUfficio, type CasoPerStatistica } from "./statistiche";

const caso = (c: Partial<CasoPerStatistica>): CasoPerStatistica => ({
  stato: "inviata", operatore: null, inviataIl: "2026-03-01", decisaIl: null, scadenza: "2026-05-15", ...c,
});

describe("statistiche dell'ufficio", () => {
  it("carico per operatore, non assegnate, età, mediana e termine", () => {
    const s = statisticheUfficio([
      caso({}),
      caso({ inviataIl: "2026-01-10", scadenza: "2026-03-26" }),
      caso({ stato: "in_istruttoria", operatore: "Rossi" }),
      caso({ stato: "sospesa", operatore: "Rossi" }),
      caso({ stato: "autorizzata", operatore: "Bianchi", inviataIl: "2026-01-01", decisaIl: "2026-02-10", scadenza: "2026-03-17" }),
      caso({ stato: "respinta", operatore: "Bianchi", inviataIl: "2026-01-01", decisaIl: "2026-03-31", scadenza: "2026-03-17" }),
    ], "2026-04-01");
    expect(s.perStato.inviata).toBe(2);
    expect(s.perOperatore).toEqual([
      { operatore: "Bianchi", inIstruttoria: 0, sospese: 0, decise: 2 },
      { operatore: "Rossi", inIstruttoria: 1, sospese: 1, decise: 0 },
    ]);
    expect(s.nonAssegnate).toBe(2);
    expect(s.perEta.map((f) => f.domande)).toEqual([0, 0, 3, 1]); // 31 giorni dal 01/03 al 01/04; 81 dal 10/01
    expect(s.medianaGiorniDecisione).toBe((40 + 89) / 2);
    expect(s.oltreTermine).toBe(1);
    expect(s.deciseOltreTermine).toBe(1);
  });
  it("senza decisioni la mediana non esiste", () => {
    expect(statisticheUfficio([caso({})], "2026-04-01").medianaGiorniDecisione).toBeNull();
  });
  it("proprietà: i conteggi tornano e la mediana sta tra la minima e la massima durata", () => {
    const arb = fc.record({
      stato: fc.constantFrom(...STATI_DOMANDA),
      operatore: fc.option(fc.constantFrom("Rossi", "Bianchi", "Verdi")),
      invio: fc.integer({ min: 0, max: 300 }),
      durata: fc.integer({ min: 0, max: 200 }),
    });
    fc.assert(
      fc.property(fc.array(arb, { maxLength: 40 }), (righe) => {
        const casi = righe.map((r) => {
          const inviataIl = addDays("2025-06-01", r.invio);
          const deciso = ["autorizzata", "autorizzata_parziale", "respinta"].includes(r.stato);
          return caso({ stato: r.stato, operatore: r.operatore, inviataIl, decisaIl: deciso ? addDays(inviataIl, r.durata) : null, scadenza: addDays(inviataIl, 75) });
        });
        const s = statisticheUfficio(casi, "2026-06-01");
        expect(Object.values(s.perStato).reduce((a, b) => a + b, 0)).toBe(casi.length);
        const aperti = casi.filter((c) => ["inviata", "in_istruttoria", "sospesa"].includes(c.stato)).length;
        expect(s.perEta.reduce((a, f) => a + f.domande, 0)).toBe(aperti);
        const durate = casi.filter((c) => c.decisaIl).map((c) => righe[casi.indexOf(c)].durata);
        if (durate.length) {
          expect(s.medianaGiorniDecisione!).toBeGreaterThanOrEqual(Math.min(...durate));
          expect(s.medianaGiorniDecisione!).toBeLessThanOrEqual(Math.max(...durate));
        }
      }),
    );
  });
});
