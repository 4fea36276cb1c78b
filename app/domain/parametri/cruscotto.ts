// Parametri del cruscotto autorizzato/fruito e della pagina pubblica dei tempi del servizio (docs/regole.md §20 e §21).
// Sono scelte di progetto, non norme: datate come le altre, con la fonte che lo dice; quelle che sono ipotesi
// ("incerto") lo dichiarano in ogni figura che le usa.
import type { VersioneParametro } from "./tipi";

function versione<T>(x: VersioneParametro<T>): VersioneParametro<T> {
  return x;
}

export interface ParametriTempiServizio {
  /** Giorni all'indietro, da oggi, delle decisioni considerate. */
  finestraGiorni: number;
  /** Sotto questo numero di casi una misura non si pubblica (riservatezza statistica). */
  sogliaPiccoliNumeri: number;
}

export interface RitmoFruizione {
  /** Settimane all'indietro da oggi su cui si misura il ritmo di utilizzo per la proiezione. */
  settimane: number;
}

export interface AvvisoCapacita {
  /** Avvisa quando restano al più queste settimane nel biennio mobile. */
  settimaneResidue: number;
  /** …o quando la stima di esaurimento cade entro questi giorni. */
  giorniEsaurimento: number;
}

export const CATALOGO_CRUSCOTTO = {
  "statistiche.tempiServizio": [
    versione<ParametriTempiServizio>({
      valore: { finestraGiorni: 90, sogliaPiccoliNumeri: 10 }, validoDal: "2015-09-24", validoAl: null,
      fonte: "scelta di progetto: ultimi 90 giorni; misure non pubblicate sotto 10 casi (criterio di riservatezza statistica)",
      riferimento: "art. 9 d.lgs. 33/2013 e art. 2 c.9-quater L. 241/1990 (pubblicità dei tempi dei procedimenti)",
      confidenza: "probabile",
    }),
  ],
  "cruscotto.avvisoCapacita": [
    versione<AvvisoCapacita>({
      valore: { settimaneResidue: 4, giorniEsaurimento: 90 }, validoDal: "2015-09-24", validoAl: null,
      fonte: "scelta di progetto: un mese di integrazione o tre mesi di anticipo per preparare una nuova domanda",
      riferimento: "art. 12 d.lgs. 148/2015 (limiti nel biennio mobile)", confidenza: "probabile",
    }),
  ],
  "cruscotto.ritmoFruizione": [
    versione<RitmoFruizione>({
      valore: { settimane: 13 }, validoDal: "2015-09-24", validoAl: null,
      fonte: "ipotesi di progetto: il ritmo delle ultime 13 settimane continua invariato",
      riferimento: "art. 12 d.lgs. 148/2015 (limiti nel biennio mobile)", confidenza: "incerto",
      nota: "La proiezione non è una regola INPS: stima quando finirebbe la capacità se l'utilizzo proseguisse allo stesso ritmo.",
    }),
  ],
} satisfies Record<string, VersioneParametro<unknown>[]>;
