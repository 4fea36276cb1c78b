// The stored answers read through leggiRisposte / leggiRisposta, which remember their parses: they must answer what
// a fresh zod parse answers, for any document, however often and in whatever order documents are read.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { leggiRisposta, leggiRisposte, PASSI, type ChiavePasso } from "./index";
import { AZIENDA_DI_PROVA, UNITA_DI_PROVA } from "../../tests/risposte-di-prova";

const VALIDE: Partial<Record<ChiavePasso, unknown>> = {
  azienda: AZIENDA_DI_PROVA,
  unitaProduttiva: UNITA_DI_PROVA,
  periodo: {
    causale: "mancanza_lavoro",
    eone: false,
    meteo: false,
    straordinaria: false,
    tipo: "sospensione",
    dataInizio: "2026-01-05",
    dataFine: "2026-01-30",
    oreRichieste: 160,
    giorni: ["2026-01-05", "2026-01-06"],
  },
  lavoratori: { modalita: "uniemens", numero: 3 },
  allegati: { numero: 2 },
};

/** A fresh parse, step by step, as leggiRisposte did before it remembered anything. */
function attese(doc: Record<string, unknown>) {
  const r: Record<string, unknown> = {};
  for (const p of PASSI) {
    if (!(p.chiave in doc)) continue;
    const g = doc[p.chiave];
    if (g == null) r[p.chiave] = null;
    else {
      const letta = p.risposte.safeParse(g);
      r[p.chiave] = letta.success ? letta.data : null;
    }
  }
  return r;
}

const chiavi = PASSI.map((p) => p.chiave);
/** A step's answer: a valid one, a valid one with a field changed or dropped, null, or any JSON. */
function risposta(chiave: ChiavePasso) {
  const valida = VALIDE[chiave];
  const varianti: Array<fc.Arbitrary<unknown>> = [fc.constant(null), fc.jsonValue({ maxDepth: 2 })];
  if (valida && typeof valida === "object") {
    const campi = Object.keys(valida);
    varianti.push(
      fc.constant(valida),
      fc.tuple(fc.constantFrom(...campi), fc.jsonValue({ maxDepth: 1 })).map(([c, v]) => ({ ...valida, [c]: v })),
      fc.constantFrom(...campi).map((c) => Object.fromEntries(Object.entries(valida).filter(([k]) => k !== c))),
    );
  }
  return fc.oneof(...varianti);
}
// A document as stored (jsonb) and read back: JSON, so no -0, which JSON writes as 0. fc.jsonValue can give -0, and
// a document with -0 and one with 0 are the same stored document (the same key for the remembered reads).
const documento = fc
  .tuple(...chiavi.map((c) => fc.option(risposta(c), { nil: undefined })))
  .map((valori) => JSON.parse(JSON.stringify(Object.fromEntries(valori.flatMap((v, i) => (v === undefined ? [] : [[chiavi[i], v]])))))) as fc.Arbitrary<Record<string, unknown>>;

describe("lettura delle risposte salvate", () => {
  it("risponde come un'analisi nuova per documenti qualsiasi, letti più volte e in ordine qualsiasi", () => {
    fc.assert(
      fc.property(fc.array(documento, { minLength: 1, maxLength: 8 }), (documenti) => {
        for (const doc of [...documenti, ...documenti.reverse()]) {
          expect(leggiRisposte(doc)).toStrictEqual(attese(doc));
          for (const c of chiavi) expect(leggiRisposta(c, doc[c])).toStrictEqual(c in doc ? attese(doc)[c] : null);
        }
      }),
      { numRuns: 100 },
    );
  });

  it("un documento modificato si legge modificato (la stessa domanda, un altro valore)", () => {
    const prima = { ...VALIDE, periodo: { ...(VALIDE.periodo as object), dataFine: "2026-01-30" } };
    const dopo = { ...VALIDE, periodo: { ...(VALIDE.periodo as object), dataFine: "2026-02-27" } };
    expect(leggiRisposte(prima).periodo?.dataFine).toBe("2026-01-30");
    expect(leggiRisposte(dopo).periodo?.dataFine).toBe("2026-02-27");
    expect(leggiRisposta("periodo", dopo.periodo)?.dataFine).toBe("2026-02-27");
    expect(leggiRisposte(prima).periodo?.dataFine).toBe("2026-01-30");
  });

  it("chi modifica le risposte ricevute non cambia quelle lette dopo", () => {
    const letta = leggiRisposte(VALIDE);
    letta.periodo!.giorni!.push("2026-01-07");
    letta.lavoratori!.numero = 99;
    delete letta.azienda;
    const diNuovo = leggiRisposte(VALIDE);
    expect(diNuovo.periodo?.giorni).toEqual(["2026-01-05", "2026-01-06"]);
    expect(diNuovo.lavoratori?.numero).toBe(3);
    expect(diNuovo.azienda).toEqual(VALIDE.azienda);
    const periodo = leggiRisposta("periodo", VALIDE.periodo)!;
    periodo.oreRichieste = 1;
    expect(leggiRisposta("periodo", VALIDE.periodo)?.oreRichieste).toBe(160);
  });
});
