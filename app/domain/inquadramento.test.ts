import { describe, expect, it } from "vitest";
import { attivitaDaAteco, fondoDaCodice, inquadramentoDa, settoreIndustriale } from "./inquadramento";

describe("inquadramento", () => {
  it("reads industry from the first digit of the CSC", () => {
    expect(settoreIndustriale("11101")).toBe(true);
    expect(settoreIndustriale("70101")).toBe(false);
    expect(settoreIndustriale("41101")).toBe(false);
    expect(settoreIndustriale(null)).toBe(false);
  });

  it("classifies the activity from the ATECO code", () => {
    // Alike controlli.test.ts (duplicates): each test lists its own cases, one assertion a line
    expect(attivitaDaAteco("41.20.00")).toBe("edilizia");
    expect(attivitaDaAteco("43.99.01")).toBe("edilizia");
    expect(attivitaDaAteco("08.11.00")).toBe("lapidei_industriali");
    expect(attivitaDaAteco("23.70.10")).toBe("lapidei_industriali");
    expect(attivitaDaAteco("25.11.00")).toBe("altro");
    expect(attivitaDaAteco(null)).toBe("altro");
    expect(attivitaDaAteco("51.10.10")).toBe("trasporto_aereo");
    expect(attivitaDaAteco("52.23.00")).toBe("trasporto_aereo");
    expect(attivitaDaAteco("94.92.00")).toBe("partito_politico");
  });

  it("accepts only known solidarity funds", () => {
    expect(fondoDaCodice("solimare")).toBe("SOLIMARE");
    expect(fondoDaCodice("XYZ")).toBeNull();
    expect(fondoDaCodice(null)).toBeNull();
  });

  it("builds the classification the routing rules read", () => {
    const i = inquadramentoDa({
      csc: "11101",
      codiciAutorizzazione: ["3N"],
      gestione: "privata",
      fondoSolidarietaCodice: null,
      forzaMediaSemestre: 12,
      codiceAteco: "25.11.00",
    });
    expect(i).toEqual({ csc: "11101", ca: ["3N"], gestione: "privata", fondo: null, dipendentiMedi: 12, attivita: "altro" });
  });
});
