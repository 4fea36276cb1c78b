import { describe, expect, it } from "vitest";
import { applicaEsitoBanca } from "~/domain/pagamenti/esito-banca";
import { leggiEsitoBanca, NAMESPACE_PAIN002 } from "./esito-banca-lettura.server";

const LOTTO = "OMNIA-0001-20261130-01";

function pain002(transazioni: string, { ns = NAMESPACE_PAIN002, originale = LOTTO, nome = "pain.001.001.03", testa = '<?xml version="1.0" encoding="UTF-8"?>' } = {}): string {
  return `${testa}
<Document xmlns="${ns}">
  <CstmrPmtStsRpt>
    <GrpHdr><MsgId>BANCA-20261201-1</MsgId><CreDtTm>2026-12-01T09:00:00</CreDtTm></GrpHdr>
    <OrgnlGrpInfAndSts><OrgnlMsgId>${originale}</OrgnlMsgId><OrgnlMsgNmId>${nome}</OrgnlMsgNmId><GrpSts>PART</GrpSts></OrgnlGrpInfAndSts>
    <OrgnlPmtInfAndSts>
      <OrgnlPmtInfId>${originale}</OrgnlPmtInfId>
${transazioni}
    </OrgnlPmtInfAndSts>
  </CstmrPmtStsRpt>
</Document>
`;
}
const tx = (id: string, stato: string, motivo?: string) =>
  `      <TxInfAndSts><OrgnlEndToEndId>${id}</OrgnlEndToEndId><TxSts>${stato}</TxSts>${motivo ? `<StsRsnInf><Rsn><Cd>${motivo}</Cd></Rsn><AddtlInf>Conto estinto</AddtlInf></StsRsnInf>` : ""}</TxInfAndSts>`;

async function* pezzi(testo: string | Uint8Array, dimensione = 7): AsyncGenerator<Uint8Array> {
  const byte = typeof testo === "string" ? new TextEncoder().encode(testo) : testo;
  for (let i = 0; i < byte.length; i += dimensione) yield byte.slice(i, i + dimensione);
}

describe("lettura dell'esito della banca (pain.002.001.03)", () => {
  it("un esito letto a pezzi di 7 byte: stato del file, disposizioni con stato, motivo e informazioni; le regole lo applicano", async () => {
    const r = await leggiEsitoBanca(pezzi(pain002([tx("OMNIA-IMP-1", "ACSC"), tx("OMNIA-IMP-2", "RJCT", "AC04")].join("\n"))));
    expect(r).toEqual({
      ok: true,
      esito: {
        messaggioId: "BANCA-20261201-1", messaggioOriginale: LOTTO, statoGruppo: "PART", motivoGruppo: null,
        transazioni: [
          { endToEndId: "OMNIA-IMP-1", stato: "ACSC", motivo: null, informazioni: null },
          { endToEndId: "OMNIA-IMP-2", stato: "RJCT", motivo: "AC04", informazioni: "Conto estinto" },
        ],
      },
    });
    if (!r.ok) return;
    const disposizioni = [1, 2].map((i) => ({ endToEndId: `OMNIA-IMP-${i}`, importoId: i, esito: null }));
    expect(applicaEsitoBanca({ messaggioId: LOTTO, disposizioni }, r.esito)).toMatchObject({ ok: true, statoLotto: "pagato_in_parte" });
  });
  it("file ostili: bomba XML ed entità esterna rifiutate senza espanderle", async () => {
    const bomba = `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><Document xmlns="${NAMESPACE_PAIN002}">&b;</Document>`;
    expect(await leggiEsitoBanca(pezzi(bomba))).toMatchObject({ ok: false, messaggio: expect.stringMatching(/DOCTYPE/) });
    const esterna = `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><Document xmlns="${NAMESPACE_PAIN002}">&x;</Document>`;
    expect(await leggiEsitoBanca(pezzi(esterna))).toMatchObject({ ok: false, messaggio: expect.stringMatching(/DOCTYPE/) });
    // Un'entità non dichiarata, senza DOCTYPE: non ben formato.
    expect(await leggiEsitoBanca(pezzi(pain002(tx("&x;", "ACSC"))))).toMatchObject({ ok: false, messaggio: expect.stringMatching(/ben formato/) });
  });
  it("codifica diversa da UTF-8, dichiarata o nei byte; file troncato; un altro schema o un altro messaggio", async () => {
    expect(await leggiEsitoBanca(pezzi(pain002(tx("OMNIA-IMP-1", "ACSC"), { testa: '<?xml version="1.0" encoding="ISO-8859-1"?>' })))).toMatchObject({ ok: false, messaggio: expect.stringMatching(/UTF-8/) });
    const latin1 = new Uint8Array([...new TextEncoder().encode(pain002("").slice(0, 60)), 0xe8, 0x20]);
    expect(await leggiEsitoBanca(pezzi(latin1))).toMatchObject({ ok: false, messaggio: "Il file non è codificato in UTF-8." });
    const intero = pain002(tx("OMNIA-IMP-1", "ACSC"));
    expect(await leggiEsitoBanca(pezzi(intero.slice(0, intero.length - 40)))).toMatchObject({ ok: false, messaggio: expect.stringMatching(/ben formato/) });
    expect(await leggiEsitoBanca(pezzi(pain002(tx("OMNIA-IMP-1", "ACSC"), { ns: "urn:iso:std:iso:20022:tech:xsd:pain.002.001.10" })))).toMatchObject({ ok: false, messaggio: expect.stringMatching(/non è un esito pain\.002\.001\.03/) });
    expect(await leggiEsitoBanca(pezzi(pain002(tx("OMNIA-IMP-1", "ACSC"), { nome: "pain.008.001.02" })))).toMatchObject({ ok: false, messaggio: expect.stringMatching(/pain\.008\.001\.02/) });
    expect(await leggiEsitoBanca(pezzi(pain002(tx("OMNIA-IMP-1", "ACSC"), { originale: "" })))).toMatchObject({ ok: false, messaggio: expect.stringMatching(/OrgnlMsgId/) });
  });
  it("limiti: oltre i byte o le disposizioni ammessi la lettura si ferma senza leggere il resto", async () => {
    let letti = 0;
    async function* infinito(): AsyncGenerator<Uint8Array> {
      yield new TextEncoder().encode(pain002("").split("<OrgnlPmtInfId>")[0]);
      for (;;) {
        letti++;
        yield new TextEncoder().encode(tx("OMNIA-IMP-1", "ACSC"));
      }
    }
    expect(await leggiEsitoBanca(infinito(), { byte: 100_000 })).toMatchObject({ ok: false, messaggio: expect.stringMatching(/supera/) });
    expect(letti).toBeLessThan(2_000);
    const molte = pain002(Array.from({ length: 6 }, (_, i) => tx(`OMNIA-IMP-${i}`, "ACSC")).join("\n"));
    expect(await leggiEsitoBanca(pezzi(molte, 64), { transazioni: 5 })).toMatchObject({ ok: false, messaggio: expect.stringMatching(/più di 5 disposizioni/) });
  });
});
