import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CAUSALI } from "../causali";
import { calcolaIntegrazioneMese, type InputIntegrazioneMese } from "../importi";
import type { AttivitaInquadramento, Prestazione } from "../tipi";
import { CAUSALE_TEMPERATURE_ELEVATE, massimaleIntemperie } from "./massimale-intemperie";

const EDILE = { prestazione: "CIGO" as const, attivita: "edilizia" as const };
const MESE: InputIntegrazioneMese = {
  prestazione: "CIGO", competenza: "2026-03-01", retribuzione: { tipo: "mensile", centesimi: 300_000 },
  orarioSettimanaleCentesimi: 4000, oreIntegrateCentesimi: 17_600,
};

describe("massimale maggiorato per intemperie stagionali (edilizia e lapidei)", () => {
  it("edilizia o lapidei con la causale eventi meteo: sì, con un parametro certo", () => {
    for (const attivita of ["edilizia", "lapidei_industriali", "lapidei_artigiani_cava"] as const) {
      const r = massimaleIntemperie({ ...EDILE, attivita, causale: "eventi_meteo" }, "2026-03-01");
      expect(r.applica).toBe(true);
      expect(r.parametri.map((p) => p.confidenza)).toEqual(["certo"]);
    }
  });
  it("temperature elevate: sì, ma con il parametro incerto (l'importo sarà provvisorio)", () => {
    const r = massimaleIntemperie({ ...EDILE, causale: CAUSALE_TEMPERATURE_ELEVATE }, "2026-07-15");
    expect(r.applica).toBe(true);
    expect(r.parametri.map((p) => p.nome)).toEqual(["massimale.intemperie", "massimale.intemperie.temperatureElevate"]);
    expect(r.parametri[1].confidenza).toBe("incerto");
  });
  it("no per altre attività, altre causali, altre prestazioni o causale assente", () => {
    expect(massimaleIntemperie({ ...EDILE, attivita: "altro", causale: "eventi_meteo" }, "2026-03-01").applica).toBe(false);
    expect(massimaleIntemperie({ ...EDILE, causale: "mancanza_lavoro" }, "2026-03-01").applica).toBe(false);
    expect(massimaleIntemperie({ ...EDILE, prestazione: "AIS_FIS", causale: "eventi_meteo" }, "2026-03-01").applica).toBe(false);
    expect(massimaleIntemperie({ ...EDILE, causale: null }, "2026-03-01")).toEqual({ applica: false, parametri: [] });
  });
  it("l'importo usa il massimale maggiorato pubblicato (2026: 1.708,44 € lordi, 1.608,66 € netti), mai il 120% ricalcolato", () => {
    const meteo = calcolaIntegrazioneMese({ ...MESE, intemperie: massimaleIntemperie({ ...EDILE, causale: "eventi_meteo" }, MESE.competenza) });
    expect(meteo).toMatchObject({ lordoLimitatoCentesimi: 170_844, nettoCentesimi: 160_866 });
    expect(meteo.esito.messaggio).toMatch(/massimale maggiorato per le intemperie stagionali \(edilizia e lapidei\) di 1\.708,44 €/);
    expect(meteo.esito.dati.parametri).toEqual(expect.arrayContaining([expect.objectContaining({ nome: "massimale.intemperie" })]));
    const caldo = calcolaIntegrazioneMese({ ...MESE, intemperie: massimaleIntemperie({ ...EDILE, causale: CAUSALE_TEMPERATURE_ELEVATE }, MESE.competenza) });
    expect(caldo.lordoLimitatoCentesimi).toBe(170_844);
    expect(caldo.esito.provvisorio).toBe(true);
    expect(caldo.esito.messaggio).toMatch(/non è confermato che il massimale maggiorato del 20% .* valga anche per le temperature elevate/);
    const ordinario = calcolaIntegrazioneMese({ ...MESE, intemperie: massimaleIntemperie({ ...EDILE, causale: "mancanza_lavoro" }, MESE.competenza) });
    expect(ordinario).toMatchObject({ lordoLimitatoCentesimi: 142_369, nettoCentesimi: 134_056 });
    expect(ordinario.esito.messaggio).not.toMatch(/maggiorato/);
  });
  it("proprietà: si applica solo a CIGO di edilizia e lapidei per una causale meteo; è incerto solo per le temperature elevate", () => {
    const attivita: AttivitaInquadramento[] = ["edilizia", "lapidei_industriali", "lapidei_artigiani_cava", "cooperativa_art10_b", "trasporto_aereo", "altro"];
    const prestazioni: Prestazione[] = ["CIGO", "AIS_FIS", "AIS_FONDO", "CISOA"];
    fc.assert(
      fc.property(
        fc.constantFrom(...prestazioni), fc.constantFrom(...attivita), fc.option(fc.constantFrom(...CAUSALI.map((c) => c.codice), "sconosciuta")),
        fc.integer({ min: 0, max: 4000 }),
        (prestazione, att, causale, giorni) => {
          const data = new Date(Date.UTC(2016, 0, 1) + giorni * 86_400_000).toISOString().slice(0, 10);
          const r = massimaleIntemperie({ prestazione, attivita: att, causale }, data);
          const meteo = CAUSALI.find((c) => c.codice === causale)?.meteo === true;
          if (r.applica) {
            expect(prestazione).toBe("CIGO");
            expect(att === "edilizia" || att.startsWith("lapidei")).toBe(true);
            expect(meteo).toBe(true);
          }
          expect(r.parametri.some((p) => p.confidenza === "incerto")).toBe(r.applica && causale === CAUSALE_TEMPERATURE_ELEVATE);
        },
      ),
    );
  });
});
