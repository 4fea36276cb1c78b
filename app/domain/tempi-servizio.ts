// Tempi del servizio, pagina pubblica per prestazione (docs/regole.md §20): giorni dall'invio alla decisione delle
// domande decise negli ultimi 90 giorni (mediana e 90° percentile, metodo del rango più vicino), domande in attesa,
// quota decisa entro il termine per decidere, data attesa della decisione per una domanda inviata oggi. Sotto la
// soglia dei piccoli numeri una misura non si pubblica e la pagina lo dice. Nessun dato personale o aziendale entra.
import { addDays, diffDays, formatDataItaliana as it, type DataISO } from "./date";
import { esito, type Esito } from "./esito";
import { parametro } from "./parametri";
import { nomePrestazione, type Prestazione } from "./tipi";

export interface DecisioneRecente {
  inviataIl: DataISO;
  decisaIl: DataISO;
  /** Ultimo giorno utile per decidere (termineDecisione, sospensioni comprese). */
  scadenza: DataISO;
}

/** Percentile con il metodo del rango più vicino: il valore in posizione ⌈p/100 × n⌉ dei valori ordinati. */
export function percentile(valori: readonly number[], p: number): number | null {
  if (valori.length === 0) return null;
  if (!(p > 0 && p <= 100)) throw new RangeError("Il percentile va da 0 (escluso) a 100");
  const ordinati = [...valori].sort((a, b) => a - b);
  return ordinati[Math.ceil((p / 100) * ordinati.length) - 1];
}

export interface TempiServizio {
  prestazione: Prestazione;
  finestra: { inizio: DataISO; fine: DataISO };
  soglia: number;
  decise: number;
  /** Vero se le decisioni sono meno della soglia: mediana, percentile, quota e data attesa non si pubblicano. */
  soppresse: boolean;
  medianaGiorni: number | null;
  percentile90Giorni: number | null;
  /** Percentuale (0–100, intera) delle domande decise entro il termine. */
  quotaEntroTermine: number | null;
  /** Domande in attesa di decisione; null se meno della soglia (ma più di zero). */
  inAttesa: number | null;
  inAttesaSoppresse: boolean;
  termineGiorni: number;
  /** Per una domanda inviata oggi: la decisione attesa (mediana), entro il 90° percentile, e il termine di legge. */
  dataAttesa: DataISO | null;
  dataAttesa90: DataISO | null;
  dataTermine: DataISO;
  esiti: { tempi: Esito; attesa: Esito; entroTermine: Esito; dataAttesa: Esito };
}

const PARAMETRO_TERMINE = {
  CIGO: "istruttoria.termineDecisione.CIGO",
  AIS_FIS: "istruttoria.termineDecisione.AIS_FIS",
  AIS_FONDO: "istruttoria.termineDecisione.AIS_FONDO",
  CISOA: "istruttoria.termineDecisione.CISOA",
} as const;

const giorni = (n: number) => (n === 1 ? "1 giorno" : `${n} giorni`);

export function tempiServizio(input: {
  prestazione: Prestazione;
  oggi: DataISO;
  /** Le decisioni prese nella finestra (decisaIl dentro finestraTempiServizio). */
  decisioni: readonly DecisioneRecente[];
  inAttesa: number;
}): TempiServizio {
  const p = parametro("statistiche.tempiServizio", input.oggi);
  const termine = parametro(PARAMETRO_TERMINE[input.prestazione], input.oggi);
  const finestra = finestraTempiServizio(input.oggi);
  const nel = input.decisioni.filter((d) => finestra.inizio <= d.decisaIl && d.decisaIl <= finestra.fine);
  const soglia = p.valore.sogliaPiccoliNumeri;
  const soppresse = nel.length < soglia;
  const durate = nel.map((d) => diffDays(d.decisaIl, d.inviataIl));
  const entro = nel.filter((d) => d.decisaIl <= d.scadenza).length;
  const mediana = soppresse ? null : percentile(durate, 50);
  const p90 = soppresse ? null : percentile(durate, 90);
  const quota = soppresse || nel.length === 0 ? null : Math.round((entro * 100) / nel.length);
  const inAttesaSoppresse = input.inAttesa > 0 && input.inAttesa < soglia;
  const nome = nomePrestazione(input.prestazione);
  const dataTermine = addDays(input.oggi, termine.valore.giorni);
  const dataAttesa = mediana === null ? null : addDays(input.oggi, mediana);
  const dataAttesa90 = p90 === null ? null : addDays(input.oggi, p90);
  const periodo = `dal ${it(finestra.inizio)} al ${it(finestra.fine)}`;
  const piccoli = `meno di ${soglia} domande: il dato non si pubblica per non rendere riconoscibili i casi`;
  const riferimento = p.riferimento;
  return {
    prestazione: input.prestazione, finestra, soglia, decise: nel.length, soppresse,
    medianaGiorni: mediana, percentile90Giorni: p90, quotaEntroTermine: quota,
    inAttesa: inAttesaSoppresse ? null : input.inAttesa, inAttesaSoppresse,
    termineGiorni: termine.valore.giorni, dataAttesa, dataAttesa90, dataTermine,
    esiti: {
      tempi: esito({
        regola: "statistiche.tempiServizio.durata", riferimento, gravita: "informazione",
        messaggio: soppresse
          ? `Domande di ${nome} decise ${periodo}: ${nel.length === 0 ? "nessuna" : piccoli}.`
          : `Per le ${nel.length} domande di ${nome} decise ${periodo} si contano i giorni di calendario dall'invio alla decisione e si ordinano: la mediana è il valore in posizione ⌈0,5 × ${nel.length}⌉ = ${Math.ceil(nel.length / 2)} (${giorni(mediana!)}), il 90° percentile quello in posizione ⌈0,9 × ${nel.length}⌉ = ${Math.ceil(0.9 * nel.length)} (${giorni(p90!)}).`,
        dati: { finestra, decise: nel.length, soglia, mediana, percentile90: p90 },
        parametri: [p],
      }),
      attesa: esito({
        regola: "statistiche.tempiServizio.inAttesa", riferimento, gravita: "informazione",
        messaggio: inAttesaSoppresse
          ? `Domande di ${nome} inviate e non ancora decise oggi, ${it(input.oggi)}: ${piccoli}.`
          : `Domande di ${nome} inviate e non ancora decise oggi, ${it(input.oggi)} (inviate, in istruttoria o sospese per una richiesta della Sede): ${input.inAttesa}.`,
        dati: { soglia, soppresse: inAttesaSoppresse },
        parametri: [p],
      }),
      entroTermine: esito({
        regola: "statistiche.tempiServizio.entroTermine", riferimento: termine.riferimento, gravita: "informazione",
        messaggio: quota === null
          ? `Quota delle domande di ${nome} decise entro il termine ${periodo}: ${nel.length === 0 ? "nessuna domanda decisa" : piccoli}.`
          : `${entro} domande su ${nel.length} decise ${periodo} sono state decise entro il termine per decidere (${termine.valore.giorni} giorni dall'invio o dall'inizio del periodo se successivo, più le sospensioni per supplemento istruttorio): ${entro} ÷ ${nel.length} = ${quota}%.`,
        dati: { entro, decise: nel.length, quota },
        parametri: [p, termine],
      }),
      dataAttesa: esito({
        regola: "statistiche.tempiServizio.dataAttesa", riferimento: termine.riferimento, gravita: "informazione",
        messaggio: dataAttesa === null
          ? `Per una domanda di ${nome} inviata oggi non si stima una data dai tempi recenti (${nel.length === 0 ? "nessuna domanda decisa" : piccoli}); il termine per decidere è di ${termine.valore.giorni} giorni: ${it(dataTermine)}, salvo sospensioni o periodo che inizia dopo l'invio.`
          : `Una domanda di ${nome} inviata oggi, ${it(input.oggi)}: decisione attesa il ${it(dataAttesa)} (oggi più la mediana di ${giorni(mediana!)}); 9 domande su 10 decise entro il ${it(dataAttesa90!)} (oggi più il 90° percentile). Il termine per decidere scade il ${it(dataTermine)} (${termine.valore.giorni} giorni), salvo sospensioni o periodo che inizia dopo l'invio.`,
        dati: { oggi: input.oggi, mediana, percentile90: p90, dataAttesa, dataAttesa90, dataTermine },
        parametri: [p, termine],
      }),
    },
  };
}

/** Le decisioni considerate: quelle degli ultimi `finestraGiorni` giorni, oggi compreso. */
export function finestraTempiServizio(oggi: DataISO): { inizio: DataISO; fine: DataISO } {
  const p = parametro("statistiche.tempiServizio", oggi);
  return { inizio: addDays(oggi, -(p.valore.finestraGiorni - 1)), fine: oggi };
}
