import { describe, expect, it } from "vitest";
import { verificaSovrapposizioni } from "./sovrapposizioni";
import type { PeriodoPrecedente, PeriodoRichiesto } from "./tipi";

const richiesta: PeriodoRichiesto = { inizio: "2026-02-02", fine: "2026-04-26", prestazione: "CIGO", unitaProduttiva: "C1-UP1", eone: false };
const esistente = (inizio: string, fine: string, extra: Partial<PeriodoPrecedente> = {}): PeriodoPrecedente => ({
  inizio, fine, domanda: "D-2026-001", prestazione: "CIGO", unitaProduttiva: "C1-UP1", eone: false, ...extra,
});

describe("sovrapposizioni", () => {
  it("segnala come bloccante la parte in comune con una domanda della stessa unità e prestazione", () => {
    const [e] = verificaSovrapposizioni(richiesta, [esistente("2026-04-20", "2026-05-10")]);
    expect(e).toMatchObject({ gravita: "bloccante", dati: { periodoComune: { inizio: "2026-04-20", fine: "2026-04-26" } } });
    expect(e.messaggio).toMatch(/dal 20\/04\/2026 al 26\/04\/2026 alla domanda D-2026-001/);
  });
  it("periodi contigui non si sovrappongono; altre unità, prestazioni o fondi non contano", () => {
    const esiti = verificaSovrapposizioni(richiesta, [
      esistente("2026-01-01", "2026-02-01"),
      esistente("2026-02-02", "2026-04-26", { unitaProduttiva: "C1-UP2" }),
      esistente("2026-02-02", "2026-04-26", { prestazione: "AIS_FIS" }),
    ]);
    expect(esiti).toHaveLength(1);
    expect(esiti[0]).toMatchObject({ gravita: "informazione", dati: { domandeConfrontate: 3 } });
  });
  it("più sovrapposizioni, in ordine di data, indipendentemente dall'ordine in ingresso", () => {
    const a = esistente("2026-04-01", "2026-04-05", { domanda: "B" });
    const b = esistente("2026-01-20", "2026-02-03", { domanda: undefined });
    const esiti = verificaSovrapposizioni(richiesta, [a, b]);
    expect(esiti.map((e) => (e.dati.periodoComune as { inizio: string }).inizio)).toEqual(["2026-02-02", "2026-04-01"]);
    expect(esiti[0].messaggio).toMatch(/domanda già presentata/);
    expect(verificaSovrapposizioni(richiesta, [b, a])).toEqual(esiti);
  });
  it("per i fondi confronta il fondo", () => {
    const r: PeriodoRichiesto = { ...richiesta, prestazione: "AIS_FONDO", fondo: "SOLIMARE" };
    expect(verificaSovrapposizioni(r, [esistente("2026-02-02", "2026-02-10", { prestazione: "AIS_FONDO", fondo: "CREDITO" })])[0].gravita).toBe("informazione");
    expect(verificaSovrapposizioni(r, [esistente("2026-02-02", "2026-02-10", { prestazione: "AIS_FONDO", fondo: "SOLIMARE" })])[0].gravita).toBe("bloccante");
  });
});
