// Reading the flows a user sent and their reports: the list, one report with its rejected rows a page at a time
// (keyset on the row's id), and every rejected row for the CSV download. A flow is visible to the person who sent
// it; to anyone else it does not exist (404, as for domande).
import { and, asc, desc, eq, gt } from "drizzle-orm";
import { db } from "#db/connection";
import { aziende, flussiCig, flussiCigAziende, scartiFlussoCig, type FlussoCig } from "#db/schema";
import type { Persona } from "../accesso.server";
import { ambitoSedi } from "../autorizzazione.server";
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

/** A flow's id as the database can hold it (serial: 1 … 2^31-1); anything else names no flow. */
function idValido(id: number): boolean {
  return Number.isSafeInteger(id) && id > 0 && id <= 2_147_483_647;
}

async function flussoDi(ctx: Persona, id: number): Promise<FlussoCig | null> {
  if (!idValido(id)) return null;
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

/** A flow stored for its job and not finished yet: its report is not ready, its progress page is. */
export function flussoInAttesa(f: Pick<FlussoCig, "stato" | "denunceAttese">): boolean {
  return f.denunceAttese !== null && (f.stato === "caricamento" || f.stato === "in_coda" || f.stato === "in_corso");
}

export interface AvanzamentoFlusso {
  flusso: FlussoCig;
  /** Who sent it: the report's link is theirs (the office sees the totals only). */
  mittente: boolean;
}

/**
 * The progress of a flow: the person who sent it (the employer, or the intermediary for the delegated companies), and
 * the office staff of a sede competent for one of the companies it carries returns for, by the assignment rule of
 * the cases (ambitoSedi). Anyone else: not found.
 */
export async function avanzamentoFlusso(ctx: Persona, id: number): Promise<Risultato<AvanzamentoFlusso>> {
  if (!idValido(id)) return nonTrovato;
  const [flusso] = await db().select().from(flussiCig).where(eq(flussiCig.id, id));
  if (!flusso) return nonTrovato;
  if (flusso.inviatoDa === ctx.utente.id) return riuscito({ flusso, mittente: true });
  const ambito = await ambitoSedi(ctx);
  if (!ambito) return nonTrovato;
  const sedi = await db()
    .selectDistinct({ sede: aziende.sedeCodice })
    .from(flussiCigAziende)
    .innerJoin(aziende, eq(aziende.id, flussiCigAziende.aziendaId))
    .where(eq(flussiCigAziende.flussoId, id));
  const vede = ambito.tutte ? sedi.length > 0 : sedi.some((s) => s.sede !== null && ambito.sedi.includes(s.sede));
  return vede ? riuscito({ flusso, mittente: false }) : nonTrovato;
}
