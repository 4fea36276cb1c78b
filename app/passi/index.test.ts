import { describe, expect, it } from "vitest";
import { leggiRisposte, passoVisitabile, posizioneNelPercorso, percorsoDopo, primoPassoIncompleto, sezioniRiepilogo, statiPassi, type RisposteDomanda } from "./index";
import { AZIENDA_DI_PROVA as AZIENDA, UNITA_DI_PROVA as UNITA } from "../../tests/risposte-di-prova";

describe("passi della domanda", () => {
  it("l'indicatore conta i passi, il riepilogo e l'invio: Passo 3 di 10 è Periodo e causale", () => {
    expect(posizioneNelPercorso("azienda")).toEqual({ numero: 1, totale: 10 });
    expect(posizioneNelPercorso("periodo")).toEqual({ numero: 3, totale: 10 });
    expect(posizioneNelPercorso("allegati")).toEqual({ numero: 8, totale: 10 });
    expect(posizioneNelPercorso("riepilogo")).toEqual({ numero: 9, totale: 10 });
    expect(posizioneNelPercorso("invio")).toEqual({ numero: 10, totale: 10 });
  });

  it("il primo passo incompleto è il primo senza risposte", () => {
    expect(primoPassoIncompleto({})?.slug).toBe("azienda");
    expect(primoPassoIncompleto({ azienda: AZIENDA, unitaProduttiva: UNITA })?.slug).toBe("periodo");
  });

  it("non si salta un passo: un collegamento diretto a un passo successivo non è visitabile", () => {
    expect(passoVisitabile({ azienda: AZIENDA }, "unita-produttiva")).toBe(true);
    expect(passoVisitabile({ azienda: AZIENDA }, "lavoratori")).toBe(false);
  });

  it("lo stato di ogni passo distingue completato, con avvisi, in corso e da completare", () => {
    const stati = statiPassi({ azienda: AZIENDA, unitaProduttiva: UNITA, periodo: null }, new Set(["unitaProduttiva"]));
    expect(stati.slice(0, 4).map((s) => s.stato)).toEqual(["completato", "con_avvisi", "in_corso", "da_completare"]);
  });

  it("each step leads to the next one, the last to the summary", () => {
    expect(percorsoDopo("azienda")).toBe("unita-produttiva");
    expect(percorsoDopo("pagamento")).toBe("allegati");
    expect(percorsoDopo("allegati")).toBe("riepilogo");
  });

  it("reads stored answers against each step's schema: a shape no version knows is a step to answer again", () => {
    const r: RisposteDomanda = leggiRisposte({ azienda: AZIENDA, unitaProduttiva: { codice: 3 }, periodo: null, versioni: { azienda: 1 } });
    expect(r.azienda).toEqual(AZIENDA);
    expect(r.unitaProduttiva).toBeNull();
    expect(r.periodo).toBeNull();
    expect("lavoratori" in r).toBe(false);
    expect(leggiRisposte(null)).toEqual({});
  });

  it("the summary shows each answer under the form's label", () => {
    const [azienda, unita, periodo] = sezioniRiepilogo({ azienda: { ...AZIENDA, telefono: "049 1234567" }, unitaProduttiva: UNITA });
    expect(azienda.righe).toContainEqual({ etichetta: "PEC dell'azienda", valore: ["ufficio@pec.esempio.it"] });
    expect(azienda.righe).toContainEqual({ etichetta: "Referente per la domanda", valore: ["Non indicato"] });
    expect(unita.righe).toContainEqual({ etichetta: "Quale unità produttiva è interessata?", valore: ["Stabilimento di Padova (UP1)"] });
    expect(periodo.righe).toEqual([{ etichetta: "Periodo e causale", valore: ["Non compilato"] }]);
  });
});
