import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applicaEsitoBanca, descriviMotivo, type DisposizioneDelLotto, type EsitoBancaLetto } from "./esito-banca";

const LOTTO = "OMNIA-0001-20261130-01";
const disposizioni = (n: number): DisposizioneDelLotto[] => Array.from({ length: n }, (_, i) => ({ endToEndId: `OMNIA-IMP-${i + 1}`, importoId: i + 1, esito: null }));
const file = (transazioni: Array<[string, string, string?]>, extra: Partial<EsitoBancaLetto> = {}): EsitoBancaLetto => ({
  messaggioId: "BANCA-1", messaggioOriginale: LOTTO, statoGruppo: null, motivoGruppo: null,
  transazioni: transazioni.map(([endToEndId, stato, motivo]) => ({ endToEndId, stato, motivo: motivo ?? null, informazioni: null })),
  ...extra,
});

describe("esito della banca (pain.002.001.03)", () => {
  it("ACCP e ACSC pagano, RJCT respinge con il motivo in italiano; il lotto è pagato in parte", () => {
    const r = applicaEsitoBanca({ messaggioId: LOTTO, disposizioni: disposizioni(3) }, file([["OMNIA-IMP-1", "ACSC"], ["OMNIA-IMP-2", "ACCP"], ["OMNIA-IMP-3", "RJCT", "AC04"]]));
    expect(r).toMatchObject({ ok: true, statoLotto: "pagato_in_parte", pagate: 2, respinte: 1, invariate: 0, inCorso: 0 });
    if (!r.ok) return;
    expect(r.cambi.find((c) => c.importoId === 3)).toMatchObject({ esito: "respinto", motivo: "AC04", descrizione: "conto del beneficiario chiuso (AC04)" });
  });
  it("lo stesso file due volte: la seconda non cambia nulla", () => {
    const lotto = { messaggioId: LOTTO, disposizioni: disposizioni(2) };
    const f = file([["OMNIA-IMP-1", "ACSC"], ["OMNIA-IMP-2", "RJCT", "AC01"]]);
    const prima = applicaEsitoBanca(lotto, f);
    if (!prima.ok) throw new Error("rifiutato");
    const registrato = lotto.disposizioni.map((d) => ({ ...d, esito: prima.cambi.find((c) => c.endToEndId === d.endToEndId)?.esito ?? null }));
    expect(applicaEsitoBanca({ messaggioId: LOTTO, disposizioni: registrato }, f)).toMatchObject({ ok: true, cambi: [], invariate: 2, statoLotto: "pagato_in_parte" });
  });
  it("rifiutato per intero: un altro lotto, una disposizione che il lotto non ha, uno stato sconosciuto, un esito contraddetto", () => {
    expect(applicaEsitoBanca({ messaggioId: LOTTO, disposizioni: disposizioni(1) }, file([["OMNIA-IMP-1", "ACSC"]], { messaggioOriginale: "ALTRO" }))).toMatchObject({ ok: false });
    const estranea = applicaEsitoBanca({ messaggioId: LOTTO, disposizioni: disposizioni(1) }, file([["OMNIA-IMP-1", "ACSC"], ["OMNIA-IMP-9", "ACSC"]]));
    expect(estranea).toEqual({ ok: false, errori: ["La disposizione OMNIA-IMP-9 non è in questo lotto."] });
    expect(applicaEsitoBanca({ messaggioId: LOTTO, disposizioni: disposizioni(1) }, file([["OMNIA-IMP-1", "XXXX"]]))).toMatchObject({ ok: false });
    const pagata = [{ endToEndId: "OMNIA-IMP-1", importoId: 1, esito: "pagato" as const }];
    expect(applicaEsitoBanca({ messaggioId: LOTTO, disposizioni: pagata }, file([["OMNIA-IMP-1", "RJCT", "AC01"]]))).toMatchObject({ ok: false });
    expect(applicaEsitoBanca({ messaggioId: LOTTO, disposizioni: disposizioni(1) }, file([["OMNIA-IMP-1", "ACSC"], ["OMNIA-IMP-1", "RJCT"]]))).toMatchObject({ ok: false });
  });
  it("uno stato del file senza transazioni vale per tutte; PDNG lascia il lotto in corso", () => {
    const tutte = applicaEsitoBanca({ messaggioId: LOTTO, disposizioni: disposizioni(3) }, file([], { statoGruppo: "RJCT", motivoGruppo: "FF01" }));
    expect(tutte).toMatchObject({ ok: true, statoLotto: "respinto", respinte: 3 });
    expect(applicaEsitoBanca({ messaggioId: LOTTO, disposizioni: disposizioni(2) }, file([["OMNIA-IMP-1", "ACSC"], ["OMNIA-IMP-2", "PDNG"]]))).toMatchObject({ ok: true, statoLotto: "in_corso", inCorso: 1 });
    expect(applicaEsitoBanca({ messaggioId: LOTTO, disposizioni: disposizioni(1) }, file([]))).toMatchObject({ ok: false });
    expect(descriviMotivo(null)).toBe("motivo non indicato dalla banca");
    expect(descriviMotivo("ZZ99")).toBe("codice ZZ99");
  });
  it("proprietà: applicarlo due volte è come una; mai un cambio fuori dal lotto; lo stato del lotto segue i conteggi", () => {
    const stato = fc.constantFrom("ACSC", "ACCP", "ACTC", "RJCT", "PDNG", "XXXX");
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.array(fc.tuple(fc.integer({ min: 1, max: 25 }), stato), { maxLength: 30 }), (n, righe) => {
        const lotto = { messaggioId: LOTTO, disposizioni: disposizioni(n) };
        const f = file(righe.map(([i, s]) => [`OMNIA-IMP-${i}`, s, s === "RJCT" ? "AC01" : undefined]));
        const r = applicaEsitoBanca(lotto, f);
        if (!r.ok) {
          expect(r.errori.length).toBeGreaterThan(0);
          return;
        }
        for (const c of r.cambi) expect(c.importoId).toBeLessThanOrEqual(n);
        expect(r.pagate + r.respinte + r.inCorso).toBe(n);
        expect(r.statoLotto === "in_corso").toBe(r.inCorso > 0);
        const registrato = lotto.disposizioni.map((d) => ({ ...d, esito: r.cambi.find((c) => c.endToEndId === d.endToEndId)?.esito ?? null }));
        const di2 = applicaEsitoBanca({ messaggioId: LOTTO, disposizioni: registrato }, f);
        expect(di2).toMatchObject({ ok: true, cambi: [], statoLotto: r.statoLotto, pagate: r.pagate, respinte: r.respinte });
      }),
    );
  });
});
