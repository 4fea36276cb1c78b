import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { addDays, giornoSettimana, isFestivo } from "./date";
import { verificaDurataCigo, verificaLimiteComplessivo } from "./durate";
import type { PeriodoPrecedente, PeriodoRichiesto } from "./tipi";

const UP = "C1-UP1";
// Alike durate.test.ts's precedente (duplicates): a fixture builder of another type (a requested period, not an earlier
// one)
const richiesta = (inizio: string, fine: string, extra: Partial<PeriodoRichiesto> = {}): PeriodoRichiesto => ({
  inizio, fine, prestazione: "CIGO", unitaProduttiva: UP, eone: false, ...extra,
});
/** Un periodo di CIGO con esattamente `n` giorni fruiti lavorabili sulla settimana corta, da `da`. */
function fruiti(da: string, n: number, extra: Partial<PeriodoPrecedente> = {}): PeriodoPrecedente {
  const giorni: string[] = [];
  let d = da;
  while (giorni.length < n) {
    if (!isFestivo(d) && giornoSettimana(d) !== 6) giorni.push(d);
    d = addDays(d, 1);
  }
  return { inizio: da, fine: giorni.at(-1)!, prestazione: "CIGO", unitaProduttiva: UP, eone: false, giorniFruiti: giorni, ...extra };
}

// Quattro settimane senza festività (20 giorni lavorabili su 5): maggio 2026.
const RICHIESTA = richiesta("2026-05-04", "2026-05-29");
const comune = { giorniSettimanali: 5 as const, ediliziaLapidei: false, nomeUnitaProduttiva: "Padova" };

describe("art. 4: 24 mesi (30 per edilizia e lapidei) nel quinquennio mobile", () => {
  it("102 settimane già utilizzate più 4 richieste superano le 104 settimane (24 mesi)", () => {
    const precedenti = [fruiti("2022-01-10", 255), fruiti("2024-01-08", 255)];
    const r = verificaLimiteComplessivo({ ...comune, richiesta: RICHIESTA, precedenti });
    expect(r.settimaneUtilizzate).toBe(102);
    expect(r.settimaneRichieste).toBe(4);
    expect(r.settimaneMassime).toBe(104);
    expect(r.esito.gravita).toBe("bloccante");
    expect(r.esito.riferimento).toBe("art. 4 d.lgs. 148/2015 c.1");
    expect(r.esito.messaggio).toMatch(/ne restano 2\b/);
  });
  it("per edilizia e lapidei il limite è 30 mesi, cioè 130 settimane: le stesse settimane stanno nel limite", () => {
    const precedenti = [fruiti("2022-01-10", 255), fruiti("2024-01-08", 255)];
    const r = verificaLimiteComplessivo({ ...comune, ediliziaLapidei: true, richiesta: RICHIESTA, precedenti });
    expect(r.settimaneMassime).toBe(130);
    expect(r.esito.gravita).toBe("informazione");
    expect(r.esito.riferimento).toMatch(/c\.2$/);
  });
  it("contano anche i periodi di CIGS; non contano altre unità, altre prestazioni e i periodi fuori dai cinque anni", () => {
    const r = verificaLimiteComplessivo({
      ...comune,
      richiesta: RICHIESTA,
      precedenti: [
        fruiti("2021-01-11", 80), // finisce a inizio maggio 2021, prima della finestra
        fruiti("2025-01-13", 50, { unitaProduttiva: "C1-UP2" }),
        fruiti("2025-03-03", 50, { prestazione: "AIS_FIS" }),
        fruiti("2025-06-02", 25),
      ],
      periodiCigs: [{ inizio: "2025-09-01", fine: "2025-09-30" }],
    });
    // 25 giorni di CIGO + 22 giorni lavorativi di CIGS (settembre 2025, senza festività) = 47 giorni = 9,4 settimane.
    expect(r.settimaneUtilizzate).toBeCloseTo(9.4);
    expect(r.finestra).toEqual({ inizio: "2021-05-30", fine: "2026-05-29" });
  });
  it("il parametro incerto sugli EONE entra nella spiegazione solo se un periodo EONE è in gioco", () => {
    const senza = verificaLimiteComplessivo({ ...comune, richiesta: RICHIESTA, precedenti: [fruiti("2025-06-02", 10)] });
    expect(senza.esito.provvisorio).toBe(false);
    const conEone = verificaLimiteComplessivo({ ...comune, richiesta: RICHIESTA, precedenti: [fruiti("2025-06-02", 10, { eone: true })] });
    expect(conEone.esito.provvisorio).toBe(true);
    expect(conEone.esito.messaggio).toMatch(/Regola provvisoria: non è confermato se i periodi per eventi oggettivamente non evitabili/);
    expect(conEone.settimaneUtilizzate).toBe(2);
  });
  it("la verifica della CIGO comprende l'art. 4, anche per una domanda EONE fuori da edilizia e lapidei", () => {
    const ordinaria = verificaDurataCigo({ ...comune, richiesta: RICHIESTA, precedenti: [] });
    expect(ordinaria.esiti.map((e) => e.regola)).toContain("durata.art4.complessiva");
    const eone = verificaDurataCigo({ ...comune, richiesta: { ...RICHIESTA, eone: true }, precedenti: [] });
    expect(eone.esiti.map((e) => e.regola)).toEqual(["durata.cigo.continue", "durata.cigo.biennio", "durata.art4.complessiva"]);
  });
});

describe("art. 4: proprietà", () => {
  const periodo = fc
    .tuple(fc.integer({ min: 0, max: 2200 }), fc.integer({ min: 1, max: 200 }), fc.boolean())
    .map(([offset, n, eone]) => fruiti(addDays("2020-01-06", offset), n, { eone }));
  it("le settimane utilizzate non superano quelle lavorabili della finestra e non dipendono dall'ordine", () => {
    fc.assert(
      fc.property(fc.array(periodo, { maxLength: 10 }), (precedenti) => {
        const a = verificaLimiteComplessivo({ ...comune, richiesta: RICHIESTA, precedenti });
        const b = verificaLimiteComplessivo({ ...comune, richiesta: RICHIESTA, precedenti: [...precedenti].reverse() });
        expect(b.settimaneUtilizzate).toBe(a.settimaneUtilizzate);
        expect(a.settimaneUtilizzate).toBeLessThanOrEqual((5 * 366) / 5 + 1);
        expect(a.esito.gravita === "bloccante").toBe(a.settimaneUtilizzate + a.settimaneRichieste > a.settimaneMassime);
      }),
      { numRuns: 40 },
    );
  });
  it("aggiungere un periodo non riduce mai le settimane utilizzate", () => {
    fc.assert(
      fc.property(fc.array(periodo, { maxLength: 8 }), periodo, (precedenti, altro) => {
        const prima = verificaLimiteComplessivo({ ...comune, richiesta: RICHIESTA, precedenti });
        const dopo = verificaLimiteComplessivo({ ...comune, richiesta: RICHIESTA, precedenti: [...precedenti, altro] });
        expect(dopo.settimaneUtilizzate).toBeGreaterThanOrEqual(prima.settimaneUtilizzate);
      }),
      { numRuns: 40 },
    );
  });
});
