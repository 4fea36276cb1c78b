// Who acts (Contesto, Persona) and for which companies: profiles, delegations, sedi. The HTTP side of it (session,
// sign-in redirect, CSRF) is app/http/accesso.server.ts.
import { and, eq, gte, isNull, lte, or, inArray, asc, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { abilitazioniAzienda, abilitazioniSede, aziende, deleghe, ruoliUtente, sedi, type Ruolo, type Utente } from "#db/schema";
import type { Db } from "#db/client";
import { db, preparata } from "#db/connection";
import { messaggiAccesso } from "~/testi";
import { oggi } from "./orologio.server";
import type { Sessione } from "./sessione.server";

export interface Contesto {
  utente: Utente;
  sessione: Sessione;
  ruolo: Ruolo;
  /** For an employer: the company chosen at sign-in. */
  aziendaAttivaId: number | null;
}

/** Who acts, whatever the way in: a session's chosen profile, or the profile an API key was made with (chiavi-api.server.ts). */
export type Persona = Pick<Contesto, "utente" | "ruolo" | "aziendaAttivaId">;

export interface OpzioneProfilo {
  valore: string;
  ruolo: Ruolo;
  aziendaId: number | null;
  etichetta: string;
}

export async function opzioniProfilo(utente: Utente, data = oggi()): Promise<OpzioneProfilo[]> {
  const ruoli = (
    await db().select({ ruolo: ruoliUtente.ruolo }).from(ruoliUtente).where(eq(ruoliUtente.utenteId, utente.id))
  ).map((r) => r.ruolo);
  const opzioni: OpzioneProfilo[] = [];
  const nomi = messaggiAccesso.ruoli;
  // Employees enabled by a legal representative act with the employer's profile, for that company only.
  const incarichi = await idAziendeIncaricato(utente.id, data);
  if (incarichi.length > 0 && !ruoli.includes("datore")) ruoli.push("datore");
  for (const ruolo of ["datore", "intermediario", "operatore_sede", "dirigente_sede"] as const) {
    if (!ruoli.includes(ruolo)) continue;
    if (ruolo === "datore") {
      const proprie = await db()
        .select({ id: aziende.id, ragioneSociale: aziende.ragioneSociale })
        .from(aziende)
        .where(eq(aziende.cfLegaleRappresentante, utente.codiceFiscale))
        .orderBy(asc(aziende.ragioneSociale));
      for (const a of proprie) {
        opzioni.push({ valore: `datore:${a.id}`, ruolo, aziendaId: a.id, etichetta: `${nomi.datore} — ${a.ragioneSociale}` });
      }
      const altre = incarichi.filter((id) => !proprie.some((p) => p.id === id));
      if (altre.length > 0) {
        const incaricate = await db()
          .select({ id: aziende.id, ragioneSociale: aziende.ragioneSociale })
          .from(aziende)
          .where(inArray(aziende.id, altre))
          .orderBy(asc(aziende.ragioneSociale));
        for (const a of incaricate) {
          opzioni.push({ valore: `datore:${a.id}`, ruolo, aziendaId: a.id, etichetta: `${messaggiAccesso.incaricato} — ${a.ragioneSociale}` });
        }
      }
    } else if (ruolo === "intermediario") {
      const n = (await idAziendeDelegate(utente.id, data)).length;
      opzioni.push({
        valore: "intermediario",
        ruolo,
        aziendaId: null,
        etichetta: `${nomi.intermediario} — ${n} ${n === 1 ? "azienda delegata" : "aziende delegate"}`,
      });
    } else {
      const elenco = await sediUtente(utente.id);
      if (elenco.length === 0) continue;
      opzioni.push({
        valore: ruolo,
        ruolo,
        aziendaId: null,
        etichetta: `${nomi[ruolo]} — ${elenco.map((s) => s.nome).join(", ")}`,
      });
    }
  }
  return opzioni;
}

export function descrizioneProfilo(opzioni: OpzioneProfilo[], ctx: { ruolo: Ruolo | null; aziendaAttivaId: number | null }): string | null {
  if (!ctx.ruolo) return null;
  const o = opzioni.find((x) => x.ruolo === ctx.ruolo && (x.aziendaId ?? null) === (ctx.aziendaAttivaId ?? null));
  return o?.etichetta ?? messaggiAccesso.ruoli[ctx.ruolo];
}

/**
 * The one rule of app/domain/deleghe.ts (delegaValidaIl) as a query condition: attiva and the date (the placeholder
 * "data") in its period.
 */
export function delegaValidaIl() {
  return and(
    eq(deleghe.stato, "attiva"),
    lte(deleghe.validaDal, sql.placeholder("data")),
    or(isNull(deleghe.validaAl), gte(deleghe.validaAl, sql.placeholder("data"))),
  );
}

/**
 * "Does the intermediary (placeholder "intermediarioId") hold a valid delega on the company `aziendaId` on the date
 * (placeholder "data")?" as a column of another query: the same condition as delegaValidaSuAzienda, for a query that
 * reads the company's row anyway (domandaAutorizzata), one statement fewer.
 */
export function delegaValidaSuColonna(d: Db, aziendaId: AnyColumn): SQL<boolean> {
  return sql<boolean>`exists (${d
    .select({ uno: sql`1` })
    .from(deleghe)
    .where(and(eq(deleghe.intermediarioId, sql.placeholder("intermediarioId")), eq(deleghe.aziendaId, aziendaId), delegaValidaIl()))})`;
}

export async function idAziendeDelegate(intermediarioId: number, data: string): Promise<number[]> {
  const righe = await preparata("aziende_delegate", (d) =>
    d
      .select({ aziendaId: deleghe.aziendaId })
      .from(deleghe)
      .where(and(eq(deleghe.intermediarioId, sql.placeholder("intermediarioId")), delegaValidaIl()))
      .prepare("aziende_delegate"),
  ).execute({ intermediarioId, data });
  return [...new Set(righe.map((r) => r.aziendaId))];
}

/**
 * Whether the intermediary holds a valid delega on this company on `data`: one row looked up, where
 * idAziendeDelegate reads them all (1,000 for a large intermediary) on every request about a domanda.
 */
export async function delegaValidaSuAzienda(intermediarioId: number, aziendaId: number, data: string): Promise<boolean> {
  const righe = await preparata("delega_valida_su_azienda", (d) =>
    d
      .select({ aziendaId: deleghe.aziendaId })
      .from(deleghe)
      .where(and(eq(deleghe.intermediarioId, sql.placeholder("intermediarioId")), eq(deleghe.aziendaId, sql.placeholder("aziendaId")), delegaValidaIl()))
      .limit(1)
      .prepare("delega_valida_su_azienda"),
  ).execute({ intermediarioId, aziendaId, data });
  return righe.length > 0;
}

/** The companies an employee was enabled on by their legal representative, valid on `data` and not revoked. */
export async function idAziendeIncaricato(utenteId: number, data: string): Promise<number[]> {
  const righe = await preparata("aziende_incaricato", (d) =>
    d
      .select({ aziendaId: abilitazioniAzienda.aziendaId })
      .from(abilitazioniAzienda)
      .where(
        and(
          eq(abilitazioniAzienda.utenteId, sql.placeholder("utenteId")),
          isNull(abilitazioniAzienda.revocataIl),
          lte(abilitazioniAzienda.validaDal, sql.placeholder("data")),
          or(isNull(abilitazioniAzienda.validaAl), gte(abilitazioniAzienda.validaAl, sql.placeholder("data"))),
        ),
      )
      .prepare("aziende_incaricato"),
  ).execute({ utenteId, data });
  return [...new Set(righe.map((r) => r.aziendaId))];
}

export async function sediUtente(utenteId: number) {
  return db()
    .select({ codice: sedi.codice, nome: sedi.nome, regione: sedi.regione })
    .from(abilitazioniSede)
    .innerJoin(sedi, eq(sedi.codice, abilitazioniSede.sedeCodice))
    .where(eq(abilitazioniSede.utenteId, utenteId))
    .orderBy(asc(sedi.nome));
}

/**
 * The ids of the companies this profile may act for on `data`: as legal representative (the company chosen
 * at sign-in), or with a delega valid on that date. Operators act on cases, not companies: none.
 */
export function idAziendeAccessibili(ctx: Contesto, data = oggi()): Promise<number[]> {
  // A page asks it several times (the header's count, the page, its banners): read once per request. The session
  // object is the request's own (sessione.server.ts reads it once per request), so the memo ends with the request;
  // every change of deleghe or profile answers with a redirect, read by a new request.
  const chiave = `${ctx.ruolo}|${ctx.aziendaAttivaId ?? ""}|${data}`;
  let perSessione = accessibiliPerRichiesta.get(ctx.sessione);
  if (!perSessione) {
    perSessione = new Map();
    accessibiliPerRichiesta.set(ctx.sessione, perSessione);
  }
  let ids = perSessione.get(chiave);
  if (!ids) {
    ids = leggiIdAziendeAccessibili(ctx, data);
    perSessione.set(chiave, ids);
    // A failed read is not kept: the next call asks again.
    ids.catch(() => perSessione.delete(chiave));
  }
  return ids;
}

const accessibiliPerRichiesta = new WeakMap<Contesto["sessione"], Map<string, Promise<number[]>>>();

/**
 * The companies of this request's session's own profile on `data`, already read with the session (validaToken):
 * idAziendeAccessibili answers them without reading again. `ids` must be what leggiIdAziendeAccessibili reads.
 */
export function ricordaAziendeAccessibili(sessione: Contesto["sessione"], data: string, ids: number[]): void {
  if (!sessione.ruoloAttivo) return;
  let perSessione = accessibiliPerRichiesta.get(sessione);
  if (!perSessione) {
    perSessione = new Map();
    accessibiliPerRichiesta.set(sessione, perSessione);
  }
  perSessione.set(`${sessione.ruoloAttivo}|${sessione.aziendaAttivaId ?? ""}|${data}`, Promise.resolve(ids));
}

async function leggiIdAziendeAccessibili(ctx: Contesto, data: string): Promise<number[]> {
  if (ctx.ruolo === "datore") {
    if (ctx.aziendaAttivaId == null) return [];
    const [a] = await preparata("azienda_del_legale", (d) =>
      d
        .select({ id: aziende.id })
        .from(aziende)
        .where(and(eq(aziende.id, sql.placeholder("id")), eq(aziende.cfLegaleRappresentante, sql.placeholder("cf"))))
        .prepare("azienda_del_legale"),
    ).execute({ id: ctx.aziendaAttivaId, cf: ctx.utente.codiceFiscale });
    if (a) return [a.id];
    return (await idAziendeIncaricato(ctx.utente.id, data)).includes(ctx.aziendaAttivaId) ? [ctx.aziendaAttivaId] : [];
  }
  if (ctx.ruolo === "intermediario") return idAziendeDelegate(ctx.utente.id, data);
  return [];
}

export async function elencoAziendeAccessibili(ctx: Contesto, data = oggi()) {
  return aziendeDaId(await idAziendeAccessibili(ctx, data));
}

/** Name, codes and town of the companies `ids` (already authorised), by name. */
export async function aziendeDaId(ids: number[]) {
  if (ids.length === 0) return [];
  // On every signed-in home page: prepared once, with the ids as one array parameter (building the query with
  // drizzle cost more CPU than running it; see README, Misure).
  return preparata("aziende_accessibili", (d) =>
    d
      .select({
        id: aziende.id,
        ragioneSociale: aziende.ragioneSociale,
        matricola: aziende.matricola,
        cida: aziende.cida,
        codiceFiscale: aziende.codiceFiscale,
        comune: aziende.comune,
        provincia: aziende.provincia,
      })
      .from(aziende)
      .where(sql`${aziende.id} = any(${sql.placeholder("ids")})`)
      .orderBy(asc(aziende.ragioneSociale))
      .prepare("aziende_accessibili"),
  ).execute({ ids });
}
