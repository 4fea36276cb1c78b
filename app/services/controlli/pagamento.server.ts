// Pagamento diretto: the indice di liquidità computed on the balance-sheet items (the rule and its versioned,
// provisional formula are the domain's: app/domain/indice-liquidita.ts), the answers to save, and the step's outcomes.
import type { DataISO } from "~/domain/date";
import { valutaIndiceLiquidita, type DatiBilancio } from "~/domain/indice-liquidita";
import type { DatiPagamento, EsitoLiquiditaSalvato } from "~/passi/schemi/pagamento";
import type { EsitoPasso } from "../controlli-domanda.server";
import type { DomandaCaricata } from "../domande.server";
import { oggi as oggiPiattaforma } from "../orologio.server";

/** The answers to save for a direct-payment request: confirmed if the index says so, otherwise conguaglio. */
export function decidiPagamentoDiretto(bilancio: DatiBilancio, oggi: DataISO = oggiPiattaforma()): DatiPagamento {
  const r = valutaIndiceLiquidita(bilancio, oggi);
  const liquidita: EsitoLiquiditaSalvato = {
    versione: r.versione,
    formula: String(r.esito.dati.formula),
    indice: r.indice,
    accettato: r.accettato,
    messaggio: r.esito.messaggio,
    provvisorio: r.esito.provvisorio,
    calcolatoIl: oggi,
  };
  return r.accettato
    ? { modalita: "diretto", bilancio, liquidita }
    : { modalita: "conguaglio", richiestoDiretto: true, bilancio, liquidita };
}

export async function controlliPagamento({ risposte }: DomandaCaricata): Promise<EsitoPasso[]> {
  const salvati = risposte.pagamento;
  if (!salvati || !("bilancio" in salvati)) return [];
  // Recomputed with the formula in force on the day of the computation, so the Sede sees the same outcome.
  const r = valutaIndiceLiquidita(salvati.bilancio, salvati.liquidita.calcolatoIl);
  return [{ ...r.esito, passo: "pagamento" }];
}
