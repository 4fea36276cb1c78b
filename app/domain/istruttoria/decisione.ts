// La decisione sulla domanda: autorizzata, autorizzata parzialmente (meno settimane, ore o giorni, o alcuni lavoratori
// esclusi, ciascuno con il motivo) o respinta. La motivazione è obbligatoria per ogni esito (art. 11 c.1 D.M. 95442/2016,
// msg INPS 1396/2018); il periodo autorizzato non inizia prima della prima data copribile (art. 15 d.lgs. 148/2015);
// il rigetto per mancanza di elementi richiede un supplemento istruttorio concluso. docs/regole.md §16.
import { formatDataItaliana as it, type DataISO, type Intervallo } from "../date";
import { verificaRigettoPerCarenzaElementi, type RichiestaIstruttoria } from "./interlocuzione";
import type { EsitoDecisione } from "./ricorsi";

export type { EsitoDecisione };

export const ESITI_DECISIONE = ["autorizzata", "autorizzata_parziale", "respinta"] as const satisfies readonly EsitoDecisione[];

export const ETICHETTE_ESITO_DECISIONE: Record<EsitoDecisione, string> = {
  autorizzata: "Autorizzata",
  autorizzata_parziale: "Autorizzata parzialmente",
  respinta: "Respinta",
};

/** Che cosa un'autorizzazione parziale esclude, e perché. */
export type Esclusione =
  | { tipo: "lavoratore"; codiceFiscale: string; motivo: string }
  | { tipo: "giorni"; giorni: DataISO[]; motivo: string }
  | { tipo: "periodo"; motivo: string }
  | { tipo: "ore"; motivo: string };

export type ModalitaPagamento = "conguaglio" | "diretto";

export interface DecisioneProposta {
  esito: EsitoDecisione;
  motivazione: string;
  /** Autorizzata o parziale: il periodo autorizzato, le ore, i lavoratori, i giorni (eventi a giornate). */
  periodo?: Intervallo | null;
  oreAutorizzate?: number | null;
  lavoratori?: readonly string[];
  giorni?: readonly DataISO[] | null;
  esclusioni: readonly Esclusione[];
  /** Respinta: il rigetto è per mancanza di elementi di valutazione. */
  perCarenzaElementi?: boolean;
  modalitaPagamento?: ModalitaPagamento | null;
}

export interface RichiestoDallaDomanda {
  periodo: Intervallo;
  oreRichieste: number;
  lavoratori: readonly string[];
  giorni?: readonly DataISO[] | null;
  /** La prima data che la domanda può coprire (una domanda tardiva copre al più una settimana prima dell'invio). */
  inizioCopertura: DataISO;
  modalitaPagamento: ModalitaPagamento;
}

export type CampoDecisione = "esito" | "motivazione" | "periodo" | "oreAutorizzate" | "lavoratori" | "giorni" | "esclusioni" | "modalitaPagamento";

export interface ErroreDecisione {
  campo: CampoDecisione;
  messaggio: string;
}

/** Lunghezza minima della motivazione: una frase che dica perché, non un segno di spunta. */
export const MOTIVAZIONE_MINIMA = 30;

/** Gli errori della decisione proposta; nessun errore = la decisione si può emettere. */
export function verificaDecisione(
  proposta: DecisioneProposta,
  richiesto: RichiestoDallaDomanda,
  contesto: { richieste: readonly RichiestaIstruttoria[]; oggi: DataISO },
): ErroreDecisione[] {
  const errori: ErroreDecisione[] = [];
  const motivazione = proposta.motivazione.trim();
  if (motivazione.length === 0) {
    errori.push({ campo: "motivazione", messaggio: "Scrivi la motivazione: è obbligatoria per ogni esito" });
  } else if (motivazione.length < MOTIVAZIONE_MINIMA) {
    errori.push({ campo: "motivazione", messaggio: `La motivazione deve spiegare la decisione in almeno ${MOTIVAZIONE_MINIMA} caratteri` });
  }
  for (const e of proposta.esclusioni) {
    if (e.motivo.trim().length === 0) errori.push({ campo: "esclusioni", messaggio: "Indica il motivo di ogni esclusione" });
  }
  if (proposta.esito === "respinta") {
    if (proposta.perCarenzaElementi) {
      const r = verificaRigettoPerCarenzaElementi(contesto.richieste, contesto.oggi);
      if (r.gravita === "bloccante") errori.push({ campo: "esito", messaggio: r.messaggio });
    }
    return errori;
  }

  const periodo = proposta.periodo;
  const inizioMinimo = richiesto.inizioCopertura > richiesto.periodo.inizio ? richiesto.inizioCopertura : richiesto.periodo.inizio;
  if (!periodo) {
    errori.push({ campo: "periodo", messaggio: "Indica il periodo autorizzato" });
  } else if (periodo.fine < periodo.inizio) {
    errori.push({ campo: "periodo", messaggio: "La fine del periodo autorizzato deve essere uguale o successiva all'inizio" });
  } else {
    if (periodo.inizio < inizioMinimo) {
      errori.push({
        campo: "periodo",
        messaggio: richiesto.inizioCopertura > richiesto.periodo.inizio
          ? `La domanda è tardiva: il periodo autorizzato può iniziare al più presto il ${it(richiesto.inizioCopertura)}`
          : `Il periodo autorizzato non può iniziare prima di quello richiesto (${it(richiesto.periodo.inizio)})`,
      });
    }
    if (periodo.fine > richiesto.periodo.fine) {
      errori.push({ campo: "periodo", messaggio: `Il periodo autorizzato non può finire dopo quello richiesto (${it(richiesto.periodo.fine)})` });
    }
  }
  const ore = proposta.oreAutorizzate;
  if (ore === null || ore === undefined || !Number.isInteger(ore) || ore <= 0) {
    errori.push({ campo: "oreAutorizzate", messaggio: "Indica le ore autorizzate con un numero intero maggiore di zero" });
  } else if (ore > richiesto.oreRichieste) {
    errori.push({ campo: "oreAutorizzate", messaggio: `Le ore autorizzate non possono superare quelle richieste (${richiesto.oreRichieste})` });
  }
  const lavoratori = proposta.lavoratori ?? [];
  const richiesti = new Set(richiesto.lavoratori);
  if (lavoratori.length === 0) errori.push({ campo: "lavoratori", messaggio: "Autorizza almeno un lavoratore" });
  if (lavoratori.some((cf) => !richiesti.has(cf))) {
    errori.push({ campo: "lavoratori", messaggio: "Puoi autorizzare solo lavoratori indicati nella domanda" });
  }
  const esclusiConMotivo = new Set(proposta.esclusioni.flatMap((e) => (e.tipo === "lavoratore" ? [e.codiceFiscale] : [])));
  const esclusi = richiesto.lavoratori.filter((cf) => !lavoratori.includes(cf));
  if (esclusi.some((cf) => !esclusiConMotivo.has(cf))) {
    errori.push({ campo: "esclusioni", messaggio: "Indica il motivo dell'esclusione di ogni lavoratore non autorizzato" });
  }
  const giorniRichiesti = richiesto.giorni ?? null;
  const giorniEsclusi = giorniRichiesti && proposta.giorni ? giorniRichiesti.filter((g) => !proposta.giorni!.includes(g)) : [];
  if (giorniRichiesti && proposta.giorni?.some((g) => !giorniRichiesti.includes(g))) {
    errori.push({ campo: "giorni", messaggio: "Puoi autorizzare solo giorni indicati nella domanda" });
  }
  const giorniConMotivo = new Set(proposta.esclusioni.flatMap((e) => (e.tipo === "giorni" ? e.giorni : [])));
  if (giorniEsclusi.some((g) => !giorniConMotivo.has(g))) {
    errori.push({ campo: "esclusioni", messaggio: "Indica il motivo per ogni giorno non autorizzato" });
  }
  if (proposta.modalitaPagamento === "diretto" && richiesto.modalitaPagamento !== "diretto") {
    errori.push({ campo: "modalitaPagamento", messaggio: "Il pagamento diretto si autorizza solo se l'azienda l'ha chiesto e ottenuto" });
  }

  const periodoRidotto = !!periodo && (periodo.inizio > inizioMinimo || periodo.fine < richiesto.periodo.fine);
  const oreRidotte = ore !== null && ore !== undefined && ore < richiesto.oreRichieste;
  const ridotto = esclusi.length > 0 || giorniEsclusi.length > 0 || periodoRidotto || oreRidotte;
  if (proposta.esito === "autorizzata" && ridotto) {
    errori.push({
      campo: "esito",
      messaggio: "Hai ridotto periodo, ore, giorni o lavoratori: scegli «Autorizzata parzialmente» e indica che cosa escludi e perché",
    });
  }
  if (proposta.esito === "autorizzata_parziale") {
    const tipi = new Set(proposta.esclusioni.map((e) => e.tipo));
    if (!ridotto) {
      errori.push({ campo: "esito", messaggio: "Un'autorizzazione parziale deve escludere qualcosa: periodo, ore, giorni o lavoratori" });
    }
    if (periodoRidotto && !tipi.has("periodo")) {
      errori.push({ campo: "esclusioni", messaggio: "Indica perché il periodo autorizzato è più breve di quello richiesto" });
    }
    if (oreRidotte && !tipi.has("ore")) {
      errori.push({ campo: "esclusioni", messaggio: "Indica perché le ore autorizzate sono meno di quelle richieste" });
    }
  }
  return errori;
}
