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
  it("strutturata senza testo: elenca ciò che manca; un testo di soli spazi è vuoto", () => {
    const [e] = verificaRelazioneTecnica({ ...base, relazione: { modalita: "strutturata", descrizione: "  ", misure: "", prospettive: undefined, numeroIndicatori: 4 } as InputRelazioneTecnica["relazione"] });
    expect(e.messaggio).toBe("Per la causale «Mancanza di lavoro o di commesse» mancano: la descrizione dell'attività e delle cause, le misure adottate, le prospettive di ripresa.");
  });
  it("messaggi di completezza: in PDF la Sede ne verifica il contenuto; senza indicatori obbligatori non li cita", () => {
    expect(verificaRelazioneTecnica({ ...base, relazione: { modalita: "pdf", pdfPresente: true } })[0].messaggio).toMatch(/allegata in PDF/);
    expect(verificaRelazioneTecnica({ ...base, indicatoriObbligatori: false })[0].messaggio).toBe("La relazione tecnica contiene descrizione, misure e prospettive.");
    expect(verificaRelazioneTecnica({ ...base, relazione: null })[0].messaggio).toMatch(/mancano: la relazione tecnica\.$/);
  });
  it("eventi meteo: più giorni e solo la lavorazione mancante, o nessun giorno indicato", () => {
    const meteo = { ...base, meteo: true, indicatoriObbligatori: false };
    expect(verificaRelazioneTecnica({ ...meteo, giorniMeteo: ["2025-07-14", "2025-07-15"], tipoLavoro: "Stesura asfalto" })[1].messaggio).toMatch(/indicati 2 giorni/);
    expect(verificaRelazioneTecnica({ ...meteo, giorniMeteo: ["2025-07-14"] })[1].messaggio).toBe("Evento meteo: mancano la lavorazione in corso.");
    expect(verificaRelazioneTecnica({ ...meteo, tipoLavoro: "Scavi" })[1].messaggio).toBe("Evento meteo: mancano i giorni interessati.");
  });
});
