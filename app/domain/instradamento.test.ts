import { describe, expect, it } from "vitest";
import { instrada, registraScelta, verdettoPer, type InquadramentoAzienda } from "./instradamento";

const DATA = "2026-02-10";
// Aziende dei dati di riferimento del seed (CSC segnaposto che rispettano solo la prima cifra).
const C1: InquadramentoAzienda = { csc: "11101", ca: [], gestione: "privata", fondo: null, dipendentiMedi: 48 };
const C2: InquadramentoAzienda = { csc: "11305", ca: [], gestione: "privata", fondo: null, dipendentiMedi: 62, attivita: "edilizia" };
const C3: InquadramentoAzienda = { csc: "70502", ca: [], gestione: "privata", fondo: null, dipendentiMedi: 4 };
const C4: InquadramentoAzienda = { csc: "70708", ca: [], gestione: "privata", fondo: "ATTIVITA_PROFESSIONALI", dipendentiMedi: 9 };
const C5: InquadramentoAzienda = { csc: null, ca: [], gestione: "agricola", fondo: null, dipendentiMedi: 7 };

function suggerite(a: InquadramentoAzienda, causaleStraordinaria = false): string[] {
  return instrada(a, { data: DATA, causaleStraordinaria })
    .prestazioni.filter((p) => p.verdetto === "suggerita")
    .map((p) => (p.fondo ? `${p.prestazione}:${p.fondo}` : p.prestazione));
}

describe("instradamento (docs/regole.md §1)", () => {
  it("C1 industria → CIGO (R1)", () => {
    const r = instrada(C1, { data: DATA });
    expect(suggerite(C1)).toEqual(["CIGO"]);
    expect(r.regoleApplicate).toEqual(["R1"]);
    expect(verdettoPer(r, "CIGO").esiti[0]).toMatchObject({ regola: "instradamento.R1", riferimento: "art. 10 lett. a)–l) d.lgs. 148/2015" });
    expect(verdettoPer(r, "AIS_FIS").esiti[0].messaggio).toMatch(/non compatibile/);
  });
  it("C2 edilizia → CIGO (R2) anche se artigiana", () => {
    expect(suggerite(C2)).toEqual(["CIGO"]);
    expect(instrada({ ...C2, csc: "41201" }, { data: DATA }).regoleApplicate).toEqual(["R2"]);
  });
  it("C3 commercio con 4 dipendenti → FIS con limite di 13 settimane (R6, R8)", () => {
    const r = instrada(C3, { data: DATA });
    expect(suggerite(C3)).toEqual(["AIS_FIS"]);
    expect(r.regoleApplicate).toEqual(["R6", "R8"]);
    expect(verdettoPer(r, "AIS_FIS").esiti.at(-1)!.messaggio).toMatch(/13 settimane/);
  });
  it("5 contro 6 dipendenti: 13 o 26 settimane nel FIS", () => {
    const ultimo = (n: number) => verdettoPer(instrada({ ...C3, dipendentiMedi: n }, { data: DATA }), "AIS_FIS").esiti.at(-1)!;
    expect(ultimo(5).dati.settimaneMassime).toBe(13);
    expect(ultimo(6).dati.settimaneMassime).toBe(26);
  });
  it("D4: C4 aderente al fondo attività professionali → AIS del fondo, non FIS (R5)", () => {
    const r = instrada(C4, { data: DATA });
    expect(suggerite(C4)).toEqual(["AIS_FONDO:ATTIVITA_PROFESSIONALI"]);
    expect(verdettoPer(r, "AIS_FIS").verdetto).toBe("non_compatibile");
    expect(verdettoPer(r, "AIS_FONDO", "SOLIMARE").verdetto).toBe("non_compatibile");
    expect(verdettoPer(r, "AIS_FONDO", "SOLIMARE").esiti[0].messaggio).toMatch(/non risulta aderente/);
  });
  it("C5 agricola → CISOA (R9)", () => {
    expect(suggerite(C5)).toEqual(["CISOA"]);
  });
  it("artigiano non edile (CSC 4 o CA serie 5) → nessuna prestazione su OMNIA (R4)", () => {
    expect(suggerite({ ...C3, csc: "40101" })).toEqual([]);
    expect(suggerite({ ...C3, ca: ["5B"] })).toEqual([]);
    expect(instrada({ ...C3, ca: ["5B"] }, { data: DATA }).regoleApplicate).toEqual(["R4"]);
  });
  it("R7: oltre 15 dipendenti e causale straordinaria → FIS non compatibile; 15 dipendenti sì", () => {
    expect(suggerite({ ...C3, dipendentiMedi: 16 }, true)).toEqual([]);
    expect(instrada({ ...C3, dipendentiMedi: 16 }, { data: DATA, causaleStraordinaria: true }).regoleApplicate).toEqual(["R6", "R7"]);
    expect(suggerite({ ...C3, dipendentiMedi: 15 }, true)).toEqual(["AIS_FIS"]);
    expect(suggerite({ ...C3, dipendentiMedi: 16 }, false)).toEqual(["AIS_FIS"]);
  });
  it("R10: trasporto aereo e partiti → FIS qualunque sia la dimensione", () => {
    expect(suggerite({ ...C1, attivita: "trasporto_aereo" })).toEqual(["AIS_FIS"]);
  });
  it("cooperative art. 10 b) e d) → CIGO (R3)", () => {
    expect(instrada({ ...C3, attivita: "cooperativa_art10_d" }, { data: DATA }).regoleApplicate).toEqual(["R3"]);
  });
  it("senza dipendenti nessuna prestazione; un CSC malformato non vale come settore", () => {
    const r = instrada({ ...C3, dipendentiMedi: 0 }, { data: DATA });
    expect(r.prestazioni.every((p) => p.verdetto === "non_compatibile")).toBe(true);
    expect(verdettoPer(r, "CIGO").esiti[0].regola).toBe("instradamento.nessuna");
    expect(suggerite({ ...C1, csc: "1X101" })).toEqual(["AIS_FIS"]);
  });
  it("una prestazione per famiglia più una per ogni fondo", () => {
    expect(instrada(C1, { data: DATA }).prestazioni).toHaveLength(3 + 7);
  });
});

describe("scelta dell'utente", () => {
  it("registra la scelta suggerita come informazione", () => {
    const s = registraScelta(instrada(C4, { data: DATA }), { prestazione: "AIS_FONDO", fondo: "ATTIVITA_PROFESSIONALI" });
    expect(s).toMatchObject({ suggerita: true, esito: { gravita: "informazione" } });
  });
  it("ammette una prestazione non suggerita con un avviso per la Sede", () => {
    const s = registraScelta(instrada(C4, { data: DATA }), { prestazione: "AIS_FIS" });
    expect(s).toMatchObject({ prestazione: "AIS_FIS", suggerita: false, esito: { gravita: "avviso", regola: "instradamento.scelta" } });
    expect(s.esito.messaggio).toMatch(/la Sede INPS valuterà/);
  });
  it("per l'AIS di un fondo serve il fondo", () => {
    expect(() => verdettoPer(instrada(C4, { data: DATA }), "AIS_FONDO")).toThrow(RangeError);
  });
});
