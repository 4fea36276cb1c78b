import { describe, expect, it } from "vitest";
import { pianoRotazione, politicaDaAmbiente, POLITICA_ROTAZIONE_PREDEFINITA } from "./rotazione-chiavi";

const G = 24 * 3_600_000;
const politica = { periodoMs: 30 * G, preavvisoMs: G, sovrapposizioneMs: 2 * G };
const t0 = new Date("2026-01-01T00:00:00Z");
const dopo = (giorni: number) => new Date(t0.getTime() + giorni * G);

describe("piano di rotazione delle chiavi", () => {
  it("nessuna chiave: nulla (la prima nasce al primo uso)", () => {
    expect(pianoRotazione([], t0, politica)).toEqual({ nuovaDal: null, ritira: [] });
  });

  it("annuncia una nuova chiave un preavviso prima della fine del periodo, che firma dopo il preavviso", () => {
    const chiavi = [{ kid: "a", firmaDal: t0 }];
    expect(pianoRotazione(chiavi, dopo(28.9), politica).nuovaDal).toBeNull();
    expect(pianoRotazione(chiavi, dopo(29), politica).nuovaDal).toEqual(dopo(30));
  });

  it("con una chiave già annunciata non ne annuncia un'altra, e non ritira nulla finché questa non firma", () => {
    const chiavi = [
      { kid: "a", firmaDal: t0 },
      { kid: "b", firmaDal: dopo(30) },
    ];
    expect(pianoRotazione(chiavi, dopo(29.5), politica)).toEqual({ nuovaDal: null, ritira: [] });
  });

  it("la chiave vecchia resta pubblicata per la sovrapposizione dopo che la nuova firma, poi è ritirata", () => {
    const chiavi = [
      { kid: "b", firmaDal: dopo(30) },
      { kid: "a", firmaDal: t0 },
    ];
    expect(pianoRotazione(chiavi, dopo(31.9), politica).ritira).toEqual([]);
    expect(pianoRotazione(chiavi, dopo(32), politica).ritira).toEqual(["a"]);
  });

  it("politica dall'ambiente, con i valori predefiniti per l'assente o il non valido", () => {
    expect(politicaDaAmbiente({})).toEqual(POLITICA_ROTAZIONE_PREDEFINITA);
    expect(politicaDaAmbiente({ OIDC_ROTAZIONE_GIORNI: "90", OIDC_ROTAZIONE_PREAVVISO_ORE: "48", OIDC_ROTAZIONE_SOVRAPPOSIZIONE_ORE: "-1" })).toEqual({
      periodoMs: 90 * G,
      preavvisoMs: 2 * G,
      sovrapposizioneMs: POLITICA_ROTAZIONE_PREDEFINITA.sovrapposizioneMs,
    });
    expect(politicaDaAmbiente({ OIDC_ROTAZIONE_GIORNI: "" }).periodoMs).toBe(POLITICA_ROTAZIONE_PREDEFINITA.periodoMs);
  });
});
