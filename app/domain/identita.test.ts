import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ACR_SPID, CLAIM_CODICE_FISCALE, codiceFiscaleDaClaim, identitaDaClaim, livelloDaAcr } from "./identita";
import { messaggiIdentita } from "~/testi/identita";

const CF = "RSSMRA85T10A562S";

describe("livello SPID dal claim acr", () => {
  it("riconosce i tre livelli e nient'altro", () => {
    expect(livelloDaAcr(ACR_SPID[1])).toBe(1);
    expect(livelloDaAcr(ACR_SPID[2])).toBe(2);
    expect(livelloDaAcr(ACR_SPID[3])).toBe(3);
    expect(livelloDaAcr("https://www.spid.gov.it/SpidL4")).toBeNull();
    expect(livelloDaAcr("https://www.spid.gov.it/spidl2")).toBeNull();
    expect(livelloDaAcr(2)).toBeNull();
    expect(livelloDaAcr(undefined)).toBeNull();
  });

  it("qualunque stringa diversa dalle tre URI non dà un livello", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        fc.pre(!Object.values(ACR_SPID).includes(s as never));
        expect(livelloDaAcr(s)).toBeNull();
      }),
    );
  });
});

describe("codice fiscale dal claim fiscal_number", () => {
  it("toglie il prefisso TINIT- e accetta solo 16 caratteri alfanumerici", () => {
    expect(codiceFiscaleDaClaim(`TINIT-${CF}`)).toBe(CF);
    expect(codiceFiscaleDaClaim(CF.toLowerCase())).toBe(CF);
    expect(codiceFiscaleDaClaim("TINIT-RSSMRA85T10A562")).toBeNull();
    expect(codiceFiscaleDaClaim("TINIT-RSSMRA85T10A562S'")).toBeNull();
    expect(codiceFiscaleDaClaim(null)).toBeNull();
  });
});

describe("identità accettata dai claim", () => {
  it("livello 2 e 3 con codice fiscale: accettata", () => {
    for (const livello of [2, 3] as const) {
      expect(identitaDaClaim({ acr: ACR_SPID[livello], [CLAIM_CODICE_FISCALE]: `TINIT-${CF}` })).toEqual({
        ok: true,
        codiceFiscale: CF,
        livello,
      });
    }
  });

  it("livello 1: rifiutata con il messaggio in italiano", () => {
    const e = identitaDaClaim({ acr: ACR_SPID[1], [CLAIM_CODICE_FISCALE]: `TINIT-${CF}` });
    expect(e).toEqual({ ok: false, motivo: "livello_insufficiente", messaggio: messaggiIdentita.livelloInsufficiente });
    expect(messaggiIdentita.livelloInsufficiente).toMatch(/livello 2/);
  });

  it("senza acr o senza codice fiscale: rifiutata", () => {
    expect(identitaDaClaim({ [CLAIM_CODICE_FISCALE]: `TINIT-${CF}` })).toMatchObject({ ok: false, motivo: "livello_assente" });
    expect(identitaDaClaim({ acr: ACR_SPID[2] })).toMatchObject({ ok: false, motivo: "codice_fiscale_assente" });
  });
});
