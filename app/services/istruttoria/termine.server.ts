// The decision deadline of a case as the queue reads it (domande.scadenza_decisione and termine_sospeso_dal): while a
// supplemento istruttorio is open the deadline does not run (art. 2 c.7 L. 241/1990; app/domain/istruttoria/
// termine-decisione.ts, docs/regole.md §11). Recomputed inside the transaction of every change of the case's requests:
// the column holds the deadline with the suspensions already over, and the open one's first day is kept aside (the
// queue adds the days since then: termineCorrente).
import { asc, eq } from "drizzle-orm";
import { domande, richiesteIstruttoria, type Domanda } from "#db/schema";
import { oggiRoma } from "~/domain/date";
import { termineDecisione } from "~/domain/istruttoria/termine-decisione";
import { parametro, ParametroNonDisponibile } from "~/domain/parametri";
import type { Transazione } from "../domande.server";
import { richiestaDominio } from "./comuni.server";

export async function aggiornaTermineDecisione(tx: Transazione, domanda: Domanda, adesso: Date): Promise<void> {
  if (!domanda.inviataIl) return;
  const inviataIl = oggiRoma(domanda.inviataIl);
  const oggi = oggiRoma(adesso);
  const righe = await tx
    .select()
    .from(richiesteIstruttoria)
    .where(eq(richiesteIstruttoria.domandaId, domanda.id))
    .orderBy(asc(richiesteIstruttoria.id));
  try {
    const sospensivi = parametro("istruttoria.sospensioneTermine", inviataIl).valore.tipiSospensivi;
    const aperta = righe.find((r) => r.stato === "aperta" && sospensivi.includes(r.tipo));
    const concluse = righe.filter((r) => r !== aperta).map(richiestaDominio);
    const { scadenza } = termineDecisione({
      prestazione: domanda.prestazione,
      inviataIl,
      inizioPeriodo: domanda.dataInizio ?? inviataIl,
      richieste: concluse,
      oggi,
    });
    await tx
      .update(domande)
      .set({ scadenzaDecisione: scadenza, termineSospesoDal: aperta ? aperta.ricevutaIl : null })
      .where(eq(domande.id, domanda.id));
  } catch (e) {
    // A benefit with no time limit in force on that day keeps no deadline (the queue shows it as not available).
    if (!(e instanceof ParametroNonDisponibile)) throw e;
  }
}
