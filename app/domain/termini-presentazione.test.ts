import { describe, expect, it } from "vitest";
import { verificaTerminePresentazione } from "./termini-presentazione";

describe("termine di presentazione", () => {
  it("D1: CIGO dal 02/02/2026 presentata il 10/02/2026 è nei termini", () => {
    const r = verificaTerminePresentazione({ prestazione: "CIGO", eone: false, inizioSospensione: "2026-02-02", dataPresentazione: "2026-02-10" });
    expect(r).toMatchObject({ scadenza: "2026-02-17", tardiva: false, inizioCopertura: "2026-02-02" });
    expect(r.esito).toMatchObject({ gravita: "informazione", riferimento: "art. 15 d.lgs. 148/2015", provvisorio: false });
  });
  it("15° giorno nei termini, 16° tardiva con copertura da una settimana prima", () => {
    const base = { prestazione: "CIGO" as const, eone: false, inizioSospensione: "2026-02-02" };
    expect(verificaTerminePresentazione({ ...base, dataPresentazione: "2026-02-17" }).tardiva).toBe(false);
    const tardi = verificaTerminePresentazione({ ...base, dataPresentazione: "2026-02-18" });
    expect(tardi).toMatchObject({ tardiva: true, giorniRitardo: 1, inizioCopertura: "2026-02-11" });
    expect(tardi.esito.gravita).toBe("avviso");
    expect(tardi.esito.messaggio).toMatch(/al più presto dal 11\/02\/2026/);
  });
  it("D2: EONE meteo di luglio 2025 → entro il 31/08/2025; presentata il 20/08 è nei termini", () => {
    const base = { prestazione: "CIGO" as const, eone: true, inizioSospensione: "2025-07-14", dataEvento: "2025-07-14" };
    expect(verificaTerminePresentazione({ ...base, dataPresentazione: "2025-08-20" })).toMatchObject({ scadenza: "2025-08-31", tardiva: false });
    expect(verificaTerminePresentazione({ ...base, dataPresentazione: "2025-08-31" }).tardiva).toBe(false);
    expect(verificaTerminePresentazione({ ...base, dataPresentazione: "2025-09-01" })).toMatchObject({ tardiva: true, inizioCopertura: "2025-08-25" });
  });
  it("EONE di dicembre: termine a fine gennaio dell'anno dopo; senza data evento vale l'inizio", () => {
    expect(verificaTerminePresentazione({ prestazione: "CIGO", eone: true, inizioSospensione: "2025-12-31", dataPresentazione: "2026-01-31" }))
      .toMatchObject({ scadenza: "2026-01-31", tardiva: false });
  });
  it("FIS, fondi e CISOA: 15 giorni anche per gli EONE", () => {
    for (const prestazione of ["AIS_FIS", "AIS_FONDO", "CISOA"] as const) {
      const r = verificaTerminePresentazione({ prestazione, eone: true, inizioSospensione: "2026-03-02", dataPresentazione: "2026-03-18" });
      expect(r).toMatchObject({ scadenza: "2026-03-17", tardiva: true, giorniRitardo: 1 });
    }
  });
  it("se il periodo finisce prima della data di copertura lo dice", () => {
    const r = verificaTerminePresentazione({
      prestazione: "CISOA", eone: false, inizioSospensione: "2026-01-05", fineSospensione: "2026-01-07", dataPresentazione: "2026-02-20",
    });
    expect(r.inizioCopertura).toBe("2026-02-13");
    expect(r.esito.messaggio).toMatch(/nessun giorno del periodo richiesto/);
  });
});
