// I controlli sincroni di ogni denuncia UniEmens-Cig, riga per riga, nell'ordine del catalogo (./catalogo-errori.ts):
// mese, matricola e delega, ticket della domanda con pagamento diretto, lavoratore beneficiario e in forza all'unità
// produttiva, periodo, detrazioni (msg INPS 2902/2022), IBAN, chiave unica, termine (art. 7 c.5-bis d.lgs. 148/2015),
// ore per settimana e ore autorizzate cumulate tra i flussi. Funzioni pure: i fatti dagli archivi arrivano nel contesto,
// che il servizio prepara; la stessa verifica serve all'invio, alla prova senza invio e ai controlli dell'operatore.
// Le righe buone sono accolte, quelle con un errore no; gli avvisi non impediscono l'accoglienza. docs/regole.md §19.
import { addDays, contiene, giornoSettimana, type DataISO, type Intervallo } from "../date";
import { scadenzaPagamentoDiretto } from "../scadenze-flussi";
import { validaCodiceFiscalePersona } from "../validatori/codice-fiscale";
import { validaIban } from "../validatori/iban";
import { CATALOGO_ERRORI_FLUSSI } from "./catalogo-errori";
import { chiaveDenuncia, ultimoGiornoDelMese, type DenunciaCig, type Segnalazione } from "./denuncia";

/** Che cosa dice la domanda di un ticket, e la sua autorizzazione se è già decisa. */
export interface DomandaDelTicket {
  ticket: string;
  matricola: string;
  /** L'unità produttiva della domanda (chiave opaca, la stessa che usa `inForza`). */
  unitaProduttiva: string;
  pagamentoDiretto: boolean;
  periodoRichiesto: Intervallo;
  lavoratoriRichiesti: ReadonlySet<string>;
  autorizzazione: {
    periodo: Intervallo;
    oreAutorizzateCentesimi: number;
    lavoratori: ReadonlySet<string>;
    /** Giorno in cui l'azienda ha ricevuto il provvedimento. */
    notificataIl: DataISO;
  } | null;
}

export interface ContestoFlussi {
  oggi: DataISO;
  /** Le matricole che esistono e per cui chi invia può agire (legale rappresentante o delega valida). */
  matricolaAbilitata(matricola: string): "abilitata" | "sconosciuta" | "non_delegata";
  domandaDelTicket(ticket: string): DomandaDelTicket | null;
  /** Dall'UniEmens: il lavoratore era in forza a quell'unità produttiva della matricola in quel mese? */
  inForza(cf: string, matricola: string, unitaProduttiva: string, competenza: string): boolean;
  /** L'IBAN registrato per il lavoratore, se c'è. */
  ibanRegistrato(cf: string): string | null;
  /** Chiavi delle denunce già accolte in flussi precedenti e non eliminate. */
  chiaveGiaPresente(chiave: string): boolean;
  /** Ore (centesimi) già accolte sul ticket in flussi precedenti. */
  oreGiaAccolteCentesimi(ticket: string): number;
  /** Da quanti giorni prima della scadenza avvisare (predefinito 15). */
  preavvisoGiorni?: number;
}

export interface EsitoDenuncia {
  riga: number;
  chiave: string;
  accolta: boolean;
  segnalazioni: Segnalazione[];
  /** Ore di integrazione della denuncia (centesimi). */
  oreCentesimi: number;
}

export function eErrore(s: Segnalazione): boolean {
  return CATALOGO_ERRORI_FLUSSI[s.codice].gravita === "errore";
}

function ore(centesimi: number): string {
  return (centesimi / 100).toLocaleString("it-IT", { maximumFractionDigits: 2 });
}

/**
 * A function that remembers its results, at most `massimo` of them (then it starts again): the checks of a flow ask
 * the same questions of many returns (the same worker, IBAN or month on every return of a payroll), and a flow's
 * memos must not grow with a file of 100,000 distinct workers.
 */
export function ricordata<V>(calcola: (chiave: string) => V, massimo = MASSIMO_RICORDATI): (chiave: string) => V {
  const noti = new Map<string, V>();
  return (chiave) => {
    let v = noti.get(chiave);
    if (v === undefined) {
      v = calcola(chiave);
      if (noti.size >= massimo) noti.clear();
      noti.set(chiave, v);
    }
    return v;
  };
}

/** Results remembered per kind and flow (a few hundred bytes each: ~2 MB per kind at most). */
const MASSIMO_RICORDATI = 10_000;

/** What the checks use of a competence month "AAAA-MM": its first and last day, and each day's date and Monday. */
interface Mese {
  primo: DataISO;
  ultimo: DataISO;
  /** By day of the month (1-31), filled when first asked. */
  date: DataISO[];
  lunedi: DataISO[];
}

function nuovoMese(competenza: string): Mese {
  return { primo: `${competenza}-01`, ultimo: `${competenza}-${String(ultimoGiornoDelMese(competenza)).padStart(2, "0")}`, date: [], lunedi: [] };
}

function dataDelGiorno(competenza: string, m: Mese, giorno: number): DataISO {
  return (m.date[giorno] ??= `${competenza}-${String(giorno).padStart(2, "0")}`);
}

/** Il lunedì della settimana del giorno. */
function lunediDelGiorno(competenza: string, m: Mese, giorno: number): DataISO {
  let l = m.lunedi[giorno];
  if (l === undefined) {
    const data = dataDelGiorno(competenza, m, giorno);
    l = m.lunedi[giorno] = addDays(data, -((giornoSettimana(data) + 6) % 7));
  }
  return l;
}

/** Il mese tocca il periodo (basta un giorno in comune). */
function meseNelPeriodo(m: Mese, periodo: Intervallo): boolean {
  return m.primo <= periodo.fine && m.ultimo >= periodo.inizio;
}

/** Ore per settimana (dal lunedì) dei giorni del mese. */
function orePerSettimana(competenza: string, m: Mese, giorni: DenunciaCig["giorni"]): Map<DataISO, number> {
  const settimane = new Map<DataISO, number>();
  for (const g of giorni) {
    const lunedi = lunediDelGiorno(competenza, m, g.giorno);
    settimane.set(lunedi, (settimane.get(lunedi) ?? 0) + g.oreCentesimi);
  }
  return settimane;
}

/**
 * La verifica di un flusso: una funzione da chiamare su ogni denuncia nell'ordine del file. Ricorda le chiavi e le ore
 * delle denunce accolte, così i doppioni nello stesso file e le ore cumulate si vedono come tra flussi diversi.
 */
export function creaVerificaFlusso(
  ctx: ContestoFlussi,
  /** A flow resumed after a stop: the returns it had already accepted (keys, hours per ticket) count as this file's. */
  giaAccolte: { chiavi: Iterable<string>; oreCentesimi: ReadonlyMap<string, number> } = { chiavi: [], oreCentesimi: new Map() },
): (d: DenunciaCig) => EsitoDenuncia {
  const chiaviAccolte = new Set<string>(giaAccolte.chiavi);
  const oreAccolte = new Map<string, number>(giaAccolte.oreCentesimi);
  const scadenze = new Map<string, ReturnType<typeof scadenzaPagamentoDiretto>>();
  // Per flow: today is the same for every return, and a worker, an IBAN or a month recurs on many of them.
  const mese = ricordata(nuovoMese);
  const codiceFiscale = ricordata((cf) => validaCodiceFiscalePersona(cf, { oggi: ctx.oggi }));
  const ibanValido = ricordata(validaIban);
  return (d) => {
    const m = mese(d.competenza);
    const s: Segnalazione[] = [];
    const chiave = chiaveDenuncia(d);
    const oreDenuncia = d.giorni.reduce((t, g) => t + g.oreCentesimi, 0);
    const esci = (): EsitoDenuncia => {
      const accolta = !s.some(eErrore);
      if (accolta) {
        chiaviAccolte.add(chiave);
        if (d.ticket) oreAccolte.set(d.ticket, (oreAccolte.get(d.ticket) ?? 0) + oreDenuncia);
      }
      return { riga: d.riga, chiave, accolta, segnalazioni: s, oreCentesimi: oreDenuncia };
    };

    if (m.primo > ctx.oggi) {
      s.push({ codice: "UNI41-E041", campo: "competenza", messaggio: `Il mese ${d.competenza} non è ancora iniziato.` });
    }
    const abilitazione = ctx.matricolaAbilitata(d.matricola);
    if (abilitazione !== "abilitata") {
      s.push({
        codice: "UNI41-E010", campo: "matricola",
        messaggio: abilitazione === "sconosciuta" ? `La matricola ${d.matricola} non esiste.` : `Non hai una delega valida per la matricola ${d.matricola}.`,
      });
      return esci();
    }
    if (!d.ticket) {
      s.push({ codice: "UNI41-E020", campo: "ticket", messaggio: "Manca il ticket della domanda." });
      return esci();
    }
    const domanda = ctx.domandaDelTicket(d.ticket);
    if (!domanda) {
      s.push({ codice: "UNI41-E021", campo: "ticket", messaggio: `Il ticket ${d.ticket} non corrisponde a nessuna domanda inviata.` });
      return esci();
    }
    if (domanda.matricola !== d.matricola) {
      s.push({ codice: "UNI41-E023", campo: "ticket", messaggio: `Il ticket ${d.ticket} è di una domanda della matricola ${domanda.matricola}, non ${d.matricola}.` });
      return esci();
    }
    if (!domanda.pagamentoDiretto) {
      s.push({ codice: "UNI41-E022", campo: "ticket", messaggio: `La domanda del ticket ${d.ticket} chiede l'anticipo e conguaglio.` });
      return esci();
    }

    const cf = codiceFiscale(d.cfLavoratore);
    if (!cf.valido) {
      s.push({ codice: "UNI41-E030", campo: "cfLavoratore", messaggio: `${d.cfLavoratore}: ${cf.motivo}.` });
    } else {
      const aut = domanda.autorizzazione;
      const beneficiari = aut ? aut.lavoratori : domanda.lavoratoriRichiesti;
      if (!beneficiari.has(d.cfLavoratore)) {
        s.push({
          codice: "UNI41-E031", campo: "cfLavoratore",
          messaggio: aut && domanda.lavoratoriRichiesti.has(d.cfLavoratore)
            ? `${d.cognome} ${d.nome} (${d.cfLavoratore}) è stato escluso dall'autorizzazione.`
            : `${d.cognome} ${d.nome} (${d.cfLavoratore}) non è tra i lavoratori della domanda.`,
        });
      } else if (!ctx.inForza(d.cfLavoratore, d.matricola, domanda.unitaProduttiva, d.competenza)) {
        s.push({ codice: "UNI41-E032", campo: "cfLavoratore", messaggio: `Nell'UniEmens di ${d.competenza} ${d.cognome} ${d.nome} non risulta in forza all'unità produttiva della domanda.` });
      }
    }

    const periodo = domanda.autorizzazione?.periodo ?? domanda.periodoRichiesto;
    if (!meseNelPeriodo(m, periodo)) {
      s.push({
        codice: "UNI41-E040", campo: "competenza",
        messaggio: `Il mese ${d.competenza} è fuori dal periodo ${domanda.autorizzazione ? "autorizzato" : "richiesto"} (${periodo.inizio.split("-").reverse().join("/")} - ${periodo.fine.split("-").reverse().join("/")}).`,
      });
    } else {
      const fuori = d.giorni.filter((g) => !contiene(periodo, dataDelGiorno(d.competenza, m, g.giorno)));
      if (fuori.length) {
        s.push({ codice: "UNI41-E040", campo: "giorni", messaggio: `I giorni ${fuori.map((g) => g.giorno).join(", ")} di ${d.competenza} sono fuori dal periodo ${domanda.autorizzazione ? "autorizzato" : "richiesto"}.` });
      }
    }

    // Both S or both N (when the first is S or N and the second equals it, so is the second).
    if ((d.detrazLavDip !== "S" && d.detrazLavDip !== "N") || d.detrazLavDip !== d.detrazCarichiFam) {
      s.push({
        codice: "UNI41-E050", campo: "detrazLavDip",
        messaggio: `DetrazLavDip «${d.detrazLavDip ?? ""}» e DetrazCarichiFam «${d.detrazCarichiFam ?? ""}»: devono esserci entrambi, valere S o N ed essere uguali.`,
      });
    }

    if (!d.iban) {
      s.push({ codice: "UNI41-E060", campo: "iban", messaggio: "Manca l'IBAN del lavoratore." });
    } else {
      const iban = ibanValido(d.iban);
      if (!iban.valido) s.push({ codice: "UNI41-E060", campo: "iban", messaggio: `${iban.motivo}.` });
      else if (ctx.ibanRegistrato(d.cfLavoratore) !== d.iban) {
        s.push({ codice: "UNI41-W061", campo: "iban", messaggio: `L'IBAN ${d.iban} non è quello registrato per ${d.cognome} ${d.nome}: l'intestatario sarà verificato prima del pagamento.` });
      }
    }

    if (chiaviAccolte.has(chiave) || ctx.chiaveGiaPresente(chiave)) {
      s.push({
        codice: "UNI41-E070",
        messaggio: chiaviAccolte.has(chiave)
          ? `Nel file c'è già una denuncia di ${d.cfLavoratore} per ${d.competenza} con le stesse qualifiche.`
          : `È già stata accolta una denuncia di ${d.cfLavoratore} per ${d.competenza} con le stesse qualifiche: eliminala prima di inviarla di nuovo.`,
      });
    }

    // The deadline depends only on the month and the notification day (today is the same for the whole file): a
    // file of 100,000 returns has a handful of them, computed once each (2.5% of the check's CPU, README Misure).
    const notificata = domanda.autorizzazione?.notificataIl ?? null;
    const chiaveScadenza = `${d.competenza}|${notificata ?? ""}`;
    let scadenza = scadenze.get(chiaveScadenza);
    if (!scadenza) {
      scadenza = scadenzaPagamentoDiretto({ competenza: m.primo, dataNotificaAutorizzazione: notificata, oggi: ctx.oggi, preavvisoGiorni: ctx.preavvisoGiorni });
      scadenze.set(chiaveScadenza, scadenza);
    }
    if (scadenza.esito.gravita === "bloccante") s.push({ codice: "UNI41-E080", messaggio: scadenza.esito.messaggio });
    else if (scadenza.esito.gravita === "avviso") s.push({ codice: "UNI41-W081", messaggio: scadenza.esito.messaggio });

    for (const [lunedi, totale] of orePerSettimana(d.competenza, m, d.giorni)) {
      if (totale > d.orarioContrattualeCentesimi) {
        s.push({
          codice: "UNI41-E090", campo: "giorni",
          messaggio: `Nella settimana del ${lunedi.split("-").reverse().join("/")} le ore di integrazione (${ore(totale)}) superano l'orario contrattuale (${ore(d.orarioContrattualeCentesimi)}).`,
        });
      }
    }

    if (domanda.autorizzazione) {
      const gia = ctx.oreGiaAccolteCentesimi(d.ticket) + (oreAccolte.get(d.ticket) ?? 0);
      const limite = domanda.autorizzazione.oreAutorizzateCentesimi;
      if (gia + oreDenuncia > limite) {
        s.push({
          codice: "UNI41-E091", campo: "giorni",
          messaggio: `Ore autorizzate ${ore(limite)}, già accolte ${ore(gia)}: le ${ore(oreDenuncia)} ore di questa denuncia le supererebbero (restano ${ore(Math.max(0, limite - gia))}).`,
        });
      }
    } else {
      s.push({ codice: "UNI41-W082", messaggio: `La domanda del ticket ${d.ticket} non è ancora decisa: il pagamento attende l'autorizzazione.` });
    }
    return esci();
  };
}
