// Who may do what: the one policy of the platform, as a pure function of facts the authorisation service gathers
// (app/services/autorizzazione.server.ts). Every loader, action and service asks it through that service.
//
// - Employer: the legal representative of the company chosen at sign-in, or an employee the legal representative
//   enabled for that company (sub-abilitazione: the company's acts, never its deleghe).
// - Intermediary: a delega from the company valid on the date of the act (L. 12/1979 art. 1 for labour
//   consultants; the delega is read on that date, not today: it may have expired since).
// - Operator and office manager: by the assignment rule, the competent sede of the company by default, or the pool
//   (every sede) if so configured; they never see drafts, which are the company's own until sent.
// - Read-only manager (dirigente_sede): reads what the sede's operators read, changes nothing.
// - System actor: the background jobs (reminders, deadlines of the interlocuzione); it may read and move a case
//   along the Sede's transitions, never act in the company's name.

// Alike tipi.ts's unions (duplicates): string-literal unions of different things (roles and actions here, benefits and
// funds there)
export type Ruolo = "datore" | "intermediario" | "operatore_sede" | "dirigente_sede";

export type Azione =
  /** Read a domanda: summary, detail, receipt, attachments. */
  | "vedi_domanda"
  /** Change a draft's answers and attachments. */
  | "compila_domanda"
  | "invia_domanda"
  | "elimina_bozza"
  | "rinuncia_domanda"
  /** Answer a request of the Sede (supplemento istruttorio, documents) in the company's name. */
  | "rispondi_richiesta"
  /** The Sede's work on a sent domanda (presa in carico, richieste, decisione). */
  | "istruisci_domanda"
  /** Read a company's registry data and start a domanda for it. */
  | "vedi_azienda"
  | "crea_domanda"
  /** Send the UniEmens-Cig returns of the company for direct payment (art. 7 c.5-bis d.lgs. 148/2015). */
  | "invia_flusso"
  /** Read the Sede's direct-payment work: amounts, exceptions, batches (operators and office managers). */
  | "vedi_pagamenti"
  /** Resolve exceptions, prepare, approve and send payment batches (operators; jobs match returns and compute amounts). */
  | "lavora_pagamenti"
  /** Write a free message in the domanda's thread (issue 13): the company's side, or the operator examining it. */
  | "scrivi_messaggio"
  /** Confirm, refuse or revoke the company's deleghe and enable its employees: the legal representative only. */
  | "gestisci_deleghe"
  /** Ask a company for a delega (or declare one): any intermediary, on any company. */
  | "richiedi_delega";

// Alike AZIONI_AZIENDA below (duplicates): this is every action; the company's set is written out in full so that a
// reader sees what a company may do
export const AZIONI: readonly Azione[] = [
  "vedi_domanda",
  "compila_domanda",
  "invia_domanda",
  "elimina_bozza",
  "rinuncia_domanda",
  "rispondi_richiesta",
  "istruisci_domanda",
  "vedi_azienda",
  "crea_domanda",
  "invia_flusso",
  "vedi_pagamenti",
  "lavora_pagamenti",
  "scrivi_messaggio",
  "gestisci_deleghe",
  "richiedi_delega",
];

/** Acts done in the company's name: only its legal representative or an intermediary with a delega. */
// Alike AZIONI above (duplicates): the company's subset written out in full on purpose, so that a reader sees what a
// company may do
const AZIONI_AZIENDA: ReadonlySet<Azione> = new Set([
  "vedi_domanda",
  "compila_domanda",
  "invia_domanda",
  "elimina_bozza",
  "rinuncia_domanda",
  "rispondi_richiesta",
  "vedi_azienda",
  "crea_domanda",
  "invia_flusso",
  "scrivi_messaggio",
]);

const AZIONI_LETTURA: ReadonlySet<Azione> = new Set(["vedi_domanda", "vedi_azienda", "vedi_pagamenti"]);

/** What only an operator (and a job) changes on the Sede's side; the manager reads it. */
const AZIONI_OPERATORE: ReadonlySet<Azione> = new Set(["istruisci_domanda", "lavora_pagamenti"]);

/** The operator's, never a job's: a message in the thread is written by a person. */
const AZIONI_SOLO_OPERATORE: ReadonlySet<Azione> = new Set(["scrivi_messaggio"]);

/** How operators are assigned to cases: the company's competent sede, or every sede in one pool. */
export type RegolaAssegnazione = "sede_competente" | "pool";

export type ChiAgisce = { tipo: "utente"; ruolo: Ruolo } | { tipo: "sistema" };

/** The facts about the actor and the resource that the policy needs (gathered by the service). */
export interface Fatti {
  /** The actor is the legal representative of the company and chose it at sign-in. */
  legaleRappresentante: boolean;
  /** The actor is an employee the legal representative enabled on the company, valid on the date of the act. */
  incaricato?: boolean;
  /** The actor holds a delega from the company valid on the date of the act. */
  delegaValida: boolean;
  /** The actor is enabled on the company's competent sede. */
  sedeAbilitata: boolean;
  /** The resource is a domanda still in draft (null for a company). */
  bozza: boolean | null;
  regola: RegolaAssegnazione;
}

/** May this role do this action on some resource at all? (Pages of one side, e.g. "Le tue domande", ask this.) */
export function ruoloPuo(ruolo: Ruolo, azione: Azione): boolean {
  if (ruolo === "datore") return AZIONI_AZIENDA.has(azione) || azione === "gestisci_deleghe";
  if (ruolo === "intermediario") return AZIONI_AZIENDA.has(azione) || azione === "richiedi_delega";
  if (AZIONI_LETTURA.has(azione)) return true;
  return ruolo === "operatore_sede" && (AZIONI_OPERATORE.has(azione) || AZIONI_SOLO_OPERATORE.has(azione));
}

export function puo(chi: ChiAgisce, azione: Azione, f: Fatti): boolean {
  if (chi.tipo === "sistema") {
    // Jobs read and move the Sede's side of sent domande; they never act for the company nor open drafts.
    return f.bozza !== true && (AZIONI_LETTURA.has(azione) || AZIONI_OPERATORE.has(azione));
  }
  switch (chi.ruolo) {
    case "datore":
      if (azione === "gestisci_deleghe") return f.legaleRappresentante;
      return AZIONI_AZIENDA.has(azione) && (f.legaleRappresentante || f.incaricato === true);
    case "intermediario":
      if (azione === "richiedi_delega") return true;
      return AZIONI_AZIENDA.has(azione) && f.delegaValida;
    case "operatore_sede":
    case "dirigente_sede": {
      const assegnata = f.regola === "pool" || f.sedeAbilitata;
      if (!assegnata || f.bozza === true) return false;
      if (AZIONI_LETTURA.has(azione)) return true;
      return chi.ruolo === "operatore_sede" && (AZIONI_OPERATORE.has(azione) || AZIONI_SOLO_OPERATORE.has(azione));
    }
  }
}

/** The office side (operator, office manager): the pages of the Sede's desk are theirs only, never the company's. */
export function ruoloSede(ruolo: Ruolo): boolean {
  return ruolo === "operatore_sede" || ruolo === "dirigente_sede";
}
