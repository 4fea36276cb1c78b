// L'abbinamento automatico delle denunce UniEmens-Cig accolte alle autorizzazioni e il calcolo degli importi: per ogni
// denuncia accolta e non ancora abbinata, il provvedimento in vigore della domanda del suo ticket (regola pura in
// ~/domain/pagamenti/abbinamento.ts), l'importo del lavoratore per il mese (~/domain/importi.ts) e le eccezioni che
// aspettano una persona (~/domain/pagamenti/eccezioni.ts); poi il contributo addizionale di ogni autorizzazione
// toccata. Lo chiama il flusso appena accolto e lo può chiamare un job (attore di sistema) per le denunce accolte prima
// della decisione. Idempotente: un importo per denuncia (indice unico), uno vivo per chiave di denuncia, gli
// inserimenti in conflitto sono saltati; due esecuzioni insieme danno lo stesso risultato di una.
import { and, eq, inArray, isNotNull, isNull, notInArray, sql } from "drizzle-orm";
import { db } from "#db/connection";
import {
  aziende,
  contributiAddizionali,
  denunceCig,
  domande,
  importiCig,
  lavoratori,
  provvedimenti,
  provvedimentiLavoratori,
} from "#db/schema";
import { periodoPerLimiti } from "~/domain/cruscotto";
import { calcolaContributoAddizionale, calcolaIntegrazioneMese, riduzioneContributoApplicabile, settimaneContributo, type RetribuzioneFlusso } from "~/domain/importi";
import { attivitaDaAteco } from "~/domain/inquadramento";
import { abbina, type AttoPerAbbinamento } from "~/domain/pagamenti/abbinamento";
import { massimaleIntemperie, type DomandaPerMassimale } from "~/domain/pagamenti/massimale-intemperie";
import { eccezioniPagamento } from "~/domain/pagamenti/eccezioni";
import { ParametroNonDisponibile } from "~/domain/parametri";
import type { PeriodoPrecedente, Prestazione } from "~/domain/tipi";
import { leggiRisposte } from "~/passi";
import { scriviAudit } from "../audit.server";
import { attoreSistema, eSistema, type Attore } from "../autorizzazione.server";
import { autorizzazioniAziende, giorniSettimanali } from "../cruscotto.server";
import type { Transazione } from "../domande.server";
import { riuscito, type Risultato } from "../risultato";

/** Denunce lette e abbinate per transazione. */
const LOTTO = 500;

export interface FiltroAbbinamento {
  flussoId?: number;
  domandaId?: number;
}

export interface EsitoAbbinamento {
  abbinate: number;
  conEccezioni: number;
  inAttesa: number;
  nonAbbinabili: Array<{ denunciaId: number; motivo: string }>;
  annullati: number;
}

type DatiDenuncia = (typeof denunceCig.$inferSelect)["dati"];

/** La retribuzione come la porta la denuncia: oraria se c'è, altrimenti mensile (RetribTeorica), altrimenti nessuna. */
function retribuzioneDi(dati: DatiDenuncia): RetribuzioneFlusso | null {
  if (typeof dati.retribOrariaCentesimi === "number") return { tipo: "oraria", centesimi: dati.retribOrariaCentesimi };
  if (typeof dati.retribTeoricaCentesimi === "number") return { tipo: "mensile", centesimi: dati.retribTeoricaCentesimi };
  return null;
}

interface DomandaPerAbbinamento {
  id: number;
  prestazione: Prestazione;
  sedeCodice: string;
  matricola: string | null;
  atti: AttoPerAbbinamento[];
  /** Per il massimale maggiorato delle intemperie stagionali: prestazione, attività dell'azienda, causale. */
  perMassimale: DomandaPerMassimale;
}

async function domandeDi(tx: Transazione, ids: number[]): Promise<Map<number, DomandaPerAbbinamento>> {
  const righe = await tx
    .select({
      id: domande.id, prestazione: domande.prestazione, sede: domande.sedeCodice, sedeAzienda: aziende.sedeCodice, matricola: aziende.matricola,
      ateco: aziende.codiceAteco, dati: domande.dati,
    })
    .from(domande)
    .innerJoin(aziende, eq(aziende.id, domande.aziendaId))
    .where(inArray(domande.id, ids));
  const atti = await tx.select().from(provvedimenti).where(inArray(provvedimenti.domandaId, ids));
  const autorizzati = atti.length
    ? await tx.select().from(provvedimentiLavoratori).where(inArray(provvedimentiLavoratori.provvedimentoId, atti.map((a) => a.id)))
    : [];
  return new Map(
    righe.map((r) => [
      r.id,
      {
        id: r.id,
        prestazione: r.prestazione,
        sedeCodice: r.sede ?? r.sedeAzienda,
        matricola: r.matricola,
        atti: atti
          .filter((a) => a.domandaId === r.id)
          .map((a) => ({
            id: a.id, numero: a.numero, ticket: a.ticket, esito: a.esito, periodoInizio: a.periodoInizio, periodoFine: a.periodoFine,
            modalitaPagamento: a.modalitaPagamento ?? null, rettificaDi: a.rettificaDi,
            lavoratori: new Set(autorizzati.filter((l) => l.provvedimentoId === a.id).map((l) => l.codiceFiscale)),
          })),
        perMassimale: { prestazione: r.prestazione, attivita: attivitaDaAteco(r.ateco), causale: leggiRisposte(r.dati).periodo?.causale ?? null },
      },
    ]),
  );
}

/**
 * Abbina le denunce accolte non ancora abbinate (di un flusso, di una domanda o tutte) e ne calcola gli importi.
 * `attore`: il sistema (job, flusso appena accolto) o un operatore che lancia l'abbinamento dalla scrivania.
 */
export async function abbinaDenunce(attore: Attore, filtro: FiltroAbbinamento = {}): Promise<Risultato<EsitoAbbinamento>> {
  if (!eSistema(attore) && attore.ruolo !== "operatore_sede") return riuscito({ abbinate: 0, conEccezioni: 0, inAttesa: 0, nonAbbinabili: [], annullati: 0 });
  const esito: EsitoAbbinamento = { abbinate: 0, conEccezioni: 0, inAttesa: 0, nonAbbinabili: [], annullati: 0 };
  const d = db();

  // Le denunce eliminate prima del pagamento: il loro importo non si paga più (la nuova denuncia con la stessa chiave
  // potrà così essere abbinata).
  const annullati = await d
    .update(importiCig)
    .set({ stato: "annullato" })
    .where(
      and(
        inArray(importiCig.stato, ["approvato", "eccezione"]),
        inArray(importiCig.denunciaId, d.select({ id: denunceCig.id }).from(denunceCig).where(isNotNull(denunceCig.eliminataIl))),
      ),
    )
    .returning({ id: importiCig.id, provvedimentoId: importiCig.provvedimentoId });
  esito.annullati = annullati.length;
  const attiToccati = new Set<number>(annullati.map((a) => a.provvedimentoId));

  const visti = new Set<number>();
  let dopo = 0;
  for (;;) {
    // The next 500 live returns in id order, then those of them not yet matched: two statements, so a step reads only
    // its window through the (flusso_id, id) index. As one statement with the join, the planner's stale estimates right
    // after a large flow made it read and sort the whole flow at every step (README Misure, flows).
    const finestra = await d
      .select({ id: denunceCig.id })
      .from(denunceCig)
      .where(
        and(
          isNull(denunceCig.eliminataIl),
          sql`${denunceCig.id} > ${dopo}`,
          filtro.flussoId === undefined ? undefined : eq(denunceCig.flussoId, filtro.flussoId),
          filtro.domandaId === undefined ? undefined : eq(denunceCig.domandaId, filtro.domandaId),
        ),
      )
      .orderBy(denunceCig.id)
      .limit(LOTTO);
    if (finestra.length === 0) break;
    dopo = finestra[finestra.length - 1].id;
    // Alike the queries of lotti.server.ts and scrivania.server.ts (duplicates): the same denunce/importi joins, but
    // each query selects and filters for its own use (here: the next batch of reports to match)
    const candidate = await d
      .select({ denuncia: denunceCig, matricola: aziende.matricola })
      .from(denunceCig)
      .innerJoin(aziende, eq(aziende.id, denunceCig.aziendaId))
      .leftJoin(importiCig, eq(importiCig.denunciaId, denunceCig.id))
      .where(and(inArray(denunceCig.id, finestra.map((f) => f.id)), isNull(denunceCig.eliminataIl), isNull(importiCig.id)))
      .orderBy(denunceCig.id);
    if (candidate.length === 0) continue;

    await d.transaction(async (tx) => {
      const perDomanda = await domandeDi(tx, [...new Set(candidate.map((c) => c.denuncia.domandaId))]);
      const cf = [...new Set(candidate.map((c) => c.denuncia.codiceFiscale))];
      const registro = new Map(
        (await tx.select().from(lavoratori).where(inArray(lavoratori.codiceFiscale, cf))).map((l) => [l.codiceFiscale, l]),
      );
      for (const { denuncia, matricola } of candidate) {
        visti.add(denuncia.id);
        const domanda = perDomanda.get(denuncia.domandaId)!;
        const a = abbina(
          { ticket: denuncia.ticket, matricola: matricola ?? "", codiceFiscale: denuncia.codiceFiscale, competenza: denuncia.competenza },
          domanda.matricola,
          domanda.atti,
        );
        if (a.tipo === "in_attesa") {
          esito.inAttesa++;
          continue;
        }
        if (a.tipo === "non_abbinabile") {
          esito.nonAbbinabili.push({ denunciaId: denuncia.id, motivo: a.motivo });
          continue;
        }
        const dati = denuncia.dati;
        const retribuzione = retribuzioneDi(dati);
        let calcolo: ReturnType<typeof calcolaIntegrazioneMese> | null = null;
        if (retribuzione) {
          try {
            calcolo = calcolaIntegrazioneMese({
              prestazione: domanda.prestazione,
              competenza: denuncia.competenza,
              retribuzione,
              orarioSettimanaleCentesimi: dati.orarioContrattualeCentesimi ?? 0,
              oreIntegrateCentesimi: denuncia.oreCentesimi,
              intemperie: massimaleIntemperie(domanda.perMassimale, denuncia.competenza),
            });
          } catch (e) {
            if (!(e instanceof ParametroNonDisponibile) && !(e instanceof RangeError)) throw e;
          }
        }
        const lavoratore = registro.get(denuncia.codiceFiscale);
        const eccezioni = eccezioniPagamento({
          ibanDenuncia: denuncia.iban,
          ibanRegistrato: lavoratore?.iban ?? null,
          avvisiDenuncia: denuncia.avvisi.map((x) => x.codice),
          titolarePensione: lavoratore?.titolarePensione ?? false,
          trattenuteGiudiziali: lavoratore?.trattenuteGiudiziali ?? false,
          retribuzione,
          calcoloPossibile: calcolo !== null,
        });
        const nominativo = lavoratore ? `${lavoratore.nome} ${lavoratore.cognome}` : `${dati.nome ?? ""} ${dati.cognome ?? ""}`.trim() || denuncia.codiceFiscale;
        const inseriti = await tx
          .insert(importiCig)
          .values({
            denunciaId: denuncia.id,
            chiave: denuncia.chiave,
            provvedimentoId: a.atto.id,
            domandaId: domanda.id,
            aziendaId: denuncia.aziendaId,
            sedeCodice: domanda.sedeCodice,
            codiceFiscale: denuncia.codiceFiscale,
            nominativo,
            competenza: denuncia.competenza,
            iban: denuncia.iban,
            oreCentesimi: denuncia.oreCentesimi,
            retribuzionePersaCentesimi: calcolo?.retribuzionePersaCentesimi ?? 0,
            lordoCentesimi: calcolo?.lordoCentesimi ?? 0,
            lordoLimitatoCentesimi: calcolo?.lordoLimitatoCentesimi ?? 0,
            riduzioneCentesimi: calcolo?.riduzioneCentesimi ?? 0,
            nettoCentesimi: calcolo?.nettoCentesimi ?? 0,
            calcolo: calcolo ? { ...calcolo.esito, massimaleLordoCentesimi: calcolo.massimaleLordoCentesimi, massimaleNettoCentesimi: calcolo.massimaleNettoCentesimi } : { messaggio: "Importo non calcolato." },
            stato: eccezioni.length ? "eccezione" : "approvato",
            eccezioni,
          })
          .onConflictDoNothing()
          .returning({ id: importiCig.id });
        if (inseriti.length === 0) {
          // Un'altra esecuzione l'ha già abbinata, o la stessa chiave ha già un importo vivo (pagato o in un lotto).
          const [gia] = await tx.select({ id: importiCig.id }).from(importiCig).where(eq(importiCig.denunciaId, denuncia.id));
          if (!gia) esito.nonAbbinabili.push({ denunciaId: denuncia.id, motivo: "Per la stessa denuncia (lavoratore, mese, qualifiche) c'è già un importo in pagamento o pagato." });
          continue;
        }
        esito.abbinate++;
        if (eccezioni.length) esito.conEccezioni++;
        attiToccati.add(a.atto.id);
      }
    });
  }

  for (const id of attiToccati) await aggiornaContributoAddizionale(id);
  if (esito.abbinate || esito.annullati || esito.nonAbbinabili.length) {
    await scriviAudit(d, {
      utenteId: eSistema(attore) ? null : attore.utente.id,
      ruolo: eSistema(attore) ? null : attore.ruolo,
      azione: "abbinamento_denunce_cig",
      oggettoTipo: filtro.flussoId !== undefined ? "flusso_cig" : filtro.domandaId !== undefined ? "domanda" : "denunce_cig",
      oggettoId: filtro.flussoId ?? filtro.domandaId ?? "tutte",
      esito: "ok",
      dettagli: {
        ...(eSistema(attore) ? { sistema: attore.nome } : {}),
        denunce: visti.size, abbinate: esito.abbinate, conEccezioni: esito.conEccezioni, inAttesa: esito.inAttesa,
        nonAbbinabili: esito.nonAbbinabili.length, annullati: esito.annullati,
      },
    });
  }
  return riuscito(esito);
}

/**
 * Il contributo addizionale di un'autorizzazione pagata direttamente (art. 5 d.lgs. 148/2015), sulla retribuzione
 * persa dei suoi importi non respinti. Le settimane già fruite nel quinquennio mobile e quelle del periodo si contano
 * come nel cruscotto dell'azienda (~/domain/importi.ts settimaneContributo), sulle autorizzazioni lette nello stesso
 * modo (autorizzazioniAziende: l'atto in vigore, i giorni fruiti esposti nei flussi). Ricalcolato a ogni abbinamento
 * che tocca l'autorizzazione e a ogni rigetto (upsert).
 */
export async function aggiornaContributoAddizionale(provvedimentoId: number): Promise<void> {
  const d = db();
  const [atto] = await d
    .select({ atto: provvedimenti, prestazione: domande.prestazione, aziendaId: domande.aziendaId, dati: domande.dati, gestione: aziende.gestione })
    .from(provvedimenti)
    .innerJoin(domande, eq(domande.id, provvedimenti.domandaId))
    .innerJoin(aziende, eq(aziende.id, domande.aziendaId))
    .where(eq(provvedimenti.id, provvedimentoId));
  if (!atto?.atto.periodoInizio || !atto.atto.periodoFine) return;
  const [{ persa }] = await d
    .select({ persa: sql<string>`coalesce(sum(${importiCig.retribuzionePersaCentesimi}), 0)` })
    .from(importiCig)
    .where(and(eq(importiCig.provvedimentoId, provvedimentoId), notInArray(importiCig.stato, ["respinto", "annullato"])));
  const retribuzionePersa = Number(persa);
  const inizio = atto.atto.periodoInizio;
  const gs = giorniSettimanali(atto);
  const eone = leggiRisposte(atto.dati).periodo?.eone === true;
  const autorizzazioni = await autorizzazioniAziende([atto.aziendaId]);
  const propria = autorizzazioni.find((a) => a.domandaId === atto.atto.domandaId);
  const periodo: PeriodoPrecedente = propria
    ? periodoPerLimiti({ ...propria, inizio, fine: atto.atto.periodoFine }, String(propria.unitaId), gs)
    : { inizio, fine: atto.atto.periodoFine, prestazione: atto.prestazione, unitaProduttiva: "", eone };
  // Solo i periodi decisi: una domanda ancora in istruttoria non è fruita (il cruscotto la conta come richiesta).
  const decise = autorizzazioni.filter((a) => a.domandaId !== atto.atto.domandaId && a.stato !== "in_attesa" && a.inizio < inizio);
  const precedenti = decise.map((a) => periodoPerLimiti(a, String(a.unitaId), gs));
  let importo: number | null = null;
  let calcolo: Record<string, unknown>;
  try {
    const conteggio = settimaneContributo(periodo, precedenti, gs);
    const riduzione = riduzioneContributoApplicabile(inizio, precedenti.filter((p) => p.prestazione === atto.prestazione));
    const c = calcolaContributoAddizionale({
      prestazione: atto.prestazione,
      data: inizio,
      retribuzionePersaCentesimi: retribuzionePersa,
      eone,
      settimanePrecedentiQuinquennio: conteggio.precedenti,
      settimanePeriodo: conteggio.periodo,
      aliquoteRidotte: riduzione.applicabile,
      conteggio,
    });
    importo = c.importoCentesimi;
    calcolo = { ...c.esito, quote: c.quote, riduzione: riduzione.esito.messaggio };
  } catch (e) {
    if (!(e instanceof RangeError) && !(e instanceof ParametroNonDisponibile)) throw e;
    calcolo = { messaggio: `Contributo addizionale non calcolato: ${e.message}.` };
  }
  await d
    .insert(contributiAddizionali)
    .values({ provvedimentoId, importoCentesimi: importo, retribuzionePersaCentesimi: retribuzionePersa, calcolo })
    .onConflictDoUpdate({
      target: contributiAddizionali.provvedimentoId,
      set: { importoCentesimi: importo, retribuzionePersaCentesimi: retribuzionePersa, calcolo, aggiornatoIl: new Date() },
    });
}

/** Dopo l'accoglienza di un flusso: abbina subito le sue denunce (l'attore è il sistema, non chi ha inviato il file). */
export async function abbinaDopoAccoglienza(flussoId: number): Promise<void> {
  try {
    await abbinaDenunce(attoreSistema("abbinamento-flussi"), { flussoId });
  } catch (e) {
    // Il flusso resta accolto: l'abbinamento si ripete dalla scrivania o dal job (le denunce restano da abbinare).
    await scriviAudit(db(), {
      azione: "abbinamento_denunce_cig", oggettoTipo: "flusso_cig", oggettoId: flussoId, esito: "errore",
      dettagli: { sistema: "abbinamento-flussi", errore: e instanceof Error ? e.message.slice(0, 200) : "sconosciuto" },
    });
  }
}
