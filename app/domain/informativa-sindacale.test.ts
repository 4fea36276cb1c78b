import { describe, expect, it } from "vitest";
import { verificaInformativa, type InputInformativa } from "./informativa-sindacale";

// D1: C1 con 48 dipendenti, comunicazione 26/01/2026, conclusione 04/02/2026.
const D1: InputInformativa = {
  prestazione: "CIGO", eone: false, ediliziaLapidei: false, dipendentiMedi: 48, inizioSospensione: "2026-02-02",
  settimaneContinue: 12, dataComunicazione: "2026-01-26", dataConclusione: "2026-02-04",
};

describe("informativa sindacale", () => {
  it("D1: conclusa in 9 giorni, entro i 10 per aziende fino a 50 dipendenti", () => {
    const r = verificaInformativa(D1);
    expect(r).toMatchObject({ dovuta: true, termineConclusione: "2026-02-05" });
    expect(r.esiti[0]).toMatchObject({ regola: "informativa.durata", gravita: "informazione", riferimento: "art. 14 d.lgs. 148/2015 c.3", dati: { durataGiorni: 9 } });
  });
  it("10 giorni ammessi, 11 con avviso; oltre 50 dipendenti il limite è 25", () => {
    expect(verificaInformativa({ ...D1, dataConclusione: "2026-02-05" }).esiti[0].gravita).toBe("informazione");
    expect(verificaInformativa({ ...D1, dataConclusione: "2026-02-06" }).esiti[0].gravita).toBe("avviso");
    expect(verificaInformativa({ ...D1, dipendentiMedi: 50, dataConclusione: "2026-02-06" }).esiti[0].gravita).toBe("avviso");
    expect(verificaInformativa({ ...D1, dipendentiMedi: 51, dataConclusione: "2026-02-06" }).esiti[0].gravita).toBe("informazione");
    expect(verificaInformativa({ ...D1, dipendentiMedi: 51, dataConclusione: "2026-02-20" }).esiti[0].gravita).toBe("informazione");
    expect(verificaInformativa({ ...D1, dipendentiMedi: 51, dataConclusione: "2026-02-21" }).esiti[0].gravita).toBe("avviso");
  });
  it("conclusione prima della comunicazione: avviso", () => {
    expect(verificaInformativa({ ...D1, dataConclusione: "2026-01-20" }).esiti[0].messaggio).toMatch(/precede/);
  });
  it("senza conclusione indica il termine; senza comunicazione blocca", () => {
    expect(verificaInformativa({ ...D1, dataConclusione: undefined }).esiti[0].messaggio).toMatch(/entro il 05\/02\/2026/);
    expect(verificaInformativa({ ...D1, dataComunicazione: undefined }).esiti[0]).toMatchObject({ gravita: "bloccante", regola: "informativa.comunicazione" });
  });
  it("FIS: la comunicazione va fatta prima della sospensione", () => {
    const fis = { ...D1, prestazione: "AIS_FIS" as const, dipendentiMedi: 4 };
    expect(verificaInformativa(fis).esiti).toHaveLength(1);
    const tardi = verificaInformativa({ ...fis, dataComunicazione: "2026-02-03", dataConclusione: "2026-02-05" });
    expect(tardi.esiti[1]).toMatchObject({ regola: "informativa.fisPreventiva", gravita: "avviso" });
  });
  it("edilizia e lapidei: dovuta solo oltre 13 settimane continue", () => {
    const edile = { ...D1, ediliziaLapidei: true };
    expect(verificaInformativa({ ...edile, settimaneContinue: 13 })).toMatchObject({ dovuta: false, esiti: [{ provvisorio: false }] });
    expect(verificaInformativa({ ...edile, settimaneContinue: 14 }).dovuta).toBe(true);
  });
  it("CISOA: non prevista", () => {
    expect(verificaInformativa({ ...D1, prestazione: "CISOA" })).toMatchObject({ dovuta: false, termineConclusione: null });
  });
  describe("EONE", () => {
    const eone: InputInformativa = { ...D1, eone: true, dataConclusione: undefined, riduzioneOreSettimanali: 16 };
    it("fino a 16 ore basta la comunicazione; senza comunicazione blocca", () => {
      expect(verificaInformativa(eone).esiti[0].messaggio).toMatch(/basta comunicare/);
      expect(verificaInformativa({ ...eone, riduzioneOreSettimanali: undefined }).esiti[0].gravita).toBe("informazione");
      expect(verificaInformativa({ ...eone, dataComunicazione: undefined }).esiti[0]).toMatchObject({ gravita: "bloccante", regola: "informativa.eone" });
    });
    it("oltre 16 ore: esame congiunto se chiesto entro 3 giorni, concluso entro 5", () => {
      const oltre = { ...eone, riduzioneOreSettimanali: 17 };
      expect(verificaInformativa(oltre).esiti[0].messaggio).toMatch(/se richiesto entro 3 giorni/);
      const richiesto = { ...oltre, dataRichiestaEsame: "2026-01-29" };
      expect(verificaInformativa(richiesto)).toMatchObject({ termineConclusione: "2026-02-03", esiti: [{ gravita: "informazione" }] });
      expect(verificaInformativa({ ...richiesto, dataConclusione: "2026-02-03" }).esiti[0].gravita).toBe("informazione");
      expect(verificaInformativa({ ...richiesto, dataConclusione: "2026-02-04" }).esiti[0].gravita).toBe("avviso");
      expect(verificaInformativa({ ...oltre, dataRichiestaEsame: "2026-01-30" }).esiti[0].messaggio).toMatch(/non era dovuto/);
    });
  });
});
