// Il file di un lotto di pagamento: un bonifico SEPA (SEPA Credit Transfer) per ogni importo approvato, nel messaggio
// ISO 20022 pain.001.001.03 (lo schema ufficiale è in docs/pagamenti/pain.001.001.03.xsd e i test vi validano ogni
// file). Il numero delle disposizioni (NbOfTxs) e la somma di controllo (CtrlSum) sono nell'intestazione e nel blocco
// di pagamento. I testi usano solo i caratteri ammessi dallo standard SEPA (EPC: lettere latine senza accenti,
// cifre, / - ? : ( ) . , ' + e spazio): un nome accentato è traslitterato, il resto diventa uno spazio. Il documento
// XML è scritto da fast-xml-parser, che fa l'escaping dei caratteri speciali. docs/regole.md §22.
import { XMLBuilder } from "fast-xml-parser";
import type { DataISO } from "../date";

export const NAMESPACE_PAIN_001 = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03";

export interface Disposizione {
  /** EndToEndId: l'identificativo dell'importo, unico, riportato dalla banca nell'esito. */
  id: string;
  importoCentesimi: number;
  iban: string;
  beneficiario: string;
  /** Causale (RmtInf/Ustrd), al massimo 140 caratteri. */
  causale: string;
}

export interface DatiFileLotto {
  /** MsgId e PmtInfId: al massimo 35 caratteri, unico per ogni file. */
  messaggioId: string;
  /** Data e ora di creazione, ISO 8601 (CreDtTm). */
  creatoIl: string;
  /** Data di esecuzione richiesta (ReqdExctnDt). */
  dataEsecuzione: DataISO;
  ordinante: { nome: string; iban: string; bic: string | null };
  disposizioni: readonly Disposizione[];
}

/** Testo nei caratteri ammessi dal SEPA, senza spazi doppi, tagliato alla lunghezza massima (mai vuoto). */
export function testoSepa(testo: string, massimo: number): string {
  const pulito = testo
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9/\-?:().,'+ ]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, massimo)
    .trim();
  return pulito || "-";
}

/** Centesimi interi → "1234.56" (DecimalNumber, due decimali, mai virgola mobile). */
export function importoSepa(centesimi: number): string {
  if (!Number.isSafeInteger(centesimi) || centesimi < 0) throw new RangeError("Importo in centesimi interi non negativi");
  return `${Math.floor(centesimi / 100)}.${String(centesimi % 100).padStart(2, "0")}`;
}

export function totaleDisposizioni(disposizioni: readonly Pick<Disposizione, "importoCentesimi">[]): number {
  return disposizioni.reduce((t, d) => t + d.importoCentesimi, 0);
}

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: "@_", format: true, suppressEmptyNode: true });

/** Il documento pain.001.001.03 del lotto. */
export function xmlPain001(l: DatiFileLotto): string {
  if (l.disposizioni.length === 0) throw new RangeError("Un lotto senza disposizioni non ha file");
  if (!/^[A-Za-z0-9/\-?:().,'+ ]{1,35}$/.test(l.messaggioId)) throw new RangeError("MsgId non valido");
  for (const d of l.disposizioni) {
    if (d.importoCentesimi <= 0) throw new RangeError(`Importo non positivo nella disposizione ${d.id}`);
    if (!/^[A-Z]{2}[0-9]{2}[A-Z0-9]{1,30}$/.test(d.iban)) throw new RangeError(`IBAN non valido nella disposizione ${d.id}`);
  }
  const numero = String(l.disposizioni.length);
  const somma = importoSepa(totaleDisposizioni(l.disposizioni));
  const agenteOrdinante = l.ordinante.bic ? { BIC: l.ordinante.bic } : { Othr: { Id: "NOTPROVIDED" } };
  const documento = {
    "?xml": { "@_version": "1.0", "@_encoding": "UTF-8" },
    Document: {
      "@_xmlns": NAMESPACE_PAIN_001,
      "@_xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
      CstmrCdtTrfInitn: {
        GrpHdr: {
          MsgId: l.messaggioId,
          CreDtTm: l.creatoIl,
          NbOfTxs: numero,
          CtrlSum: somma,
          InitgPty: { Nm: testoSepa(l.ordinante.nome, 70) },
        },
        PmtInf: {
          PmtInfId: l.messaggioId,
          PmtMtd: "TRF",
          BtchBookg: "false",
          NbOfTxs: numero,
          CtrlSum: somma,
          PmtTpInf: { SvcLvl: { Cd: "SEPA" } },
          ReqdExctnDt: l.dataEsecuzione,
          Dbtr: { Nm: testoSepa(l.ordinante.nome, 70) },
          DbtrAcct: { Id: { IBAN: l.ordinante.iban } },
          DbtrAgt: { FinInstnId: agenteOrdinante },
          ChrgBr: "SLEV",
          CdtTrfTxInf: l.disposizioni.map((d) => ({
            PmtId: { EndToEndId: testoSepa(d.id, 35) },
            Amt: { InstdAmt: { "@_Ccy": "EUR", "#text": importoSepa(d.importoCentesimi) } },
            Cdtr: { Nm: testoSepa(d.beneficiario, 70) },
            CdtrAcct: { Id: { IBAN: d.iban } },
            // SSBE: prestazione di sicurezza sociale (ISO 20022 ExternalPurpose1Code).
            Purp: { Cd: "SSBE" },
            RmtInf: { Ustrd: testoSepa(d.causale, 140) },
          })),
        },
      },
    },
  };
  return builder.build(documento) as string;
}
