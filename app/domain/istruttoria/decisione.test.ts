import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { verificaDecisione, type DecisioneProposta, type RichiestoDallaDomanda } from "./decisione";

const RICHIESTO: RichiestoDallaDomanda = {
  periodo: { inizio: "2026-02-02", fine: "2026-04-26" },
  oreRichieste: 3840,
  lavoratori: ["SMPMRC80C12G224X", "CMPLCU03S23G224Z"],
  inizioCopertura: "2026-02-02",
  modalitaPagamento: "conguaglio",
};
const MOTIVAZIONE = "Sussistono i requisiti di transitorietà e non imputabilità: la domanda è autorizzata.";
const piena: DecisioneProposta = {
  esito: "autorizzata", motivazione: MOTIVAZIONE, periodo: RICHIESTO.periodo, oreAutorizzate: 3840,
  lavoratori: RICHIESTO.lavoratori, esclusioni: [], modalitaPagamento: "conguaglio",
};
const ctx = { richieste: [], oggi: "2026-03-20" };
const campi = (p: DecisioneProposta, r = RICHIESTO, c = ctx) => verificaDecisione(p, r, c).map((e) => e.campo);

describe("verifica della decisione", () => {
  it("un'autorizzazione piena e coerente non ha errori", () => {
    expect(verificaDecisione(piena, RICHIESTO, ctx)).toEqual([]);
  });
  it("la motivazione è obbligatoria per ogni esito (msg INPS 1396/2018)", () => {
    for (const esito of ["autorizzata", "autorizzata_parziale", "respinta"] as const) {
      expect(campi({ ...piena, esito, motivazione: "   " })).toContain("motivazione");
    }
    expect(verificaDecisione({ ...piena, motivazione: "ok" }, RICHIESTO, ctx)[0].messaggio).toMatch(/almeno 30 caratteri/);
  });
  it("escludere un lavoratore richiede «parziale» e il motivo dell'esclusione", () => {
    const senzaUno = { ...piena, lavoratori: ["SMPMRC80C12G224X"] };
    expect(campi(senzaUno)).toEqual(["esclusioni", "esito"]);
    const parziale: DecisioneProposta = {
      ...senzaUno, esito: "autorizzata_parziale",
      esclusioni: [{ tipo: "lavoratore", codiceFiscale: "CMPLCU03S23G224Z", motivo: "Meno di 30 giorni di effettivo lavoro all'unità produttiva." }],
    };
    expect(verificaDecisione(parziale, RICHIESTO, ctx)).toEqual([]);
  });
  it("un'autorizzazione parziale che non esclude nulla è un errore", () => {
    expect(campi({ ...piena, esito: "autorizzata_parziale" })).toEqual(["esito"]);
  });
  it("periodo e ore ridotti chiedono ciascuno il proprio motivo", () => {
    const p: DecisioneProposta = { ...piena, esito: "autorizzata_parziale", periodo: { inizio: "2026-02-02", fine: "2026-03-29" }, oreAutorizzate: 2000 };
    expect(verificaDecisione(p, RICHIESTO, ctx).map((e) => e.messaggio)).toEqual([
      "Indica perché il periodo autorizzato è più breve di quello richiesto",
      "Indica perché le ore autorizzate sono meno di quelle richieste",
    ]);
  });
  it("una domanda tardiva si autorizza per intero dalla prima data copribile, non prima", () => {
    const tardiva = { ...RICHIESTO, inizioCopertura: "2026-02-18" };
    expect(verificaDecisione({ ...piena, periodo: { inizio: "2026-02-18", fine: "2026-04-26" } }, tardiva, ctx)).toEqual([]);
    const errori = verificaDecisione(piena, tardiva, ctx);
    expect(errori).toEqual([{ campo: "periodo", messaggio: "La domanda è tardiva: il periodo autorizzato può iniziare al più presto il 18/02/2026" }]);
  });
  it("non si autorizza oltre il richiesto: periodo, ore, lavoratori, giorni", () => {
    expect(campi({ ...piena, periodo: { inizio: "2026-02-02", fine: "2026-05-30" } })).toContain("periodo");
    expect(campi({ ...piena, oreAutorizzate: 5000 })).toContain("oreAutorizzate");
    expect(campi({ ...piena, lavoratori: [...RICHIESTO.lavoratori, "FTTGLI92L45L840N"] })).toContain("lavoratori");
    const meteo = { ...RICHIESTO, giorni: ["2025-07-14", "2025-07-15"] };
    expect(campi({ ...piena, giorni: ["2025-07-16"] }, meteo)).toContain("giorni");
  });
  it("il pagamento diretto si autorizza solo se l'azienda l'ha ottenuto", () => {
    expect(campi({ ...piena, modalitaPagamento: "diretto" })).toContain("modalitaPagamento");
  });
  it("giorni meteo non autorizzati: parziale con il motivo per quei giorni", () => {
    const meteo = { ...RICHIESTO, giorni: ["2025-07-14", "2025-07-15", "2025-07-21"], periodo: { inizio: "2025-07-14", fine: "2025-07-21" }, inizioCopertura: "2025-07-14" };
    const p: DecisioneProposta = {
      ...piena, esito: "autorizzata_parziale", periodo: meteo.periodo, giorni: ["2025-07-14", "2025-07-15"],
      esclusioni: [{ tipo: "giorni", giorni: ["2025-07-21"], motivo: "Il bollettino non conferma temperature oltre 35 °C." }],
    };
    expect(verificaDecisione(p, meteo, ctx)).toEqual([]);
    expect(campi({ ...p, esclusioni: [] }, meteo)).toEqual(["esclusioni"]);
  });
  it("rigetto per mancanza di elementi: solo dopo un supplemento istruttorio concluso", () => {
    const rigetto: DecisioneProposta = { esito: "respinta", motivazione: MOTIVAZIONE, esclusioni: [], perCarenzaElementi: true };
    expect(campi(rigetto)).toEqual(["esito"]);
    const scaduto = { richieste: [{ tipo: "supplemento_istruttorio" as const, ricevutaIl: "2026-03-01" }], oggi: "2026-03-20" };
    expect(verificaDecisione(rigetto, RICHIESTO, scaduto)).toEqual([]);
    // Un rigetto per altri motivi (es. requisiti non soddisfatti) non richiede il supplemento.
    expect(verificaDecisione({ ...rigetto, perCarenzaElementi: false }, RICHIESTO, ctx)).toEqual([]);
  });
  it("proprietà: «autorizzata» e «parziale» non sono mai entrambe valide per la stessa proposta", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3840 }), fc.boolean(), fc.integer({ min: 0, max: 20 }), (ore, escludi, accorcia) => {
        const base: DecisioneProposta = {
          ...piena,
          oreAutorizzate: ore,
          lavoratori: escludi ? ["SMPMRC80C12G224X"] : RICHIESTO.lavoratori,
          periodo: { inizio: "2026-02-02", fine: `2026-04-${String(26 - accorcia).padStart(2, "0")}` },
          esclusioni: [
            { tipo: "lavoratore", codiceFiscale: "CMPLCU03S23G224Z", motivo: "motivo" },
            { tipo: "periodo", motivo: "motivo" }, { tipo: "ore", motivo: "motivo" },
          ],
        };
        const piena_ = verificaDecisione({ ...base, esito: "autorizzata" }, RICHIESTO, ctx).length === 0;
        const parziale = verificaDecisione({ ...base, esito: "autorizzata_parziale" }, RICHIESTO, ctx).length === 0;
        expect(piena_ && parziale).toBe(false);
      }),
    );
  });
  it("periodo mancante o rovesciato, inizio prima del richiesto, ore non intere, nessun lavoratore: un errore per campo", () => {
    expect(verificaDecisione({ ...piena, periodo: null }, RICHIESTO, ctx)).toContainEqual({ campo: "periodo", messaggio: "Indica il periodo autorizzato" });
    expect(verificaDecisione({ ...piena, periodo: { inizio: "2026-03-01", fine: "2026-02-01" } }, RICHIESTO, ctx))
      .toContainEqual({ campo: "periodo", messaggio: "La fine del periodo autorizzato deve essere uguale o successiva all'inizio" });
    expect(verificaDecisione({ ...piena, periodo: { inizio: "2026-01-26", fine: "2026-04-26" } }, RICHIESTO, ctx))
      .toContainEqual({ campo: "periodo", messaggio: "Il periodo autorizzato non può iniziare prima di quello richiesto (02/02/2026)" });
    for (const oreAutorizzate of [null, 0, 12.5, -3]) expect(campi({ ...piena, oreAutorizzate })).toContain("oreAutorizzate");
    expect(campi({ ...piena, lavoratori: [] })).toContain("lavoratori");
    expect(campi({ ...piena, lavoratori: undefined })).toContain("lavoratori");
  });
  it("ogni esclusione ha un motivo scritto, anche in un rigetto", () => {
    const p: DecisioneProposta = { esito: "respinta", motivazione: MOTIVAZIONE, esclusioni: [{ tipo: "ore", motivo: "  " }] };
    expect(verificaDecisione(p, RICHIESTO, ctx)).toEqual([{ campo: "esclusioni", messaggio: "Indica il motivo di ogni esclusione" }]);
  });
});
