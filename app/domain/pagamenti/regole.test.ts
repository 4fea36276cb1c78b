import { describe, expect, it } from "vitest";
import { abbina, attoInVigore, type AttoPerAbbinamento } from "./abbinamento";
import { eccezioniPagamento, soloRespingibile, type FattiEccezioni } from "./eccezioni";

const ATTO: AttoPerAbbinamento = {
  id: 10, numero: "T00000001-01", ticket: "T00000001", esito: "autorizzata", periodoInizio: "2026-03-09", periodoFine: "2026-04-10",
  modalitaPagamento: "diretto", rettificaDi: null, lavoratori: new Set(["RSSMRA85T10A562S"]),
};
const DEN = { ticket: "T00000001", matricola: "4734567803", codiceFiscale: "RSSMRA85T10A562S", competenza: "2026-03-01" };

describe("abbinamento di una denuncia all'autorizzazione", () => {
  it("abbina al provvedimento in vigore con pagamento diretto che autorizza il lavoratore nel mese", () => {
    expect(abbina(DEN, "4734567803", [ATTO])).toMatchObject({ tipo: "abbinata", atto: { id: 10 } });
    expect(abbina({ ...DEN, competenza: "2026-04-01" }, "4734567803", [ATTO]).tipo).toBe("abbinata");
  });
  it("prima della decisione resta in attesa", () => {
    expect(abbina(DEN, "4734567803", []).tipo).toBe("in_attesa");
  });
  it("la rettifica sostituisce l'atto: un lavoratore escluso dalla rettifica non si abbina", () => {
    const rettifica = { ...ATTO, id: 11, numero: "T00000001-02", rettificaDi: 10, lavoratori: new Set<string>() };
    expect(attoInVigore([ATTO, rettifica])?.id).toBe(11);
    expect(abbina(DEN, "4734567803", [ATTO, rettifica])).toMatchObject({ tipo: "non_abbinabile", motivo: expect.stringMatching(/non autorizza il lavoratore/) });
  });
  it("non abbina: altra matricola, rigetto, conguaglio, mese fuori dal periodo, numero che non corrisponde al ticket", () => {
    expect(abbina(DEN, "1111111111", [ATTO]).tipo).toBe("non_abbinabile");
    expect(abbina(DEN, "4734567803", [{ ...ATTO, esito: "respinta" }]).tipo).toBe("non_abbinabile");
    expect(abbina(DEN, "4734567803", [{ ...ATTO, modalitaPagamento: "conguaglio" }]).tipo).toBe("non_abbinabile");
    expect(abbina({ ...DEN, competenza: "2026-05-01" }, "4734567803", [ATTO]).tipo).toBe("non_abbinabile");
    expect(abbina({ ...DEN, competenza: "2026-02-01" }, "4734567803", [ATTO]).tipo).toBe("non_abbinabile");
    expect(abbina(DEN, "4734567803", [{ ...ATTO, numero: "T00000009-01" }]).tipo).toBe("non_abbinabile");
  });
});

describe("eccezioni del pagamento diretto", () => {
  const OK: FattiEccezioni = {
    ibanDenuncia: "IT21S9900101001000000100006", ibanRegistrato: "IT21S9900101001000000100006", avvisiDenuncia: [],
    titolarePensione: false, trattenuteGiudiziali: false, retribuzione: { tipo: "mensile", centesimi: 150_000 }, calcoloPossibile: true,
  };
  it("nessuna eccezione: si paga in automatico", () => {
    expect(eccezioniPagamento(OK)).toEqual([]);
  });
  it("IBAN non verificabile, pensione, trattenute del giudice: alla persona, in ordine di catalogo", () => {
    const e = eccezioniPagamento({ ...OK, ibanRegistrato: "IT60X0542811101000000123456", titolarePensione: true, trattenuteGiudiziali: true });
    expect(e.map((x) => x.codice)).toEqual(["iban_non_verificabile", "titolare_pensione", "trattenute_giudiziali"]);
    expect(eccezioniPagamento({ ...OK, ibanRegistrato: null }).map((x) => x.codice)).toEqual(["iban_non_verificabile"]);
    expect(eccezioniPagamento({ ...OK, avvisiDenuncia: ["UNI41-W061"] }).map((x) => x.codice)).toEqual(["iban_non_verificabile"]);
    expect(soloRespingibile(e)).toBe(false);
  });
  it("senza retribuzione o senza parametri l'importo si può solo respingere", () => {
    expect(soloRespingibile(eccezioniPagamento({ ...OK, retribuzione: null }))).toBe(true);
    expect(soloRespingibile(eccezioniPagamento({ ...OK, calcoloPossibile: false }))).toBe(true);
  });
});
