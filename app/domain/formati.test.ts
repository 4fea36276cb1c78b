import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { cellaCsv, dimensioneFile, euro, formatImporto, formatNumero, leggiImporto } from "./formati";

describe("formati", () => {
  it("importi con il punto delle migliaia anche sotto 10.000, come sopra", () => {
    expect(euro(-500000)).toBe("-5.000,00 €");
    expect(euro(-2000000)).toBe("-20.000,00 €");
    expect(euro(12345)).toBe("123,45 €");
  });
  it("numeri interi raggruppati, decimali solo se chiesti", () => {
    expect(formatNumero(1600)).toBe("1.600");
    expect(formatNumero(37.5, 2)).toBe("37,5");
  });
  it("legge gli importi come si scrivono in Italia, con o senza punti e simbolo dell'euro", () => {
    expect(leggiImporto("1.234.567,89")).toBe(123456789);
    expect(leggiImporto(" € 1234567,8 ")).toBe(123456780);
    expect(leggiImporto("-12000")).toBe(-1200000);
    expect(leggiImporto("12.34")).toBeNull();
    expect(leggiImporto("1,234")).toBeNull();
    expect(leggiImporto("dodici")).toBeNull();
    expect(leggiImporto("")).toBeNull();
  });
  it("ciò che il modulo mostra si rilegge uguale", () => {
    fc.assert(fc.property(fc.integer({ min: -1e15, max: 1e15 }), (c) => leggiImporto(formatImporto(c)) === c));
  });
  it("dimensione dei file in KB, mai zero", () => {
    expect(dimensioneFile(0)).toBe("1 KB");
    expect(dimensioneFile(5 * 1024 * 1024)).toBe("5.120 KB");
  });
  it("cella CSV: formule neutralizzate, separatori e virgolette tra virgolette", () => {
    expect(cellaCsv("=cmd|' /C calc'!A0")).toBe("'=cmd|' /C calc'!A0");
    expect(cellaCsv("+1")).toBe("'+1");
    expect(cellaCsv("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(cellaCsv('a;b "c"')).toBe('"a;b ""c"""');
    expect(cellaCsv(1234)).toBe("1234");
    fc.assert(fc.property(fc.string(), (t) => {
      expect(cellaCsv(t)).not.toMatch(/^[=+\-@\t\r]/);
    }));
  });
});
