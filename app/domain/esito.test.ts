import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { incertezzaParametro, messaggiRegole } from "~/testi/regole";
import { esito, gravitaMassima, inviabile, messaggioPerUtente } from "./esito";
import { elencoParametri, parametro } from "./parametri";
import { NOME_INTERNO, nomiInterniIn } from "../../tests/nomi-interni";

describe("esito", () => {
  it("marca provvisorio e lo dice nel messaggio quando un parametro è incerto", () => {
    const e = esito({
      regola: "prova", riferimento: "art. 8 L. 457/1972", gravita: "informazione", messaggio: "Importo calcolato.",
      parametri: [parametro("cisoa.percentuale", "2026-01-01"), parametro("importo.riduzione", "2026-01-01")],
    });
    expect(e.provvisorio).toBe(true);
    expect(e.messaggio).toBe(`Importo calcolato. (Regola provvisoria: ${messaggiRegole.incertezze["cisoa.percentuale"]}.)`);
    expect(e.messaggio).not.toContain("cisoa.percentuale");
    expect(e.dati.parametri).toHaveLength(2);
  });
  it("non è provvisorio con soli parametri certi o probabili", () => {
    const e = esito({ regola: "prova", riferimento: "x", gravita: "avviso", messaggio: "M.", parametri: [parametro("termini.AIS_FIS", "2026-01-01")] });
    expect(e).toMatchObject({ provvisorio: false, messaggio: "M." });
    expect(esito({ regola: "r", riferimento: "x", gravita: "avviso", messaggio: "M." }).dati).toEqual({});
  });
  it("combina le gravità", () => {
    const mk = (g: "bloccante" | "avviso" | "informazione") => esito({ regola: "r", riferimento: "x", gravita: g, messaggio: "m" });
    expect(gravitaMassima([])).toBe("informazione");
    expect(gravitaMassima([mk("informazione"), mk("avviso")])).toBe("avviso");
    expect(gravitaMassima([mk("avviso"), mk("bloccante"), mk("informazione")])).toBe("bloccante");
    expect(inviabile([mk("avviso")])).toBe(true);
    expect(inviabile([mk("avviso"), mk("bloccante")])).toBe(false);
  });
  it("ogni parametro incerto è detto in parole semplici, mai con il suo nome interno", () => {
    const incerti = elencoParametri().filter((p) => p.confidenza === "incerto");
    expect(incerti.length).toBeGreaterThan(0);
    for (const p of incerti) {
      const frase = incertezzaParametro(p.nome);
      expect(frase, p.nome).not.toBe(messaggiRegole.incertezzaGenerica);
      expect(frase, p.nome).not.toMatch(NOME_INTERNO);
    }
    expect(incertezzaParametro("parametro.sconosciuto")).toBe(messaggiRegole.incertezzaGenerica);
  });
  it("nessun messaggio di esito contiene il nome interno di un parametro (proprietà)", () => {
    const tutti = elencoParametri();
    fc.assert(
      fc.property(fc.subarray(tutti, { maxLength: 6 }), fc.constantFrom("bloccante", "avviso", "informazione"), (parametri, gravita) => {
        const e = esito({ regola: "prova.regola", riferimento: "art. 12 d.lgs. 148/2015", gravita, messaggio: "Controllo eseguito.", parametri });
        expect(nomiInterniIn(e.messaggio)).toEqual([]);
        expect(e.provvisorio).toBe(parametri.some((p) => p.confidenza === "incerto"));
      }),
    );
  });
  it("il riconoscitore dei nomi interni li riconosce e lascia stare i riferimenti normativi", () => {
    for (const n of ["durata.cigo.oreLavorabili", "liquidita.formula", "quick-ratio-provvisoria-1", "limiti.art4.eone"]) expect(n).toMatch(NOME_INTERNO);
    for (const t of ["art. 12 c.5 d.lgs. 148/2015", "D.L. 98/2023", "circ. INPS 48/2023", "L. 241/1990", "nome@dominio.it"]) expect(t).not.toMatch(NOME_INTERNO);
  });
});

describe("messaggioPerUtente", () => {
  it("riscrive in parole semplici la nota provvisoria salvata con i nomi interni", () => {
    const vecchio =
      "Ore richieste entro un terzo. (Regola provvisoria: si basa su un parametro non ancora confermato da una fonte ufficiale: durata.cigo.oreLavorabili, liquidita.formula.)";
    const nuovo = messaggioPerUtente(vecchio);
    expect(nuovo).toBe(
      `Ore richieste entro un terzo. (Regola provvisoria: ${messaggiRegole.incertezze["durata.cigo.oreLavorabili"]}; ${messaggiRegole.incertezze["liquidita.formula"]}.)`,
    );
    expect(nomiInterniIn(nuovo)).toEqual([]);
  });
  it("lascia com'è un messaggio senza nota storica", () => {
    expect(messaggioPerUtente("Periodo nei termini.")).toBe("Periodo nei termini.");
  });
});
