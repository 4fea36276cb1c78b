// The operator's manual checklist (D.M. 95442/2016 items from app/domain/istruttoria/checklist.ts) and internal notes.
// Both are the Sede's own: only actors allowed "istruisci_domanda" by the assignment rule write them, nothing of them
// is shown to the company, and each save is one transaction with an audit entry (never the note's text: free text
// may carry personal data). A checklist item has its own version: two operators saving the same item, one wins.
import { and, desc, eq, sql } from "drizzle-orm";
import { checklistIstruttoria, domande, noteIstruttoria, utenti } from "#db/schema";
import { db } from "#db/connection";
import { riepilogoChecklist, vociChecklist, type StatoVoce } from "~/domain/istruttoria/checklist";
import type { StatoDomanda } from "~/domain/stati";
import { messaggiIstruttoria as m } from "~/testi/istruttoria";
import { scriviAudit } from "../audit.server";
import { domandaAutorizzata, eSistema, type Attore } from "../autorizzazione.server";
import type { DomandaCaricata } from "../domande.server";
import { adesso as adessoPiattaforma } from "../orologio.server";
import { dataOraRoma } from "../riepilogo.server";
import { conflitto, nonTrovato, nonValido, riuscito, type Risultato } from "../risultato";

/** While the case is being examined; before the presa in carico and after the decision the checklist is read-only. */
export const STATI_CHECKLIST: readonly StatoDomanda[] = ["in_istruttoria", "sospesa"];

/** The checklist items of this case: the three of D.M. 95442/2016 plus one per weather day for weather causes. */
export function vociDelCaso({ risposte }: Pick<DomandaCaricata, "risposte">) {
  const periodo = risposte.periodo;
  return vociChecklist({ meteo: periodo?.meteo ?? false, giorniMeteo: periodo?.giorni ?? [] });
}

export async function checklistDelCaso(caricata: DomandaCaricata) {
  const salvate = await db()
    .select({
      chiave: checklistIstruttoria.chiave,
      stato: checklistIstruttoria.stato,
      nota: checklistIstruttoria.nota,
      versione: checklistIstruttoria.versione,
      aggiornataIl: checklistIstruttoria.aggiornataIl,
      nome: utenti.nome,
      cognome: utenti.cognome,
    })
    .from(checklistIstruttoria)
    .innerJoin(utenti, eq(utenti.id, checklistIstruttoria.aggiornataDa))
    .where(eq(checklistIstruttoria.domandaId, caricata.domanda.id));
  const per = new Map(salvate.map((s) => [s.chiave, s]));
  const r = riepilogoChecklist(
    vociDelCaso(caricata),
    salvate.map((s) => ({ chiave: s.chiave, stato: s.stato as StatoVoce, nota: s.nota })),
  );
  return {
    ...r,
    voci: r.voci.map((v) => {
      const s = per.get(v.chiave);
      return { ...v, versione: s?.versione ?? 0, aggiornata: s ? `${s.nome} ${s.cognome}, ${dataOraRoma(s.aggiornataIl)}` : null };
    }),
  };
}

export async function noteDelCaso(domandaId: number) {
  const righe = await db()
    .select({ id: noteIstruttoria.id, testo: noteIstruttoria.testo, creataIl: noteIstruttoria.creataIl, nome: utenti.nome, cognome: utenti.cognome })
    .from(noteIstruttoria)
    .innerJoin(utenti, eq(utenti.id, noteIstruttoria.autoreId))
    .where(eq(noteIstruttoria.domandaId, domandaId))
    .orderBy(desc(noteIstruttoria.creataIl), desc(noteIstruttoria.id));
  return righe.map((n) => ({ id: n.id, testo: n.testo, autore: `${n.nome} ${n.cognome}`, quando: dataOraRoma(n.creataIl) }));
}

export interface VoceDaSalvare {
  chiave: string;
  stato: StatoVoce;
  nota?: string | undefined;
  /** The item's version the operator saw (0: never saved). */
  versione: number;
}

async function autorizzaOperatore(attore: Attore, domandaId: number) {
  // Only an operator writes: managers read, the system actor has no judgement to record.
  if (eSistema(attore) || attore.ruolo !== "operatore_sede") return null;
  return domandaAutorizzata(attore, "istruisci_domanda", domandaId);
}

export async function salvaVoceChecklist(
  attore: Attore,
  domandaId: number,
  voce: VoceDaSalvare,
  adesso: Date = adessoPiattaforma(),
): Promise<Risultato<{ versione: number }>> {
  const caricata = await autorizzaOperatore(attore, domandaId);
  if (!caricata || eSistema(attore)) return nonTrovato;
  if (!vociDelCaso(caricata).some((v) => v.chiave === voce.chiave)) return nonValido({}, [m.checklist.voce]);
  const nota = voce.nota ? voce.nota : null;
  return db().transaction(async (tx) => {
    const [d] = await tx.select({ stato: domande.stato }).from(domande).where(eq(domande.id, domandaId)).for("share");
    let versione: number | undefined;
    if (STATI_CHECKLIST.includes(d.stato)) {
      const righe =
        voce.versione === 0
          ? await tx
              .insert(checklistIstruttoria)
              .values({ domandaId, chiave: voce.chiave, stato: voce.stato, nota, aggiornataDa: attore.utente.id, aggiornataIl: adesso })
              .onConflictDoNothing()
              .returning({ versione: checklistIstruttoria.versione })
          : await tx
              .update(checklistIstruttoria)
              .set({ stato: voce.stato, nota, aggiornataDa: attore.utente.id, aggiornataIl: adesso, versione: sql`${checklistIstruttoria.versione} + 1` })
              .where(
                and(
                  eq(checklistIstruttoria.domandaId, domandaId),
                  eq(checklistIstruttoria.chiave, voce.chiave),
                  eq(checklistIstruttoria.versione, voce.versione),
                ),
              )
              .returning({ versione: checklistIstruttoria.versione });
      versione = righe[0]?.versione;
    }
    await scriviAudit(tx, {
      utenteId: attore.utente.id,
      ruolo: attore.ruolo,
      azione: "salva_checklist",
      oggettoTipo: "domanda",
      oggettoId: domandaId,
      esito: versione === undefined ? "negato" : "ok",
      dettagli: { voce: voce.chiave, stato: voce.stato, ...(versione === undefined ? { motivo: STATI_CHECKLIST.includes(d.stato) ? "versione" : "stato" } : {}) },
    });
    return versione === undefined ? conflitto : riuscito({ versione });
  });
}

export async function aggiungiNota(attore: Attore, domandaId: number, testo: string, adesso: Date = adessoPiattaforma()): Promise<Risultato<{ id: number }>> {
  const caricata = await autorizzaOperatore(attore, domandaId);
  if (!caricata || eSistema(attore)) return nonTrovato;
  const pulito = testo.replace(/\r\n/g, "\n").trim();
  if (pulito.length === 0) return nonValido({ testo: m.nota.vuota });
  if (pulito.length > 4000) return nonValido({ testo: m.nota.lunga });
  return db().transaction(async (tx) => {
    const [n] = await tx
      .insert(noteIstruttoria)
      .values({ domandaId, autoreId: attore.utente.id, testo: pulito, creataIl: adesso })
      .returning({ id: noteIstruttoria.id });
    // Alike the other scriviAudit calls (allegati.server.ts, deleghe.server.ts) (duplicates): every audit row is written
    // in full where the outcome is decided, with its own action and object
    await scriviAudit(tx, {
      utenteId: attore.utente.id,
      ruolo: attore.ruolo,
      azione: "aggiungi_nota",
      oggettoTipo: "domanda",
      oggettoId: domandaId,
      esito: "ok",
      dettagli: { nota: n.id, lunghezza: pulito.length },
    });
    return riuscito({ id: n.id });
  });
}

