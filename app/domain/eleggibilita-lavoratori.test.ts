import { describe, expect, it } from "vitest";
import { addDays } from "./date";
import { verificaLavoratore, type InputEleggibilita, type Lavoratore } from "./eleggibilita-lavoratori";

const PRESENTAZIONE = "2026-02-10";
const D1 = { prestazione: "CIGO" as const, eone: false, settoreIndustriale: true, dataPresentazione: PRESENTAZIONE, periodo: { inizio: "2026-02-02", fine: "2026-04-26" } };
const marco: Lavoratore = { cf: "SMPMRC80C12G224X", nominativo: "Marco Esempio", qualifica: "operaio", dataAssunzioneUp: "2015-03-02" };
const luca: Lavoratore = { cf: "CMPLCU03S23G224Z", nominativo: "Luca Campionato", qualifica: "apprendista", dataAssunzioneUp: addDays(PRESENTAZIONE, -20) };
const paolo: Lavoratore = { cf: "FNZPLA69D18L781Z", qualifica: "dirigente", dataAssunzioneUp: "2010-02-01" };

const regola = (input: InputEleggibilita, id: string) => verificaLavoratore(input).find((e) => e.regola === id)!;

describe("lavoratori: anzianità, dirigenti, apprendisti", () => {
  it("Marco è ammesso", () => {
    expect(regola({ ...D1, lavoratore: marco }, "lavoratori.anzianita").gravita).toBe("informazione");
  });
  it("Luca (assunto 20 giorni prima) non ha i 30 giorni; è apprendista e quindi incluso", () => {
    const esiti = verificaLavoratore({ ...D1, lavoratore: luca });
    expect(esiti.map((e) => [e.regola, e.gravita])).toEqual([["lavoratori.apprendisti", "informazione"], ["lavoratori.anzianita", "bloccante"]]);
    expect(esiti[1].messaggio).toMatch(/solo 20 giorni.*almeno 30/);
  });
  it("29 giorni bloccante, 30 ammesso; con i giorni di effettivo lavoro dichiarati si usano quelli", () => {
    const con = (dataAssunzioneUp: string, giorniEffettivoLavoro?: number) =>
      regola({ ...D1, lavoratore: { ...marco, dataAssunzioneUp, giorniEffettivoLavoro } }, "lavoratori.anzianita").gravita;
    expect(con(addDays(PRESENTAZIONE, -29))).toBe("bloccante");
    expect(con(addDays(PRESENTAZIONE, -30))).toBe("informazione");
    expect(con("2015-03-02", 12)).toBe("bloccante");
  });
  it("prima del 2022 servivano 90 giorni", () => {
    const e = regola({ ...D1, dataPresentazione: "2021-12-31", lavoratore: { ...marco, dataAssunzioneUp: "2021-11-01" } }, "lavoratori.anzianita");
    expect(e).toMatchObject({ gravita: "bloccante", dati: { minimo: 90 } });
  });
  it("EONE nell'industria: l'anzianità non è richiesta (solo CIGO)", () => {
    expect(regola({ ...D1, eone: true, lavoratore: luca }, "lavoratori.anzianita")).toMatchObject({ gravita: "informazione", dati: { esente: true } });
    expect(regola({ ...D1, eone: true, settoreIndustriale: false, lavoratore: luca }, "lavoratori.anzianita").gravita).toBe("bloccante");
    expect(regola({ ...D1, prestazione: "AIS_FIS", eone: true, lavoratore: luca }, "lavoratori.anzianita").gravita).toBe("bloccante");
  });
  it("i dirigenti sono esclusi", () => {
    const esiti = verificaLavoratore({ ...D1, lavoratore: paolo });
    expect(esiti).toHaveLength(1);
    expect(esiti[0]).toMatchObject({ regola: "lavoratori.dirigenti", gravita: "bloccante" });
  });
});

describe("D5: CISOA (OTI oltre 180 giornate, OTD solo in deroga)", () => {
  const cisoa = (lavoratore: Lavoratore, periodo = { inizio: "2026-02-16", fine: "2026-02-18" }) =>
    verificaLavoratore({ prestazione: "CISOA", eone: false, settoreIndustriale: false, dataPresentazione: "2026-02-20", periodo, lavoratore });
  const irina: Lavoratore = { cf: "DMSRNI95E60Z129K", nominativo: "Irina Dimostrato", qualifica: "operaio", dataAssunzioneUp: "2019-03-01", contratto: "indeterminato", giornateLavorateAnno: 250 };
  const nicola: Lavoratore = { cf: "PRTNCL78M03A662J", nominativo: "Nicola Prototipo", qualifica: "operaio", dataAssunzioneUp: "2024-10-01", contratto: "indeterminato", giornateLavorateAnno: 150 };
  const rosa: Lavoratore = { cf: "BZZRSO01C55A662M", nominativo: "Rosa Bozzetto", qualifica: "operaio", dataAssunzioneUp: "2025-06-01", contratto: "determinato" };

  it("Irina ammessa, Nicola no (150 giornate)", () => {
    expect(cisoa(irina)[0]).toMatchObject({ regola: "lavoratori.cisoa.oti", gravita: "informazione" });
    expect(cisoa(nicola)[0]).toMatchObject({ gravita: "bloccante" });
    expect(cisoa(nicola)[0].messaggio).toMatch(/più di 180 giornate/);
  });
  it("180 giornate bloccante, 181 ammesso; giornate mancanti bloccante", () => {
    expect(cisoa({ ...irina, giornateLavorateAnno: 180 })[0].gravita).toBe("bloccante");
    expect(cisoa({ ...irina, giornateLavorateAnno: 181 })[0].gravita).toBe("informazione");
    expect(cisoa({ ...irina, giornateLavorateAnno: undefined })[0]).toMatchObject({ gravita: "bloccante", messaggio: expect.stringMatching(/indica le giornate/) });
  });
  it("Rosa (OTD) respinta fuori deroga, ammessa nella deroga DL 92/2025, avviso se solo in parte", () => {
    expect(cisoa(rosa)[0]).toMatchObject({ regola: "lavoratori.cisoa.otd", gravita: "bloccante" });
    expect(cisoa(rosa, { inizio: "2025-07-14", fine: "2025-07-16" })[0]).toMatchObject({ gravita: "informazione", riferimento: "art. 10-bis D.L. 92/2025" });
    expect(cisoa(rosa, { inizio: "2025-12-30", fine: "2026-01-02" })[0].gravita).toBe("avviso");
    // La deroga del 2023 non ammetteva gli OTD.
    expect(cisoa(rosa, { inizio: "2023-08-01", fine: "2023-08-02" })[0].gravita).toBe("bloccante");
  });
  it("nella deroga 2025 il requisito delle 181 giornate non serve", () => {
    expect(cisoa(nicola, { inizio: "2025-07-14", fine: "2025-07-16" })[0]).toMatchObject({ gravita: "informazione", messaggio: expect.stringMatching(/non è richiesto/) });
  });
});
