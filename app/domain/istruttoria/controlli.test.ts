import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { verificaDurataCigo, verificaDurataFis, verificaDurataFondo } from "../durate";
import { verificaLavoratore, type InputEleggibilita } from "../eleggibilita-lavoratori";
import { valutaIndiceLiquidita } from "../indice-liquidita";
import { verificaTerminePresentazione } from "../termini-presentazione";
import type { PeriodoRichiesto } from "../tipi";
import { ParametroNonDisponibile } from "../parametri";
import { controlliDaEsiti, controlliIstruttoria, controlloDelPeriodo, conteggioControlli, esitiEseguibili, type DatiControlliIstruttoria } from "./controlli";

// La domanda D1: C1-UP1, CIGO per mancanza di commesse, 02/02–26/04/2026, inviata il 10/02/2026.
const RICHIESTA: PeriodoRichiesto = { inizio: "2026-02-02", fine: "2026-04-26", prestazione: "CIGO", unitaProduttiva: "1", eone: false };
const lavoratore = (cf: string, nominativo: string, dataAssunzioneUp: string, qualifica: InputEleggibilita["lavoratore"]["qualifica"] = "operaio"): InputEleggibilita => ({
  lavoratore: { cf, nominativo, qualifica, dataAssunzioneUp },
  prestazione: "CIGO", eone: false, settoreIndustriale: true, dataPresentazione: "2026-02-10",
  periodo: { inizio: RICHIESTA.inizio, fine: RICHIESTA.fine },
});
const D1: DatiControlliIstruttoria = {
  instradamento: {
    inquadramento: { csc: "11101", ca: [], gestione: "privata", fondo: null, dipendentiMedi: 48, attivita: "altro" },
    data: "2026-02-10",
    scelta: { prestazione: "CIGO", fondo: null },
  },
  termine: { prestazione: "CIGO", eone: false, inizioSospensione: "2026-02-02", fineSospensione: "2026-04-26", dataPresentazione: "2026-02-10" },
  durata: {
    prestazione: "CIGO",
    input: {
      richiesta: RICHIESTA, precedenti: [], giorniSettimanali: 5, ediliziaLapidei: false, nomeUnitaProduttiva: "Padova",
      mediaOccupati: [{ orarioSettimanale: 40, lavoratori: 30 }, { orarioSettimanale: 20, lavoratori: 2 }], oreRichieste: 3840,
    },
  },
  sovrapposizioni: { richiesta: RICHIESTA, esistenti: [] },
  lavoratori: [lavoratore("SMPMRC80C12G224X", "Marco Esempio", "2015-03-02"), lavoratore("CMPLCU03S23G224Z", "Luca Campionato", "2026-01-21", "apprendista")],
  informativa: {
    prestazione: "CIGO", eone: false, ediliziaLapidei: false, dipendentiMedi: 48, inizioSospensione: "2026-02-02", settimaneContinue: 12,
    dataComunicazione: "2026-01-26", dataConclusione: "2026-02-04",
  },
  relazioneTecnica: {
    causale: "Mancanza di lavoro o di commesse",
    relazione: { modalita: "strutturata", descrizione: "Calo ordini", misure: "Ferie", prospettive: "Nuove commesse", numeroIndicatori: 4 },
    indicatoriObbligatori: true, documentiObbligatori: null, documentiPresenti: [], meteo: false,
  },
};

describe("controlli dell'istruttoria sulla domanda D1", () => {
  const controlli = controlliIstruttoria(D1);
  const per = (codice: string) => controlli.find((c) => c.codice === codice)!;
  it("un controllo per ogni regola con dati, nell'ordine del modulo", () => {
    expect(controlli.map((c) => c.codice)).toEqual([
      "instradamento", "termini", "durata", "terzo_ore", "limite_complessivo", "sovrapposizioni", "lavoratori", "informativa", "relazione_tecnica",
    ]);
  });
  it("superati: prestazione suggerita, termini, durata, art. 4, informativa, relazione", () => {
    for (const c of ["instradamento", "termini", "durata", "limite_complessivo", "sovrapposizioni", "informativa", "relazione_tecnica"]) {
      expect(per(c).stato, c).toBe("superato");
    }
    expect(per("limite_complessivo").riferimenti).toEqual(["art. 4 d.lgs. 148/2015 c.1"]);
  });
  it("un lavoratore senza 30 giorni di anzianità rende il controllo non superato, con il riepilogo e il nome", () => {
    const l = per("lavoratori");
    expect(l.stato).toBe("non_superato");
    expect(l.spiegazione[0]).toBe("2 lavoratori esaminati: 1 con i requisiti, 1 senza.");
    expect(l.spiegazione.join(" ")).toMatch(/Luca Campionato.*solo 20 giorni/);
    expect(l.riferimenti).toContain("art. 1 c.2 d.lgs. 148/2015");
  });
  it("la regola di 1/3 usa un parametro incerto: il controllo è marcato provvisorio", () => {
    expect(per("terzo_ore").provvisorio).toBe(true);
    expect(per("terzo_ore").spiegazione.join(" ")).toMatch(/Regola provvisoria/);
  });
  it("gli esiti sono quelli delle regole del modulo, non una copia", () => {
    expect(per("termini").esiti).toEqual([verificaTerminePresentazione(D1.termine!).esito]);
    const durata = verificaDurataCigo(D1.durata!.input as Parameters<typeof verificaDurataCigo>[0]).esiti;
    expect([...per("durata").esiti, ...per("terzo_ore").esiti, ...per("limite_complessivo").esiti].map((e) => e.regola).sort())
      .toEqual(durata.map((e) => e.regola).sort());
    expect(per("lavoratori").esiti).toEqual(D1.lavoratori!.flatMap((i) => verificaLavoratore(i)));
  });
  it("conteggio per stato", () => {
    expect(conteggioControlli(controlli)).toEqual({ superato: 8, avviso: 0, non_superato: 1 });
  });
});

describe("altri casi", () => {
  it("una domanda tardiva dà un avviso con la prima data copribile", () => {
    const [t] = controlliIstruttoria({ termine: { ...D1.termine!, dataPresentazione: "2026-02-25" } });
    expect(t.stato).toBe("avviso");
    expect(t.spiegazione[0]).toMatch(/dal 18\/02\/2026/);
  });
  it("una prestazione non suggerita è un avviso per la Sede", () => {
    const [r] = controlliIstruttoria({ instradamento: { ...D1.instradamento!, scelta: { prestazione: "AIS_FIS", fondo: null } } });
    expect(r.stato).toBe("avviso");
  });
  it("pagamento diretto: l'indice di liquidità ricalcolato con la formula del giorno del calcolo", () => {
    const bilancio = { dataRiferimento: "2025-12-31", disponibilitaLiquideCentesimi: 10_000, creditiBreveCentesimi: 10_000, rimanenzeCentesimi: 0, debitiBreveCentesimi: 100_000 };
    const [l] = controlliIstruttoria({ liquidita: { bilancio, calcolatoIl: "2026-02-10" } });
    expect(l.codice).toBe("liquidita");
    expect(l.esiti).toEqual([valutaIndiceLiquidita(bilancio, "2026-02-10").esito]);
    expect(l.provvisorio).toBe(true);
  });
  it("un parametro non in vigore alla data non rompe la pagina: il controllo diventa un avviso da verificare a mano", () => {
    const [t] = controlliIstruttoria({ termine: { ...D1.termine!, prestazione: "AIS_FIS", inizioSospensione: "2014-01-01", dataPresentazione: "2014-01-05" } });
    expect(t.stato).toBe("avviso");
    expect(t.spiegazione[0]).toMatch(/non è stato eseguito.*Verificalo a mano/);
  });
  it("CISOA: 90 giorni per lavoratore", () => {
    const giorni = Array.from({ length: 95 }, (_, i) => `2026-${String(1 + Math.floor(i / 28)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`);
    const [c] = controlliIstruttoria({ giorniCisoa: [{ cf: "DMSRNI95E60Z129K", nominativo: "Irina Dimostrato", giorniPrecedenti: [], giorniRichiesti: giorni }] });
    expect(c.codice).toBe("giorni_cisoa");
    expect(c.stato).toBe("non_superato");
  });
  it("proprietà: lo stato è quello della gravità peggiore tra gli esiti", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 20 }), (ritardo, lavoratori) => {
        const controlli = controlliIstruttoria({
          termine: { ...D1.termine!, dataPresentazione: `2026-02-${String(10 + (ritardo % 18)).padStart(2, "0")}` },
          lavoratori: Array.from({ length: lavoratori }, (_, i) => lavoratore("SMPMRC80C12G224X", `L${i}`, i % 3 === 0 ? "2026-02-01" : "2010-01-01")),
        });
        for (const c of controlli) {
          const g = c.esiti.map((e) => e.gravita);
          const atteso = g.includes("bloccante") ? "non_superato" : g.includes("avviso") ? "avviso" : "superato";
          expect(c.stato).toBe(atteso);
        }
      }),
      { numRuns: 50 },
    );
  });
  it("FIS e fondi: il limite del biennio del proprio regime, con gli esiti della stessa regola", () => {
    const fis = { richiesta: { ...RICHIESTA, prestazione: "AIS_FIS" as const }, precedenti: [], giorniSettimanali: 5 as const, dipendentiMedi: 12 };
    const [cf] = controlliIstruttoria({ durata: { prestazione: "AIS_FIS", input: fis } });
    expect(cf.codice).toBe("durata");
    expect(cf.esiti).toEqual(verificaDurataFis(fis).esiti);
    const fondo = { richiesta: { ...RICHIESTA, prestazione: "AIS_FONDO" as const, fondo: "SOLIMARE" as const }, precedenti: [], giorniSettimanali: 5 as const };
    const [cfo] = controlliIstruttoria({ durata: { prestazione: "AIS_FONDO", input: fondo } });
    expect(cfo.esiti).toEqual(verificaDurataFondo(fondo).esiti);
  });
  it("tutti i lavoratori con i requisiti: solo il conteggio, al singolare per uno", () => {
    const [l] = controlliIstruttoria({ lavoratori: [lavoratore("SMPMRC80C12G224X", "Marco Esempio", "2015-03-02")] });
    expect(l.stato).toBe("superato");
    expect(l.spiegazione).toEqual(["1 lavoratore esaminato: 1 con i requisiti, 0 senza."]);
  });
  it("un errore che non è un parametro mancante non viene nascosto come avviso", () => {
    expect(() => controlliIstruttoria({ termine: { ...D1.termine!, dataPresentazione: "non-una-data" } })).toThrow();
  });
});

describe("controlli dagli esiti già calcolati sul caso", () => {
  const esitiDi = (c: ReturnType<typeof controlliIstruttoria>) => (codice: string) => c.find((x) => x.codice === codice)?.esiti ?? [];
  it("danno gli stessi controlli di controlliIstruttoria sulla D1", () => {
    const attesi = controlliIstruttoria(D1);
    const e = esitiDi(attesi);
    const dalCaso = controlliDaEsiti({
      instradamento: e("instradamento"),
      // In ordine sparso, come li restituisce il passo: il raggruppamento li rimette al loro posto.
      periodo: [...e("sovrapposizioni"), ...e("limite_complessivo"), ...e("termini"), ...e("terzo_ore"), ...e("durata")],
      lavoratori: { esaminati: 2, esiti: e("lavoratori") },
      informativa: e("informativa"),
      relazioneTecnica: e("relazione_tecnica"),
    });
    expect(dalCaso).toEqual(attesi);
  });
  it("classifica gli esiti del periodo per regola", () => {
    // Alike inquadramento.test.ts (duplicates): each test lists its own cases, one assertion a line
    expect(controlloDelPeriodo("termini.presentazione")).toBe("termini");
    expect(controlloDelPeriodo("durata.art4.complessiva")).toBe("limite_complessivo");
    expect(controlloDelPeriodo("durata.cigo.terzoOre")).toBe("terzo_ore");
    expect(controlloDelPeriodo("durata.cisoa.giorni")).toBe("giorni_cisoa");
    expect(controlloDelPeriodo("sovrapposizioni")).toBe("sovrapposizioni");
    expect(controlloDelPeriodo("durata.fis.biennio")).toBe("durata");
  });
  it("i lavoratori si contano anche senza esiti; i gruppi vuoti non producono controlli", () => {
    const c = controlliDaEsiti({ lavoratori: { esaminati: 1, esiti: [] }, periodo: [], liquidita: [] });
    expect(c).toHaveLength(1);
    expect(c[0]).toMatchObject({ codice: "lavoratori", stato: "superato", spiegazione: ["1 lavoratore esaminato: 1 con i requisiti, 0 senza."] });
    expect(controlliDaEsiti({})).toEqual([]);
  });
  it("la liquidità e un parametro non in vigore diventano controlli", () => {
    const liquidita = [valutaIndiceLiquidita({ dataRiferimento: "2025-12-31", disponibilitaLiquideCentesimi: 50, creditiBreveCentesimi: 150, rimanenzeCentesimi: 0, debitiBreveCentesimi: 100 }, "2026-02-10").esito];
    const c = controlliDaEsiti({ liquidita, instradamento: esitiEseguibili("instradamento", () => { throw new ParametroNonDisponibile("x", "1900-01-01"); }) });
    expect(c.map((x) => x.codice)).toEqual(["instradamento", "liquidita"]);
    expect(c[0].stato).toBe("avviso");
    expect(() => esitiEseguibili("termini", () => { throw new Error("altro"); })).toThrow("altro");
  });
});
