// Fixture of the istruttoria's later steps: a domanda sent through the real submission service and taken by the Sede
// (in_istruttoria) with the desk's presa in carico.
import { eq } from "drizzle-orm";
import { domande, type Domanda } from "#db/schema";
import { db } from "#db/connection";
import type { Prestazione } from "~/domain/tipi";
import type { Contesto } from "~/services/accesso.server";
import { inviaDomanda, nuovaChiaveInvio } from "~/services/invio.server";
import { prendiInCarico } from "~/services/istruttoria/presa-in-carico.server";
import { bozzaCompleta } from "./domanda-completa";

export async function leggiDomanda(id: number): Promise<Domanda> {
  const [d] = await db().select().from(domande).where(eq(domande.id, id));
  return d;
}

export async function inviata(
  ctx: Contesto,
  aziendaId: number,
  opzioni: Parameters<typeof bozzaCompleta>[2] = {},
): Promise<Domanda> {
  const id = await bozzaCompleta(ctx, aziendaId, opzioni);
  const esito = await inviaDomanda(ctx, id, (await leggiDomanda(id)).versione, nuovaChiaveInvio());
  if (!esito.ok) throw new Error(`invio della domanda ${id} rifiutato: ${esito.motivo}`);
  return leggiDomanda(id);
}

/** A sent domanda taken by the Sede: in_istruttoria, one version later. */
export async function casoInIstruttoria(
  ctx: Contesto,
  aziendaId: number,
  operatore: Contesto,
  opzioni: { prestazione?: Prestazione; lavoratori?: number } = {},
): Promise<Domanda> {
  const d = await inviata(ctx, aziendaId, opzioni);
  const presa = await prendiInCarico(operatore, d.id, d.versione);
  if (!presa.ok) throw new Error(`presa in carico della domanda ${d.id} rifiutata: ${presa.motivo}`);
  return leggiDomanda(d.id);
}
