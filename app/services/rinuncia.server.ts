// The company's side ends a domanda: withdrawal (rinuncia) of a sent one before the Sede decides, or deletion of a
// draft. Each is one transaction that re-reads the state under a row lock (the Sede may have decided meanwhile),
// checks the transition in the state machine and writes the audit log; a withdrawal also writes the timeline.
import { eq, sql } from "drizzle-orm";
import { domande } from "#db/schema";
import { db } from "#db/connection";
import { transizionePossibile, type StatoDomanda, type Transizione } from "~/domain/stati";
import type { Contesto } from "./accesso.server";
import { scriviAudit } from "./audit.server";
import { adesso as adessoPiattaforma } from "./orologio.server";
import { registraEvento, type DomandaCaricata, type Transazione } from "./domande.server";

export type EsitoChiusura = { ok: true } | { ok: false; stato: StatoDomanda | null };

async function conStatoBloccato(
  ctx: Contesto,
  domandaId: number,
  transizione: Transizione,
  azione: string,
  esegui: (tx: Transazione) => Promise<void>,
): Promise<EsitoChiusura> {
  return db().transaction(async (tx) => {
    // Alike presa-in-carico.server.ts's transaction (duplicates): the same "lock the domanda's row and check the
    // transition" opening, with this use case's own columns (protocol, company)
    const [attuale] = await tx
      .select({ stato: domande.stato, protocollo: domande.protocollo, aziendaId: domande.aziendaId })
      .from(domande)
      .where(eq(domande.id, domandaId))
      .for("update");
    if (!attuale || !transizionePossibile(attuale.stato, transizione)) {
      // Alike the other scriviAudit calls (below, allegati.server.ts) (duplicates): every audit row is written in full
      // where the outcome is decided, with its own action, object and outcome
      await scriviAudit(tx, {
        utenteId: ctx.utente.id,
        ruolo: ctx.ruolo,
        azione,
        oggettoTipo: "domanda",
        oggettoId: domandaId,
        esito: "negato",
        dettagli: { motivo: "stato", stato: attuale?.stato ?? null },
      });
      return { ok: false, stato: attuale?.stato ?? null } as const;
    }
    await esegui(tx);
    // Alike the refusal's audit above (duplicates): the same fields, but this row records the done withdrawal or
    // deletion (esito ok)
    await scriviAudit(tx, {
      utenteId: ctx.utente.id,
      ruolo: ctx.ruolo,
      azione,
      oggettoTipo: "domanda",
      oggettoId: domandaId,
      esito: "ok",
      // The deleted draft leaves its id, company and previous state here: the row itself is gone.
      dettagli: { statoPrecedente: attuale.stato, protocollo: attuale.protocollo, aziendaId: attuale.aziendaId },
    });
    return { ok: true } as const;
  });
}

/** Withdraws a sent domanda (only before a decision). The caller has authorised the user (caricaDomanda). */
export function rinunciaDomanda(ctx: Contesto, { domanda }: DomandaCaricata, adesso = adessoPiattaforma()) {
  return conStatoBloccato(ctx, domanda.id, "rinuncia", "rinuncia_domanda", async (tx) => {
    await tx
      .update(domande)
      .set({ stato: "rinunciata", aggiornataIl: adesso, versione: sql`${domande.versione} + 1` })
      .where(eq(domande.id, domanda.id));
    await registraEvento(tx, ctx, domanda.id, "rinunciata", "Rinuncia alla domanda presentata dall'azienda");
  });
}

/** Deletes a draft with its workers, attachments and timeline (cascade). The caller has authorised the user. */
export function eliminaBozza(ctx: Contesto, { domanda }: DomandaCaricata) {
  return conStatoBloccato(ctx, domanda.id, "elimina", "elimina_bozza", async (tx) => {
    await tx.delete(domande).where(eq(domande.id, domanda.id));
  });
}
