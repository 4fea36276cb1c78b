// The "Eliminazione" of a UniEmens-Cig return: one accepted return at a time, named by its key (as in the INPS
// service), withdrawn by whoever may send flows for its company (legal representative, intermediary with a valid
// delega: the authorisation module). The row stays, marked withdrawn with who and when, so the report of the flow
// that brought it does not change; the unique key covers only returns not withdrawn, so the corrected return can
// be sent again. The withdrawal runs under the ticket's lock, like the acceptance of a batch
// (./invio-flusso.server.ts), so a flow being checked never counts hours that are being withdrawn at that instant.
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { db } from "#db/connection";
import { aziende, denunceCig, flussiCig, importiCig, type Azienda } from "#db/schema";
import { chiaveDenuncia } from "~/domain/flussi/denuncia";
import type { Persona } from "../accesso.server";
import { scriviAudit } from "../audit.server";
import { puoAgire } from "../autorizzazione.server";
import { conflitto, nonTrovato, nonValido, riuscito, type Risultato } from "../risultato";
import { BLOCCO_TICKET } from "./invio-flusso.server";

export interface ChiaveDenunciaCercata {
  matricola: string;
  cfLavoratore: string;
  /** "AAAA-MM". */
  competenza: string;
  qualifica1: string;
  qualifica2: string;
  qualifica3: string;
  tipoContribuzione: string;
}

export interface DenunciaDaEliminare {
  id: number;
  matricola: string;
  denominazione: string;
  cfLavoratore: string;
  lavoratore: string;
  /** "AAAA-MM". */
  competenza: string;
  ticket: string;
  oreCentesimi: number;
  flusso: { id: number; nomeFile: string; riga: number; ricevutoIl: string };
  eliminataIl: string | null;
}

async function puoEliminare(ctx: Persona, azienda: Pick<Azienda, "id" | "cfLegaleRappresentante" | "sedeCodice">) {
  return puoAgire(ctx, "invia_flusso", azienda);
}

/** The active return with this key among the companies the user may send flows for; otherwise a form error. */
export async function cercaDenuncia(ctx: Persona, k: ChiaveDenunciaCercata, messaggioNonTrovata: string): Promise<Risultato<{ id: number }>> {
  const chiave = chiaveDenuncia({
    matricola: k.matricola, cfLavoratore: k.cfLavoratore, competenza: k.competenza,
    qualifica1: k.qualifica1, qualifica2: k.qualifica2, qualifica3: k.qualifica3, tipoContribuzione: k.tipoContribuzione,
  });
  const [r] = await db()
    .select({ id: denunceCig.id, azienda: aziende })
    .from(denunceCig)
    .innerJoin(aziende, eq(aziende.id, denunceCig.aziendaId))
    .where(and(eq(denunceCig.chiave, chiave), isNull(denunceCig.eliminataIl)));
  // Not found and not allowed read the same: the key of another company's return reveals nothing.
  if (!r || !(await puoEliminare(ctx, r.azienda))) return nonValido({}, [messaggioNonTrovata]);
  return riuscito({ id: r.id });
}

/** One return, withdrawn or not, if the user may send flows for its company. */
export async function denunciaDaEliminare(ctx: Persona, id: number): Promise<Risultato<DenunciaDaEliminare>> {
  if (!Number.isSafeInteger(id) || id <= 0) return nonTrovato;
  const [r] = await db()
    .select({ d: denunceCig, azienda: aziende, flusso: { id: flussiCig.id, nomeFile: flussiCig.nomeFile, ricevutoIl: flussiCig.ricevutoIl } })
    .from(denunceCig)
    .innerJoin(aziende, eq(aziende.id, denunceCig.aziendaId))
    .innerJoin(flussiCig, eq(flussiCig.id, denunceCig.flussoId))
    .where(eq(denunceCig.id, id));
  if (!r || !(await puoEliminare(ctx, r.azienda))) return nonTrovato;
  const dati = r.d.dati;
  return riuscito({
    id: r.d.id,
    matricola: r.azienda.matricola ?? "",
    denominazione: r.azienda.ragioneSociale,
    cfLavoratore: r.d.codiceFiscale,
    lavoratore: [dati.cognome, dati.nome].filter(Boolean).join(" "),
    competenza: r.d.competenza.slice(0, 7),
    ticket: r.d.ticket,
    oreCentesimi: r.d.oreCentesimi,
    flusso: { id: r.flusso.id, nomeFile: r.flusso.nomeFile, riga: r.d.riga, ricevutoIl: r.flusso.ricevutoIl.toISOString() },
    eliminataIl: r.d.eliminataIl ? r.d.eliminataIl.toISOString() : null,
  });
}

/**
 * Withdraws the return: conflict when it was withdrawn meanwhile (another tab, another user of the company), not found
 * when it does not exist or the user may not act for its company.
 */
export async function eliminaDenuncia(ctx: Persona, id: number, messaggi: { inPagamento: string }): Promise<Risultato> {
  if (!Number.isSafeInteger(id) || id <= 0) return nonTrovato;
  // Authorised before the transaction: the company of a return never changes, and the policy reads other tables
  // through its own connection (on the embedded database a query outside an open transaction would wait for it).
  const [r] = await db()
    .select({ ticket: denunceCig.ticket, flussoId: denunceCig.flussoId, riga: denunceCig.riga, competenza: denunceCig.competenza, azienda: aziende })
    .from(denunceCig)
    .innerJoin(aziende, eq(aziende.id, denunceCig.aziendaId))
    .where(eq(denunceCig.id, id));
  if (!r || !(await puoEliminare(ctx, r.azienda))) return nonTrovato;
  return db().transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${BLOCCO_TICKET}::int, hashtext(${r.ticket}))`);
    // Its amount, if the Sede computed one (app/services/pagamenti): once in a batch it is being paid and the return
    // can no longer be withdrawn; before that the amount is void with the return, in the same transaction, so no
    // batch prepared a moment later can take it.
    const [importo] = await tx.select({ stato: importiCig.stato }).from(importiCig).where(eq(importiCig.denunciaId, id)).for("update");
    if (importo && (importo.stato === "in_lotto" || importo.stato === "pagato")) return nonValido({}, [messaggi.inPagamento]);
    const ritirata = await tx
      .update(denunceCig)
      .set({ eliminataIl: sql`now()`, eliminataDa: ctx.utente.id })
      .where(and(eq(denunceCig.id, id), isNull(denunceCig.eliminataIl)))
      .returning({ id: denunceCig.id });
    if (ritirata.length === 0) return conflitto;
    await tx
      .update(importiCig)
      .set({ stato: "annullato" })
      .where(and(eq(importiCig.denunciaId, id), inArray(importiCig.stato, ["approvato", "eccezione"])));
    await scriviAudit(tx, {
      utenteId: ctx.utente.id, ruolo: ctx.ruolo, azione: "eliminazione_denuncia_cig", oggettoTipo: "denuncia_cig", oggettoId: id, esito: "ok",
      dettagli: { flussoId: r.flussoId, riga: r.riga, ticket: r.ticket, competenza: r.competenza },
    });
    return riuscito();
  });
}
