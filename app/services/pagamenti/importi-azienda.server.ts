// Gli importi per lavoratore di una domanda, per l'azienda e il suo intermediario: il CSV da importare nel programma
// paghe (una riga per lavoratore e mese, con l'autorizzazione, le ore, il lordo, la riduzione e il netto, e lo stato
// del pagamento). Solo il lato dell'azienda: il legale rappresentante o l'intermediario con delega (modulo di
// autorizzazione); per chiunque altro la domanda non esiste.
import { and, asc, eq, notInArray } from "drizzle-orm";
import { db } from "#db/connection";
import { importiCig, provvedimenti } from "#db/schema";
import { cellaCsv, formatImporto } from "~/domain/formati";
import type { Contesto } from "../accesso.server";
import { domandaAutorizzata } from "../autorizzazione.server";

const STATI_PER_AZIENDA = {
  approvato: "Approvato, in attesa di pagamento",
  eccezione: "In verifica presso la Sede",
  respinto: "Non pagato",
  annullato: "Annullato",
  in_lotto: "In pagamento",
  pagato: "Pagato",
} as const;

export const INTESTAZIONE_CSV_IMPORTI = [
  "Numero autorizzazione", "Codice fiscale", "Lavoratore", "Mese", "Ore integrate", "Retribuzione persa", "Importo lordo",
  "Importo lordo entro il massimale", "Riduzione 5,84%", "Importo netto", "Stato", "Motivo", "Come è calcolato",
] as const;

export interface RigaImportoAzienda {
  numero: string;
  codiceFiscale: string;
  nominativo: string;
  competenza: string;
  oreCentesimi: number;
  retribuzionePersaCentesimi: number;
  lordoCentesimi: number;
  lordoLimitatoCentesimi: number;
  riduzioneCentesimi: number;
  nettoCentesimi: number;
  stato: keyof typeof STATI_PER_AZIENDA;
  motivo: string | null;
  /** The rule's explanation (massimale, maggiorazione per intemperie, regola provvisoria) with its legal reference. */
  calcolo: { messaggio?: unknown; riferimento?: unknown };
}

/** Gli importi della domanda (non gli annullati), o null se la domanda non c'è o non è dell'attore. */
export async function importiDellaDomanda(attore: Contesto, domandaId: number): Promise<{ protocollo: string; righe: RigaImportoAzienda[] } | null> {
  if (attore.ruolo !== "datore" && attore.ruolo !== "intermediario") return null;
  const caricata = await domandaAutorizzata(attore, "vedi_domanda", domandaId);
  if (!caricata) return null;
  const righe = await db()
    .select({
      numero: provvedimenti.numero, codiceFiscale: importiCig.codiceFiscale, nominativo: importiCig.nominativo, competenza: importiCig.competenza,
      oreCentesimi: importiCig.oreCentesimi, retribuzionePersaCentesimi: importiCig.retribuzionePersaCentesimi, lordoCentesimi: importiCig.lordoCentesimi,
      lordoLimitatoCentesimi: importiCig.lordoLimitatoCentesimi, riduzioneCentesimi: importiCig.riduzioneCentesimi, nettoCentesimi: importiCig.nettoCentesimi,
      stato: importiCig.stato, motivo: importiCig.motivoRisoluzione, calcolo: importiCig.calcolo,
    })
    .from(importiCig)
    .innerJoin(provvedimenti, eq(provvedimenti.id, importiCig.provvedimentoId))
    .where(and(eq(importiCig.domandaId, caricata.domanda.id), notInArray(importiCig.stato, ["annullato"])))
    .orderBy(asc(importiCig.codiceFiscale), asc(importiCig.competenza));
  return { protocollo: caricata.domanda.protocollo ?? String(caricata.domanda.id), righe };
}

/** The explanation of a computed amount with its legal reference, as the company and the Sede read it. */
export function spiegazioneCalcolo(calcolo: { messaggio?: unknown; riferimento?: unknown }): string {
  const messaggio = typeof calcolo.messaggio === "string" ? calcolo.messaggio : "";
  return typeof calcolo.riferimento === "string" && calcolo.riferimento ? `${messaggio} Riferimento normativo: ${calcolo.riferimento}.` : messaggio;
}

/** Il CSV (UTF-8 con BOM, punto e virgola, importi con la virgola come li leggono i fogli di calcolo italiani). */
export function csvImporti(righe: readonly RigaImportoAzienda[]): string {
  const ore = (c: number) => formatImporto(c).replace(/\./g, "");
  const euro = (c: number) => formatImporto(c).replace(/\./g, "");
  const linee = righe.map((r) =>
    [
      r.numero, r.codiceFiscale, r.nominativo, r.competenza.slice(0, 7), ore(r.oreCentesimi), euro(r.retribuzionePersaCentesimi), euro(r.lordoCentesimi),
      euro(r.lordoLimitatoCentesimi), euro(r.riduzioneCentesimi), euro(r.nettoCentesimi), STATI_PER_AZIENDA[r.stato], r.stato === "respinto" ? (r.motivo ?? "") : "",
      spiegazioneCalcolo(r.calcolo),
    ].map(cellaCsv).join(";"),
  );
  return `\uFEFF${[INTESTAZIONE_CSV_IMPORTI.map(cellaCsv).join(";"), ...linee].join("\r\n")}\r\n`;
}

/** How many amounts the domanda has and how many are paid, for its page (the caller has authorised the reader). */
export async function riepilogoImporti(domandaId: number): Promise<{ numero: number; pagati: number; nettoPagatoCentesimi: number } | null> {
  const righe = await db()
    .select({ stato: importiCig.stato, netto: importiCig.nettoCentesimi })
    .from(importiCig)
    .where(and(eq(importiCig.domandaId, domandaId), notInArray(importiCig.stato, ["annullato"])));
  if (righe.length === 0) return null;
  const pagati = righe.filter((r) => r.stato === "pagato");
  return { numero: righe.length, pagati: pagati.length, nettoPagatoCentesimi: pagati.reduce((t, r) => t + r.netto, 0) };
}
