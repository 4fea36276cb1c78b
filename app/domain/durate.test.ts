import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { addDays, finestraSettimane, isFestivo } from "./date";
import {
  giorniUtilizzati, settimaneDaGiorni, settimaneNelQuinquennio, verificaDurataCigo, verificaDurataFis, verificaDurataFondo,
  verificaGiorniCisoa,
} from "./durate";
import type { PeriodoPrecedente, PeriodoRichiesto } from "./tipi";

const UP = "C1-UP1";
const cigo = (inizio: string, fine: string, extra: Partial<PeriodoRichiesto> = {}): PeriodoRichiesto => ({
  inizio, fine, prestazione: "CIGO", unitaProduttiva: UP, eone: false, ...extra,
});
// Alike durate.art4.test.ts's richiesta (duplicates): a fixture builder of another type (an earlier period, not a
// requested one)
const precedente = (inizio: string, fine: string, extra: Partial<PeriodoPrecedente> = {}): PeriodoPrecedente => ({
  inizio, fine, prestazione: "CIGO", unitaProduttiva: UP, eone: false, ...extra,
});
/** Un periodo con esattamente `n` giorni fruiti lavorabili, a partire da `da` (domeniche e festivi saltati). */
function fruiti(da: string, n: number, extra: Partial<PeriodoPrecedente> = {}): PeriodoPrecedente {
  const giorni: string[] = [];
  let d = da;
  while (giorni.length < n) {
    if (!isFestivo(d)) giorni.push(d);
    d = addDays(d, 1);
  }
  return precedente(da, giorni.at(-1)!, { giorniFruiti: giorni, ...extra });
}

// Richiesta di 4 settimane senza festività: 24 giorni lavorabili su 6.
const RICHIESTA = cigo("2026-05-04", "2026-05-30");
const FINESTRA = finestraSettimane("2026-05-30", 104);

describe("conteggio a giorni", () => {
  it("settimane = giorni ÷ 6 o ÷ 5, senza arrotondamento", () => {
    expect(settimaneDaGiorni(3, 5, "2026-01-01")).toBeCloseTo(0.6);
    expect(settimaneDaGiorni(3, 6, "2026-01-01")).toBe(0.5);
  });
  it("un giorno presente in più periodi conta una volta; i giorni fuori finestra no", () => {
    const p = [precedente("2026-01-05", "2026-01-10"), precedente("2026-01-08", "2026-01-12")];
    expect(giorniUtilizzati(p, { inizio: "2026-01-01", fine: "2026-01-31" }, 6).size).toBe(6); // 6/1 festivo, 11/1 domenica
    expect(giorniUtilizzati(p, { inizio: "2026-01-09", fine: "2026-01-31" }, 6).size).toBe(3);
    expect(giorniUtilizzati(p, { inizio: "2026-02-01", fine: "2026-02-28" }, 6).size).toBe(0);
  });
});

describe("CIGO: 13 settimane continue per domanda", () => {
  it("D1: 02/02–26/04/2026 sono 12 settimane", () => {
    const r = verificaDurataCigo({ richiesta: cigo("2026-02-02", "2026-04-26"), precedenti: [], giorniSettimanali: 6, ediliziaLapidei: false });
    const e = r.esiti.find((x) => x.regola === "durata.cigo.continue")!;
    expect(e).toMatchObject({ gravita: "informazione", dati: { settimaneContinue: 12 } });
  });
  it("91 giorni ammessi, 92 bloccanti", () => {
    const continua = (fine: string) =>
      verificaDurataCigo({ richiesta: cigo("2026-02-02", fine), precedenti: [], giorniSettimanali: 6, ediliziaLapidei: false })
        .esiti.find((x) => x.regola === "durata.cigo.continue")!.gravita;
    expect(continua("2026-05-03")).toBe("informazione");
    expect(continua("2026-05-04")).toBe("bloccante");
  });
});

describe("CIGO: 52 settimane nel biennio mobile", () => {
  const biennio = (precedenti: PeriodoPrecedente[], extra: Partial<Parameters<typeof verificaDurataCigo>[0]> = {}) =>
    verificaDurataCigo({ richiesta: RICHIESTA, precedenti, giorniSettimanali: 6, ediliziaLapidei: false, nomeUnitaProduttiva: "Padova", ...extra });

  it("48 settimane usate + 4 richieste = 52: ammesso; una giornata in più: bloccante", () => {
    const ok = biennio([fruiti(FINESTRA.inizio, 48 * 6)]);
    expect(ok.settimaneUtilizzate).toBe(48);
    expect(ok.settimaneRichieste).toBe(4);
    const e = ok.esiti.find((x) => x.regola === "durata.cigo.biennio")!;
    expect(e.gravita).toBe("informazione");
    expect(e.messaggio).toMatch(/^Hai già utilizzato 48 settimane su 52 nel biennio mobile 02\/06\/2024–30\/05\/2026 per l'unità produttiva Padova/);
    const ko = biennio([fruiti(FINESTRA.inizio, 48 * 6 + 1)]);
    expect(ko.esiti.find((x) => x.regola === "durata.cigo.biennio")!.gravita).toBe("bloccante");
    expect(ko.settimaneResidue).toBeCloseTo(4 - 1 / 6);
  });
  it("i giorni fuori dal biennio, di altre unità o prestazioni non contano", () => {
    const r = biennio([
      fruiti(addDays(FINESTRA.inizio, -400), 300),
      fruiti(FINESTRA.inizio, 300, { unitaProduttiva: "C1-UP2" }),
      fruiti(FINESTRA.inizio, 300, { prestazione: "AIS_FIS" }),
    ]);
    expect(r.settimaneUtilizzate).toBe(0);
  });
  it("EONE esclusi dal limite, salvo edilizia e lapidei (D2)", () => {
    const eone = [fruiti(FINESTRA.inizio, 300, { eone: true })];
    expect(biennio(eone).settimaneUtilizzate).toBe(0);
    expect(biennio(eone, { ediliziaLapidei: true }).settimaneUtilizzate).toBe(50);
    const d2 = verificaDurataCigo({
      richiesta: cigo("2025-07-14", "2025-07-21", { eone: true, giorni: ["2025-07-14", "2025-07-15", "2025-07-21"], unitaProduttiva: "C2-UP1" }),
      precedenti: [], giorniSettimanali: 5, ediliziaLapidei: true,
    });
    expect(d2.settimaneRichieste).toBeCloseTo(0.6);
    const nonEdile = verificaDurataCigo({ richiesta: cigo("2025-07-14", "2025-07-21", { eone: true }), precedenti: eone, giorniSettimanali: 6, ediliziaLapidei: false });
    expect(nonEdile.esiti.find((x) => x.regola === "durata.cigo.biennio")!.messaggio).toMatch(/non contano/);
  });
  it("con la settimana corta i sabati non sono lavorabili", () => {
    expect(biennio([], { giorniSettimanali: 5 }).settimaneRichieste).toBe(4);
  });
});

describe("CIGO: 52 settimane consecutive e poi 52 di attività normale", () => {
  it("blocca una nuova domanda prima delle 52 settimane di attività normale", () => {
    const lunga = [precedente("2024-01-01", "2024-12-29")]; // 52 settimane esatte
    const r = verificaDurataCigo({ richiesta: cigo("2025-06-02", "2025-06-14"), precedenti: lunga, giorniSettimanali: 6, ediliziaLapidei: false });
    const e = r.esiti.find((x) => x.regola === "durata.cigo.consecutive")!;
    expect(e.gravita).toBe("bloccante");
    expect(e.dati.ripresaPossibileDal).toBe("2025-12-29");
    const dopo = verificaDurataCigo({ richiesta: cigo("2025-12-29", "2026-01-10"), precedenti: lunga, giorniSettimanali: 6, ediliziaLapidei: false });
    expect(dopo.esiti.find((x) => x.regola === "durata.cigo.consecutive")!.gravita).toBe("informazione");
  });
  it("blocca una proroga che porta la serie oltre 52 settimane", () => {
    const serie = [precedente("2025-01-06", "2025-04-06"), precedente("2025-04-07", "2025-07-06"), precedente("2025-07-07", "2025-10-05"), precedente("2025-10-06", "2025-12-28")];
    const ok = verificaDurataCigo({ richiesta: cigo("2025-12-29", "2026-01-04"), precedenti: serie, giorniSettimanali: 6, ediliziaLapidei: true });
    expect(ok.esiti.find((x) => x.regola === "durata.cigo.consecutive")!.gravita).toBe("informazione");
    const ko = verificaDurataCigo({ richiesta: cigo("2025-12-29", "2026-01-05"), precedenti: serie, giorniSettimanali: 6, ediliziaLapidei: true });
    expect(ko.esiti.find((x) => x.regola === "durata.cigo.consecutive")!.gravita).toBe("bloccante");
  });
});

describe("CIGO: un terzo delle ore lavorabili (provvisoria)", () => {
  // C1-UP1: 30 × 40 h e 2 × 20 h → 1.240 h/settimana × 104 / 3 = 42.986,66 h.
  const media = [{ orarioSettimanale: 40, lavoratori: 30 }, { orarioSettimanale: 20, lavoratori: 2 }];
  const terzo = (precedenti: PeriodoPrecedente[], oreRichieste: number) =>
    verificaDurataCigo({ richiesta: cigo("2026-02-02", "2026-04-26"), precedenti, giorniSettimanali: 6, ediliziaLapidei: false, mediaOccupati: media, oreRichieste })
      .esiti.find((x) => x.regola === "durata.cigo.terzoOre")!;
  it("D1: 20 lavoratori × 16 ore × 12 settimane = 3.840 ore, entro il limite", () => {
    const e = terzo([], 3840);
    expect(e).toMatchObject({ gravita: "informazione", provvisorio: true, dati: { limiteOre: 42986.66 } });
    expect(e.messaggio).toMatch(/Regola provvisoria/);
  });
  it("al limite esatto ammesso, un centesimo d'ora oltre bloccante; i periodi a cavallo contano in proporzione", () => {
    expect(terzo([precedente("2025-01-06", "2025-03-30", { oreAutorizzate: 39146.66 })], 3840).gravita).toBe("informazione");
    expect(terzo([precedente("2025-01-06", "2025-03-30", { oreAutorizzate: 39146.67 })], 3840).gravita).toBe("bloccante");
    // Metà del periodo (14 giorni su 28) cade fuori dal biennio che inizia il 30/04/2024.
    const cavallo = terzo([precedente("2024-04-15", "2024-05-12", { oreAutorizzate: 1000 })], 0);
    expect(cavallo.dati.oreAutorizzateBiennio).toBe(500);
    expect(terzo([precedente("2025-01-06", "2025-03-30")], 0).dati.oreAutorizzateBiennio).toBe(0);
  });
});

describe("FIS e fondi", () => {
  const fis = (richiesta: PeriodoRichiesto, precedenti: PeriodoPrecedente[], dipendentiMedi: number, causaleStraordinaria?: boolean) =>
    verificaDurataFis({ richiesta, precedenti, giorniSettimanali: 6, dipendentiMedi, causaleStraordinaria });
  const richiestaFis = cigo("2026-05-04", "2026-05-30", { prestazione: "AIS_FIS", unitaProduttiva: "C3-UP1" });
  it("D3: 8 settimane con ≤5 dipendenti: limite 13 nel biennio", () => {
    const r = fis(cigo("2026-03-02", "2026-04-25", { prestazione: "AIS_FIS", unitaProduttiva: "C3-UP1" }), [], 4);
    expect(r.settimaneMassime).toBe(13);
    expect(r.esiti[0].gravita).toBe("informazione");
  });
  it("5 dipendenti: 9 + 4 = 13 ammesse, 10 + 4 bloccanti; 6 dipendenti: limite 26", () => {
    const usati = (n: number) => [fruiti(finestraSettimane("2026-05-30", 104).inizio, n * 6, { prestazione: "AIS_FIS", unitaProduttiva: "C3-UP1" })];
    expect(fis(richiestaFis, usati(9), 5).esiti[0].gravita).toBe("informazione");
    expect(fis(richiestaFis, usati(10), 5).esiti[0].gravita).toBe("bloccante");
    expect(fis(richiestaFis, usati(10), 6)).toMatchObject({ settimaneMassime: 26, esiti: [{ gravita: "informazione" }] });
  });
  it("causali straordinarie fino a 15 dipendenti", () => {
    expect(fis(richiestaFis, [], 15, true).esiti[1].gravita).toBe("informazione");
    expect(fis(richiestaFis, [], 16, true).esiti[1]).toMatchObject({ gravita: "bloccante", regola: "durata.fis.causaleStraordinaria" });
  });
  it("D4: fondo attività professionali, 4 settimane su 13 (parametro provvisorio)", () => {
    const r = verificaDurataFondo({
      richiesta: { ...cigo("2026-03-02", "2026-03-28"), prestazione: "AIS_FONDO", fondo: "ATTIVITA_PROFESSIONALI", unitaProduttiva: "C4-UP1" },
      precedenti: [], giorniSettimanali: 5,
    });
    expect(r).toMatchObject({ settimaneMassime: 13, settimaneRichieste: 4 });
    expect(r.esiti[0]).toMatchObject({ gravita: "informazione", provvisorio: true });
  });
});

describe("CISOA: 90 giorni per lavoratore nell'anno", () => {
  const giorni = (da: string, n: number) => Array.from({ length: n }, (_, i) => addDays(da, i));
  it("90 giorni ammessi, 91 bloccanti", () => {
    expect(verificaGiorniCisoa({ cf: "DMSRNI95E60Z129K", giorniPrecedenti: giorni("2026-01-01", 87), giorniRichiesti: giorni("2026-04-01", 3) }).esito.gravita).toBe("informazione");
    const ko = verificaGiorniCisoa({ cf: "DMSRNI95E60Z129K", nominativo: "Irina Dimostrato", giorniPrecedenti: giorni("2026-01-01", 88), giorniRichiesti: giorni("2026-04-01", 3) });
    expect(ko.esito).toMatchObject({ gravita: "bloccante" });
    expect(ko.esito.messaggio).toMatch(/^Irina Dimostrato: nel 2026 i giorni di CISOA sarebbero 91/);
  });
  it("i giorni in deroga (DL 92/2025) non si contano; l'anno si conta per anno solare", () => {
    const r = verificaGiorniCisoa({ cf: "X", giorniPrecedenti: giorni("2025-07-01", 95), giorniRichiesti: ["2025-12-31", "2026-01-01"] });
    expect(r.perAnno).toEqual([
      { anno: 2025, giorniComputati: 0, giorniInDeroga: 96, residui: 90 },
      { anno: 2026, giorniComputati: 1, giorniInDeroga: 0, residui: 89 },
    ]);
    expect(r.esito.messaggio).toMatch(/in deroga, non computati/);
  });
  it("servono i giorni richiesti", () => {
    expect(() => verificaGiorniCisoa({ cf: "X", giorniPrecedenti: [], giorniRichiesti: [] })).toThrow(RangeError);
  });
});

describe("quinquennio mobile", () => {
  it("conta le settimane dei cinque anni che finiscono alla data", () => {
    const p = [precedente("2021-03-01", "2021-03-11"), precedente("2024-03-04", "2024-03-09")];
    expect(settimaneNelQuinquennio(p, "2026-03-11", 6)).toBe(1);
    // La finestra che finisce il 28/02/2026 parte dal 01/03/2021: 10 giorni lavorabili in più.
    expect(settimaneNelQuinquennio(p, "2026-02-28", 6)).toBeCloseTo(16 / 6);
  });
});

describe("proprietà dei limiti", () => {
  const periodo = fc
    .tuple(fc.integer({ min: 0, max: 1500 }), fc.integer({ min: 0, max: 120 }), fc.boolean(), fc.boolean())
    .map(([inizio, durata, eone, conFruiti]) => {
      const i = addDays("2022-01-03", inizio);
      const f = addDays(i, durata);
      return precedente(i, f, { eone, giorniFruiti: conFruiti ? [i, addDays(i, 1), f] : undefined });
    });
  it("le settimane usate non superano mai quelle della finestra", () => {
    fc.assert(
      fc.property(fc.array(periodo, { maxLength: 25 }), fc.constantFrom(5 as const, 6 as const), (precedenti, g) => {
        const r = verificaDurataCigo({ richiesta: RICHIESTA, precedenti, giorniSettimanali: g, ediliziaLapidei: true });
        expect(r.settimaneUtilizzate).toBeLessThanOrEqual(104);
        expect(r.settimaneUtilizzate + r.settimaneRichieste).toBeLessThanOrEqual(104);
      }),
    );
  });
  it("il risultato non dipende dall'ordine dei periodi precedenti", () => {
    fc.assert(
      fc.property(fc.array(periodo, { maxLength: 12 }).chain((a) => fc.tuple(fc.constant(a), fc.shuffledSubarray(a, { minLength: a.length, maxLength: a.length }))), ([a, b]) => {
        const calcola = (precedenti: PeriodoPrecedente[]) =>
          verificaDurataCigo({ richiesta: RICHIESTA, precedenti, giorniSettimanali: 6, ediliziaLapidei: false, mediaOccupati: [{ orarioSettimanale: 40, lavoratori: 10 }], oreRichieste: 100 });
        const x = calcola(a);
        const y = calcola(b);
        expect(y.esiti.map((e) => [e.gravita, e.messaggio])).toEqual(x.esiti.map((e) => [e.gravita, e.messaggio]));
        expect(y.settimaneUtilizzate).toBe(x.settimaneUtilizzate);
      }),
    );
  });
});
