// L'esito della banca per un lotto di bonifici (ISO 20022 pain.002.001.03, CustomerPaymentStatusReport): per ogni
// disposizione del lotto (EndToEndId «OMNIA-IMP-<importo>», ~/domain/pagamenti/sepa.ts) lo stato che la banca riporta.
// Regole pure: un file che non è di questo lotto, che nomina disposizioni che il lotto non ha o che contraddice un esito
// già registrato è rifiutato per intero (niente a metà); lo stesso file due volte non cambia nulla. ACCP e ACSC (e gli
// altri stati di accettazione) = pagato; RJCT = respinto con il codice del motivo, e l'importo torna a una persona;
// PDNG/RCVD = ancora in corso. Codici: ISO 20022 External Code Sets (ExternalStatusReason1Code), regole EPC del SCT.

/** Un esito è piccolo (una voce per bonifico): 10 MB e 100.000 disposizioni bastano a qualunque lotto. */
export const LIMITI_ESITO = { byte: 10 * 1024 * 1024, transazioni: 100_000 } as const;

/** Stati della transazione (ExternalPaymentTransactionStatus1Code) che la piattaforma riconosce. */
const ACCETTATI = new Set(["ACCP", "ACSC", "ACSP", "ACTC", "ACWC"]);
const IN_CORSO = new Set(["PDNG", "RCVD"]);
const RESPINTO = "RJCT";

/** I motivi di rifiuto più frequenti nei bonifici SEPA, detti in italiano; gli altri compaiono con il solo codice. */
export const MOTIVI_RIFIUTO: Readonly<Record<string, string>> = {
  AC01: "IBAN del beneficiario errato",
  AC04: "conto del beneficiario chiuso",
  AC06: "conto del beneficiario bloccato",
  AG01: "operazione non consentita su questo conto",
  AM05: "disposizione duplicata",
  BE04: "indirizzo del beneficiario mancante",
  FF01: "formato del file non valido",
  MD07: "beneficiario deceduto",
  MS02: "motivo non specificato dal beneficiario",
  MS03: "motivo non specificato dalla banca",
  RC01: "codice della banca (BIC) errato",
  RR01: "dati del conto mancanti per la normativa",
  RR02: "nome o indirizzo del beneficiario mancanti per la normativa",
  RR03: "nome o indirizzo dell'ordinante mancanti per la normativa",
  RR04: "motivi regolamentari",
};

export function descriviMotivo(codice: string | null): string {
  if (!codice) return "motivo non indicato dalla banca";
  return MOTIVI_RIFIUTO[codice] ? `${MOTIVI_RIFIUTO[codice]} (${codice})` : `codice ${codice}`;
}

export interface StatoTransazioneLetto {
  endToEndId: string;
  stato: string;
  motivo: string | null;
  informazioni: string | null;
}

/** Il pain.002 come l'ha letto il lettore in streaming. */
export interface EsitoBancaLetto {
  messaggioId: string;
  messaggioOriginale: string;
  /** GrpSts: lo stato dell'intero file, se la banca lo dà. */
  statoGruppo: string | null;
  motivoGruppo: string | null;
  transazioni: StatoTransazioneLetto[];
}

export type EsitoRegistrato = "pagato" | "respinto";

export interface DisposizioneDelLotto {
  endToEndId: string;
  importoId: number;
  /** L'esito già registrato per questa disposizione (da un pain.002 precedente), o null. */
  esito: EsitoRegistrato | null;
}

export interface CambioEsito {
  importoId: number;
  endToEndId: string;
  esito: EsitoRegistrato;
  stato: string;
  motivo: string | null;
  descrizione: string;
}

export type StatoEsitoLotto = "pagato" | "pagato_in_parte" | "respinto" | "in_corso";

export type ApplicazioneEsito =
  | { ok: false; errori: string[] }
  | { ok: true; cambi: CambioEsito[]; invariate: number; inCorso: number; statoLotto: StatoEsitoLotto; pagate: number; respinte: number };

function esitoDi(stato: string): EsitoRegistrato | "in_corso" | null {
  if (ACCETTATI.has(stato)) return "pagato";
  if (stato === RESPINTO) return "respinto";
  if (IN_CORSO.has(stato)) return "in_corso";
  return null;
}

/**
 * Che cosa cambia un pain.002 nel lotto: gli esiti nuovi per disposizione, lo stato del lotto dopo, oppure gli errori
 * che lo fanno rifiutare per intero. Uno stato di gruppo senza transazioni vale per tutte le disposizioni.
 */
export function applicaEsitoBanca(lotto: { messaggioId: string; disposizioni: readonly DisposizioneDelLotto[] }, file: EsitoBancaLetto): ApplicazioneEsito {
  const errori: string[] = [];
  if (file.messaggioOriginale !== lotto.messaggioId) {
    return { ok: false, errori: [`L'esito è del file ${file.messaggioOriginale || "(non indicato)"}, non di questo lotto (${lotto.messaggioId}).`] };
  }
  const perId = new Map(lotto.disposizioni.map((d) => [d.endToEndId, d]));
  let stati: StatoTransazioneLetto[] = file.transazioni;
  if (stati.length === 0) {
    if (file.statoGruppo === null) return { ok: false, errori: ["L'esito non riporta né lo stato del file né quello delle disposizioni."] };
    stati = lotto.disposizioni.map((d) => ({ endToEndId: d.endToEndId, stato: file.statoGruppo!, motivo: file.motivoGruppo, informazioni: null }));
  }
  const visti = new Map<string, string>();
  const cambi: CambioEsito[] = [];
  let invariate = 0;
  for (const t of stati) {
    const d = perId.get(t.endToEndId);
    if (!d) {
      errori.push(`La disposizione ${t.endToEndId || "(senza identificativo)"} non è in questo lotto.`);
      continue;
    }
    const precedente = visti.get(t.endToEndId);
    if (precedente !== undefined && precedente !== t.stato) {
      errori.push(`La disposizione ${t.endToEndId} compare due volte con stati diversi (${precedente} e ${t.stato}).`);
      continue;
    }
    visti.set(t.endToEndId, t.stato);
    if (precedente !== undefined) continue;
    const esito = esitoDi(t.stato);
    if (esito === null) {
      errori.push(`Lo stato ${t.stato || "(vuoto)"} della disposizione ${t.endToEndId} non è uno stato ISO 20022 previsto.`);
      continue;
    }
    if (esito === "in_corso") continue;
    if (d.esito === esito) {
      invariate++;
      continue;
    }
    if (d.esito !== null) {
      errori.push(`La disposizione ${t.endToEndId} risulta già ${d.esito}: la banca non può ora darla ${esito} con un esito del lotto (un rimborso segue un'altra procedura).`);
      continue;
    }
    cambi.push({
      importoId: d.importoId, endToEndId: d.endToEndId, esito, stato: t.stato, motivo: esito === "respinto" ? t.motivo : null,
      descrizione: esito === "respinto" ? descriviMotivo(t.motivo) : "accettata dalla banca",
    });
  }
  if (errori.length) return { ok: false, errori };
  const dopo = new Map(lotto.disposizioni.map((d) => [d.endToEndId, d.esito]));
  for (const c of cambi) dopo.set(c.endToEndId, c.esito);
  const valori = [...dopo.values()];
  const pagate = valori.filter((v) => v === "pagato").length;
  const respinte = valori.filter((v) => v === "respinto").length;
  const inCorso = valori.length - pagate - respinte;
  const statoLotto: StatoEsitoLotto = inCorso > 0 ? "in_corso" : respinte === 0 ? "pagato" : pagate === 0 ? "respinto" : "pagato_in_parte";
  return { ok: true, cambi, invariate, inCorso, statoLotto, pagate, respinte };
}
