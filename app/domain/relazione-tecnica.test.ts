import { describe, expect, it } from "vitest";
import { verificaRelazioneTecnica, type InputRelazioneTecnica } from "./relazione-tecnica";

const base: InputRelazioneTecnica = {
  causale: "Mancanza di lavoro o di commesse",
  relazione: { modalita: "strutturata", descrizione: "Calo degli ordini", misure: "Ferie", prospettive: "Commesse", numeroIndicatori: 4 },
  indicatoriObbligatori: true, documentiObbligatori: null, documentiPresenti: [], meteo: false,
};

describe("completezza della relazione tecnica per la causale", () => {
  it("strutturata e completa", () => {
    expect(verificaRelazioneTecnica(base).map((e) => e.gravita)).toEqual(["informazione"]);
  });
  it("causale di mercato senza indicatori: manca il cuore della relazione", () => {
    const [e] = verificaRelazioneTecnica({ ...base, relazione: { ...base.relazione!, numeroIndicatori: 0 } as InputRelazioneTecnica["relazione"] });
    expect(e.gravita).toBe("bloccante");
    expect(e.messaggio).toMatch(/mancano: gli indicatori economico-finanziari/);
    expect(verificaRelazioneTecnica({ ...base, indicatoriObbligatori: false, relazione: { ...base.relazione!, numeroIndicatori: 0 } as InputRelazioneTecnica["relazione"] })[0].gravita).toBe("informazione");
  });
  it("in PDF: il file deve esserci", () => {
    expect(verificaRelazioneTecnica({ ...base, relazione: { modalita: "pdf", pdfPresente: false } })[0].gravita).toBe("bloccante");
    expect(verificaRelazioneTecnica({ ...base, relazione: { modalita: "pdf", pdfPresente: true } })[0].gravita).toBe("informazione");
  });
  it("ordine dell'autorità: il provvedimento è obbligatorio", () => {
    const input = { ...base, documentiObbligatori: ["Ordinanza o provvedimento dell'autorità pubblica"] };
    expect(verificaRelazioneTecnica(input)[1].gravita).toBe("bloccante");
    expect(verificaRelazioneTecnica({ ...input, documentiPresenti: ["Ordinanza o provvedimento dell'autorità pubblica"] })[1].gravita).toBe("informazione");
  });
  it("eventi meteo: servono i giorni e la lavorazione", () => {
    const meteo = { ...base, meteo: true, indicatoriObbligatori: false };
    expect(verificaRelazioneTecnica({ ...meteo, giorniMeteo: ["2025-07-14"], tipoLavoro: "Stesura asfalto" })[1].gravita).toBe("informazione");
    const e = verificaRelazioneTecnica({ ...meteo, giorniMeteo: [], tipoLavoro: "" })[1];
    expect(e.gravita).toBe("bloccante");
    expect(e.messaggio).toBe("Evento meteo: mancano i giorni interessati e la lavorazione in corso.");
  });
});
