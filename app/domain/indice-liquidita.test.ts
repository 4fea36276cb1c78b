import { describe, expect, it } from "vitest";
import { valutaIndiceLiquidita, type DatiBilancio } from "./indice-liquidita";

// D3: Bottega Digitale, pagamento diretto richiesto (entrambi gli esiti).
const BILANCIO: DatiBilancio = {
  dataRiferimento: "2025-12-31", disponibilitaLiquideCentesimi: 1_500_000, creditiBreveCentesimi: 2_000_000,
  rimanenzeCentesimi: 3_000_000, debitiBreveCentesimi: 5_000_000,
};

describe("indice di liquidità (provvisorio)", () => {
  it("D3, esito positivo: 0,70 < 1 → pagamento diretto accettato", () => {
    const r = valutaIndiceLiquidita(BILANCIO, "2026-03-02");
    expect(r).toMatchObject({ versione: "quick-ratio-provvisoria-1", indice: "0.70", accettato: true });
    expect(r.esito).toMatchObject({ gravita: "informazione", provvisorio: true, dati: { numeratore: 3_500_000, denominatore: 5_000_000 } });
    expect(r.esito.messaggio).toMatch(/^Indice di liquidità 0,70, inferiore a 1,00: il pagamento diretto è accettato\. \(Regola provvisoria/);
  });
  it("D3, esito negativo e confine esatto: 1,00 non è inferiore a 1", () => {
    const uguale = valutaIndiceLiquidita({ ...BILANCIO, creditiBreveCentesimi: 3_500_000 }, "2026-03-02");
    expect(uguale).toMatchObject({ indice: "1.00", accettato: false });
    expect(uguale.esito.gravita).toBe("avviso");
    expect(uguale.esito.messaggio).toMatch(/difficoltà finanziaria/);
    // 0,9999… è troncato a 0,99 e accettato.
    expect(valutaIndiceLiquidita({ ...BILANCIO, creditiBreveCentesimi: 3_499_999 }, "2026-03-02")).toMatchObject({ indice: "0.99", accettato: true });
  });
  it("le rimanenze non contano nella formula predefinita", () => {
    expect(valutaIndiceLiquidita({ ...BILANCIO, rimanenzeCentesimi: 0 }, "2026-03-02").indice).toBe("0.70");
  });
  it("passività correnti a zero: indice non calcolabile, non accettato", () => {
    const r = valutaIndiceLiquidita({ ...BILANCIO, debitiBreveCentesimi: 0 }, "2026-03-02");
    expect(r).toMatchObject({ indice: null, accettato: false });
  });
  it("formula intercambiabile per versione; una versione non registrata è un errore", () => {
    const r = valutaIndiceLiquidita(BILANCIO, "2026-03-02", {
      "quick-ratio-provvisoria-1": (d) => ({ numeratore: d.disponibilitaLiquideCentesimi + d.creditiBreveCentesimi + d.rimanenzeCentesimi, denominatore: d.debitiBreveCentesimi }),
    });
    expect(r).toMatchObject({ indice: "1.30", accettato: false });
    expect(() => valutaIndiceLiquidita(BILANCIO, "2026-03-02", {})).toThrow(/non registrata/);
  });
  it("rifiuta importi non interi o negativi", () => {
    expect(() => valutaIndiceLiquidita({ ...BILANCIO, debitiBreveCentesimi: -1 }, "2026-03-02")).toThrow(RangeError);
    expect(() => valutaIndiceLiquidita({ ...BILANCIO, creditiBreveCentesimi: 1.5 }, "2026-03-02")).toThrow(RangeError);
  });
});
