// The reminders job (issue 13): drafts untouched for 7 days, the Sede's requests 5 and 1 days before their deadline,
// the conguaglio and the direct-payment data 15 days before decadence. The rules are app/domain/comunicazioni.ts (the
// deadlines app/domain/scadenze-flussi.ts); each reminder is a thread entry with a unique key, written with its e-mail
// in one transaction, so running the job twice, or on two processes at once, reminds once.
import { and, eq, isNotNull, lt, lte, gte, ne, notExists, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { domande, eventiDomanda, provvedimenti, richiesteIstruttoria } from "#db/schema";
import { db } from "#db/connection";
import {
  PROMEMORIA,
  promemoriaBozza,
  promemoriaConguaglio,
  promemoriaPagamentoDiretto,
  promemoriaRichiesta,
  type Promemoria,
} from "~/domain/comunicazioni";
import { addDays, addMonths, oggiRoma } from "~/domain/date";
import { registraEvento } from "../domande.server";
import { adesso as adessoPiattaforma } from "../orologio.server";

export interface EsitoPromemoria {
  bozze: number;
  richieste: number;
  conguagli: number;
  pagamentiDiretti: number;
}

/** Writes the reminder once (its key is unique): true if written now. */
async function scrivi(domandaId: number, p: Promemoria): Promise<boolean> {
  return db().transaction(async (tx) => (await registraEvento(tx, null, domandaId, "promemoria", p.descrizione, { chiave: p.chiave })) !== null);
}

/** Runs every reminder due on the clock's day. `adesso`: the clock (tests choose the day). */
export async function promemoria(adesso: Date = adessoPiattaforma(), limite = 2000): Promise<EsitoPromemoria> {
  const oggi = oggiRoma(adesso);
  const esito: EsitoPromemoria = { bozze: 0, richieste: 0, conguagli: 0, pagamentiDiretti: 0 };

  // Drafts: untouched for 7 days and not reminded since their last change.
  const soglia = new Date(adesso.getTime() - PROMEMORIA.bozzaGiorni * 86_400_000);
  const bozze = await db()
    .select({ id: domande.id, aggiornataIl: domande.aggiornataIl })
    .from(domande)
    .where(
      and(
        eq(domande.stato, "bozza"),
        lt(domande.aggiornataIl, soglia),
        notExists(
          db()
            .select({ x: sql`1` })
            .from(eventiDomanda)
            .where(and(eq(eventiDomanda.domandaId, domande.id), eq(eventiDomanda.tipo, "promemoria"), gte(eventiDomanda.quando, domande.aggiornataIl))),
        ),
      ),
    )
    .limit(limite);
  for (const b of bozze) {
    const p = promemoriaBozza(b.id, oggiRoma(b.aggiornataIl), oggi);
    if (p && (await scrivi(b.id, p))) esito.bozze++;
  }

  // The Sede's open requests due within 5 days.
  const richieste = await db()
    // Alike interlocuzione.server.ts's open requests count (duplicates): the same requests/domande join, but this one
    // lists the requests due for a reminder
    .select({ id: richiesteIstruttoria.id, domandaId: richiesteIstruttoria.domandaId, scadenza: richiesteIstruttoria.scadenza })
    .from(richiesteIstruttoria)
    .innerJoin(domande, eq(domande.id, richiesteIstruttoria.domandaId))
    .where(
      and(
        eq(richiesteIstruttoria.stato, "aperta"),
        eq(domande.stato, "sospesa"),
        gte(richiesteIstruttoria.scadenza, oggi),
        lte(richiesteIstruttoria.scadenza, addDays(oggi, PROMEMORIA.richiestaGiorni[0])),
      ),
    )
    .limit(limite);
  for (const r of richieste) {
    const p = promemoriaRichiesta(r.id, r.scadenza, oggi);
    if (p && (await scrivi(r.domandaId, p))) esito.richieste++;
  }

  // Authorisations in force (not corrected by a later act) whose period ended recently enough for a deadline ahead:
  // the conguaglio runs 6 months from the end of the period or the decision, the direct-payment data about 2 months.
  const rettifica = alias(provvedimenti, "rettifica");
  const atti = await db()
    .select({
      id: provvedimenti.id,
      domandaId: provvedimenti.domandaId,
      inizio: provvedimenti.periodoInizio,
      fine: provvedimenti.periodoFine,
      modalita: provvedimenti.modalitaPagamento,
      dataProvvedimento: provvedimenti.dataDecisione,
    })
    .from(provvedimenti)
    .where(
      and(
        ne(provvedimenti.esito, "respinta"),
        isNotNull(provvedimenti.modalitaPagamento),
        isNotNull(provvedimenti.periodoInizio),
        gte(provvedimenti.periodoFine, addMonths(oggi, -8)),
        notExists(db().select({ x: sql`1` }).from(rettifica).where(eq(rettifica.rettificaDi, provvedimenti.id))),
      ),
    )
    .limit(limite);
  for (const a of atti) {
    if (!a.inizio || !a.fine) continue;
    if (a.modalita === "conguaglio") {
      const p = promemoriaConguaglio(a.id, { fineAutorizzazione: a.fine, dataProvvedimento: a.dataProvvedimento }, oggi);
      if (p && (await scrivi(a.domandaId, p))) esito.conguagli++;
    } else {
      for (const p of promemoriaPagamentoDiretto(a.id, { inizio: a.inizio, fine: a.fine, dataProvvedimento: a.dataProvvedimento }, oggi)) {
        if (await scrivi(a.domandaId, p)) esito.pagamentiDiretti++;
      }
    }
  }
  return esito;
}
