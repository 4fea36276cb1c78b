import { describe, expect, it } from "vitest";
import { terminiRicorso } from "./ricorsi";

describe("termini di ricorso", () => {
  it("CIGO respinta: 30 giorni al Comitato amministratore, solo online", () => {
    const r = terminiRicorso({ prestazione: "CIGO", decisione: "respinta", dataNotifica: "2026-04-20", oggi: "2026-04-25" });
    expect(r.ammesso).toBe(true);
    expect(r.scadenza).toBe("2026-05-20");
    expect(r.esito.provvisorio).toBe(false);
    expect(r.esito.messaggio).toMatch(/Comitato amministratore della Gestione prestazioni temporanee.*entro 30 giorni.*20\/05\/2026.*online.*Restano 25 giorni/);
  });
  it("provvedimenti notificati prima del 17/05/2023: 60 giorni", () => {
    expect(terminiRicorso({ prestazione: "CIGO", decisione: "autorizzata_parziale", dataNotifica: "2023-05-16" }).giorni).toBe(60);
    expect(terminiRicorso({ prestazione: "CIGO", decisione: "autorizzata_parziale", dataNotifica: "2023-05-17" }).giorni).toBe(30);
  });
  it("le altre prestazioni: 90 giorni, provvisorio perché non verificato", () => {
    for (const prestazione of ["AIS_FIS", "AIS_FONDO", "CISOA"] as const) {
      const r = terminiRicorso({ prestazione, decisione: "respinta", dataNotifica: "2026-04-20" });
      expect(r.giorni).toBe(90);
      expect(r.esito.provvisorio).toBe(true);
    }
  });
  it("un'autorizzazione piena non ha ricorso", () => {
    const r = terminiRicorso({ prestazione: "CIGO", decisione: "autorizzata", dataNotifica: "2026-04-20" });
    expect(r.ammesso).toBe(false);
    expect(r.scadenza).toBeNull();
  });
  it("quanto resta: scaduto, scade oggi, un giorno", () => {
    const r = (oggi: string) => terminiRicorso({ prestazione: "CIGO", decisione: "respinta", dataNotifica: "2026-04-20", oggi }).esito.messaggio;
    expect(r("2026-05-21")).toMatch(/Il termine è scaduto\.$/);
    expect(r("2026-05-20")).toMatch(/Il termine scade oggi\.$/);
    expect(r("2026-05-19")).toMatch(/ Resta 1 giorno\.$/);
  });
});
