// L'abbinamento automatico delle denunce UniEmens-Cig accolte alle autorizzazioni e il calcolo degli importi: per ogni
// denuncia accolta e non ancora abbinata, il provvedimento in vigore della domanda del suo ticket (regola pura in
// ~/domain/pagamenti/abbinamento.ts), l'importo del lavoratore per il mese (~/domain/importi.ts) e le eccezioni che
// aspettano una persona (~/domain/pagamenti/eccezioni.ts); poi il contributo addizionale di ogni autorizzazione
// toccata. Lo chiama il flusso appena accolto e lo può chiamare un job (attore di sistema) per le denunce accolte prima
// della decisione. Idempotente: un importo per denuncia (indice unico), uno vivo per chiave di denuncia, gli
// inserimenti in conflitto sono saltati; due esecuzioni insieme danno lo stesso risultato di una.
import { and, eq, inArray, isNotNull, isNull, notInArray, sql } from "drizzle-orm";
import { db, istruzione } from "#db/connection";
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

/**
 * A return still to match, with only what the matching uses: of its stored model (dati) the pay, the contractual hours
 * and the name, not the days (a row of a flow is read by this loop 100,000 times).
 */
type Candidata = {
  /** bigint: a string from postgres.js. */
  id: number | string;
  chiave: string;
  aziendaId: number;
  domandaId: number;
  ticket: string;
  codiceFiscale: string;
  competenza: string;
  oreCentesimi: number;
  iban: string;
  avvisi: Array<{ codice: string }>;
  matricola: string | null;
  // From dati: absent in the rows written before the field existed (RetribOraria).
  retribOrariaCentesimi: unknown;
  retribTeoricaCentesimi: unknown;
  orarioContrattualeCentesimi: number | null;
  nome: string | null;
  cognome: string | null;
};

const ph = sql.placeholder;

// The window's returns with what the matching uses, their ids as one array parameter (drizzle's inArray sent 500
// parameters and built the statement each time; its mapping read every row's whole model with its days). Whether a
// return is still live and already has an amount are columns, not conditions: as a condition `eliminata_il is null`
// let the planner, on the statistics of a table a large flow had just filled, intersect the pk lookup with the whole
// partial index of live returns (every flow's, ~13 ms a window at 80,000 returns), and the anti-join with importi_cig
// could become a scan of it; as columns each row costs one probe of the unique index.
const righeDellaFinestra = istruzione<Candidata & { viva: boolean; abbinata: number | null }>("abbinamento_candidate", () =>
  sql`select d.id, d.chiave, d.azienda_id as "aziendaId", d.domanda_id as "domandaId", d.ticket, d.codice_fiscale as "codiceFiscale",
        d.competenza::text as competenza, d.ore_centesimi as "oreCentesimi", d.iban, d.avvisi, a.matricola,
        d.dati->'retribOrariaCentesimi' as "retribOrariaCentesimi", d.dati->'retribTeoricaCentesimi' as "retribTeoricaCentesimi",
        d.dati->'orarioContrattualeCentesimi' as "orarioContrattualeCentesimi", d.dati->>'nome' as nome, d.dati->>'cognome' as cognome,
        d.eliminata_il is null as viva, (select 1 from ${importiCig} i where i.denuncia_id = d.id) as abbinata
      from ${denunceCig} d
      join ${aziende} a on a.id = d.azienda_id
      where d.id = any(${ph("ids")}::bigint[])
      order by d.id`,
  // Planned for each window's ids (db/connection.ts, istruzione): kept from calls on a near-empty table, PostgreSQL's
  // generic plan for `= any($1)` is a sequential scan filtered by the whole array (seen on an empty database).
  { pianoPerIValori: true },
);
const registroLavoratori = istruzione<{ cf: string; iban: string | null; titolarePensione: boolean; trattenuteGiudiziali: boolean; nome: string; cognome: string }>(
  "abbinamento_registro",
  () => sql`select codice_fiscale as cf, iban, titolare_pensione as "titolarePensione", trattenute_giudiziali as "trattenuteGiudiziali", nome, cognome
      from ${lavoratori} where codice_fiscale = any(${ph("cf")}::text[])`,
  { pianoPerIValori: true },
);
// A window's amounts in one statement (they were inserted one at a time); in conflict (matched by another run, or the
// key's amount still live) a row is skipped, as before.
const inserisciImporti = istruzione<{ denuncia: number | string }>("abbinamento_importi", () =>
  sql`insert into ${importiCig} (denuncia_id, chiave, provvedimento_id, domanda_id, azienda_id, sede_codice, codice_fiscale, nominativo,
        competenza, iban, ore_centesimi, retribuzione_persa_centesimi, lordo_centesimi, lordo_limitato_centesimi, riduzione_centesimi,
        netto_centesimi, calcolo, stato, eccezioni)
      select denuncia, chiave, provvedimento, domanda, azienda, sede, cf, nominativo, competenza, iban, ore, persa, lordo, limitato,
        riduzione, netto, calcolo, stato, eccezioni
      from json_to_recordset(${ph("righe")}::text::json)
        as r(denuncia bigint, chiave text, provvedimento int, domanda int, azienda int, sede text, cf text, nominativo text, competenza date,
          iban text, ore int, persa bigint, lordo bigint, limitato bigint, riduzione bigint, netto bigint, calcolo jsonb, stato text, eccezioni jsonb)
      on conflict do nothing
      returning denuncia_id as denuncia`,
);
const importiDelleDenunce = istruzione<{ denuncia: number | string }>("abbinamento_importi_esistenti", () =>
  sql`select denuncia_id as denuncia from ${importiCig} where denuncia_id = any(${ph("ids")}::bigint[])`,
  // importi_cig is empty before the first flow is matched: the generic plan made then scanned it all for every window.
  { pianoPerIValori: true },
);

/** La retribuzione come la porta la denuncia: oraria se c'è, altrimenti mensile (RetribTeorica), altrimenti nessuna. */
function retribuzioneDi(dati: Pick<Candidata, "retribOrariaCentesimi" | "retribTeoricaCentesimi">): RetribuzioneFlusso | null {
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
    // Live (one may have been withdrawn since the window was read) and not yet matched.
    const candidate = (await righeDellaFinestra(d, { ids: finestra.map((f) => f.id) })).filter((r) => r.viva && r.abbinata === null);
    if (candidate.length === 0) continue;

    await d.transaction(async (tx) => {
      const perDomanda = await domandeDi(tx, [...new Set(candidate.map((c) => c.domandaId))]);
      // What each return comes to, in id order: matched ones wait for their insert's answer.
      const esiti: Array<{ id: number; abbinata: boolean; motivo?: string }> = [];
      const abbinate: Array<{ c: Candidata; domanda: DomandaPerAbbinamento; attoId: number }> = [];
      for (const c of candidate) {
        const id = Number(c.id);
        visti.add(id);
        const domanda = perDomanda.get(c.domandaId)!;
        const a = abbina({ ticket: c.ticket, matricola: c.matricola ?? "", codiceFiscale: c.codiceFiscale, competenza: c.competenza }, domanda.matricola, domanda.atti);
        if (a.tipo === "in_attesa") {
          esito.inAttesa++;
          continue;
        }
        if (a.tipo === "non_abbinabile") {
          esiti.push({ id, abbinata: false, motivo: a.motivo });
          continue;
        }
        esiti.push({ id, abbinata: true });
        abbinate.push({ c, domanda, attoId: a.atto.id });
      }
      const inseriti = new Set<number>();
      const giaAbbinate = new Set<number>();
      if (abbinate.length) {
        // The registry's facts only for the workers of the matched returns (none while the authorisation waits).
        const registro = new Map(
          (await registroLavoratori(tx, { cf: [...new Set(abbinate.map((x) => x.c.codiceFiscale))] })).map((l) => [l.cf, l]),
        );
        const righe = abbinate.map(({ c, domanda, attoId }) => {
          const retribuzione = retribuzioneDi(c);
          let calcolo: ReturnType<typeof calcolaIntegrazioneMese> | null = null;
          if (retribuzione) {
            try {
              calcolo = calcolaIntegrazioneMese({
                prestazione: domanda.prestazione,
                competenza: c.competenza,
                retribuzione,
                orarioSettimanaleCentesimi: c.orarioContrattualeCentesimi ?? 0,
                oreIntegrateCentesimi: c.oreCentesimi,
                intemperie: massimaleIntemperie(domanda.perMassimale, c.competenza),
              });
            } catch (e) {
              if (!(e instanceof ParametroNonDisponibile) && !(e instanceof RangeError)) throw e;
            }
          }
          const lavoratore = registro.get(c.codiceFiscale);
          const eccezioni = eccezioniPagamento({
            ibanDenuncia: c.iban,
            ibanRegistrato: lavoratore?.iban ?? null,
            avvisiDenuncia: c.avvisi.map((x) => x.codice),
            titolarePensione: lavoratore?.titolarePensione ?? false,
            trattenuteGiudiziali: lavoratore?.trattenuteGiudiziali ?? false,
            retribuzione,
            calcoloPossibile: calcolo !== null,
          });
          return {
            denuncia: Number(c.id),
            chiave: c.chiave,
            provvedimento: attoId,
            domanda: domanda.id,
            azienda: c.aziendaId,
            sede: domanda.sedeCodice,
            cf: c.codiceFiscale,
            nominativo: lavoratore ? `${lavoratore.nome} ${lavoratore.cognome}` : `${c.nome ?? ""} ${c.cognome ?? ""}`.trim() || c.codiceFiscale,
            competenza: c.competenza,
            iban: c.iban,
            ore: c.oreCentesimi,
            persa: calcolo?.retribuzionePersaCentesimi ?? 0,
            lordo: calcolo?.lordoCentesimi ?? 0,
            limitato: calcolo?.lordoLimitatoCentesimi ?? 0,
            riduzione: calcolo?.riduzioneCentesimi ?? 0,
            netto: calcolo?.nettoCentesimi ?? 0,
            calcolo: calcolo ? { ...calcolo.esito, massimaleLordoCentesimi: calcolo.massimaleLordoCentesimi, massimaleNettoCentesimi: calcolo.massimaleNettoCentesimi } : { messaggio: "Importo non calcolato." },
            stato: eccezioni.length ? "eccezione" : "approvato",
            eccezioni,
          };
        });
        for (const r of await inserisciImporti(tx, { righe: JSON.stringify(righe) })) inseriti.add(Number(r.denuncia));
        for (const r of righe) {
          if (inseriti.has(r.denuncia)) {
            esito.abbinate++;
            if (r.eccezioni.length) esito.conEccezioni++;
            attiToccati.add(r.provvedimento);
          }
        }
        const saltate = righe.filter((r) => !inseriti.has(r.denuncia)).map((r) => r.denuncia);
        // Another run matched it already, or the same key has a live amount (paid or in a batch).
        if (saltate.length) for (const r of await importiDelleDenunce(tx, { ids: saltate })) giaAbbinate.add(Number(r.denuncia));
      }
      for (const e of esiti) {
        if (!e.abbinata) esito.nonAbbinabili.push({ denunciaId: e.id, motivo: e.motivo! });
        else if (!inseriti.has(e.id) && !giaAbbinate.has(e.id)) {
          esito.nonAbbinabili.push({ denunciaId: e.id, motivo: "Per la stessa denuncia (lavoratore, mese, qualifiche) c'è già un importo in pagamento o pagato." });
        }
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
