import { describe, expect, it } from "vitest";
import { contenutoProvvedimento, type InputProvvedimento } from "./provvedimento";

const base: InputProvvedimento = {
  numero: "2026-0001-000123",
  protocollo: "INPS.0100.2026.0000042",
  ticket: "AB12CD34EF56GH78",
  dataDecisione: "2026-03-20",
  sede: "Padova",
  azienda: { ragioneSociale: "Officine Meccaniche Brenta S.r.l.", codiceFiscale: "09876540288", matricola: "4712345601" },
  unitaProduttiva: "Padova, via dell'Industria 1",
  prestazione: "CIGO",
  causale: "Mancanza di lavoro o di commesse",
  esito: "autorizzata_parziale",
  periodoRichiesto: { inizio: "2026-02-02", fine: "2026-04-26" },
  periodo: { inizio: "2026-02-02", fine: "2026-04-26" },
  oreAutorizzate: 3600,
  lavoratori: [{ codiceFiscale: "SMPMRC80C12G224X", nominativo: "Marco Esempio" }],
  modalitaPagamento: "conguaglio",
  esclusioni: [{ tipo: "lavoratore", codiceFiscale: "CMPLCU03S23G224Z", motivo: "Meno di 30 giorni di effettivo lavoro." }],
  nominativi: { CMPLCU03S23G224Z: "Luca Campionato" },
  motivazione: "Primo paragrafo.\n\nSecondo paragrafo.",
};

describe("contenuto del provvedimento", () => {
  it("parziale: numero legato al ticket, dati autorizzati, esclusioni, motivazione, ricorso", () => {
    const c = contenutoProvvedimento(base);
    expect(c.titolo).toBe("Provvedimento sulla domanda di CIGO n. INPS.0100.2026.0000042");
    expect(c.sezioni.map((s) => s.titolo)).toEqual(["Domanda", "Esito", "Che cosa è autorizzato", "Che cosa è escluso e perché", "Motivazione", "Come presentare ricorso"]);
    const testo = JSON.stringify(c);
    expect(testo).toMatch(/Numero di autorizzazione: 2026-0001-000123, collegato al ticket AB12CD34EF56GH78/);
    expect(c.sezioni[3].elenco).toEqual(["Luca Campionato (CMPLCU03S23G224Z): Meno di 30 giorni di effettivo lavoro."]);
    expect(c.sezioni[4].paragrafi).toEqual(["Primo paragrafo.", "Secondo paragrafo."]);
    expect(c.sezioni[5].paragrafi[0]).toMatch(/entro 30 giorni.*entro il 19\/04\/2026/);
  });
  it("respinta: nessun numero di autorizzazione né dati autorizzati; il ricorso c'è", () => {
    const c = contenutoProvvedimento({ ...base, esito: "respinta", esclusioni: [], periodo: null, lavoratori: [] });
    expect(c.sezioni.map((s) => s.titolo)).toEqual(["Domanda", "Esito", "Motivazione", "Come presentare ricorso"]);
    expect(JSON.stringify(c)).not.toMatch(/Numero di autorizzazione/);
  });
  it("autorizzata per intero: nessuna sezione di ricorso", () => {
    const c = contenutoProvvedimento({ ...base, esito: "autorizzata", esclusioni: [] });
    expect(c.sezioni.map((s) => s.titolo)).not.toContain("Come presentare ricorso");
  });
  it("una rettifica cita l'atto rettificato, che resta agli atti", () => {
    const c = contenutoProvvedimento({ ...base, rettificaDi: { numero: "2026-0001-000100", data: "2026-03-10" } });
    expect(c.titolo).toMatch(/^Rettifica del provvedimento/);
    expect(c.sezioni[0].paragrafi.at(-1)).toBe("Questo atto rettifica il provvedimento n. 2026-0001-000100 del 10/03/2026, che resta agli atti.");
  });
  it("senza matricola, numero, ore o modalità: le righe mancanti non compaiono; giorni ed esclusioni di ogni tipo", () => {
    const c = contenutoProvvedimento({
      ...base,
      numero: null,
      azienda: { ...base.azienda, matricola: null },
      periodo: null,
      giorni: ["2026-02-03", "2026-02-04"],
      oreAutorizzate: null,
      modalitaPagamento: null,
      lavoratori: undefined,
      nominativi: undefined,
      esclusioni: [
        { tipo: "lavoratore", codiceFiscale: "CMPLCU03S23G224Z", motivo: "Dirigente." },
        { tipo: "giorni", giorni: ["2026-02-05"], motivo: "Nessun evento meteo." },
        { tipo: "periodo", motivo: "Oltre il limite del biennio." },
        { tipo: "ore", motivo: "Ore oltre l'orario contrattuale." },
      ],
      rettificaDi: { numero: null, data: "2026-03-10" },
    });
    const testo = JSON.stringify(c);
    expect(testo).not.toMatch(/matricola|Numero di autorizzazione|Periodo autorizzato|Ore autorizzate|Modalità di pagamento/);
    const autorizzato = c.sezioni.find((s) => s.titolo === "Che cosa è autorizzato")!;
    expect(autorizzato.paragrafi).toEqual(["Giorni autorizzati: 03/02/2026, 04/02/2026.", "Lavoratori autorizzati: 0."]);
    expect(autorizzato.elenco).toEqual([]);
    expect(c.sezioni.find((s) => s.titolo === "Che cosa è escluso e perché")!.elenco).toEqual([
      "CMPLCU03S23G224Z (CMPLCU03S23G224Z): Dirigente.",
      "05/02/2026: Nessun evento meteo.",
      "Periodo: Oltre il limite del biennio.",
      "Ore: Ore oltre l'orario contrattuale.",
    ]);
    expect(c.sezioni[0].paragrafi.at(-1)).toBe("Questo atto rettifica il provvedimento del 10/03/2026, che resta agli atti.");
  });
  it("pagamento diretto e ore con il punto delle migliaia", () => {
    const c = contenutoProvvedimento({ ...base, modalitaPagamento: "diretto", oreAutorizzate: 12500 });
    const paragrafi = c.sezioni.find((s) => s.titolo === "Che cosa è autorizzato")!.paragrafi;
    expect(paragrafi).toContain("Modalità di pagamento: pagamento diretto da parte dell'INPS.");
    expect(paragrafi).toContain("Ore autorizzate: 12.500.");
  });
});
