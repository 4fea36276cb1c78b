// Keys of the flows API for payroll software (docs/api/README.md). A key is made by a signed-in employer or
// intermediary for one program and carries the profile chosen at that moment (role, and the company for an
// employer); every call is then authorised by the same policy as the pages (a delega that expired, or a legal
// representative who changed, stops the key's access to that company at once). The key is shown once: only its
// SHA-256 is stored. Revoked keys stay listed, so the user can tell which program stopped working and why.
import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import { and, desc, eq, isNull, lt, or, sql } from "drizzle-orm";
import { db } from "#db/connection";
import { chiaviApi, ruoliUtente, utenti } from "#db/schema";
import { ruoloPuo } from "~/domain/autorizzazione";
import type { Contesto, Persona } from "./accesso.server";
import { scriviAudit } from "./audit.server";
import { conflitto, nonTrovato, nonValido, riuscito, type Risultato } from "./risultato";

/** Keys not revoked per user: one per program is the expected use. */
export const MASSIMO_CHIAVI_ATTIVE = 10;
const PREFISSO_CHIAVE = "omnia_";

export interface ChiaveElencata {
  id: number;
  nome: string;
  prefisso: string;
  creataIl: string;
  ultimoUsoIl: string | null;
  revocataIl: string | null;
}

function hashDi(chiave: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(chiave)));
}

/** Whether this profile may hold a key: the roles that send flows (the policy's "invia_flusso"). */
export function profiloConChiavi(ruolo: Contesto["ruolo"]): boolean {
  return ruoloPuo(ruolo, "invia_flusso");
}

export async function chiaviDi(ctx: Contesto): Promise<ChiaveElencata[]> {
  const righe = await db().select().from(chiaviApi).where(eq(chiaviApi.utenteId, ctx.utente.id)).orderBy(desc(chiaviApi.id)).limit(100);
  return righe.map((r) => ({
    id: r.id, nome: r.nome, prefisso: r.prefisso, creataIl: r.creataIl.toISOString(),
    ultimoUsoIl: r.ultimoUsoIl?.toISOString() ?? null, revocataIl: r.revocataIl?.toISOString() ?? null,
  }));
}

/** A new key for the profile in use; its text is returned here only. */
export async function creaChiave(ctx: Contesto, nome: string, messaggi: { troppe: string }): Promise<Risultato<{ id: number; chiave: string }>> {
  if (!profiloConChiavi(ctx.ruolo)) return nonTrovato;
  const byte = new Uint8Array(32);
  crypto.getRandomValues(byte);
  const chiave = PREFISSO_CHIAVE + encodeBase32LowerCaseNoPadding(byte);
  return db().transaction(async (tx) => {
    // The user's row serialises two creations at once, so the cap holds.
    await tx.select({ id: utenti.id }).from(utenti).where(eq(utenti.id, ctx.utente.id)).for("update");
    const attive = await tx.$count(chiaviApi, and(eq(chiaviApi.utenteId, ctx.utente.id), isNull(chiaviApi.revocataIl)));
    if (attive >= MASSIMO_CHIAVI_ATTIVE) return nonValido({}, [messaggi.troppe]);
    const [r] = await tx
      .insert(chiaviApi)
      .values({
        utenteId: ctx.utente.id, ruolo: ctx.ruolo, aziendaId: ctx.ruolo === "datore" ? ctx.aziendaAttivaId : null,
        nome, prefisso: chiave.slice(0, PREFISSO_CHIAVE.length + 6), hash: hashDi(chiave),
      })
      .returning({ id: chiaviApi.id });
    await scriviAudit(tx, { utenteId: ctx.utente.id, ruolo: ctx.ruolo, azione: "creazione_chiave_api", oggettoTipo: "chiave_api", oggettoId: r.id, esito: "ok" });
    return riuscito({ id: r.id, chiave });
  });
}

export async function revocaChiave(ctx: Contesto, id: number): Promise<Risultato> {
  if (!Number.isSafeInteger(id) || id <= 0) return nonTrovato;
  return db().transaction(async (tx) => {
    const [r] = await tx.select().from(chiaviApi).where(and(eq(chiaviApi.id, id), eq(chiaviApi.utenteId, ctx.utente.id))).for("update");
    if (!r) return nonTrovato;
    if (r.revocataIl) return conflitto;
    await tx.update(chiaviApi).set({ revocataIl: sql`now()` }).where(eq(chiaviApi.id, id));
    await scriviAudit(tx, { utenteId: ctx.utente.id, ruolo: ctx.ruolo, azione: "revoca_chiave_api", oggettoTipo: "chiave_api", oggettoId: id, esito: "ok" });
    return riuscito();
  });
}

/**
 * Who calls with this key: its profile, if the key exists, is not revoked and its user still holds the role. The
 * last use is written at most once a minute (a flow of calls does not become a flow of writes).
 */
export async function personaDaChiave(chiave: string): Promise<(Persona & { chiaveId: number }) | null> {
  if (!chiave.startsWith(PREFISSO_CHIAVE) || chiave.length > 100) return null;
  const [r] = await db()
    .select({ chiave: chiaviApi, utente: utenti })
    .from(chiaviApi)
    .innerJoin(utenti, eq(utenti.id, chiaviApi.utenteId))
    .innerJoin(ruoliUtente, and(eq(ruoliUtente.utenteId, chiaviApi.utenteId), eq(ruoliUtente.ruolo, chiaviApi.ruolo)))
    .where(and(eq(chiaviApi.hash, hashDi(chiave)), isNull(chiaviApi.revocataIl)));
  if (!r) return null;
  await db()
    .update(chiaviApi)
    .set({ ultimoUsoIl: sql`now()` })
    .where(and(eq(chiaviApi.id, r.chiave.id), or(isNull(chiaviApi.ultimoUsoIl), lt(chiaviApi.ultimoUsoIl, sql`now() - interval '1 minute'`))));
  return { utente: r.utente, ruolo: r.chiave.ruolo, aziendaAttivaId: r.chiave.aziendaId, chiaveId: r.chiave.id };
}
