// Comunicazioni (issue 13; docs/regole.md §23): the message thread of a domanda between the company's side and the Sede,
// what each side has not read yet, which entries are notified by e-mail (standing in for PEC) and with which words,
// and when a reminder is due. Pure: the services read and write, these functions decide.
import { addDays, diffDays, formatDataItaliana as it, type DataISO } from "./date";
import { scadenzaConguaglio, scadenzaPagamentoDiretto } from "./scadenze-flussi";

/** Who wrote an entry of the thread. */
export type Lato = "azienda" | "sede" | "sistema";
/** Who reads it: the company's side (employer or intermediary) or the office. */
export type LatoLettore = "azienda" | "sede";

export const LIMITE_MESSAGGIO = 4000;

/**
 * PDFs a message may carry: as many as an answer to a request of the Sede, each and together within the limits of the
 * domanda's attachments (app/passi/schemi/allegati.ts).
 */
export const LIMITI_ALLEGATI_MESSAGGIO = { numeroFile: 5, byteTotali: 20 * 1024 * 1024 } as const;

/**
 * What counts as unread for a side. The company's side: everything the Sede or the system wrote (requests, decisions,
 * the taking of the case, expiries, reminders, messages). The office: what the company wrote that asks for the
 * operator's attention (a message, an answer to a request, a withdrawal); the company's drafting events and the
 * reminders addressed to the company are visible but not "new" for the office. The database keeps a counter per
 * domanda and side by the same rule (voce_da_leggere, migration 0019; tests/integrazione/non-letti-contatori.test.ts
 * checks every side and kind of entry against contaComeNonLetto): change both together.
 */
export const NON_LETTI: Record<LatoLettore, { lati: readonly Lato[]; tipi: readonly string[] | null }> = {
  azienda: { lati: ["sede", "sistema"], tipi: null },
  sede: { lati: ["azienda"], tipi: ["messaggio", "risposta", "rinunciata"] },
};

export function contaComeNonLetto(lettore: LatoLettore, voce: { lato: Lato; tipo: string }): boolean {
  const r = NON_LETTI[lettore];
  return r.lati.includes(voce.lato) && (r.tipi === null || r.tipi.includes(voce.tipo));
}

/** The side of a profile: the company's (employer, intermediary) or the office's (operator, manager). */
export function latoDelRuolo(ruolo: "datore" | "intermediario" | "operatore_sede" | "dirigente_sede"): LatoLettore {
  return ruolo === "datore" || ruolo === "intermediario" ? "azienda" : "sede";
}

/**
 * A free message may be written on a sent domanda, in any state after sending (also after the decision, e.g. to ask
 * about it); a draft is the company's own and has no counterpart yet.
 */
export function filoAperto(stato: string): boolean {
  return stato !== "bozza";
}

// ---- E-mail notifications -------------------------------------------------------------------------------------

/**
 * The thread entries that the company's side also receives by e-mail, with the subject. Only entries written by the
 * Sede or the system: the company knows what it did itself.
 */
const OGGETTI: Record<string, string> = {
  richiesta: "Richiesta di informazioni della Sede INPS",
  decisa: "Decisione sulla domanda",
  rettificata: "Rettifica del provvedimento",
  ripresa: "Istruttoria ripresa",
  messaggio: "Nuovo messaggio della Sede INPS",
  promemoria: "Promemoria",
};

export function notificaPerVoce(voce: { lato: Lato; tipo: string }): { oggetto: string } | null {
  if (voce.lato === "azienda") return null;
  const oggetto = OGGETTI[voce.tipo];
  return oggetto ? { oggetto } : null;
}

export interface DatiNotifica {
  oggetto: string;
  /** The entry as the thread shows it (already free of what the company may not read: no internal notes). */
  descrizione: string;
  prestazione: string;
  protocollo: string | null;
  azienda: string;
  /** Absolute link to the domanda's thread. */
  collegamento: string;
}

/**
 * The e-mail's subject and text. No personal data beyond what every recipient may see on the platform: the company's
 * name, the domanda's number and the thread entry itself; never workers' names or fiscal codes, never the text of a
 * message (it is read on the platform, after signing in).
 */
export function testoNotifica(d: DatiNotifica): { oggetto: string; testo: string } {
  const domanda = d.protocollo ? `domanda ${d.prestazione} n. ${d.protocollo}` : `bozza di domanda ${d.prestazione}`;
  return {
    oggetto: `OMNIA IS — ${d.oggetto}: ${d.protocollo ? `domanda n. ${d.protocollo}` : `bozza ${d.prestazione}`}`,
    testo: [
      `Gentile utente,`,
      ``,
      `c'è una novità sulla ${domanda} di ${d.azienda}:`,
      ``,
      `    ${d.descrizione}`,
      ``,
      `Per leggere i dettagli e rispondere accedi a OMNIA IS con la tua identità digitale:`,
      d.collegamento,
      ``,
      `Questo messaggio è inviato automaticamente: non rispondere a questo indirizzo.`,
      `INPS — OMNIA IS, piattaforma unica delle integrazioni salariali`,
    ].join("\n"),
  };
}

// ---- Reminders ------------------------------------------------------------------------------------------------
// The intervals are choices of the service (issue 13), not of the law: a draft untouched for 7 days; the Sede's
// request 5 and 1 days before its deadline; the conguaglio and the direct-payment data 15 days before decadence (the
// deadlines themselves are the law's: app/domain/scadenze-flussi.ts).

export const PROMEMORIA = { bozzaGiorni: 7, richiestaGiorni: [5, 1] as const, decadenzaGiorni: 15 } as const;

export interface Promemoria {
  /** Unique in the database: the same reminder is never written (nor sent) twice. */
  chiave: string;
  descrizione: string;
}

/** A draft last changed on `modificataIl` (Rome date): one reminder after 7 days, again only if changed since. */
export function promemoriaBozza(domandaId: number, modificataIl: DataISO, oggi: DataISO): Promemoria | null {
  const giorni = diffDays(oggi, modificataIl);
  if (giorni < PROMEMORIA.bozzaGiorni) return null;
  return {
    chiave: `bozza:${domandaId}:${modificataIl}`,
    descrizione: `Promemoria: la bozza non è stata modificata dal ${it(modificataIl)}. Completala e inviala, oppure eliminala se non serve più.`,
  };
}

/**
 * The Sede's open request with its last day to answer: a reminder 5 days before and one 1 day before. A job that ran
 * late still sends the nearest one due (never the 5-day one once the 1-day one is due), and none after the deadline.
 */
export function promemoriaRichiesta(richiestaId: number, scadenza: DataISO, oggi: DataISO): Promemoria | null {
  const giorni = diffDays(scadenza, oggi);
  if (giorni < 0) return null;
  const [primo, ultimo] = PROMEMORIA.richiestaGiorni;
  const soglia = giorni <= ultimo ? ultimo : giorni <= primo ? primo : null;
  if (soglia === null) return null;
  return {
    chiave: `richiesta:${richiestaId}:T-${soglia}`,
    descrizione: `Promemoria: la risposta alla richiesta della Sede è attesa entro il ${it(scadenza)} (${giorni === 0 ? "scade oggi" : giorni === 1 ? "manca 1 giorno" : `mancano ${giorni} giorni`}). Dopo la scadenza l'istruttoria riprende con gli elementi disponibili.`,
  };
}

/** The conguaglio of an authorisation (art. 7 c.3 d.lgs. 148/2015), reminded 15 days before decadence. */
export function promemoriaConguaglio(
  provvedimentoId: number,
  input: { fineAutorizzazione: DataISO; dataProvvedimento: DataISO },
  oggi: DataISO,
): Promemoria | null {
  const s = scadenzaConguaglio({ ...input, oggi, preavvisoGiorni: PROMEMORIA.decadenzaGiorni });
  if (s.scaduta || s.giorniRimanenti > PROMEMORIA.decadenzaGiorni) return null;
  return { chiave: `conguaglio:${provvedimentoId}`, descrizione: `Promemoria: ${s.esito.messaggio} (${s.esito.riferimento})` };
}

/**
 * The direct-payment data of each month of an authorised period (art. 7 c.5-bis d.lgs. 148/2015), reminded 15 days
 * before their deadline: one reminder per month of competence.
 */
export function promemoriaPagamentoDiretto(
  provvedimentoId: number,
  input: { inizio: DataISO; fine: DataISO; dataProvvedimento: DataISO },
  oggi: DataISO,
): Promemoria[] {
  const esiti: Promemoria[] = [];
  for (let mese = `${input.inizio.slice(0, 7)}-01`; mese <= input.fine; mese = primoDelMeseDopo(mese)) {
    const s = scadenzaPagamentoDiretto({ competenza: mese, dataNotificaAutorizzazione: input.dataProvvedimento, oggi, preavvisoGiorni: PROMEMORIA.decadenzaGiorni });
    if (s.scaduta || s.giorniRimanenti > PROMEMORIA.decadenzaGiorni) continue;
    esiti.push({ chiave: `pagamento-diretto:${provvedimentoId}:${mese.slice(0, 7)}`, descrizione: `Promemoria: ${s.esito.messaggio} (${s.esito.riferimento})` });
  }
  return esiti;
}

function primoDelMeseDopo(primo: DataISO): DataISO {
  const d = addDays(primo, 31);
  return `${d.slice(0, 7)}-01`;
}
