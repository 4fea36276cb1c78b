// oidc-provider's storage adapter on PostgreSQL (or PGlite): one row per model instance in oidc_prova_dati. With it
// the local test provider keeps no state in memory, so interactions, sessions, codes and grants survive a worker
// restart and are the same on every instance behind a proxy. One statement per call: no session-level state on the
// connection (PgBouncer in transaction mode).
import { and, eq, gt, isNull, lt, or, sql } from "drizzle-orm";
import { oidcProvaDati } from "#db/schema";
import { db } from "#db/connection";

type Payload = Record<string, unknown> & { grantId?: string; userCode?: string; uid?: string; consumed?: number };

function valido() {
  return or(isNull(oidcProvaDati.scadeIl), gt(oidcProvaDati.scadeIl, sql`now()`));
}

export class AdattatoreProva {
  constructor(private readonly modello: string) {}

  async upsert(id: string, payload: Payload, expiresIn?: number): Promise<void> {
    const scadeIl = expiresIn ? new Date(Date.now() + expiresIn * 1000) : null;
    const riga = {
      modello: this.modello,
      id,
      payload,
      grantId: payload.grantId ?? null,
      userCode: payload.userCode ?? null,
      uid: payload.uid ?? null,
      scadeIl,
    };
    await db()
      .insert(oidcProvaDati)
      .values(riga)
      .onConflictDoUpdate({
        target: [oidcProvaDati.modello, oidcProvaDati.id],
        set: { payload, grantId: riga.grantId, userCode: riga.userCode, uid: riga.uid, scadeIl },
      });
    // Expired rows of any model go with a write now and then (about one in fifty).
    if (Math.random() < 0.02) await db().delete(oidcProvaDati).where(lt(oidcProvaDati.scadeIl, sql`now()`));
  }

  private async trova(condizione: ReturnType<typeof eq>): Promise<Payload | undefined> {
    const [r] = await db()
      .select({ payload: oidcProvaDati.payload })
      .from(oidcProvaDati)
      .where(and(eq(oidcProvaDati.modello, this.modello), condizione, valido()))
      .limit(1);
    return r?.payload as Payload | undefined;
  }

  find(id: string) {
    return this.trova(eq(oidcProvaDati.id, id));
  }

  findByUid(uid: string) {
    return this.trova(eq(oidcProvaDati.uid, uid));
  }

  findByUserCode(userCode: string) {
    return this.trova(eq(oidcProvaDati.userCode, userCode));
  }

  async consume(id: string): Promise<void> {
    await db()
      .update(oidcProvaDati)
      .set({ payload: sql`jsonb_set(${oidcProvaDati.payload}, '{consumed}', to_jsonb(extract(epoch from now())::bigint))` })
      .where(and(eq(oidcProvaDati.modello, this.modello), eq(oidcProvaDati.id, id)));
  }

  async destroy(id: string): Promise<void> {
    await db().delete(oidcProvaDati).where(and(eq(oidcProvaDati.modello, this.modello), eq(oidcProvaDati.id, id)));
  }

  async revokeByGrantId(grantId: string): Promise<void> {
    await db().delete(oidcProvaDati).where(eq(oidcProvaDati.grantId, grantId));
  }
}
