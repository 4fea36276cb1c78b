import { describe, expect, it } from "vitest";
import { LIMITI_ESITO } from "~/domain/pagamenti/esito-banca";
import { NAMESPACE_PAIN002 } from "./esito-banca-lettura.server";
import { validaSchemaPain002 } from "./esito-banca-schema.server";

const testa = "<GrpHdr><MsgId>BANCA-20261201-1</MsgId><CreDtTm>2026-12-01T09:00:00</CreDtTm></GrpHdr>";
function pain002(transazioni: string, { intestazione = testa, gruppo = "<GrpSts>PART</GrpSts>" } = {}): Uint8Array {
  return new TextEncoder().encode(`<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="${NAMESPACE_PAIN002}">
  <CstmrPmtStsRpt>
    ${intestazione}
    <OrgnlGrpInfAndSts><OrgnlMsgId>OMNIA-0001-20261130-01</OrgnlMsgId><OrgnlMsgNmId>pain.001.001.03</OrgnlMsgNmId>${gruppo}</OrgnlGrpInfAndSts>
    <OrgnlPmtInfAndSts>
      <OrgnlPmtInfId>OMNIA-0001-20261130-01</OrgnlPmtInfId>
${transazioni}
    </OrgnlPmtInfAndSts>
  </CstmrPmtStsRpt>
</Document>
`);
}
const tx = (stato: string, motivo = "") =>
  `      <TxInfAndSts><OrgnlEndToEndId>OMNIA-IMP-1</OrgnlEndToEndId><TxSts>${stato}</TxSts>${motivo ? `<StsRsnInf><Rsn><Cd>${motivo}</Cd></Rsn><AddtlInf>Conto estinto</AddtlInf></StsRsnInf>` : ""}</TxInfAndSts>`;

describe("schema ufficiale pain.002.001.03 dell'esito della banca", () => {
  it("un esito conforme passa, con stato del file, disposizioni accettate, respinte con motivo e in corso", async () => {
    expect(await validaSchemaPain002(pain002([tx("ACSC"), tx("RJCT", "AC04"), tx("PDNG")].join("\n")))).toEqual({ ok: true });
    expect(await validaSchemaPain002(pain002(tx("ACCP"), { gruppo: "" }))).toEqual({ ok: true });
  });

  it("ciò che il lettore non controlla ma lo schema sì è rifiutato, con la riga e un messaggio in italiano", async () => {
    // Senza la data di creazione (obbligatoria nell'intestazione).
    expect(await validaSchemaPain002(pain002(tx("ACSC"), { intestazione: "<GrpHdr><MsgId>BANCA-1</MsgId></GrpHdr>" }))).toEqual({
      ok: false,
      riga: 4,
      messaggio: expect.stringMatching(/^Il contenuto non rispetta lo schema ufficiale ISO 20022 pain\.002\.001\.03 alla riga 4 \(dettaglio: .*GrpHdr.*CreDtTm/),
    });
    // RCVD vale per il file, non per una disposizione; un codice del motivo di cinque caratteri; un elemento ignoto; una data non valida.
    expect(await validaSchemaPain002(pain002(tx("RCVD")))).toMatchObject({ ok: false, riga: 8, messaggio: expect.stringMatching(/TxSts/) });
    expect(await validaSchemaPain002(pain002(tx("RJCT", "AC044")))).toMatchObject({ ok: false, riga: 8, messaggio: expect.stringMatching(/Cd/) });
    expect(await validaSchemaPain002(pain002(`${tx("ACSC")}<Nota>x</Nota>`))).toMatchObject({ ok: false, messaggio: expect.stringMatching(/Nota/) });
    const data = testa.replace("2026-12-01T09:00:00", "01/12/2026");
    expect(await validaSchemaPain002(pain002(tx("ACSC"), { intestazione: data }))).toMatchObject({ ok: false, riga: 4, messaggio: expect.stringMatching(/CreDtTm/) });
  });

  it("oltre il limite dei byte non valida nulla", async () => {
    const troppo = new Uint8Array(LIMITI_ESITO.byte + 1);
    expect(await validaSchemaPain002(troppo)).toEqual({ ok: false, riga: 0, messaggio: expect.stringMatching(/supera i 10 MB/) });
  });
});
