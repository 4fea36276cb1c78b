// Le eccezioni del pagamento diretto: i casi in cui un importo calcolato non va pagato in automatico ma aspetta una
// persona della Sede, che lo approva o lo respinge con un motivo. Con il modello SR41 erano l'IBAN di cui non si può
// verificare l'intestatario (si pagava con bonifico domiciliato), la pensione e i provvedimenti del giudice a favore
// del coniuge separato o divorziato (msg INPS 1508/2020: controlli automatici sugli archivi INPS al posto del quadro G).
// docs/regole.md §22.
import type { RetribuzioneFlusso } from "../importi";

export type CodiceEccezione =
  | "iban_non_verificabile"
  | "titolare_pensione"
  | "trattenute_giudiziali"
  | "retribuzione_assente"
  | "calcolo_non_possibile"
  | "rifiuto_banca";

export interface VoceEccezione {
  titolo: string;
  /** Che cosa verificare prima di decidere. */
  verifica: string;
  riferimento: string;
  /** L'importo non è calcolabile: l'operatore può solo respingerlo (l'azienda rimedia con un nuovo flusso). */
  soloRespinta: boolean;
}

export const ECCEZIONI: Record<CodiceEccezione, VoceEccezione> = {
  iban_non_verificabile: {
    titolo: "IBAN da verificare",
    verifica: "Controlla che il conto sia intestato o cointestato al lavoratore (modulo SR163); altrimenti respingi: il lavoratore sarà pagato con bonifico domiciliato.",
    riferimento: "msg INPS 1508/2020; modulo SR163",
    soloRespinta: false,
  },
  titolare_pensione: {
    titolo: "Lavoratore titolare di pensione",
    verifica: "Verifica la compatibilità della pensione con l'integrazione salariale prima di pagare.",
    riferimento: "msg INPS 1508/2020",
    soloRespinta: false,
  },
  trattenute_giudiziali: {
    titolo: "Trattenute disposte dal giudice",
    verifica: "C'è un provvedimento del giudice (per esempio a favore del coniuge separato o divorziato): applica la trattenuta fuori dalla piattaforma prima di approvare.",
    riferimento: "msg INPS 1508/2020",
    soloRespinta: false,
  },
  retribuzione_assente: {
    titolo: "Retribuzione non indicata",
    verifica: "La denuncia non porta la retribuzione (RetribTeorica): l'importo non si può calcolare. Respingi; l'azienda elimina la denuncia e la invia di nuovo con la retribuzione.",
    riferimento: "art. 3 d.lgs. 148/2015",
    soloRespinta: true,
  },
  calcolo_non_possibile: {
    titolo: "Importo non calcolabile",
    verifica: "Manca un parametro in vigore per il mese (per esempio il massimale dell'anno non ancora pubblicato): respingi, o attendi l'aggiornamento dei parametri e abbina di nuovo.",
    riferimento: "art. 3 c.5-bis d.lgs. 148/2015",
    soloRespinta: true,
  },
  rifiuto_banca: {
    titolo: "Bonifico respinto dalla banca",
    verifica: "Leggi il motivo della banca: se il conto del lavoratore è stato corretto o sbloccato approva (l'importo va nel prossimo lotto); altrimenti respingi con il motivo.",
    riferimento: "ISO 20022 pain.002.001.03; regole EPC del SEPA Credit Transfer",
    soloRespinta: false,
  },
};

export interface Eccezione {
  codice: CodiceEccezione;
  messaggio: string;
}

export interface FattiEccezioni {
  ibanDenuncia: string;
  /** L'IBAN registrato per il lavoratore negli archivi INPS, se c'è. */
  ibanRegistrato: string | null;
  /** I codici degli avvisi dati all'accoglienza della denuncia (W061: IBAN diverso da quello registrato). */
  avvisiDenuncia: readonly string[];
  titolarePensione: boolean;
  trattenuteGiudiziali: boolean;
  retribuzione: RetribuzioneFlusso | null;
  calcoloPossibile: boolean;
}

/** Le eccezioni di un importo, nell'ordine del catalogo; nessuna = si paga in automatico. */
export function eccezioniPagamento(f: FattiEccezioni): Eccezione[] {
  const e: Eccezione[] = [];
  if (f.ibanRegistrato === null || f.ibanRegistrato !== f.ibanDenuncia || f.avvisiDenuncia.includes("UNI41-W061")) {
    e.push({
      codice: "iban_non_verificabile",
      messaggio: f.ibanRegistrato === null
        ? `Per il lavoratore non c'è un IBAN registrato: l'intestatario di ${f.ibanDenuncia} non si può verificare.`
        : `L'IBAN ${f.ibanDenuncia} della denuncia non è quello registrato per il lavoratore.`,
    });
  }
  if (f.titolarePensione) e.push({ codice: "titolare_pensione", messaggio: "Negli archivi INPS il lavoratore risulta titolare di pensione." });
  if (f.trattenuteGiudiziali) e.push({ codice: "trattenute_giudiziali", messaggio: "Negli archivi INPS c'è un provvedimento del giudice con trattenute sulle prestazioni del lavoratore." });
  if (f.retribuzione === null) e.push({ codice: "retribuzione_assente", messaggio: "La denuncia non indica la retribuzione del lavoratore." });
  else if (!f.calcoloPossibile) e.push({ codice: "calcolo_non_possibile", messaggio: "Per il mese della denuncia manca un parametro in vigore (massimale o misura della prestazione)." });
  return e;
}

/** Un importo con eccezioni che rendono impossibile il calcolo si può solo respingere. */
export function soloRespingibile(eccezioni: readonly { codice: string }[]): boolean {
  return eccezioni.some((x) => (ECCEZIONI as Record<string, VoceEccezione | undefined>)[x.codice]?.soloRespinta === true);
}
