import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CATALOGO, elencoParametri, parametro, parametroSeInVigore, ParametroNonDisponibile, type NomeParametro } from "./index";
import type { VersioneParametro } from "./tipi";

/** The lookup as written in the catalogue, without any memory: what `parametro` must answer, every time. */
function attesa(nome: NomeParametro, data: string) {
  const v = (CATALOGO[nome] as ReadonlyArray<VersioneParametro<unknown>>).find((x) => x.validoDal <= data && (x.validoAl === null || data <= x.validoAl));
  return v ? { ...v, nome } : null;
}

describe("parametro(nome, data)", () => {
  it("sceglie il massimale dell'anno: 31 dicembre 2025 contro 1 gennaio 2026", () => {
    expect(parametro("massimale.mensile", "2025-12-31").valore.lordoCentesimi).toBe(140_403);
    expect(parametro("massimale.mensile", "2026-01-01").valore.lordoCentesimi).toBe(142_369);
    expect(parametro("massimale.mensile", "2025-01-01").fonte).toMatch(/circ\. 25/);
  });
  it("non inventa valori fuori dagli anni noti", () => {
    expect(() => parametro("massimale.mensile", "2027-01-01")).toThrow(ParametroNonDisponibile);
    expect(() => parametro("massimale.mensile", "2024-12-31")).toThrow(/non ha un valore in vigore il 2024-12-31/);
  });
  it("aliquota FIS ridotta e anzianità cambiano al confine dell'anno", () => {
    expect(parametro("fis.aliquoteOrdinarie", "2024-12-31").valore.ridottaFinoA5).toBeNull();
    expect(parametro("fis.aliquoteOrdinarie", "2025-01-01").valore.ridottaFinoA5).toBe(30);
    expect(parametro("lavoratori.anzianita", "2021-12-31").valore.giorniEffettivoLavoro).toBe(90);
    expect(parametro("lavoratori.anzianita", "2022-01-01").valore.giorniEffettivoLavoro).toBe(30);
    expect(() => parametro("contributoAddizionale.aliquoteRidotte", "2024-12-31")).toThrow(ParametroNonDisponibile);
  });
  it("i massimali tabellati sono coerenti con la riduzione del 5,84% e la maggiorazione del 20%", () => {
    // Le circolari arrotondano a partire da importi non arrotondati: tolleranza di 2 centesimi (2025: 1.404,03 → 1.322,05).
    for (const v of CATALOGO["massimale.mensile"]) {
      const m = v.valore;
      expect(Math.abs(Math.round(m.lordoCentesimi * 0.9416) - m.nettoCentesimi)).toBeLessThanOrEqual(2);
      expect(Math.abs(Math.round(m.intemperieLordoCentesimi * 0.9416) - m.intemperieNettoCentesimi)).toBeLessThanOrEqual(2);
      expect(Math.abs(Math.round(m.lordoCentesimi * 1.2) - m.intemperieLordoCentesimi)).toBeLessThanOrEqual(2);
    }
  });
  it("ogni versione ha fonte, riferimento, confidenza e intervalli che non si sovrappongono", () => {
    const tutti = elencoParametri();
    expect(tutti.length).toBeGreaterThan(25);
    for (const p of tutti) {
      expect(p.fonte.length).toBeGreaterThan(0);
      expect(p.riferimento.length).toBeGreaterThan(0);
      expect(["certo", "probabile", "incerto"]).toContain(p.confidenza);
      if (p.validoAl) expect(p.validoAl >= p.validoDal).toBe(true);
    }
    for (const nome of Object.keys(CATALOGO) as Array<keyof typeof CATALOGO>) {
      const versioni = [...CATALOGO[nome]].sort((a, b) => (a.validoDal < b.validoDal ? -1 : 1));
      for (let i = 1; i < versioni.length; i++) expect(versioni[i - 1].validoAl! < versioni[i].validoDal).toBe(true);
    }
  });
  it("i fatti incerti sono marcati incerti", () => {
    expect(parametro("cisoa.percentuale", "2026-01-01").confidenza).toBe("incerto");
    expect(parametro("liquidita.formula", "2026-01-01").confidenza).toBe("incerto");
    expect(parametro("durata.cigo.oreLavorabili", "2026-01-01").confidenza).toBe("incerto");
    expect(parametro("durata.fondi", "2026-01-01").confidenza).toBe("incerto");
  });
  it("risponde come la ricerca nel catalogo per nomi e date qualsiasi, anche chiesti più volte", () => {
    const nomi = Object.keys(CATALOGO) as NomeParametro[];
    // Dates around every version's bounds (the off-by-one days), and any day of 2015-2035.
    const confini = nomi.flatMap((n) => (CATALOGO[n] as ReadonlyArray<VersioneParametro<unknown>>).flatMap((v) => [v.validoDal, v.validoAl ?? "2030-01-01"]));
    const giorno = fc.integer({ min: Date.UTC(2015, 0, 1) / 864e5, max: Date.UTC(2035, 11, 31) / 864e5 }).map((d) => new Date(d * 864e5).toISOString().slice(0, 10));
    const vicinoAUnConfine = fc.tuple(fc.constantFrom(...confini), fc.integer({ min: -1, max: 1 })).map(([c, d]) => new Date(Date.parse(c) + d * 864e5).toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...nomi), fc.oneof(giorno, vicinoAUnConfine)), { minLength: 1, maxLength: 30 }), (richieste) => {
        for (const [nome, data] of [...richieste, ...richieste]) {
          const a = attesa(nome, data);
          expect(parametroSeInVigore(nome, data)).toEqual(a);
          if (a) expect(parametro(nome, data)).toEqual(a);
          else expect(() => parametro(nome, data)).toThrow(ParametroNonDisponibile);
        }
      }),
      { numRuns: 300 },
    );
  });
  it("una versione restituita non si può modificare (la stessa risposta vale per tutti i chiamanti)", () => {
    const p = parametro("massimale.mensile", "2026-01-01");
    expect(() => {
      (p as { validoDal: string }).validoDal = "2000-01-01";
    }).toThrow(TypeError);
    expect(parametro("massimale.mensile", "2026-01-01").validoDal).not.toBe("2000-01-01");
  });
});
