import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  addDays, addMonths, addYears, anno, componiData, contiene, dateDi, diffDays, fineMese, finestraAnni, finestraSettimane,
  festivitaNazionali, formatDataItaliana, giorniInclusi, giorniLavorabili, giornoSettimana, intersezione, isFestivo,
  maxData, mese, minData, oggiRoma, orologioRoma, parseDataISO, parseDataItaliana, pasqua,
} from "./date";

describe("lettura e formato", () => {
  it("legge ISO e gg/mm/aaaa in modo rigoroso", () => {
    expect(parseDataISO("2024-02-29")).toBe("2024-02-29");
    expect(parseDataISO("2025-02-29")).toBeNull();
    expect(parseDataISO("2025-04-31")).toBeNull();
    expect(parseDataISO("2025-4-1")).toBeNull();
    expect(parseDataItaliana("31/12/2025")).toBe("2025-12-31");
    expect(parseDataItaliana("31/02/2025")).toBeNull();
    expect(parseDataItaliana("1/2/2025")).toBeNull();
    expect(parseDataItaliana("29/02/2000")).toBe("2000-02-29");
    expect(parseDataItaliana("29/02/1900")).toBeNull();
  });
  it("formatta gg/mm/aaaa e rifiuta date inesistenti", () => {
    expect(formatDataItaliana("2026-03-11")).toBe("11/03/2026");
    expect(() => formatDataItaliana("2026-02-30")).toThrow(RangeError);
    expect(() => componiData(2026, 13, 1)).toThrow(RangeError);
    expect(anno("2026-03-11")).toBe(2026);
    expect(mese("2026-03-11")).toBe(3);
  });
  it("andata e ritorno tra i due formati", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("1900-01-01"), max: new Date("2100-12-31"), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        expect(parseDataItaliana(formatDataItaliana(iso))).toBe(iso);
      }),
    );
  });
});

describe("aritmetica", () => {
  it("somma giorni attraverso il cambio d'ora e gli anni bisestili", () => {
    expect(addDays("2026-03-28", 2)).toBe("2026-03-30");
    expect(addDays("2025-10-25", 2)).toBe("2025-10-27");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2025-02-28", 1)).toBe("2025-03-01");
    expect(addDays("2025-12-31", 1)).toBe("2026-01-01");
    expect(diffDays("2026-01-01", "2025-12-31")).toBe(1);
    expect(diffDays("2025-12-31", "2026-01-01")).toBe(-1);
    expect(giorniInclusi({ inizio: "2026-02-02", fine: "2026-04-26" })).toBe(84);
  });
  it("addDays e diffDays sono inversi", () => {
    fc.assert(
      fc.property(fc.integer({ min: -40000, max: 40000 }), (n) => {
        expect(diffDays(addDays("2000-02-29", n), "2000-02-29")).toBe(n);
      }),
    );
  });
  it("somma mesi e anni fermandosi all'ultimo giorno del mese", () => {
    expect(addMonths("2025-01-31", 1)).toBe("2025-02-28");
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2025-11-30", 2)).toBe("2026-01-30");
    expect(addMonths("2025-03-15", -3)).toBe("2024-12-15");
    expect(addYears("2024-02-29", 1)).toBe("2025-02-28");
    expect(fineMese("2025-07-14", 1)).toBe("2025-08-31");
    expect(fineMese("2025-12-10", 1)).toBe("2026-01-31");
    expect(fineMese("2024-01-10", 1)).toBe("2024-02-29");
    expect(fineMese("2026-03-05")).toBe("2026-03-31");
  });
  it("confronta e interseca intervalli", () => {
    expect(minData("2026-01-02", "2026-01-01")).toBe("2026-01-01");
    expect(maxData("2026-01-02", "2026-01-01")).toBe("2026-01-02");
    expect(contiene({ inizio: "2026-01-01", fine: "2026-01-31" }, "2026-01-31")).toBe(true);
    expect(contiene({ inizio: "2026-01-01", fine: "2026-01-31" }, "2026-02-01")).toBe(false);
    expect(intersezione({ inizio: "2026-01-01", fine: "2026-01-10" }, { inizio: "2026-01-10", fine: "2026-01-20" }))
      .toEqual({ inizio: "2026-01-10", fine: "2026-01-10" });
    expect(intersezione({ inizio: "2026-01-01", fine: "2026-01-09" }, { inizio: "2026-01-10", fine: "2026-01-20" })).toBeNull();
    expect(dateDi({ inizio: "2024-02-28", fine: "2024-03-01" })).toEqual(["2024-02-28", "2024-02-29", "2024-03-01"]);
  });
});

describe("finestre mobili", () => {
  it("biennio mobile: 104 settimane che finiscono nell'ultimo giorno richiesto", () => {
    const f = finestraSettimane("2026-04-26", 104);
    expect(f).toEqual({ inizio: "2024-04-29", fine: "2026-04-26" });
    expect(giorniInclusi(f)).toBe(728);
  });
  it("quinquennio mobile: 5 anni di calendario, anche dal 29 febbraio", () => {
    expect(finestraAnni("2026-03-11", 5)).toEqual({ inizio: "2021-03-12", fine: "2026-03-11" });
    expect(finestraAnni("2028-02-29", 5)).toEqual({ inizio: "2023-03-01", fine: "2028-02-29" });
  });
});

describe("calendario", () => {
  it("calcola la Pasqua", () => {
    expect(pasqua(2024)).toBe("2024-03-31");
    expect(pasqua(2025)).toBe("2025-04-20");
    expect(pasqua(2026)).toBe("2026-04-05");
    expect(pasqua(2000)).toBe("2000-04-23");
  });
  it("elenca le festività nazionali con il Lunedì dell'Angelo e il 4 ottobre dal 2026", () => {
    const f2025 = festivitaNazionali(2025);
    expect(f2025).toContain("2025-04-21");
    expect(f2025).not.toContain("2025-10-04");
    expect(f2025).toHaveLength(12);
    expect(festivitaNazionali(2026)).toContain("2026-10-04");
    expect(festivitaNazionali(2026)).toContain("2026-04-06");
  });
  it("counts 17 March 2011 as a national holiday, and only in 2011 (D.L. 5/2011, art. 1)", () => {
    expect(isFestivo("2011-03-17")).toBe(true);
    expect(festivitaNazionali(2011)).toHaveLength(13);
    expect(isFestivo("2012-03-17")).toBe(false);
    expect(isFestivo("2026-03-17")).toBe(false);
    // Thursday 17 March 2011 is not a working day: the week 14–20 March has 5 on a six-day week.
    expect(giorniLavorabili({ inizio: "2011-03-14", fine: "2011-03-20" }, 6)).toBe(5);
  });
  it("riconosce domeniche e festivi e conta i giorni lavorabili", () => {
    expect(giornoSettimana("2026-02-02")).toBe(1);
    expect(isFestivo("2026-02-01")).toBe(true);
    expect(isFestivo("2026-06-02")).toBe(true);
    expect(isFestivo("2026-06-03")).toBe(false);
    // Settimana di Pasqua 2026: lunedì 6 aprile festivo.
    expect(giorniLavorabili({ inizio: "2026-04-06", fine: "2026-04-12" }, 6)).toBe(5);
    expect(giorniLavorabili({ inizio: "2026-04-06", fine: "2026-04-12" }, 5)).toBe(4);
  });
  it("oggiRoma usa il fuso di Roma a cavallo della mezzanotte", () => {
    expect(oggiRoma(new Date("2025-12-31T23:30:00Z"))).toBe("2026-01-01");
    expect(oggiRoma(new Date("2025-12-31T22:59:59Z"))).toBe("2025-12-31");
    // Ora legale: Roma è UTC+2.
    expect(oggiRoma(new Date("2026-06-30T22:30:00Z"))).toBe("2026-07-01");
    expect(oggiRoma(new Date("2026-06-30T21:59:00Z"))).toBe("2026-06-30");
  });
  it("orologioRoma segna l'ora di Roma anche nelle ore del cambio tra ora solare e legale", () => {
    // 29/03/2026: alle 01:00 UTC Roma passa dalle 02:00 alle 03:00; 25/10/2026: alle 01:00 UTC dalle 03:00 alle 02:00.
    expect(orologioRoma(new Date("2026-03-29T00:59:00Z"))).toMatchObject({ giorno: 29, ora: 1, minuto: 59 });
    expect(orologioRoma(new Date("2026-03-29T01:00:00Z"))).toMatchObject({ giorno: 29, ora: 3, minuto: 0 });
    expect(orologioRoma(new Date("2026-10-25T00:59:00Z"))).toMatchObject({ ora: 2, minuto: 59 });
    expect(orologioRoma(new Date("2026-10-25T01:00:00Z"))).toMatchObject({ ora: 2, minuto: 0 });
  });
  it("orologioRoma coincide con i dati dei fusi orari (Intl) per ogni istante dal 1980 al 2100", () => {
    const intl = new Intl.DateTimeFormat("en-CA", {
      timeZone: "Europe/Rome", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23",
    });
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1980, 0, 1), max: Date.UTC(2100, 0, 1) }), (t) => {
        const parti = intl.formatToParts(new Date(t));
        const v = (tipo: string) => Number(parti.find((p) => p.type === tipo)?.value);
        expect(orologioRoma(new Date(t))).toEqual({ anno: v("year"), mese: v("month"), giorno: v("day"), ora: v("hour"), minuto: v("minute") });
      }),
      { numRuns: 2000 },
    );
  });
});

describe("esempiPeriodo", () => {
  it("dal lunedì successivo a oggi, per quattro settimane: mai una data passata", async () => {
    const { esempiPeriodo } = await import("./date");
    expect(esempiPeriodo("2026-02-10")).toEqual({ inizio: "2026-02-16", fine: "2026-03-15" });
    expect(esempiPeriodo("2026-02-16")).toEqual({ inizio: "2026-02-23", fine: "2026-03-22" });
    expect(esempiPeriodo("2026-02-15")).toEqual({ inizio: "2026-02-16", fine: "2026-03-15" });
  });
});
