import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { delegaValidaIl, matricolaValida, statoVisibile, transizioneDelega, type AzioneDelega, type StatoDelega } from "./deleghe";

const STATI: StatoDelega[] = ["richiesta", "attiva", "rifiutata", "revocata"];
const AZIONI: AzioneDelega[] = ["conferma", "rifiuta", "revoca", "ritira"];

describe("delega valida su una data", () => {
  it("solo attiva e dentro il periodo, estremi compresi", () => {
    const d = { stato: "attiva" as const, validaDal: "2026-01-01", validaAl: "2026-12-31" };
    expect(delegaValidaIl(d, "2026-01-01")).toBe(true);
    expect(delegaValidaIl(d, "2026-12-31")).toBe(true);
    expect(delegaValidaIl(d, "2025-12-31")).toBe(false);
    expect(delegaValidaIl(d, "2027-01-01")).toBe(false);
    expect(delegaValidaIl({ ...d, validaAl: null }, "2099-01-01")).toBe(true);
    for (const stato of ["richiesta", "rifiutata", "revocata"] as const) expect(delegaValidaIl({ ...d, stato }, "2026-06-01")).toBe(false);
  });

  it("scaduta è l'attiva oltre la data di fine; gli altri stati restano", () => {
    expect(statoVisibile({ stato: "attiva", validaDal: "2025-01-01", validaAl: "2025-12-31" }, "2026-01-01")).toBe("scaduta");
    expect(statoVisibile({ stato: "attiva", validaDal: "2025-01-01", validaAl: "2026-01-01" }, "2026-01-01")).toBe("attiva");
    expect(statoVisibile({ stato: "revocata", validaDal: "2025-01-01", validaAl: "2025-12-31" }, "2026-01-01")).toBe("revocata");
  });
});

describe("transizioni", () => {
  it("il legale rappresentante conferma o rifiuta una richiesta, revoca un'attiva; l'intermediario ritira o revoca la propria", () => {
    const legale = { legale: true, titolare: false };
    const titolare = { legale: false, titolare: true };
    expect(transizioneDelega("richiesta", "conferma", legale)).toBe("attiva");
    expect(transizioneDelega("richiesta", "rifiuta", legale)).toBe("rifiutata");
    expect(transizioneDelega("attiva", "revoca", legale)).toBe("revocata");
    expect(transizioneDelega("attiva", "revoca", titolare)).toBe("revocata");
    expect(transizioneDelega("richiesta", "ritira", titolare)).toBe("revocata");
    expect(transizioneDelega("richiesta", "conferma", titolare)).toBeNull();
    expect(transizioneDelega("richiesta", "ritira", legale)).toBeNull();
  });

  it("nessuno muove una delega rifiutata o revocata, e chi non è parte non muove nulla", () => {
    fc.assert(
      fc.property(fc.constantFrom(...STATI), fc.constantFrom(...AZIONI), fc.boolean(), fc.boolean(), (stato, azione, legale, titolare) => {
        const esito = transizioneDelega(stato, azione, { legale, titolare });
        if (stato === "rifiutata" || stato === "revocata" || (!legale && !titolare)) expect(esito).toBeNull();
      }),
    );
  });

  it("matricola: 10 cifre", () => {
    expect(matricolaValida("4712345601")).toBe(true);
    expect(matricolaValida("471234560")).toBe(false);
    expect(matricolaValida("47123456AB")).toBe(false);
  });
});
