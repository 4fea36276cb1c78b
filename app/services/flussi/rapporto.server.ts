// Reading the flows a user sent and their reports: the list, one report with its rejected rows a page at a time
// (keyset on the row's id), and every rejected row for the CSV download. A flow is visible to the person who sent
// it; to anyone else it does not exist (404, as for domande).
import { and, asc, desc, eq, gt } from "drizzle-orm";
import { db } from "#db/connection";
import { flussiCig, scartiFlussoCig, type FlussoCig } from "#db/schema";
import type { Persona } from "../accesso.server";
import { nonTrovato, riuscito, type Risultato } from "../risultato";

export const SCARTI_PER_PAGINA = 50;

export async function elencoFlussi(ctx: Persona): Promise<FlussoCig[]> {
  return db().select().from(flussiCig).where(eq(flussiCig.inviatoDa, ctx.utente.id)).orderBy(desc(flussiCig.id)).limit(50);
}

export interface PaginaRapporto {
  flusso: FlussoCig;
  scarti: Array<{ id: number; riga: number; codice: string; messaggio: string }>;
  /** L'id da cui parte la pagina successiva, se c'è. */
  dopo: number | null;
}

/** The rejected rows of a flow after the row id `dopo`, in order (keyset). */
function scartiDopo(flussoId: number, dopo: number, limite: number) {
  return db()
    .select({ id: scartiFlussoCig.id, riga: scartiFlussoCig.riga, codice: scartiFlussoCig.codice, messaggio: scartiFlussoCig.messaggio })
    .from(scartiFlussoCig)
    .where(and(eq(scartiFlussoCig.flussoId, flussoId), gt(scartiFlussoCig.id, dopo)))
    .orderBy(asc(scartiFlussoCig.id))
    .limit(limite);
}

async function flussoDi(ctx: Persona, id: number): Promise<FlussoCig | null> {
  if (!Number.isSafeInteger(id)) return null;
  const [f] = await db().select().from(flussiCig).where(and(eq(flussiCig.id, id), eq(flussiCig.inviatoDa, ctx.utente.id)));
  return f ?? null;
}

export async function rapportoFlusso(ctx: Persona, id: number, dopo = 0): Promise<Risultato<PaginaRapporto>> {
  const flusso = await flussoDi(ctx, id);
  if (!flusso) return nonTrovato;
  const righe = await scartiDopo(id, Number.isSafeInteger(dopo) ? dopo : 0, SCARTI_PER_PAGINA + 1);
  const scarti = righe.slice(0, SCARTI_PER_PAGINA);
  return riuscito({ flusso, scarti, dopo: righe.length > SCARTI_PER_PAGINA ? scarti[scarti.length - 1].id : null });
}

/** Every rejected row, in the file's order, a thousand at a time (the CSV is written while they are read). */
export async function* scartiDelFlusso(ctx: Persona, id: number): AsyncGenerator<Array<{ riga: number; codice: string; messaggio: string }>> {
  const flusso = await flussoDi(ctx, id);
  if (!flusso) return;
  let dopo = 0;
  for (;;) {
    const righe = await scartiDopo(id, dopo, 1000);
    if (righe.length === 0) return;
    yield righe;
    dopo = righe[righe.length - 1].id;
  }
}

export async function esisteFlusso(ctx: Persona, id: number): Promise<boolean> {
  return (await flussoDi(ctx, id)) !== null;
}
