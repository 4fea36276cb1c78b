// The cruscotto of one company (employer or intermediary with a valid delega): per unità produttiva, what was authorised
// and what was used, the capacity left, the deadlines. Reads in a few set-based queries (the company's domande, their
// acts in force, the UniEmens CIG days and the accepted UniEmens-Cig returns by ticket); every figure comes from the
// rules module (app/domain/cruscotto.ts, which calls durate.ts, importi.ts, scadenze-flussi.ts).
import { and, eq, inArray, isNotNull, Param, sql } from "drizzle-orm";
import { domandaLavoratori, domande, lavoratori, provvedimenti, provvedimentiLavoratori, type Azienda } from "#db/schema";
import { db, righeDi, traValori } from "#db/connection";
import {
  capacita, fasciaContributo, giorniCisoaLavoratori, periodoContinuo, rigaAutorizzazione, scadenzeAutorizzazioni,
  type AutorizzazioneUnita, type Capacita, type RigaAutorizzazione,
} from "~/domain/cruscotto";
import { anno, dateDi, isFestivo, type DataISO } from "~/domain/date";
import type { GiorniSettimanali } from "~/domain/durate";
import type { Esito } from "~/domain/esito";
import { attivitaDaAteco, fondoDaCodice, inquadramentoDa } from "~/domain/inquadramento";
import { instrada } from "~/domain/instradamento";
import { nomePrestazione, type Fondo, type Prestazione } from "~/domain/tipi";
import { leggiRisposte } from "~/passi";
import { ruoloSede } from "~/domain/autorizzazione";
import { aziendaAutorizzata, eSistema, type Attore } from "./autorizzazione.server";
import { oggi as oggiPiattaforma } from "./orologio.server";
import { unitaDellAzienda } from "./unita-produttive.server";

// The stored capacity warnings' version moves only for domande in these states (migration 0027 lists them again).
const CONTANO = ["inviata", "in_istruttoria", "sospesa", "autorizzata", "autorizzata_parziale"] as const;

/** Agricultural work on six days (CCNL operai agricoli), the others on the short week (as the Periodo step). */
export function giorniSettimanali(azienda: Pick<Azienda, "gestione">): GiorniSettimanali {
  return azienda.gestione === "agricola" ? 6 : 5;
}

/** Building and stone: EONE count in the CIGO limits (art. 10 lett. m), n), o)), as the Periodo step. */
export function eEdiliziaLapidei(azienda: Pick<Azienda, "codiceAteco">): boolean {
  const att = attivitaDaAteco(azienda.codiceAteco);
  return att === "edilizia" || att.startsWith("lapidei");
}

export interface AutorizzazioneLetta extends AutorizzazioneUnita {
  aziendaId: number;
  unitaId: number;
  ticket: string | null;
  provvedimentoId: number | null;
}

/**
 * Every domanda of the companies that claims a period, with its act in force (the last one, not corrected) and fruito.
 * The caller bounds the companies (one company, or one page of the portfolio).
 */
export async function autorizzazioniAziende(aziendaIds: number[]): Promise<AutorizzazioneLetta[]> {
  if (aziendaIds.length === 0) return [];
  const righe = await db()
    .select({
      aziendaId: domande.aziendaId,
      id: domande.id, protocollo: domande.protocollo, ticket: domande.ticket, prestazione: domande.prestazione,
      fondoCodice: domande.fondoCodice, stato: domande.stato, unitaId: domande.unitaProduttivaId, inizio: domande.dataInizio,
      fine: domande.dataFine, dati: domande.dati,
      richiesti: sql<number>`(select count(*)::int from ${domandaLavoratori} where ${domandaLavoratori.domandaId} = ${domande.id})`,
    })
    .from(domande)
    // The companies and the acts as one array parameter each (traValori): a studio's portfolio asks for 1,000 of them.
    .where(and(traValori(domande.aziendaId, aziendaIds), inArray(domande.stato, [...CONTANO]), isNotNull(domande.unitaProduttivaId), isNotNull(domande.dataInizio), isNotNull(domande.dataFine)));
  if (righe.length === 0) return [];
  const ids = righe.map((r) => r.id);
  const atti = await db()
    .select({
      id: provvedimenti.id, domandaId: provvedimenti.domandaId, numero: provvedimenti.numero, esito: provvedimenti.esito,
      inizio: provvedimenti.periodoInizio, fine: provvedimenti.periodoFine, giorni: provvedimenti.giorni, ore: provvedimenti.oreAutorizzate,
      modalita: provvedimenti.modalitaPagamento, data: provvedimenti.dataDecisione,
      lavoratori: sql<number>`(select count(*)::int from ${provvedimentiLavoratori} where ${provvedimentiLavoratori.provvedimentoId} = ${provvedimenti.id})`,
    })
    .from(provvedimenti)
    .where(and(traValori(provvedimenti.domandaId, ids), sql`not exists (select 1 from provvedimenti r where r.rettifica_di = ${provvedimenti.id})`));
  const attoDi = new Map(atti.map((a) => [a.domandaId, a]));
  const tickets = righe.flatMap((r) => (r.ticket ? [r.ticket] : []));
  const fruito = await fruitoPerTicket(tickets);
  const out: AutorizzazioneLetta[] = [];
  for (const r of righe) {
    const atto = attoDi.get(r.id);
    if (atto?.esito === "respinta") continue;
    const periodo = leggiRisposte(r.dati).periodo;
    const decisa = r.stato === "autorizzata" || r.stato === "autorizzata_parziale";
    if (decisa && (!atto || !atto.inizio || !atto.fine)) continue;
    const f = (r.ticket && fruito.get(r.ticket)) || { giorni: [], oreCentesimi: 0, mesi: [] };
    out.push({
      aziendaId: r.aziendaId, domandaId: r.id, domanda: r.protocollo ?? `n. ${r.id}`, unitaId: r.unitaId!, ticket: r.ticket, provvedimentoId: atto?.id ?? null,
      prestazione: r.prestazione, fondo: fondoDaCodice(r.fondoCodice), eone: periodo?.eone ?? false,
      stato: decisa ? (r.stato as "autorizzata" | "autorizzata_parziale") : "in_attesa",
      numero: decisa ? atto!.numero : null,
      inizio: decisa ? atto!.inizio! : r.inizio!,
      fine: decisa ? atto!.fine! : r.fine!,
      giorni: decisa ? (atto!.giorni ?? null) : (periodo?.giorni ?? null),
      oreAutorizzate: decisa ? atto!.ore : (periodo?.oreRichieste ?? null),
      lavoratori: decisa ? atto!.lavoratori : r.richiesti,
      modalitaPagamento: decisa ? atto!.modalita : null,
      dataProvvedimento: decisa ? atto!.data : null,
      fruito: f,
    });
  }
  return out.sort((a, b) => (a.inizio < b.inizio ? -1 : a.inizio > b.inizio ? 1 : a.domandaId - b.domandaId));
}

/** Fruito per ticket: the CIG days reported in UniEmens and the days of the accepted UniEmens-Cig returns. */
async function fruitoPerTicket(tickets: string[]): Promise<Map<string, AutorizzazioneUnita["fruito"]>> {
  const mappa = new Map<string, { giorni: Set<DataISO>; oreCentesimi: number; mesi: Set<string> }>();
  if (tickets.length === 0) return new Map();
  // One index probe per ticket (LATERAL, OFFSET 0 keeps it from being flattened): written as `ticket in (select
  // unnest($1))` the planner read the whole of uniemens_eventi_cig (700,000 rows of the --scale database: 0.5–0.8 s
  // for the 25 companies of a portfolio page; README, Misure).
  const lista = sql`unnest(${new Param([...new Set(tickets)])}::text[]) as t(ticket)`;
  const [uniemens, cig] = await Promise.all([
    db().execute<{ ticket: string; giorno: string; ore: number }>(sql`
      select t.ticket, to_char(u.giorno, 'YYYY-MM-DD') as giorno, sum(u.ore_centesimi)::int as ore
      from ${lista} cross join lateral (select giorno, ore_centesimi from uniemens_eventi_cig where ticket = t.ticket offset 0) u
      group by t.ticket, u.giorno`),
    db().execute<{ ticket: string; giorno: string; ore: number }>(sql`
      select t.ticket, to_char(d.competenza + ((g->>'giorno')::int - 1), 'YYYY-MM-DD') as giorno,
             sum((g->>'oreCentesimi')::int)::int as ore
      from ${lista}
      cross join lateral (select competenza, dati from denunce_cig where ticket = t.ticket and eliminata_il is null offset 0) d
      cross join lateral jsonb_array_elements(d.dati->'giorni') g
      group by t.ticket, 2`),
  ]);
  type Riga = { ticket: string; giorno: string; ore: number };
  for (const r of [...righeDi<Riga>(uniemens), ...righeDi<Riga>(cig)]) {
    const m = mappa.get(r.ticket) ?? { giorni: new Set(), oreCentesimi: 0, mesi: new Set() };
    m.oreCentesimi += Number(r.ore);
    m.mesi.add(r.giorno.slice(0, 7));
    if (Number(r.ore) > 0) m.giorni.add(r.giorno);
    mappa.set(r.ticket, m);
  }
  return new Map([...mappa].map(([t, m]) => [t, { giorni: [...m.giorni].sort(), oreCentesimi: m.oreCentesimi, mesi: [...m.mesi].sort() }]));
}


export interface SpiegazioneVista {
  messaggio: string;
  riferimento: string;
  provvisorio: boolean;
  gravita: Esito["gravita"];
}

const vista = (e: Esito): SpiegazioneVista => ({ messaggio: e.messaggio, riferimento: e.riferimento, provvisorio: e.provvisorio, gravita: e.gravita });

function capacitaVista(c: Capacita) {
  return {
    nome: c.nome, prestazione: c.prestazione, dal: c.dal, finestra: c.finestra,
    settimaneUtilizzate: c.settimaneUtilizzate, settimaneMassime: c.settimaneMassime, settimaneResidue: c.settimaneResidue,
    biennio: vista(c.esitoBiennio),
    terzoOre: c.terzoOre ? { limite: c.terzoOre.limite, autorizzate: c.terzoOre.autorizzate, residue: c.terzoOre.residue, spiegazione: vista(c.terzoOre.esito) } : null,
    consecutive: c.consecutive ? vista(c.consecutive) : null,
    complessivo: c.complessivo ? vista(c.complessivo) : null,
    puoPresentare: c.puoPresentare,
    presentazione: vista(c.esitoPresentazione),
    esaurimento: c.proiezione.esaurimento,
    ritmo: c.proiezione.ritmo,
    proiezione: vista(c.proiezione.esito),
  };
}

function rigaVista(r: RigaAutorizzazione) {
  const { esito, ...resto } = r;
  return { ...resto, nomePrestazione: nomePrestazione(r.prestazione), spiegazione: vista(esito) };
}

/** The company's cruscotto for one unit (the first one with domande if none is asked), or null (404) if not allowed. */
export async function cruscottoAzienda(attore: Attore, aziendaId: number, opzioni: { unitaId?: number | null } = {}, oggi: DataISO = oggiPiattaforma()) {
  // The company's side only: the Sede reads cases on its desk, not the company's cruscotto.
  if (eSistema(attore) || ruoloSede(attore.ruolo)) return null;
  const azienda = await aziendaAutorizzata(attore, "vedi_azienda", aziendaId, oggi);
  if (!azienda) return null;
  const [unita, tutte] = await Promise.all([unitaDellAzienda(aziendaId, oggi), autorizzazioniAziende([aziendaId])]);
  const gs = giorniSettimanali(azienda);
  const perUnita = unita.map((u) => {
    const proprie = tutte.filter((a) => a.unitaId === u.id);
    const righe = proprie.map((a) => rigaAutorizzazione(a, gs));
    return {
      id: u.id, codice: u.codice, denominazione: u.denominazione, comune: u.comune, domande: proprie.length,
      oreAutorizzate: righe.reduce((s, r) => s + (r.oreAutorizzate ?? 0), 0),
      oreFruite: righe.reduce((s, r) => s + r.oreFruite, 0),
      settimaneAutorizzate: righe.reduce((s, r) => s + r.settimaneAutorizzate, 0),
      settimaneFruite: righe.reduce((s, r) => s + r.settimaneFruite, 0),
    };
  });
  const scelta =
    (opzioni.unitaId != null ? unita.find((u) => u.id === opzioni.unitaId) : undefined) ??
    unita.find((u) => tutte.some((a) => a.unitaId === u.id)) ??
    unita[0];
  if (opzioni.unitaId != null && scelta?.id !== opzioni.unitaId) return { azienda, nonTrovata: true as const };
  const proprie = scelta ? tutte.filter((a) => a.unitaId === scelta.id) : [];
  const righe = proprie.map((a) => rigaAutorizzazione(a, gs));
  const ediliziaLapidei = eEdiliziaLapidei(azienda);
  // The benefits to measure: those the unit already used or asked, else those the routing suggests for the company.
  const chiavi = new Map<string, { prestazione: Prestazione; fondo: Fondo | null }>();
  for (const a of proprie) chiavi.set(`${a.prestazione}:${a.fondo ?? ""}`, { prestazione: a.prestazione, fondo: a.fondo });
  if (chiavi.size === 0 && scelta) {
    for (const v of instrada(inquadramentoDa(azienda), { data: oggi }).prestazioni) {
      if (v.verdetto === "suggerita") chiavi.set(`${v.prestazione}:${v.fondo ?? ""}`, { prestazione: v.prestazione, fondo: v.fondo });
    }
  }
  const capacitaUnita = [...chiavi.values()]
    .filter(() => scelta !== undefined)
    .filter((k) => k.prestazione !== "CISOA" && (k.prestazione !== "AIS_FONDO" || k.fondo))
    .map((k) =>
      capacita({
        oggi, prestazione: k.prestazione, fondo: k.fondo, unita: String(scelta!.id), nomeUnita: scelta!.denominazione,
        giorniSettimanali: gs, ediliziaLapidei, dipendentiMedi: azienda.forzaMediaSemestre,
        ...(scelta!.mediaUniemens.length ? { mediaOccupati: scelta!.mediaUniemens } : {}),
        autorizzazioni: proprie,
      }),
    );
  const cigo = capacitaUnita.find((c) => c.prestazione === "CIGO");
  const continuo = [...chiavi.values()].filter((k) => k.prestazione !== "CISOA").map((k) =>
    periodoContinuo({ oggi, prestazione: k.prestazione, nomeUnita: scelta!.denominazione, autorizzazioni: proprie }),
  );
  const fascia = cigo && scelta
    ? fasciaContributo({ oggi, dal: cigo.dal, nomeUnita: scelta.denominazione, unita: String(scelta.id), giorniSettimanali: gs, autorizzazioni: proprie })
    : null;
  const cisoa = chiavi.has("CISOA:") ? await giorniCisoaUnita(proprie.filter((a) => a.prestazione === "CISOA"), oggi) : null;
  const scadenze = scadenzeAutorizzazioni(proprie, oggi);
  return {
    azienda,
    nonTrovata: false as const,
    oggi,
    perUnita,
    unita: scelta ? { id: scelta.id, codice: scelta.codice, denominazione: scelta.denominazione, comune: scelta.comune, giorniSettimanali: gs } : null,
    righe: righe.map(rigaVista),
    totale: {
      oreAutorizzate: righe.reduce((s, r) => s + (r.oreAutorizzate ?? 0), 0),
      oreFruite: righe.reduce((s, r) => s + r.oreFruite, 0),
      giorniAutorizzati: righe.reduce((s, r) => s + r.giorniAutorizzati, 0),
      giorniFruiti: righe.reduce((s, r) => s + r.giorniFruiti, 0),
      settimaneAutorizzate: righe.reduce((s, r) => s + r.settimaneAutorizzate, 0),
      settimaneFruite: righe.reduce((s, r) => s + r.settimaneFruite, 0),
    },
    capacita: capacitaUnita.map(capacitaVista),
    continuo: continuo.map((c) => ({ inCorso: c.inCorso, periodo: c.periodo, settimane: c.settimane, spiegazione: vista(c.esito) })),
    fascia: fascia ? { settimane: fascia.settimaneQuinquennio, aliquota: fascia.aliquota, ridotte: fascia.ridotte, spiegazione: vista(fascia.esito) } : null,
    cisoa: cisoa ? { righe: cisoa.righe, spiegazione: vista(cisoa.esito) } : null,
    scadenze: scadenze.map(({ esito, ...s }) => ({ ...s, spiegazione: vista(esito) })),
  };
}

export type Cruscotto = Exclude<Awaited<ReturnType<typeof cruscottoAzienda>>, null | { nonTrovata: true }>;

/** CISOA days per authorised worker in this year: the authorised days of the acts naming the worker. */
async function giorniCisoaUnita(autorizzazioni: AutorizzazioneLetta[], oggi: DataISO) {
  const atti = autorizzazioni.filter((a) => a.provvedimentoId !== null && a.stato !== "in_attesa");
  const perLavoratore = new Map<string, { nominativo: string; giorni: DataISO[] }>();
  if (atti.length > 0) {
    const nomi = await db()
      .select({ atto: provvedimentiLavoratori.provvedimentoId, cf: provvedimentiLavoratori.codiceFiscale, nome: lavoratori.nome, cognome: lavoratori.cognome })
      .from(provvedimentiLavoratori)
      .leftJoin(lavoratori, eq(lavoratori.id, provvedimentiLavoratori.lavoratoreId))
      .where(inArray(provvedimentiLavoratori.provvedimentoId, atti.map((a) => a.provvedimentoId!)));
    const a0 = anno(oggi);
    for (const n of nomi) {
      const atto = atti.find((a) => a.provvedimentoId === n.atto)!;
      const giorni = (atto.giorni ?? dateDi(atto).filter((d) => !isFestivo(d))).filter((d) => anno(d) === a0);
      const x = perLavoratore.get(n.cf) ?? { nominativo: n.cognome ? `${n.cognome} ${n.nome}` : n.cf, giorni: [] };
      x.giorni.push(...giorni);
      perLavoratore.set(n.cf, x);
    }
  }
  return giorniCisoaLavoratori([...perLavoratore].map(([cf, x]) => ({ cf, ...x })), oggi);
}

