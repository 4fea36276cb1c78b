// The decision deadline of a case as the queue reads it (columns of domande written by the Sede's services): while a
// supplemento istruttorio is open the deadline is suspended (art. 2 c.7 L. 241/1990; app/domain/istruttoria/
// termine-decisione.ts). Recomputed inside the transaction of every change of the case's requests.
import type { Domanda } from "#db/schema";
import type { Transazione } from "../domande.server";

export async function aggiornaTermineDecisione(_tx: Transazione, _domanda: Domanda, _adesso: Date): Promise<void> {
  // The queue's deadline columns arrive with the operators' desk (presa in carico); until then nothing to update.
}
