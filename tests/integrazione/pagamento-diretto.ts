// Fixtures of the direct payment (operator side): a direct-payment domanda of C1 sent through the real services and
// authorised by the operator of Padova with direct payment, and the UniEmens-Cig flow of its workers with the pay.
import type { Domanda } from "#db/schema";
import { addDays } from "~/domain/date";
import type { Contesto } from "~/services/accesso.server";
import { riceviFlusso, type RapportoFlusso } from "~/services/flussi/invio-flusso.server";
import { decidiDomanda } from "~/services/istruttoria/decisione.server";
import { prendiInCarico } from "~/services/istruttoria/presa-in-carico.server";
import { MATRICOLE } from "./domanda-completa";
import { righeDi } from "./flusso-cig";
import { inviata, leggiDomanda } from "./istruttoria-caso";

/** The platform day of these tests: the competence months (days already past) and their ceilings are those of 2026. */
export const GIORNO_PIATTAFORMA = "2026-11-30T10:00:00+01:00";

export interface Attori {
  mario: Contesto;
  giorgio: Contesto;
  c1: number;
}

export interface RigaFlusso {
  cf: string;
  iban: string;
  orario: number;
  giorni: string[];
  /** RetribTeorica, e.g. "1500.00"; null to leave it out. */
  retribuzione: string | null;
  /** RetribOraria instead, e.g. "8.00". */
  retribuzioneOraria?: string;
}

let qualifica3 = 65;

export function xml(competenza: string, ticket: string, righe: RigaFlusso[]): string {
  const q3 = String.fromCharCode(qualifica3++);
  const denunce = righe.map(
    (r) => `
      <DenunciaIndividuale>
        <CFLavoratore>${r.cf}</CFLavoratore><Cognome>ESEMPIO</Cognome><Nome>LAVORATORE</Nome>
        <Qualifica1>1</Qualifica1><Qualifica2>F</Qualifica2><Qualifica3>${q3}</Qualifica3><TipoContribuzione>00</TipoContribuzione>
        <OrarioContrattuale>${r.orario}</OrarioContrattuale><IBAN>${r.iban}</IBAN><Ticket>${ticket}</Ticket>
        <DetrazLavDip>S</DetrazLavDip><DetrazCarichiFam>S</DetrazCarichiFam>
        <DatiRetributivi>${r.retribuzione === null ? "" : `<RetribTeorica>${r.retribuzione}</RetribTeorica>`}${r.retribuzioneOraria ? `<RetribOraria>${r.retribuzioneOraria}</RetribOraria>` : ""}${r.giorni.map((g) => `<GiornoCig GG="${g}"><OreCig>800</OreCig></GiornoCig>`).join("")}</DatiRetributivi>
      </DenunciaIndividuale>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<DenunceMensili><Azienda><AnnoMeseDenuncia>${competenza}</AnnoMeseDenuncia>
  <PosContributiva><Matricola>${MATRICOLE.C1}</Matricola>${denunce.join("")}</PosContributiva></Azienda></DenunceMensili>`;
}

/** A bank's pain.002.001.03 for the batch `messaggioId`: one status per transfer (EndToEndId, status, reason). */
export function esitoBanca(messaggioId: string, stati: Array<[string, string, string | undefined]>): string {
  const tx = stati
    .map(([id, stato, motivo]) => `<TxInfAndSts><OrgnlEndToEndId>${id}</OrgnlEndToEndId><TxSts>${stato}</TxSts>${motivo ? `<StsRsnInf><Rsn><Cd>${motivo}</Cd></Rsn></StsRsnInf>` : ""}</TxInfAndSts>`)
    .join("");
  return `<?xml version="1.0" encoding="UTF-8"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.03"><CstmrPmtStsRpt><GrpHdr><MsgId>BANCA-${stati.length}</MsgId><CreDtTm>2026-12-01T09:00:00</CreDtTm></GrpHdr><OrgnlGrpInfAndSts><OrgnlMsgId>${messaggioId}</OrgnlMsgId><OrgnlMsgNmId>pain.001.001.03</OrgnlMsgNmId></OrgnlGrpInfAndSts><OrgnlPmtInfAndSts><OrgnlPmtInfId>${messaggioId}</OrgnlPmtInfId>${tx}</OrgnlPmtInfAndSts></CstmrPmtStsRpt></Document>`;
}

export async function* byte(testo: string): AsyncGenerator<Uint8Array> {
  yield Buffer.from(testo);
}

export async function invia(a: Attori, testo: string): Promise<RapportoFlusso> {
  const r = await riceviFlusso(a.mario, { nome: "flusso.xml", formato: "xml", contenuto: byte(testo) }, { prova: false });
  if (!r.ok) throw new Error(r.motivo);
  return r.valore;
}

let giorno = 0;

/**
 * A direct-payment domanda of C1 (Padova) for one day of the week before the platform day (a domanda sent later than
 * that could not be covered: late filing), a different day for each, so they never overlap; three workers, 24 hours.
 * A test that needs one more passes its own day, before that week.
 */
export async function diretta(a: Attori, dataInizio: string = addDays("2026-11-23", giorno++)): Promise<Domanda> {
  const periodo = { causale: "mancanza_lavoro", eone: false, meteo: false, straordinaria: false, tipo: "sospensione", dataInizio, dataFine: dataInizio, oreRichieste: 24 };
  return inviata(a.mario, a.c1, { pagamentoDiretto: true, lavoratori: 3, periodo });
}

/** A direct-payment domanda authorised in full by Giorgio with direct payment. */
export async function autorizzata(a: Attori, d?: Domanda): Promise<Domanda> {
  const domanda = d ?? (await diretta(a));
  const presa = await prendiInCarico(a.giorgio, domanda.id, domanda.versione);
  if (!presa.ok) throw new Error(`presa in carico rifiutata: ${presa.motivo}`);
  const caso = await leggiDomanda(domanda.id);
  const periodo = (caso.dati as { periodo: { dataInizio: string; dataFine: string; oreRichieste: number } }).periodo;
  const esito = await decidiDomanda(a.giorgio, caso.id, caso.versione, {
    esito: "autorizzata", motivazione: "Contrazione temporanea degli ordini documentata dalla relazione tecnica.", perCarenzaElementi: false,
    periodo: { inizio: periodo.dataInizio, fine: periodo.dataFine }, oreAutorizzate: periodo.oreRichieste,
    esclusi: [], giorniEsclusi: [], motivoGiorni: "", motivoPeriodo: "", motivoOre: "", modalitaPagamento: "diretto",
  });
  if (!esito.ok) throw new Error(`decisione rifiutata: ${JSON.stringify(esito)}`);
  return leggiDomanda(domanda.id);
}

/** The domanda's workers as flow rows, one day of 8 hours each (within the 40 hours authorised). */
export async function righe(d: Domanda, retribuzione: string | null = "1500.00"): Promise<{ competenza: string; righe: RigaFlusso[] }> {
  const r = await righeDi(d);
  return { competenza: r.competenza, righe: r.righe.map((x) => ({ ...x, giorni: [x.giorni[0]], retribuzione })) };
}

