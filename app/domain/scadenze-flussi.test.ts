import { describe, expect, it } from "vitest";
import { scadenzaConguaglio, scadenzaPagamentoDiretto } from "./scadenze-flussi";

describe("scadenza dei dati per il pagamento diretto (art. 7 c.5-bis)", () => {
  it("fine del secondo mese successivo, o 60 giorni dalla notifica se più tardi", () => {
    expect(scadenzaPagamentoDiretto({ competenza: "2026-03-15", dataNotificaAutorizzazione: "2026-03-20", oggi: "2026-04-01" }))
      .toMatchObject({ scadenza: "2026-05-31", giorniRimanenti: 60, scaduta: false, esito: { gravita: "informazione" } });
    expect(scadenzaPagamentoDiretto({ competenza: "2026-03-15", dataNotificaAutorizzazione: "2026-04-15", oggi: "2026-04-01" }).scadenza).toBe("2026-06-14");
    expect(scadenzaPagamentoDiretto({ competenza: "2025-12-01", dataNotificaAutorizzazione: null, oggi: "2026-01-10" }).scadenza).toBe("2026-02-28");
  });
  it("senza notifica la scadenza è provvisoria; avviso negli ultimi giorni, blocco dopo", () => {
    const base = { competenza: "2026-03-15", dataNotificaAutorizzazione: null };
    expect(scadenzaPagamentoDiretto({ ...base, oggi: "2026-05-01" }).esito.messaggio).toMatch(/provvisoria.*restano 30 giorni/);
    expect(scadenzaPagamentoDiretto({ ...base, oggi: "2026-05-16" }).esito.gravita).toBe("avviso");
    expect(scadenzaPagamentoDiretto({ ...base, oggi: "2026-05-15" }).esito.gravita).toBe("informazione");
    expect(scadenzaPagamentoDiretto({ ...base, oggi: "2026-05-30" }).esito.messaggio).toMatch(/resta 1 giorno/);
    expect(scadenzaPagamentoDiretto({ ...base, oggi: "2026-05-31" }).esito.messaggio).toMatch(/scade oggi/);
    const scaduta = scadenzaPagamentoDiretto({ ...base, oggi: "2026-06-01" });
    expect(scaduta).toMatchObject({ scaduta: true, giorniRimanenti: -1, esito: { gravita: "bloccante" } });
    expect(scaduta.esito.messaggio).toMatch(/scaduto da 1 giorno.*a carico del datore/);
    expect(scadenzaPagamentoDiretto({ ...base, oggi: "2026-06-03" }).esito.messaggio).toMatch(/scaduto da 3 giorni/);
    expect(scadenzaPagamentoDiretto({ ...base, oggi: "2026-05-01", preavvisoGiorni: 30 }).esito.gravita).toBe("avviso");
  });
});

describe("scadenza del conguaglio (art. 7 c.3)", () => {
  it("6 mesi dalla fine del periodo di paga in cui scade l'autorizzazione, o dal provvedimento se successivo", () => {
    // D1: autorizzazione fino al 26/04/2026, provvedimento del 10/03/2026.
    expect(scadenzaConguaglio({ fineAutorizzazione: "2026-04-26", dataProvvedimento: "2026-03-10", oggi: "2026-05-01" }))
      .toMatchObject({ scadenza: "2026-10-30", giorniRimanenti: 182, esito: { gravita: "informazione", riferimento: "art. 7 c.3 d.lgs. 148/2015" } });
    expect(scadenzaConguaglio({ fineAutorizzazione: "2026-04-26", dataProvvedimento: "2026-06-15", oggi: "2026-12-16" }))
      .toMatchObject({ scadenza: "2026-12-15", scaduta: true, esito: { gravita: "bloccante" } });
  });
});
