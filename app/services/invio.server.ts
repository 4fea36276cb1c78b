// Submission of a domanda: one transaction gives it a protocol number and a ticket, freezes the open rule outcomes,
// moves it to "inviata", and writes the timeline and the audit log. Safe to repeat: the same idempotency key
// (chiaveInvio, one per rendered form) on an already sent domanda is the same submission, not a new one.
import { randomBytes, randomInt } from "node:crypto";
import { and, eq, ne, sql, type SQL } from "drizzle-orm";
import { auditLog, aziende, contatoriProtocollo, domandaLavoratori, domande, eventiDomanda, type Domanda } from "#db/schema";
import { db } from "#db/connection";
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
import type { Transazione } from "./domande.server";

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
function protocolloSql(anno: number, ultimo: SQL): SQL {
  return sql`'INPS.OMNIA.' || ${String(anno)}::text || '.' || lpad((${ultimo})::text, 7, '0')`;
}

/**
 * The last statement of a submission: the year's protocol number, the domanda marked sent with it, its timeline event
 * and its audit entry, all in one statement. The counter's upsert takes the row lock that every submission of the
 * year waits for, held until COMMIT, so it is taken last and held for one statement: under load each further
 * statement would keep it for one more turn of a busy event loop (measured with `npm run bench -- --invii`). A
 * rolled-back submission rolls its increment back too, so no issued number is ever reused or skipped.
 */
async function protocollaEChiudi(
  tx: Transazione,
  anno: number,
  modifiche: Parameters<ReturnType<Transazione["update"]>["set"]>[0],
  domandaId: number,
  evento: { utenteId: number },
  audit: VoceAudit,
): Promise<string> {
  const numero = sql`(select protocollo from numero)`;
  const aggiorna = tx
    .update(domande)
    .set({ ...modifiche, protocollo: numero })
    .where(eq(domande.id, domandaId));
  const registra = tx.insert(eventiDomanda).values({
    domandaId,
    tipo: "inviata",
    descrizione: sql`'Domanda inviata con protocollo ' || ${numero}`,
    utenteId: evento.utenteId,
  });
  const traccia = tx
    .insert(auditLog)
    .values({ ...rigaAudit(audit), dettagli: sql`${JSON.stringify(audit.dettagli ?? {})}::jsonb || jsonb_build_object('protocollo', ${numero})` })
    .returning({ protocollo: sql<string>`${auditLog.dettagli} ->> 'protocollo'`.as("protocollo") });
  const righe = await tx.execute<{ protocollo: string }>(sql`
    with contatore as (
      insert into ${contatoriProtocollo} (${sql.identifier(contatoriProtocollo.anno.name)}, ${sql.identifier(contatoriProtocollo.ultimo.name)})
      values (${anno}, 1)
      on conflict (${sql.identifier(contatoriProtocollo.anno.name)})
      do update set ${sql.identifier(contatoriProtocollo.ultimo.name)} = ${contatoriProtocollo.ultimo} + 1
      returning ${sql.identifier(contatoriProtocollo.ultimo.name)} as ultimo
    ),
    numero as (select ${protocolloSql(anno, sql`ultimo`)} as protocollo from contatore),
    aggiornata as (${aggiorna.getSQL()}),
    evento as (${registra.getSQL()})
    ${traccia.getSQL()}`);
  const [riga] = Array.isArray(righe) ? righe : (righe as unknown as { rows: Array<{ protocollo: string }> }).rows;
  return riga.protocollo;
}

// Namespaces of the transaction-scoped advisory locks (pg_advisory_xact_lock(int, int)): the first number says what
// the second one is.
const BLOCCO_UNITA = 8101;
const BLOCCO_LAVORATORE_CISOA = 8102;

/**
 * Serialises the submissions whose rules read each other: those of the same production unit (overlaps, biennio and
 * one-third limits, FIS and fund weeks: art. 12 and 29-30 d.lgs. 148/2015; docs/regole.md) and, for CISOA, those
 * naming the same worker (90 days a year, art. 8 legge 457/1972). The locks end with the transaction, so the next
 * submission of the unit reads this one's outcome once it is committed. Worker locks are taken in key order, so two
 * submissions can never wait for each other.
 */
async function bloccaDomandeCollegate(tx: Transazione, domanda: Domanda): Promise<void> {
  if (domanda.unitaProduttivaId !== null) {
    await tx.execute(sql`select pg_advisory_xact_lock(${BLOCCO_UNITA}::int, ${domanda.unitaProduttivaId}::int)`);
  }
  if (domanda.prestazione === "CISOA") {
    await tx.execute(sql`
      select pg_advisory_xact_lock(${BLOCCO_LAVORATORE_CISOA}::int, chiave)
      from (
        select distinct hashtext(${domandaLavoratori.codiceFiscale}) as chiave
        from ${domandaLavoratori}
        where ${domandaLavoratori.domandaId} = ${domanda.id}
        order by chiave
      ) as chiavi`);
  }
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
 * What the Sede's queue reads of a sent domanda, fixed at sending: the competent sede, the causale, the open alerts and
 * the decision deadline (75 days for CIGO from sending or from the start of the period: termineDecisione).
 */
export function datiCoda(domanda: Domanda, sedeCodice: string, esiti: readonly { gravita: string }[], adesso: Date) {
  const inviataIl = oggiRoma(adesso);
  const risposte = leggiRisposte(domanda.dati);
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
    sedeCodice,
    causale: risposte.periodo?.causale ?? null,
    avvisiInvio: esiti.filter((e) => e.gravita === "avviso").length,
    scadenzaDecisione,
    termineSospesoDal: null,
  };
}

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
  // The rules read registries and other domande: computed before the transaction on the version the user saw (the
  // version check inside the transaction makes sure they still describe what is being sent); those that read other
  // domande are computed again inside the transaction, under the unit's lock.
  const esitiPrima = riga.domanda.stato === "bozza" ? await controlliSenzaAltreDomande({ ...riga, risposte: leggiRisposte(riga.domanda.dati) }) : [];

  return db().transaction(async (tx) => {
    // Row lock: a double click waits here for the first submission and then finds it done.
    const [attuale] = await tx.select().from(domande).where(eq(domande.id, domandaId)).for("update");
    if (attuale.stato !== "bozza" && attuale.chiaveInvio === chiaveInvio && attuale.protocollo && attuale.ticket) {
      return { ok: true, protocollo: attuale.protocollo, ticket: attuale.ticket, giaInviata: true } as const;
    }
    const negato = async (motivo: string) =>
      scriviAudit(tx, {
        utenteId: ctx.utente.id,
        ruolo: ctx.ruolo,
        azione: "invia_domanda",
        oggettoTipo: "domanda",
        oggettoId: domandaId,
        esito: "negato",
        dettagli: { motivo },
      });
    if (!transizionePossibile(attuale.stato, "invia") || attuale.versione !== versioneAttesa) {
      await negato(attuale.stato === "bozza" ? "versione" : "stato");
      return { ok: false, motivo: "conflitto" } as const;
    }
    // A key already spent on another domanda (a form replayed on a different draft) is not this submission.
    const [altra] = await tx
      .select({ id: domande.id })
      .from(domande)
      .where(and(eq(domande.chiaveInvio, chiaveInvio), ne(domande.id, domandaId)));
    if (altra) {
      await negato("chiave");
      return { ok: false, motivo: "conflitto" } as const;
    }
    if (primoPassoIncompleto(leggiRisposte(attuale.dati)) !== null) {
      await negato("incompleta");
      return { ok: false, motivo: "incompleta" } as const;
    }
    // Two drafts of the same unit sent at the same instant: the second one waits here for the first to commit, then
    // sees it among the unit's domande (and is refused if they overlap or together pass a limit).
    await bloccaDomandeCollegate(tx, attuale);
    const esiti = [
      ...esitiPrima,
      ...(await controlliTraDomande({ domanda: attuale, azienda: riga.azienda, risposte: leggiRisposte(attuale.dati) }, tx, adesso)),
    ];
    if (!inviabile(esiti)) {
      await negato("bloccanti");
      return { ok: false, motivo: "bloccanti", bloccanti: esiti.filter((e) => e.gravita === "bloccante") } as const;
    }
    // Everything that does not need the protocol number runs before the year's counter is locked: the ticket, the
    // checks (above), the values to write. Then one statement takes the number and closes the submission.
    const ticket = await ticketLibero(tx);
    const protocollo = await protocollaEChiudi(
      tx,
      annoRoma(adesso),
      {
        stato: "inviata",
        ticket,
        chiaveInvio,
        inviataIl: adesso,
        aggiornataIl: adesso,
        esitiInvio: esiti,
        ...datiCoda(attuale, riga.azienda.sedeCodice, esiti, adesso),
        versione: sql`${domande.versione} + 1`,
      },
      domandaId,
      { utenteId: ctx.utente.id },
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
