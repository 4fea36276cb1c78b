import { readFile } from "node:fs/promises";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validateXML } from "xmllint-wasm";
import { importoSepa, testoSepa, xmlPain001, type DatiFileLotto } from "./sepa";

const XSD = readFile(new URL("../../../docs/pagamenti/pain.001.001.03.xsd", import.meta.url), "utf8");

async function valida(xml: string) {
  return validateXML({ xml: [{ fileName: "lotto.xml", contents: xml }], schema: [{ fileName: "pain.001.001.03.xsd", contents: await XSD }] });
}

const LOTTO: DatiFileLotto = {
  messaggioId: "OMNIA-5700-20260310-01",
  creatoIl: "2026-03-10T09:00:00",
  dataEsecuzione: "2026-03-11",
  ordinante: { nome: "INPS - Istituto nazionale della previdenza sociale", iban: "IT60X0542811101000000123456", bic: null },
  disposizioni: [
    { id: "OMNIA-IMP-1", importoCentesimi: 12_052, iban: "IT21S9900101001000000100006", beneficiario: "Chiara Esempietto", causale: "CIGO pagamento diretto 2026-03 aut. T1-01" },
    { id: "OMNIA-IMP-2", importoCentesimi: 134_056, iban: "IT21S9900101001000000100006", beneficiario: "Niccolò D'Àlberti & C. <x>", causale: "Integrazione salariale marzo 2026 – «diretta»" },
  ],
};

describe("file SEPA pain.001.001.03 di un lotto", () => {
  it("è valido per lo schema ISO 20022 ufficiale, con numero di disposizioni e somma di controllo", async () => {
    const xml = xmlPain001(LOTTO);
    const r = await valida(xml);
    expect(r.errors).toEqual([]);
    expect(r.valid).toBe(true);
    expect(xml.match(/<NbOfTxs>2<\/NbOfTxs>/g)).toHaveLength(2);
    expect(xml.match(/<CtrlSum>1461.08<\/CtrlSum>/g)).toHaveLength(2);
    expect(xml).toContain('<InstdAmt Ccy="EUR">120.52</InstdAmt>');
    // Caratteri fuori dall'insieme SEPA traslitterati o tolti; nessun markup iniettato.
    expect(xml).toContain("<Nm>Niccolo D&apos;Alberti C. x</Nm>");
    expect(xml).not.toContain("<x>");
  });
  it("rifiuta un lotto vuoto, importi non positivi e IBAN non validi", () => {
    expect(() => xmlPain001({ ...LOTTO, disposizioni: [] })).toThrow(RangeError);
    expect(() => xmlPain001({ ...LOTTO, disposizioni: [{ ...LOTTO.disposizioni[0], importoCentesimi: 0 }] })).toThrow(RangeError);
    expect(() => xmlPain001({ ...LOTTO, disposizioni: [{ ...LOTTO.disposizioni[0], iban: "IT21 S990" }] })).toThrow(RangeError);
  });
  it("importi in centesimi esatti, testi nei caratteri SEPA e nella lunghezza massima", () => {
    expect(importoSepa(5)).toBe("0.05");
    expect(importoSepa(100)).toBe("1.00");
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (c) => {
        const [interi, decimali] = importoSepa(c).split(".");
        expect(BigInt(interi) * 100n + BigInt(decimali)).toBe(BigInt(c));
      }),
    );
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1, max: 140 }), (s, n) => {
        const t = testoSepa(s, n);
        expect(t.length).toBeGreaterThan(0);
        expect(t.length).toBeLessThanOrEqual(n);
        expect(t).toMatch(/^[A-Za-z0-9/\-?:().,'+ ]+$/);
      }),
    );
  });
  it("proprietà: qualunque lotto di importi positivi è valido per lo schema e CtrlSum è la somma esatta", async () => {
    const lotti = fc.sample(fc.array(fc.integer({ min: 1, max: 99_999_999 }), { minLength: 1, maxLength: 30 }), 15);
    for (const importi of lotti) {
      const xml = xmlPain001({ ...LOTTO, disposizioni: importi.map((c, i) => ({ ...LOTTO.disposizioni[0], id: `I${i}`, importoCentesimi: c })) });
      expect((await valida(xml)).valid).toBe(true);
      expect(xml).toContain(`<CtrlSum>${importoSepa(importi.reduce((a, b) => a + b, 0))}</CtrlSum>`);
    }
  });
});
