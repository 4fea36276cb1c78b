// Scadenze dei flussi (art. 7 d.lgs. 148/2015): dati per il pagamento diretto (art. 7 c.5-bis) e conguaglio (art. 7 c.3).
import { addDays, addMonths, diffDays, fineMese, formatDataItaliana as it, maxData, type DataISO } from "./date";
import { esito, type Esito } from "./esito";
import { parametro } from "./parametri";

export interface EsitoScadenza {
  scadenza: DataISO;
  giorniRimanenti: number;
  scaduta: boolean;
  esito: Esito;
}

function gravita(giorni: number, preavviso: number) {
  return giorni < 0 ? ("bloccante" as const) : giorni <= preavviso ? ("avviso" as const) : ("informazione" as const);
}

function restano(giorni: number): string {
  if (giorni < 0) return `scaduto da ${-giorni} ${-giorni === 1 ? "giorno" : "giorni"}`;
  if (giorni === 0) return "scade oggi";
  return `${giorni === 1 ? "resta 1 giorno" : `restano ${giorni} giorni`}`;
}

/**
 * Pagamento diretto: entro la fine del secondo mese successivo a quello del periodo di integrazione, o entro 60 giorni
 * dalla notifica dell'autorizzazione se più tardi. `preavvisoGiorni`: da quanti giorni prima avvisare (predefinito 15).
 */
export function scadenzaPagamentoDiretto(input: {
  /** Una data del mese di competenza del periodo di integrazione. */
  competenza: DataISO;
  dataNotificaAutorizzazione: DataISO | null;
  oggi: DataISO;
  preavvisoGiorni?: number;
}): EsitoScadenza {
  const p = parametro("flussi.pagamentoDiretto", input.competenza);
  const daPeriodo = fineMese(input.competenza, p.valore.mesiDopoPeriodo);
  const daNotifica = input.dataNotificaAutorizzazione ? addDays(input.dataNotificaAutorizzazione, p.valore.giorniDopoAutorizzazione) : null;
  const scadenza = daNotifica ? maxData(daPeriodo, daNotifica) : daPeriodo;
  const giorni = diffDays(scadenza, input.oggi);
  const provvisoria = daNotifica === null ? " (provvisoria: l'autorizzazione non è ancora notificata e potrà spostarla in avanti)" : "";
  // Alike the conguaglio deadline below (duplicates): each deadline is returned with its own rule id, legal source and
  // explanation
  return {
    scadenza, giorniRimanenti: giorni, scaduta: giorni < 0,
    esito: esito({
      regola: "flussi.pagamentoDiretto",
      riferimento: p.riferimento,
      gravita: gravita(giorni, input.preavvisoGiorni ?? 15),
      messaggio: `I dati per il pagamento diretto del mese di competenza ${input.competenza.slice(5, 7)}/${input.competenza.slice(0, 4)} vanno inviati entro il ${it(scadenza)}${provvisoria}: ${restano(giorni)}.${giorni < 0 ? " Dopo la scadenza la prestazione e i relativi oneri restano a carico del datore di lavoro." : ""}`,
      dati: { ...input, fineSecondoMese: daPeriodo, sessantaGiorniDallaNotifica: daNotifica, scadenza, giorniRimanenti: giorni },
      parametri: [p],
    }),
  };
}

/**
 * Conguaglio: a pena di decadenza entro 6 mesi dalla fine del periodo di paga in corso alla scadenza del periodo
 * autorizzato (paga mensile: fine di quel mese), o dalla data del provvedimento se successiva.
 */
export function scadenzaConguaglio(input: {
  fineAutorizzazione: DataISO;
  dataProvvedimento: DataISO;
  oggi: DataISO;
  preavvisoGiorni?: number;
}): EsitoScadenza {
  const p = parametro("flussi.conguaglio", input.fineAutorizzazione);
  const finePeriodoPaga = fineMese(input.fineAutorizzazione);
  const decorrenza = maxData(finePeriodoPaga, input.dataProvvedimento);
  const scadenza = addMonths(decorrenza, p.valore.mesi);
  const giorni = diffDays(scadenza, input.oggi);
  // Alike the direct payment deadline above (duplicates): each deadline is returned with its own rule id, legal source
  // and explanation
  return {
    scadenza, giorniRimanenti: giorni, scaduta: giorni < 0,
    esito: esito({
      regola: "flussi.conguaglio",
      riferimento: p.riferimento,
      gravita: gravita(giorni, input.preavvisoGiorni ?? 15),
      messaggio: `Il conguaglio dell'autorizzazione va esposto entro il ${it(scadenza)}, ${p.valore.mesi} mesi dal ${it(decorrenza)}: ${restano(giorni)}.`,
      dati: { ...input, finePeriodoPaga, decorrenza, scadenza, giorniRimanenti: giorni },
      parametri: [p],
    }),
  };
}
