// Importi (art. 3 e art. 5 d.lgs. 148/2015). Denaro sempre in centesimi interi, mai in virgola mobile.
import { addDays, addMonths, finestraAnni, formatDataItaliana as it, type DataISO, type Intervallo } from "./date";
import { giorniUtilizzati, settimaneDaGiorni, settimaneNelQuinquennio, type GiorniSettimanali } from "./durate";
import { euro as formatEuro } from "./formati";
import { esito, type Esito } from "./esito";
import { parametro, parametroSeInVigore, type FasciaContributo, type Frazione, type VersioneParametroApplicata } from "./parametri";
import type { DecisioneIntemperie } from "./pagamenti/massimale-intemperie";
import { nomePrestazione, type PeriodoPrecedente, type Prestazione } from "./tipi";

/** Divisione intera arrotondata al centesimo più vicino (metà per eccesso), su numeri non negativi. */
function divArrotondata(numeratore: number, denominatore: number): number {
  return Math.floor((2 * numeratore + denominatore) / (2 * denominatore));
}

const euro = formatEuro;
/** Weeks in Italian (2,8 settimane), at most two decimals. */
const SETTIMANE = new Intl.NumberFormat("it-IT", { maximumFractionDigits: 2 });

export interface InputIntegrazione {
  prestazione: Prestazione;
  /** Una data del mese di competenza: sceglie il massimale dell'anno. */
  competenza: DataISO;
  retribuzioneOrariaCentesimi: number;
  /** Orario contrattuale settimanale (ore). */
  orarioSettimanale: number;
  /** Ore non lavorate, settimana per settimana, nel mese di competenza. */
  oreNonLavoratePerSettimana: number[];
  /** Edilizia o lapidei con causale intemperie stagionali: massimale maggiorato del 20%. */
  intemperieEdiliziaLapidei?: boolean;
  /** CISOA per intemperie stagionali: il massimale non si applica. */
  cisoaIntemperie?: boolean;
}

export interface EsitoIntegrazione {
  settimane: Array<{ oreNonLavorate: number; oreIndennizzate: number; importoCentesimi: number }>;
  lordoCentesimi: number;
  massimaleCentesimi: number | null;
  lordoLimitatoCentesimi: number;
  riduzioneCentesimi: number;
  nettoCentesimi: number;
  esito: Esito;
}

export function calcolaIntegrazione(input: InputIntegrazione): EsitoIntegrazione {
  if (!Number.isInteger(input.retribuzioneOrariaCentesimi) || input.retribuzioneOrariaCentesimi < 0) {
    throw new RangeError("La retribuzione oraria va espressa in centesimi interi non negativi");
  }
  if (!(input.orarioSettimanale > 0)) throw new RangeError("L'orario settimanale deve essere positivo");
  const d = input.competenza;
  const cisoa = input.prestazione === "CISOA";
  const misura = cisoa ? parametro("cisoa.percentuale", d) : parametro("importo.percentuale", d);
  const riduzione = parametro("importo.riduzione", d);
  const orarioCentesimi = Math.round(input.orarioSettimanale * 100);
  const paga = input.retribuzioneOrariaCentesimi;

  // Settimana per settimana: ore tra zero e l'orario contrattuale (in centesimi d'ora).
  const settimane = input.oreNonLavoratePerSettimana.map((ore) => {
    const oreCentesimi = Math.min(Math.max(0, Math.round(ore * 100)), orarioCentesimi);
    const importo = cisoa
      ? divArrotondata(paga * oreCentesimi * (misura.valore as { numeratore: number }).numeratore, 100 * (misura.valore as { denominatore: number }).denominatore)
      : divArrotondata(paga * oreCentesimi * (misura.valore as number), 100 * 10_000);
    return { oreNonLavorate: ore, oreIndennizzate: oreCentesimi / 100, importoCentesimi: importo, oreCentesimi };
  });
  const lordo = settimane.reduce((s, x) => s + x.importoCentesimi, 0);
  const oreIntegrateCentesimi = settimane.reduce((s, x) => s + x.oreCentesimi, 0);

  const senzaMassimale = cisoa && input.cisoaIntemperie === true && parametro("cisoa.massimaleIntemperie", d).valore === false;
  const parametriUsati: VersioneParametroApplicata<unknown>[] = [misura, riduzione];
  const massimali = senzaMassimale ? null : massimaliDelMese(d, oreIntegrateCentesimi, orarioCentesimi, input.intemperieEdiliziaLapidei === true);
  if (massimali) parametriUsati.push(...massimali.parametri);
  const massimale = massimali?.lordoCentesimi ?? null;
  const { limitato, trattenuta, netto } = limitaERiduci(lordo, massimali, riduzione.valore);
  const percentuale = cisoa
    ? `${(misura.valore as { numeratore: number }).numeratore}/${(misura.valore as { denominatore: number }).denominatore}`
    : `${(misura.valore as number) / 100}%`;
  const messaggio =
    `${nomePrestazione(input.prestazione)}: ${percentuale} della retribuzione oraria di ${euro(paga)} per ${oreIntegrateCentesimi / 100} ore = ${euro(lordo)} lordi` +
    (massimale === null
      ? " (massimale non applicato alla CISOA per intemperie stagionali)"
      : lordo > massimale
        ? `, ridotti al massimale di ${euro(massimale)}`
        : `, entro il massimale di ${euro(massimale)}`) +
    `; meno la riduzione del ${riduzione.valore / 100}% (${euro(trattenuta)}) restano ${euro(netto)}.`;
  return {
    settimane: settimane.map(({ oreCentesimi: _o, ...s }) => s),
    lordoCentesimi: lordo,
    massimaleCentesimi: massimale,
    lordoLimitatoCentesimi: limitato,
    riduzioneCentesimi: trattenuta,
    nettoCentesimi: netto,
    esito: esito({
      regola: "importi.integrazione",
      riferimento: cisoa ? "art. 8 L. 457/1972; art. 26 L. 41/1986" : "art. 3 d.lgs. 148/2015; art. 26 L. 41/1986",
      gravita: "informazione",
      messaggio,
      dati: {
        ...input, lordoCentesimi: lordo, massimaleCentesimi: massimale, lordoLimitatoCentesimi: limitato,
        riduzioneCentesimi: trattenuta, nettoCentesimi: netto, oreIntegrate: oreIntegrateCentesimi / 100,
      },
      parametri: parametriUsati,
    }),
  };
}

interface MassimaliDelMese {
  lordoCentesimi: number;
  nettoCentesimi: number;
  parametri: VersioneParametroApplicata<unknown>[];
}

/**
 * Il massimale del mese per le ore integrate, lordo e netto: ciascuno dal proprio importo pubblicato dall'INPS, mai
 * l'uno ricavato dall'altro (la circolare arrotonda da importi non arrotondati: il netto ricalcolato può differire di
 * qualche centesimo). Il modo di rapportarlo a un mese integrato in parte è un parametro incerto.
 */
function massimaliDelMese(d: DataISO, oreIntegrateCentesimi: number, orarioCentesimi: number, intemperie: boolean): MassimaliDelMese {
  const m = parametro("massimale.mensile", d);
  const prop = parametro("massimale.proporzionamento", d);
  const lordo = intemperie ? m.valore.intemperieLordoCentesimi : m.valore.lordoCentesimi;
  const netto = intemperie ? m.valore.intemperieNettoCentesimi : m.valore.nettoCentesimi;
  if (prop.valore.metodo === "mese_intero") return { lordoCentesimi: lordo, nettoCentesimi: netto, parametri: [m, prop] };
  // Ore contrattuali del mese = orario settimanale × 52 / 12.
  const rapporta = (x: number) =>
    Math.min(x, divArrotondata(x * oreIntegrateCentesimi * prop.valore.mesiAnno, orarioCentesimi * prop.valore.settimaneAnno));
  return { lordoCentesimi: rapporta(lordo), nettoCentesimi: rapporta(netto), parametri: [m, prop] };
}

/**
 * Lordo entro il massimale e netto della riduzione del 5,84%: oltre il massimale lordo il netto è il massimale netto
 * pubblicato; sotto, il lordo meno la riduzione, mai oltre il massimale netto.
 */
function limitaERiduci(lordo: number, massimali: Pick<MassimaliDelMese, "lordoCentesimi" | "nettoCentesimi"> | null, riduzione: number) {
  if (massimali && lordo > massimali.lordoCentesimi) {
    const netto = Math.min(massimali.nettoCentesimi, massimali.lordoCentesimi);
    return { limitato: massimali.lordoCentesimi, trattenuta: massimali.lordoCentesimi - netto, netto };
  }
  const calcolato = lordo - divArrotondata(lordo * riduzione, 10_000);
  const netto = massimali ? Math.min(calcolato, massimali.nettoCentesimi) : calcolato;
  return { limitato: lordo, trattenuta: lordo - netto, netto };
}

/** La retribuzione come la porta il flusso UniEmens-Cig: mensile (RetribTeorica) oppure oraria. In centesimi. */
export type RetribuzioneFlusso = { tipo: "mensile"; centesimi: number } | { tipo: "oraria"; centesimi: number };

export interface InputIntegrazioneMese {
  prestazione: Prestazione;
  /** Una data del mese di competenza: sceglie il massimale dell'anno. */
  competenza: DataISO;
  retribuzione: RetribuzioneFlusso;
  /** Orario contrattuale settimanale in centesimi di ora (4000 = 40 ore), come nel flusso. */
  orarioSettimanaleCentesimi: number;
  /** Ore di integrazione del mese in centesimi (già controllate settimana per settimana all'accoglienza del flusso). */
  oreIntegrateCentesimi: number;
  /** Massimale maggiorato per intemperie stagionali in edilizia e lapidei (~/domain/pagamenti/massimale-intemperie.ts). */
  intemperie?: DecisioneIntemperie;
  cisoaIntemperie?: boolean;
}

export interface EsitoIntegrazioneMese {
  /** La retribuzione delle ore non lavorate (100%): la base del contributo addizionale. */
  retribuzionePersaCentesimi: number;
  lordoCentesimi: number;
  massimaleLordoCentesimi: number | null;
  massimaleNettoCentesimi: number | null;
  lordoLimitatoCentesimi: number;
  riduzioneCentesimi: number;
  nettoCentesimi: number;
  esito: Esito;
}

function divArrotondataBig(numeratore: bigint, denominatore: bigint): number {
  return Number((2n * numeratore + denominatore) / (2n * denominatore));
}

/**
 * L'integrazione di un lavoratore per un mese dalla sua denuncia UniEmens-Cig (pagamento diretto): la misura della
 * prestazione sulla retribuzione come il flusso la porta (oraria, oppure mensile divisa per le ore contrattuali del
 * mese), il massimale dell'anno rapportato alle ore integrate, la riduzione del 5,84%. Centesimi interi: i prodotti
 * intermedi sono in BigInt, così una retribuzione alta non perde precisione.
 */
export function calcolaIntegrazioneMese(input: InputIntegrazioneMese): EsitoIntegrazioneMese {
  const { centesimi } = input.retribuzione;
  if (!Number.isSafeInteger(centesimi) || centesimi < 0) throw new RangeError("La retribuzione va espressa in centesimi interi non negativi");
  if (!Number.isSafeInteger(input.orarioSettimanaleCentesimi) || input.orarioSettimanaleCentesimi <= 0) {
    throw new RangeError("L'orario settimanale deve essere positivo");
  }
  if (!Number.isSafeInteger(input.oreIntegrateCentesimi) || input.oreIntegrateCentesimi < 0) {
    throw new RangeError("Le ore integrate vanno espresse in centesimi interi non negativi");
  }
  const d = input.competenza;
  const cisoa = input.prestazione === "CISOA";
  const misura = cisoa ? parametro("cisoa.percentuale", d) : parametro("importo.percentuale", d);
  const riduzione = parametro("importo.riduzione", d);
  const parametriUsati: VersioneParametroApplicata<unknown>[] = [misura, riduzione];
  const ore = BigInt(input.oreIntegrateCentesimi);
  // Retribuzione persa = numeratore / denominatore (frazione esatta, arrotondata solo alla fine).
  let num: bigint;
  let den: bigint;
  if (input.retribuzione.tipo === "oraria") {
    num = BigInt(centesimi) * ore;
    den = 100n;
  } else {
    const divisore = parametro("importo.divisoreMensile", d);
    parametriUsati.push(divisore);
    num = BigInt(centesimi) * ore * BigInt(divisore.valore.mesiAnno);
    den = BigInt(input.orarioSettimanaleCentesimi) * BigInt(divisore.valore.settimaneAnno);
  }
  const [fn, fd] = cisoa
    ? [BigInt((misura.valore as Frazione).numeratore), BigInt((misura.valore as Frazione).denominatore)]
    : [BigInt(misura.valore as number), 10_000n];
  const persa = divArrotondataBig(num, den);
  const lordo = divArrotondataBig(num * fn, den * fd);
  const senzaMassimale = cisoa && input.cisoaIntemperie === true && parametro("cisoa.massimaleIntemperie", d).valore === false;
  const massimali = senzaMassimale
    ? null
    : massimaliDelMese(d, input.oreIntegrateCentesimi, input.orarioSettimanaleCentesimi, input.intemperie?.applica === true);
  if (massimali) parametriUsati.push(...massimali.parametri, ...(input.intemperie?.parametri ?? []));
  const maggiorato = massimali !== null && input.intemperie?.applica === true ? " maggiorato per le intemperie stagionali (edilizia e lapidei)" : "";
  const { limitato, trattenuta, netto } = limitaERiduci(lordo, massimali, riduzione.valore);
  const percentuale = cisoa ? `${String(fn)}/${String(fd)}` : `${Number(fn) / 100}%`;
  const base =
    input.retribuzione.tipo === "oraria"
      ? `della retribuzione oraria di ${euro(centesimi)}`
      : `della retribuzione mensile di ${euro(centesimi)} (rapportata alle ore contrattuali del mese)`;
  const messaggio =
    `${nomePrestazione(input.prestazione)}: ${percentuale} ${base} per ${input.oreIntegrateCentesimi / 100} ore = ${euro(lordo)} lordi` +
    (massimali === null
      ? " (massimale non applicato alla CISOA per intemperie stagionali)"
      : lordo > massimali.lordoCentesimi
        ? `, ridotti al massimale${maggiorato} di ${euro(massimali.lordoCentesimi)} lordi (${euro(massimali.nettoCentesimi)} netti)`
        : `, entro il massimale${maggiorato} di ${euro(massimali.lordoCentesimi)}`) +
    `; al netto della riduzione del ${riduzione.valore / 100}% (${euro(trattenuta)}) restano ${euro(netto)}.`;
  return {
    retribuzionePersaCentesimi: persa,
    lordoCentesimi: lordo,
    massimaleLordoCentesimi: massimali?.lordoCentesimi ?? null,
    massimaleNettoCentesimi: massimali?.nettoCentesimi ?? null,
    lordoLimitatoCentesimi: limitato,
    riduzioneCentesimi: trattenuta,
    nettoCentesimi: netto,
    esito: esito({
      regola: "importi.integrazioneMese",
      riferimento: cisoa ? "art. 8 L. 457/1972; art. 26 L. 41/1986" : "art. 3 d.lgs. 148/2015; art. 26 L. 41/1986",
      gravita: "informazione",
      messaggio,
      dati: {
        ...input, retribuzionePersaCentesimi: persa, lordoCentesimi: lordo, massimaleLordoCentesimi: massimali?.lordoCentesimi ?? null,
        massimaleNettoCentesimi: massimali?.nettoCentesimi ?? null, lordoLimitatoCentesimi: limitato, riduzioneCentesimi: trattenuta, nettoCentesimi: netto,
      },
      parametri: parametriUsati,
    }),
  };
}

/**
 * Aliquote ridotte del contributo addizionale (art. 5 c.1-ter): spettano se la serie di periodi di cui fa parte quello
 * nuovo è iniziata, dal 2025, dopo almeno 24 mesi senza CIGO/CIGS/CIGD (contati dal giorno dopo la fine dell'ultimo
 * periodo). `precedenti`: tutti i periodi fruiti dal datore di lavoro almeno nei 24 mesi prima della serie.
 */
export function riduzioneContributoApplicabile(inizioPeriodo: DataISO, precedenti: Intervallo[]): { applicabile: boolean; esito: Esito } {
  const ordinati = [...precedenti].filter((p) => p.inizio < inizioPeriodo).sort((a, b) => (a.inizio < b.inizio ? -1 : a.inizio > b.inizio ? 1 : 0));
  const ridotte = parametroSeInVigore("contributoAddizionale.aliquoteRidotte", inizioPeriodo);
  if (ridotte === null) {
    return {
      applicabile: false,
      esito: esito({
        regola: "importi.contributoAddizionale.riduzione",
        riferimento: "art. 5 c.1-ter d.lgs. 148/2015",
        gravita: "informazione",
        messaggio: "Le aliquote ridotte del contributo addizionale valgono solo dal 2025.",
        dati: { inizioPeriodo },
      }),
    };
  }
  const mesi = ridotte.valore.mesiSenzaUtilizzo;
  // Risale la serie: il primo periodo (o quello nuovo) preceduto da una pausa di almeno 24 mesi. Senza periodi
  // precedenti noti la pausa si presume: per questo il chiamante passa almeno i 24 mesi prima della serie.
  let inizioSerie = inizioPeriodo;
  let fineUltimoPrima: DataISO | null = null;
  for (let i = ordinati.length; i >= 0; i--) {
    const fine = ordinati.slice(0, i).reduce<DataISO | null>((m, p) => (m === null || p.fine > m ? p.fine : m), null);
    if (fine === null || addMonths(addDays(fine, 1), mesi) <= inizioSerie) {
      fineUltimoPrima = fine;
      break;
    }
    inizioSerie = ordinati[i - 1].inizio;
  }
  const applicabile = inizioSerie >= ridotte.validoDal;
  return {
    applicabile,
    esito: esito({
      regola: "importi.contributoAddizionale.riduzione",
      riferimento: "art. 5 c.1-ter d.lgs. 148/2015",
      gravita: "informazione",
      messaggio: applicabile
        ? `Aliquote ridotte del contributo addizionale applicabili: la serie di periodi iniziata il ${it(inizioSerie)} segue ${mesi} mesi senza integrazioni salariali${fineUltimoPrima ? ` (ultimo periodo precedente concluso il ${it(fineUltimoPrima)})` : ""}.`
        : `Aliquote ridotte del contributo addizionale non applicabili: manca una pausa di ${mesi} mesi senza integrazioni salariali prima della serie iniziata il ${it(inizioSerie)}, oppure la serie è iniziata prima del 2025.`,
      dati: { inizioPeriodo, inizioSerie, fineUltimoPeriodoPrecedente: fineUltimoPrima, mesiSenzaUtilizzo: mesi, periodiConsiderati: ordinati.length },
      parametri: [ridotte],
    }),
  };
}

/** Le settimane che decidono le aliquote del contributo addizionale di un periodo, con la finestra e i parametri usati. */
export interface SettimaneContributo {
  /** Il quinquennio mobile: gli anni del parametro che finiscono il giorno prima dell'inizio del periodo. */
  finestra: Intervallo;
  precedenti: number;
  periodo: number;
  parametri: VersioneParametroApplicata<unknown>[];
}

/**
 * Settimane già fruite nel quinquennio mobile prima del periodo e settimane del periodo, contate come i limiti di
 * durata (art. 12; docs/regole.md §3): un giorno conta una volta anche se sta in più periodi, solo i giorni lavorabili,
 * i giorni fruiti esposti nei flussi al posto di quelli autorizzati; settimane = giorni ÷ 5 (o ÷ 6). Così la fascia
 * del contributo dell'autorizzazione è quella che il cruscotto mostra all'azienda.
 */
export function settimaneContributo(
  periodo: PeriodoPrecedente,
  precedenti: readonly PeriodoPrecedente[],
  giorniSettimanali: GiorniSettimanali,
): SettimaneContributo {
  const q = parametro("contributoAddizionale.quinquennio", periodo.inizio);
  const finestra = finestraAnni(addDays(periodo.inizio, -1), q.valore.anni);
  // Stessa prestazione; per unità produttiva o per azienda secondo il parametro (incerto).
  const contano = precedenti.filter(
    (p) => p.prestazione === periodo.prestazione && (q.valore.ambito === "azienda" || p.unitaProduttiva === periodo.unitaProduttiva),
  );
  return {
    finestra,
    precedenti: settimaneNelQuinquennio(contano, finestra.fine, giorniSettimanali),
    periodo: settimaneDaGiorni(giorniUtilizzati([periodo], periodo, giorniSettimanali).size, giorniSettimanali, periodo.inizio),
    parametri: [q, parametro("durata.conteggioGiorni", periodo.inizio)],
  };
}

export interface InputContributo {
  prestazione: Prestazione;
  /** Data del periodo (sceglie le aliquote in vigore). */
  data: DataISO;
  /** Retribuzione globale persa per le ore non lavorate, in centesimi. */
  retribuzionePersaCentesimi: number;
  eone: boolean;
  /** Settimane già fruite nel quinquennio mobile prima del periodo (CIGO+CIGS+CIGD). */
  settimanePrecedentiQuinquennio: number;
  /** Settimane del periodo. */
  settimanePeriodo: number;
  aliquoteRidotte: boolean;
  /** Come sono state contate le settimane (settimaneContributo): la finestra entra nel messaggio, i parametri nell'esito. */
  conteggio?: Pick<SettimaneContributo, "finestra" | "parametri">;
}

export interface EsitoContributo {
  importoCentesimi: number;
  quote: Array<{ settimane: number; aliquota: number; imponibileCentesimi: number; importoCentesimi: number }>;
  esito: Esito;
}

export function calcolaContributoAddizionale(input: InputContributo): EsitoContributo {
  const d = input.data;
  if (!Number.isInteger(input.retribuzionePersaCentesimi) || input.retribuzionePersaCentesimi < 0) {
    throw new RangeError("La retribuzione persa va espressa in centesimi interi non negativi");
  }
  const esenzione = parametro("contributoAddizionale.eoneEsente", d);
  if (input.eone && esenzione.valore) {
    return {
      importoCentesimi: 0, quote: [],
      esito: esito({
        regola: "importi.contributoAddizionale", riferimento: esenzione.riferimento, gravita: "informazione",
        messaggio: "Il contributo addizionale non è dovuto per gli eventi oggettivamente non evitabili.",
        dati: { ...input, importoCentesimi: 0 }, parametri: [esenzione],
      }),
    };
  }
  if (input.prestazione === "AIS_FIS") {
    const fis = parametro("contributoAddizionale.fis", d);
    const importo = divArrotondata(input.retribuzionePersaCentesimi * fis.valore, 10_000);
    return {
      importoCentesimi: importo,
      quote: [{ settimane: input.settimanePeriodo, aliquota: fis.valore, imponibileCentesimi: input.retribuzionePersaCentesimi, importoCentesimi: importo }],
      esito: esito({
        regola: "importi.contributoAddizionale", riferimento: fis.riferimento, gravita: "informazione",
        messaggio: `Contributo addizionale FIS: ${fis.valore / 100}% di ${euro(input.retribuzionePersaCentesimi)} = ${euro(importo)}.`,
        dati: { ...input, importoCentesimi: importo }, parametri: [fis],
      }),
    };
  }
  if (input.prestazione !== "CIGO") {
    throw new RangeError(`Contributo addizionale non configurato per ${nomePrestazione(input.prestazione)}`);
  }
  const p = input.aliquoteRidotte ? parametro("contributoAddizionale.aliquoteRidotte", d) : parametro("contributoAddizionale.aliquote", d);
  const fasce: FasciaContributo[] = Array.isArray(p.valore) ? p.valore : p.valore.fasce;
  // Il periodo si divide tra le fasce in proporzione alle settimane; l'ultima quota prende il resto dei centesimi.
  const quote: EsitoContributo["quote"] = [];
  let gia = input.settimanePrecedentiQuinquennio;
  let restante = input.settimanePeriodo;
  for (const f of fasce) {
    const spazio = Math.max(0, (f.finoASettimane ?? Number.POSITIVE_INFINITY) - gia);
    const settimane = Math.min(restante, spazio);
    if (settimane > 0) {
      quote.push({ settimane, aliquota: f.aliquota, imponibileCentesimi: 0, importoCentesimi: 0 });
      gia += settimane;
      restante -= settimane;
    }
  }
  if (quote.length === 0) {
    // Periodo senza settimane: la fascia è quella in cui si trova il datore di lavoro.
    const f = fasce.find((x) => x.finoASettimane === null || gia < x.finoASettimane)!;
    quote.push({ settimane: 0, aliquota: f.aliquota, imponibileCentesimi: 0, importoCentesimi: 0 });
  }
  let assegnato = 0;
  quote.forEach((q, i) => {
    q.imponibileCentesimi = i === quote.length - 1
      ? input.retribuzionePersaCentesimi - assegnato
      : Math.floor((input.retribuzionePersaCentesimi * q.settimane) / input.settimanePeriodo);
    assegnato += q.imponibileCentesimi;
    q.importoCentesimi = divArrotondata(q.imponibileCentesimi * q.aliquota, 10_000);
  });
  const importo = quote.reduce((s, q) => s + q.importoCentesimi, 0);
  const { conteggio, ...datiInput } = input;
  const dettaglio = quote.map((q) => `${q.aliquota / 100}% su ${euro(q.imponibileCentesimi)}`).join(" + ");
  return {
    importoCentesimi: importo,
    quote,
    esito: esito({
      regola: "importi.contributoAddizionale",
      riferimento: p.riferimento,
      gravita: "informazione",
      messaggio: `Contributo addizionale${input.aliquoteRidotte ? " (aliquote ridotte)" : ""}: ${SETTIMANE.format(input.settimanePrecedentiQuinquennio)} settimane già fruite nel quinquennio mobile${conteggio ? ` ${it(conteggio.finestra.inizio)}–${it(conteggio.finestra.fine)}` : ""}, ${SETTIMANE.format(input.settimanePeriodo)} nel periodo; ${dettaglio} = ${euro(importo)}.`,
      dati: { ...datiInput, finestra: conteggio?.finestra ?? null, quote, importoCentesimi: importo },
      parametri: [p, ...(conteggio?.parametri ?? [])],
    }),
  };
}
