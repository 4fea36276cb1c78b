// The domanda's core use cases: create a draft, load it with authorisation, save a step with optimistic locking.
// Every change runs in a transaction and writes the audit log; state changes also write the timeline.
import { and, eq, sql } from "drizzle-orm";
import { domande, eventiDomanda, type Azienda, type Domanda } from "#db/schema";
import { latoDelRuolo } from "~/domain/comunicazioni";
import { notificaVoce } from "./comunicazioni/notifiche.server";
import { db } from "#db/connection";
import type { Db } from "#db/client";
import type { Fondo, Prestazione } from "~/domain/tipi";
import {
  leggiRisposte,
  passoDaChiave,
  passoVisitabile,
  percorsoDopo,
  primoPassoIncompleto,
  validaRisposta,
  type ChiavePasso,
  type RisposteDomanda,
  type SlugPasso,
} from "~/passi";
import type { Contesto, Persona } from "./accesso.server";
import type { Fallimento } from "./risultato";
import { scriviAudit } from "./audit.server";

export interface DomandaCaricata {
  domanda: Domanda;
  azienda: Azienda;
  /** The answers of every step, parsed once against the step contract (app/passi). */
  risposte: RisposteDomanda;
}

/** A loaded domanda whose row changed: the typed answers are read again from the new document. */
export function conDomanda(caricata: DomandaCaricata, domanda: Domanda): DomandaCaricata {
  return { ...caricata, domanda, risposte: leggiRisposte(domanda.dati) };
}

export type Transazione = Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * Where a request for a step must go instead: the detail page once the domanda is no longer a draft (steps change
 * only in a draft), the first incomplete step when an earlier one is missing, the summary when none is; null when the
 * step can be opened. The routes turn it into a redirect (app/http/domanda.server.ts).
 */
export function deviazionePasso(caricata: DomandaCaricata, slug?: SlugPasso): string | null {
  const { domanda } = caricata;
  if (domanda.stato !== "bozza") return `/domande/${domanda.id}/dettaglio`;
  if (slug === undefined || passoVisitabile(caricata.risposte, slug)) return null;
  const primo = primoPassoIncompleto(caricata.risposte);
  return `/domande/${domanda.id}/${primo?.slug ?? "riepilogo"}`;
}

export async function creaBozza(
  ctx: Contesto,
  input: { aziendaId: number; prestazione: Prestazione; fondo: Fondo | null; nonSuggerita: boolean },
): Promise<number> {
  return db().transaction(async (tx) => {
    const [creata] = await tx
      .insert(domande)
      .values({
        aziendaId: input.aziendaId,
        prestazione: input.prestazione,
        fondoCodice: input.fondo,
        prestazioneNonSuggerita: input.nonSuggerita,
        creataDa: ctx.utente.id,
      })
      .returning({ id: domande.id });
    await registraEvento(tx, ctx, creata.id, "creata", "Bozza creata");
    // Alike the other scriviAudit calls (deleghe.server.ts, below) (duplicates): every audit row is written in full
    // where the outcome is decided, with its own action and object
    await scriviAudit(tx, {
      utenteId: ctx.utente.id,
      ruolo: ctx.ruolo,
      azione: "crea_bozza",
      oggettoTipo: "domanda",
      oggettoId: creata.id,
      esito: "ok",
      dettagli: { prestazione: input.prestazione, fondo: input.fondo, nonSuggerita: input.nonSuggerita },
    });
    return creata.id;
  });
}

/**
 * One entry of the domanda's timeline and message thread, with the side that wrote it (the system for jobs); an entry
 * the company's side must know about is also enqueued as an e-mail in the same transaction (issue 13). `chiave` makes
 * an entry once only (reminders): a second one with the same key is not written (returns null).
 */
export async function registraEvento(
  tx: Pick<Db, "insert" | "select" | "execute">,
  ctx: Persona | null,
  domandaId: number,
  tipo: string,
  descrizione: string,
  extra: { testo?: string; chiave?: string } = {},
): Promise<number | null> {
  const lato = ctx ? latoDelRuolo(ctx.ruolo) : "sistema";
  const [voce] = await tx
    .insert(eventiDomanda)
    .values({ domandaId, tipo, descrizione, utenteId: ctx?.utente.id ?? null, lato, testo: extra.testo, chiave: extra.chiave })
    .onConflictDoNothing()
    .returning({ id: eventiDomanda.id });
  if (!voce) return null;
  await notificaVoce(tx, { id: voce.id, domandaId, lato, tipo, descrizione });
  return voce.id;
}

/** A step saved with its new version, or a stale version (the result shape of app/services/risultato.ts). */
export type EsitoSalvataggio = { ok: true; versione: number } | Extract<Fallimento, { motivo: "conflitto" }>;

export interface ModificaPasso {
  chiave: ChiavePasso;
  valore: unknown;
  /** Later steps whose answers depend on this one and must be answered again (e.g. workers after a unit change). */
  azzera?: ChiavePasso[];
  colonne?: Partial<Pick<Domanda, "unitaProduttivaId" | "dataInizio" | "dataFine">>;
}

/**
 * Saves one step's answers if nobody changed the draft since the form was shown (versione), in a transaction
 * with an audit entry. `extra` runs inside the same transaction (e.g. the worker rows).
 */
export async function salvaPasso(
  ctx: Contesto,
  domandaId: number,
  versioneAttesa: number,
  modifica: ModificaPasso,
  extra?: (tx: Transazione) => Promise<void>,
): Promise<EsitoSalvataggio> {
  return db().transaction(async (tx) => {
    // The answers are checked against the step's schema before they are written (null: started, not confirmed).
    const valore = modifica.valore === null ? null : validaRisposta(modifica.chiave, modifica.valore);
    const versione = passoDaChiave(modifica.chiave).versione;
    let dati = sql`jsonb_set(${domande.dati}, ${`{${modifica.chiave}}`}::text[], ${JSON.stringify(valore)}::jsonb)`;
    dati = sql`jsonb_set(${dati}, '{versioni}', coalesce(${dati} -> 'versioni', '{}'::jsonb) || ${JSON.stringify({ [modifica.chiave]: versione })}::jsonb)`;
    for (const chiave of modifica.azzera ?? []) dati = sql`(${dati}) - ${chiave}::text`;
    const aggiornate = await tx
      .update(domande)
      .set({ dati, versione: sql`${domande.versione} + 1`, aggiornataIl: new Date(), ...modifica.colonne })
      .where(and(eq(domande.id, domandaId), eq(domande.versione, versioneAttesa), eq(domande.stato, "bozza")))
      .returning({ versione: domande.versione });
    if (aggiornate.length === 0) {
      // Alike the saved step's audit below (duplicates): the same fields, but this row records the refusal (version
      // changed)
      await scriviAudit(tx, {
        utenteId: ctx.utente.id,
        ruolo: ctx.ruolo,
        azione: "salva_passo",
        oggettoTipo: "domanda",
        oggettoId: domandaId,
        esito: "negato",
        dettagli: { passo: modifica.chiave, motivo: "versione" },
      });
      return { ok: false, motivo: "conflitto" } as const;
    }
    if (extra) await extra(tx);
    // Alike the refusal's audit above (duplicates): the same fields, but this row records the saved step
    await scriviAudit(tx, {
      utenteId: ctx.utente.id,
      ruolo: ctx.ruolo,
      azione: "salva_passo",
      oggettoTipo: "domanda",
      oggettoId: domandaId,
      esito: "ok",
      dettagli: { passo: modifica.chiave },
    });
    return { ok: true, versione: aggiornate[0].versione } as const;
  });
}

/**
 * Where to go after a valid step: back to the summary when the user came from "Modifica", else the next step of
 * the contract (app/passi).
 */
export function dopoIlPasso(domandaId: number, passo: SlugPasso, formData: FormData): string {
  const prossimo = formData.get("ritorno") === "riepilogo" ? "riepilogo" : percorsoDopo(passo);
  return `/domande/${domandaId}/${prossimo}`;
}
