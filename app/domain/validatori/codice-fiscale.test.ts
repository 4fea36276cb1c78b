import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  carattereControlloCF,
  generaCodiceFiscale,
  normalizzaOmocodia,
  validaCodiceFiscalePersona,
} from "./codice-fiscale";

// The reference scenarios' filing date: the century of a birth year is chosen against it.
const OGGI = "2026-02-10";

// Workers of the seed's reference companies (codes valid by checksum).
const LAVORATORI = [
  "SMPMRC80C12G224X", "FTTGLI92L45L840N", "CMPLCU03S23G224Z", "DMSSRA75A70L781U", "PRVHMD88P09Z330P",
  "FNZPLA69D18L781Z", "SMPCHR99T41F205E", "SMLDVD85H14F205O", "MDLLNE90B68H501W", "CMPFNC62R07H501F",
  "DMSRNI95E60Z129K", "PRTNCL78M03A662J", "BZZRSO01C55A662M",
];

describe("carattereControlloCF", () => {
  it("riproduce l'esempio dell'Agenzia delle Entrate (RSSMRA85T10A562)", () => {
    expect(carattereControlloCF("RSSMRA85T10A562")).toBe("S");
  });
  it("rifiuta input che non sono 15 caratteri alfanumerici", () => {
    expect(() => carattereControlloCF("RSSMRA85T10A56")).toThrow(RangeError);
  });
});

describe("validaCodiceFiscalePersona", () => {
  it.each(LAVORATORI)("accetta il codice di riferimento %s", (cf) => {
    expect(validaCodiceFiscalePersona(cf, { oggi: OGGI }).valido).toBe(true);
  });

  it("decodifica data, sesso e luogo", () => {
    expect(validaCodiceFiscalePersona("FTTGLI92L45L840N", { oggi: OGGI })).toMatchObject({
      valido: true, dataNascita: "1992-07-05", sesso: "F", codiceCatastale: "L840", omocodico: false,
    });
    expect(validaCodiceFiscalePersona("PRVHMD88P09Z330P", { oggi: OGGI })).toMatchObject({
      dataNascita: "1988-09-09", sesso: "M", codiceCatastale: "Z330",
    });
  });

  it("never decodes a birth in the future: years 27–29 are 1927–1929 on 10/02/2026", () => {
    const cf = (data: string) =>
      generaCodiceFiscale({ cognome: "Prova", nome: "Anna", dataNascita: data, sesso: "F", codiceCatastale: "H501" });
    for (const data of ["1927-03-01", "1928-06-15", "1929-12-31"]) {
      expect(validaCodiceFiscalePersona(cf(data), { oggi: OGGI }).dataNascita).toBe(data);
    }
    // The most recent date not after today: read on 01/01/2030 a "29" is 2029; on 14/06/2028 a "28" of 15/06 is 1928.
    expect(validaCodiceFiscalePersona(cf("1929-12-31"), { oggi: "2030-01-01" }).dataNascita).toBe("2029-12-31");
    expect(validaCodiceFiscalePersona(cf("1928-06-15"), { oggi: "2028-06-14" }).dataNascita).toBe("1928-06-15");
  });

  it("sceglie il secolo rispetto alla data di riferimento", () => {
    expect(validaCodiceFiscalePersona("CMPLCU03S23G224Z", { oggi: OGGI }).dataNascita).toBe("2003-11-23");
    expect(validaCodiceFiscalePersona("CMPLCU03S23G224Z", { oggi: "2003-11-22" }).dataNascita).toBe("1903-11-23");
    expect(validaCodiceFiscalePersona("CMPLCU03S23G224Z", { oggi: "2003-11-23" }).dataNascita).toBe("2003-11-23");
  });

  it("accetta minuscole e spazi attorno", () => {
    expect(validaCodiceFiscalePersona("  smpmrc80c12g224x ", { oggi: OGGI }).valido).toBe(true);
  });

  it("rifiuta lunghezza, formato e controllo errati con un motivo", () => {
    expect(validaCodiceFiscalePersona("SMPMRC80C12G224", { oggi: OGGI }).motivo).toMatch(/16 caratteri/);
    expect(validaCodiceFiscalePersona("SMPMRC8AC12G224X", { oggi: OGGI }).motivo).toMatch(/formato/);
    expect(validaCodiceFiscalePersona("SMPMRC80C12G224Y", { oggi: OGGI }).motivo).toMatch(/controllo/);
  });

  it("rifiuta un mese inesistente", () => {
    const primi15 = "SMPMRC80Z12G224";
    expect(validaCodiceFiscalePersona(primi15 + carattereControlloCF(primi15), { oggi: OGGI }).motivo).toMatch(/mese/);
  });

  it("rifiuta il 31 febbraio e il 29 febbraio di un anno non bisestile, accetta quello bisestile", () => {
    const cf = (data: string) =>
      generaCodiceFiscale({ cognome: "Prova", nome: "Anna", dataNascita: data, sesso: "F", codiceCatastale: "H501" });
    const bisestile = cf("1984-02-29");
    expect(validaCodiceFiscalePersona(bisestile, { oggi: OGGI }).dataNascita).toBe("1984-02-29");
    // 85 non è bisestile: stesso codice con anno 85 e giorno 69 (29 + 40).
    const primi15 = bisestile.slice(0, 6) + "85" + bisestile.slice(8, 15);
    expect(validaCodiceFiscalePersona(primi15 + carattereControlloCF(primi15), { oggi: OGGI }).motivo).toMatch(/giorno/);
    const trentuno = bisestile.slice(0, 9) + "71" + bisestile.slice(11, 15);
    expect(validaCodiceFiscalePersona(trentuno + carattereControlloCF(trentuno), { oggi: OGGI }).valido).toBe(false);
  });

  it("accetta un codice omocodico e lo normalizza", () => {
    const omocodico = generaCodiceFiscale({
      cognome: "Esempio", nome: "Marco", dataNascita: "1980-03-12", sesso: "M", codiceCatastale: "G224", livelloOmocodia: 2,
    });
    expect(omocodico.slice(0, 15)).toBe("SMPMRC80C12G2NQ");
    const esito = validaCodiceFiscalePersona(omocodico, { oggi: OGGI });
    expect(esito).toMatchObject({ valido: true, omocodico: true, normalizzato: "SMPMRC80C12G224X", codiceCatastale: "G224" });
    expect(normalizzaOmocodia(omocodico).slice(0, 15)).toBe("SMPMRC80C12G224");
  });
});

describe("generaCodiceFiscale", () => {
  it("riproduce il codice di Marco Esempio dei dati di riferimento", () => {
    expect(
      generaCodiceFiscale({ cognome: "Esempio", nome: "Marco", dataNascita: "1980-03-12", sesso: "M", codiceCatastale: "G224" }),
    ).toBe("SMPMRC80C12G224X");
  });
  it("usa 1ª, 3ª e 4ª consonante del nome con almeno 4 consonanti e completa con X i nomi corti", () => {
    const cf = generaCodiceFiscale({ cognome: "Fo", nome: "Gianfranco", dataNascita: "1950-01-01", sesso: "M", codiceCatastale: "F205" });
    expect(cf.slice(0, 6)).toBe("FOXGFR");
  });
  it("ignora accenti, apostrofi e spazi", () => {
    const cf = generaCodiceFiscale({ cognome: "D'Àlessìo", nome: "Nicolò", dataNascita: "1970-12-31", sesso: "M", codiceCatastale: "A662" });
    expect(cf.slice(0, 6)).toBe("DLSNCL");
  });
  it("rifiuta dati non validi", () => {
    const base = { cognome: "A", nome: "B", sesso: "M" as const, codiceCatastale: "G224" };
    expect(() => generaCodiceFiscale({ ...base, dataNascita: "1990-02-30" })).toThrow(RangeError);
    expect(() => generaCodiceFiscale({ ...base, dataNascita: "1990-02-01", codiceCatastale: "G22" })).toThrow(RangeError);
    expect(() => generaCodiceFiscale({ ...base, dataNascita: "1990-02-01", livelloOmocodia: 8 })).toThrow(RangeError);
  });
});

const ALFABETO = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".split("");
const anagrafica = fc.record({
  cognome: fc.string({ unit: fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZ".split("")), minLength: 1, maxLength: 12 }),
  nome: fc.string({ unit: fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZ".split("")), minLength: 1, maxLength: 12 }),
  dataNascita: fc
    .date({ min: new Date("1927-01-02T00:00:00Z"), max: new Date("2025-12-31T00:00:00Z"), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  sesso: fc.constantFrom("M" as const, "F" as const),
  codiceCatastale: fc.tuple(fc.constantFrom(..."ABCDEFGHILMZ".split("")), fc.integer({ min: 0, max: 999 }))
    .map(([l, n]) => l + String(n).padStart(3, "0")),
  livelloOmocodia: fc.integer({ min: 0, max: 7 }),
});

describe("proprietà del codice fiscale", () => {
  it("un codice generato è sempre valido e restituisce data e sesso", () => {
    fc.assert(
      fc.property(anagrafica, (dati) => {
        const esito = validaCodiceFiscalePersona(generaCodiceFiscale(dati), { oggi: "2026-01-01" });
        expect(esito.valido).toBe(true);
        expect(esito.dataNascita).toBe(dati.dataNascita);
        expect(esito.sesso).toBe(dati.sesso);
        expect(esito.codiceCatastale).toBe(dati.codiceCatastale);
      }),
    );
  });

  it("cambiare un carattere non lo lascia valido, salvo le sostituzioni di omocodia", () => {
    fc.assert(
      fc.property(
        anagrafica,
        fc.integer({ min: 0, max: 15 }),
        fc.constantFrom(...ALFABETO),
        (dati, posizione, nuovo) => {
          const cf = generaCodiceFiscale(dati);
          fc.pre(cf[posizione] !== nuovo);
          const alterato = cf.slice(0, posizione) + nuovo + cf.slice(posizione + 1);
          const esito = validaCodiceFiscalePersona(alterato, { oggi: OGGI });
          if (esito.valido) {
            // L'unico cambio ammesso è cifra ↔ lettera di omocodia che rappresenta la stessa cifra.
            expect(esito.normalizzato).toBe(normalizzaOmocodia(cf));
          }
        },
      ),
    );
  });
});
