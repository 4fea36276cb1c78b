import { describe, expect, it } from "vitest";
import { creaSchemaPeriodo } from "./periodo";

const schema = creaSchemaPeriodo([{ codice: "X", meteo: false }]);

describe("schema del periodo", () => {
  it("una data inesistente dà un solo errore, sul suo campo, e nessun errore spurio sulla fine", () => {
    const r = schema.safeParse({ causale: "X", tipo: "sospensione", dataInizio: "31/02/2026", dataFine: "26/04/2026", oreRichieste: "100" });
    expect(r.success).toBe(false);
    const percorsi = r.error!.issues.map((i) => i.path.join("."));
    expect(percorsi).toEqual(["dataInizio"]);
  });

  it("la fine prima dell'inizio è segnalata sulla fine", () => {
    const r = schema.safeParse({ causale: "X", tipo: "sospensione", dataInizio: "26/04/2026", dataFine: "02/02/2026", oreRichieste: "100" });
    expect(r.error!.issues.map((i) => i.path.join("."))).toEqual(["dataFine"]);
  });
});
