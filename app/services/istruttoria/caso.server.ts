// The case page of the Sede (/scrivania/:id): everything the company sent as sent (the summary and receipt builders of
// riepilogo.server.ts), the company's registry data and the unit's UniEmens history, the unit's earlier domande, the
// timeline, the alerts frozen at sending, the decision time limit, the automatic checks run again, the manual
// checklist and the internal notes, and what this actor may do next (state machine + role). Only the Sede's side
// reaches it: for the company the case does not exist here (it has "Le tue domande").
import { attiDellaDomanda } from "./decisione.server";
import { richiesteDellaDomanda } from "./interlocuzione.server";
import { and, desc, eq, gte, inArray, ne, sql } from "drizzle-orm";
import { domande, rapportiLavoro, sedi, uniemensEventiCig, uniemensMensili, unitaProduttive, utenti } from "#db/schema";
import { db, traValori } from "#db/connection";
import { trovaCausale } from "~/domain/causali";
import { addMonths, formatDataItaliana, oggiRoma, type DataISO } from "~/domain/date";
import { formatNumero } from "~/domain/formati";
import { conteggioControlli, ETICHETTE_STATO_CONTROLLO } from "~/domain/istruttoria/controlli";
import { ETICHETTE_STATO_VOCE, STATI_VOCE } from "~/domain/istruttoria/checklist";
import { ETICHETTE_URGENZA, termineCorrente, termineDecisione } from "~/domain/istruttoria/termine-decisione";
import { azioniSede, CLASSI_STATO, ETICHETTE_STATO, type Transizione } from "~/domain/stati";
import { NOMI_FONDI, nomePrestazione, type Fondo } from "~/domain/tipi";
import { fondoDaCodice } from "~/domain/inquadramento";
import { domandaAutorizzata, eSistema, type Attore } from "../autorizzazione.server";
import { oggi as oggiPiattaforma } from "../orologio.server";
import { datiRiepilogo, esitiAllInvio, eventiDellaDomanda } from "../riepilogo.server";
import { nonTrovato, riuscito, type Risultato } from "../risultato";
import { checklistDelCaso, noteDelCaso, STATI_CHECKLIST } from "./checklist.server";
import { controlliDelCaso } from "./controlli.server";
import type { DomandaCaricata } from "../domande.server";

/** The Sede's side only: operators and managers of the assignment, or the system actor. */
export async function casoAutorizzato(attore: Attore, id: number): Promise<DomandaCaricata | null> {
  if (!eSistema(attore) && attore.ruolo !== "operatore_sede" && attore.ruolo !== "dirigente_sede") return null;
  return domandaAutorizzata(attore, "vedi_domanda", id);
}

/** Monthly UniEmens figures of the unit: workers, workable and worked hours, CIG hours declared (last 24 months). */
async function storicoUniemens(unitaId: number, fino: DataISO) {
  const dal = addMonths(fino.slice(0, 8) + "01", -24);
  // The unit's employments first, then their months by primary key: joined in one query, the planner may read all
  // of uniemens_mensili (millions of rows at national scale) instead of the few hundred of one unit.
  const rapporti = (
    await db().select({ id: rapportiLavoro.id }).from(rapportiLavoro).where(eq(rapportiLavoro.unitaProduttivaId, unitaId))
  ).map((r) => r.id);
  if (rapporti.length === 0) return [];
  const mensili = await db()
    .select({
      competenza: uniemensMensili.competenza,
      lavoratori: sql<number>`count(distinct ${uniemensMensili.rapportoId})`.mapWith(Number),
      lavorabili: sql<number>`sum(${uniemensMensili.oreLavorabiliCentesimi})`.mapWith(Number),
      lavorate: sql<number>`sum(${uniemensMensili.oreLavorateCentesimi})`.mapWith(Number),
    })
    .from(uniemensMensili)
    .where(and(traValori(uniemensMensili.rapportoId, rapporti), gte(uniemensMensili.competenza, dal)))
    .groupBy(uniemensMensili.competenza)
    .orderBy(desc(uniemensMensili.competenza));
  const cig = await db()
    .select({
      mese: sql<string>`to_char(date_trunc('month', ${uniemensEventiCig.giorno}), 'YYYY-MM-DD')`,
      ore: sql<number>`sum(${uniemensEventiCig.oreCentesimi})`.mapWith(Number),
    })
    .from(uniemensEventiCig)
    .where(and(traValori(uniemensEventiCig.rapportoId, rapporti), gte(uniemensEventiCig.giorno, dal)))
    .groupBy(sql`1`);
  const oreCig = new Map(cig.map((c) => [c.mese, c.ore]));
  const ore = (centesimi: number) => formatNumero(centesimi / 100, 2);
  return mensili.map((m) => ({
    mese: formatDataItaliana(m.competenza).slice(3),
    lavoratori: m.lavoratori,
    oreLavorabili: ore(m.lavorabili),
    oreLavorate: ore(m.lavorate),
    oreCig: ore(oreCig.get(m.competenza) ?? 0),
  }));
}

/** The unit's other domande (not drafts), newest first, with period, state and the CIG hours used on their ticket. */
async function domandePrecedenti({ domanda }: DomandaCaricata) {
  if (domanda.unitaProduttivaId === null) return [];
  const righe = await db()
    .select({
      id: domande.id,
      protocollo: domande.protocollo,
      prestazione: domande.prestazione,
      fondoCodice: domande.fondoCodice,
      stato: domande.stato,
      dataInizio: domande.dataInizio,
      dataFine: domande.dataFine,
      ticket: domande.ticket,
    })
    .from(domande)
    .where(and(eq(domande.unitaProduttivaId, domanda.unitaProduttivaId), ne(domande.id, domanda.id), ne(domande.stato, "bozza")))
    .orderBy(desc(domande.dataInizio), desc(domande.id))
    .limit(50);
  // The hours used on each domanda's ticket (UniEmens CIG events), by the ticket index.
  const ticket = righe.map((r) => r.ticket).filter((t): t is string => t !== null);
  const fruite = new Map(
    ticket.length === 0
      ? []
      : (
          await db()
            .select({ ticket: uniemensEventiCig.ticket, ore: sql<number>`sum(${uniemensEventiCig.oreCentesimi})`.mapWith(Number) })
            .from(uniemensEventiCig)
            .where(inArray(uniemensEventiCig.ticket, ticket))
            .groupBy(uniemensEventiCig.ticket)
        ).map((f) => [f.ticket, f.ore]),
  );
  return righe.map((r) => ({
    id: r.id,
    protocollo: r.protocollo ?? `n. ${r.id}`,
    prestazione: nomePrestazione(r.prestazione, fondoDaCodice(r.fondoCodice)),
    periodo: r.dataInizio && r.dataFine ? `dal ${formatDataItaliana(r.dataInizio)} al ${formatDataItaliana(r.dataFine)}` : "Non indicato",
    stato: ETICHETTE_STATO[r.stato],
    oreFruite: formatNumero((r.ticket ? (fruite.get(r.ticket) ?? 0) : 0) / 100, 2),
  }));
}

function termineDelCaso({ domanda }: DomandaCaricata, oggi: DataISO) {
  if (!domanda.scadenzaDecisione || !domanda.inviataIl) return null;
  const inviata = oggiRoma(domanda.inviataIl);
  const decisa = domanda.decisaIl ? oggiRoma(domanda.decisaIl) : null;
  const t = termineCorrente({ scadenza: domanda.scadenzaDecisione, sospesoDal: decisa ? null : domanda.termineSospesoDal, oggi: decisa ?? oggi });
  // The rule's own explanation when no request ever moved the deadline; otherwise the stored deadline speaks.
  const base = termineDecisione({
    prestazione: domanda.prestazione,
    inviataIl: inviata,
    inizioPeriodo: domanda.dataInizio ?? inviata,
    richieste: [],
    oggi,
    decisaIl: decisa,
  });
  const spiegazione =
    base.scadenza === t.scadenza
      ? base.esito.messaggio
      : `Termine per decidere: ${base.giorniTermine} giorni dal ${formatDataItaliana(base.decorrenza)}, più i giorni di sospensione per supplemento istruttorio${t.sospeso ? " (sospensione in corso)" : ""}: scade il ${formatDataItaliana(t.scadenza)}.`;
  return {
    scadenza: formatDataItaliana(t.scadenza),
    giorniRimanenti: t.giorniRimanenti,
    urgenza: ETICHETTE_URGENZA[t.urgenza],
    sospeso: t.sospeso,
    spiegazione,
    riferimento: base.esito.riferimento,
    provvisorio: base.esito.provvisorio,
  };
}

async function registroAzienda({ azienda }: DomandaCaricata) {
  const [sede] = await db().select({ nome: sedi.nome }).from(sedi).where(eq(sedi.codice, azienda.sedeCodice));
  const fondo = fondoDaCodice(azienda.fondoSolidarietaCodice);
  return [
    { etichetta: "Ragione sociale", valore: azienda.ragioneSociale },
    { etichetta: "Codice fiscale", valore: azienda.codiceFiscale },
    { etichetta: azienda.matricola ? "Matricola INPS" : "CIDA", valore: azienda.matricola ?? azienda.cida ?? "" },
    { etichetta: "Codice statistico contributivo (CSC)", valore: azienda.csc ?? "Non presente" },
    { etichetta: "Codici di autorizzazione", valore: azienda.codiciAutorizzazione.join(", ") || "Nessuno" },
    { etichetta: "Codice ATECO", valore: azienda.codiceAteco ?? "Non presente" },
    { etichetta: "Gestione", valore: azienda.gestione === "agricola" ? "Agricola" : "Privata" },
    { etichetta: "Forza media del semestre", valore: String(azienda.forzaMediaSemestre) },
    { etichetta: "CCNL", valore: azienda.ccnl ?? "Non indicato" },
    { etichetta: "Fondo di solidarietà", valore: fondo ? NOMI_FONDI[fondo as Fondo] : "Nessuno" },
    { etichetta: "Sede INPS competente", valore: sede ? `${sede.nome} (${azienda.sedeCodice})` : azienda.sedeCodice },
    { etichetta: "Sede legale", valore: `${azienda.indirizzo}, ${azienda.cap} ${azienda.comune} (${azienda.provincia})` },
    { etichetta: "PEC", valore: azienda.pec },
  ];
}

export interface AzioniCaso {
  /** The actor may change the case (operator of the assignment); a manager only reads. */
  operatore: boolean;
  prendiInCarico: boolean;
  richiedi: boolean;
  /** Suspended case: close the request (or note its expiry) and resume. */
  riprendi: boolean;
  decidi: boolean;
  /** Decided case: a correction is a new act. */
  rettifica: boolean;
  checklist: boolean;
  note: boolean;
}

function azioniDelCaso(attore: Attore, caricata: DomandaCaricata): AzioniCaso {
  const operatore = !eSistema(attore) && attore.ruolo === "operatore_sede";
  const possibili = new Set<Transizione>(azioniSede(caricata.domanda.stato));
  return {
    operatore,
    prendiInCarico: operatore && possibili.has("prendi_in_carico"),
    richiedi: operatore && possibili.has("richiedi"),
    riprendi: operatore && possibili.has("riprendi"),
    decidi: operatore && possibili.has("decidi"),
    rettifica: operatore && possibili.has("rettifica"),
    checklist: operatore && STATI_CHECKLIST.includes(caricata.domanda.stato),
    note: operatore,
  };
}

export async function paginaCaso(attore: Attore, id: number, oggi: DataISO = oggiPiattaforma()): Promise<Risultato<Awaited<ReturnType<typeof costruisci>>>> {
  const caricata = await casoAutorizzato(attore, id);
  if (!caricata || caricata.domanda.stato === "bozza") return nonTrovato;
  return riuscito(await costruisci(attore, caricata, oggi));
}

async function costruisci(attore: Attore, caricata: DomandaCaricata, oggi: DataISO) {
  const { domanda } = caricata;
  const [riepilogo, eventi, controlli, checklist, note, precedenti, registro, storico, operatore, richieste, atti] = await Promise.all([
    datiRiepilogo(caricata),
    eventiDellaDomanda(domanda.id),
    controlliDelCaso(caricata),
    checklistDelCaso(caricata),
    noteDelCaso(domanda.id),
    domandePrecedenti(caricata),
    registroAzienda(caricata),
    domanda.unitaProduttivaId ? storicoUniemens(domanda.unitaProduttivaId, domanda.dataInizio ?? oggi) : Promise.resolve([]),
    domanda.operatoreId
      ? db().select({ nome: utenti.nome, cognome: utenti.cognome }).from(utenti).where(eq(utenti.id, domanda.operatoreId))
      : Promise.resolve([]),
    richiesteDellaDomanda(domanda.id, oggi),
    attiDellaDomanda(domanda, oggi),
  ]);
  const [unita] = domanda.unitaProduttivaId
    ? await db().select({ denominazione: unitaProduttive.denominazione }).from(unitaProduttive).where(eq(unitaProduttive.id, domanda.unitaProduttivaId))
    : [];
  return {
    id: domanda.id,
    versione: domanda.versione,
    statoCodice: domanda.stato,
    stato: ETICHETTE_STATO[domanda.stato],
    classeStato: CLASSI_STATO[domanda.stato],
    causale: trovaCausale(domanda.causale ?? "")?.etichetta ?? null,
    operatore: operatore[0] ? `${operatore[0].nome} ${operatore[0].cognome}` : null,
    unita: unita?.denominazione ?? null,
    riepilogo,
    eventi,
    esitiInvio: esitiAllInvio(caricata),
    termine: termineDelCaso(caricata, oggi),
    controlli: controlli.map((c) => ({
      codice: c.codice,
      titolo: c.titolo,
      stato: c.stato,
      etichettaStato: ETICHETTE_STATO_CONTROLLO[c.stato],
      spiegazione: c.spiegazione,
      riferimenti: c.riferimenti,
      provvisorio: c.provvisorio,
    })),
    conteggioControlli: conteggioControlli(controlli),
    checklist,
    statiVoce: STATI_VOCE.map((s) => ({ valore: s, etichetta: ETICHETTE_STATO_VOCE[s] })),
    note,
    precedenti,
    registro,
    storico,
    azioni: azioniDelCaso(attore, caricata),
    // The interlocuzione with the company (the answer highlighted) and the acts issued, as the company sees them.
    richieste,
    atti,
  };
}

export type PaginaCaso = Awaited<ReturnType<typeof costruisci>>;
