// "May this actor do this action on this resource?": the one authorisation module. It gathers the facts (company's
// legal representative, delega valid on the date, sede enabled for the operator) and asks the pure policy in
// app/domain/autorizzazione.ts. A refusal writes an audit entry; callers answer it as "not found" (no leak of
// existence). Services take objects that already passed here.
import { and, eq, sql } from "drizzle-orm";
import { abilitazioniSede, aziende, domande, type Azienda, type Domanda } from "#db/schema";
import { db, preparata } from "#db/connection";
import { puo, type Azione, type ChiAgisce, type RegolaAssegnazione } from "~/domain/autorizzazione";
import type { DataISO } from "~/domain/date";
import { leggiRisposte } from "~/passi";
import { delegaValidaSuAzienda, delegaValidaSuColonna, idAziendeIncaricato, type Persona } from "./accesso.server";
import { scriviAudit } from "./audit.server";
import type { DomandaCaricata } from "./domande.server";
import { oggi } from "./orologio.server";

export type { Azione } from "~/domain/autorizzazione";

/** The actor of background jobs: no person, no session; its acts are audited under its name. */
export interface AttoreSistema {
  sistema: true;
  /** The job, e.g. "scadenze-interlocuzione". */
  nome: string;
}

export type Attore = Persona | AttoreSistema;

export function attoreSistema(nome: string): AttoreSistema {
  return { sistema: true, nome };
}

export function eSistema(attore: Attore): attore is AttoreSistema {
  return "sistema" in attore;
}

/** The assignment rule of the office side (OMNIA_ASSEGNAZIONE=pool pools every sede; default: competent sede). */
export function regolaAssegnazione(env = process.env): RegolaAssegnazione {
  return env.OMNIA_ASSEGNAZIONE === "pool" ? "pool" : "sede_competente";
}

async function delegaValida(intermediarioId: number, aziendaId: number, data: DataISO): Promise<boolean> {
  return delegaValidaSuAzienda(intermediarioId, aziendaId, data);
}

async function sedeAbilitata(utenteId: number, sedeCodice: string): Promise<boolean> {
  const [a] = await db()
    .select({ u: abilitazioniSede.utenteId })
    .from(abilitazioniSede)
    .where(and(eq(abilitazioniSede.utenteId, utenteId), eq(abilitazioniSede.sedeCodice, sedeCodice)))
    .limit(1);
  return a !== undefined;
}

type AziendaPerAccesso = Pick<Azienda, "id" | "cfLegaleRappresentante" | "sedeCodice">;

/**
 * The policy's answer for one actor, action and company (and domanda, when the resource is one). `letti`: facts a
 * caller already read on the same date with the same condition (domandaAutorizzata reads the delega with the domanda).
 */
export async function puoAgire(
  attore: Attore,
  azione: Azione,
  azienda: AziendaPerAccesso,
  domanda: (Pick<Domanda, "stato"> & Partial<Pick<Domanda, "sedeCodice">>) | null = null,
  data: DataISO = oggi(),
  letti: { delegaValida?: boolean } = {},
): Promise<boolean> {
  const bozza = domanda ? domanda.stato === "bozza" : null;
  const regola = regolaAssegnazione();
  if (eSistema(attore)) {
    return puo({ tipo: "sistema" }, azione, { legaleRappresentante: false, delegaValida: false, sedeAbilitata: false, bozza, regola });
  }
  const chi: ChiAgisce = { tipo: "utente", ruolo: attore.ruolo };
  const u = attore.utente;
  const legaleRappresentante =
    attore.ruolo === "datore" && attore.aziendaAttivaId === azienda.id && azienda.cfLegaleRappresentante === u.codiceFiscale;
  const fatti = {
    legaleRappresentante,
    // An employee enabled by the legal representative, on the company chosen at sign-in, on the date of the act.
    incaricato:
      attore.ruolo === "datore" &&
      !legaleRappresentante &&
      attore.aziendaAttivaId === azienda.id &&
      (await idAziendeIncaricato(u.id, data)).includes(azienda.id),
    delegaValida: attore.ruolo === "intermediario" && (letti.delegaValida ?? (await delegaValida(u.id, azienda.id, data))),
    sedeAbilitata:
      (attore.ruolo === "operatore_sede" || attore.ruolo === "dirigente_sede") && (await sedeAbilitata(u.id, domanda?.sedeCodice ?? azienda.sedeCodice)),
    bozza,
    regola,
  };
  return puo(chi, azione, fatti);
}

async function negato(attore: Attore, azione: Azione, oggettoTipo: "domanda" | "azienda", oggettoId: number | string) {
  await scriviAudit(db(), {
    utenteId: eSistema(attore) ? null : attore.utente.id,
    ruolo: eSistema(attore) ? null : attore.ruolo,
    azione: oggettoTipo === "domanda" ? "accesso_domanda" : "accesso_azienda",
    oggettoTipo,
    oggettoId,
    esito: "negato",
    dettagli: { azione, ...(eSistema(attore) ? { sistema: attore.nome } : {}) },
  });
}

/**
 * The domanda with its company and typed answers if `attore` may do `azione` on it, else null (audited). Unknown
 * and forbidden look the same to the caller.
 */
export async function domandaAutorizzata(attore: Attore, azione: Azione, id: number, data: DataISO = oggi()): Promise<DomandaCaricata | null> {
  // An intermediary's delega on the company is read in the same statement as the domanda (puoAgire's own lookup,
  // same condition and date, is then not needed): one statement fewer on every request about a domanda.
  const intermediarioId = !eSistema(attore) && attore.ruolo === "intermediario" ? attore.utente.id : null;
  const [riga] = !Number.isSafeInteger(id)
    ? []
    : intermediarioId === null
      ? await preparata("domanda_con_azienda", (d) =>
          d
            .select({ domanda: domande, azienda: aziende })
            .from(domande)
            .innerJoin(aziende, eq(aziende.id, domande.aziendaId))
            .where(eq(domande.id, sql.placeholder("id")))
            .prepare("domanda_con_azienda"),
        ).execute({ id })
      : await preparata("domanda_con_azienda_e_delega", (d) =>
          d
            .select({ domanda: domande, azienda: aziende, delegaValida: delegaValidaSuColonna(d, domande.aziendaId) })
            .from(domande)
            .innerJoin(aziende, eq(aziende.id, domande.aziendaId))
            .where(eq(domande.id, sql.placeholder("id")))
            .prepare("domanda_con_azienda_e_delega"),
        ).execute({ id, intermediarioId, data });
  const letti = riga && "delegaValida" in riga ? { delegaValida: riga.delegaValida === true } : {};
  if (!riga || !(await puoAgire(attore, azione, riga.azienda, riga.domanda, data, letti))) {
    await negato(attore, azione, "domanda", Number.isSafeInteger(id) ? id : "non_valido");
    return null;
  }
  return { ...riga, risposte: leggiRisposte(riga.domanda.dati) };
}

/** A loaded domanda checked for one more action (e.g. a page opened for reading, then a withdrawal). */
export async function autorizzaSuDomanda(attore: Attore, azione: Azione, caricata: DomandaCaricata, data?: DataISO): Promise<boolean> {
  if (await puoAgire(attore, azione, caricata.azienda, caricata.domanda, data)) return true;
  await negato(attore, azione, "domanda", caricata.domanda.id);
  return false;
}

/** The company if `attore` may do `azione` on it, else null (audited). */
export async function aziendaAutorizzata(attore: Attore, azione: Azione, aziendaId: number, data?: DataISO): Promise<Azienda | null> {
  const [azienda] = Number.isSafeInteger(aziendaId) ? await db().select().from(aziende).where(eq(aziende.id, aziendaId)) : [];
  if (!azienda || !(await puoAgire(attore, azione, azienda, null, data))) {
    await negato(attore, azione, "azienda", Number.isSafeInteger(aziendaId) ? aziendaId : "non_valido");
    return null;
  }
  return azienda;
}

/**
 * Which cases the Sede's side of `attore` may list, by the same assignment rule as puoAgire: every sede with the pool,
 * else the sedi the operator or manager is enabled on (a sent case belongs to the sede competent when it was sent).
 * The company's side lists no cases of the Sede: null.
 */
export async function ambitoSedi(attore: Attore): Promise<{ tutte: true } | { tutte: false; sedi: string[] } | null> {
  if (!eSistema(attore) && attore.ruolo !== "operatore_sede" && attore.ruolo !== "dirigente_sede") return null;
  if (eSistema(attore) || regolaAssegnazione() === "pool") return { tutte: true };
  const righe = await db()
    .select({ sede: abilitazioniSede.sedeCodice })
    .from(abilitazioniSede)
    .where(eq(abilitazioniSede.utenteId, attore.utente.id));
  return { tutte: false, sedi: righe.map((r) => r.sede) };
}

/**
 * May `attore` do `azione` on the direct-payment work of one sede (its amounts, exceptions and batches)? By the same
 * assignment rule as the cases: the operator enabled on the sede, or every sede with the pool. Refusals are audited.
 */
export async function puoAgireSuSede(attore: Attore, azione: "vedi_pagamenti" | "lavora_pagamenti", sedeCodice: string): Promise<boolean> {
  const regola = regolaAssegnazione();
  const ammesso = eSistema(attore)
    ? puo({ tipo: "sistema" }, azione, { legaleRappresentante: false, delegaValida: false, sedeAbilitata: false, bozza: null, regola })
    : puo({ tipo: "utente", ruolo: attore.ruolo }, azione, {
        legaleRappresentante: false,
        delegaValida: false,
        sedeAbilitata: (attore.ruolo === "operatore_sede" || attore.ruolo === "dirigente_sede") && (await sedeAbilitata(attore.utente.id, sedeCodice)),
        bozza: null,
        regola,
      });
  if (!ammesso) {
    await scriviAudit(db(), {
      utenteId: eSistema(attore) ? null : attore.utente.id,
      ruolo: eSistema(attore) ? null : attore.ruolo,
      azione: "accesso_pagamenti",
      oggettoTipo: "sede",
      oggettoId: sedeCodice,
      esito: "negato",
      dettagli: { azione, ...(eSistema(attore) ? { sistema: attore.nome } : {}) },
    });
  }
  return ammesso;
}
