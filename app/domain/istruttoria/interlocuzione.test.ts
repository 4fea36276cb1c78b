import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { addDays, diffDays } from "../date";
import {
  giorniCoperti, intervalliApertura, scadenzaRichiesta, situazioneRichiesta, verificaRigettoPerCarenzaElementi,
  type RichiestaIstruttoria,
} from "./interlocuzione";

const supplemento = (ricevutaIl: string, extra: Partial<RichiestaIstruttoria> = {}): RichiestaIstruttoria => ({
  tipo: "supplemento_istruttorio", ricevutaIl, ...extra,
});

describe("termine di risposta: 15 giorni dal ricevimento", () => {
  it("il giorno del ricevimento non si conta: ricevuta il 02/03 si risponde fino al 17/03", () => {
    expect(scadenzaRichiesta("supplemento_istruttorio", "2026-03-02")).toBe("2026-03-17");
    const s = situazioneRichiesta(supplemento("2026-03-02"), "2026-03-17");
    expect(s.stato).toBe("aperta");
    expect(s.giorniRimanenti).toBe(0);
    expect(s.esito.messaggio).toMatch(/entro il 17\/03\/2026 \(scade oggi\)/);
  });
  it("dal giorno dopo la scadenza è scaduta, e l'istruttoria può proseguire", () => {
    const s = situazioneRichiesta(supplemento("2026-03-02"), "2026-03-18");
    expect(s.stato).toBe("scaduta");
    expect(s.esito.gravita).toBe("avviso");
    expect(s.giorniAperta).toBe(16);
    expect(s.esito.messaggio).toMatch(/può proseguire/);
  });
  it("una risposta tardiva resta una risposta, segnalata come oltre il termine", () => {
    const s = situazioneRichiesta(supplemento("2026-03-02", { rispostaIl: "2026-03-20" }), "2026-03-25");
    expect(s.stato).toBe("risposta");
    expect(s.rispostaTardiva).toBe(true);
    expect(s.giorniAperta).toBe(16); // aperta fino alla scadenza, non fino alla risposta tardiva
  });
  it("la richiesta di documenti usa un termine incerto e il messaggio lo dice", () => {
    const s = situazioneRichiesta({ tipo: "documentale", ricevutaIl: "2026-03-02" }, "2026-03-05");
    expect(s.esito.provvisorio).toBe(true);
    expect(s.esito.messaggio).toMatch(/Regola provvisoria/);
  });
});

describe("rigetto per mancanza di elementi (art. 11 c.2 D.M. 95442/2016)", () => {
  it("senza supplemento istruttorio è bloccato", () => {
    const e = verificaRigettoPerCarenzaElementi([], "2026-04-01");
    expect(e.gravita).toBe("bloccante");
    expect(e.messaggio).toMatch(/supplemento istruttorio/);
  });
  it("una sola richiesta di documenti non basta", () => {
    expect(verificaRigettoPerCarenzaElementi([{ tipo: "documentale", ricevutaIl: "2026-03-01", rispostaIl: "2026-03-03" }], "2026-04-01").gravita).toBe("bloccante");
  });
  it("con il supplemento ancora aperto è bloccato e dice fino a quando", () => {
    const e = verificaRigettoPerCarenzaElementi([supplemento("2026-03-20")], "2026-04-01");
    expect(e.gravita).toBe("bloccante");
    expect(e.messaggio).toMatch(/aperto fino al 04\/04\/2026/);
  });
  it.each([
    ["risposto", supplemento("2026-03-01", { rispostaIl: "2026-03-10" })],
    ["scaduto", supplemento("2026-03-01")],
    ["chiuso", supplemento("2026-03-01", { chiusaIl: "2026-03-05" })],
  ])("con il supplemento %s è possibile", (_nome, r) => {
    expect(verificaRigettoPerCarenzaElementi([r], "2026-04-01").gravita).toBe("informazione");
  });
});

describe("intervalli di apertura e giorni coperti", () => {
  it("intervalli sovrapposti contano una volta", () => {
    expect(giorniCoperti([{ inizio: "2026-03-01", fine: "2026-03-11" }, { inizio: "2026-03-05", fine: "2026-03-15" }])).toBe(14);
    expect(giorniCoperti([{ inizio: "2026-03-01", fine: "2026-03-03" }, { inizio: "2026-03-10", fine: "2026-03-12" }])).toBe(4);
  });
  it("una richiesta aperta copre fino a oggi; una risposta fino al giorno della risposta", () => {
    expect(intervalliApertura([supplemento("2026-03-01")], ["supplemento_istruttorio"], "2026-03-06")).toEqual([{ inizio: "2026-03-01", fine: "2026-03-06" }]);
    expect(intervalliApertura([supplemento("2026-03-01", { rispostaIl: "2026-03-04" })], ["supplemento_istruttorio"], "2026-03-30"))
      .toEqual([{ inizio: "2026-03-01", fine: "2026-03-04" }]);
    expect(intervalliApertura([{ tipo: "documentale", ricevutaIl: "2026-03-01" }], ["supplemento_istruttorio"], "2026-03-30")).toEqual([]);
  });
  const richiesta = fc
    .tuple(fc.integer({ min: 0, max: 120 }), fc.option(fc.integer({ min: 0, max: 40 })), fc.option(fc.integer({ min: 0, max: 40 })))
    .map(([o, r, c]): RichiestaIstruttoria => {
      const ricevutaIl = addDays("2026-01-05", o);
      return supplemento(ricevutaIl, { rispostaIl: r === null ? null : addDays(ricevutaIl, r), chiusaIl: c === null ? null : addDays(ricevutaIl, c) });
    });
  it("i giorni di apertura non superano mai il termine + 1 per richiesta, né i giorni trascorsi", () => {
    fc.assert(
      fc.property(fc.array(richiesta, { maxLength: 6 }), fc.integer({ min: 0, max: 200 }), (richieste, o) => {
        const oggi = addDays("2026-01-05", o);
        const totale = giorniCoperti(intervalliApertura(richieste, ["supplemento_istruttorio"], oggi));
        expect(totale).toBeGreaterThanOrEqual(0);
        expect(totale).toBeLessThanOrEqual(richieste.length * 16);
        expect(totale).toBeLessThanOrEqual(Math.max(0, diffDays(oggi, "2026-01-05")));
      }),
    );
  });
  it("lo stato è sempre uno solo e i giorni rimanenti esistono solo se aperta", () => {
    fc.assert(
      fc.property(richiesta, fc.integer({ min: 0, max: 200 }), (r, o) => {
        const s = situazioneRichiesta(r, addDays("2026-01-05", o));
        expect(s.giorniRimanenti === null).toBe(s.stato !== "aperta");
        if (s.stato === "aperta") expect(s.giorniRimanenti!).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});
