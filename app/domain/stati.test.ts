import { describe, expect, it } from "vitest";
import {
  azioniAzienda,
  ETICHETTE_STATO,
  prossimaAzione,
  STATI_DOMANDA,
  statiSuccessivi,
  statoDomandaValido,
  statoFinale,
  TRANSIZIONI,
  transizionePossibile,
} from "./stati";

describe("stati della domanda", () => {
  it("gives each state an Italian label", () => {
    for (const s of STATI_DOMANDA) expect(ETICHETTE_STATO[s]).toMatch(/^[A-Z]/);
  });

  it("sends and deletes only drafts", () => {
    for (const s of STATI_DOMANDA) {
      expect(transizionePossibile(s, "invia")).toBe(s === "bozza");
      expect(transizionePossibile(s, "elimina")).toBe(s === "bozza");
    }
  });

  it("allows withdrawal only before a decision", () => {
    const ammessi = STATI_DOMANDA.filter((s) => transizionePossibile(s, "rinuncia"));
    expect(ammessi).toEqual(["inviata", "in_istruttoria", "sospesa"]);
    for (const deciso of ["autorizzata", "autorizzata_parziale", "respinta", "rinunciata"] as const) {
      expect(transizionePossibile(deciso, "rinuncia")).toBe(false);
      expect(statoFinale(deciso)).toBe(true);
    }
  });

  it("follows the diagram of ARCHITECTURE.md", () => {
    expect(statiSuccessivi("bozza")).toEqual(["inviata"]);
    expect(statiSuccessivi("inviata").sort()).toEqual(["in_istruttoria", "rinunciata"]);
    expect(statiSuccessivi("in_istruttoria").sort()).toEqual(
      ["autorizzata", "autorizzata_parziale", "respinta", "rinunciata", "sospesa"].sort(),
    );
    expect(statiSuccessivi("sospesa").sort()).toEqual(["in_istruttoria", "rinunciata"]);
    // Every target is a known state and no transition starts from a final state.
    for (const t of Object.values(TRANSIZIONI)) {
      for (const s of [...t.da, ...(t.verso ?? [])]) expect(statoDomandaValido(s)).toBe(true);
      for (const s of t.da) expect(statoFinale(s)).toBe(false);
    }
  });

  it("gives the company's side only its own actions", () => {
    expect(azioniAzienda("bozza").sort()).toEqual(["elimina", "invia"]);
    expect(azioniAzienda("inviata")).toEqual(["rinuncia"]);
    expect(azioniAzienda("autorizzata")).toEqual([]);
  });

  it("proposes continuing a draft and looking at the rest", () => {
    expect(prossimaAzione("bozza")).toEqual({ etichetta: "Continua la compilazione", percorso: "" });
    expect(prossimaAzione("inviata").percorso).toBe("dettaglio");
    expect(statoDomandaValido("eliminata")).toBe(false);
  });
});
