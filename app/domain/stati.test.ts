import { describe, expect, it } from "vitest";
// Alike comunicazioni.test.ts's imports (duplicates): each test imports the functions of its own module
import {
  azioniAzienda,
  azioniSede,
  ETICHETTE_STATO,
  prossimaAzione,
  STATI_DOMANDA,
  statiSuccessivi,
  statoDomandaValido,
  statoFinale,
  TRANSIZIONI,
  transizionePossibile,
  transizioneVerso,
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
    // Every target is a known state and no ordinary transition starts from a final state.
    for (const t of Object.values(TRANSIZIONI)) {
      for (const s of [...t.da, ...(t.verso ?? [])]) expect(statoDomandaValido(s)).toBe(true);
      if (!t.nuovoAtto) for (const s of t.da) expect(statoFinale(s)).toBe(false);
    }
  });

  it("gives the company's side only its own actions", () => {
    expect(azioniAzienda("bozza").sort()).toEqual(["elimina", "invia"]);
    expect(azioniAzienda("inviata")).toEqual(["rinuncia"]);
    expect(azioniAzienda("sospesa").sort()).toEqual(["rinuncia", "rispondi"]);
    expect(azioniAzienda("autorizzata")).toEqual([]);
  });

  it("gives the Sede the istruttoria: take, ask, resume, decide, correct by a new act", () => {
    expect(azioniSede("bozza")).toEqual([]);
    expect(azioniSede("inviata")).toEqual(["prendi_in_carico"]);
    expect(azioniSede("in_istruttoria").sort()).toEqual(["decidi", "richiedi"]);
    expect(azioniSede("sospesa")).toEqual(["riprendi"]);
    expect(azioniSede("autorizzata_parziale")).toEqual(["rettifica"]);
    expect(azioniSede("rinunciata")).toEqual([]);
    expect(transizioneVerso("in_istruttoria", "decidi", "autorizzata_parziale")).toBe(true);
    expect(transizioneVerso("in_istruttoria", "decidi", "sospesa")).toBe(false);
    expect(transizioneVerso("sospesa", "decidi", "respinta")).toBe(false);
    expect(transizioneVerso("respinta", "rettifica", "autorizzata")).toBe(true);
    // A rettifica does not reopen the ordinary flow: decided states stay final.
    expect(statoFinale("respinta")).toBe(true);
    expect(TRANSIZIONI.rettifica.nuovoAtto).toBe(true);
  });

  it("proposes continuing a draft and looking at the rest", () => {
    expect(prossimaAzione("bozza")).toEqual({ etichetta: "Continua la compilazione", percorso: "" });
    expect(prossimaAzione("inviata").percorso).toBe("dettaglio");
    expect(statoDomandaValido("eliminata")).toBe(false);
  });
});
