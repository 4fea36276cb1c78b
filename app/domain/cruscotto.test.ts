import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  capacita, fasciaContributo, giorniCisoaLavoratori, periodoContinuo, periodoPerLimiti, proiettaEsaurimento, rigaAutorizzazione,
  scadenzeAutorizzazioni, type AutorizzazioneUnita,
} from "./cruscotto";
import { addDays, dateDi, giornoSettimana } from "./date";

const OGGI = "2026-11-30"; // a Monday
const feriali = (inizio: string, fine: string) => dateDi({ inizio, fine }).filter((d) => giornoSettimana(d) !== 0 && giornoSettimana(d) !== 6);

/** CIGO 07/09–02/10/2026 (20 working days), 320 hours for 10 workers; September reported: 10 days, 80 hours. */
const A: AutorizzazioneUnita = {
  domandaId: 1, domanda: "INPS-T-1", prestazione: "CIGO", fondo: null, eone: false, stato: "autorizzata", numero: "T1-01",
  inizio: "2026-09-07", fine: "2026-10-02", giorni: null, oreAutorizzate: 320, lavoratori: 10, modalitaPagamento: "diretto",
  dataProvvedimento: "2026-09-01",
  fruito: { giorni: feriali("2026-09-07", "2026-09-18"), oreCentesimi: 8000, mesi: ["2026-09"] },
};

describe("autorizzato e fruito di una domanda", () => {
  it("computes hours, days and weeks by hand", () => {
    const r = rigaAutorizzazione(A, 5);
    expect(r).toMatchObject({ giorniAutorizzati: 20, settimaneAutorizzate: 4, giorniFruiti: 10, settimaneFruite: 2, oreFruite: 80, oreResidue: 240 });
    expect(r.esito.messaggio).toContain("20 giorni lavorabili ÷ 5 = 4 settimane");
    expect(r.esito.messaggio).toContain("residue 320 − 80 = 240 ore");
  });

  it("counts reported months by fruito and the others by what was authorised", () => {
    const p = periodoPerLimiti(A, "UP", 5);
    expect(p.giorniFruiti).toHaveLength(12); // 10 used in September + 1 and 2 October, not yet reported
  });
});

describe("capacità residua", () => {
  it("CIGO: weeks left in the biennio, filing now, the run and the band (hand-computed)", () => {
    const c = capacita({
      oggi: OGGI, prestazione: "CIGO", fondo: null, unita: "UP", nomeUnita: "Reparto prova", giorniSettimanali: 5,
      ediliziaLapidei: false, dipendentiMedi: 10, mediaOccupati: [{ orarioSettimanale: 40, lavoratori: 10 }], autorizzazioni: [A],
    });
    expect(c.dal).toBe(OGGI);
    expect(c.settimaneUtilizzate).toBeCloseTo(2.4, 10);
    expect(c.settimaneResidue).toBeCloseTo(49.6, 10);
    expect(c.puoPresentare).toBe(true);
    // 1/3 of 40 h × 10 workers × 104 weeks = 13,866.66 h; 320 authorised.
    expect(c.terzoOre).toMatchObject({ limite: 13866.66, autorizzate: 320 });
    expect(c.terzoOre!.residue).toBeCloseTo(13546.66, 2);
    // 12 of the 65 working days of the last 13 weeks: 18%; far from the limit within the horizon.
    expect(c.proiezione.ritmo).toBeCloseTo(12 / 65, 10);
    expect(c.proiezione.esaurimento).toBeNull();
    expect(c.proiezione.esito.provvisorio).toBe(true);
    expect(c.proiezione.esito.messaggio).toContain("18%");

    const run = periodoContinuo({ oggi: OGGI, prestazione: "CIGO", nomeUnita: "Reparto prova", autorizzazioni: [A] });
    expect(run).toMatchObject({ inCorso: false, periodo: { inizio: "2026-09-07", fine: "2026-10-02" } });
    expect(run.settimane).toBeCloseTo(26 / 7, 10);

    const f = fasciaContributo({ oggi: OGGI, dal: c.dal, nomeUnita: "Reparto prova", unita: "UP", giorniSettimanali: 5, autorizzazioni: [A] });
    expect(f.settimaneQuinquennio).toBeCloseTo(2.4, 10);
    // The series began in 2026 after more than 24 months without integration: reduced rates (art. 5 c.1-ter), 6%.
    expect(f).toMatchObject({ aliquota: 600, ridotte: true });
    expect(f.esito.messaggio).toContain("al 6%");
  });

  it("FIS: a unit that used its 13 weeks cannot file; the probe starts after the last authorised day", () => {
    const pieno: AutorizzazioneUnita = {
      ...A, prestazione: "AIS_FIS", inizio: "2026-09-07", fine: "2026-12-04", oreAutorizzate: 1000, fruito: { giorni: [], oreCentesimi: 0, mesi: [] },
    };
    const c = capacita({ oggi: OGGI, prestazione: "AIS_FIS", fondo: null, unita: "UP", nomeUnita: "Reparto prova", giorniSettimanali: 5, ediliziaLapidei: false, dipendentiMedi: 4, autorizzazioni: [pieno] });
    expect(c.dal).toBe("2026-12-05");
    expect(c.settimaneMassime).toBe(13);
    expect(c.settimaneResidue).toBe(0);
    expect(c.puoPresentare).toBe(false);
    expect(c.esitoPresentazione.gravita).toBe("bloccante");
    expect(c.proiezione.esaurimento).toBe("2026-12-05");
  });
});

describe("proiezione dell'esaurimento", () => {
  const ultimi13 = feriali("2026-09-01", OGGI); // 65 working days
  it("every working day used: 26 weeks reached on 05/03/2027 (holidays 8 and 25 December, 1 and 6 January skipped)", () => {
    expect(ultimi13).toHaveLength(65);
    const p = proiettaEsaurimento({ usati: new Set(ultimi13), oggi: OGGI, dal: "2026-12-01", giorniSettimanali: 5, settimaneFinestra: 104, settimaneMassime: 26, settimaneRitmo: 13 });
    expect(p.ritmo).toBe(1);
    expect(p.esaurimento).toBe("2027-03-05");
  });

  it("a faster pace never ends later; the date is within the horizon", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 65 }), fc.integer({ min: 0, max: 65 }), fc.integer({ min: 13, max: 52 }), (a, b, massimo) => {
        const [lento, veloce] = a <= b ? [a, b] : [b, a];
        const pr = (n: number) => proiettaEsaurimento({ usati: new Set(ultimi13.slice(0, n)), oggi: OGGI, dal: addDays(OGGI, 1), giorniSettimanali: 5, settimaneFinestra: 104, settimaneMassime: massimo, settimaneRitmo: 13 });
        const l = pr(lento);
        const v = pr(veloce);
        if (l.esaurimento !== null) expect(v.esaurimento !== null && v.esaurimento <= l.esaurimento).toBe(true);
        for (const x of [l, v]) if (x.esaurimento) expect(x.esaurimento <= x.orizzonte).toBe(true);
      }),
      { numRuns: 40 },
    );
  });
});

describe("scadenze delle autorizzazioni", () => {
  it("direct payment month by month; conguaglio six months after the pay period (hand-computed)", () => {
    const s = scadenzeAutorizzazioni([A], OGGI);
    expect(s.map((x) => [x.competenza, x.scadenza, x.giorniRimanenti, x.datiInviati])).toEqual([
      ["2026-09", "2026-11-30", 0, true],
      ["2026-10", "2026-12-31", 31, false],
    ]);
    const c = scadenzeAutorizzazioni([{ ...A, modalitaPagamento: "conguaglio" }], OGGI);
    expect(c).toHaveLength(1);
    expect(c[0]).toMatchObject({ tipo: "conguaglio", scadenza: "2027-04-30", giorniRimanenti: 151 });
    expect(scadenzeAutorizzazioni([{ ...A, stato: "in_attesa", numero: null }], OGGI)).toEqual([]);
  });
});

describe("CISOA per lavoratore", () => {
  it("days of the year and what is left of the 90", () => {
    const { righe, esito } = giorniCisoaLavoratori([
      { cf: "A", nominativo: "Anna", giorni: feriali("2026-03-02", "2026-03-13") },
      { cf: "B", nominativo: "Bruno", giorni: [...feriali("2025-12-01", "2025-12-05"), ...dateDi({ inizio: "2026-01-02", fine: "2026-05-01" })].slice(0, 95) },
    ], OGGI);
    expect(righe.find((r) => r.cf === "A")).toMatchObject({ giorniComputati: 10, residui: 80 });
    expect(righe[0].cf).toBe("B"); // the fewest days left first
    expect(esito.messaggio).toContain("90 − giorni computati");
  });
});
