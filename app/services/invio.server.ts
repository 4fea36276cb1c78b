// Submission of a domanda: one transaction gives it a protocol number and a ticket, freezes the open rule outcomes,
// moves it to "inviata", and writes the timeline and the audit log. Safe to repeat: the same idempotency key
// (chiaveInvio, one per rendered form) on an already sent domanda is the same submission, not a new one.
import { randomBytes, randomInt } from "node:crypto";
import { eq, sql, type SQL } from "drizzle-orm";
import { auditLog, aziende, contatoriProtocollo, domandaLavoratori, domande, eventiDomanda, type Domanda } from "#db/schema";
import type { Db } from "#db/client";
import { db, preparata, preparataSu, ultimaIstruzione } from "#db/connection";
import { oggiRoma } from "~/domain/date";
import { inviabile } from "~/domain/esito";
import { termineDecisione } from "~/domain/istruttoria/termine-decisione";
import { ParametroNonDisponibile } from "~/domain/parametri";
import { leggiRisposte, primoPassoIncompleto } from "~/passi";
import { transizionePossibile } from "~/domain/stati";
import type { Contesto } from "./accesso.server";
import { puoAgire } from "./autorizzazione.server";
import { rigaAudit, scriviAudit, type VoceAudit } from "./audit.server";
import { adesso as adessoPiattaforma } from "./orologio.server";
import { controlliSenzaAltreDomande, controlliTraDomande, type EsitoPasso } from "./controlli-domanda.server";
import type { DomandaCaricata, Transazione } from "./domande.server";

export type EsitoInvio =
  | { ok: true; protocollo: string; ticket: string; giaInviata: boolean }
  | { ok: false; motivo: "conflitto" }
  /** The domanda does not exist or this actor may not send it (audited): the route answers 404. */
  | { ok: false; motivo: "non_trovato" }
  | { ok: false; motivo: "incompleta" }
  | { ok: false; motivo: "bloccanti"; bloccanti: EsitoPasso[] };

const ALFABETO_TICKET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const LUNGHEZZA_TICKET = 10;

/** A fresh idempotency key for a submit form (URL-safe, 32 characters). */
export function nuovaChiaveInvio(): string {
  return randomBytes(24).toString("base64url");
}

/** 10 uppercase alphanumerics from the CSPRNG (36^10 ≈ 3.6·10^15): what UniEmens rows will carry. */
export function nuovoTicket(): string {
  let t = "";
  for (let i = 0; i < LUNGHEZZA_TICKET; i++) t += ALFABETO_TICKET[randomInt(ALFABETO_TICKET.length)];
  return t;
}

export function formatoProtocollo(anno: number, numero: number): string {
  return `INPS.OMNIA.${anno}.${String(numero).padStart(7, "0")}`;
}

/** The year in Rome: a domanda sent at 00:30 on 1 January (Rome) belongs to the new year's series. */
const FORMATO_ANNO_ROMA = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Rome", year: "numeric" });

export function annoRoma(istante: Date): number {
  return Number(FORMATO_ANNO_ROMA.format(istante));
}

/** The protocol number in SQL, the same text as formatoProtocollo (tests/integrazione check the shape). */
function protocolloSql(anno: SQL, ultimo: SQL): SQL {
  return sql`'INPS.OMNIA.' || (${anno})::text || '.' || lpad((${ultimo})::text, 7, '0')`;
}

const segnaposto = sql.placeholder;

/**
 * The last statement of a submission: the year's protocol number, the domanda marked sent with it, its timeline event
 * and its audit entry, all in one statement. The counter's upsert takes the row lock that every submission of the
 * year waits for, held until COMMIT, so it is taken last and held for one statement: under load each further
 * statement would keep it for one more turn of a busy event loop (measured with `npm run bench -- --invii`). A
 * rolled-back submission rolls its increment back too, so no issued number is ever reused or skipped. Built once per
 * process with placeholders (preparataSu): building it per submission was a tenth of the submission's CPU.
 */
function queryProtocollaEChiudi(d: Db) {
  const numero = sql`(select protocollo from numero)`;
  const anno = sql`${segnaposto("anno")}::int`;
  const contatore = d.$with("contatore", { ultimo: sql<number>`ultimo` }).as(sql`
    insert into ${contatoriProtocollo} (${sql.identifier(contatoriProtocollo.anno.name)}, ${sql.identifier(contatoriProtocollo.ultimo.name)})
    values (${anno}, 1)
    on conflict (${sql.identifier(contatoriProtocollo.anno.name)})
    do update set ${sql.identifier(contatoriProtocollo.ultimo.name)} = ${contatoriProtocollo.ultimo} + 1
    returning ${sql.identifier(contatoriProtocollo.ultimo.name)} as ultimo`);
  const numeroCte = d.$with("numero", { protocollo: sql<string>`protocollo` }).as(sql`select ${protocolloSql(anno, sql`ultimo`)} as protocollo from contatore`);
  const aggiornata = d.$with("aggiornata", {}).as(
    d
      .update(domande)
      .set({
        stato: "inviata",
        ticket: segnaposto("ticket"),
        chiaveInvio: segnaposto("chiaveInvio"),
        inviataIl: segnaposto("adesso"),
        aggiornataIl: segnaposto("adesso"),
        esitiInvio: segnaposto("esitiInvio"),
        sedeCodice: segnaposto("sedeCodice"),
        causale: segnaposto("causale"),
        avvisiInvio: segnaposto("avvisiInvio"),
        scadenzaDecisione: segnaposto("scadenzaDecisione"),
        termineSospesoDal: null,
        versione: sql`${domande.versione} + 1`,
        protocollo: numero,
      } as Record<string, unknown>)
      .where(eq(domande.id, segnaposto("domandaId")))
      .getSQL(),
  );
  const evento = d.$with("evento", {}).as(
    d
      .insert(eventiDomanda)
      .values({
        domandaId: segnaposto("domandaId"),
        tipo: "inviata",
        descrizione: sql`'Domanda inviata con protocollo ' || ${numero}`,
        utenteId: segnaposto("utenteId"),
      } as Record<string, unknown> as typeof eventiDomanda.$inferInsert)
      .getSQL(),
  );
  return d
    .with(contatore, numeroCte, aggiornata, evento)
    .insert(auditLog)
    .values({
      utenteId: segnaposto("auditUtenteId"),
      ruolo: segnaposto("auditRuolo"),
      azione: segnaposto("auditAzione"),
      oggettoTipo: segnaposto("auditOggettoTipo"),
      oggettoId: segnaposto("auditOggettoId"),
      esito: segnaposto("auditEsito"),
      dettagli: sql`${segnaposto("auditDettagli")}::jsonb || jsonb_build_object('protocollo', ${numero})`,
    } as Record<string, unknown> as typeof auditLog.$inferInsert)
    .returning({ protocollo: sql<string>`${auditLog.dettagli} ->> 'protocollo'` })
    .prepare("invio_protocolla_e_chiudi");
}

interface Chiusura {
  ticket: string;
  chiaveInvio: string;
  adesso: Date;
  esitiInvio: unknown[];
  coda: ReturnType<typeof datiCoda>;
}

async function protocollaEChiudi(tx: Transazione, anno: number, domandaId: number, chiusura: Chiusura, audit: VoceAudit): Promise<string> {
  const riga = rigaAudit(audit);
  // The submission's last statement, with its COMMIT right behind it: the year's counter is released as soon as
  // PostgreSQL has committed, not after a turn of this process's event loop (ultimaIstruzione).
  const [[protocollo]] = await ultimaIstruzione(tx, preparata("invio_protocolla_e_chiudi", queryProtocollaEChiudi), {
    anno,
    domandaId,
    utenteId: audit.utenteId ?? null,
    ticket: chiusura.ticket,
    chiaveInvio: chiusura.chiaveInvio,
    adesso: chiusura.adesso,
    esitiInvio: chiusura.esitiInvio,
    sedeCodice: chiusura.coda.sedeCodice,
    causale: chiusura.coda.causale,
    avvisiInvio: chiusura.coda.avvisiInvio,
    scadenzaDecisione: chiusura.coda.scadenzaDecisione,
    auditUtenteId: riga.utenteId,
    auditRuolo: riga.ruolo,
    auditAzione: riga.azione,
    auditOggettoTipo: riga.oggettoTipo,
    auditOggettoId: riga.oggettoId,
    auditEsito: riga.esito,
    auditDettagli: JSON.stringify(riga.dettagli ?? {}),
  });
  return protocollo as string;
}

// Namespaces of the transaction-scoped advisory locks (pg_advisory_xact_lock(int, int)): the first number says what
// the second one is.
export const BLOCCO_UNITA = 8101;
const BLOCCO_LAVORATORE_CISOA = 8102;

/**
 * Serialises the submissions whose rules read each other: those of the same production unit (overlaps, biennio and
 * one-third limits, FIS and fund weeks: art. 12 and 29-30 d.lgs. 148/2015; docs/regole.md) by the unit's lock, taken
 * in the submission's first statement (queryBloccaDomanda), and, for CISOA, those naming the same worker (90 days a
 * year, art. 8 legge 457/1972) by the locks taken here. The locks end with the transaction, so the next submission of
 * the unit reads this one's outcome once it is committed. Worker locks are taken in key order, so two submissions can
 * never wait for each other.
 */
async function bloccaLavoratoriCisoa(tx: Transazione, domanda: Domanda): Promise<void> {
  if (domanda.prestazione !== "CISOA") return;
  await tx.execute(sql`
    select pg_advisory_xact_lock(${BLOCCO_LAVORATORE_CISOA}::int, chiave)
    from (
      select distinct hashtext(${domandaLavoratori.codiceFiscale}) as chiave
      from ${domandaLavoratori}
      where ${domandaLavoratori.domandaId} = ${domanda.id}
      order by chiave
    ) as chiavi`);
}

async function ticketLibero(tx: Transazione): Promise<string> {
  // A collision is astronomically unlikely; checking keeps the unique index from aborting a real submission.
  for (;;) {
    const t = nuovoTicket();
    const [esiste] = await tx.select({ id: domande.id }).from(domande).where(eq(domande.ticket, t));
    if (!esiste) return t;
  }
}

/**
 * The submission's first statement: the domanda's row lock (a double click waits here for the first submission and
 * then finds it done) and the lock of the unit it was loaded with (a domanda moved to another unit since then has
 * another version and is refused below, so a lock on its old unit only delays that unit's submissions until this
 * rollback), with what the checks after it need: whether the idempotency key is already spent on another domanda (a
 * form replayed on a different draft) and whether the ticket drawn for it is taken. The unit's lock is in this
 * statement, not in one of its own, to save a round trip per submission; the unit's other domande are read by a
 * statement sent after it, whose snapshot (read committed) is taken after both locks are held. Whoever holds a unit's
 * lock then waits only for worker locks (in key order) and the year's counter, never for a domanda row another
 * transaction holds, so the two locks in one statement cannot make two transactions wait for each other.
 */
function queryBloccaDomanda(d: Db) {
  // Written out: in a select of one table drizzle renders columns without their table, which a correlated
  // subquery on the same table would misread.
  const colonna = (tabella: string, c: { name: string }) => sql`${sql.identifier(tabella)}.${sql.identifier(c.name)}`;
  return d
    .select({
      stato: domande.stato,
      versione: domande.versione,
      chiaveInvio: domande.chiaveInvio,
      protocollo: domande.protocollo,
      ticket: domande.ticket,
      chiaveAltrove: sql<boolean>`exists (select 1 from ${domande} as ${sql.identifier("altra")} where ${colonna("altra", domande.chiaveInvio)} = ${segnaposto("chiaveInvio")} and ${colonna("altra", domande.id)} <> ${colonna("domande", domande.id)})`,
      ticketPreso: sql<boolean>`exists (select 1 from ${domande} as ${sql.identifier("con_ticket")} where ${colonna("con_ticket", domande.ticket)} = ${segnaposto("ticket")})`,
      // pg_advisory_xact_lock returns void: the column is always null; a domanda without a unit takes no lock.
      unitaBloccata: sql<null>`(select pg_advisory_xact_lock(${BLOCCO_UNITA}::int, ${segnaposto("unitaId")}::int) where ${segnaposto("unitaId")}::int is not null)`,
    })
    .from(domande)
    .where(eq(domande.id, segnaposto("id")))
    .for("update", { of: domande })
    .prepare("invio_blocca_domanda");
}

/**
 * What the Sede's queue reads of a sent domanda, fixed at sending: the competent sede, the causale, the open alerts and
 * the decision deadline (75 days for CIGO from sending or from the start of the period: termineDecisione).
 */
export function datiCoda(caricata: DomandaCaricata, esiti: readonly { gravita: string }[], adesso: Date) {
  const { domanda, azienda, risposte } = caricata;
  const inviataIl = oggiRoma(adesso);
  // Without a time limit in force on that day (a parameter missing) the case is due at once: the queue puts it first
  // and the operator checks the limit by hand.
  let scadenzaDecisione: string = inviataIl;
  try {
    scadenzaDecisione = termineDecisione({
      prestazione: domanda.prestazione,
      inviataIl,
      inizioPeriodo: domanda.dataInizio ?? inviataIl,
      richieste: [],
      oggi: inviataIl,
    }).scadenza;
  } catch (e) {
    if (!(e instanceof ParametroNonDisponibile)) throw e;
  }
  return {
    sedeCodice: azienda.sedeCodice,
    causale: risposte.periodo?.causale ?? null,
    avvisiInvio: esiti.filter((e) => e.gravita === "avviso").length,
    scadenzaDecisione,
  };
}

/** Loads and authorises the domanda (audited refusal), then sends it: inviaDomandaCaricata. */
export async function inviaDomanda(
  ctx: Contesto,
  domandaId: number,
  versioneAttesa: number,
  chiaveInvio: string,
  adesso: Date = adessoPiattaforma(),
): Promise<EsitoInvio> {
  const [riga] = await db()
    .select({ domanda: domande, azienda: aziende })
    .from(domande)
    .innerJoin(aziende, eq(aziende.id, domande.aziendaId))
    .where(eq(domande.id, domandaId));
  if (!riga || !(await puoAgire(ctx, "invia_domanda", riga.azienda, riga.domanda))) {
    // Alike the refusal's audit below (duplicates): the same fields, but this row records the sent domanda
    await scriviAudit(db(), {
      utenteId: ctx.utente.id,
      ruolo: ctx.ruolo,
      azione: "invia_domanda",
      oggettoTipo: "domanda",
      oggettoId: domandaId,
      esito: "negato",
    });
    return { ok: false, motivo: "non_trovato" };
  }
  return inviaDomandaCaricata(ctx, { ...riga, risposte: leggiRisposte(riga.domanda.dati) }, versioneAttesa, chiaveInvio, adesso);
}

/**
 * Sends a domanda already loaded and authorised for "invia_domanda" (domandaAutorizzata, as the submit route's
 * caricaDomanda does). Its answers, parsed once at loading, serve every check: the transaction goes on only if the
 * row it locks is still the version that was loaded, and a draft's answers change only with its version.
 */
export async function inviaDomandaCaricata(
  ctx: Contesto,
  caricata: DomandaCaricata,
  versioneAttesa: number,
  chiaveInvio: string,
  adesso: Date = adessoPiattaforma(),
): Promise<EsitoInvio> {
  const domandaId = caricata.domanda.id;
  const ticketProposto = nuovoTicket();

  return db().transaction(async (tx) => {
    // The lock statement and every read of the checks go to PostgreSQL in one write (postgres.js pipelines the
    // statements of a transaction issued before the first answer), and PostgreSQL runs them in that order, each
    // read with the snapshot of its own start (read committed): after the locks of the statements before it are
    // held, so a read that depends on another submission of the unit or of a CISOA worker sees it committed. Before,
    // each was a round trip of its own, and at 200 simultaneous submissions every round trip costs both processes CPU
    // (README, Misure). The reads' outcomes count only if the lock statement finds the version that was loaded.
    const blocco = preparataSu(tx, "invio_blocca_domanda", queryBloccaDomanda).execute({
      id: domandaId,
      chiaveInvio,
      ticket: ticketProposto,
      unitaId: caricata.domanda.unitaProduttivaId,
    });
    const controlli = Promise.all([
      caricata.domanda.stato === "bozza" ? controlliSenzaAltreDomande(caricata, tx) : [],
      // Two drafts of the same unit sent at the same instant: the second one's reads waited in PostgreSQL behind
      // its lock statement for the first to commit, and see it among the unit's domande (refused if they overlap or
      // together pass a limit).
      bloccaLavoratoriCisoa(tx, caricata.domanda).then(() => controlliTraDomande(caricata, tx, adesso)),
    ]);
    // Awaited below; when the transaction ends before (a refusal, or the lock statement's error), only ignored.
    controlli.catch(() => {});
    const [attuale] = await blocco;
    const negato = async (motivo: string) =>
      // Alike the sent domanda's audit above (duplicates): the same fields, but this row records a refusal with its
      // reason
      scriviAudit(tx, {
        utenteId: ctx.utente.id,
        ruolo: ctx.ruolo,
        azione: "invia_domanda",
        oggettoTipo: "domanda",
        oggettoId: domandaId,
        esito: "negato",
        dettagli: { motivo },
      });
    if (!attuale) {
      // Deleted since it was loaded.
      await negato("stato");
      return { ok: false, motivo: "conflitto" } as const;
    }
    if (attuale.stato !== "bozza" && attuale.chiaveInvio === chiaveInvio && attuale.protocollo && attuale.ticket) {
      return { ok: true, protocollo: attuale.protocollo, ticket: attuale.ticket, giaInviata: true } as const;
    }
    if (!transizionePossibile(attuale.stato, "invia") || attuale.versione !== versioneAttesa || attuale.versione !== caricata.domanda.versione) {
      await negato(attuale.stato === "bozza" ? "versione" : "stato");
      return { ok: false, motivo: "conflitto" } as const;
    }
    if (attuale.chiaveAltrove) {
      await negato("chiave");
      return { ok: false, motivo: "conflitto" } as const;
    }
    if (primoPassoIncompleto(caricata.risposte) !== null) {
      await negato("incompleta");
      return { ok: false, motivo: "incompleta" } as const;
    }
    const esiti = (await controlli).flat();
    if (!inviabile(esiti)) {
      await negato("bloccanti");
      return { ok: false, motivo: "bloccanti", bloccanti: esiti.filter((e) => e.gravita === "bloccante") } as const;
    }
    // Everything that does not need the protocol number runs before the year's counter is locked: the ticket, the
    // checks (above), the values to write. Then one statement takes the number and closes the submission.
    const ticket = attuale.ticketPreso ? await ticketLibero(tx) : ticketProposto;
    const protocollo = await protocollaEChiudi(
      tx,
      annoRoma(adesso),
      domandaId,
      { ticket, chiaveInvio, adesso, esitiInvio: esiti, coda: datiCoda(caricata, esiti, adesso) },
      {
        utenteId: ctx.utente.id,
        ruolo: ctx.ruolo,
        azione: "invia_domanda",
        oggettoTipo: "domanda",
        oggettoId: domandaId,
        esito: "ok",
        dettagli: { ticket, avvisi: esiti.filter((e) => e.gravita === "avviso").length },
      },
    );
    return { ok: true, protocollo, ticket, giaInviata: false } as const;
  });
}
