// I controlli automatici dell'istruttoria: le STESSE regole che il modulo della domanda applica all'azienda, rieseguite
// sui dati del caso, e ciascuna riassunta per l'operatore come superato / avviso / non superato, con la spiegazione e
// il riferimento normativo. Nessuna regola è riscritta qui: questo modulo le chiama e ne classifica gli esiti.
// docs/regole.md §15.
import type { DataISO } from "../date";
import { esito, type Esito, type Gravita } from "../esito";
import {
  verificaDurataCigo, verificaDurataFis, verificaDurataFondo, verificaGiorniCisoa, type InputDurataCigo, type InputDurataFis,
  type InputDurataFondo, type InputGiorniCisoa,
} from "../durate";
import { verificaLavoratore, type InputEleggibilita } from "../eleggibilita-lavoratori";
import { valutaIndiceLiquidita, type DatiBilancio } from "../indice-liquidita";
import { verificaInformativa, type InputInformativa } from "../informativa-sindacale";
import { instrada, registraScelta, type InquadramentoAzienda } from "../instradamento";
import { ParametroNonDisponibile } from "../parametri";
import { verificaRelazioneTecnica, type InputRelazioneTecnica } from "../relazione-tecnica";
import { verificaSovrapposizioni } from "../sovrapposizioni";
import { verificaTerminePresentazione, type InputTermine } from "../termini-presentazione";
import type { Fondo, PeriodoPrecedente, PeriodoRichiesto, Prestazione } from "../tipi";

export type StatoControllo = "superato" | "avviso" | "non_superato";

export const ETICHETTE_STATO_CONTROLLO: Record<StatoControllo, string> = {
  superato: "Superato",
  avviso: "Avviso",
  non_superato: "Non superato",
};

export type CodiceControllo =
  | "instradamento"
  | "termini"
  | "durata"
  | "terzo_ore"
  | "limite_complessivo"
  | "giorni_cisoa"
  | "sovrapposizioni"
  | "lavoratori"
  | "informativa"
  | "relazione_tecnica"
  | "liquidita";

export const TITOLI_CONTROLLO: Record<CodiceControllo, string> = {
  instradamento: "Prestazione e inquadramento dell'azienda",
  termini: "Termine di presentazione e prima data copribile",
  durata: "Limiti di durata nel biennio mobile",
  terzo_ore: "Un terzo delle ore lavorabili nel biennio mobile",
  limite_complessivo: "Durata massima complessiva nel quinquennio mobile",
  giorni_cisoa: "Giorni di CISOA per lavoratore nell'anno",
  sovrapposizioni: "Sovrapposizione con altre domande",
  lavoratori: "Requisiti dei lavoratori",
  informativa: "Informativa sindacale",
  relazione_tecnica: "Relazione tecnica e documenti per la causale",
  liquidita: "Indice di liquidità per il pagamento diretto",
};

export interface ControlloIstruttoria {
  codice: CodiceControllo;
  titolo: string;
  stato: StatoControllo;
  /** Le frasi che spiegano lo stato (gli esiti peggiori; per i lavoratori un riepilogo). */
  spiegazione: string[];
  /** I riferimenti normativi degli esiti, senza ripetizioni. */
  riferimenti: string[];
  /** Almeno un esito usa un parametro incerto: il messaggio lo dice. */
  provvisorio: boolean;
  esiti: Esito[];
}

/** I dati del caso, già nella forma che ciascuna regola riceve anche dal modulo della domanda. */
export interface DatiControlliIstruttoria {
  instradamento?: {
    inquadramento: InquadramentoAzienda;
    data: DataISO;
    scelta: { prestazione: Prestazione; fondo: Fondo | null };
    causaleStraordinaria?: boolean;
  };
  termine?: InputTermine;
  durata?:
    | { prestazione: "CIGO"; input: InputDurataCigo }
    | { prestazione: "AIS_FIS"; input: InputDurataFis }
    | { prestazione: "AIS_FONDO"; input: InputDurataFondo };
  giorniCisoa?: InputGiorniCisoa[];
  sovrapposizioni?: { richiesta: PeriodoRichiesto; esistenti: PeriodoPrecedente[] };
  lavoratori?: InputEleggibilita[];
  informativa?: InputInformativa;
  relazioneTecnica?: InputRelazioneTecnica;
  /** Solo se l'azienda ha chiesto il pagamento diretto: il bilancio e il giorno del calcolo. */
  liquidita?: { bilancio: DatiBilancio; calcolatoIl: DataISO };
}

const STATO: Record<Gravita, StatoControllo> = { bloccante: "non_superato", avviso: "avviso", informazione: "superato" };
const ORDINE: Record<Gravita, number> = { bloccante: 0, avviso: 1, informazione: 2 };

/** Un controllo che non si può eseguire (parametro non in vigore alla data) diventa un avviso, non un errore di pagina. */
function eseguibile(codice: CodiceControllo, regola: () => Esito[]): Esito[] {
  try {
    return regola();
  } catch (errore) {
    if (!(errore instanceof ParametroNonDisponibile)) throw errore;
    return [
      esito({
        regola: `istruttoria.${codice}.nonEseguibile`,
        riferimento: "docs/regole.md",
        gravita: "avviso",
        messaggio: `Il controllo non è stato eseguito: ${errore.message}. Verificalo a mano.`,
        dati: { parametro: errore.nome, data: errore.data },
      }),
    ];
  }
}

function riassumi(codice: CodiceControllo, esiti: Esito[], spiegazione?: (peggiori: Esito[]) => string[]): ControlloIstruttoria {
  const peggiore = esiti.reduce<Gravita>((g, e) => (ORDINE[e.gravita] < ORDINE[g] ? e.gravita : g), "informazione");
  const peggiori = esiti.filter((e) => e.gravita === peggiore);
  return {
    codice,
    titolo: TITOLI_CONTROLLO[codice],
    stato: STATO[peggiore],
    spiegazione: spiegazione ? spiegazione(peggiori) : [...new Set(peggiori.map((e) => e.messaggio))],
    riferimenti: [...new Set(esiti.map((e) => e.riferimento))],
    provvisorio: esiti.some((e) => e.provvisorio),
    esiti,
  };
}

function durata(dati: NonNullable<DatiControlliIstruttoria["durata"]>): Esito[] {
  switch (dati.prestazione) {
    case "CIGO":
      return verificaDurataCigo(dati.input).esiti;
    case "AIS_FIS":
      return verificaDurataFis(dati.input).esiti;
    case "AIS_FONDO":
      return verificaDurataFondo(dati.input).esiti;
  }
}

/** Rilancia sul caso ogni regola per cui ci sono dati e restituisce un controllo per ciascuna, nell'ordine del modulo. */
export function controlliIstruttoria(dati: DatiControlliIstruttoria): ControlloIstruttoria[] {
  const out: ControlloIstruttoria[] = [];
  if (dati.instradamento) {
    const { inquadramento, data, scelta, causaleStraordinaria } = dati.instradamento;
    out.push(riassumi("instradamento", eseguibile("instradamento", () => {
      const r = instrada(inquadramento, { data, causaleStraordinaria });
      return [registraScelta(r, scelta).esito];
    })));
  }
  if (dati.termine) {
    const input = dati.termine;
    out.push(riassumi("termini", eseguibile("termini", () => [verificaTerminePresentazione(input).esito])));
  }
  if (dati.durata) {
    const d = dati.durata;
    const tutti = eseguibile("durata", () => durata(d));
    const per = (regola: string) => tutti.filter((e) => e.regola === regola);
    const art4 = per("durata.art4.complessiva");
    const terzo = per("durata.cigo.terzoOre");
    const resto = tutti.filter((e) => !art4.includes(e) && !terzo.includes(e));
    out.push(riassumi("durata", resto));
    if (terzo.length) out.push(riassumi("terzo_ore", terzo));
    if (art4.length) out.push(riassumi("limite_complessivo", art4));
  }
  if (dati.giorniCisoa?.length) {
    const inputs = dati.giorniCisoa;
    out.push(riassumi("giorni_cisoa", eseguibile("giorni_cisoa", () => inputs.map((i) => verificaGiorniCisoa(i).esito))));
  }
  if (dati.sovrapposizioni) {
    const { richiesta, esistenti } = dati.sovrapposizioni;
    out.push(riassumi("sovrapposizioni", eseguibile("sovrapposizioni", () => verificaSovrapposizioni(richiesta, esistenti))));
  }
  if (dati.lavoratori) {
    const inputs = dati.lavoratori;
    const esiti = eseguibile("lavoratori", () => inputs.flatMap((i) => verificaLavoratore(i)));
    out.push(riassumi("lavoratori", esiti, (peggiori) => {
      const nonAmmessi = new Set(esiti.filter((e) => e.gravita === "bloccante").map((e) => String(e.dati.cf ?? "")));
      const conteggio = `${inputs.length === 1 ? "1 lavoratore esaminato" : `${inputs.length} lavoratori esaminati`}: ${inputs.length - nonAmmessi.size} con i requisiti, ${nonAmmessi.size} senza.`;
      return peggiori[0]?.gravita === "informazione" ? [conteggio] : [conteggio, ...new Set(peggiori.map((e) => e.messaggio))];
    }));
  }
  if (dati.informativa) {
    const input = dati.informativa;
    out.push(riassumi("informativa", eseguibile("informativa", () => verificaInformativa(input).esiti)));
  }
  if (dati.relazioneTecnica) {
    const input = dati.relazioneTecnica;
    out.push(riassumi("relazione_tecnica", eseguibile("relazione_tecnica", () => verificaRelazioneTecnica(input))));
  }
  if (dati.liquidita) {
    const { bilancio, calcolatoIl } = dati.liquidita;
    // Con la formula in vigore il giorno del calcolo, come l'azienda l'ha visto inviando la domanda.
    out.push(riassumi("liquidita", eseguibile("liquidita", () => [valutaIndiceLiquidita(bilancio, calcolatoIl).esito])));
  }
  return out;
}

/** Quanti controlli per stato, per la coda ("con avvisi aperti") e per l'intestazione del caso. */
export function conteggioControlli(controlli: readonly ControlloIstruttoria[]): Record<StatoControllo, number> {
  const conta: Record<StatoControllo, number> = { superato: 0, avviso: 0, non_superato: 0 };
  for (const c of controlli) conta[c.stato]++;
  return conta;
}

/** Gli esiti già calcolati dalle regole del modulo della domanda, per gruppo di dati (vedi controlliDaEsiti). */
export interface EsitiDelCaso {
  instradamento?: Esito[];
  /** Esiti del passo "Periodo e causale": termini, durate (biennio, 1/3, art. 4), giorni CISOA, sovrapposizioni. */
  periodo?: Esito[];
  /** Tutti gli esiti dei lavoratori scelti (anche quelli di sola informazione) e quanti sono. */
  lavoratori?: { esaminati: number; esiti: Esito[] };
  informativa?: Esito[];
  relazioneTecnica?: Esito[];
  liquidita?: Esito[];
}

/** A quale controllo appartiene un esito del passo "Periodo e causale", dalla sua regola. */
export function controlloDelPeriodo(regola: string): CodiceControllo {
  if (regola.startsWith("termini.")) return "termini";
  if (regola === "durata.art4.complessiva") return "limite_complessivo";
  if (regola === "durata.cigo.terzoOre") return "terzo_ore";
  if (regola === "durata.cisoa.giorni") return "giorni_cisoa";
  if (regola.startsWith("sovrapposizioni")) return "sovrapposizioni";
  return "durata";
}

function riepilogoLavoratori(esaminati: number, esiti: Esito[]) {
  return (peggiori: Esito[]) => {
    const nonAmmessi = new Set(esiti.filter((e) => e.gravita === "bloccante").map((e) => String(e.dati.cf ?? "")));
    const conteggio = `${esaminati === 1 ? "1 lavoratore esaminato" : `${esaminati} lavoratori esaminati`}: ${esaminati - nonAmmessi.size} con i requisiti, ${nonAmmessi.size} senza.`;
    return peggiori[0]?.gravita === "informazione" || peggiori.length === 0 ? [conteggio] : [conteggio, ...new Set(peggiori.map((e) => e.messaggio))];
  };
}

const ORDINE_CONTROLLI: readonly CodiceControllo[] = [
  "instradamento", "termini", "durata", "terzo_ore", "limite_complessivo", "giorni_cisoa", "sovrapposizioni", "lavoratori",
  "informativa", "relazione_tecnica", "liquidita",
];

/**
 * Gli stessi controlli di controlliIstruttoria, a partire dagli esiti che le regole hanno già dato sul caso (il servizio
 * le esegue con gli stessi raccoglitori di dati del modulo della domanda, così nessun dato è letto in un secondo modo).
 * Un gruppo senza esiti non produce un controllo, tranne i lavoratori: anche senza avvisi si dice quanti sono.
 */
export function controlliDaEsiti(dati: EsitiDelCaso): ControlloIstruttoria[] {
  const gruppi = new Map<CodiceControllo, Esito[]>();
  const aggiungi = (codice: CodiceControllo, esiti: Esito[] | undefined) => {
    if (esiti?.length) gruppi.set(codice, [...(gruppi.get(codice) ?? []), ...esiti]);
  };
  aggiungi("instradamento", dati.instradamento);
  for (const e of dati.periodo ?? []) aggiungi(controlloDelPeriodo(e.regola), [e]);
  aggiungi("informativa", dati.informativa);
  aggiungi("relazione_tecnica", dati.relazioneTecnica);
  aggiungi("liquidita", dati.liquidita);
  const out: ControlloIstruttoria[] = [];
  for (const codice of ORDINE_CONTROLLI) {
    if (codice === "lavoratori") {
      if (dati.lavoratori) {
        const { esaminati, esiti } = dati.lavoratori;
        out.push(riassumi("lavoratori", esiti, riepilogoLavoratori(esaminati, esiti)));
      }
      continue;
    }
    const esiti = gruppi.get(codice);
    if (esiti) out.push(riassumi(codice, esiti));
  }
  return out;
}

/** Esegue una regola sul caso; un parametro non in vigore alla data diventa un avviso da verificare a mano. */
export function esitiEseguibili(codice: CodiceControllo, regola: () => Esito[]): Esito[] {
  return eseguibile(codice, regola);
}
