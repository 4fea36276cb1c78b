// Termine di presentazione della domanda (art. 15 d.lgs. 148/2015, art. 15 L. 457/1972).
// Una domanda tardiva non si respinge: la copertura parte al più presto una settimana prima della presentazione.
import { addDays, diffDays, fineMese, formatDataItaliana as it, maxData, type DataISO } from "./date";
import { esito, type Esito } from "./esito";
import { parametro } from "./parametri";
import { nomePrestazione, type Prestazione } from "./tipi";

export interface InputTermine {
  prestazione: Prestazione;
  eone: boolean;
  /** Primo giorno di sospensione o riduzione. */
  inizioSospensione: DataISO;
  /** Ultimo giorno richiesto (facoltativo: serve a dire se resta coperto qualche giorno). */
  fineSospensione?: DataISO;
  /** Data dell'evento EONE (di norma coincide con l'inizio della sospensione). */
  dataEvento?: DataISO;
  dataPresentazione: DataISO;
}

export interface EsitoTermine {
  scadenza: DataISO;
  tardiva: boolean;
  giorniRitardo: number;
  /** Primo giorno che la domanda può coprire. */
  inizioCopertura: DataISO;
  esito: Esito;
}

export function verificaTerminePresentazione(input: InputTermine): EsitoTermine {
  const p = parametro(`termini.${input.prestazione}`, input.inizioSospensione);
  const t = p.valore;
  const perEone = input.eone && t.eoneFineMeseSuccessivo;
  // "Entro 15 giorni dall'inizio": il giorno iniziale non si conta, quindi il 15° giorno successivo è l'ultimo utile.
  const scadenza = perEone
    ? fineMese(input.dataEvento ?? input.inizioSospensione, 1)
    : addDays(input.inizioSospensione, t.giorniDallInizio);
  const giorniRitardo = Math.max(0, diffDays(input.dataPresentazione, scadenza));
  const tardiva = giorniRitardo > 0;
  const primoCopribile = addDays(input.dataPresentazione, -t.giorniRetroattiviTardiva);
  const inizioCopertura = tardiva ? maxData(input.inizioSospensione, primoCopribile) : input.inizioSospensione;
  const nome = nomePrestazione(input.prestazione);
  const regolaTermine = perEone ? "entro la fine del mese successivo a quello dell'evento" : `entro ${t.giorniDallInizio} giorni dall'inizio della sospensione`;
  const dati = {
    ...input, scadenza, tardiva, giorniRitardo, inizioCopertura, eoneFineMeseSuccessivo: perEone,
  };
  const nessunGiornoCoperto = tardiva && input.fineSospensione !== undefined && input.fineSospensione < inizioCopertura;
  let messaggio: string;
  if (!tardiva) {
    messaggio = `La domanda di ${nome} è nei termini: va presentata ${regolaTermine}, cioè entro il ${it(scadenza)}.`;
  } else if (nessunGiornoCoperto) {
    messaggio = `La domanda di ${nome} è tardiva di ${giorniRitardo} giorni (termine ${it(scadenza)}): la copertura può partire al più presto dal ${it(inizioCopertura)}, quindi nessun giorno del periodo richiesto può essere coperto.`;
  } else {
    messaggio = `La domanda di ${nome} è tardiva di ${giorniRitardo} giorni (termine ${it(scadenza)}): il periodo coperto può iniziare al più presto dal ${it(inizioCopertura)}, una settimana prima della presentazione.`;
  }
  return {
    scadenza, tardiva, giorniRitardo, inizioCopertura,
    esito: esito({
      regola: "termini.presentazione",
      riferimento: p.riferimento,
      gravita: tardiva ? "avviso" : "informazione",
      messaggio,
      dati,
      parametri: [p],
    }),
  };
}
