import { describe, expect, it } from "vitest";
import { AZIONI, puo, ruoloPuo, ruoloSede, type Azione, type Fatti } from "./autorizzazione";

const NESSUNO: Fatti = { legaleRappresentante: false, delegaValida: false, sedeAbilitata: false, bozza: false, regola: "sede_competente" };
const ammesse = (chi: Parameters<typeof puo>[0], f: Partial<Fatti>) => AZIONI.filter((a) => puo(chi, a, { ...NESSUNO, ...f }));
const AZIENDA: Azione[] = ["vedi_domanda", "compila_domanda", "invia_domanda", "elimina_bozza", "rinuncia_domanda", "rispondi_richiesta", "vedi_azienda", "crea_domanda", "invia_flusso", "scrivi_messaggio"];

describe("chi può fare che cosa", () => {
  it("the legal representative acts for the company, and only with that relation", () => {
    expect(ammesse({ tipo: "utente", ruolo: "datore" }, { legaleRappresentante: true })).toEqual([...AZIENDA, "gestisci_deleghe"]);
    expect(ammesse({ tipo: "utente", ruolo: "datore" }, { delegaValida: true, sedeAbilitata: true })).toEqual([]);
  });

  it("an employee enabled by the legal representative does the company's acts, never its deleghe", () => {
    expect(ammesse({ tipo: "utente", ruolo: "datore" }, { incaricato: true })).toEqual(AZIENDA);
    expect(ruoloPuo("datore", "gestisci_deleghe")).toBe(true);
    expect(ruoloPuo("intermediario", "gestisci_deleghe")).toBe(false);
  });

  it("an intermediary acts only with a delega valid on the date", () => {
    expect(ammesse({ tipo: "utente", ruolo: "intermediario" }, { delegaValida: true })).toEqual([...AZIENDA, "richiedi_delega"]);
    // Without a delega it may only ask for one.
    expect(ammesse({ tipo: "utente", ruolo: "intermediario" }, { legaleRappresentante: true, incaricato: true })).toEqual(["richiedi_delega"]);
    expect(ruoloPuo("intermediario", "richiedi_delega")).toBe(true);
    expect(ruoloPuo("operatore_sede", "richiedi_delega")).toBe(false);
  });

  it("an operator reads and examines sent domande of the sede, never drafts nor the company's acts", () => {
    const operatore = { tipo: "utente", ruolo: "operatore_sede" } as const;
    expect(ammesse(operatore, { sedeAbilitata: true })).toEqual(["vedi_domanda", "istruisci_domanda", "vedi_azienda", "vedi_pagamenti", "lavora_pagamenti", "scrivi_messaggio"]);
    expect(ammesse(operatore, { sedeAbilitata: true, bozza: true })).toEqual([]);
    expect(ammesse(operatore, {})).toEqual([]);
    // Pooled assignment: every sede's cases.
    expect(ammesse(operatore, { regola: "pool" })).toEqual(["vedi_domanda", "istruisci_domanda", "vedi_azienda", "vedi_pagamenti", "lavora_pagamenti", "scrivi_messaggio"]);
  });

  it("the manager reads only", () => {
    expect(ammesse({ tipo: "utente", ruolo: "dirigente_sede" }, { sedeAbilitata: true })).toEqual(["vedi_domanda", "vedi_azienda", "vedi_pagamenti"]);
    expect(ruoloPuo("dirigente_sede", "lavora_pagamenti")).toBe(false);
    expect(ruoloPuo("datore", "vedi_pagamenti")).toBe(false);
    expect(ruoloPuo("dirigente_sede", "istruisci_domanda")).toBe(false);
    expect(ruoloPuo("dirigente_sede", "vedi_domanda")).toBe(true);
    expect(ruoloPuo("operatore_sede", "istruisci_domanda")).toBe(true);
    expect(ruoloPuo("operatore_sede", "compila_domanda")).toBe(false);
  });

  it("the system actor moves the Sede's side of sent domande and never acts for the company", () => {
    expect(ammesse({ tipo: "sistema" }, {})).toEqual(["vedi_domanda", "istruisci_domanda", "vedi_azienda", "vedi_pagamenti", "lavora_pagamenti"]);
    expect(ammesse({ tipo: "sistema" }, { bozza: true })).toEqual([]);
  });

  it("pages of one side ask the role", () => {
    expect(ruoloPuo("datore", "crea_domanda")).toBe(true);
    expect(ruoloPuo("operatore_sede", "crea_domanda")).toBe(false);
  });
});

describe("ruoloSede", () => {
  it("is the operator and the office manager, never the company's side", () => {
    expect((["datore", "intermediario", "operatore_sede", "dirigente_sede"] as const).filter(ruoloSede)).toEqual(["operatore_sede", "dirigente_sede"]);
  });
});
