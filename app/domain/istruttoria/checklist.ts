// I controlli manuali dell'operatore, come dati: i criteri del D.M. 95442/2016 che nessuna regola automatica può
// giudicare (transitorietà e non imputabilità, art. 1; prosecuzione dell'attività sul mercato, art. 2) e, per gli eventi
// meteo, la verifica dei bollettini giorno per giorno (msg INPS 1856/2017). La checklist e le note sono interne alla
// Sede e non si mostrano mai all'azienda. docs/regole.md §17.
import { formatDataItaliana as it, type DataISO } from "../date";

export type StatoVoce = "da_verificare" | "verificato" | "non_verificato" | "non_pertinente";

export const STATI_VOCE: readonly StatoVoce[] = ["da_verificare", "verificato", "non_verificato", "non_pertinente"];

export const ETICHETTE_STATO_VOCE: Record<StatoVoce, string> = {
  da_verificare: "Da verificare",
  verificato: "Verificato",
  non_verificato: "Non verificato",
  non_pertinente: "Non pertinente",
};

export interface VoceChecklist {
  /** Chiave stabile: le voci meteo hanno la data ("meteo:2025-07-14"). */
  chiave: string;
  titolo: string;
  /** Che cosa guardare, in parole semplici. */
  guida: string;
  riferimento: string;
}

const BASE: readonly VoceChecklist[] = [
  {
    chiave: "transitorieta",
    titolo: "Transitorietà della situazione",
    guida: "Alla data della domanda è prevedibile che l'azienda riprenda la normale attività. Se l'attività è ripresa tra la domanda e la decisione, la transitorietà è provata.",
    riferimento: "art. 1 D.M. 95442/2016",
  },
  {
    chiave: "non_imputabilita",
    titolo: "Non imputabilità all'azienda o ai lavoratori",
    guida: "L'evento è involontario e non dipende da imperizia o negligenza dell'azienda o dei lavoratori.",
    riferimento: "art. 1 D.M. 95442/2016",
  },
  {
    chiave: "continuita_mercato",
    titolo: "Prosecuzione dell'attività sul mercato",
    guida: "La relazione tecnica e i documenti mostrano che l'azienda resta sul mercato: ordini, contratti, misure adottate, prospettive di ripresa.",
    riferimento: "art. 2 D.M. 95442/2016",
  },
];

/** Le voci per la domanda: le tre di base, più una per ogni giorno di evento meteo. */
export function vociChecklist(opzioni: { meteo: boolean; giorniMeteo?: readonly DataISO[] }): VoceChecklist[] {
  const voci = [...BASE];
  if (opzioni.meteo) {
    for (const g of [...new Set(opzioni.giorniMeteo ?? [])].sort()) {
      voci.push({
        chiave: `meteo:${g}`,
        titolo: `Evento meteo del ${it(g)}`,
        guida: "I bollettini acquisiti dall'Istituto confermano l'evento in quel giorno, tenendo conto della temperatura percepita e della lavorazione in corso.",
        riferimento: "art. 11 d.lgs. 148/2015; msg INPS 1856/2017",
      });
    }
  }
  return voci;
}

export interface StatoChecklist {
  chiave: string;
  stato: StatoVoce;
  nota?: string | null;
}

/** Voci ancora da verificare, e voci che l'operatore ha trovato non verificate (motivi possibili di esclusione). */
export function riepilogoChecklist(voci: readonly VoceChecklist[], stati: readonly StatoChecklist[]) {
  const per = new Map(stati.map((s) => [s.chiave, s]));
  const conStato = voci.map((v) => ({ ...v, stato: per.get(v.chiave)?.stato ?? ("da_verificare" as StatoVoce), nota: per.get(v.chiave)?.nota ?? null }));
  return {
    voci: conStato,
    daVerificare: conStato.filter((v) => v.stato === "da_verificare").length,
    nonVerificate: conStato.filter((v) => v.stato === "non_verificato"),
    completa: conStato.every((v) => v.stato !== "da_verificare"),
  };
}
