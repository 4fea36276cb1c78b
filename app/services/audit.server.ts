// One way to write the audit log. Entries name the actor, the action and the object: never secrets,
// never personal data in free text (details carry ids and codes only).
import { auditLog, type Ruolo } from "#db/schema";
import type { Db } from "#db/client";

export interface VoceAudit {
  utenteId?: number | null;
  ruolo?: Ruolo | null;
  azione: string;
  oggettoTipo?: string;
  oggettoId?: string | number;
  esito: "ok" | "negato" | "errore";
  dettagli?: Record<string, unknown>;
}

// A transaction handle has the same insert API as the database handle.
type Scrittore = Pick<Db, "insert">;

/** The audit row of an entry, for a caller that writes it inside a larger statement (app/services/invio.server.ts). */
export function rigaAudit(voce: VoceAudit): typeof auditLog.$inferInsert {
  return {
    utenteId: voce.utenteId ?? null,
    ruolo: voce.ruolo ?? null,
    azione: voce.azione,
    oggettoTipo: voce.oggettoTipo ?? null,
    oggettoId: voce.oggettoId == null ? null : String(voce.oggettoId),
    esito: voce.esito,
    dettagli: voce.dettagli ?? null,
  };
}

export async function scriviAudit(db: Scrittore, voce: VoceAudit): Promise<void> {
  await db.insert(auditLog).values(rigaAudit(voce));
}
