// The message thread of a domanda (issue 13) and the inboxes: one thread per domanda between the company's side and
// the Sede, made of the timeline's entries (requests, answers, decisions, system events, reminders) and free messages
// both ways; read/unread per side. Access through the one authorisation module: the company by legal representative
// or delega valid today, the office by the assignment rule (a draft has no thread for the office).
import { and, asc, eq, Param, sql, type SQL } from "drizzle-orm";
import { createHash } from "node:crypto";
import { allegatiMessaggio, aziende, domande, eventiDomanda, lettureFilo, nonLettiFilo, utenti, type StatoDomanda } from "#db/schema";
import { db, preparata, righeDi } from "#db/connection";
import type { Db } from "#db/client";
import { filoAperto, LIMITE_MESSAGGIO, LIMITI_ALLEGATI_MESSAGGIO, latoDelRuolo, contaComeNonLetto, type Lato, type LatoLettore } from "~/domain/comunicazioni";
import { nomePrestazione, type Fondo } from "~/domain/tipi";
import { messaggiComunicazioni } from "~/testi";
import { idAziendeAccessibili, type Contesto } from "../accesso.server";
import type { FileVerificato } from "../allegati.server";
import { scriviAudit } from "../audit.server";
import { ambitoSedi, domandaAutorizzata, puoAgire } from "../autorizzazione.server";
import { registraEvento } from "../domande.server";
import { nonTrovato, nonValido, riuscito, type Risultato } from "../risultato";

export interface VoceFilo {
  id: number;
  quando: Date;
  tipo: string;
  lato: Lato;
  descrizione: string;
  testo: string | null;
  autore: string | null;
  /** Not yet read by the reader's side when the page was opened. */
  nuova: boolean;
  /** The PDFs the message carries (free messages only). */
  allegati: Array<{ id: number; nomeFile: string; dimensione: number }>;
}

export interface Filo {
  domanda: { id: number; protocollo: string | null; prestazione: string; azienda: string; stato: StatoDomanda };
  voci: VoceFilo[];
  /** The reader may write a message now (their side, the domanda sent, and the operator rather than the manager). */
  puoScrivere: boolean;
  nonLetti: number;
}

function nomeDomanda(d: { prestazione: Parameters<typeof nomePrestazione>[0]; fondoCodice: string | null }) {
  return nomePrestazione(d.prestazione, (d.fondoCodice?.toUpperCase() as Fondo) ?? null);
}

/**
 * The thread as `ctx` may read it, and the reader's side marked as read up to its last entry (only by a side that
 * acts on it: the read-only manager's reading leaves the office's unread entries for the operators).
 */
/** The domanda if `ctx` may read its thread: the company's side by legal representative or delega, the office by assignment (never a draft). */
async function filoLeggibile(ctx: Contesto, domandaId: number) {
  const caricata = await domandaAutorizzata(ctx, "vedi_domanda", domandaId);
  if (!caricata) return null;
  if (latoDelRuolo(ctx.ruolo) === "sede" && caricata.domanda.stato === "bozza") return null;
  return caricata;
}

export async function filoDomanda(ctx: Contesto, domandaId: number): Promise<Risultato<Filo>> {
  const caricata = await filoLeggibile(ctx, domandaId);
  if (!caricata) return nonTrovato;
  const lato = latoDelRuolo(ctx.ruolo);
  const { domanda, azienda } = caricata;
  const righe = await db()
    // Alike interlocuzione.server.ts's requests query (duplicates): the same "rows with the author's name" join, but
    // over the domanda's events
    .select({ e: eventiDomanda, nome: utenti.nome, cognome: utenti.cognome })
    .from(eventiDomanda)
    .leftJoin(utenti, eq(utenti.id, eventiDomanda.utenteId))
    .where(eq(eventiDomanda.domandaId, domandaId))
    .orderBy(asc(eventiDomanda.id));
  const [[lettura], contati] = await Promise.all([
    db()
      .select({ ultimo: lettureFilo.ultimoEventoId })
      .from(lettureFilo)
      .where(and(eq(lettureFilo.domandaId, domandaId), eq(lettureFilo.lato, lato))),
    nonLettiDomanda(lato, domandaId),
  ]);
  const ultimoLetto = lettura?.ultimo ?? 0;
  const documenti = await db()
    .select({ id: allegatiMessaggio.id, eventoId: allegatiMessaggio.eventoId, nomeFile: allegatiMessaggio.nomeFile, dimensione: allegatiMessaggio.dimensione })
    .from(allegatiMessaggio)
    .where(eq(allegatiMessaggio.domandaId, domandaId))
    .orderBy(asc(allegatiMessaggio.id));
  const voci: VoceFilo[] = righe.map(({ e, nome, cognome }) => {
    const l = (e.lato ?? "sistema") as Lato;
    return {
      id: e.id,
      quando: e.quando,
      tipo: e.tipo,
      lato: l,
      descrizione: e.descrizione,
      testo: e.testo,
      autore: nome ? `${nome} ${cognome}` : null,
      nuova: e.id > ultimoLetto && contaComeNonLetto(lato, { lato: l, tipo: e.tipo }),
      allegati: documenti.filter((a) => a.eventoId === e.id).map(({ id, nomeFile, dimensione }) => ({ id, nomeFile, dimensione })),
    };
  });
  const puoScrivere = filoAperto(domanda.stato) && (await puoAgire(ctx, "scrivi_messaggio", azienda, domanda));
  const agisce = lato === "azienda" || ctx.ruolo === "operatore_sede";
  const ultimo = voci.at(-1)?.id;
  // The read mark moves the side's counter (a trigger, migration 0019); it is also written when the counter still shows
  // entries this page does not (an entry numbered before the last one read but committed after it), so it heals.
  if (agisce && ultimo !== undefined && (ultimo > ultimoLetto || contati > 0)) {
    await db()
      .insert(lettureFilo)
      .values({ domandaId, lato, ultimoEventoId: ultimo, lettoIl: new Date() })
      .onConflictDoUpdate({
        target: [lettureFilo.domandaId, lettureFilo.lato],
        set: { ultimoEventoId: sql`greatest(${lettureFilo.ultimoEventoId}, excluded.ultimo_evento_id)`, lettoIl: new Date() },
      });
  }
  return riuscito({
    domanda: { id: domanda.id, protocollo: domanda.protocollo, prestazione: nomeDomanda(domanda), azienda: azienda.ragioneSociale, stato: domanda.stato },
    voci,
    puoScrivere,
    nonLetti: voci.filter((v) => v.nuova).length,
  });
}

/**
 * A free message in the thread, by the company's side or the operator, with the PDFs it carries (already checked by
 * content: app/services/pdf.server.ts); the company's side gets an e-mail of the Sede's. Message and documents are
 * written in one transaction: a refused document leaves nothing behind.
 */
export async function scriviMessaggio(
  ctx: Contesto,
  domandaId: number,
  testoGrezzo: string,
  file: readonly FileVerificato[] = [],
): Promise<Risultato<{ voceId: number }>> {
  const caricata = await domandaAutorizzata(ctx, "scrivi_messaggio", domandaId);
  if (!caricata || !filoAperto(caricata.domanda.stato)) return nonTrovato;
  const testo = testoGrezzo.replace(/\r\n/g, "\n").trim();
  if (!testo) return nonValido({ testo: messaggiComunicazioni.testoVuoto });
  if (testo.length > LIMITE_MESSAGGIO) return nonValido({ testo: messaggiComunicazioni.testoLungo });
  if (file.length > LIMITI_ALLEGATI_MESSAGGIO.numeroFile) return nonValido({ file: messaggiComunicazioni.troppiFile });
  if (file.reduce((t, f) => t + f.bytes.byteLength, 0) > LIMITI_ALLEGATI_MESSAGGIO.byteTotali) return nonValido({ file: messaggiComunicazioni.totaleSuperato });
  const lato = latoDelRuolo(ctx.ruolo);
  return db().transaction(async (tx) => {
    const id = await registraEvento(tx, ctx, domandaId, "messaggio", lato === "azienda" ? "Messaggio dell'azienda" : "Messaggio della Sede INPS", { testo });
    const documenti: Array<{ id: number; dimensione: number; sha256: string }> = [];
    for (const f of file) {
      const sha256 = createHash("sha256").update(f.bytes).digest("hex");
      const [a] = await tx
        .insert(allegatiMessaggio)
        .values({ eventoId: id!, domandaId, nomeFile: f.nome, dimensione: f.bytes.byteLength, sha256, contenuto: Buffer.from(f.bytes), caricatoDa: ctx.utente.id })
        .returning({ id: allegatiMessaggio.id });
      documenti.push({ id: a.id, dimensione: f.bytes.byteLength, sha256 });
    }
    await scriviAudit(tx, {
      utenteId: ctx.utente.id,
      ruolo: ctx.ruolo,
      azione: "scrivi_messaggio",
      oggettoTipo: "domanda",
      oggettoId: domandaId,
      esito: "ok",
      dettagli: { voce: id, caratteri: testo.length, documenti },
    });
    return riuscito({ voceId: id! });
  });
}

/** A PDF of a message, for whoever may read the thread (the same rule as the thread itself); another domanda's: not found. */
export async function leggiAllegatoMessaggio(
  ctx: Contesto,
  domandaId: number,
  allegatoId: number,
): Promise<Risultato<{ nomeFile: string; contenuto: Uint8Array }>> {
  if (!(await filoLeggibile(ctx, domandaId))) return nonTrovato;
  const [a] = await db()
    .select({ nomeFile: allegatiMessaggio.nomeFile, contenuto: allegatiMessaggio.contenuto })
    .from(allegatiMessaggio)
    .where(and(eq(allegatiMessaggio.id, allegatoId), eq(allegatiMessaggio.domandaId, domandaId)));
  if (!a) return nonTrovato;
  return riuscito({ nomeFile: a.nomeFile, contenuto: new Uint8Array(a.contenuto) });
}

export interface VoceCasella {
  domandaId: number;
  protocollo: string | null;
  prestazione: string;
  azienda: string;
  stato: StatoDomanda;
  ultima: Date;
  ultimaDescrizione: string;
  nonLetti: number;
}

const MASSIMO_CASELLA = 100;

// Reading the counters (non_letti_filo, kept at write time: migration 0019). A profile's scope is a list — the
// companies of a studio (up to thousands) or the office's sedi — given as one array parameter and read one element at
// a time through a LATERAL subquery on the partial indexes: an index probe per company or sede whatever the table's
// size. Written as `colonna = any($1)` instead, the planner scanned the whole table once it held tens of thousands of
// threads, and a generic plan of the prepared query then compared every row with every element of the array (1.1 s
// with 1,031 companies and 74,000 threads, against 2.6 ms by probes: EXPLAIN ANALYZE in the notes of issue 13).
type Ambito = { lato: "azienda"; aziende: SQL } | { lato: "sede"; sedi: SQL | null };

/** The scope's elements as rows `a(id)`: companies (integers) or sedi (codes); null sedi = every sede. */
function elementiAmbito(ambito: Ambito): SQL | null {
  if (ambito.lato === "azienda") return sql`unnest(${ambito.aziende}::int[]) as a(id)`;
  return ambito.sedi === null ? null : sql`unnest(${ambito.sedi}::varchar[]) as a(id)`;
}

/**
 * The counters' rows of one element of the scope (`a.id`), with `condizione` (SQL over the alias c). The side is a
 * literal, not a parameter: a prepared query's generic plan may use a partial index only if its predicate shows in the
 * query itself.
 */
function contatoriDi(ambito: Ambito, condizione: SQL): SQL {
  const chiave = ambito.lato === "azienda" ? sql`c.lato = 'azienda' and c.azienda_id = a.id` : sql`c.lato = 'sede' and c.sede_codice = a.id`;
  return sql`${nonLettiFilo} c where ${chiave} and ${condizione}`;
}

/**
 * Rows of an inbox, most recent activity first: the company's side sees every thread of its companies with the latest
 * entry; the office the threads where the company wrote to it (messages, answers, withdrawals) with the last of those
 * — every sent case has a timeline, and the queue already lists the cases. The newest 100 of each company or sede
 * (index on the last entry), then the newest 100 of all, then their domanda, company and entry. A studio with many
 * companies first looks among the side's newest threads (casellaDallaFinestra).
 */
async function casella(ambito: Ambito, soloNonLetti: boolean): Promise<VoceCasella[]> {
  const condizione = soloNonLetti ? sql`c.non_letti > 0` : sql`true`;
  const elementi = elementiAmbito(ambito);
  const ultimi = elementi
    ? sql`select t.* from ${elementi} cross join lateral (
        select c.domanda_id, c.azienda_id, c.non_letti, c.ultimo_evento_id from ${contatoriDi(ambito, condizione)}
        order by c.ultimo_evento_id desc limit ${MASSIMO_CASELLA}) t`
    : sql`select c.domanda_id, c.azienda_id, c.non_letti, c.ultimo_evento_id from ${nonLettiFilo} c
        where c.lato = 'sede' and c.sede_codice is not null and ${condizione}`;
  return righeCasella(await db().execute(sql`
    with ultimi as (${ultimi} order by ultimo_evento_id desc limit ${MASSIMO_CASELLA})
    ${dettagliCasella}`));
}

// The inbox's rows with their domanda, company and last entry (`ultimi`: at most 100 threads).
const dettagliCasella = sql`
    select u.domanda_id as "domandaId", d.protocollo, d.prestazione, d.fondo_codice as "fondoCodice", d.stato,
           a.ragione_sociale as azienda, u.non_letti as "nonLetti", e.quando as ultima, e.descrizione as "ultimaDescrizione"
    from ultimi u
    join ${domande} d on d.id = u.domanda_id
    join ${aziende} a on a.id = u.azienda_id
    join ${eventiDomanda} e on e.id = u.ultimo_evento_id
    order by u.ultimo_evento_id desc`;

function righeCasella(risultato: unknown): VoceCasella[] {
  type Riga = Omit<VoceCasella, "ultima" | "prestazione"> & { ultima: Date | string; prestazione: Parameters<typeof nomePrestazione>[0]; fondoCodice: string | null };
  return righeDi<Riga>(risultato).map(({ fondoCodice, prestazione, ultima, nonLetti, ...r }) => ({
    ...r,
    prestazione: nomeDomanda({ prestazione, fondoCodice }),
    ultima: new Date(ultima),
    nonLetti: Number(nonLetti),
  }));
}

/** From this many companies an inbox first looks among the company side's newest threads. */
export const AZIENDE_PER_FINESTRA = 20;
/** How many of the company side's newest threads that first look reads. */
export const FINESTRA_CASELLA = 5_000;

/**
 * A studio's inbox from the company side's newest threads (index non_letti_filo_ultimi_idx, walked backwards from the
 * latest entry): the first 5,000, kept if of the studio's companies (a hash join on the array), the newest 100 of those.
 * They are the inbox if there are 100 of them or the walk saw every thread; else null (the caller probes per company).
 * With 1,031 companies one probe each read 4,811 buffers; this read 6 (EXPLAIN ANALYZE in the README, "Misure").
 */
export async function casellaDallaFinestra(aziende: number[], soloNonLetti: boolean, finestra = FINESTRA_CASELLA): Promise<VoceCasella[] | null> {
  const risultato = await db().execute(sql`
    with finestra as (
      select c.domanda_id, c.azienda_id, c.non_letti, c.ultimo_evento_id from ${nonLettiFilo} c
      where c.lato = 'azienda' order by c.ultimo_evento_id desc limit ${finestra}
    ),
    ultimi as (
      select f.* from finestra f join unnest(${new Param(aziende)}::int[]) as a(id) on a.id = f.azienda_id
      where ${soloNonLetti ? sql`f.non_letti > 0` : sql`true`}
      order by f.ultimo_evento_id desc limit ${MASSIMO_CASELLA}
    )
    ${dettagliCasella}`);
  const righe = righeCasella(risultato);
  if (righe.length === MASSIMO_CASELLA) return righe;
  // Fewer than 100: the inbox only if the walk saw every thread of the side.
  const [{ visti }] = righeDi<{ visti: number }>(await db().execute(sql`
    select count(*)::int as visti from (select 1 from ${nonLettiFilo} c where c.lato = 'azienda' order by c.ultimo_evento_id desc limit ${finestra}) f`));
  return visti < finestra ? righe : null;
}

/** The company's side's inbox: the threads of the companies this profile may act for today (legal representative or delega). */
export async function casellaAzienda(ctx: Contesto, opzioni: { soloNonLetti?: boolean; aziendaId?: number } = {}): Promise<VoceCasella[]> {
  if (latoDelRuolo(ctx.ruolo) !== "azienda") return [];
  const accessibili = await idAziendeAccessibili(ctx);
  // One company (the portfolio's link): only if this profile may act for it; any other id gives an empty inbox.
  const ids = opzioni.aziendaId === undefined ? accessibili : accessibili.filter((id) => id === opzioni.aziendaId);
  if (ids.length === 0) return [];
  if (ids.length >= AZIENDE_PER_FINESTRA) {
    const dallaFinestra = await casellaDallaFinestra(ids, Boolean(opzioni.soloNonLetti));
    if (dallaFinestra) return dallaFinestra;
  }
  return casellaPerAzienda(ids, Boolean(opzioni.soloNonLetti));
}

/** The company side's inbox of these companies by one index probe each (the newest 100 of each, then of all). */
export function casellaPerAzienda(aziende: number[], soloNonLetti: boolean): Promise<VoceCasella[]> {
  return casella({ lato: "azienda", aziende: sql`${new Param(aziende)}` }, soloNonLetti);
}

/** The office's inbox: the sent domande of the sedi the assignment rule gives this operator or manager. */
export async function casellaSede(ctx: Contesto, opzioni: { soloNonLetti?: boolean } = {}): Promise<VoceCasella[]> {
  const ambito = await ambitoSedi(ctx);
  if (!ambito || (!ambito.tutte && ambito.sedi.length === 0)) return [];
  return casella({ lato: "sede", sedi: ambito.tutte ? null : sql`${new Param(ambito.sedi)}` }, Boolean(opzioni.soloNonLetti));
}

/**
 * Unread entries for this profile, in total and per company — for the inbox of one company and dashboards. The
 * office's count covers its sedi's sent domande. The header needs the total only: totaleNonLetti.
 */
export async function conteggiNonLetti(ctx: Contesto): Promise<{ totale: number; perAzienda: Record<number, number> }> {
  const righe = await nonLettiNelloAmbito(ctx, "per_azienda");
  const perAzienda: Record<number, number> = {};
  for (const r of righe) perAzienda[r.aziendaId] = (perAzienda[r.aziendaId] ?? 0) + r.n;
  return { totale: righe.reduce((t, r) => t + r.n, 0), perAzienda };
}

/**
 * The header's count on every signed-in page: one read of the threads' counters by index (a probe per company or sede
 * on the rows with something unread), prepared once per side and scope with the scope as one array parameter.
 */
export async function totaleNonLetti(ctx: Contesto): Promise<number> {
  const righe = await nonLettiNelloAmbito(ctx, "totale");
  return righe.reduce((t, r) => t + r.n, 0);
}

type Raggruppamento = "per_azienda" | "totale";

async function nonLettiNelloAmbito(ctx: Contesto, per: Raggruppamento): Promise<Array<{ aziendaId: number; n: number }>> {
  const segnaposto = sql.placeholder("ambito");
  if (latoDelRuolo(ctx.ruolo) === "azienda") {
    const ids = await idAziendeAccessibili(ctx);
    if (ids.length === 0) return [];
    const nome = `non_letti_azienda_${per}`;
    return preparata(nome, (d) => queryNonLetti(d, { lato: "azienda", aziende: sql`${segnaposto}` }, per).prepare(nome)).execute({ ambito: ids });
  }
  const ambito = await ambitoSedi(ctx);
  if (!ambito || (!ambito.tutte && ambito.sedi.length === 0)) return [];
  if (ambito.tutte) {
    const nome = `non_letti_sede_tutte_${per}`;
    return preparata(nome, (d) => queryNonLetti(d, { lato: "sede", sedi: null }, per).prepare(nome)).execute();
  }
  const nome = `non_letti_sede_${per}`;
  return preparata(nome, (d) => queryNonLetti(d, { lato: "sede", sedi: sql`${segnaposto}` }, per).prepare(nome)).execute({ ambito: ambito.sedi });
}

/** The unread entries of a scope, per element (`totale`: per company or sede, summed by the caller) or per company. */
function queryNonLetti(d: Db, ambito: Ambito, per: Raggruppamento) {
  const elementi = elementiAmbito(ambito);
  const n = sql<number>`coalesce(sum(c.non_letti), 0)::int`.mapWith(Number);
  const aziendaId = sql<number>`c.azienda_id`.mapWith(Number);
  if (!elementi) {
    const tutte = sql`${nonLettiFilo} c`;
    const dove = sql`c.lato = 'sede' and c.sede_codice is not null and c.non_letti > 0`;
    return per === "totale"
      ? d.select({ aziendaId: sql<number>`0`.mapWith(Number), n }).from(tutte).where(dove)
      : d.select({ aziendaId, n }).from(tutte).where(dove).groupBy(sql`c.azienda_id`);
  }
  const righe =
    per === "totale"
      ? sql`select 0 as azienda_id, sum(c.non_letti) as non_letti from ${contatoriDi(ambito, sql`c.non_letti > 0`)}`
      : sql`select c.azienda_id, sum(c.non_letti) as non_letti from ${contatoriDi(ambito, sql`c.non_letti > 0`)} group by c.azienda_id`;
  const perElemento = sql`${elementi} cross join lateral (${righe}) c`;
  return per === "totale"
    ? d.select({ aziendaId: sql<number>`0`.mapWith(Number), n }).from(perElemento)
    : d.select({ aziendaId, n }).from(perElemento).where(sql`c.non_letti > 0`).groupBy(sql`c.azienda_id`);
}

/**
 * The entries one company's side has not read (`non_letti`, null for none), a subquery on the counters for the company
 * `aziendaId` (SQL, e.g. the outer query's column): an index probe, for set-based pages such as the intermediary's
 * portfolio (a LATERAL per company; filter and sort by it). The caller has already bounded the companies to what the
 * profile may see.
 */
export function nonLettiDiAziendaSql(aziendaId: SQL): SQL {
  return sql`select sum(${nonLettiFilo.nonLetti})::int as non_letti from ${nonLettiFilo}
    where ${nonLettiFilo.lato} = 'azienda' and ${nonLettiFilo.nonLetti} > 0 and ${nonLettiFilo.aziendaId} = ${aziendaId}`;
}

/** Unread entries of one domanda's thread for a side (the page showing the link has authorised the reader). */
export async function nonLettiDomanda(lato: LatoLettore, domandaId: number): Promise<number> {
  const [r] = await preparata("non_letti_domanda", (d) =>
    d
      .select({ n: nonLettiFilo.nonLetti })
      .from(nonLettiFilo)
      .where(and(eq(nonLettiFilo.domandaId, sql.placeholder("domanda")), eq(nonLettiFilo.lato, sql.placeholder("lato"))))
      .prepare("non_letti_domanda"),
  ).execute({ domanda: domandaId, lato });
  return r?.n ?? 0;
}
