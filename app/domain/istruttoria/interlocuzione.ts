// Interlocuzione con l'azienda dall'istruttoria: il supplemento istruttorio dell'art. 11 c.2 D.M. 95442/2016 (15 giorni
// dal ricevimento per fornire gli elementi mancanti) e la richiesta di documenti per verificare le dichiarazioni
// sostitutive (art. 71 DPR 445/2000). Il supplemento è obbligatorio prima di respingere per mancanza di elementi di
// valutazione (msg INPS 1396/2018); non esiste un preavviso di rigetto generico, perché l'art. 10-bis L. 241/1990 esclude
// i procedimenti previdenziali avviati su istanza di parte. docs/regole.md §12.
import { addDays, diffDays, formatDataItaliana as it, minData, type DataISO } from "../date";
import { esito, type Esito } from "../esito";
import { parametro, type TipoRichiestaIstruttoria } from "../parametri";

export type { TipoRichiestaIstruttoria };

export const ETICHETTE_TIPO_RICHIESTA: Record<TipoRichiestaIstruttoria, string> = {
  supplemento_istruttorio: "Supplemento istruttorio",
  documentale: "Richiesta di documenti",
};

export interface RichiestaIstruttoria {
  tipo: TipoRichiestaIstruttoria;
  /** Giorno in cui l'azienda riceve la richiesta (sulla piattaforma: il giorno dell'invio). */
  ricevutaIl: DataISO;
  rispostaIl?: DataISO | null;
  /** L'operatore chiude la richiesta senza attendere la risposta. */
  chiusaIl?: DataISO | null;
}

// Alike percorso.ts's step states (duplicates): a state union and its labels; the states are the request's own
/** aperta: in attesa entro il termine; risposta: l'azienda ha risposto; scaduta: termine passato senza risposta. */
export type StatoRichiesta = "aperta" | "risposta" | "scaduta" | "chiusa";

export const ETICHETTE_STATO_RICHIESTA: Record<StatoRichiesta, string> = {
  aperta: "In attesa di risposta",
  risposta: "Risposta ricevuta",
  scaduta: "Scaduta senza risposta",
  chiusa: "Chiusa dalla Sede",
};

export interface SituazioneRichiesta {
  stato: StatoRichiesta;
  /** Ultimo giorno utile per rispondere. */
  scadenza: DataISO;
  /** Giorni alla scadenza se aperta (0 = scade oggi), altrimenti null. */
  giorniRimanenti: number | null;
  /** Risposta arrivata dopo la scadenza. */
  rispostaTardiva: boolean;
  /** Giorni in cui la richiesta è rimasta aperta (fino a risposta, chiusura, scadenza o a oggi). */
  giorniAperta: number;
  esito: Esito;
}

const PARAMETRO = {
  supplemento_istruttorio: "interlocuzione.supplementoIstruttorio",
  documentale: "interlocuzione.documentale",
} as const;

function termine(tipo: TipoRichiestaIstruttoria, ricevutaIl: DataISO) {
  return parametro(PARAMETRO[tipo], ricevutaIl);
}

/** "Entro 15 giorni dal ricevimento": il giorno del ricevimento non si conta, il 15° giorno successivo è l'ultimo utile. */
export function scadenzaRichiesta(tipo: TipoRichiestaIstruttoria, ricevutaIl: DataISO): DataISO {
  return addDays(ricevutaIl, termine(tipo, ricevutaIl).valore.giorniRisposta);
}

/** Il giorno in cui la richiesta ha smesso di essere aperta, o null se lo è ancora a `oggi`. */
function fineApertura(r: RichiestaIstruttoria, scadenza: DataISO, oggi: DataISO): DataISO | null {
  const chiusure = [r.rispostaIl, r.chiusaIl].filter((d): d is DataISO => !!d && d <= oggi);
  // Dopo l'ultimo giorno utile la richiesta non è più aperta, anche se l'operatore non ha ancora ripreso il caso.
  if (oggi > scadenza) chiusure.push(addDays(scadenza, 1));
  return chiusure.length ? chiusure.reduce(minData) : null;
}

export function situazioneRichiesta(r: RichiestaIstruttoria, oggi: DataISO): SituazioneRichiesta {
  const p = termine(r.tipo, r.ricevutaIl);
  const scadenza = addDays(r.ricevutaIl, p.valore.giorniRisposta);
  const risposta = r.rispostaIl && r.rispostaIl <= oggi ? r.rispostaIl : null;
  const chiusa = r.chiusaIl && r.chiusaIl <= oggi ? r.chiusaIl : null;
  const stato: StatoRichiesta = risposta ? "risposta" : chiusa ? "chiusa" : oggi > scadenza ? "scaduta" : "aperta";
  const fine = fineApertura(r, scadenza, oggi);
  const giorniAperta = Math.max(0, diffDays(fine ?? oggi, r.ricevutaIl));
  const rispostaTardiva = risposta !== null && risposta > scadenza;
  const giorniRimanenti = stato === "aperta" ? diffDays(scadenza, oggi) : null;
  const nome = ETICHETTE_TIPO_RICHIESTA[r.tipo];
  const messaggio =
    stato === "aperta"
      ? `${nome} ricevuto dall'azienda il ${it(r.ricevutaIl)}: la risposta è attesa entro il ${it(scadenza)} (${giorniRimanenti === 0 ? "scade oggi" : giorniRimanenti === 1 ? "resta 1 giorno" : `restano ${giorniRimanenti} giorni`}).`
      : stato === "risposta"
        ? `${nome} del ${it(r.ricevutaIl)}: l'azienda ha risposto il ${it(risposta!)}${rispostaTardiva ? `, oltre il termine del ${it(scadenza)}` : ", nei termini"}.`
        : stato === "chiusa"
          ? `${nome} del ${it(r.ricevutaIl)}: chiuso dalla Sede il ${it(chiusa!)} senza risposta dell'azienda.`
          : `${nome} del ${it(r.ricevutaIl)}: il termine del ${it(scadenza)} è scaduto senza risposta; l'istruttoria può proseguire con gli elementi disponibili.`;
  return {
    stato, scadenza, giorniRimanenti, rispostaTardiva, giorniAperta,
    esito: esito({
      regola: `interlocuzione.${r.tipo}`,
      riferimento: p.riferimento,
      gravita: stato === "scaduta" || rispostaTardiva ? "avviso" : "informazione",
      messaggio,
      dati: { ...r, scadenza, stato, giorniRimanenti, giorniAperta },
      parametri: [p],
    }),
  };
}

/**
 * Intervalli in cui le richieste sono rimaste aperte, come coppie [inizio, fine) in giorni: servono alla sospensione
 * del termine per decidere. Solo i tipi indicati.
 */
export function intervalliApertura(
  richieste: readonly RichiestaIstruttoria[],
  tipi: readonly TipoRichiestaIstruttoria[],
  oggi: DataISO,
): Array<{ inizio: DataISO; fine: DataISO }> {
  return richieste
    .filter((r) => tipi.includes(r.tipo) && r.ricevutaIl <= oggi)
    .map((r) => ({ inizio: r.ricevutaIl, fine: fineApertura(r, scadenzaRichiesta(r.tipo, r.ricevutaIl), oggi) ?? oggi }))
    .filter((i) => i.fine > i.inizio);
}

/** Giorni coperti da intervalli [inizio, fine): quelli sovrapposti contano una volta. */
export function giorniCoperti(intervalli: ReadonlyArray<{ inizio: DataISO; fine: DataISO }>): number {
  const ordinati = [...intervalli].sort((a, b) => (a.inizio < b.inizio ? -1 : a.inizio > b.inizio ? 1 : 0));
  let totale = 0;
  let corrente: { inizio: DataISO; fine: DataISO } | null = null;
  for (const i of ordinati) {
    if (corrente && i.inizio <= corrente.fine) {
      if (i.fine > corrente.fine) corrente.fine = i.fine;
      continue;
    }
    if (corrente) totale += diffDays(corrente.fine, corrente.inizio);
    corrente = { ...i };
  }
  if (corrente) totale += diffDays(corrente.fine, corrente.inizio);
  return totale;
}

/**
 * Si può respingere per mancanza di elementi di valutazione? Solo dopo un supplemento istruttorio (art. 11 c.2 D.M.
 * 95442/2016) chiuso, risposto o scaduto; la motivazione deve poi dare conto della richiesta e del suo esito.
 */
export function verificaRigettoPerCarenzaElementi(richieste: readonly RichiestaIstruttoria[], oggi: DataISO): Esito {
  const supplementi = richieste
    .filter((r) => r.tipo === "supplemento_istruttorio" && r.ricevutaIl <= oggi)
    .map((r) => ({ r, s: situazioneRichiesta(r, oggi) }));
  const concluso = supplementi.find((x) => x.s.stato !== "aperta");
  const aperto = supplementi.find((x) => x.s.stato === "aperta");
  const rif = "art. 11 c.2 D.M. 95442/2016; msg INPS 1396/2018";
  if (concluso) {
    return esito({
      regola: "interlocuzione.rigettoCarenzaElementi",
      riferimento: rif,
      gravita: "informazione",
      messaggio: `Il rigetto per mancanza di elementi è possibile: ${concluso.s.esito.messaggio} La motivazione deve dare conto della richiesta e del suo esito.`,
      dati: { supplemento: concluso.r, stato: concluso.s.stato },
    });
  }
  const p = parametro("interlocuzione.supplementoIstruttorio", oggi);
  return esito({
    regola: "interlocuzione.rigettoCarenzaElementi",
    riferimento: rif,
    gravita: "bloccante",
    messaggio: aperto
      ? `Non puoi ancora respingere per mancanza di elementi: il supplemento istruttorio è aperto fino al ${it(aperto.s.scadenza)}. Attendi la risposta o la scadenza.`
      : `Prima di respingere per mancanza di elementi di valutazione devi chiedere all'azienda un supplemento istruttorio e attendere la risposta o la scadenza dei ${p.valore.giorniRisposta} giorni.`,
    dati: { supplementi: supplementi.map((x) => ({ ...x.r, stato: x.s.stato })) },
    parametri: [p],
  });
}
