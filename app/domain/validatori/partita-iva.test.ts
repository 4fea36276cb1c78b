import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { cifraControlloPartitaIva, validaCodiceFiscaleAzienda, validaPartitaIva } from "./partita-iva";

// Companies of the seed's reference data.
const AZIENDE = ["09876540288", "08765430239", "07654320154", "06543210584", "05432100724"];

describe("cifraControlloPartitaIva", () => {
  it("riproduce gli esempi dei dati di riferimento", () => {
    expect(cifraControlloPartitaIva("0123456789")).toBe("7");
    expect(cifraControlloPartitaIva("1234567890")).toBe("3");
  });
  it("rifiuta input diversi da 10 cifre", () => {
    expect(() => cifraControlloPartitaIva("123456789")).toThrow(RangeError);
  });
});

describe("validaPartitaIva", () => {
  it.each(AZIENDE)("accetta la partita IVA di riferimento %s", (p) => {
    expect(validaPartitaIva(p)).toEqual({ valido: true });
  });
  it("rifiuta formato e cifra di controllo errati", () => {
    expect(validaPartitaIva("0987654028")).toEqual({ valido: false, motivo: "La partita IVA deve avere 11 cifre" });
    expect(validaPartitaIva("09876540289")).toMatchObject({ valido: false, motivo: expect.stringMatching(/controllo/) });
  });
  it("cambiare una cifra non la lascia mai valida", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{10}$/),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 1, max: 9 }),
        (primi10, posizione, scarto) => {
          const piva = primi10 + cifraControlloPartitaIva(primi10);
          const nuova = String((Number(piva[posizione]) + scarto) % 10);
          const alterata = piva.slice(0, posizione) + nuova + piva.slice(posizione + 1);
          expect(validaPartitaIva(piva).valido).toBe(true);
          expect(validaPartitaIva(alterata).valido).toBe(false);
        },
      ),
    );
  });
});

const OGGI = "2026-02-10";

describe("validaCodiceFiscaleAzienda", () => {
  it("accetta 11 cifre e il codice di una persona (impresa individuale)", () => {
    expect(validaCodiceFiscaleAzienda("09876540288", OGGI)).toEqual({ valido: true, tipo: "numerico" });
    expect(validaCodiceFiscaleAzienda("SMPMRC80C12G224X", OGGI)).toEqual({ valido: true, tipo: "persona" });
  });
  it("rifiuta codici errati di entrambi i tipi e lunghezze diverse", () => {
    expect(validaCodiceFiscaleAzienda("09876540289", OGGI)).toMatchObject({ valido: false, tipo: "numerico" });
    expect(validaCodiceFiscaleAzienda("SMPMRC80C12G224Y", OGGI)).toMatchObject({ valido: false, tipo: "persona" });
    expect(validaCodiceFiscaleAzienda("123", OGGI)).toMatchObject({ valido: false, tipo: null });
  });
});
