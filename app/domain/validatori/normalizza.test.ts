import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FORMATO_CODICE_AZIENDA, normalizzaCodice } from "./normalizza";

describe("normalizzaCodice", () => {
  it("toglie spazi e trattini come stampati su tessere e lettere, in maiuscolo", () => {
    expect(normalizzaCodice("CCC FBA 85 D03 L219 P")).toBe("CCCFBA85D03L219P");
    expect(normalizzaCodice("ccc-fba-85d03-l219p")).toBe("CCCFBA85D03L219P");
    expect(normalizzaCodice(" 47 1234 5601 ")).toBe("4712345601");
    expect(normalizzaCodice("4712\u00A0345\u2013601")).toBe("4712345601");
  });
  it("toglie il prefisso IT della partita IVA, solo davanti a 11 cifre", () => {
    expect(normalizzaCodice("IT 00743110157")).toBe("00743110157");
    expect(normalizzaCodice("it-00743110157")).toBe("00743110157");
    expect(normalizzaCodice("ITLCNT79P54F205L")).toBe("ITLCNT79P54F205L");
  });
  it("un codice valido resta valido comunque lo si spezzi con spazi e trattini (proprietà)", () => {
    const codice = fc.oneof(fc.stringMatching(/^[0-9]{11}$/), fc.stringMatching(/^[0-9]{10}$/), fc.stringMatching(/^[A-Z]{6}[0-9]{2}[A-Z][0-9]{2}[A-Z][0-9]{3}[A-Z]$/));
    fc.assert(
      fc.property(codice, fc.array(fc.constantFrom(" ", "-", "  ", " - "), { maxLength: 16 }), fc.boolean(), (c, separatori, minuscolo) => {
        let spezzato = "";
        [...c].forEach((ch, i) => (spezzato += ch + (separatori[i] ?? "")));
        const digitato = minuscolo ? spezzato.toLowerCase() : spezzato;
        expect(normalizzaCodice(digitato)).toBe(c);
        expect(FORMATO_CODICE_AZIENDA.test(normalizzaCodice(digitato))).toBe(true);
      }),
    );
  });
});
