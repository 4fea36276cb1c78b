// L'abbinamento di una denuncia UniEmens-Cig accolta all'autorizzazione che la paga: il provvedimento in vigore della
// domanda del suo ticket (quello che nessuna rettifica ha corretto), con il pagamento diretto, che autorizza quel
// lavoratore in quel mese. Una denuncia accolta prima della decisione resta in attesa; una che l'autorizzazione non
// copre più (rettifica, rigetto) non si abbina e lo dice. Il numero di autorizzazione è «<ticket>-<progressivo>»
// (app/services/istruttoria/decisione.server.ts): ticket e numero si controllano insieme (Evidenze CIG: se non
// coincidono nessun importo è calcolato). docs/regole.md §22.
import type { DataISO } from "../date";

export interface AttoPerAbbinamento {
  id: number;
  numero: string;
  ticket: string;
  esito: "autorizzata" | "autorizzata_parziale" | "respinta";
  periodoInizio: DataISO | null;
  periodoFine: DataISO | null;
  modalitaPagamento: "conguaglio" | "diretto" | null;
  rettificaDi: number | null;
  lavoratori: ReadonlySet<string>;
}

export interface DenunciaPerAbbinamento {
  ticket: string;
  matricola: string;
  codiceFiscale: string;
  /** Primo giorno del mese di competenza. */
  competenza: DataISO;
}

export type Abbinamento =
  | { tipo: "abbinata"; atto: AttoPerAbbinamento }
  | { tipo: "in_attesa"; motivo: string }
  | { tipo: "non_abbinabile"; motivo: string };

function ultimoGiornoDelMese(primo: DataISO): DataISO {
  const [a, m] = primo.split("-").map(Number);
  return `${primo.slice(0, 8)}${String(new Date(Date.UTC(a, m, 0)).getUTCDate()).padStart(2, "0")}`;
}

/** L'atto in vigore tra quelli di una domanda: l'ultimo della catena delle rettifiche. */
export function attoInVigore<T extends Pick<AttoPerAbbinamento, "id" | "rettificaDi">>(atti: readonly T[]): T | null {
  const rettificati = new Set(atti.flatMap((a) => (a.rettificaDi === null ? [] : [a.rettificaDi])));
  const vigenti = atti.filter((a) => !rettificati.has(a.id));
  return vigenti.sort((a, b) => b.id - a.id)[0] ?? null;
}

export function abbina(d: DenunciaPerAbbinamento, matricolaDomanda: string | null, atti: readonly AttoPerAbbinamento[]): Abbinamento {
  if (matricolaDomanda !== d.matricola) {
    return { tipo: "non_abbinabile", motivo: `Il ticket ${d.ticket} è di un'altra matricola.` };
  }
  const atto = attoInVigore(atti);
  if (!atto) return { tipo: "in_attesa", motivo: "La domanda non è ancora decisa: il pagamento attende l'autorizzazione." };
  if (atto.ticket !== d.ticket || !atto.numero.startsWith(`${d.ticket}-`)) {
    return { tipo: "non_abbinabile", motivo: `Il numero di autorizzazione ${atto.numero} non corrisponde al ticket ${d.ticket}.` };
  }
  if (atto.esito === "respinta") return { tipo: "non_abbinabile", motivo: `La domanda è stata respinta (provvedimento n. ${atto.numero}).` };
  if (atto.modalitaPagamento !== "diretto") {
    return { tipo: "non_abbinabile", motivo: `Il provvedimento n. ${atto.numero} autorizza l'anticipo e conguaglio, non il pagamento diretto.` };
  }
  if (!atto.lavoratori.has(d.codiceFiscale)) {
    return { tipo: "non_abbinabile", motivo: `Il provvedimento n. ${atto.numero} non autorizza il lavoratore ${d.codiceFiscale}.` };
  }
  if (!atto.periodoInizio || !atto.periodoFine || d.competenza > atto.periodoFine || ultimoGiornoDelMese(d.competenza) < atto.periodoInizio) {
    return { tipo: "non_abbinabile", motivo: `Il mese ${d.competenza.slice(0, 7)} è fuori dal periodo autorizzato dal provvedimento n. ${atto.numero}.` };
  }
  return { tipo: "abbinata", atto };
}
