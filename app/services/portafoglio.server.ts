// The intermediary's portfolio: every company with a delega valid today in one table — open drafts, domande waiting for
// the company's answer to a request of the Sede (with the nearest deadline), decisions since the last visit, capacity
// warnings, deadlines in the next 15 days. Counts, filters, sorting and the page come from one set-based query over
// the delegated companies (per company, index probes on its domande, open requests and unread counter); the capacity
// warnings and the authorisations' deadlines are the rules engine's (app/domain/cruscotto.ts), computed for the page's rows only
// — never a copy of a rule in SQL — unless the view filters or sorts by the warnings: then for every company the other
// filters keep, and the page is cut after.
import { setImmediate as cedi } from "node:timers/promises";
import { addDays, diffDays, type DataISO } from "~/domain/date";
import { avvisoCapacita, capacita, scadenzeAutorizzazioni } from "~/domain/cruscotto";
import type { Esito } from "~/domain/esito";
import { Param, sql, type SQL } from "drizzle-orm";
import { db, righeDi } from "#db/connection";
import { visitePortafoglio } from "#db/schema";
import type { Contesto } from "./accesso.server";
import { nonLettiDiAziendaSql } from "./comunicazioni/filo.server";
import { autorizzazioniAziende, eEdiliziaLapidei, giorniSettimanali } from "./cruscotto.server";
import { oggi as oggiPiattaforma } from "./orologio.server";

export const ORDINAMENTI = {
  nome: "Ragione sociale",
  richieste: "Richieste della Sede in scadenza",
  decisioni: "Decisioni nuove",
  bozze: "Bozze aperte",
  messaggi: "Messaggi da leggere",
  avvisi: "Avvisi di capacità",
} as const;
export type Ordinamento = keyof typeof ORDINAMENTI;

export const FILTRI = {
  bozze: "Con bozze aperte",
  richieste: "Con richieste della Sede da rispondere",
  decisioni: "Con decisioni dall'ultima visita",
  messaggi: "Con messaggi da leggere",
  avvisi: "Con avvisi di capacità",
} as const;
export type Filtro = keyof typeof FILTRI;

export const RIGHE_PER_PAGINA = 25;
const MASSIMO_CSV = 5_000;
const GIORNI_SCADENZE = 15;

export interface RichiestaPortafoglio {
  testo?: string;
  ordina: Ordinamento;
  filtri: Filtro[];
  pagina: number;
}

/** The GET form's values, hostile input made harmless (unknown values dropped, text bounded, page clamped). */
export function leggiRichiestaPortafoglio(params: URLSearchParams): RichiestaPortafoglio {
  const testo = (params.get("q") ?? "").trim().slice(0, 80);
  const ordina = params.get("ordina") ?? "";
  const filtri = params.getAll("solo").filter((f): f is Filtro => Object.hasOwn(FILTRI, f));
  const pagina = Number(params.get("pagina") ?? "1");
  return {
    ...(testo ? { testo } : {}),
    ordina: Object.hasOwn(ORDINAMENTI, ordina) ? (ordina as Ordinamento) : "nome",
    filtri: [...new Set(filtri)],
    pagina: Number.isSafeInteger(pagina) && pagina >= 1 && pagina <= 10_000 ? pagina : 1,
  };
}

/** The previous visit (the reference for "decisions since"), moved forward when a new session opens the portfolio. */
async function registraVisita(utenteId: number, sessioneId: string, adesso: Date): Promise<Date | null> {
  const [riga] = await db()
    .insert(visitePortafoglio)
    .values({ utenteId, sessioneId, visitaPrecedente: null, ultimaVisita: adesso })
    .onConflictDoUpdate({
      target: visitePortafoglio.utenteId,
      set: {
        visitaPrecedente: sql`case when ${visitePortafoglio.sessioneId} = excluded.sessione_id then ${visitePortafoglio.visitaPrecedente} else ${visitePortafoglio.ultimaVisita} end`,
        sessioneId: sql`excluded.sessione_id`,
        ultimaVisita: sql`excluded.ultima_visita`,
      },
    })
    .returning({ precedente: visitePortafoglio.visitaPrecedente });
  return riga?.precedente ?? null;
}

interface RigaSql {
  id: number;
  ragione_sociale: string;
  matricola: string | null;
  comune: string;
  provincia: string;
  bozze: number;
  richieste: number;
  prima_scadenza: string | null;
  decisioni: number;
  non_letti: number;
  totale: number;
}


export interface Spiegazione {
  messaggio: string;
  riferimento: string;
  provvisorio: boolean;
}

const vista = (e: Esito): Spiegazione => ({ messaggio: e.messaggio, riferimento: e.riferimento, provvisorio: e.provvisorio });

// The rules are pure: the same inputs (day, unit, every authorisation with its fruito) give the same warning, so a
// bounded in-process memo spares the duration rules on pages already seen. Any change of the inputs (a decision, an
// accepted return, another day) is a different key.
const MEMO_MASSIMO = 5_000;
const memoAvvisi = new Map<string, Spiegazione | null>();

function avvisoMemorizzato(input: Parameters<typeof capacita>[0]): Spiegazione | null {
  const chiave = JSON.stringify(input);
  const trovato = memoAvvisi.get(chiave);
  if (trovato !== undefined) {
    memoAvvisi.delete(chiave);
    memoAvvisi.set(chiave, trovato);
    return trovato;
  }
  const avviso = avvisoCapacita(capacita(input), input.oggi, input.nomeUnita);
  const v = avviso ? vista(avviso) : null;
  memoAvvisi.set(chiave, v);
  if (memoAvvisi.size > MEMO_MASSIMO) memoAvvisi.delete(memoAvvisi.keys().next().value!);
  return v;
}

/** The portfolio page, or null for anyone but an intermediary (404). A signed-in session: its visit is recorded. */
export async function portafoglio(attore: Contesto, richiesta: RichiestaPortafoglio, oggi: DataISO = oggiPiattaforma(), adesso = new Date()) {
  return righePortafoglio(attore, richiesta, oggi, adesso, false);
}

/**
 * The rows of one page, or of every page (`tutte`, the CSV). Filtering or sorting by capacity warnings needs the
 * rules engine on every delegated company the other filters keep (the warnings are never computed in SQL): the query
 * then returns them all, and the page is cut after the warnings are known.
 */
async function righePortafoglio(attore: Contesto, richiesta: RichiestaPortafoglio, oggi: DataISO, adesso: Date, tutte: boolean) {
  if (attore.ruolo !== "intermediario") return null;
  const precedente = await registraVisita(attore.utente.id, attore.sessione.id, adesso);
  // First visit: the decisions of the last 30 days.
  const dal = precedente ?? new Date(adesso.getTime() - 30 * 86_400_000);
  const entro = addDays(oggi, GIORNI_SCADENZE);
  const testo = richiesta.testo ? `%${richiesta.testo.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const condizioni = [
    testo ? sql`(a.ragione_sociale ilike ${testo} or a.matricola ilike ${testo} or a.codice_fiscale ilike ${testo})` : sql`true`,
    richiesta.filtri.includes("bozze") ? sql`coalesce(dom.bozze, 0) > 0` : sql`true`,
    richiesta.filtri.includes("richieste") ? sql`coalesce(ric.richieste, 0) > 0` : sql`true`,
    richiesta.filtri.includes("decisioni") ? sql`coalesce(dom.decisioni, 0) > 0` : sql`true`,
    richiesta.filtri.includes("messaggi") ? sql`coalesce(nl.non_letti, 0) > 0` : sql`true`,
  ];
  const ordine = {
    nome: sql`a.ragione_sociale asc, a.id asc`,
    richieste: sql`ric.prima_scadenza asc nulls last, a.ragione_sociale asc, a.id asc`,
    decisioni: sql`coalesce(dom.decisioni, 0) desc, a.ragione_sociale asc, a.id asc`,
    bozze: sql`coalesce(dom.bozze, 0) desc, a.ragione_sociale asc, a.id asc`,
    messaggi: sql`coalesce(nl.non_letti, 0) desc, a.ragione_sociale asc, a.id asc`,
    // Then by number of warnings, once known (below).
    avvisi: sql`a.ragione_sociale asc, a.id asc`,
  }[richiesta.ordina];
  const perAvvisi = richiesta.filtri.includes("avvisi") || richiesta.ordina === "avvisi";
  const offset = (richiesta.pagina - 1) * RIGHE_PER_PAGINA;
  const limite = perAvvisi ? sql`` : tutte ? sql`limit ${MASSIMO_CSV}` : sql`limit ${RIGHE_PER_PAGINA} offset ${offset}`;
  // The counts of one company (`chiave`: its id in the outer query), as LATERAL subqueries: each an index probe by
  // company (domande by company, the open request by domanda, the unread counter by company), so the cost follows the
  // studio's companies and not the platform's tables. Grouped passes joined by hash (the previous form) read every
  // domanda of the platform: 7–17 ms with 2,500 domande in all, 313–840 ms with 122,000 (50,000 companies, the demo
  // studio's 1,031 among them; EXPLAIN ANALYZE in the notes of issue 13), while these stay at 35–50 ms for 1,031
  // companies at either size. Per-company laterals that let the planner scan the open requests once per company were
  // slow (0.5 s): the request is looked up per domanda (OFFSET 0 keeps that subquery from being flattened).
  const conteggi = (chiave: SQL) => sql`
    cross join lateral (
      select (count(*) filter (where d.stato = 'bozza'))::int as bozze,
             (count(*) filter (where d.decisa_il is not null and d.decisa_il > ${dal.toISOString()}::timestamptz))::int as decisioni
      from domande d where d.azienda_id = ${chiave}
    ) dom
    cross join lateral (
      select count(*)::int as richieste, min(ri.scadenza) as prima_scadenza
      from domande d
      cross join lateral (select r.scadenza from richieste_istruttoria r where r.domanda_id = d.id and r.stato = 'aperta' offset 0) ri
      where d.azienda_id = ${chiave}
    ) ric
    cross join lateral (${nonLettiDiAziendaSql(chiave)}) nl`;
  // Each delegated company's row by its key (OFFSET 0: probes, not a scan of every company joined by hash).
  const azienda = sql`cross join lateral (select * from aziende where id = dl.azienda_id offset 0) a`;
  const delegate = sql`
    delegate as (
      select distinct azienda_id from deleghe
      where intermediario_id = ${attore.utente.id} and valida_dal <= ${oggi} and (valida_al is null or valida_al >= ${oggi})
    )`;
  const colonne = sql`coalesce(dom.bozze, 0) as bozze, coalesce(ric.richieste, 0) as richieste,
           to_char(ric.prima_scadenza, 'YYYY-MM-DD') as prima_scadenza, coalesce(dom.decisioni, 0) as decisioni,
           coalesce(nl.non_letti, 0) as non_letti`;
  // By name without a filter on the counts (the first view): the page first, then the counts of its 25 companies
  // only; otherwise the counts of every delegated company decide the filter and the order.
  const paginaPrima = richiesta.ordina === "nome" && richiesta.filtri.length === 0 && !tutte;
  const risultato = await db().execute(
    paginaPrima
      ? sql`
    with ${delegate},
    pagina as (
      select a.id, a.ragione_sociale, coalesce(a.matricola, a.cida) as matricola, a.comune, a.provincia,
             count(*) over ()::int as totale
      from delegate dl
      ${azienda}
      where ${condizioni[0]}
      order by ${ordine}
      limit ${RIGHE_PER_PAGINA} offset ${offset}
    )
    select p.id, p.ragione_sociale, p.matricola, p.comune, p.provincia, ${colonne}, p.totale
    from pagina p
    ${conteggi(sql`p.id`)}
    order by p.ragione_sociale asc, p.id asc`
      : sql`
    with ${delegate}
    select a.id, a.ragione_sociale, coalesce(a.matricola, a.cida) as matricola, a.comune, a.provincia, ${colonne},
           count(*) over ()::int as totale
    from delegate dl
    ${azienda}
    ${conteggi(sql`dl.azienda_id`)}
    where ${sql.join(condizioni, sql` and `)}
    order by ${ordine}
    ${limite}`,
  );
  const lette = righeDi<RigaSql>(risultato);
  const regole = await datiRegole(lette.map((r) => r.id));
  const conAvvisi: Array<{ r: RigaSql; avvisi: Spiegazione[] }> = [];
  for (const [i, r] of lette.entries()) {
    // Over a whole portfolio the rules run for every company: the first time in a day about a millisecond each (0.9 s
    // of CPU for 1,031 companies in the profile), so the event loop is given back every 50 companies and the process
    // keeps answering other requests meanwhile.
    if (i > 0 && i % 50 === 0) await cedi();
    conAvvisi.push({ r, avvisi: avvisiDi(r.id, regole, oggi) });
  }
  let scelte = conAvvisi;
  let totale: number;
  if (!perAvvisi && !tutte) {
    totale = lette[0]?.totale ?? (offset > 0 ? await contaDelegate(attore.utente.id, oggi) : 0);
  } else {
    if (richiesta.filtri.includes("avvisi")) scelte = scelte.filter((x) => x.avvisi.length > 0);
    // Array.prototype.sort is stable: equal counts keep the query's order (by name).
    if (richiesta.ordina === "avvisi") scelte = [...scelte].sort((x, y) => y.avvisi.length - x.avvisi.length);
    totale = scelte.length;
    if (!tutte) scelte = scelte.slice(offset, offset + RIGHE_PER_PAGINA);
  }
  // The deadlines of the rows shown only.
  const righe = scelte.map(({ r, avvisi }) => ({
    id: r.id, ragioneSociale: r.ragione_sociale, matricola: r.matricola, comune: r.comune, provincia: r.provincia,
    bozze: r.bozze, richieste: r.richieste, primaScadenzaRichiesta: r.prima_scadenza, decisioni: r.decisioni,
    nonLetti: r.non_letti, avvisi, scadenze: scadenzeDi(r, regole, oggi, entro),
  }));
  return {
    oggi, visitaPrecedente: precedente ? precedente.toISOString() : null, totale, pagina: tutte ? 1 : richiesta.pagina,
    pagine: Math.max(1, Math.ceil(totale / RIGHE_PER_PAGINA)), righe, giorniScadenze: GIORNI_SCADENZE,
  };
}

/** What the rules engine needs for the given companies: their authorisations (by company), data and units' names. */
async function datiRegole(ids: number[]) {
  const autorizzazioni = await autorizzazioniAziende(ids);
  const [aziende, nomiUnita] = await Promise.all([datiAziende(ids), nomiUnitaDi(autorizzazioni.map((a) => a.unitaId))]);
  const perAzienda = new Map<number, typeof autorizzazioni>();
  for (const a of autorizzazioni) perAzienda.set(a.aziendaId, [...(perAzienda.get(a.aziendaId) ?? []), a]);
  return { perAzienda, aziende, nomiUnita };
}
type DatiRegole = Awaited<ReturnType<typeof datiRegole>>;

/** The capacity warnings of a company: one per unit and benefit with authorisations (the rules engine, memoised). */
function avvisiDi(aziendaId: number, { perAzienda, aziende, nomiUnita }: DatiRegole, oggi: DataISO): Spiegazione[] {
  const proprie = perAzienda.get(aziendaId) ?? [];
  const az = aziende.get(aziendaId)!;
  const gs = giorniSettimanali(az);
  const avvisi: Spiegazione[] = [];
  for (const u of new Set(proprie.map((a) => a.unitaId))) {
    const diUnita = proprie.filter((a) => a.unitaId === u);
    const chiavi = new Map(diUnita.filter((a) => a.prestazione !== "CISOA" && (a.prestazione !== "AIS_FONDO" || a.fondo)).map((a) => [`${a.prestazione}:${a.fondo ?? ""}`, a]));
    for (const a of chiavi.values()) {
      const avviso = avvisoMemorizzato({
        oggi, prestazione: a.prestazione, fondo: a.fondo, unita: String(u), nomeUnita: nomiUnita.get(u) ?? String(u), giorniSettimanali: gs,
        ediliziaLapidei: eEdiliziaLapidei(az), dipendentiMedi: az.forzaMediaSemestre, autorizzazioni: diUnita,
      });
      if (avviso) avvisi.push(avviso);
    }
  }
  return avvisi;
}

/** The deadlines within 15 days: the authorisations' (rules engine) and the answer to an open request of the Sede. */
function scadenzeDi(r: RigaSql, { perAzienda }: DatiRegole, oggi: DataISO, entro: DataISO) {
  const scadenze = scadenzeAutorizzazioni(perAzienda.get(r.id) ?? [], oggi)
    .filter((s) => s.giorniRimanenti >= 0 && s.scadenza <= entro && !(s.tipo === "pagamento_diretto" && s.datiInviati))
    .map((s) => ({ scadenza: s.scadenza, giorni: s.giorniRimanenti, testo: s.tipo === "conguaglio" ? `Conguaglio ${s.numero}` : `Pagamento diretto ${s.numero}, mese ${s.competenza!.slice(5, 7)}/${s.competenza!.slice(0, 4)}`, spiegazione: vista(s.esito) }));
  if (r.prima_scadenza && r.prima_scadenza <= entro && r.prima_scadenza >= oggi) {
    scadenze.unshift({ scadenza: r.prima_scadenza, giorni: diffDays(r.prima_scadenza, oggi), testo: "Risposta alla richiesta della Sede", spiegazione: { messaggio: `Entro il termine della richiesta di informazioni della Sede (15 giorni dal ricevimento, art. 11 c.2 D.M. 95442/2016).`, riferimento: "art. 11 c.2 D.M. 95442/2016", provvisorio: false } });
  }
  return scadenze.sort((x, y) => (x.scadenza < y.scadenza ? -1 : x.scadenza > y.scadenza ? 1 : 0));
}

async function contaDelegate(utenteId: number, oggi: DataISO): Promise<number> {
  const r = righeDi<{ n: number }>(await db().execute(sql`
    select count(distinct azienda_id)::int as n from deleghe
    where intermediario_id = ${utenteId} and valida_dal <= ${oggi} and (valida_al is null or valida_al >= ${oggi})`));
  return r[0]?.n ?? 0;
}

async function datiAziende(ids: number[]) {
  const mappa = new Map<number, { gestione: "privata" | "agricola"; codiceAteco: string | null; forzaMediaSemestre: number }>();
  if (ids.length === 0) return mappa;
  const r = righeDi<{ id: number; gestione: "privata" | "agricola"; codice_ateco: string | null; forza: number }>(await db().execute(sql`
    select id, gestione, codice_ateco, forza_media_semestre as forza from aziende where id = any(${new Param(ids)}::int[])`));
  for (const a of r) mappa.set(a.id, { gestione: a.gestione, codiceAteco: a.codice_ateco, forzaMediaSemestre: a.forza });
  return mappa;
}

async function nomiUnitaDi(ids: number[]) {
  const unici = [...new Set(ids)];
  if (unici.length === 0) return new Map<number, string>();
  const r = righeDi<{ id: number; denominazione: string }>(await db().execute(sql`
    select id, denominazione from unita_produttive where id = any(${new Param(unici)}::int[])`));
  return new Map(r.map((x) => [x.id, x.denominazione]));
}

/** Every row of the portfolio with the same filters and order (the CSV), in one query; at most 5,000 companies. */
export async function portafoglioCompleto(attore: Contesto, richiesta: RichiestaPortafoglio, oggi: DataISO = oggiPiattaforma(), adesso = new Date()) {
  const p = await righePortafoglio(attore, { ...richiesta, pagina: 1 }, oggi, adesso, true);
  return p && { ...p, righe: p.righe.slice(0, MASSIMO_CSV) };
}
