// The documents attached to a draft: upload (checked by content, within the count and size limits), removal and
// download. Every change bumps the draft's version (two tabs are detected) and writes the audit log in one transaction.
import { createHash } from "node:crypto";
import { and, asc, eq, ne, sql } from "drizzle-orm";
import { allegati, domande } from "#db/schema";
import { db } from "#db/connection";
import {
  CATALOGO_DOCUMENTI,
  LIMITI_ALLEGATI,
  messaggiAllegati,
  NOMI_TIPI_ALLEGATO,
  nomeFileAllegato,
  tipoCausaleDocumenti,
  type CatalogoDocumenti,
  type TipoAllegato,
} from "~/passi/schemi/allegati";
import type { Contesto } from "./accesso.server";
import { scriviAudit } from "./audit.server";
import type { DomandaCaricata, Transazione } from "./domande.server";
import { verificaPdf } from "./pdf.server";

export interface AllegatoElencato {
  id: number;
  tipo: string;
  nomeTipo: string;
  nomeFile: string;
  dimensione: number;
  caricatoIl: Date;
}

/** A file ready to be stored: its name was cleaned and its content checked. */
export interface FileVerificato {
  nome: string;
  bytes: Uint8Array;
}

/** A refusal to show next to the file field: nothing was stored. */
export class ErroreAllegato extends Error {
  constructor(readonly messaggio: string) {
    super(messaggio);
    this.name = "ErroreAllegato";
  }
}

export type EsitoModificaAllegati = { ok: true } | { ok: false; conflitto: true } | { ok: false; messaggio: string };

/** The documents this domanda's causale calls for (the causale comes from the periodo step). */
export function catalogoPerDomanda({ risposte }: DomandaCaricata): CatalogoDocumenti {
  return CATALOGO_DOCUMENTI[tipoCausaleDocumenti(risposte.periodo?.causale ?? null)];
}

export async function elencoAllegati(domandaId: number): Promise<AllegatoElencato[]> {
  const righe = await db()
    .select({
      id: allegati.id,
      tipo: allegati.tipo,
      nomeFile: allegati.nomeFile,
      dimensione: allegati.dimensione,
      caricatoIl: allegati.caricatoIl,
    })
    .from(allegati)
    .where(eq(allegati.domandaId, domandaId))
    .orderBy(asc(allegati.caricatoIl), asc(allegati.id));
  return righe.map((r) => ({ ...r, nomeTipo: NOMI_TIPI_ALLEGATO[r.tipo as TipoAllegato] ?? r.tipo }));
}

/** Name and content checks of an uploaded file; a missing choice (empty file field) is reported as such. */
export async function verificaFileCaricato(file: File | null): Promise<{ ok: true; file: FileVerificato } | { ok: false; messaggio: string }> {
  if (!file || (file.name === "" && file.size === 0)) return { ok: false, messaggio: messaggiAllegati.fileMancante };
  const nome = nomeFileAllegato(file.name);
  if (!nome.ok) return nome;
  const bytes = new Uint8Array(await file.arrayBuffer());
  const verifica = await verificaPdf(bytes, nome.nome);
  if (!verifica.ok) return verifica;
  return { ok: true, file: { nome: nome.nome, bytes } };
}

/**
 * Stores one checked file inside the caller's transaction. The caller must already hold the domanda's row lock
 * (the version update takes it), so two concurrent uploads cannot both pass the count and total checks.
 * Throws ErroreAllegato when a limit would be exceeded: the transaction rolls back.
 */
export async function inserisciAllegato(
  tx: Transazione,
  ctx: Contesto,
  domandaId: number,
  tipo: TipoAllegato,
  file: FileVerificato,
): Promise<number> {
  const [{ numero, totale }] = await tx
    .select({
      numero: sql<number>`count(*)::int`,
      totale: sql<number>`coalesce(sum(${allegati.dimensione}), 0)::int`,
    })
    .from(allegati)
    .where(eq(allegati.domandaId, domandaId));
  if (numero >= LIMITI_ALLEGATI.numeroFile) throw new ErroreAllegato(messaggiAllegati.troppiFile);
  if (totale + file.bytes.byteLength > LIMITI_ALLEGATI.byteTotali) throw new ErroreAllegato(messaggiAllegati.totaleSuperato);
  const sha256 = createHash("sha256").update(file.bytes).digest("hex");
  const [creato] = await tx
    .insert(allegati)
    .values({
      domandaId,
      tipo,
      nomeFile: file.nome,
      dimensione: file.bytes.byteLength,
      sha256,
      contenuto: Buffer.from(file.bytes),
      caricatoDa: ctx.utente.id,
    })
    .returning({ id: allegati.id });
  // Alike the other scriviAudit calls (deleghe.server.ts, checklist.server.ts) (duplicates): every audit row is written
  // in full where the outcome is decided, with its own action and object
  await scriviAudit(tx, {
    utenteId: ctx.utente.id,
    ruolo: ctx.ruolo,
    azione: "carica_allegato",
    oggettoTipo: "domanda",
    oggettoId: domandaId,
    esito: "ok",
    dettagli: { allegato: creato.id, tipo, dimensione: file.bytes.byteLength, sha256 },
  });
  return creato.id;
}

/** Removes the domanda's files of one type (e.g. the previous relazione tecnica PDF) inside the caller's transaction. */
export async function rimuoviAllegatiDiTipo(tx: Transazione, domandaId: number, tipo: TipoAllegato): Promise<void> {
  await tx.delete(allegati).where(and(eq(allegati.domandaId, domandaId), eq(allegati.tipo, tipo)));
}

/**
 * Takes the draft's row lock and bumps its version if nobody changed it since the form was shown; keeps the
 * count saved by a completed allegati step in line with the table.
 */
async function conBozzaBloccata(
  ctx: Contesto,
  domandaId: number,
  versioneAttesa: number,
  azione: string,
  lavoro: (tx: Transazione) => Promise<void>,
): Promise<EsitoModificaAllegati> {
  try {
    return await db().transaction(async (tx) => {
      const bloccata = await tx
        .update(domande)
        .set({ versione: sql`${domande.versione} + 1`, aggiornataIl: new Date() })
        .where(and(eq(domande.id, domandaId), eq(domande.versione, versioneAttesa), eq(domande.stato, "bozza")))
        .returning({ id: domande.id });
      if (bloccata.length === 0) {
        // Alike the other scriviAudit calls (rinuncia.server.ts, deleghe.server.ts) (duplicates): every audit row is
        // written in full where the outcome is decided, with its own action, object and outcome
        await scriviAudit(tx, {
          utenteId: ctx.utente.id,
          ruolo: ctx.ruolo,
          azione,
          oggettoTipo: "domanda",
          oggettoId: domandaId,
          esito: "negato",
          dettagli: { motivo: "versione" },
        });
        return { ok: false, conflitto: true } as const;
      }
      await lavoro(tx);
      const conteggio = sql`(select count(*) from ${allegati} where ${allegati.domandaId} = ${domandaId} and ${allegati.tipo} <> 'relazione_tecnica')`;
      await tx
        .update(domande)
        .set({ dati: sql`case when ${domande.dati} ? 'allegati' then jsonb_set(${domande.dati}, '{allegati,numero}', to_jsonb(${conteggio})) else ${domande.dati} end` })
        .where(eq(domande.id, domandaId));
      return { ok: true } as const;
    });
  } catch (e) {
    if (e instanceof ErroreAllegato) return { ok: false, messaggio: e.messaggio };
    throw e;
  }
}

export function caricaAllegato(
  ctx: Contesto,
  domandaId: number,
  versione: number,
  tipo: TipoAllegato,
  file: FileVerificato,
): Promise<EsitoModificaAllegati> {
  return conBozzaBloccata(ctx, domandaId, versione, "carica_allegato", async (tx) => {
    await inserisciAllegato(tx, ctx, domandaId, tipo, file);
  });
}

/** Removes a document of the allegati step; the relazione tecnica PDF is changed only from its own step. */
export function rimuoviAllegato(ctx: Contesto, domandaId: number, versione: number, allegatoId: number): Promise<EsitoModificaAllegati> {
  return conBozzaBloccata(ctx, domandaId, versione, "rimuovi_allegato", async (tx) => {
    const tolti = await tx
      .delete(allegati)
      .where(and(eq(allegati.id, allegatoId), eq(allegati.domandaId, domandaId), ne(allegati.tipo, "relazione_tecnica")))
      .returning({ id: allegati.id, nomeFile: allegati.nomeFile });
    if (tolti.length === 0) throw new ErroreAllegato(messaggiAllegati.allegatoNonTrovato);
    await scriviAudit(tx, {
      utenteId: ctx.utente.id,
      ruolo: ctx.ruolo,
      azione: "rimuovi_allegato",
      oggettoTipo: "domanda",
      oggettoId: domandaId,
      esito: "ok",
      dettagli: { allegato: allegatoId },
    });
  });
}

/** The stored file, only within the given domanda (whose access the caller has already checked). */
// Alike leggiAllegatoRisposta (interlocuzione.server.ts) (duplicates): the same read, but of another table (the
// domanda's attachments, not an answer's documents)
export async function leggiAllegato(domandaId: number, allegatoId: number) {
  const [riga] = await db()
    .select({ nomeFile: allegati.nomeFile, contenuto: allegati.contenuto, dimensione: allegati.dimensione })
    .from(allegati)
    .where(and(eq(allegati.id, allegatoId), eq(allegati.domandaId, domandaId)));
  return riga ?? null;
}

/** The types a user may still need to attach for the causale, or null when the step may be completed. */
export function obbligatoriMancanti(catalogo: CatalogoDocumenti, elenco: readonly AllegatoElencato[]): string | null {
  if (!catalogo.obbligatorio) return null;
  const presenti = catalogo.obbligatorio.some((t) => elenco.some((a) => a.tipo === t));
  return presenti ? null : messaggiAllegati.obbligatorioMancante(catalogo.obbligatorio.map((t) => NOMI_TIPI_ALLEGATO[t]).join(", "));
}
