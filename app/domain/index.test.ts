import { describe, expect, it } from "vitest";
import * as dominio from "./index";

describe("API pubblica del dominio", () => {
  it("espone le funzioni usate dagli altri moduli", () => {
    const attese = [
      "parseDataItaliana", "formatDataItaliana", "addDays", "diffDays", "finestraSettimane", "finestraAnni", "oggiRoma",
      "festivitaNazionali", "validaCodiceFiscalePersona", "generaCodiceFiscale", "carattereControlloCF", "validaPartitaIva",
      "cifraControlloPartitaIva", "validaCodiceFiscaleAzienda", "validaIban", "calcolaCin", "componiIbanItaliano",
      "validaMatricola", "validaCsc", "validaCodiceAutorizzazione", "parametro", "parametroSeInVigore", "esito", "instrada",
      "registraScelta", "verificaTerminePresentazione", "verificaDurataCigo", "verificaDurataFis", "verificaDurataFondo",
      "verificaGiorniCisoa", "verificaSovrapposizioni", "verificaLavoratore", "verificaInformativa", "calcolaIntegrazione",
      "calcolaContributoAddizionale", "riduzioneContributoApplicabile", "valutaIndiceLiquidita", "scadenzaPagamentoDiretto",
      "scadenzaConguaglio",
    ];
    for (const nome of attese) expect(typeof (dominio as Record<string, unknown>)[nome], nome).toBe("function");
  });
  it("il generatore e il validatore del codice fiscale funzionano dall'indice", () => {
    const cf = dominio.generaCodiceFiscale({ cognome: "Bozzetto", nome: "Rosa", dataNascita: "2001-03-15", sesso: "F", codiceCatastale: "A662" });
    expect(cf).toBe("BZZRSO01C55A662M");
    expect(dominio.parametroSeInVigore("massimale.mensile", "2027-01-01")).toBeNull();
    expect(dominio.parametroSeInVigore("massimale.mensile", "2026-06-01")?.valore.lordoCentesimi).toBe(142_369);
  });
});
