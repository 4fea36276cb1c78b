// How the public service-time figures read as rows: one list for the page's table and its CSV (no second copy).
import { formatDataItaliana as it } from "~/domain/date";
import type { TempiServizio } from "~/domain/tempi-servizio";

const giorni = (n: number) => (n === 1 ? "1 giorno" : `${n} giorni`);

export interface RigaTempi {
  misura: string;
  valore: string;
  /** The same figure as a bare value for the CSV (days, count, percentage or ISO date); empty if not published. */
  grezzo: string | number | null;
  chiave: keyof TempiServizio["esiti"];
}

export function righeTempi(t: TempiServizio): RigaTempi[] {
  const nonPubblicato = `non pubblicato (meno di ${t.soglia} domande)`;
  return [
    { chiave: "tempi", misura: "Domande decise negli ultimi 90 giorni", valore: String(t.decise), grezzo: t.decise },
    { chiave: "tempi", misura: "Giorni dall'invio alla decisione, mediana", valore: t.medianaGiorni === null ? nonPubblicato : giorni(t.medianaGiorni), grezzo: t.medianaGiorni },
    { chiave: "tempi", misura: "Giorni dall'invio alla decisione, 90° percentile", valore: t.percentile90Giorni === null ? nonPubblicato : giorni(t.percentile90Giorni), grezzo: t.percentile90Giorni },
    { chiave: "attesa", misura: "Domande in attesa di decisione", valore: t.inAttesa === null ? `meno di ${t.soglia}` : String(t.inAttesa), grezzo: t.inAttesa },
    { chiave: "entroTermine", misura: "Decise entro il termine per decidere", valore: t.quotaEntroTermine === null ? nonPubblicato : `${t.quotaEntroTermine}%`, grezzo: t.quotaEntroTermine },
    { chiave: "dataAttesa", misura: "Domanda inviata oggi: decisione attesa", valore: t.dataAttesa === null ? nonPubblicato : it(t.dataAttesa), grezzo: t.dataAttesa },
    { chiave: "dataAttesa", misura: "Domanda inviata oggi: 9 su 10 decise entro", valore: t.dataAttesa90 === null ? nonPubblicato : it(t.dataAttesa90), grezzo: t.dataAttesa90 },
    { chiave: "dataAttesa", misura: `Domanda inviata oggi: termine per decidere (${t.termineGiorni} giorni)`, valore: it(t.dataTermine), grezzo: t.dataTermine },
  ];
}
