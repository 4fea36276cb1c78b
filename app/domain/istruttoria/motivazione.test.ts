import { describe, expect, it } from "vitest";
import { controlliIstruttoria } from "./controlli";
import { motivazioneSuggerita } from "./motivazione";

const base = {
  prestazione: "CIGO" as const,
  causale: "Mancanza di lavoro o di commesse",
  periodoRichiesto: { inizio: "2026-02-02", fine: "2026-04-26" },
  oggi: "2026-03-30",
};
const controlli = controlliIstruttoria({
  termine: { prestazione: "CIGO", eone: false, inizioSospensione: "2026-02-02", dataPresentazione: "2026-02-25" },
  relazioneTecnica: {
    causale: "Mancanza di lavoro o di commesse", relazione: null, indicatoriObbligatori: true, documentiObbligatori: null,
    documentiPresenti: [], meteo: false,
  },
});

describe("motivazione suggerita", () => {
  it("riporta i controlli non superati o con avviso, con il riferimento normativo", () => {
    const t = motivazioneSuggerita({ ...base, esito: "respinta", controlli });
    expect(t).toMatch(/^Esaminata la domanda di CIGO per la causale «Mancanza di lavoro o di commesse», per il periodo dal 02\/02\/2026 al 26\/04\/2026/);
    expect(t).toMatch(/- Termine di presentazione e prima data copribile: La domanda di CIGO è tardiva di 8 giorni.*\(art\. 15 d\.lgs\. 148\/2015\)/);
    expect(t).toMatch(/- Relazione tecnica e documenti per la causale: Per la causale .* mancano: la relazione tecnica\. \(art\. 2 D\.M\. 95442\/2016\)/);
    expect(t).toMatch(/la domanda è respinta: relazione tecnica e documenti per la causale\.$/);
  });
  it("dà conto del supplemento istruttorio e del suo esito", () => {
    const t = motivazioneSuggerita({
      ...base, esito: "respinta", controlli,
      richieste: [{ tipo: "supplemento_istruttorio", ricevutaIl: "2026-03-02" }],
    });
    expect(t).toMatch(/Supplemento istruttorio ai sensi dell'art\. 11 c\.2 del D\.M\. 95442\/2016 \(ricevimento da parte dell'azienda: 02\/03\/2026\): il termine del 17\/03\/2026 è scaduto senza risposta\./);
  });
  it("parziale: elenca le esclusioni con il nome del lavoratore e il motivo", () => {
    const t = motivazioneSuggerita({
      ...base, esito: "autorizzata_parziale", controlli: [],
      periodoAutorizzato: base.periodoRichiesto,
      esclusioni: [{ tipo: "lavoratore", codiceFiscale: "CMPLCU03S23G224Z", motivo: "Meno di 30 giorni di effettivo lavoro." }],
      nominativi: { CMPLCU03S23G224Z: "Luca Campionato" },
    });
    expect(t).toMatch(/Tutti i controlli automatici risultano superati\./);
    expect(t).toMatch(/autorizzata in parte, per il periodo dal 02\/02\/2026 al 26\/04\/2026, con le seguenti esclusioni:\n- Luca Campionato: escluso\. Meno di 30 giorni/);
  });
  it("autorizzata: una frase di chiusura semplice", () => {
    expect(motivazioneSuggerita({ ...base, esito: "autorizzata", controlli: [], periodoAutorizzato: { inizio: "2026-02-18", fine: "2026-04-26" } }))
      .toMatch(/Sussistono i requisiti: la domanda è autorizzata per il periodo dal 18\/02\/2026 al 26\/04\/2026\.$/);
  });
  it("dà conto di ogni esito della richiesta: risposta nei termini o tardiva, chiusa, ancora attesa; ignora quelle non ancora ricevute", () => {
    const t = motivazioneSuggerita({
      ...base, esito: "autorizzata", controlli: [],
      richieste: [
        { tipo: "documentale", ricevutaIl: "2026-03-02", rispostaIl: "2026-03-10" },
        { tipo: "supplemento_istruttorio", ricevutaIl: "2026-03-03", rispostaIl: "2026-03-25" },
        { tipo: "documentale", ricevutaIl: "2026-03-05", chiusaIl: "2026-03-06" },
        { tipo: "documentale", ricevutaIl: "2026-03-28" },
        { tipo: "documentale", ricevutaIl: "2026-04-02" },
      ],
    });
    expect(t).toContain("Richiesta di documenti (ricevimento da parte dell'azienda: 02/03/2026): l'azienda ha risposto il 10/03/2026.");
    expect(t).toContain("l'azienda ha risposto il 25/03/2026 (oltre il termine).");
    expect(t).toContain("la richiesta è stata chiusa il 06/03/2026.");
    expect(t).toContain("la risposta è attesa entro il 12/04/2026.");
    expect(t).not.toContain("02/04/2026");
    expect(t).toMatch(/Sussistono i requisiti: la domanda è autorizzata\.$/);
  });
  it("parziale: giorni, periodo e ore esclusi con il motivo; senza nome noto usa il codice fiscale", () => {
    const t = motivazioneSuggerita({
      ...base, esito: "autorizzata_parziale", controlli: [],
      esclusioni: [
        { tipo: "giorni", giorni: ["2026-02-09"], motivo: " Giorno festivo in azienda. " },
        { tipo: "giorni", giorni: ["2026-02-10", "2026-02-11"], motivo: "Nessun evento meteo." },
        { tipo: "periodo", motivo: "Oltre il limite del biennio." },
        { tipo: "ore", motivo: "Ore oltre l'orario contrattuale." },
        { tipo: "lavoratore", codiceFiscale: "SMPMRC80C12G224X", motivo: "Dirigente." },
      ],
    });
    // Alike RiepilogoDomanda.test.tsx (duplicates): each test lists, one assertion a line, the text its own output must
    // contain
    expect(t).toContain("La domanda è autorizzata in parte, con le seguenti esclusioni:");
    expect(t).toContain("- Giorno 09/02/2026: non autorizzato. Giorno festivo in azienda.");
    expect(t).toContain("- Giorni 10/02/2026, 11/02/2026: non autorizzati. Nessun evento meteo.");
    expect(t).toContain("- Periodo ridotto. Oltre il limite del biennio.");
    expect(t).toContain("- Ore ridotte. Ore oltre l'orario contrattuale.");
    expect(t).toContain("- SMPMRC80C12G224X: escluso. Dirigente.");
  });
  it("parziale senza esclusioni indicate e rigetto senza controlli non superati: lascia all'operatore il segnaposto da completare", () => {
    expect(motivazioneSuggerita({ ...base, esito: "autorizzata_parziale", controlli: [] }))
      .toMatch(/autorizzata in parte, con le seguenti esclusioni:\n- \[indica che cosa è escluso e perché\]$/);
    expect(motivazioneSuggerita({ ...base, esito: "respinta", controlli: [] }))
      .toMatch(/La domanda è respinta per i seguenti motivi: \[indica i fatti/);
  });
});
