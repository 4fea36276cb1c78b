import { describe, expect, it } from "vitest";
import { esito, gravitaMassima, inviabile } from "./esito";
import { parametro } from "./parametri";

describe("esito", () => {
  it("marca provvisorio e lo dice nel messaggio quando un parametro è incerto", () => {
    const e = esito({
      regola: "prova", riferimento: "art. 8 L. 457/1972", gravita: "informazione", messaggio: "Importo calcolato.",
      parametri: [parametro("cisoa.percentuale", "2026-01-01"), parametro("importo.riduzione", "2026-01-01")],
    });
    expect(e.provvisorio).toBe(true);
    expect(e.messaggio).toMatch(/^Importo calcolato\. \(Regola provvisoria.*cisoa\.percentuale\.\)$/);
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
});
