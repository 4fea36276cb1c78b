import { describe, expect, it } from "vitest";
import { validaCodiceAutorizzazione, validaCsc, validaMatricola } from "./codici-inps";

describe("codici INPS", () => {
  it("matricola: 10 cifre", () => {
    expect(validaMatricola("4712345601").valido).toBe(true);
    expect(validaMatricola("471234560").valido).toBe(false);
    expect(validaMatricola("471234560A").valido).toBe(false);
  });
  it("CSC: 5 cifre", () => {
    expect(validaCsc("70502").valido).toBe(true);
    expect(validaCsc("7050").valido).toBe(false);
  });
  it("CA: una cifra e una lettera maiuscola", () => {
    expect(validaCodiceAutorizzazione("5B").valido).toBe(true);
    expect(validaCodiceAutorizzazione("B5").valido).toBe(false);
    expect(validaCodiceAutorizzazione("5b").valido).toBe(false);
  });
});
