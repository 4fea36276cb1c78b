// Presa in carico: an operator of the assignment takes a sent case, which moves to "in_istruttoria" with their name.
// One transaction re-reads the case under a row lock, checks the transition in the state machine (app/domain/stati.ts)
// and the version the operator saw (optimistic locking: of two operators taking the same case one wins, the other gets
// a conflict), and writes the timeline and the audit log.
import { eq, sql } from "drizzle-orm";
import { domande } from "#db/schema";
import { db } from "#db/connection";
import { transizionePossibile } from "~/domain/stati";
import type { Contesto } from "../accesso.server";
import { scriviAudit } from "../audit.server";
import { domandaAutorizzata, eSistema, type Attore } from "../autorizzazione.server";
import { registraEvento } from "../domande.server";
import { adesso as adessoPiattaforma } from "../orologio.server";
import { conflitto, nonTrovato, riuscito, type Risultato } from "../risultato";

export interface PresaInCarico {
  versione: number;
  operatore: string;
}

export function nomeOperatore(ctx: Pick<Contesto, "utente">): string {
  return `${ctx.utente.nome} ${ctx.utente.cognome}`;
}

export async function prendiInCarico(
  attore: Attore,
  domandaId: number,
  versioneAttesa: number,
  adesso: Date = adessoPiattaforma(),
): Promise<Risultato<PresaInCarico>> {
  // A case is taken by a person: the system actor may move cases along, but nobody would be examining this one.
  if (eSistema(attore) || attore.ruolo !== "operatore_sede") return nonTrovato;
  const caricata = await domandaAutorizzata(attore, "istruisci_domanda", domandaId);
  if (!caricata) return nonTrovato;
  const operatore = nomeOperatore(attore);
  return db().transaction(async (tx) => {
    // Alike rinuncia.server.ts's transaction (duplicates): the same "lock the domanda's row and check the transition"
    // opening, with this use case's own columns and checks (version, operator)
    const [attuale] = await tx
      .select({ stato: domande.stato, versione: domande.versione, operatoreId: domande.operatoreId })
      .from(domande)
      .where(eq(domande.id, domandaId))
      .for("update");
    if (!transizionePossibile(attuale.stato, "prendi_in_carico") || attuale.versione !== versioneAttesa) {
      // Alike the taken-in-charge audit below (duplicates): the same fields, but this row records the refusal
      await scriviAudit(tx, {
        utenteId: attore.utente.id,
        ruolo: attore.ruolo,
        azione: "prendi_in_carico",
        oggettoTipo: "domanda",
        oggettoId: domandaId,
        esito: "negato",
        dettagli: { motivo: attuale.stato === "inviata" ? "versione" : "stato", stato: attuale.stato, operatoreId: attuale.operatoreId },
      });
      return conflitto;
    }
    const [aggiornata] = await tx
      .update(domande)
      .set({
        stato: "in_istruttoria",
        operatoreId: attore.utente.id,
        presaInCaricoIl: adesso,
        aggiornataIl: adesso,
        versione: sql`${domande.versione} + 1`,
      })
      .where(eq(domande.id, domandaId))
      .returning({ versione: domande.versione });
    await registraEvento(tx, attore, domandaId, "presa_in_carico", `Presa in carico da ${operatore} per l'istruttoria`);
    // Alike the refusal's audit above (duplicates): the same fields, but this row records the case taken in charge
    await scriviAudit(tx, {
      utenteId: attore.utente.id,
      ruolo: attore.ruolo,
      azione: "prendi_in_carico",
      oggettoTipo: "domanda",
      oggettoId: domandaId,
      esito: "ok",
      dettagli: { statoPrecedente: attuale.stato, versione: aggiornata.versione },
    });
    return riuscito({ versione: aggiornata.versione, operatore });
  });
}
