// La lettura in streaming dell'esito della banca (pain.002.001.03) per un lotto: saxes come per i flussi, DOCTYPE ed
// entità non predefinite rifiutati (nessuna espansione, nessuna risorsa esterna), solo UTF-8, limiti di byte e di
// transazioni. Ne esce ciò che serve alle regole (~/domain/pagamenti/esito-banca.ts), oppure il primo errore con la riga.
import { SaxesParser } from "saxes";
import { LIMITI_ESITO, type EsitoBancaLetto, type StatoTransazioneLetto } from "~/domain/pagamenti/esito-banca";
import { messaggioDecodifica, testoUtf8 } from "../flussi/lettura.server";

export const NAMESPACE_PAIN002 = "urn:iso:std:iso:20022:tech:xsd:pain.002.001.03";
export { LIMITI_ESITO };

export type LetturaEsito = { ok: true; esito: EsitoBancaLetto } | { ok: false; riga: number; messaggio: string };

const RADICE = "Document/CstmrPmtStsRpt";
const TX = `${RADICE}/OrgnlPmtInfAndSts/TxInfAndSts`;

export async function leggiEsitoBanca(
  sorgente: AsyncIterable<Uint8Array | string>,
  limiti: { byte?: number; transazioni?: number } = {},
): Promise<LetturaEsito> {
  const maxTx = limiti.transazioni ?? LIMITI_ESITO.transazioni;
  const parser = new SaxesParser({ position: true });
  let errore: { riga: number; messaggio: string } | null = null;
  const ferma = (messaggio: string) => {
    errore ??= { riga: parser.line, messaggio };
  };
  const pila: string[] = [];
  let testo = "";
  const esito: EsitoBancaLetto = { messaggioId: "", messaggioOriginale: "", statoGruppo: null, motivoGruppo: null, transazioni: [] };
  let nomeOriginale = "";
  let statoPagamento: string | null = null;
  let tx: StatoTransazioneLetto | null = null;

  parser.on("xmldecl", (d) => {
    if (d.encoding && d.encoding.toUpperCase() !== "UTF-8") ferma(`Il file dichiara la codifica ${d.encoding}: è ammessa solo UTF-8.`);
  });
  parser.on("doctype", () => ferma("Il file contiene una dichiarazione DOCTYPE: non è ammessa (nessuna entità né DTD)."));
  parser.on("error", (e) => ferma(`Il file non è un XML ben formato alla riga ${parser.line}: ${e.message.replace(/^.*?:\d+:\d+: /, "")}`));
  parser.on("opentag", (tag) => {
    if (errore) return;
    if (pila.length === 0 && (tag.name !== "Document" || tag.attributes.xmlns !== NAMESPACE_PAIN002)) {
      ferma(`Il file non è un esito pain.002.001.03: l'elemento principale deve essere Document nello spazio dei nomi ${NAMESPACE_PAIN002}.`);
      return;
    }
    pila.push(tag.name);
    testo = "";
    if (pila.join("/") === TX) {
      if (esito.transazioni.length >= maxTx) ferma(`Il file riporta più di ${maxTx.toLocaleString("it-IT")} disposizioni.`);
      tx = { endToEndId: "", stato: "", motivo: null, informazioni: null };
    }
  });
  parser.on("text", (t) => {
    testo += t;
    if (testo.length > 1_000) testo = testo.slice(0, 1_000);
  });
  parser.on("closetag", () => {
    if (errore) return;
    const percorso = pila.join("/");
    const valore = testo.trim();
    switch (percorso) {
      case `${RADICE}/GrpHdr/MsgId`: esito.messaggioId = valore; break;
      case `${RADICE}/OrgnlGrpInfAndSts/OrgnlMsgId`: esito.messaggioOriginale = valore; break;
      case `${RADICE}/OrgnlGrpInfAndSts/OrgnlMsgNmId`: nomeOriginale = valore; break;
      case `${RADICE}/OrgnlGrpInfAndSts/GrpSts`: esito.statoGruppo = valore; break;
      case `${RADICE}/OrgnlGrpInfAndSts/StsRsnInf/Rsn/Cd`: esito.motivoGruppo = valore; break;
      case `${RADICE}/OrgnlPmtInfAndSts/PmtInfSts`: statoPagamento = valore; break;
      case `${TX}/OrgnlEndToEndId`: if (tx) tx.endToEndId = valore; break;
      case `${TX}/TxSts`: if (tx) tx.stato = valore; break;
      case `${TX}/StsRsnInf/Rsn/Cd`: if (tx) tx.motivo = valore; break;
      case `${TX}/StsRsnInf/AddtlInf`: if (tx) tx.informazioni = tx.informazioni ? `${tx.informazioni} ${valore}` : valore; break;
      case TX:
        if (tx) esito.transazioni.push(tx);
        tx = null;
        break;
    }
    pila.pop();
    testo = "";
  });

  try {
    for await (const pezzo of testoUtf8(sorgente, limiti.byte ?? LIMITI_ESITO.byte)) {
      parser.write(pezzo);
      if (errore) return { ok: false, ...(errore as { riga: number; messaggio: string }) };
    }
    parser.close();
  } catch (e) {
    const messaggio = messaggioDecodifica(e);
    if (!messaggio) throw e;
    return { ok: false, riga: parser.line, messaggio };
  }
  if (errore) return { ok: false, ...(errore as { riga: number; messaggio: string }) };
  if (!esito.messaggioId || !esito.messaggioOriginale) return { ok: false, riga: parser.line, messaggio: "Mancano l'identificativo dell'esito (MsgId) o quello del lotto a cui risponde (OrgnlMsgId)." };
  if (nomeOriginale !== "pain.001.001.03") return { ok: false, riga: parser.line, messaggio: `L'esito risponde a un messaggio ${nomeOriginale || "non indicato"}, non a un lotto pain.001.001.03.` };
  if (esito.statoGruppo === null && statoPagamento !== null) esito.statoGruppo = statoPagamento;
  return { ok: true, esito };
}
