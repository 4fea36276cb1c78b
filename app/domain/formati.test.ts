import { describe, expect, it } from "vitest";
import { euro, formatNumero } from "./formati";

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
});
