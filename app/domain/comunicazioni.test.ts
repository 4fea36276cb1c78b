import fc from "fast-check";
import { describe, expect, it } from "vitest";
// Alike stati.test.ts's imports (duplicates): each test imports the functions of its own module
import {
  contaComeNonLetto,
  filoAperto,
  latoDelRuolo,
  notificaPerVoce,
  promemoriaBozza,
  promemoriaConguaglio,
  promemoriaPagamentoDiretto,
  promemoriaRichiesta,
  testoNotifica,
} from "./comunicazioni";
import { addDays } from "./date";

describe("letti e non letti", () => {
  it("the company's side: everything the Sede or the system wrote, nothing of its own", () => {
    expect(contaComeNonLetto("azienda", { lato: "sede", tipo: "presa_in_carico" })).toBe(true);
    expect(contaComeNonLetto("azienda", { lato: "sistema", tipo: "promemoria" })).toBe(true);
    expect(contaComeNonLetto("azienda", { lato: "azienda", tipo: "messaggio" })).toBe(false);
  });

  it("the office: the company's messages, answers and withdrawals; not its drafting, nor the system's reminders", () => {
    expect(contaComeNonLetto("sede", { lato: "azienda", tipo: "messaggio" })).toBe(true);
    expect(contaComeNonLetto("sede", { lato: "azienda", tipo: "risposta" })).toBe(true);
    expect(contaComeNonLetto("sede", { lato: "azienda", tipo: "rinunciata" })).toBe(true);
    expect(contaComeNonLetto("sede", { lato: "azienda", tipo: "creata" })).toBe(false);
    expect(contaComeNonLetto("sede", { lato: "sistema", tipo: "promemoria" })).toBe(false);
    expect(contaComeNonLetto("sede", { lato: "sede", tipo: "messaggio" })).toBe(false);
  });

  it("sides of the roles; a draft has no thread with the office", () => {
    expect(latoDelRuolo("datore")).toBe("azienda");
    expect(latoDelRuolo("intermediario")).toBe("azienda");
    expect(latoDelRuolo("operatore_sede")).toBe("sede");
    expect(latoDelRuolo("dirigente_sede")).toBe("sede");
    expect(filoAperto("bozza")).toBe(false);
    expect(filoAperto("inviata")).toBe(true);
    expect(filoAperto("respinta")).toBe(true);
  });
});

describe("notifiche", () => {
  it("notifies the company of what the Sede and the system write, never of its own acts", () => {
    expect(notificaPerVoce({ lato: "sede", tipo: "richiesta" })).toEqual({ oggetto: "Richiesta di informazioni della Sede INPS" });
    expect(notificaPerVoce({ lato: "sede", tipo: "decisa" })?.oggetto).toBe("Decisione sulla domanda");
    expect(notificaPerVoce({ lato: "sistema", tipo: "promemoria" })?.oggetto).toBe("Promemoria");
    expect(notificaPerVoce({ lato: "azienda", tipo: "messaggio" })).toBeNull();
    expect(notificaPerVoce({ lato: "sede", tipo: "presa_in_carico" })).toBeNull();
  });

  it("the text names the domanda, the company and the entry, and links to the thread", () => {
    const t = testoNotifica({
      oggetto: "Decisione sulla domanda",
      descrizione: "Domanda autorizzata: provvedimento n. T-01",
      prestazione: "CIGO",
      protocollo: "INPS.2026.0000012",
      azienda: "Officine Meccaniche Brenta",
      collegamento: "https://omnia.example/domande/12/messaggi",
    });
    expect(t.oggetto).toBe("OMNIA IS — Decisione sulla domanda: domanda n. INPS.2026.0000012");
    expect(t.testo).toContain("domanda CIGO n. INPS.2026.0000012 di Officine Meccaniche Brenta");
    expect(t.testo).toContain("Domanda autorizzata: provvedimento n. T-01");
    expect(t.testo).toContain("https://omnia.example/domande/12/messaggi");
    const bozza = testoNotifica({ oggetto: "Promemoria", descrizione: "x", prestazione: "CIGO", protocollo: null, azienda: "A", collegamento: "l" });
    expect(bozza.oggetto).toBe("OMNIA IS — Promemoria: bozza CIGO");
    expect(bozza.testo).toContain("bozza di domanda CIGO di A");
  });
});

describe("promemoria", () => {
  it("a draft: from the 7th day after its last change, keyed by that change", () => {
    expect(promemoriaBozza(4, "2026-11-01", "2026-11-07")).toBeNull();
    const p = promemoriaBozza(4, "2026-11-01", "2026-11-08");
    expect(p).toEqual({ chiave: "bozza:4:2026-11-01", descrizione: expect.stringContaining("dal 01/11/2026") as unknown as string });
    expect(promemoriaBozza(4, "2026-11-01", "2026-12-30")?.chiave).toBe("bozza:4:2026-11-01");
  });

  it("a request: T-5 from 5 days before, T-1 from the day before to the deadline, nothing after or earlier", () => {
    expect(promemoriaRichiesta(9, "2026-12-15", "2026-12-09")).toBeNull();
    expect(promemoriaRichiesta(9, "2026-12-15", "2026-12-10")?.chiave).toBe("richiesta:9:T-5");
    expect(promemoriaRichiesta(9, "2026-12-15", "2026-12-13")?.descrizione).toContain("mancano 2 giorni");
    expect(promemoriaRichiesta(9, "2026-12-15", "2026-12-14")?.chiave).toBe("richiesta:9:T-1");
    expect(promemoriaRichiesta(9, "2026-12-15", "2026-12-14")?.descrizione).toContain("manca 1 giorno");
    expect(promemoriaRichiesta(9, "2026-12-15", "2026-12-15")?.descrizione).toContain("scade oggi");
    expect(promemoriaRichiesta(9, "2026-12-15", "2026-12-16")).toBeNull();
  });

  it("property: running daily from receipt to deadline yields exactly the keys T-5 and T-1", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 3000 }), (durata, base) => {
        const scadenza = addDays("2025-01-01", base);
        const chiavi = new Set<string>();
        for (let g = durata; g >= -3; g--) {
          const p = promemoriaRichiesta(1, scadenza, addDays(scadenza, -g));
          if (p) chiavi.add(p.chiave);
        }
        const attese = [durata >= 2 ? "richiesta:1:T-5" : null, "richiesta:1:T-1"].filter(Boolean);
        expect([...chiavi].sort()).toEqual(attese.sort());
      }),
    );
  });

  it("the conguaglio: 15 days before its decadence (scadenze-flussi), not before, not after", () => {
    // Period ending 31/03/2026, decided 10/04/2026: 6 months from 10/04/2026 → 10/10/2026.
    const input = { fineAutorizzazione: "2026-03-31", dataProvvedimento: "2026-04-10" };
    expect(promemoriaConguaglio(3, input, "2026-09-24")).toBeNull();
    const p = promemoriaConguaglio(3, input, "2026-09-25");
    expect(p?.chiave).toBe("conguaglio:3");
    expect(p?.descrizione).toContain("10/10/2026");
    expect(p?.descrizione).toContain("art. 7");
    expect(promemoriaConguaglio(3, input, "2026-10-11")).toBeNull();
  });

  it("the direct-payment data: one reminder per month of competence within 15 days of its deadline", () => {
    // January–February 2026, decided 05/01/2026: deadlines 31/03 (January) and 30/04 (February).
    const input = { inizio: "2026-01-12", fine: "2026-02-20", dataProvvedimento: "2026-01-05" };
    expect(promemoriaPagamentoDiretto(8, input, "2026-03-15")).toEqual([]);
    expect(promemoriaPagamentoDiretto(8, input, "2026-03-16").map((p) => p.chiave)).toEqual(["pagamento-diretto:8:2026-01"]);
    expect(promemoriaPagamentoDiretto(8, input, "2026-04-20").map((p) => p.chiave)).toEqual(["pagamento-diretto:8:2026-02"]);
    expect(promemoriaPagamentoDiretto(8, input, "2026-05-01")).toEqual([]);
  });
});
