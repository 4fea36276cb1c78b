import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { addDays } from "./date";
import { calcolaContributoAddizionale, calcolaIntegrazione, calcolaIntegrazioneMese, riduzioneContributoApplicabile, settimaneContributo, type InputIntegrazione, type InputIntegrazioneMese } from "./importi";
import type { PeriodoPrecedente } from "./tipi";
import { ParametroNonDisponibile } from "./parametri";

const BASE: InputIntegrazione = {
  prestazione: "CIGO", competenza: "2026-02-15", retribuzioneOrariaCentesimi: 1500, orarioSettimanale: 40,
  oreNonLavoratePerSettimana: [16, 16, 16, 16],
};

describe("integrazione salariale (art. 3)", () => {
  it("80% × ore settimana per settimana, poi massimale rapportato alle ore e riduzione del 5,84%", () => {
    const r = calcolaIntegrazione(BASE);
    expect(r.settimane[0]).toEqual({ oreNonLavorate: 16, oreIndennizzate: 16, importoCentesimi: 19_200 });
    expect(r.lordoCentesimi).toBe(76_800);
    // 1.423,69 € × 64 h / (40 × 52 / 12 h) = 525,67 €
    expect(r.massimaleCentesimi).toBe(52_567);
    expect(r.lordoLimitatoCentesimi).toBe(52_567);
    // Oltre il massimale il netto è il massimale netto pubblicato rapportato alle stesse ore, non il lordo meno il
    // 5,84%: 1.340,56 € × 64 / 173,33 = 494,976 → 494,98 € (ricalcolato dal lordo sarebbe 494,97 €).
    expect(r.nettoCentesimi).toBe(49_498);
    expect(r.riduzioneCentesimi).toBe(3_069);
    expect(r.esito).toMatchObject({ regola: "importi.integrazione", provvisorio: true });
    expect(r.esito.messaggio).toMatch(/ridotti al massimale/);
  });
  it("sotto il massimale l'importo resta quello calcolato", () => {
    const r = calcolaIntegrazione({ ...BASE, retribuzioneOrariaCentesimi: 900 });
    expect(r.lordoCentesimi).toBe(46_080);
    expect(r.lordoLimitatoCentesimi).toBe(46_080);
    expect(r.esito.messaggio).toMatch(/entro il massimale/);
  });
  it("le ore non superano l'orario contrattuale e non sono negative", () => {
    const r = calcolaIntegrazione({ ...BASE, oreNonLavoratePerSettimana: [45, -3, 7.5] });
    expect(r.settimane.map((s) => s.oreIndennizzate)).toEqual([40, 0, 7.5]);
  });
  it("un mese intero a zero ore arriva al massimale pieno del 2026; il 31/12/2025 vale quello del 2025", () => {
    const pieno = { ...BASE, retribuzioneOrariaCentesimi: 3000, oreNonLavoratePerSettimana: [40, 40, 40, 40, 40] };
    expect(calcolaIntegrazione(pieno).lordoLimitatoCentesimi).toBe(142_369);
    expect(calcolaIntegrazione({ ...pieno, competenza: "2025-12-31" }).lordoLimitatoCentesimi).toBe(140_403);
    expect(calcolaIntegrazione({ ...pieno, intemperieEdiliziaLapidei: true }).lordoLimitatoCentesimi).toBe(170_844);
    expect(() => calcolaIntegrazione({ ...pieno, competenza: "2027-01-01" })).toThrow(ParametroNonDisponibile);
  });
  it("CISOA: due terzi (provvisorio) e niente massimale per intemperie", () => {
    const cisoa = { ...BASE, prestazione: "CISOA" as const, retribuzioneOrariaCentesimi: 3000, oreNonLavoratePerSettimana: [40, 40, 40, 40, 40] };
    const r = calcolaIntegrazione({ ...cisoa, cisoaIntemperie: true });
    expect(r.lordoCentesimi).toBe(400_000);
    expect(r.massimaleCentesimi).toBeNull();
    expect(r.lordoLimitatoCentesimi).toBe(400_000);
    expect(r.esito.provvisorio).toBe(true);
    expect(r.esito.messaggio).toMatch(/2\/3.*massimale non applicato.*la percentuale della retribuzione pagata dalla CISOA .* è da confermare con l'INPS/);
    expect(r.esito.messaggio).not.toMatch(/cisoa\.percentuale/);
    expect(calcolaIntegrazione(cisoa).lordoLimitatoCentesimi).toBe(142_369);
  });
  it("rifiuta importi non interi e orari non positivi", () => {
    expect(() => calcolaIntegrazione({ ...BASE, retribuzioneOrariaCentesimi: 15.5 })).toThrow(RangeError);
    expect(() => calcolaIntegrazione({ ...BASE, orarioSettimanale: 0 })).toThrow(RangeError);
  });
  it("proprietà: mai negativo, mai oltre il massimale, netto ≤ lordo", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20_000 }),
        fc.integer({ min: 1, max: 48 }),
        fc.array(fc.integer({ min: -10, max: 60 }), { maxLength: 6 }),
        fc.boolean(),
        fc.constantFrom("2025-06-30", "2026-01-01"),
        (paga, orario, ore, intemperie, competenza) => {
          const r = calcolaIntegrazione({ ...BASE, competenza, retribuzioneOrariaCentesimi: paga, orarioSettimanale: orario, oreNonLavoratePerSettimana: ore, intemperieEdiliziaLapidei: intemperie });
          expect(r.nettoCentesimi).toBeGreaterThanOrEqual(0);
          expect(r.lordoLimitatoCentesimi).toBeLessThanOrEqual(r.massimaleCentesimi!);
          expect(r.massimaleCentesimi!).toBeLessThanOrEqual(intemperie ? 170_844 : 142_369);
          expect(r.nettoCentesimi).toBeLessThanOrEqual(r.lordoLimitatoCentesimi);
          expect(Number.isInteger(r.nettoCentesimi)).toBe(true);
        },
      ),
    );
  });
});

describe("integrazione di un mese dalla denuncia UniEmens-Cig (pagamento diretto)", () => {
  const MESE: InputIntegrazioneMese = {
    prestazione: "CIGO", competenza: "2026-03-01", retribuzione: { tipo: "oraria", centesimi: 1_000 }, orarioSettimanaleCentesimi: 4_000, oreIntegrateCentesimi: 1_600,
  };
  it("retribuzione oraria: 80% × ore, sotto il massimale rapportato, meno il 5,84%", () => {
    const r = calcolaIntegrazioneMese(MESE);
    // 10,00 € × 16 h = 160,00 € persi; 80% = 128,00 €; massimale 1.423,69 € × 16 / (40 × 52 / 12) = 131,42 €.
    expect(r).toMatchObject({ retribuzionePersaCentesimi: 16_000, lordoCentesimi: 12_800, massimaleLordoCentesimi: 13_142, lordoLimitatoCentesimi: 12_800 });
    // 5,84% di 128,00 € = 7,4752 → 7,48 €; netto 120,52 € (entro il massimale netto 1.340,56 × 16 / 173,33 = 123,74 €).
    expect(r).toMatchObject({ riduzioneCentesimi: 748, nettoCentesimi: 12_052, massimaleNettoCentesimi: 12_374 });
    expect(r.esito).toMatchObject({ regola: "importi.integrazioneMese", provvisorio: true });
  });
  it("retribuzione mensile: divisa per le ore contrattuali del mese; oltre il massimale il netto è quello pubblicato", () => {
    const r = calcolaIntegrazioneMese({ ...MESE, retribuzione: { tipo: "mensile", centesimi: 180_000 }, oreIntegrateCentesimi: 4_000 });
    // 1.800,00 € × 40 h / 173,33 h = 415,38 € persi; 80% = 332,31 €; massimale 1.423,69 × 40 / 173,33 = 328,54 €.
    expect(r).toMatchObject({ retribuzionePersaCentesimi: 41_538, lordoCentesimi: 33_231, lordoLimitatoCentesimi: 32_854 });
    // Netto: il massimale netto 1.340,56 × 40 / 173,33 = 309,36 €, non 328,54 € meno il 5,84%.
    expect(r).toMatchObject({ nettoCentesimi: 30_936, riduzioneCentesimi: 1_918 });
    expect(r.esito.messaggio).toMatch(/ridotti al massimale/);
    expect(r.esito.messaggio).toMatch(/ore contrattuali del mese .* non è ancora confermato/);
  });
  it("un mese intero oltre il massimale: lordo 1.423,69 € e netto 1.340,56 € come pubblicati (2026), 1.404,03 / 1.322,05 € nel 2025", () => {
    const pieno = { ...MESE, retribuzione: { tipo: "mensile" as const, centesimi: 300_000 }, oreIntegrateCentesimi: 17_600 };
    expect(calcolaIntegrazioneMese(pieno)).toMatchObject({ lordoLimitatoCentesimi: 142_369, nettoCentesimi: 134_056 });
    expect(calcolaIntegrazioneMese({ ...pieno, competenza: "2025-11-01" })).toMatchObject({ lordoLimitatoCentesimi: 140_403, nettoCentesimi: 132_205 });
  });
  it("rifiuta valori non interi o negativi", () => {
    expect(() => calcolaIntegrazioneMese({ ...MESE, retribuzione: { tipo: "oraria", centesimi: 10.5 } })).toThrow(RangeError);
    expect(() => calcolaIntegrazioneMese({ ...MESE, oreIntegrateCentesimi: -1 })).toThrow(RangeError);
    expect(() => calcolaIntegrazioneMese({ ...MESE, orarioSettimanaleCentesimi: 0 })).toThrow(RangeError);
  });
  it("proprietà: mai negativo, mai oltre il massimale lordo né netto dell'anno, netto ≤ lordo limitato ≤ lordo, centesimi esatti", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("mensile" as const, "oraria" as const),
        fc.integer({ min: 0, max: 99_999_999_999 }),
        fc.integer({ min: 1, max: 6_000 }),
        fc.integer({ min: 0, max: 74_400 }),
        fc.boolean(),
        fc.constantFrom("2025-06-01", "2026-01-01", "2026-12-01"),
        (tipo, centesimi, orario, ore, intemperie, competenza) => {
          const r = calcolaIntegrazioneMese({ ...MESE, competenza, retribuzione: { tipo, centesimi }, orarioSettimanaleCentesimi: orario, oreIntegrateCentesimi: ore, intemperie: { applica: intemperie, parametri: [] } });
          const [lordoAnno, nettoAnno] = competenza.startsWith("2025") ? (intemperie ? [168_485, 158_645] : [140_403, 132_205]) : intemperie ? [170_844, 160_866] : [142_369, 134_056];
          for (const x of [r.nettoCentesimi, r.lordoCentesimi, r.lordoLimitatoCentesimi, r.riduzioneCentesimi, r.retribuzionePersaCentesimi]) {
            expect(Number.isSafeInteger(x)).toBe(true);
            expect(x).toBeGreaterThanOrEqual(0);
          }
          expect(r.lordoLimitatoCentesimi).toBeLessThanOrEqual(Math.min(r.lordoCentesimi, r.massimaleLordoCentesimi!, lordoAnno));
          expect(r.nettoCentesimi).toBeLessThanOrEqual(Math.min(r.lordoLimitatoCentesimi, r.massimaleNettoCentesimi!, nettoAnno));
          expect(r.nettoCentesimi + r.riduzioneCentesimi).toBe(r.lordoLimitatoCentesimi);
        },
      ),
    );
  });
});

describe("contributo addizionale (art. 5)", () => {
  const cigo = { prestazione: "CIGO" as const, data: "2026-03-01", retribuzionePersaCentesimi: 100_000, eone: false, aliquoteRidotte: false };
  it("9% fino a 52 settimane nel quinquennio, 12% fino a 104, 15% oltre", () => {
    expect(calcolaContributoAddizionale({ ...cigo, settimanePrecedentiQuinquennio: 40, settimanePeriodo: 12 }).importoCentesimi).toBe(9_000);
    expect(calcolaContributoAddizionale({ ...cigo, settimanePrecedentiQuinquennio: 52, settimanePeriodo: 4 }).importoCentesimi).toBe(12_000);
    expect(calcolaContributoAddizionale({ ...cigo, settimanePrecedentiQuinquennio: 104, settimanePeriodo: 4 }).importoCentesimi).toBe(15_000);
  });
  it("un periodo a cavallo della soglia si divide tra le fasce", () => {
    const r = calcolaContributoAddizionale({ ...cigo, settimanePrecedentiQuinquennio: 50, settimanePeriodo: 4 });
    expect(r.quote).toEqual([
      { settimane: 2, aliquota: 900, imponibileCentesimi: 50_000, importoCentesimi: 4_500 },
      { settimane: 2, aliquota: 1200, imponibileCentesimi: 50_000, importoCentesimi: 6_000 },
    ]);
    expect(r.importoCentesimi).toBe(10_500);
    const tre = calcolaContributoAddizionale({ ...cigo, retribuzionePersaCentesimi: 100_001, settimanePrecedentiQuinquennio: 51, settimanePeriodo: 54 });
    expect(tre.quote.map((q) => q.aliquota)).toEqual([900, 1200, 1500]);
    expect(tre.quote.reduce((s, q) => s + q.imponibileCentesimi, 0)).toBe(100_001);
  });
  it("aliquote ridotte 6% e 9% dal 2025", () => {
    expect(calcolaContributoAddizionale({ ...cigo, aliquoteRidotte: true, settimanePrecedentiQuinquennio: 0, settimanePeriodo: 4 }).importoCentesimi).toBe(6_000);
    expect(calcolaContributoAddizionale({ ...cigo, aliquoteRidotte: true, settimanePrecedentiQuinquennio: 60, settimanePeriodo: 4 }).importoCentesimi).toBe(9_000);
    expect(() => calcolaContributoAddizionale({ ...cigo, data: "2024-12-31", aliquoteRidotte: true, settimanePrecedentiQuinquennio: 0, settimanePeriodo: 4 })).toThrow(ParametroNonDisponibile);
  });
  it("periodo senza settimane: fascia del datore di lavoro", () => {
    expect(calcolaContributoAddizionale({ ...cigo, settimanePrecedentiQuinquennio: 60, settimanePeriodo: 0 }).quote[0].aliquota).toBe(1200);
  });
  it("EONE esenti; FIS 4%; altre prestazioni non configurate", () => {
    expect(calcolaContributoAddizionale({ ...cigo, eone: true, settimanePrecedentiQuinquennio: 0, settimanePeriodo: 1 }).importoCentesimi).toBe(0);
    expect(calcolaContributoAddizionale({ ...cigo, prestazione: "AIS_FIS", settimanePrecedentiQuinquennio: 0, settimanePeriodo: 8 }).importoCentesimi).toBe(4_000);
    expect(() => calcolaContributoAddizionale({ ...cigo, prestazione: "AIS_FONDO", settimanePrecedentiQuinquennio: 0, settimanePeriodo: 1 })).toThrow(RangeError);
    expect(() => calcolaContributoAddizionale({ ...cigo, retribuzionePersaCentesimi: -1, settimanePrecedentiQuinquennio: 0, settimanePeriodo: 1 })).toThrow(RangeError);
  });
});

describe("regola dei 24 mesi per le aliquote ridotte", () => {
  it("senza periodi precedenti si applica dal 2025, non prima", () => {
    expect(riduzioneContributoApplicabile("2025-01-01", []).applicabile).toBe(true);
    const prima = riduzioneContributoApplicabile("2024-12-31", []);
    expect(prima.applicabile).toBe(false);
    expect(prima.esito.messaggio).toMatch(/solo dal 2025/);
  });
  it("24 mesi dal giorno dopo la fine dell'ultimo periodo: il giorno prima no, il giorno stesso sì", () => {
    const ultimo = [{ inizio: "2022-11-01", fine: "2023-01-31" }];
    expect(riduzioneContributoApplicabile("2025-01-31", ultimo).applicabile).toBe(false);
    const si = riduzioneContributoApplicabile("2025-02-01", ultimo);
    expect(si.applicabile).toBe(true);
    expect(si.esito.messaggio).toMatch(/concluso il 31\/01\/2023/);
  });
  it("vale per più periodi successivi della serie iniziata dopo la pausa, in qualunque ordine", () => {
    const storia = [{ inizio: "2025-03-03", fine: "2025-04-30" }, { inizio: "2021-01-04", fine: "2022-06-30" }, { inizio: "2025-09-01", fine: "2025-10-31" }];
    expect(riduzioneContributoApplicabile("2026-02-02", storia)).toMatchObject({ applicabile: true, esito: { dati: { inizioSerie: "2025-03-03" } } });
    expect(riduzioneContributoApplicabile("2026-02-02", [...storia].reverse()).applicabile).toBe(true);
  });
  it("senza pausa di 24 mesi dopo il 2025 non si applica", () => {
    const continua = [{ inizio: "2023-06-01", fine: "2024-06-30" }, { inizio: "2025-03-03", fine: "2025-04-30" }];
    const r = riduzioneContributoApplicabile("2026-02-02", continua);
    expect(r.applicabile).toBe(false);
    expect(r.esito.messaggio).toMatch(/non applicabili/);
  });
});

describe("settimane del contributo addizionale nel quinquennio mobile", () => {
  const up = (inizio: string, fine: string, extra: Partial<PeriodoPrecedente> = {}): PeriodoPrecedente => ({
    inizio, fine, prestazione: "CIGO", unitaProduttiva: "UP1", eone: false, ...extra,
  });
  const PERIODO = up("2026-03-02", "2026-03-13");
  it("i giorni lavorabili nei cinque anni che finiscono il giorno prima del periodo, ÷ 5; la finestra è nel messaggio", () => {
    // 01/03/2021 cade fuori (la finestra parte il 02/03/2021): del primo periodo contano 02–05/03/2021 (4 giorni);
    // il secondo si sovrappone al terzo (i giorni comuni una volta): 04–15/03/2024, 10 giorni lavorabili.
    const precedenti = [up("2021-03-01", "2021-03-05"), up("2024-03-04", "2024-03-08"), up("2024-03-06", "2024-03-15")];
    const s = settimaneContributo(PERIODO, precedenti, 5);
    expect(s.finestra).toEqual({ inizio: "2021-03-02", fine: "2026-03-01" });
    expect(s.precedenti).toBeCloseTo(14 / 5, 10);
    expect(s.periodo).toBe(2);
    const c = calcolaContributoAddizionale({
      prestazione: "CIGO", data: PERIODO.inizio, retribuzionePersaCentesimi: 100_000, eone: false, aliquoteRidotte: false,
      settimanePrecedentiQuinquennio: s.precedenti, settimanePeriodo: s.periodo, conteggio: s,
    });
    expect(c.esito.messaggio).toMatch(/2,8 settimane già fruite nel quinquennio mobile 02\/03\/2021–01\/03\/2026/);
    // Ambito e ancoraggio della finestra non confermati: il contributo lo dice.
    expect(c.esito.provvisorio).toBe(true);
    expect(c.esito.messaggio).toMatch(/per unità produttiva o per l'intera azienda/);
  });
  it("non contano altre unità produttive, altre prestazioni, né periodi dal giorno del periodo in poi", () => {
    const s = settimaneContributo(PERIODO, [up("2025-03-03", "2025-03-07", { unitaProduttiva: "UP2" }), up("2025-03-03", "2025-03-07", { prestazione: "AIS_FIS" }), up("2026-03-02", "2026-03-06")], 5);
    expect(s.precedenti).toBe(0);
  });
  const periodo = fc
    .tuple(fc.integer({ min: 0, max: 2600 }), fc.integer({ min: 0, max: 200 }), fc.constantFrom("UP1", "UP2"))
    .map(([inizio, durata, unita]) => up(addDays("2019-01-01", inizio), addDays("2019-01-01", inizio + durata), { unitaProduttiva: unita }));
  it("proprietà: mai più delle settimane della finestra, indipendente dall'ordine, mai meno aggiungendo un periodo", () => {
    fc.assert(
      fc.property(fc.array(periodo, { maxLength: 12 }), periodo, fc.constantFrom(5 as const, 6 as const), (precedenti, altro, g) => {
        const s = settimaneContributo(PERIODO, precedenti, g);
        // Cinque anni di calendario: al più 261 settimane di giorni lavorabili.
        expect(s.precedenti).toBeGreaterThanOrEqual(0);
        expect(s.precedenti).toBeLessThanOrEqual(262);
        expect(settimaneContributo(PERIODO, [...precedenti].reverse(), g).precedenti).toBeCloseTo(s.precedenti, 10);
        expect(settimaneContributo(PERIODO, [...precedenti, altro], g).precedenti).toBeGreaterThanOrEqual(s.precedenti);
        expect(settimaneContributo(PERIODO, precedenti.filter((p) => p.fine < s.finestra.inizio), g).precedenti).toBe(0);
      }),
    );
  });
});
