import { describe, expect, it } from "vitest";
import { riepilogoChecklist, vociChecklist } from "./checklist";

describe("checklist dei controlli manuali", () => {
  it("tre voci del D.M. 95442/2016 per ogni domanda", () => {
    expect(vociChecklist({ meteo: false }).map((v) => v.chiave)).toEqual(["transitorieta", "non_imputabilita", "continuita_mercato"]);
  });
  it("per gli eventi meteo una voce per giorno, in ordine e senza doppioni", () => {
    const voci = vociChecklist({ meteo: true, giorniMeteo: ["2025-07-21", "2025-07-14", "2025-07-15", "2025-07-14"] });
    expect(voci.slice(3).map((v) => v.titolo)).toEqual(["Evento meteo del 14/07/2025", "Evento meteo del 15/07/2025", "Evento meteo del 21/07/2025"]);
  });
  it("il riepilogo conta le voci da verificare e isola quelle non verificate", () => {
    const voci = vociChecklist({ meteo: true, giorniMeteo: ["2025-07-14"] });
    const r = riepilogoChecklist(voci, [
      { chiave: "transitorieta", stato: "verificato" },
      { chiave: "meteo:2025-07-14", stato: "non_verificato", nota: "Bollettino: 31 °C" },
    ]);
    expect(r.daVerificare).toBe(2);
    expect(r.completa).toBe(false);
    expect(r.nonVerificate.map((v) => [v.chiave, v.nota])).toEqual([["meteo:2025-07-14", "Bollettino: 31 °C"]]);
  });
  it("evento meteo senza giorni indicati: solo le tre voci di base", () => {
    expect(vociChecklist({ meteo: true })).toHaveLength(3);
  });
});
