// Rule outcomes of the step "Periodo e causale": filing term and earliest covered date, duration limits per unit
// (CIGO biennio and 1/3 rule, FIS 13/26 weeks, fund weeks, CISOA 90 days) and overlaps with the company's other
// domande for the same unit and benefit. The rules are the domain's; this module only gathers their inputs.
import { and, eq, inArray, ne, notInArray, sql } from "drizzle-orm";
import { domandaLavoratori, domande, lavoratori } from "#db/schema";
import { db, preparataSu } from "#db/connection";
import type { Db } from "#db/client";
import { dateDi, isFestivo, oggiRoma, type DataISO } from "~/domain/date";
import { adesso as adessoPiattaforma } from "../orologio.server";
import { verificaDurataCigo, verificaDurataFis, verificaDurataFondo, verificaGiorniCisoa, type GiorniSettimanali } from "~/domain/durate";
import type { Esito } from "~/domain/esito";
import { verificaSovrapposizioni } from "~/domain/sovrapposizioni";
import { verificaTerminePresentazione } from "~/domain/termini-presentazione";
import type { PeriodoPrecedente, PeriodoRichiesto } from "~/domain/tipi";
import { attivitaDaAteco, fondoDaCodice } from "~/domain/inquadramento";
import { leggiRisposta, leggiRisposte } from "~/passi";
import type { DatiPeriodo } from "~/passi/schemi/periodo";
import type { EsitoPasso } from "../controlli-domanda.server";
import type { DomandaCaricata, Transazione } from "../domande.server";

/**
 * Where the other domande are read: the pool for a draft's pages, the submit transaction (under the unit's lock,
 * app/services/invio.server.ts) when the outcome decides whether the domanda may be sent.
 */
export type Lettore = Db | Transazione;

/** Domande that no longer claim the period (withdrawn or refused) and drafts, which claim nothing yet. */
const NON_CONTANO = ["bozza", "rinunciata", "respinta"] as const;

/** The filing date: the day it was sent, or today in Rome for a draft. */
export function dataPresentazione(caricata: DomandaCaricata, adesso = adessoPiattaforma()): DataISO {
  return oggiRoma(caricata.domanda.inviataIl ?? adesso);
}

/**
 * The contractual week is not in the registries: agricultural work is on six days (CCNL operai agricoli), the other
 * sectors are counted on the short week, the more cautious divisor for the limits.
 */
function giorniSettimanali(caricata: DomandaCaricata): GiorniSettimanali {
  return caricata.azienda.gestione === "agricola" ? 6 : 5;
}

/**
 * The unit's other domande that claim their period: prepared once (this runs on every summary and, under the unit's
 * lock, in every submission), reading of each only the periodo step's answers.
 */
function queryPeriodiEsistenti(d: Db) {
  return d
    .select({
      id: domande.id,
      protocollo: domande.protocollo,
      prestazione: domande.prestazione,
      fondoCodice: domande.fondoCodice,
      dataInizio: domande.dataInizio,
      dataFine: domande.dataFine,
      periodo: sql<unknown>`${domande.dati} -> 'periodo'`,
    })
    .from(domande)
    .where(
      and(
        eq(domande.aziendaId, sql.placeholder("aziendaId")),
        eq(domande.unitaProduttivaId, sql.placeholder("unitaId")),
        ne(domande.id, sql.placeholder("id")),
        notInArray(domande.stato, [...NON_CONTANO]),
      ),
    )
    .prepare("periodi_esistenti");
}

async function periodiEsistenti(caricata: DomandaCaricata, lettore: Lettore): Promise<PeriodoPrecedente[]> {
  const { domanda } = caricata;
  if (domanda.unitaProduttivaId === null) return [];
  const righe = await preparataSu(lettore, "periodi_esistenti", queryPeriodiEsistenti).execute({
    aziendaId: domanda.aziendaId,
    unitaId: domanda.unitaProduttivaId,
    id: domanda.id,
  });
  return righe
    .filter((r) => r.dataInizio && r.dataFine)
    .map((r) => {
      const p = leggiRisposta("periodo", typeof r.periodo === "string" ? JSON.parse(r.periodo) : r.periodo);
      return {
        inizio: r.dataInizio!,
        fine: r.dataFine!,
        domanda: r.protocollo ?? `n. ${r.id}`,
        prestazione: r.prestazione,
        fondo: fondoDaCodice(r.fondoCodice),
        unitaProduttiva: String(domanda.unitaProduttivaId),
        eone: p?.eone ?? false,
        ...(p?.giorni ? { giorniFruiti: p.giorni } : {}),
        ...(p ? { oreAutorizzate: p.oreRichieste } : {}),
      };
    });
}

/** CISOA days of a domanda: the days listed for weather causes, otherwise the working days of the period. */
function giorniCisoa(p: { inizio: DataISO; fine: DataISO; giorni?: DataISO[] }): DataISO[] {
  return p.giorni ?? dateDi(p).filter((d) => !isFestivo(d));
}

async function controlliCisoa(
  caricata: DomandaCaricata,
  periodo: DatiPeriodo,
  lettore: Lettore,
): Promise<Esito[]> {
  const richiesti = giorniCisoa({ inizio: periodo.dataInizio, fine: periodo.dataFine, giorni: periodo.giorni });
  if (richiesti.length === 0) return [];
  const scelti = await lettore
    .select({ cf: domandaLavoratori.codiceFiscale, nome: lavoratori.nome, cognome: lavoratori.cognome })
    .from(domandaLavoratori)
    .leftJoin(lavoratori, eq(lavoratori.id, domandaLavoratori.lavoratoreId))
    .where(eq(domandaLavoratori.domandaId, caricata.domanda.id));
  // Days already claimed for each worker by every other CISOA domanda naming that worker, whatever its unit or
  // company: the 90 days are the worker's in the calendar year (art. 8 L. 457/1972; docs/regole.md
  // durata.cisoa.giorni). The submission reads them under a lock per worker (app/services/invio.server.ts).
  const perLavoratore = new Map<string, DataISO[]>();
  if (scelti.length > 0) {
    const altre = await lettore
      .select({ cf: domandaLavoratori.codiceFiscale, inizio: domande.dataInizio, fine: domande.dataFine, dati: domande.dati })
      .from(domandaLavoratori)
      .innerJoin(domande, eq(domande.id, domandaLavoratori.domandaId))
      .where(
        and(
          inArray(domandaLavoratori.codiceFiscale, scelti.map((s) => s.cf)),
          eq(domande.prestazione, "CISOA"),
          ne(domande.id, caricata.domanda.id),
          notInArray(domande.stato, [...NON_CONTANO]),
        ),
      );
    for (const a of altre) {
      if (!a.inizio || !a.fine) continue;
      const p = leggiRisposte(a.dati).periodo;
      perLavoratore.set(a.cf, [...(perLavoratore.get(a.cf) ?? []), ...giorniCisoa({ inizio: a.inizio, fine: a.fine, giorni: p?.giorni })]);
    }
  }
  if (scelti.length === 0) {
    return [verificaGiorniCisoa({ cf: "—", nominativo: "Ogni lavoratore", giorniPrecedenti: [], giorniRichiesti: richiesti }).esito];
  }
  return scelti.map(
    (s) =>
      verificaGiorniCisoa({
        cf: s.cf,
        nominativo: s.cognome ? `${s.nome} ${s.cognome}` : s.cf,
        giorniPrecedenti: perLavoratore.get(s.cf) ?? [],
        giorniRichiesti: richiesti,
      }).esito,
  );
}

export async function esitiPeriodo(
  caricata: DomandaCaricata,
  adesso = adessoPiattaforma(),
  lettore: Lettore = db(),
): Promise<Esito[]> {
  const { domanda, azienda } = caricata;
  const { periodo, unitaProduttiva: unita } = caricata.risposte;
  if (!periodo || !unita || domanda.unitaProduttivaId === null) return [];
  const presentazione = dataPresentazione(caricata, adesso);
  const esiti: Esito[] = [];
  esiti.push(
    verificaTerminePresentazione({
      prestazione: domanda.prestazione,
      eone: periodo.eone,
      inizioSospensione: periodo.dataInizio,
      fineSospensione: periodo.dataFine,
      ...(periodo.giorni?.length ? { dataEvento: [...periodo.giorni].sort()[0] } : {}),
      dataPresentazione: presentazione,
    }).esito,
  );
  const fondo = fondoDaCodice(domanda.fondoCodice);
  const richiesta: PeriodoRichiesto = {
    inizio: periodo.dataInizio,
    fine: periodo.dataFine,
    prestazione: domanda.prestazione,
    fondo,
    unitaProduttiva: String(domanda.unitaProduttivaId),
    eone: periodo.eone,
  };
  const esistenti = await periodiEsistenti(caricata, lettore);
  const comuni = {
    richiesta,
    precedenti: esistenti,
    giorniSettimanali: giorniSettimanali(caricata),
    nomeUnitaProduttiva: unita.denominazione,
  };
  switch (domanda.prestazione) {
    case "CIGO": {
      const attivita = attivitaDaAteco(azienda.codiceAteco);
      esiti.push(
        ...verificaDurataCigo({
          ...comuni,
          ediliziaLapidei: attivita === "edilizia" || attivita.startsWith("lapidei"),
          mediaOccupati: unita.mediaOccupati,
          oreRichieste: periodo.oreRichieste,
        }).esiti,
      );
      break;
    }
    case "AIS_FIS":
      esiti.push(
        ...verificaDurataFis({ ...comuni, dipendentiMedi: azienda.forzaMediaSemestre, causaleStraordinaria: periodo.straordinaria }).esiti,
      );
      break;
    case "AIS_FONDO":
      if (fondo) esiti.push(...verificaDurataFondo({ ...comuni, richiesta: { ...richiesta, fondo } }).esiti);
      break;
    case "CISOA":
      esiti.push(...(await controlliCisoa(caricata, periodo, lettore)));
      break;
  }
  esiti.push(...verificaSovrapposizioni(richiesta, esistenti));
  return esiti;
}

export async function controlliPeriodo(caricata: DomandaCaricata, lettore: Lettore = db()): Promise<EsitoPasso[]> {
  return (await esitiPeriodo(caricata, adessoPiattaforma(), lettore)).map((e) => ({ ...e, passo: "periodo" as const }));
}
