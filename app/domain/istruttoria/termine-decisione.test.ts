import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { addDays } from "../date";
import { gruppoCoda, termineCorrente, termineDecisione, urgenzaTermine } from "./termine-decisione";

const cigo = { prestazione: "CIGO" as const, inviataIl: "2026-02-10", inizioPeriodo: "2026-02-02", richieste: [] };

describe("termine per decidere", () => {
  it("CIGO: 75 giorni dall'invio (D1 inviata il 10/02/2026 → 26/04/2026)", () => {
    const t = termineDecisione({ ...cigo, oggi: "2026-03-01" });
    expect(t.giorniTermine).toBe(75);
    expect(t.scadenza).toBe("2026-04-26");
    expect(t.giorniRimanenti).toBe(56);
    expect(t.urgenza).toBe("nei_termini");
    expect(t.esito.provvisorio).toBe(false);
    expect(t.esito.messaggio).toMatch(/75 giorni dal 10\/02\/2026, giorno dell'invio.*restano 56 giorni/);
  });
  it("decorre dall'inizio del periodo se è successivo all'invio", () => {
    const t = termineDecisione({ ...cigo, inizioPeriodo: "2026-03-02", oggi: "2026-03-01" });
    expect(t.decorrenza).toBe("2026-03-02");
    expect(t.scadenza).toBe("2026-05-16");
  });
  it("è sospeso mentre il supplemento istruttorio è aperto, e la scadenza si sposta dei giorni di sospensione", () => {
    const aperto = termineDecisione({ ...cigo, richieste: [{ tipo: "supplemento_istruttorio", ricevutaIl: "2026-03-02" }], oggi: "2026-03-09" });
    expect(aperto.sospeso).toBe(true);
    expect(aperto.giorniSospensione).toBe(7);
    expect(aperto.scadenza).toBe("2026-05-03");
    expect(aperto.esito.messaggio).toMatch(/sospeso/);
    const risposto = termineDecisione({
      ...cigo,
      richieste: [{ tipo: "supplemento_istruttorio", ricevutaIl: "2026-03-02", rispostaIl: "2026-03-12" }],
      oggi: "2026-04-01",
    });
    expect(risposto.sospeso).toBe(false);
    expect(risposto.giorniSospensione).toBe(10);
    expect(risposto.scadenza).toBe("2026-05-06");
  });
  it("una richiesta di documenti non sospende il termine", () => {
    const t = termineDecisione({ ...cigo, richieste: [{ tipo: "documentale", ricevutaIl: "2026-03-02" }], oggi: "2026-03-09" });
    expect(t.giorniSospensione).toBe(0);
    expect(t.sospeso).toBe(false);
  });
  it("FIS, fondi e CISOA: valore non noto, la regola dice che è provvisoria", () => {
    for (const prestazione of ["AIS_FIS", "AIS_FONDO", "CISOA"] as const) {
      const t = termineDecisione({ ...cigo, prestazione, oggi: "2026-03-01" });
      expect(t.esito.provvisorio).toBe(true);
      expect(t.esito.messaggio).toMatch(/Regola provvisoria/);
    }
  });
  it("scaduto e in scadenza sono avvisi; dopo la decisione il conteggio si ferma", () => {
    expect(termineDecisione({ ...cigo, oggi: "2026-04-27" }).urgenza).toBe("scaduto");
    expect(termineDecisione({ ...cigo, oggi: "2026-04-11" }).urgenza).toBe("in_scadenza");
    expect(termineDecisione({ ...cigo, oggi: "2026-04-10" }).urgenza).toBe("nei_termini");
    const decisa = termineDecisione({ ...cigo, oggi: "2026-06-01", decisaIl: "2026-04-20" });
    expect(decisa.esito.gravita).toBe("informazione");
    expect(decisa.esito.messaggio).toMatch(/decisa il 20\/04\/2026, entro il termine/);
  });
  it("la coda: l'urgenza prevale sulla novità", () => {
    expect(gruppoCoda("inviata", "scaduto")).toBe("scaduti");
    expect(gruppoCoda("inviata", "in_scadenza")).toBe("in_scadenza");
    expect(gruppoCoda("inviata", "nei_termini")).toBe("nuovi");
    expect(gruppoCoda("in_istruttoria", "nei_termini")).toBe("in_lavorazione");
  });
  it("proprietà: la scadenza non precede mai decorrenza + termine, e l'urgenza segue i giorni rimanenti", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 200 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 100 }), fc.option(fc.integer({ min: 0, max: 30 }))), { maxLength: 4 }),
        (spostamento, dopo, rich) => {
          const inviataIl = addDays("2026-01-05", spostamento);
          const richieste = rich.map(([o, r]) => ({
            tipo: "supplemento_istruttorio" as const, ricevutaIl: addDays(inviataIl, o), rispostaIl: r === null ? null : addDays(inviataIl, o + r),
          }));
          const t = termineDecisione({ prestazione: "CIGO", inviataIl, inizioPeriodo: "2026-01-05", richieste, oggi: addDays(inviataIl, dopo) });
          expect(t.scadenza >= addDays(t.decorrenza, 75)).toBe(true);
          expect(t.urgenza).toBe(urgenzaTermine(t.giorniRimanenti));
        },
      ),
    );
  });
  it("decisa oltre il termine: un avviso che dice di quanti giorni", () => {
    const tardi = termineDecisione({ ...cigo, oggi: "2026-06-01", decisaIl: "2026-04-29" });
    expect(tardi.esito.gravita).toBe("avviso");
    expect(tardi.esito.messaggio).toMatch(/decisa il 29\/04\/2026, 3 giorni oltre il termine del 26\/04\/2026/);
  });
  it("scade oggi e scaduto da qualche giorno: detto in parole", () => {
    expect(termineDecisione({ ...cigo, oggi: "2026-04-26" }).esito.messaggio).toMatch(/scade oggi, 26\/04\/2026\.$/);
    expect(termineDecisione({ ...cigo, oggi: "2026-04-28" }).esito.messaggio).toMatch(/scaduto il 26\/04\/2026, da 2 giorni\.$/);
  });
});

describe("termine corrente dalla scadenza memorizzata", () => {
  it("senza sospensione: giorni rimanenti e urgenza da oggi", () => {
    expect(termineCorrente({ scadenza: "2026-04-26", sospesoDal: null, oggi: "2026-03-01" })).toEqual({
      scadenza: "2026-04-26", giorniRimanenti: 56, urgenza: "nei_termini", sospeso: false,
    });
    expect(termineCorrente({ scadenza: "2026-04-26", sospesoDal: null, oggi: "2026-04-27" }).urgenza).toBe("scaduto");
  });
  it("con un supplemento aperto la scadenza si sposta dei giorni di sospensione, come termineDecisione", () => {
    const t = termineCorrente({ scadenza: "2026-04-26", sospesoDal: "2026-03-02", oggi: "2026-03-09" });
    expect(t).toEqual({ scadenza: "2026-05-03", giorniRimanenti: 55, urgenza: "nei_termini", sospeso: true });
    const atteso = termineDecisione({ ...cigo, richieste: [{ tipo: "supplemento_istruttorio", ricevutaIl: "2026-03-02" }], oggi: "2026-03-09" });
    expect(t.scadenza).toBe(atteso.scadenza);
  });
  it("dopo l'ultimo giorno utile per rispondere la sospensione non cresce più", () => {
    const oltre = termineCorrente({ scadenza: "2026-04-26", sospesoDal: "2026-03-02", oggi: "2026-04-20" });
    const atteso = termineDecisione({ ...cigo, richieste: [{ tipo: "supplemento_istruttorio", ricevutaIl: "2026-03-02" }], oggi: "2026-04-20" });
    expect(oltre.sospeso).toBe(false);
    expect(oltre.scadenza).toBe(atteso.scadenza);
  });
  it("una sospensione che inizia domani non conta ancora", () => {
    expect(termineCorrente({ scadenza: "2026-04-26", sospesoDal: "2026-03-02", oggi: "2026-03-01" }).sospeso).toBe(false);
  });
  it("coincide con termineDecisione per ogni giorno (proprietà)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 90 }), (inizio, dopo) => {
        const ricevutaIl = addDays("2026-02-10", inizio);
        const oggi = addDays("2026-02-10", dopo);
        const base = termineDecisione({ ...cigo, richieste: [], oggi });
        const conRichiesta = termineDecisione({ ...cigo, richieste: [{ tipo: "supplemento_istruttorio", ricevutaIl }], oggi });
        const t = termineCorrente({ scadenza: base.scadenza, sospesoDal: ricevutaIl, oggi });
        return t.scadenza === conRichiesta.scadenza && t.sospeso === conRichiesta.sospeso;
      }),
    );
  });
});
