// The life of a domanda: which states and transitions exist, who performs them, the Italian labels and the next
// action per state. Pure module and the one list of states: the database enum (db/schema.ts) is built from it;
// services check a transition here before running it, lists and detail pages read labels and actions; the
// istruttoria adds its transitions without new states.
export const STATI_DOMANDA = [
  "bozza",
  "inviata",
  "in_istruttoria",
  "sospesa",
  "autorizzata",
  "autorizzata_parziale",
  "respinta",
  "rinunciata",
] as const;

export type StatoDomanda = (typeof STATI_DOMANDA)[number];

export type Transizione =
  | "invia"
  | "elimina"
  | "rinuncia"
  | "prendi_in_carico"
  | "richiedi"
  | "rispondi"
  | "riprendi"
  | "decidi"
  | "rettifica";

/** Who may perform a transition: the company's side (employer or intermediary) or the Sede. */
export type Attore = "azienda" | "sede";

interface RegolaTransizione {
  da: readonly StatoDomanda[];
  /** null: the row is deleted (a draft that is thrown away leaves only its audit entry). */
  verso: readonly StatoDomanda[] | null;
  attore: Attore;
  /**
   * The transition issues a new act linked to the earlier one instead of changing it (a rettifica of a decision):
   * decisions are final for the ordinary flow, so these transitions do not make a state non-final.
   */
  nuovoAtto?: true;
}

export const TRANSIZIONI: Record<Transizione, RegolaTransizione> = {
  invia: { da: ["bozza"], verso: ["inviata"], attore: "azienda" },
  elimina: { da: ["bozza"], verso: null, attore: "azienda" },
  // Withdrawal is possible until the Sede decides, also while it is examining or waiting for an answer.
  rinuncia: { da: ["inviata", "in_istruttoria", "sospesa"], verso: ["rinunciata"], attore: "azienda" },
  prendi_in_carico: { da: ["inviata"], verso: ["in_istruttoria"], attore: "sede" },
  // A supplemento istruttorio or a request for documents (art. 11 c.2 D.M. 95442/2016) suspends the case.
  richiedi: { da: ["in_istruttoria"], verso: ["sospesa"], attore: "sede" },
  // The company's answer brings the case back to the operator...
  rispondi: { da: ["sospesa"], verso: ["in_istruttoria"], attore: "azienda" },
  // ...and so does the operator once the deadline has passed or the request is closed.
  riprendi: { da: ["sospesa"], verso: ["in_istruttoria"], attore: "sede" },
  decidi: {
    da: ["in_istruttoria"],
    verso: ["autorizzata", "autorizzata_parziale", "respinta"],
    attore: "sede",
  },
  // A correction is a new act linked to the decision it corrects, never an overwrite of it.
  rettifica: {
    da: ["autorizzata", "autorizzata_parziale", "respinta"],
    verso: ["autorizzata", "autorizzata_parziale", "respinta"],
    attore: "sede",
    nuovoAtto: true,
  },
};

export const ETICHETTE_STATO: Record<StatoDomanda, string> = {
  bozza: "Bozza",
  inviata: "Inviata",
  in_istruttoria: "In istruttoria",
  sospesa: "Sospesa in attesa di risposta",
  autorizzata: "Autorizzata",
  autorizzata_parziale: "Autorizzata parzialmente",
  respinta: "Respinta",
  rinunciata: "Rinunciata",
};

/** Bootstrap badge classes per state (literal names: the CSS purge keeps only classes written in full). */
export const CLASSI_STATO: Record<StatoDomanda, string> = {
  bozza: "bg-secondary",
  inviata: "bg-primary",
  in_istruttoria: "bg-primary",
  sospesa: "bg-warning text-dark",
  autorizzata: "bg-success",
  autorizzata_parziale: "bg-success",
  respinta: "bg-danger",
  rinunciata: "bg-dark",
};

export function statoDomandaValido(valore: string): valore is StatoDomanda {
  return (STATI_DOMANDA as readonly string[]).includes(valore);
}

/** May `transizione` start from `stato`? */
export function transizionePossibile(stato: StatoDomanda, transizione: Transizione): boolean {
  return TRANSIZIONI[transizione].da.includes(stato);
}

/** The states reachable from `stato` (row deletion is not a state). */
export function statiSuccessivi(stato: StatoDomanda): StatoDomanda[] {
  const verso = Object.values(TRANSIZIONI)
    .filter((t) => t.da.includes(stato) && t.verso)
    .flatMap((t) => t.verso ?? []);
  return [...new Set(verso)];
}

/**
 * A decided or withdrawn domanda changes no more in the ordinary flow: only a rettifica (a new linked act) or a later
 * appeal (a new procedure) follows.
 */
export function statoFinale(stato: StatoDomanda): boolean {
  return !Object.values(TRANSIZIONI).some((t) => !t.nuovoAtto && t.da.includes(stato) && t.verso && t.verso.length > 0);
}

function azioni(attore: Attore, stato: StatoDomanda): Transizione[] {
  return (Object.keys(TRANSIZIONI) as Transizione[]).filter(
    (t) => TRANSIZIONI[t].attore === attore && transizionePossibile(stato, t),
  );
}

/** What the company's side (employer or intermediary) may do on a domanda in `stato`. */
export function azioniAzienda(stato: StatoDomanda): Transizione[] {
  return azioni("azienda", stato);
}

/** What the Sede's operator may do on a domanda in `stato` (the assignment rule is the authorisation module's). */
export function azioniSede(stato: StatoDomanda): Transizione[] {
  return azioni("sede", stato);
}

/** May the transition lead from `da` to `verso`? (decidi and rettifica choose among several outcomes). */
export function transizioneVerso(da: StatoDomanda, transizione: Transizione, verso: StatoDomanda): boolean {
  const t = TRANSIZIONI[transizione];
  return t.da.includes(da) && (t.verso ?? []).includes(verso);
}

export interface ProssimaAzione {
  etichetta: string;
  /** Path relative to /domande/:id. */
  percorso: "" | "dettaglio";
}

/** What "Le tue domande" offers next: a draft is continued, everything else is looked at. */
export function prossimaAzione(stato: StatoDomanda): ProssimaAzione {
  if (stato === "bozza") return { etichetta: "Continua la compilazione", percorso: "" };
  return { etichetta: "Vedi dettaglio", percorso: "dettaglio" };
}
