// Generatore deterministico delle aziende di prova oltre a quelle di riferimento: ~200 aziende e ~5.000 lavoratori per
// la demo, 100.000 e 1.000.000 per i benchmark (--scale). Un solo seme fisso (mulberry32): stesse righe a ogni esecuzione.
// Scrive in streaming, azienda per azienda, attraverso lo ScrittoreLotti: la memoria non cresce con la scala.
import { addDays, addYears, type DataISO } from "../../app/domain/date";
import * as s from "../schema";
import { COMUNI, FORME_GIURIDICHE, indirizzoCasuale, PREFISSI_RAGIONE_SOCIALE, SETTORI, STATI_ESTERI, type Settore } from "./anagrafiche";
import type { ScrittoreLotti } from "./inserimento";
import { mulberry32, type Casuale } from "./prng";
import {
  dataTra,
  ibanFittizio,
  isAgricolo,
  matricolaFittizia,
  partitaIvaFittizia,
  personaFittizia,
  scriviLavoratore,
  type ContestoUniemens,
  type EventiCig,
  type Qualifica,
  type Registro,
  type TipoContratto,
} from "./persone";
import { capienzaGiornate, type MeseCompetenza } from "./uniemens";

export interface OpzioniGeneratore {
  aziende: number;
  lavoratori: number;
  seme: number;
  ctx: ContestoUniemens;
  /** Deleghe da dare all'intermediaria demo sulle prime aziende generate. */
  deleghe?: { intermediarioId: number; quante: number };
  /** Quota di aziende con un periodo di CIG/AIS/CISOA nei mesi UniEmens. */
  quotaAziendeConCig?: number;
  avanzamento?: (aziendeScritte: number) => void;
}

export interface RiepilogoGenerazione {
  aziende: number;
  unita: number;
  lavoratori: number;
  aziendeConCig: number;
  deleghe: number;
}

/** CAB fittizi delle aziende generate (l'ABI resta il 99001 dei dati di riferimento). */
const CAB_GENERATI = ["01002", "01003", "01004", "01005"] as const;

const QUALIFICHE: Record<Settore["chiave"], Array<[Qualifica, number]>> = {
  industria: [["operaio", 65], ["impiegato", 22], ["quadro", 4], ["apprendista", 6], ["dirigente", 3]],
  lapidei: [["operaio", 75], ["impiegato", 15], ["apprendista", 8], ["dirigente", 2]],
  edilizia_industriale: [["operaio", 80], ["impiegato", 12], ["apprendista", 6], ["dirigente", 2]],
  edilizia_artigiana: [["operaio", 75], ["impiegato", 10], ["apprendista", 15]],
  artigianato: [["operaio", 65], ["impiegato", 15], ["apprendista", 20]],
  commercio: [["impiegato", 70], ["operaio", 15], ["apprendista", 12], ["quadro", 3]],
  servizi: [["impiegato", 55], ["operaio", 30], ["apprendista", 12], ["quadro", 3]],
  studio_professionale: [["impiegato", 85], ["apprendista", 10], ["quadro", 5]],
  fondo_altro: [["operaio", 50], ["impiegato", 40], ["quadro", 7], ["dirigente", 3]],
  agricoltura: [["oti", 55], ["otd", 45]],
};

/** Normale standard (Box-Muller) per le dimensioni aziendali, che nella realtà sono molto asimmetriche. */
function normale(c: Casuale): number {
  const u = Math.max(c.prossimo(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * c.prossimo());
}

/** Dimensioni log-normali per settore, riscalate perché la somma sia esattamente `totale`. */
function dimensioni(c: Casuale, settori: readonly Settore[], totale: number): number[] {
  const grezze = settori.map((st) => Math.exp(st.dimensione + 0.9 * normale(c)));
  const fattore = totale / grezze.reduce((a, b) => a + b, 0);
  const d = grezze.map((g) => Math.max(1, Math.floor(g * fattore)));
  let differenza = totale - d.reduce((a, b) => a + b, 0);
  for (let i = 0; differenza !== 0 && i < d.length * 4; i++) {
    const k = i % d.length;
    if (differenza > 0) {
      d[k]++;
      differenza--;
    } else if (d[k] > 1) {
      d[k]--;
      differenza++;
    }
  }
  return d;
}

function ticketFittizio(c: Casuale): string {
  // 16 caratteri alfanumerici, come i ticket della procedura Fondi (docs/regole.md).
  const alfabeto = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
  let t = "T";
  for (let i = 0; i < 15; i++) t += alfabeto[c.intero(0, alfabeto.length - 1)];
  return t;
}

interface PeriodoCig {
  codiceEvento: string;
  ticket: string;
  giorni: DataISO[];
  /** Sospensione a zero ore o riduzione a metà orario. */
  sospensione: boolean;
}

function periodoCig(c: Casuale, mesi: readonly MeseCompetenza[], settore: Settore): PeriodoCig | null {
  if (!settore.evento || mesi.length === 0) return null;
  const primo = Math.max(0, mesi.length - 18);
  const inizio = c.intero(primo, mesi.length - 1);
  const settimane = c.intero(1, 6);
  const giorni: DataISO[] = [];
  for (let i = inizio; i < mesi.length && giorni.length < settimane * 5; i++) giorni.push(...mesi[i].giorniLavorabili5);
  return {
    codiceEvento: settore.evento,
    ticket: ticketFittizio(c),
    giorni: giorni.slice(0, settimane * 5),
    // La CISOA si chiede per giornate intere.
    sospensione: settore.chiave === "agricoltura" || c.probabilita(0.5),
  };
}

export async function generaAziende(w: ScrittoreLotti, registro: Registro, o: OpzioniGeneratore): Promise<RiepilogoGenerazione> {
  const c = mulberry32(o.seme);
  const { ctx } = o;
  const settori = Array.from({ length: o.aziende }, () => c.pesata(SETTORI, SETTORI.map((x) => x.peso)));
  const forze = dimensioni(c, settori, o.lavoratori);
  const riepilogo: RiepilogoGenerazione = { aziende: 0, unita: 0, lavoratori: 0, aziendeConCig: 0, deleghe: 0 };
  const ultimoGiorno = addDays(ctx.dataRiferimento, -1);
  let prossimoCida = 100_000;

  for (let i = 0; i < o.aziende; i++) {
    const settore = settori[i];
    const dipendenti = forze[i];
    const sede = c.scegli(COMUNI);
    const k = c.intero(0, settore.ateco.length - 1);
    const agricola = settore.gestione === "agricola";
    const legale = personaFittizia(c, registro, { luogo: sede.belfiore, nascitaDal: "1950-01-01", nascitaAl: "1990-12-31" });
    // Piccole imprese individuali: il codice fiscale dell'azienda è quello del titolare (16 caratteri, D.P.R. 605/1973).
    const individuale = dipendenti <= 5 && (agricola || settore.chiave === "artigianato") && c.probabilita(0.4);
    const codiceFiscale = individuale ? legale.codiceFiscale : partitaIvaFittizia(c, registro, sede.ufficioIva);
    const ragioneSociale = individuale
      ? `${settore.prefissoNome} ${legale.nome} ${legale.cognome}`
      : `${settore.prefissoNome} ${c.scegli(PREFISSI_RAGIONE_SOCIALE)} ${legale.cognome} ${agricola ? "S.s." : c.scegli(FORME_GIURIDICHE)}`;
    const aziendaId = w.prossimoId(s.aziende);
    const numeroUnita = dipendenti <= 15 ? 1 : dipendenti <= 80 ? 2 : 3;

    // Prima i rapporti (servono a contare la forza media), poi si scrivono azienda, unità e lavoratori.
    const unita = Array.from({ length: numeroUnita }, (_, u) => ({
      id: w.prossimoId(s.unitaProduttive),
      comune: u === 0 ? sede : c.scegli(COMUNI),
      attivita: u === 0 ? settore.attivita[k] : c.scegli(settore.attivita),
    }));
    const cig = c.probabilita(o.quotaAziendeConCig ?? 0.1) ? periodoCig(c, ctx.mesi, settore) : null;
    const semestreDal = addDays(ctx.dataRiferimento, -183);
    let forzaMedia = 0;
    const rapporti: Array<() => void> = [];
    for (let j = 0; j < dipendenti; j++) {
      const u = unita[j % numeroUnita];
      const qualifica = c.pesata(QUALIFICHE[settore.chiave].map(([q]) => q), QUALIFICHE[settore.chiave].map(([, p]) => p));
      const straniero = c.probabilita(0.1);
      const p = personaFittizia(c, registro, {
        luogo: straniero ? c.scegli(STATI_ESTERI) : u.comune.belfiore,
        nascitaDal: "1960-01-01",
        nascitaAl: qualifica === "apprendista" ? "2007-12-31" : qualifica === "dirigente" ? "1985-12-31" : "2004-12-31",
      });
      const maggiorenne = addYears(p.dataNascita, qualifica === "dirigente" ? 30 : 18);
      const dataAssunzione = dataTra(c, maggiorenne > "1995-01-01" ? maggiorenne : "1995-01-01", addDays(ultimoGiorno, -1));
      const tipoContratto: TipoContratto =
        qualifica === "apprendista" ? "apprendistato" : qualifica === "otd" ? "tempo_determinato" : c.probabilita(0.1) ? "tempo_determinato" : "tempo_indeterminato";
      const cessato = c.probabilita(0.06);
      const dataCessazione = cessato ? dataTra(c, dataAssunzione, ultimoGiorno) : null;
      const agricolo = isAgricolo(qualifica);
      const partTime = !agricolo && qualifica !== "dirigente" && c.probabilita(settore.chiave === "commercio" || settore.chiave === "servizi" ? 0.25 : 0.08);
      const orario = agricolo ? 3900 : partTime ? c.scegli([2000, 2400, 3000]) : 4000;
      const rapporto = {
        dataAssunzione,
        dataCessazione,
        orarioSettimanaleCentesimi: orario,
        giorniSettimana: (agricolo ? 6 : 5) as 5 | 6,
      };
      let giornateAgricole: Record<number, number> | undefined;
      if (agricolo) {
        giornateAgricole = {};
        const annoRif = Number(ctx.dataRiferimento.slice(0, 4));
        for (let a = Math.max(annoRif - 2, Number(dataAssunzione.slice(0, 4))); a <= annoRif; a++) {
          const capienza = capienzaGiornate(a, rapporto, a === annoRif ? ultimoGiorno : `${a}-12-31`);
          if (capienza === 0) continue;
          // Alcuni OTI restano sotto le 181 giornate: la regola della CISOA deve avere casi da scartare.
          const desiderate = a === annoRif ? c.intero(5, 30) : qualifica === "oti" ? c.intero(150, 290) : c.intero(30, 150);
          giornateAgricole[a] = Math.min(desiderate, capienza);
        }
      }
      if (dataAssunzione <= semestreDal && (dataCessazione === null || dataCessazione >= ultimoGiorno)) forzaMedia++;
      const iban = c.probabilita(0.9) ? ibanFittizio(registro, c.scegli(CAB_GENERATI)) : null;
      let eventi: EventiCig | undefined;
      if (cig && u === unita[0] && qualifica !== "dirigente" && (!agricolo || qualifica === "oti") && c.probabilita(0.7)) {
        const giornaliere = Math.round(orario / rapporto.giorniSettimana);
        const ore = cig.sospensione ? giornaliere : Math.round(giornaliere / 2);
        eventi = {
          codiceEvento: cig.codiceEvento,
          ticket: cig.ticket,
          giorni: cig.giorni
            .filter((g) => g >= dataAssunzione && (dataCessazione === null || g <= dataCessazione))
            .map((giorno) => ({ giorno, oreCentesimi: ore })),
        };
      }
      const seme = c.intero(0, 2 ** 31);
      rapporti.push(() =>
        scriviLavoratore(
          w,
          ctx,
          p,
          iban,
          {
          unitaProduttivaId: u.id,
          qualifica,
          tipoContratto,
          dataAssunzione,
          dataCessazione,
          orarioSettimanaleCentesimi: orario,
          percentualePartTime: partTime ? orario / 40 : null,
          giornateAgricole,
          },
          seme,
          eventi,
        ),
      );
    }

    const fondi = settore.fondi;
    w.aggiungi(s.aziende, {
      id: aziendaId,
      matricola: agricola ? null : matricolaFittizia(c, registro),
      cida: agricola ? `AGR-${prossimoCida++}` : null,
      codiceFiscale,
      ragioneSociale,
      csc: settore.csc,
      codiciAutorizzazione: [],
      codiceAteco: settore.ateco[k],
      gestione: settore.gestione,
      sedeCodice: sede.sede,
      pec: `azienda${String(aziendaId).padStart(6, "0")}@pec.esempio.it`,
      telefono: null,
      indirizzo: indirizzoCasuale(c),
      comune: sede.nome,
      provincia: sede.provincia,
      cap: sede.cap,
      cfLegaleRappresentante: legale.codiceFiscale,
      forzaMediaSemestre: forzaMedia,
      ccnl: settore.ccnl,
      fondoSolidarietaCodice: fondi ? fondi[Math.min(k, fondi.length - 1)] : null,
    });
    for (const [n, u] of unita.entries()) {
      w.aggiungi(s.unitaProduttive, {
        id: u.id,
        aziendaId,
        codice: `UP${n + 1}`,
        denominazione: `${u.attivita[0].toUpperCase()}${u.attivita.slice(1)} di ${u.comune.nome}`,
        indirizzo: indirizzoCasuale(c),
        comune: u.comune.nome,
        codiceCatastale: u.comune.belfiore,
        provincia: u.comune.provincia,
        cap: u.comune.cap,
        attivita: u.attivita,
      });
    }
    for (const scrivi of rapporti) scrivi();
    if (o.deleghe && i < o.deleghe.quante) {
      w.aggiungi(s.deleghe, {
        id: w.prossimoId(s.deleghe),
        intermediarioId: o.deleghe.intermediarioId,
        aziendaId,
        validaDal: dataTra(c, "2021-01-01", "2025-06-30"),
        validaAl: c.probabilita(0.5) ? null : dataTra(c, "2026-06-30", "2028-12-31"),
      });
      riepilogo.deleghe++;
    }
    riepilogo.aziende++;
    riepilogo.unita += numeroUnita;
    riepilogo.lavoratori += dipendenti;
    if (cig) riepilogo.aziendeConCig++;
    await w.respira();
    if (o.avanzamento && (i + 1) % 1000 === 0) o.avanzamento(i + 1);
  }
  return riepilogo;
}
