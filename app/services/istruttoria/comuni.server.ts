// What the istruttoria's services share: the audit entry of a person or of a job (system actor), the row lock on the
// case with the version check (optimistic locking) and the state machine's verdict, the timeline entry.
import { eq } from "drizzle-orm";
import { domande, type Domanda, type RichiestaIstruttoriaRiga } from "#db/schema";
import type { RichiestaIstruttoria } from "~/domain/istruttoria/interlocuzione";
import { transizioneVerso, transizionePossibile, type StatoDomanda, type Transizione } from "~/domain/stati";
import { scriviAudit } from "../audit.server";
import { eSistema, type Attore } from "../autorizzazione.server";
import { registraEvento, type Transazione } from "../domande.server";

export async function auditAttore(
  tx: Transazione,
  attore: Attore,
  azione: string,
  domandaId: number,
  esito: "ok" | "negato",
  dettagli: Record<string, unknown> = {},
): Promise<void> {
  await scriviAudit(tx, {
    utenteId: eSistema(attore) ? null : attore.utente.id,
    ruolo: eSistema(attore) ? null : attore.ruolo,
    azione,
    oggettoTipo: "domanda",
    oggettoId: domandaId,
    esito,
    dettagli: eSistema(attore) ? { ...dettagli, sistema: attore.nome } : dettagli,
  });
}

export function eventoAttore(tx: Transazione, attore: Attore, domandaId: number, tipo: string, descrizione: string) {
  return registraEvento(tx, eSistema(attore) ? null : attore, domandaId, tipo, descrizione);
}

/**
 * The case under its row lock if the transition may start from its state (and lead to `verso`, when given) and nobody
 * changed it since the form was shown (`versioneAttesa`, null for jobs that act on what they find); otherwise null,
 * with a refusal in the audit log.
 */
export async function casoBloccato(
  tx: Transazione,
  attore: Attore,
  domandaId: number,
  transizione: Transizione,
  azione: string,
  versioneAttesa: number | null,
  verso?: StatoDomanda,
): Promise<Domanda | null> {
  const [attuale] = await tx.select().from(domande).where(eq(domande.id, domandaId)).for("update");
  if (!attuale) return null;
  const statoOk = verso ? transizioneVerso(attuale.stato, transizione, verso) : transizionePossibile(attuale.stato, transizione);
  if (!statoOk || (versioneAttesa !== null && attuale.versione !== versioneAttesa)) {
    await auditAttore(tx, attore, azione, domandaId, "negato", {
      motivo: statoOk ? "versione" : "stato",
      stato: attuale.stato,
      versione: attuale.versione,
    });
    return null;
  }
  return attuale;
}

/** The domain's view of a stored request (its state is computed on a date, never trusted from the row alone). */
export function richiestaDominio(r: Pick<RichiestaIstruttoriaRiga, "tipo" | "ricevutaIl" | "rispostaIl" | "chiusaIl">): RichiestaIstruttoria {
  return { tipo: r.tipo, ricevutaIl: r.ricevutaIl, rispostaIl: r.rispostaIl, chiusaIl: r.chiusaIl };
}
