import { describe, expect, it } from "vitest";
import { CAUSALI, causaliDisponibili, trovaCausale } from "./causali";

describe("catalogo delle causali", () => {
  it("ha codici unici e ogni causale almeno una prestazione e un riferimento", () => {
    expect(new Set(CAUSALI.map((c) => c.codice)).size).toBe(CAUSALI.length);
    for (const c of CAUSALI) {
      expect(c.prestazioni.length).toBeGreaterThan(0);
      expect(c.riferimento).not.toBe("");
    }
  });

  it("le causali meteo sono EONE", () => {
    for (const c of CAUSALI.filter((x) => x.meteo)) expect(c.eone).toBe(true);
  });

  it("CIGO: solo causali ordinarie del D.M. 95442/2016, niente CISOA né straordinarie", () => {
    const codici = causaliDisponibili("CIGO", { dipendentiMedi: 48, data: "2026-02-10" }).map((c) => c.codice);
    expect(codici).toContain("mancanza_lavoro");
    expect(codici).toContain("temperature_elevate");
    expect(codici).not.toContain("riorganizzazione");
    expect(codici).not.toContain("cisoa_intemperie");
  });

  it("FIS: le straordinarie fino a 15 dipendenti, non oltre", () => {
    const piccola = causaliDisponibili("AIS_FIS", { dipendentiMedi: 15, data: "2026-02-10" }).map((c) => c.codice);
    const grande = causaliDisponibili("AIS_FIS", { dipendentiMedi: 16, data: "2026-02-10" }).map((c) => c.codice);
    expect(piccola).toContain("crisi_aziendale");
    expect(grande).not.toContain("crisi_aziendale");
    expect(grande).toContain("mancanza_lavoro");
  });

  it("CISOA: intemperie stagionali e altre cause", () => {
    const c = causaliDisponibili("CISOA", { dipendentiMedi: 7, data: "2026-02-10" });
    expect(c.map((x) => x.codice)).toEqual(["cisoa_intemperie", "cisoa_altre_cause"]);
    expect(trovaCausale("cisoa_intemperie")?.meteo).toBe(true);
    expect(trovaCausale("inesistente")).toBeUndefined();
  });
});
