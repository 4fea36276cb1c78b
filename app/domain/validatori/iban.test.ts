import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { calcolaCin, componiIbanItaliano, validaIban } from "./iban";

// IBAN dei lavoratori dei dati di riferimento del seed.
const IBAN_RIFERIMENTO = [
  "IT62M9900101001000000100000", "IT39N9900101001000000100001", "IT16O9900101001000000100002",
  "IT90P9900101001000000100003", "IT67Q9900101001000000100004", "IT44R9900101001000000100005",
  "IT21S9900101001000000100006", "IT95T9900101001000000100007", "IT72U9900101001000000100008",
  "IT49V9900101001000000100009", "IT79L9900101001000000100010", "IT56M9900101001000000100011",
  "IT33N9900101001000000100012",
];

describe("calcolaCin e componiIbanItaliano", () => {
  it("riproducono l'esempio pubblico IT60X0542811101000000123456", () => {
    expect(calcolaCin("05428", "11101", "000000123456")).toBe("X");
    expect(componiIbanItaliano("05428", "11101", "123456")).toBe("IT60X0542811101000000123456");
  });
  it("riproducono gli IBAN dei dati di prova", () => {
    IBAN_RIFERIMENTO.forEach((iban, i) => {
      expect(componiIbanItaliano("99001", "01001", String(100000 + i).padStart(12, "0"))).toBe(iban);
    });
  });
  it("rifiutano ABI, CAB o conto malformati", () => {
    expect(() => calcolaCin("0542", "11101", "1")).toThrow(RangeError);
    expect(() => calcolaCin("05428", "1110A", "1")).toThrow(RangeError);
    expect(() => calcolaCin("05428", "11101", "1234567890123")).toThrow(RangeError);
  });
});

describe("validaIban", () => {
  it.each(IBAN_RIFERIMENTO)("accetta l'IBAN di riferimento %s", (iban) => {
    expect(validaIban(iban)).toEqual({ valido: true, paese: "IT" });
  });
  it("accetta spazi e minuscole", () => {
    expect(validaIban("it60 x054 2811 1010 0000 0123 456").valido).toBe(true);
  });
  it("rifiuta un IBAN italiano con formato, MOD-97 o CIN errati", () => {
    expect(validaIban("IT60X054281110100000012345").motivo).toMatch(/27 caratteri/);
    expect(validaIban("IT61X0542811101000000123456").motivo).toMatch(/cifre di controllo/);
    // CIN sbagliato ma cifre di controllo ISO ricalcolate: lo intercetta solo il controllo del CIN.
    const senzaCin = "Y0542811101000000123456";
    const conCinErrato = "IT" + String(98 - Number(BigInt("340542811101000000123456" + "1829" + "00") % 97n)).padStart(2, "0") + senzaCin;
    expect(validaIban(conCinErrato).motivo).toMatch(/CIN/);
  });
  it("accetta un IBAN SEPA estero valido e rifiuta quelli non SEPA o errati", () => {
    expect(validaIban("DE89370400440532013000")).toEqual({ valido: true, paese: "DE" });
    expect(validaIban("DE89370400440532013001").motivo).toMatch(/estero/);
    expect(validaIban("BR1800360305000010009795493C1").motivo).toMatch(/SEPA/);
    expect(validaIban("123").motivo).toMatch(/SEPA/);
  });
  // MOD-97 catches every change of one digit for a digit, or one letter for a letter (the value of the number changes
  // by d·10^k or d·10^k with |d| < 97, never a multiple of 97). A letter put where a digit was makes the number one digit
  // longer: MOD-97 and the CIN can then both pass by chance (about 1 in 2,500), so that change is not a property.
  it("cambiare una cifra con un'altra cifra, o una lettera con un'altra lettera, in un IBAN italiano valido non lo lascia mai valido", () => {
    const cifre = "0123456789";
    const lettere = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{5}$/),
        fc.stringMatching(/^\d{5}$/),
        fc.stringMatching(/^[0-9A-Z]{12}$/),
        fc.integer({ min: 0, max: 26 }),
        fc.integer({ min: 1, max: 25 }),
        (abi, cab, conto, posizione, passo) => {
          const iban = componiIbanItaliano(abi, cab, conto);
          const originale = iban[posizione];
          const classe = cifre.includes(originale) ? cifre : lettere;
          const nuovo = classe[(classe.indexOf(originale) + (passo % (classe.length - 1)) + 1) % classe.length];
          expect(nuovo).not.toBe(originale);
          expect(validaIban(iban).valido).toBe(true);
          expect(validaIban(iban.slice(0, posizione) + nuovo + iban.slice(posizione + 1)).valido).toBe(false);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("tabelle di controllo", () => {
  it("rifiutano caratteri fuori da A–Z e 0–9", async () => {
    const { letteraControlloDispariPari } = await import("./tabelle-controllo");
    expect(() => letteraControlloDispariPari("ab")).toThrow(RangeError);
  });
});
