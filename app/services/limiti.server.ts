// Rate limits in PostgreSQL, so that they hold across workers and instances (ASVS 4.0.3 V2.2.1 against automated
// sign-in attempts, V12.1 on uploads): one upsert per counted request, a fixed window per key. One statement, no
// session-level state (PgBouncer transaction mode).
import { lt, sql } from "drizzle-orm";
import { limitiFrequenza } from "#db/schema";
import { db } from "#db/connection";

export interface Limite {
  /** Requests allowed per window; 0 or less turns the limit off. */
  massimo: number;
  finestraSecondi: number;
}

export interface EsitoLimite {
  consentita: boolean;
  conteggio: number;
  /** Seconds until the window ends (for Retry-After). */
  attesa: number;
}

/** Counts one request of `chiave` and says whether it is within the limit. */
export async function consumaLimite(chiave: string, limite: Limite, adesso = new Date()): Promise<EsitoLimite> {
  if (limite.massimo <= 0) return { consentita: true, conteggio: 0, attesa: 0 };
  const ms = limite.finestraSecondi * 1000;
  const inizio = new Date(Math.floor(adesso.getTime() / ms) * ms);
  const [r] = await db()
    .insert(limitiFrequenza)
    .values({ chiave: chiave.slice(0, 200), finestra: inizio, conteggio: 1 })
    .onConflictDoUpdate({
      target: limitiFrequenza.chiave,
      set: {
        conteggio: sql`case when ${limitiFrequenza.finestra} = excluded.finestra then ${limitiFrequenza.conteggio} + 1 else 1 end`,
        finestra: sql`excluded.finestra`,
      },
    })
    .returning({ conteggio: limitiFrequenza.conteggio });
  if (Math.random() < 0.01) await db().delete(limitiFrequenza).where(lt(limitiFrequenza.finestra, new Date(inizio.getTime() - ms)));
  return {
    consentita: r.conteggio <= limite.massimo,
    conteggio: r.conteggio,
    attesa: Math.max(1, Math.ceil((inizio.getTime() + ms - adesso.getTime()) / 1000)),
  };
}
