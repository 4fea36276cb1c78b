// The intermediary's portfolio: every company with a delega valid today in one table — open drafts, domande waiting for
// the company's answer to a request of the Sede (with the nearest deadline), decisions since the last visit, capacity
// warnings, deadlines in the next 15 days. Counts, filters, sorting and the page come from one set-based query over
// the delegated companies (per company, index probes on its domande, open requests, unread counter and stored capacity
// warnings). The capacity warnings are the rules engine's, stored per company and day (avvisi-capacita.server.ts, ADR
// 027): a view that filters or sorts by them first computes those of the studio's companies not current; any row still
// not current when read is computed before it is shown. The authorisations' deadlines are the rules engine's too
// (app/domain/cruscotto.ts), for the page's rows only — never a copy of a rule in SQL.
import { addDays, diffDays, type DataISO } from "~/domain/date";
import { scadenzeAutorizzazioni } from "~/domain/cruscotto";
import { sql, type SQL } from "drizzle-orm";
import { db, righeDi } from "#db/connection";
import { visitePortafoglio } from "#db/schema";
import type { Contesto } from "./accesso.server";
import { nonLettiDiAziendaSql } from "./comunicazioni/filo.server";
import { aziendeDaCalcolare, avvisiCorrentiSql, calcolaAvvisi, datiRegole, leggiVersioni, vista, type DatiRegole, type Spiegazione } from "./avvisi-capacita.server";
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
  avvisi: Spiegazione[] | null;
  corrente: boolean;
  totale: number;
}

export type { Spiegazione };

/** The portfolio page, or null for anyone but an intermediary (404). A signed-in session: its visit is recorded. */
export async function portafoglio(attore: Contesto, richiesta: RichiestaPortafoglio, oggi: DataISO = oggiPiattaforma(), adesso = new Date()) {
  return righePortafoglio(attore, richiesta, oggi, adesso, false);
}

/**
 * The rows of one page, or of every page (`tutte`, the CSV). Filtering or sorting by capacity warnings needs them for
 * every delegated company: those not current are computed first (once a day, and after a change), then the query
 * filters, sorts and cuts the page on the stored warnings.
 */
async function righePortafoglio(attore: Contesto, richiesta: RichiestaPortafoglio, oggi: DataISO, adesso: Date, tutte: boolean) {
  if (attore.ruolo !== "intermediario") return null;
  const precedente = await registraVisita(attore.utente.id, attore.sessione.id, adesso);
  // First visit: the decisions of the last 30 days.
  const dal = precedente ?? new Date(adesso.getTime() - 30 * 86_400_000);
  const entro = addDays(oggi, GIORNI_SCADENZE);
  const testo = richiesta.testo ? `%${richiesta.testo.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const numeroAvvisi = sql`coalesce(jsonb_array_length(av.avvisi), 0)`;
  const condizioni = [
    testo ? sql`(a.ragione_sociale ilike ${testo} or a.matricola ilike ${testo} or a.codice_fiscale ilike ${testo})` : sql`true`,
    richiesta.filtri.includes("bozze") ? sql`coalesce(dom.bozze, 0) > 0` : sql`true`,
    richiesta.filtri.includes("richieste") ? sql`coalesce(ric.richieste, 0) > 0` : sql`true`,
    richiesta.filtri.includes("decisioni") ? sql`coalesce(dom.decisioni, 0) > 0` : sql`true`,
    richiesta.filtri.includes("messaggi") ? sql`coalesce(nl.non_letti, 0) > 0` : sql`true`,
    richiesta.filtri.includes("avvisi") ? sql`${numeroAvvisi} > 0` : sql`true`,
  ];
  const ordine = {
    nome: sql`a.ragione_sociale asc, a.id asc`,
    richieste: sql`ric.prima_scadenza asc nulls last, a.ragione_sociale asc, a.id asc`,
    decisioni: sql`coalesce(dom.decisioni, 0) desc, a.ragione_sociale asc, a.id asc`,
    bozze: sql`coalesce(dom.bozze, 0) desc, a.ragione_sociale asc, a.id asc`,
    messaggi: sql`coalesce(nl.non_letti, 0) desc, a.ragione_sociale asc, a.id asc`,
    avvisi: sql`${numeroAvvisi} desc, a.ragione_sociale asc, a.id asc`,
  }[richiesta.ordina];
  // Every company's warnings are needed to filter or sort by them, and by the CSV: those not current are computed now.
  if (richiesta.filtri.includes("avvisi") || richiesta.ordina === "avvisi" || tutte) {
    await calcolaAvvisi(await aziendeDaCalcolare(oggi, { intermediarioId: attore.utente.id }), oggi);
  }
  const offset = (richiesta.pagina - 1) * RIGHE_PER_PAGINA;
  // The counts of one company (`chiave`: its id in the outer query), as LATERAL subqueries: each an index probe by
  // company (domande by company, the open request by domanda, the unread counter by company), so the cost follows the
  // studio's companies and not the platform's tables. Grouped passes joined by hash (the previous form) read every
  // domanda of the platform: 7–17 ms with 2,500 domande in all, 313–840 ms with 122,000 (50,000 companies, the demo
  // studio's 1,031 among them; EXPLAIN ANALYZE in the notes of issue 13), while these stay at 35–50 ms for 1,031
  // companies at either size. Per-company laterals that let the planner scan the open requests once per company were
  // slow (0.5 s): the request is looked up per domanda (OFFSET 0 keeps that subquery from being flattened). The stored
  // warnings and the version of their inputs: a primary-key probe each.
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
    cross join lateral (${nonLettiDiAziendaSql(chiave)}) nl
    left join avvisi_capacita av on av.azienda_id = ${chiave}
    left join avvisi_capacita_versioni v on v.azienda_id = ${chiave}`;
  // Each delegated company's row by its key (OFFSET 0: probes, not a scan of every company joined by hash).
  const azienda = sql`cross join lateral (select * from aziende where id = dl.azienda_id offset 0) a`;
  const delegate = sql`
    delegate as (
      select distinct azienda_id from deleghe
      where intermediario_id = ${attore.utente.id} and valida_dal <= ${oggi} and (valida_al is null or valida_al >= ${oggi})
    )`;
  const colonne = sql`coalesce(dom.bozze, 0) as bozze, coalesce(ric.richieste, 0) as richieste,
           to_char(ric.prima_scadenza, 'YYYY-MM-DD') as prima_scadenza, coalesce(dom.decisioni, 0) as decisioni,
           coalesce(nl.non_letti, 0) as non_letti, av.avvisi, coalesce(${avvisiCorrentiSql(oggi)}, false) as corrente`;
  // By name without a filter on the counts (the first view): the page first, then the counts of its 25 companies
  // only; otherwise the counts of every delegated company decide the filter and the order.
  const paginaPrima = richiesta.ordina === "nome" && richiesta.filtri.length === 0 && !tutte;
  const interroga = async (limite: SQL) => righeDi<RigaSql>(await db().execute(
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
      ${limite}
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
  ));
  const lette = await interroga(tutte ? sql`limit ${MASSIMO_CSV}` : sql`limit ${RIGHE_PER_PAGINA} offset ${offset}`);
  // Past the last page: the count of the same view.
  const totale = lette[0]?.totale ?? (offset > 0 ? ((await interroga(sql`limit 1`))[0]?.totale ?? 0) : 0);
  // The rows shown whose stored warnings are not current (a write since, or not yet computed today): their version
  // first, then the data of every row shown (the deadlines need it too), then the rules for those.
  const daCalcolare = lette.filter((r) => !r.corrente).map((r) => r.id);
  const versioni = daCalcolare.length > 0 ? await leggiVersioni(daCalcolare) : new Map<number, number>();
  const regole = await datiRegole(lette.map((r) => r.id));
  const calcolati = daCalcolare.length > 0 ? await calcolaAvvisi(daCalcolare, oggi, { versioni, dati: regole }) : new Map<number, Spiegazione[]>();
  const righe = lette.map((r) => ({
    id: r.id, ragioneSociale: r.ragione_sociale, matricola: r.matricola, comune: r.comune, provincia: r.provincia,
    bozze: r.bozze, richieste: r.richieste, primaScadenzaRichiesta: r.prima_scadenza, decisioni: r.decisioni,
    nonLetti: r.non_letti, avvisi: calcolati.get(r.id) ?? r.avvisi ?? [], scadenze: scadenzeDi(r, regole, oggi, entro),
  }));
  return {
    oggi, visitaPrecedente: precedente ? precedente.toISOString() : null, totale, pagina: tutte ? 1 : richiesta.pagina,
    pagine: Math.max(1, Math.ceil(totale / RIGHE_PER_PAGINA)), righe, giorniScadenze: GIORNI_SCADENZE,
  };
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

/** Every row of the portfolio with the same filters and order (the CSV), in one query; at most 5,000 companies. */
export async function portafoglioCompleto(attore: Contesto, richiesta: RichiestaPortafoglio, oggi: DataISO = oggiPiattaforma(), adesso = new Date()) {
  const p = await righePortafoglio(attore, { ...richiesta, pagina: 1 }, oggi, adesso, true);
  return p && { ...p, righe: p.righe.slice(0, MASSIMO_CSV) };
}
