import { describe, expect, it } from "vitest";
import { passoVisitabile, primoPassoIncompleto, statiPassi } from "./index";

describe("passi della domanda", () => {
  it("il primo passo incompleto è il primo senza risposte", () => {
    expect(primoPassoIncompleto({})?.slug).toBe("azienda");
    expect(primoPassoIncompleto({ azienda: {}, unitaProduttiva: {} })?.slug).toBe("periodo");
  });

  it("non si salta un passo: un collegamento diretto a un passo successivo non è visitabile", () => {
    expect(passoVisitabile({ azienda: {} }, "unita-produttiva")).toBe(true);
    expect(passoVisitabile({ azienda: {} }, "lavoratori")).toBe(false);
  });

  it("lo stato di ogni passo distingue completato, con avvisi, in corso e da completare", () => {
    const stati = statiPassi({ azienda: {}, unitaProduttiva: {}, periodo: null }, new Set(["unitaProduttiva"]));
    expect(stati.slice(0, 4).map((s) => s.stato)).toEqual(["completato", "con_avvisi", "in_corso", "da_completare"]);
  });
});
