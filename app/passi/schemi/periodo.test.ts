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

describe("messaggi del periodo", () => {
  const base = { causale: "X", tipo: "sospensione", dataInizio: "02/03/2026", dataFine: "29/03/2026", oreRichieste: "100" };
  const messaggi = (r: ReturnType<typeof schema.safeParse>) => (r.success ? [] : r.error.issues.map((i) => i.message));

  it("31/02/2027 è nel formato giusto ma non esiste: lo dice, non chiede il formato", () => {
    const [m] = messaggi(schema.safeParse({ ...base, dataInizio: "31/02/2027" }));
    expect(m).toMatch(/^La data di inizio non esiste/);
    expect(messaggi(schema.safeParse({ ...base, dataFine: "1/4/2026" }))[0]).toMatch(/nel formato gg\/mm\/aaaa/);
  });

  const unita = [{ orarioSettimanale: 40, lavoratori: 10 }];
  const conUnita = creaSchemaPeriodo([{ codice: "X", meteo: false }], unita);

  it("ore lavorate durante la riduzione pari o oltre l'orario del contratto: errore che cita l'orario", () => {
    const r = conUnita.safeParse({ ...base, tipo: "riduzione", oreSettimanaliRidotte: "40" });
    expect(r.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["oreSettimanaliRidotte", expect.stringMatching(/meno dell'orario settimanale del contratto \(40 ore/)],
    ]);
    expect(conUnita.safeParse({ ...base, tipo: "riduzione", oreSettimanaliRidotte: "39" }).success).toBe(true);
  });

  it("ore richieste oltre quelle lavorabili da tutta l'unità nel periodo: errore con il massimo", () => {
    // 4 weeks × 10 workers × 40 hours = 1,600 hours.
    expect(conUnita.safeParse({ ...base, oreRichieste: "1600" }).success).toBe(true);
    const r = conUnita.safeParse({ ...base, oreRichieste: "100000" });
    expect(r.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["oreRichieste", expect.stringMatching(/al massimo 1\.600 ore \(10 lavoratori per 4 settimane\)/)],
    ]);
  });
});
