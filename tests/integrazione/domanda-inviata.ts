// Fixture of the istruttoria: a sent domanda (a complete draft through the real submission service).
import { eq } from "drizzle-orm";
import { domande } from "#db/schema";
import { db } from "#db/connection";
import type { Prestazione } from "~/domain/tipi";
import type { Contesto } from "~/services/accesso.server";
import { inviaDomanda, nuovaChiaveInvio } from "~/services/invio.server";
import { bozzaCompleta } from "./domanda-completa";

export async function domandaInviata(ctx: Contesto, aziendaId: number, opzioni: { prestazione?: Prestazione; lavoratori?: number } = {}) {
  const id = await bozzaCompleta(ctx, aziendaId, opzioni);
  const [d] = await db().select({ versione: domande.versione }).from(domande).where(eq(domande.id, id));
  const esito = await inviaDomanda(ctx, id, d.versione, nuovaChiaveInvio());
  if (!esito.ok) throw new Error(`invio della domanda ${id} rifiutato: ${esito.motivo}`);
  const [inviata] = await db().select().from(domande).where(eq(domande.id, id));
  return inviata;
}
