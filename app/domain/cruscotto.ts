// Cruscotto autorizzato/fruito per unità produttiva (artt. 4, 7 e 12 d.lgs. 148/2015; docs/regole.md §21). Autorizzato: quanto concedono i
// provvedimenti (o, finché la domanda non è decisa, quanto chiede). Fruito: le ore e i giorni esposti nell'UniEmens
// (conguaglio) e nelle denunce UniEmens-Cig accolte (pagamento diretto). Per i limiti contano i giorni fruiti dei mesi
// già esposti e i giorni autorizzati dei mesi non ancora esposti. Ogni cifra viene dalle regole esistenti
// (durate.ts, importi.ts, scadenze-flussi.ts), chiamate con una "domanda di prova" di un giorno: il primo giorno
// libero dopo i periodi esistenti. Nessun limite è ricopiato qui.
import {
  addDays, anno, dateDi, diffDays, finestraAnni, finestraSettimane, formatDataItaliana as it, giorniInclusi, maxData,
  type DataISO, type Intervallo,
} from "./date";
import {
  catene, giorniCisoaPerAnno, giorniUtilizzati, lavorabile, settimaneDaGiorni, settimaneNelQuinquennio,
  verificaDurataCigo, verificaDurataFis, verificaDurataFondo, type EsitoDurata, type GiorniSettimanali,
} from "./durate";
import { esito, inviabile, type Esito } from "./esito";
import { calcolaContributoAddizionale, riduzioneContributoApplicabile } from "./importi";
import { parametro } from "./parametri";
import { scadenzaConguaglio, scadenzaPagamentoDiretto } from "./scadenze-flussi";
import { nomePrestazione, type Fondo, type PeriodoPrecedente, type Prestazione } from "./tipi";

export interface FruitoAutorizzazione {
  /** Giorni con almeno un'ora di integrazione esposta (UniEmens o UniEmens-Cig). */
  giorni: DataISO[];
  oreCentesimi: number;
  /** Mesi ("AAAA-MM") con dati esposti per questa autorizzazione. */
  mesi: string[];
}

export interface AutorizzazioneUnita {
  domandaId: number;
  /** Protocollo della domanda. */
  domanda: string;
  prestazione: Prestazione;
  fondo: Fondo | null;
  eone: boolean;
  /** in_attesa: inviata e non ancora decisa (conta come richiesta). */
  stato: "autorizzata" | "autorizzata_parziale" | "in_attesa";
  numero: string | null;
  inizio: DataISO;
  fine: DataISO;
  /** Giorni autorizzati uno per uno (cause meteo, CISOA); null = ogni giorno lavorabile del periodo. */
  giorni: DataISO[] | null;
  oreAutorizzate: number | null;
  lavoratori: number;
  modalitaPagamento: "conguaglio" | "diretto" | null;
  dataProvvedimento: DataISO | null;
  fruito: FruitoAutorizzazione;
}

export interface RigaAutorizzazione {
  domandaId: number;
  domanda: string;
  prestazione: Prestazione;
  stato: AutorizzazioneUnita["stato"];
  numero: string | null;
  inizio: DataISO;
  fine: DataISO;
  lavoratori: number;
  oreAutorizzate: number | null;
  giorniAutorizzati: number;
  settimaneAutorizzate: number;
  oreFruite: number;
  giorniFruiti: number;
  settimaneFruite: number;
  oreResidue: number | null;
  esito: Esito;
}

const DUE = new Intl.NumberFormat("it-IT", { maximumFractionDigits: 2 });
export const fmt = (n: number) => DUE.format(Math.round(n * 100) / 100);
const mese = (d: DataISO) => d.slice(0, 7);
const RIF_FRUITO = "art. 7 c.3 e c.5-bis d.lgs. 148/2015 (conguaglio e pagamento diretto); art. 12 c.1 (conteggio per giorni)";

function giorniAutorizzati(a: Pick<AutorizzazioneUnita, "inizio" | "fine" | "giorni">, gs: GiorniSettimanali): DataISO[] {
  return [...giorniUtilizzati([{ inizio: a.inizio, fine: a.fine, ...(a.giorni ? { giorniFruiti: a.giorni } : {}) }], a, gs)].sort();
}

/** Autorizzato e fruito di una domanda, con la spiegazione. */
export function rigaAutorizzazione(a: AutorizzazioneUnita, gs: GiorniSettimanali): RigaAutorizzazione {
  const aut = giorniAutorizzati(a, gs);
  const fru = giorniUtilizzati([{ inizio: a.inizio, fine: a.fine, giorniFruiti: a.fruito.giorni }], a, gs).size;
  const settAut = settimaneDaGiorni(aut.length, gs, a.fine);
  const settFru = settimaneDaGiorni(fru, gs, a.fine);
  const oreFruite = a.fruito.oreCentesimi / 100;
  const oreResidue = a.oreAutorizzate === null ? null : a.oreAutorizzate - oreFruite;
  const conteggio = parametro("durata.conteggioGiorni", a.fine);
  const divisore = gs === 5 ? conteggio.valore.divisoreSettimanaCorta : conteggio.valore.divisoreSettimanaLunga;
  const cosa = a.stato === "in_attesa" ? "Richieste (domanda non ancora decisa)" : `Autorizzate con il provvedimento ${a.numero}`;
  return {
    domandaId: a.domandaId, domanda: a.domanda, prestazione: a.prestazione, stato: a.stato, numero: a.numero,
    inizio: a.inizio, fine: a.fine, lavoratori: a.lavoratori, oreAutorizzate: a.oreAutorizzate,
    giorniAutorizzati: aut.length, settimaneAutorizzate: settAut, oreFruite, giorniFruiti: fru, settimaneFruite: settFru, oreResidue,
    esito: esito({
      regola: "cruscotto.autorizzatoFruito",
      riferimento: RIF_FRUITO,
      gravita: oreResidue !== null && oreResidue < 0 ? "avviso" : "informazione",
      messaggio:
        `${cosa}: ${a.oreAutorizzate === null ? "ore non indicate" : `${fmt(a.oreAutorizzate)} ore`} per ${a.lavoratori} lavoratori dal ${it(a.inizio)} al ${it(a.fine)}, ` +
        `${aut.length} giorni lavorabili ÷ ${divisore} = ${fmt(settAut)} settimane. Fruite: ${fmt(oreFruite)} ore esposte nell'UniEmens e nelle denunce UniEmens-Cig accolte, ` +
        `in ${fru} giorni con almeno un lavoratore in integrazione ÷ ${divisore} = ${fmt(settFru)} settimane` +
        (oreResidue === null ? "." : `; residue ${fmt(a.oreAutorizzate!)} − ${fmt(oreFruite)} = ${fmt(oreResidue)} ore.`),
      dati: { domanda: a.domanda, giorniAutorizzati: aut.length, giorniFruiti: fru, oreFruite, mesiEsposti: a.fruito.mesi },
      parametri: [conteggio],
    }),
  };
}

/**
 * Il periodo come conta nei limiti: nei mesi già esposti i giorni fruiti, negli altri i giorni autorizzati
 * (scelta della piattaforma, docs/regole.md §21: il fruito esposto prevale sull'autorizzato).
 */
export function periodoPerLimiti(a: AutorizzazioneUnita, unita: string, gs: GiorniSettimanali): PeriodoPrecedente {
  const esposti = new Set(a.fruito.mesi);
  const aut = giorniAutorizzati(a, gs).filter((d) => !esposti.has(mese(d)));
  const fruiti = a.fruito.giorni.filter((d) => esposti.has(mese(d)) && a.inizio <= d && d <= a.fine);
  return {
    inizio: a.inizio, fine: a.fine, domanda: a.domanda, prestazione: a.prestazione, fondo: a.fondo, unitaProduttiva: unita,
    eone: a.eone, giorniFruiti: [...new Set([...aut, ...fruiti])].sort(),
    ...(a.oreAutorizzate !== null ? { oreAutorizzate: a.oreAutorizzate } : {}),
  };
}

export interface Proiezione {
  /** Giorno in cui il limite sarebbe superato; null se non accade entro l'orizzonte (o il ritmo è zero). */
  esaurimento: DataISO | null;
  /** Quota dei giorni lavorabili delle ultime settimane con integrazione (0–1). */
  ritmo: number;
  orizzonte: DataISO;
}

/**
 * Quando finirebbe la capacità se l'utilizzo continuasse al ritmo delle ultime settimane: dal giorno `dal`, ogni giorno
 * lavorabile non già coperto aggiunge `ritmo` giorni; la finestra mobile lascia uscire i giorni più vecchi. Il primo
 * giorno in cui i giorni nella finestra superano il massimo è la data di esaurimento.
 */
export function proiettaEsaurimento(input: {
  usati: ReadonlySet<DataISO>;
  oggi: DataISO;
  dal: DataISO;
  giorniSettimanali: GiorniSettimanali;
  settimaneFinestra: number;
  settimaneMassime: number;
  settimaneRitmo: number;
}): Proiezione {
  const gs = input.giorniSettimanali;
  const ultimi = dateDi({ inizio: addDays(input.oggi, -(input.settimaneRitmo * 7 - 1)), fine: input.oggi }).filter((d) => lavorabile(d, gs));
  const ritmo = ultimi.length === 0 ? 0 : ultimi.filter((d) => input.usati.has(d)).length / ultimi.length;
  const orizzonte = addDays(input.dal, input.settimaneFinestra * 7 - 1);
  const ordinati = [...input.usati].sort();
  // Weeks → days with the rule's own divisor (settimaneDaGiorni of one day is 1/divisor).
  const massimoGiorni = input.settimaneMassime / settimaneDaGiorni(1, gs, input.dal);
  // One pass over consecutive days (the window's first day is the day W×7−1 positions back): no date arithmetic per step.
  const finestraGiorni = input.settimaneFinestra * 7;
  const giorni = dateDi({ inizio: addDays(input.dal, -(finestraGiorni - 1)), fine: orizzonte });
  let futuri = 0;
  let lo = 0;
  let hi = 0;
  for (let i = finestraGiorni - 1; i < giorni.length; i++) {
    const d = giorni[i];
    if (lavorabile(d, gs) && !input.usati.has(d)) futuri += ritmo;
    const inizio = giorni[i - (finestraGiorni - 1)];
    while (lo < ordinati.length && ordinati[lo] < inizio) lo++;
    while (hi < ordinati.length && ordinati[hi] <= d) hi++;
    if (hi - lo + futuri >= massimoGiorni - 1e-9) return { esaurimento: d, ritmo, orizzonte };
    if (ritmo === 0 && d >= input.oggi && hi === ordinati.length) break;
  }
  return { esaurimento: null, ritmo, orizzonte };
}

export interface Capacita {
  prestazione: Prestazione;
  fondo: Fondo | null;
  nome: string;
  /** Primo giorno libero dopo i periodi esistenti: la domanda di prova. */
  dal: DataISO;
  finestra: Intervallo;
  settimaneUtilizzate: number;
  settimaneMassime: number;
  settimaneResidue: number;
  esitoBiennio: Esito;
  terzoOre: { limite: number; autorizzate: number; residue: number; esito: Esito } | null;
  consecutive: Esito | null;
  complessivo: Esito | null;
  puoPresentare: boolean;
  bloccanti: Esito[];
  esitoPresentazione: Esito;
  proiezione: Proiezione & { esito: Esito };
}

export interface InputCapacita {
  oggi: DataISO;
  prestazione: Prestazione;
  fondo: Fondo | null;
  unita: string;
  nomeUnita: string;
  giorniSettimanali: GiorniSettimanali;
  ediliziaLapidei: boolean;
  dipendentiMedi: number;
  mediaOccupati?: Array<{ orarioSettimanale: number; lavoratori: number }>;
  autorizzazioni: readonly AutorizzazioneUnita[];
}

function dato<T>(e: Esito | undefined, chiave: string): T | undefined {
  return e?.dati[chiave] as T | undefined;
}

/** Capacità residua di una prestazione per l'unità, e se una nuova domanda si può presentare. */
export function capacita(input: InputCapacita): Capacita {
  const gs = input.giorniSettimanali;
  const stesse = input.autorizzazioni.filter((a) => a.prestazione === input.prestazione && (a.fondo ?? null) === (input.fondo ?? null));
  const precedenti = input.autorizzazioni.map((a) => periodoPerLimiti(a, input.unita, gs));
  const ultimaFine = stesse.reduce<DataISO | null>((m, a) => (m === null || a.fine > m ? a.fine : m), null);
  const dal = ultimaFine && ultimaFine >= input.oggi ? addDays(ultimaFine, 1) : input.oggi;
  const richiesta = { inizio: dal, fine: dal, prestazione: input.prestazione, fondo: input.fondo, unitaProduttiva: input.unita, eone: false };
  let r: EsitoDurata;
  switch (input.prestazione) {
    case "CIGO":
      r = verificaDurataCigo({
        richiesta, precedenti, giorniSettimanali: gs, ediliziaLapidei: input.ediliziaLapidei, nomeUnitaProduttiva: input.nomeUnita,
        ...(input.mediaOccupati ? { mediaOccupati: input.mediaOccupati, oreRichieste: 0 } : {}),
      });
      break;
    case "AIS_FIS":
      r = verificaDurataFis({ richiesta, precedenti, giorniSettimanali: gs, dipendentiMedi: input.dipendentiMedi, nomeUnitaProduttiva: input.nomeUnita });
      break;
    case "AIS_FONDO":
      if (!input.fondo) throw new RangeError("Serve il fondo");
      r = verificaDurataFondo({ richiesta: { ...richiesta, fondo: input.fondo }, precedenti, giorniSettimanali: gs, nomeUnitaProduttiva: input.nomeUnita });
      break;
    case "CISOA":
      throw new RangeError("La CISOA si misura per lavoratore (giorniCisoaLavoratori)");
  }
  // The one-day probe's own 13-week check says nothing about the unit.
  const esiti = r.esiti.filter((e) => e.regola !== "durata.cigo.continue");
  const esitoBiennio = esiti.find((e) => e.regola.endsWith(".biennio") && "settimaneUtilizzate" in e.dati) ?? esiti[0];
  const terzo = esiti.find((e) => e.regola === "durata.cigo.terzoOre");
  const terzoOre = terzo
    ? (() => {
        const limite = dato<number>(terzo, "limiteOre")!;
        const autorizzate = dato<number>(terzo, "oreAutorizzateBiennio")!;
        return { limite, autorizzate, residue: Math.max(0, limite - autorizzate), esito: terzo };
      })()
    : null;
  const bloccanti = esiti.filter((e) => e.gravita === "bloccante");
  const puoPresentare = inviabile(esiti) && r.settimaneResidue > 0;
  const nome = nomePrestazione(input.prestazione, input.fondo);
  const settimaneFinestra = diffDays(r.finestra.fine, r.finestra.inizio) / 7 + 1 / 7;
  const ritmoP = parametro("cruscotto.ritmoFruizione", input.oggi);
  const usati = giorniUtilizzati(
    precedenti.filter((p) => esitoBiennioConta(p, input)),
    { inizio: addDays(input.oggi, -(Math.round(settimaneFinestra) * 7 - 1)), fine: addDays(dal, Math.round(settimaneFinestra) * 7) },
    gs,
  );
  const pr = proiettaEsaurimento({
    usati, oggi: input.oggi, dal, giorniSettimanali: gs, settimaneFinestra: Math.round(settimaneFinestra),
    settimaneMassime: r.settimaneMassime, settimaneRitmo: ritmoP.valore.settimane,
  });
  const percentuale = Math.round(pr.ritmo * 100);
  return {
    prestazione: input.prestazione, fondo: input.fondo, nome, dal, finestra: r.finestra,
    settimaneUtilizzate: r.settimaneUtilizzate, settimaneMassime: r.settimaneMassime, settimaneResidue: r.settimaneResidue,
    esitoBiennio, terzoOre,
    consecutive: esiti.find((e) => e.regola === "durata.cigo.consecutive") ?? null,
    complessivo: esiti.find((e) => e.regola === "durata.art4.complessiva") ?? null,
    puoPresentare, bloccanti,
    esitoPresentazione: esito({
      regola: "cruscotto.nuovaDomanda",
      riferimento: esitoBiennio.riferimento,
      gravita: puoPresentare ? "informazione" : "bloccante",
      messaggio: puoPresentare
        ? `Una nuova domanda di ${nome} per l'unità produttiva ${input.nomeUnita} dal ${it(dal)} (primo giorno dopo i periodi già autorizzati o richiesti) supera i controlli di durata: restano ${fmt(r.settimaneResidue)} settimane nel biennio mobile.`
        : `Una nuova domanda di ${nome} per l'unità produttiva ${input.nomeUnita} dal ${it(dal)} non supererebbe i controlli di durata: ${(bloccanti.length ? bloccanti : [esitoBiennio]).map((e) => e.messaggio).join(" ")}`,
      dati: { dal, settimaneResidue: r.settimaneResidue, bloccanti: bloccanti.map((e) => e.regola) },
      parametri: [],
    }),
    proiezione: {
      ...pr,
      esito: esito({
        regola: "cruscotto.proiezione",
        riferimento: ritmoP.riferimento,
        gravita: pr.esaurimento && diffDays(pr.esaurimento, input.oggi) <= 90 ? "avviso" : "informazione",
        messaggio:
          `Ritmo delle ultime ${ritmoP.valore.settimane} settimane: integrazione in ${percentuale}% dei giorni lavorabili. ` +
          (pr.esaurimento === null
            ? pr.ritmo === 0 && r.settimaneResidue > 0
              ? "Senza utilizzo recente la capacità non si esaurisce a questo ritmo."
              : `A questo ritmo il limite di ${fmt(r.settimaneMassime)} settimane nel biennio mobile non è raggiunto entro il ${it(pr.orizzonte)}.`
            : `Continuando così dal ${it(dal)}, con i giorni più vecchi che escono dal biennio mobile, il limite di ${fmt(r.settimaneMassime)} settimane sarebbe raggiunto il ${it(pr.esaurimento)}: la capacità basta fino al ${it(addDays(pr.esaurimento, -1))}.`),
        dati: { ritmo: pr.ritmo, dal, esaurimento: pr.esaurimento, orizzonte: pr.orizzonte },
        parametri: [ritmoP],
      }),
    },
  };
}

/** The periods the biennio of this benefit counts (same benefit and fund; EONE excluded for CIGO outside building). */
function esitoBiennioConta(p: PeriodoPrecedente, input: InputCapacita): boolean {
  if (p.prestazione !== input.prestazione || (p.fondo ?? null) !== (input.fondo ?? null)) return false;
  return input.prestazione !== "CIGO" || input.ediliziaLapidei || !p.eone;
}

export interface PeriodoContinuo {
  inCorso: boolean;
  periodo: Intervallo | null;
  settimane: number;
  esito: Esito;
}

/** Il periodo consecutivo in corso (o l'ultimo concluso) della prestazione nell'unità (art. 12 c.3 per la CIGO). */
export function periodoContinuo(input: { oggi: DataISO; prestazione: Prestazione; nomeUnita: string; autorizzazioni: readonly AutorizzazioneUnita[] }): PeriodoContinuo {
  const p = parametro("durata.cigo", input.oggi);
  const c = catene(input.autorizzazioni.filter((a) => a.prestazione === input.prestazione).map((a) => ({ inizio: a.inizio, fine: a.fine })));
  const inCorso = c.find((x) => x.inizio <= input.oggi && input.oggi <= x.fine) ?? null;
  const ultimo = inCorso ?? [...c].reverse().find((x) => x.fine < input.oggi) ?? null;
  const settimane = ultimo ? giorniInclusi(ultimo) / 7 : 0;
  const limite = input.prestazione === "CIGO" ? ` su un massimo di ${p.valore.settimaneConsecutiveMax} settimane consecutive` : "";
  return {
    inCorso: inCorso !== null, periodo: ultimo, settimane,
    esito: esito({
      regola: "cruscotto.periodoContinuo",
      riferimento: input.prestazione === "CIGO" ? `${p.riferimento} c.3` : "art. 12 d.lgs. 148/2015",
      gravita: input.prestazione === "CIGO" && settimane > p.valore.settimaneConsecutiveMax ? "avviso" : "informazione",
      messaggio: ultimo === null
        ? `Nessun periodo di ${nomePrestazione(input.prestazione)} autorizzato o richiesto per l'unità produttiva ${input.nomeUnita}.`
        : `${inCorso ? "Periodo consecutivo in corso" : "Ultimo periodo consecutivo"}: dal ${it(ultimo.inizio)} al ${it(ultimo.fine)}, periodi contigui o sovrapposti uniti, ${giorniInclusi(ultimo)} giorni di calendario ÷ 7 = ${fmt(settimane)} settimane${limite}.`,
      dati: { periodo: ultimo, settimane, inCorso: inCorso !== null },
      parametri: [p],
    }),
  };
}

export interface FasciaContributoCorrente {
  settimaneQuinquennio: number;
  aliquota: number;
  ridotte: boolean;
  esito: Esito;
}

/** La fascia del contributo addizionale che pagherebbe una nuova integrazione di CIGO dal giorno `dal`. */
export function fasciaContributo(input: { oggi: DataISO; dal: DataISO; nomeUnita: string; unita: string; giorniSettimanali: GiorniSettimanali; autorizzazioni: readonly AutorizzazioneUnita[] }): FasciaContributoCorrente {
  const periodi = input.autorizzazioni.filter((a) => a.prestazione === "CIGO").map((a) => periodoPerLimiti(a, input.unita, input.giorniSettimanali));
  const fine = addDays(input.dal, -1);
  const settimane = settimaneNelQuinquennio(periodi, fine, input.giorniSettimanali);
  const ridotte = riduzioneContributoApplicabile(input.dal, periodi).applicabile;
  const c = calcolaContributoAddizionale({
    prestazione: "CIGO", data: input.dal, retribuzionePersaCentesimi: 0, eone: false,
    settimanePrecedentiQuinquennio: settimane, settimanePeriodo: 0, aliquoteRidotte: ridotte,
  });
  const aliquota = c.quote[0].aliquota;
  const p = ridotte ? parametro("contributoAddizionale.aliquoteRidotte", input.dal) : parametro("contributoAddizionale.aliquote", input.dal);
  const fasce = (Array.isArray(p.valore) ? p.valore : p.valore.fasce)
    .map((f, i, tutte) => `${f.aliquota / 100}% ${f.finoASettimane === null ? `oltre ${tutte[i - 1]?.finoASettimane ?? 0}` : `fino a ${f.finoASettimane}`} settimane`)
    .join(", ");
  const q = parametro("contributoAddizionale.quinquennio", input.dal);
  const finestra = finestraAnni(fine, q.valore.anni);
  return {
    settimaneQuinquennio: settimane, aliquota, ridotte,
    esito: esito({
      regola: "cruscotto.fasciaContributo",
      riferimento: p.riferimento,
      gravita: "informazione",
      messaggio: `Settimane di CIGO dell'unità produttiva ${input.nomeUnita} nel quinquennio mobile ${it(finestra.inizio)}–${it(finestra.fine)}: ${fmt(settimane)}. Una nuova integrazione dal ${it(input.dal)} paga il contributo addizionale al ${aliquota / 100}% della retribuzione persa (fasce${ridotte ? " ridotte" : ""}: ${fasce}).`,
      dati: { settimane, aliquota, ridotte, finestra },
      parametri: [p, q],
    }),
  };
}

export interface ScadenzaAutorizzazione {
  domandaId: number;
  domanda: string;
  numero: string;
  tipo: "conguaglio" | "pagamento_diretto";
  /** Mese di competenza ("AAAA-MM") per il pagamento diretto. */
  competenza: string | null;
  scadenza: DataISO;
  giorniRimanenti: number;
  scaduta: boolean;
  /** Pagamento diretto: dati del mese già inviati. */
  datiInviati: boolean;
  esito: Esito;
}

/** Scadenze di ogni autorizzazione: conguaglio (6 mesi) o dati del pagamento diretto (mese per mese). */
export function scadenzeAutorizzazioni(autorizzazioni: readonly AutorizzazioneUnita[], oggi: DataISO): ScadenzaAutorizzazione[] {
  const righe: ScadenzaAutorizzazione[] = [];
  for (const a of autorizzazioni) {
    if (a.stato === "in_attesa" || !a.numero || !a.dataProvvedimento || !a.modalitaPagamento) continue;
    const base = { domandaId: a.domandaId, domanda: a.domanda, numero: a.numero };
    if (a.modalitaPagamento === "conguaglio") {
      const s = scadenzaConguaglio({ fineAutorizzazione: a.fine, dataProvvedimento: a.dataProvvedimento, oggi });
      righe.push({ ...base, tipo: "conguaglio", competenza: null, scadenza: s.scadenza, giorniRimanenti: s.giorniRimanenti, scaduta: s.scaduta, datiInviati: a.fruito.mesi.length > 0, esito: s.esito });
      continue;
    }
    for (let m = `${mese(a.inizio)}-01`; m <= a.fine; m = `${mese(addDays(`${mese(m)}-28`, 7))}-01`) {
      const s = scadenzaPagamentoDiretto({ competenza: maxData(m, a.inizio), dataNotificaAutorizzazione: a.dataProvvedimento, oggi });
      righe.push({ ...base, tipo: "pagamento_diretto", competenza: mese(m), scadenza: s.scadenza, giorniRimanenti: s.giorniRimanenti, scaduta: s.scaduta, datiInviati: a.fruito.mesi.includes(mese(m)), esito: s.esito });
    }
  }
  return righe.sort((x, y) => (x.scadenza < y.scadenza ? -1 : x.scadenza > y.scadenza ? 1 : x.domandaId - y.domandaId));
}

export interface GiorniCisoaLavoratore {
  cf: string;
  nominativo: string;
  anno: number;
  giorniComputati: number;
  giorniInDeroga: number;
  residui: number;
}

/** CISOA: giorni per lavoratore nell'anno di `oggi` (autorizzati, o fruiti nei mesi esposti) e residui sui 90. */
export function giorniCisoaLavoratori(
  lavoratori: ReadonlyArray<{ cf: string; nominativo: string; giorni: DataISO[] }>,
  oggi: DataISO,
): { righe: GiorniCisoaLavoratore[]; esito: Esito } {
  const a = anno(oggi);
  const p = parametro("durata.cisoa", oggi);
  const deroghe = parametro("cisoa.deroghe", oggi);
  const righe = lavoratori.map((l) => ({ cf: l.cf, nominativo: l.nominativo, ...giorniCisoaPerAnno(l.giorni, [a], oggi)[0] }));
  return {
    righe: righe.sort((x, y) => x.residui - y.residui || x.nominativo.localeCompare(y.nominativo, "it")),
    esito: esito({
      regola: "cruscotto.cisoa",
      riferimento: p.riferimento,
      gravita: righe.some((r) => r.residui === 0) ? "avviso" : "informazione",
      messaggio: `Per ogni lavoratore: giorni di CISOA del ${a} (autorizzati, o fruiti nei mesi già esposti) esclusi quelli concessi in deroga; residui = ${p.valore.giorniAnnoMax} − giorni computati.`,
      dati: { anno: a, lavoratori: righe.length },
      parametri: [p, deroghe],
    }),
  };
}

/** Il biennio mobile che termina oggi, per le etichette. */
export function biennioDi(oggi: DataISO): Intervallo {
  return finestraSettimane(oggi, parametro("durata.cigo", oggi).valore.settimaneBiennio);
}

/**
 * Avviso di capacità per il portafoglio e il cruscotto: nessuna nuova domanda possibile, poche settimane residue o
 * esaurimento stimato vicino (parametro `cruscotto.avvisoCapacita`). null se nessun avviso.
 */
export function avvisoCapacita(c: Capacita, oggi: DataISO, nomeUnita: string): Esito | null {
  const p = parametro("cruscotto.avvisoCapacita", oggi);
  const vicino = c.proiezione.esaurimento !== null && diffDays(c.proiezione.esaurimento, oggi) <= p.valore.giorniEsaurimento;
  const poche = c.settimaneResidue <= p.valore.settimaneResidue;
  if (c.puoPresentare && !poche && !vicino) return null;
  const motivo = !c.puoPresentare
    ? "nessuna nuova domanda possibile ora"
    : poche
      ? `restano ${fmt(c.settimaneResidue)} settimane (soglia di avviso: ${p.valore.settimaneResidue})`
      : `capacità stimata fino al ${it(addDays(c.proiezione.esaurimento!, -1))}, entro ${p.valore.giorniEsaurimento} giorni`;
  return esito({
    regola: "cruscotto.avvisoCapacita",
    riferimento: c.esitoBiennio.riferimento,
    gravita: c.puoPresentare ? "avviso" : "bloccante",
    messaggio: `${c.nome}, unità produttiva ${nomeUnita}: ${motivo}.`,
    dati: { settimaneResidue: c.settimaneResidue, esaurimento: c.proiezione.esaurimento, puoPresentare: c.puoPresentare },
    parametri: vicino && c.puoPresentare && !poche ? [p, ...[parametro("cruscotto.ritmoFruizione", oggi)]] : [p],
  });
}
