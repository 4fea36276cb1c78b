// Interlocuzione from inside the case (art. 11 c.2 D.M. 95442/2016; docs/regole.md §12): the operator asks the company a
// supplemento istruttorio or documents, the case goes to "sospesa"; the company answers with text and PDFs and the
// case goes back to "in_istruttoria"; the operator may close the request and resume, and a job marks the missed
// deadlines and resumes the case (system actor). Every change: one transaction on the case's row lock, through the
// state machine (app/domain/stati.ts), with the version the user saw, the timeline and the audit log.
import { createHash } from "node:crypto";
import { and, asc, count, eq, inArray, lt, sql } from "drizzle-orm";
import { allegatiRisposta, aziende, domande, richiesteIstruttoria, utenti, type Domanda, type RichiestaIstruttoriaRiga } from "#db/schema";
import { db, preparata } from "#db/connection";
import { formatDataItaliana as it, oggiRoma, type DataISO } from "~/domain/date";
import {
  ETICHETTE_TIPO_RICHIESTA,
  scadenzaRichiesta,
  situazioneRichiesta,
  type SituazioneRichiesta,
  type TipoRichiestaIstruttoria,
} from "~/domain/istruttoria/interlocuzione";
import { LIMITI_ALLEGATI } from "~/passi/schemi/allegati";
import { LIMITI_RISPOSTA, messaggiRisposta } from "~/passi/schemi/istruttoria";
import { nomePrestazione, type Fondo } from "~/domain/tipi";
import { idAziendeAccessibili, type Contesto } from "../accesso.server";
import type { FileVerificato } from "../allegati.server";
import { attoreSistema, domandaAutorizzata, eSistema, type Attore } from "../autorizzazione.server";
import type { Transazione } from "../domande.server";
import { adesso as adessoPiattaforma } from "../orologio.server";
import { conflitto, nonTrovato, nonValido, riuscito, type Risultato } from "../risultato";
import { auditAttore, casoBloccato, eventoAttore, richiestaDominio } from "./comuni.server";

export { richiestaDominio };
import { aggiornaTermineDecisione } from "./termine.server";

export interface NuovaRichiesta {
  tipo: TipoRichiestaIstruttoria;
  testo: string;
  documenti: string[];
}

function soloOperatore(attore: Attore): attore is Contesto {
  return !eSistema(attore) && attore.ruolo === "operatore_sede";
}

/**
 * The case (locked by casoBloccato) moves to `stato` with the next version, and the decision deadline follows the
 * suspension or the resumption.
 */
async function cambiaStato(tx: Transazione, caso: Domanda, stato: "sospesa" | "in_istruttoria", adesso: Date): Promise<Domanda> {
  const [aggiornata] = await tx
    .update(domande)
    .set({ stato, aggiornataIl: adesso, versione: caso.versione + 1 })
    .where(eq(domande.id, caso.id))
    .returning();
  await aggiornaTermineDecisione(tx, aggiornata, adesso);
  return aggiornata;
}

/** The operator asks the company: the case is suspended until the answer, the closing or the deadline. */
export async function richiediInformazioni(
  attore: Attore,
  domandaId: number,
  versioneAttesa: number,
  nuova: NuovaRichiesta,
  adesso: Date = adessoPiattaforma(),
): Promise<Risultato<{ richiestaId: number; scadenza: DataISO; versione: number }>> {
  if (!soloOperatore(attore)) return nonTrovato;
  if (!(await domandaAutorizzata(attore, "istruisci_domanda", domandaId))) return nonTrovato;
  const testo = nuova.testo.trim();
  if (!testo) return nonValido({ testo: messaggiRisposta.testoRichiestaVuoto });
  const ricevutaIl = oggiRoma(adesso);
  const scadenza = scadenzaRichiesta(nuova.tipo, ricevutaIl);
  return db().transaction(async (tx) => {
    const caso = await casoBloccato(tx, attore, domandaId, "richiedi", "richiedi_informazioni", versioneAttesa);
    if (!caso) return conflitto;
    const [creata] = await tx
      .insert(richiesteIstruttoria)
      .values({
        domandaId,
        tipo: nuova.tipo,
        testo,
        documentiRichiesti: nuova.documenti.map((d) => d.trim()).filter(Boolean),
        ricevutaIl,
        scadenza,
        creataDa: attore.utente.id,
        creataIl: adesso,
      })
      .returning({ id: richiesteIstruttoria.id });
    const aggiornata = await cambiaStato(tx, caso, "sospesa", adesso);
    await eventoAttore(
      tx, attore, domandaId, "richiesta",
      `${ETICHETTE_TIPO_RICHIESTA[nuova.tipo]} inviato all'azienda: risposta attesa entro il ${it(scadenza)}`,
    );
    await auditAttore(tx, attore, "richiedi_informazioni", domandaId, "ok", { richiesta: creata.id, tipo: nuova.tipo, scadenza });
    return riuscito({ richiestaId: creata.id, scadenza, versione: aggiornata.versione });
  });
}

/**
 * The company answers the open request with text and checked PDFs: the case goes back to the operator. A late answer
 * (after the deadline, before the job or the operator closed the request) is kept and shown as late.
 */
export async function rispondiRichiesta(
  ctx: Contesto,
  domandaId: number,
  richiestaId: number,
  versioneAttesa: number,
  risposta: { testo: string; file: FileVerificato[] },
  adesso: Date = adessoPiattaforma(),
): Promise<Risultato<{ versione: number }>> {
  if (!(await domandaAutorizzata(ctx, "rispondi_richiesta", domandaId))) return nonTrovato;
  const testo = risposta.testo.trim();
  if (!testo) return nonValido({ testo: messaggiRisposta.testoVuoto });
  if (risposta.file.length > LIMITI_RISPOSTA.numeroFile) return nonValido({ file: messaggiRisposta.troppiFile });
  const totale = risposta.file.reduce((t, f) => t + f.bytes.byteLength, 0);
  if (totale > LIMITI_ALLEGATI.byteTotali) return nonValido({ file: messaggiRisposta.totaleSuperato });
  const oggi = oggiRoma(adesso);
  return db().transaction(async (tx) => {
    const caso = await casoBloccato(tx, ctx, domandaId, "rispondi", "rispondi_richiesta", versioneAttesa);
    if (!caso) return conflitto;
    const aggiornate = await tx
      .update(richiesteIstruttoria)
      .set({ stato: "risposta", rispostaTesto: testo, rispostaIl: oggi, rispostaDa: ctx.utente.id, rispostaQuando: adesso })
      .where(and(eq(richiesteIstruttoria.id, richiestaId), eq(richiesteIstruttoria.domandaId, domandaId), eq(richiesteIstruttoria.stato, "aperta")))
      .returning();
    if (aggiornate.length === 0) {
      await auditAttore(tx, ctx, "rispondi_richiesta", domandaId, "negato", { motivo: "richiesta", richiesta: richiestaId });
      return conflitto;
    }
    for (const f of risposta.file) {
      await tx.insert(allegatiRisposta).values({
        richiestaId,
        domandaId,
        nomeFile: f.nome,
        dimensione: f.bytes.byteLength,
        sha256: createHash("sha256").update(f.bytes).digest("hex"),
        contenuto: Buffer.from(f.bytes),
        caricatoDa: ctx.utente.id,
        caricatoIl: adesso,
      });
    }
    const aggiornata = await cambiaStato(tx, caso, "in_istruttoria", adesso);
    const tardiva = oggi > aggiornate[0].scadenza;
    await eventoAttore(
      tx, ctx, domandaId, "risposta",
      `L'azienda ha risposto alla richiesta della Sede${risposta.file.length ? ` con ${risposta.file.length === 1 ? "1 documento" : `${risposta.file.length} documenti`}` : ""}${tardiva ? " (oltre il termine)" : ""}`,
    );
    await auditAttore(tx, ctx, "rispondi_richiesta", domandaId, "ok", { richiesta: richiestaId, documenti: risposta.file.length, tardiva });
    return riuscito({ versione: aggiornata.versione });
  });
}

/**
 * The Sede resumes a suspended case: the open request is closed (before its deadline) or marked as expired (after).
 * The operator does it from the case; the expiry job with the system actor.
 */
export async function riprendiIstruttoria(
  attore: Attore,
  domandaId: number,
  versioneAttesa: number | null,
  adesso: Date = adessoPiattaforma(),
): Promise<Risultato<{ versione: number; stato: "chiusa" | "scaduta" }>> {
  if (!eSistema(attore) && attore.ruolo !== "operatore_sede") return nonTrovato;
  if (!(await domandaAutorizzata(attore, "istruisci_domanda", domandaId))) return nonTrovato;
  const oggi = oggiRoma(adesso);
  return db().transaction(async (tx) => {
    const caso = await casoBloccato(tx, attore, domandaId, "riprendi", "riprendi_istruttoria", versioneAttesa);
    if (!caso) return conflitto;
    const [aperta] = await tx
      .select()
      .from(richiesteIstruttoria)
      .where(and(eq(richiesteIstruttoria.domandaId, domandaId), eq(richiesteIstruttoria.stato, "aperta")))
      .for("update");
    const scaduta = !aperta || oggi > aperta.scadenza;
    // A job only acts on what has expired: closing early is the operator's choice.
    if (eSistema(attore) && !scaduta) {
      await auditAttore(tx, attore, "riprendi_istruttoria", domandaId, "negato", { motivo: "non_scaduta" });
      return conflitto;
    }
    const stato = scaduta ? "scaduta" : "chiusa";
    if (aperta) {
      await tx
        .update(richiesteIstruttoria)
        .set({ stato, chiusaIl: scaduta ? null : oggi, chiusaDa: eSistema(attore) ? null : attore.utente.id })
        .where(eq(richiesteIstruttoria.id, aperta.id));
    }
    const aggiornata = await cambiaStato(tx, caso, "in_istruttoria", adesso);
    const nome = aperta ? ETICHETTE_TIPO_RICHIESTA[aperta.tipo] : "Richiesta";
    await eventoAttore(
      tx, attore, domandaId, "ripresa",
      scaduta
        ? `${nome}: il termine del ${aperta ? it(aperta.scadenza) : ""} è scaduto senza risposta; l'istruttoria riprende con gli elementi disponibili`
        : `${nome} chiuso dalla Sede senza attendere la risposta; l'istruttoria riprende`,
    );
    await auditAttore(tx, attore, "riprendi_istruttoria", domandaId, "ok", { richiesta: aperta?.id ?? null, stato });
    return riuscito({ versione: aggiornata.versione, stato });
  });
}

/**
 * The job of the expiries: every open request whose last day to answer has passed is marked as expired and its case
 * resumed, with the system actor. Safe to run at any time and more than once (a case already moved is skipped).
 */
export async function scadenzeInterlocuzione(adesso: Date = adessoPiattaforma()): Promise<{ scadute: number[] }> {
  const attore = attoreSistema("scadenze-interlocuzione");
  const oggi = oggiRoma(adesso);
  const righe = await db()
    .select({ domandaId: richiesteIstruttoria.domandaId })
    .from(richiesteIstruttoria)
    .innerJoin(domande, eq(domande.id, richiesteIstruttoria.domandaId))
    .where(and(eq(richiesteIstruttoria.stato, "aperta"), lt(richiesteIstruttoria.scadenza, oggi), eq(domande.stato, "sospesa")))
    .orderBy(asc(richiesteIstruttoria.scadenza));
  const scadute: number[] = [];
  for (const r of righe) {
    const esito = await riprendiIstruttoria(attore, r.domandaId, null, adesso);
    if (esito.ok) scadute.push(r.domandaId);
  }
  return { scadute };
}

export interface AllegatoRispostaElencato {
  id: number;
  nomeFile: string;
  dimensione: number;
}

export interface RichiestaElencata {
  id: number;
  tipo: TipoRichiestaIstruttoria;
  nomeTipo: string;
  testo: string;
  documentiRichiesti: string[];
  ricevutaIl: DataISO;
  scadenza: DataISO;
  /** Stored state; `situazione` says what it means today (an open request past its deadline is expired). */
  stato: RichiestaIstruttoriaRiga["stato"];
  situazione: Pick<SituazioneRichiesta, "stato" | "giorniRimanenti" | "rispostaTardiva"> & { messaggio: string };
  rispostaTesto: string | null;
  rispostaIl: DataISO | null;
  rispostaDa: string | null;
  chiusaIl: DataISO | null;
  allegati: AllegatoRispostaElencato[];
  richiestaDa: string;
}

/** The requests of a case, oldest first, with the answers and their documents. The caller has authorised the reader. */
export async function richiesteDellaDomanda(domandaId: number, oggi: DataISO = oggiRoma(adessoPiattaforma())): Promise<RichiestaElencata[]> {
  const righe = await db()
    // Alike filo.server.ts's events query (duplicates): the same "rows with the author's name" join, but over the
    // requests
    .select({ r: richiesteIstruttoria, nome: utenti.nome, cognome: utenti.cognome })
    .from(richiesteIstruttoria)
    .innerJoin(utenti, eq(utenti.id, richiesteIstruttoria.creataDa))
    .where(eq(richiesteIstruttoria.domandaId, domandaId))
    .orderBy(asc(richiesteIstruttoria.id));
  if (righe.length === 0) return [];
  const ids = righe.map((x) => x.r.id);
  const allegati = await db()
    .select({ id: allegatiRisposta.id, richiestaId: allegatiRisposta.richiestaId, nomeFile: allegatiRisposta.nomeFile, dimensione: allegatiRisposta.dimensione })
    .from(allegatiRisposta)
    .where(inArray(allegatiRisposta.richiestaId, ids))
    .orderBy(asc(allegatiRisposta.id));
  const rispondenti = righe.map((x) => x.r.rispostaDa).filter((x): x is number => x !== null);
  const nomi = rispondenti.length
    ? new Map((await db().select().from(utenti).where(inArray(utenti.id, rispondenti))).map((u) => [u.id, `${u.nome} ${u.cognome}`]))
    : new Map<number, string>();
  return righe.map(({ r, nome, cognome }) => {
    const s = situazioneRichiesta(richiestaDominio(r), oggi);
    return {
      id: r.id,
      tipo: r.tipo,
      nomeTipo: ETICHETTE_TIPO_RICHIESTA[r.tipo],
      testo: r.testo,
      documentiRichiesti: r.documentiRichiesti,
      ricevutaIl: r.ricevutaIl,
      scadenza: r.scadenza,
      stato: r.stato,
      situazione: { stato: s.stato, giorniRimanenti: s.giorniRimanenti, rispostaTardiva: s.rispostaTardiva, messaggio: s.esito.messaggio },
      rispostaTesto: r.rispostaTesto,
      rispostaIl: r.rispostaIl,
      rispostaDa: r.rispostaDa ? (nomi.get(r.rispostaDa) ?? null) : null,
      chiusaIl: r.chiusaIl,
      allegati: allegati.filter((a) => a.richiestaId === r.id).map(({ id, nomeFile, dimensione }) => ({ id, nomeFile, dimensione })),
      richiestaDa: `${nome} ${cognome}`,
    };
  });
}

/** The open request of a case, if any. */
export async function richiestaAperta(domandaId: number, oggi?: DataISO): Promise<RichiestaElencata | null> {
  return (await richiesteDellaDomanda(domandaId, oggi)).find((r) => r.stato === "aperta") ?? null;
}

/** A document of an answer, only within the given domanda (whose access the caller has already checked). */
// Alike leggiAllegato (allegati.server.ts) (duplicates): the same read, but of another table (an answer's documents)
export async function leggiAllegatoRisposta(domandaId: number, allegatoId: number) {
  const [riga] = await db()
    .select({ nomeFile: allegatiRisposta.nomeFile, contenuto: allegatiRisposta.contenuto, dimensione: allegatiRisposta.dimensione })
    .from(allegatiRisposta)
    .where(and(eq(allegatiRisposta.id, allegatoId), eq(allegatiRisposta.domandaId, domandaId)));
  return riga ?? null;
}

export interface RichiestaInAttesa {
  domandaId: number;
  protocollo: string | null;
  azienda: string;
  prestazione: string;
  nomeTipo: string;
  ricevutaIl: DataISO;
  scadenza: DataISO;
  giorniRimanenti: number | null;
}

/**
 * The Sede's requests still waiting for an answer, of the companies this profile may act for today (employer: the
 * company chosen at sign-in; intermediary: the companies with a valid delega), nearest deadline first.
 */
/** How many requests of the office wait for this profile's answer: the banner of "Le tue domande" (on every view). */
export async function numeroRichiesteInAttesa(ctx: Contesto): Promise<number> {
  const ids = await idAziendeAccessibili(ctx);
  if (ids.length === 0) return 0;
  const [{ n }] = await preparata("numero_richieste_in_attesa", (d) =>
    d
      // Alike promemoria.server.ts's query (duplicates): the same requests/domande join, but this one only counts
      .select({ n: count() })
      .from(richiesteIstruttoria)
      .innerJoin(domande, eq(domande.id, richiesteIstruttoria.domandaId))
      .where(
        and(
          eq(richiesteIstruttoria.stato, "aperta"),
          eq(domande.stato, "sospesa"),
          sql`${domande.aziendaId} = any(${sql.placeholder("aziende")})`,
        ),
      )
      .prepare("numero_richieste_in_attesa"),
  ).execute({ aziende: ids });
  return n;
}

export async function richiesteInAttesa(ctx: Contesto, oggi: DataISO = oggiRoma(adessoPiattaforma())): Promise<RichiestaInAttesa[]> {
  const ids = await idAziendeAccessibili(ctx);
  if (ids.length === 0) return [];
  const righe = await db()
    .select({
      r: richiesteIstruttoria,
      protocollo: domande.protocollo,
      // Alike the columns of elenco-domande.server.ts and coda.server.ts (duplicates): each list selects its own columns
      // of the same tables
      prestazione: domande.prestazione,
      fondo: domande.fondoCodice,
      azienda: aziende.ragioneSociale,
    })
    .from(richiesteIstruttoria)
    .innerJoin(domande, eq(domande.id, richiesteIstruttoria.domandaId))
    .innerJoin(aziende, eq(aziende.id, domande.aziendaId))
    .where(and(eq(richiesteIstruttoria.stato, "aperta"), eq(domande.stato, "sospesa"), inArray(domande.aziendaId, ids)))
    .orderBy(asc(richiesteIstruttoria.scadenza), asc(richiesteIstruttoria.id))
    .limit(200);
  return righe.map(({ r, protocollo, prestazione, fondo, azienda }) => ({
    domandaId: r.domandaId,
    protocollo,
    azienda,
    prestazione: nomePrestazione(prestazione, (fondo?.toUpperCase() as Fondo) ?? null),
    nomeTipo: ETICHETTE_TIPO_RICHIESTA[r.tipo],
    ricevutaIl: r.ricevutaIl,
    scadenza: r.scadenza,
    giorniRimanenti: situazioneRichiesta(richiestaDominio(r), oggi).giorniRimanenti,
  }));
}
