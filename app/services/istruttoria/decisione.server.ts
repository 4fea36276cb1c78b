// The decision on a case and its correction (docs/regole.md §16, §18): the operator authorises, authorises in part
// (fewer weeks, hours, days or workers, each with its reason) or rejects, always with a motivazione (art. 11 c.1 D.M.
// 95442/2016, msg INPS 1396/2018). One transaction on the case's row lock: the state machine (decidi / rettifica), the
// version the operator saw (of two operators one wins, the other gets a conflict), the rules of
// app/domain/istruttoria/decisione.ts re-checked on the requests read under the lock (a rejection for lack of elements
// only after a supplemento istruttorio closed, answered or expired), a new final act with a unique authorisation
// number linked to the ticket, its structured data and its PDF, the timeline and the audit log. A correction
// (rettifica) is a new act linked to the one it corrects, never a change of it.
import { createHash } from "node:crypto";
import { asc, desc, eq, inArray } from "drizzle-orm";
import {
  domandaLavoratori,
  domande,
  lavoratori,
  provvedimenti,
  provvedimentiLavoratori,
  richiesteIstruttoria,
  sedi,
  unitaProduttive,
  type Domanda,
  type Provvedimento,
} from "#db/schema";
import { db } from "#db/connection";
import { formatDataItaliana as it, oggiRoma, type DataISO, type Intervallo } from "~/domain/date";
import { trovaCausale } from "~/domain/causali";
import {
  contenutoProvvedimento,
  ETICHETTE_ESITO_DECISIONE,
  motivazioneSuggerita,
  terminiRicorso,
  verificaDecisione,
  type ControlloIstruttoria,
  type DecisioneProposta,
  type Esclusione,
  type EsitoDecisione,
  type ModalitaPagamento,
  type RichiestaIstruttoria,
  type RichiestoDallaDomanda,
} from "~/domain/istruttoria";
import { verificaTerminePresentazione } from "~/domain/termini-presentazione";
import type { Fondo } from "~/domain/tipi";
import type { Persona } from "../accesso.server";
import { domandaAutorizzata, eSistema, type Attore } from "../autorizzazione.server";
import type { DomandaCaricata, Transazione } from "../domande.server";
import { adesso as adessoPiattaforma } from "../orologio.server";
import { lavoratoriDomanda, type LavoratoreRiepilogo } from "../riepilogo.server";
import { conflitto, nonTrovato, nonValido, riuscito, type Risultato } from "../risultato";
import { auditAttore, casoBloccato, eventoAttore, richiestaDominio } from "./comuni.server";
import { controlliDelCaso } from "./controlli.server";
import { generaPdfProvvedimento } from "./provvedimento-pdf.server";

/** What the operator decides, as the form sends it (already parsed). */
export interface InputDecisione {
  esito: EsitoDecisione;
  motivazione: string;
  perCarenzaElementi: boolean;
  periodo: Intervallo | null;
  oreAutorizzate: number | null;
  /** Workers excluded, each with its reason. */
  esclusi: Array<{ codiceFiscale: string; motivo: string }>;
  giorniEsclusi: DataISO[];
  motivoGiorni: string;
  motivoPeriodo: string;
  motivoOre: string;
  modalitaPagamento: ModalitaPagamento | null;
}

export interface ContestoDecisione {
  richiesto: RichiestoDallaDomanda;
  lavoratori: LavoratoreRiepilogo[];
  richieste: RichiestaIstruttoria[];
  controlli: ControlloIstruttoria[];
  tardiva: boolean;
}

function inviataIl(domanda: Domanda): DataISO {
  return oggiRoma(domanda.inviataIl ?? domanda.creataIl);
}

async function richiesteDomino(lettore: Pick<Transazione, "select">, domandaId: number): Promise<RichiestaIstruttoria[]> {
  const righe = await lettore
    .select()
    .from(richiesteIstruttoria)
    .where(eq(richiesteIstruttoria.domandaId, domandaId))
    .orderBy(asc(richiesteIstruttoria.id));
  return righe.map(richiestaDominio);
}

/**
 * What the domanda asked, as the decision rules read it (period, hours, workers, days, the first coverable day of a
 * late domanda, the payment method), the workers' names, the requests to the company and the automatic checks (the
 * desk's, by the same rules of the form on the data as sent) for the suggested motivazione.
 */
export async function contestoDecisione(caricata: DomandaCaricata): Promise<ContestoDecisione> {
  const { domanda, risposte } = caricata;
  const periodo = risposte.periodo;
  if (!periodo) throw new Error(`domanda ${domanda.id} senza periodo`);
  const termine = verificaTerminePresentazione({
    prestazione: domanda.prestazione,
    eone: periodo.eone,
    inizioSospensione: periodo.dataInizio,
    fineSospensione: periodo.dataFine,
    dataPresentazione: inviataIl(domanda),
  });
  const [elenco, richieste, controlli] = await Promise.all([
    lavoratoriDomanda(domanda.id),
    richiesteDomino(db(), domanda.id),
    controlliDelCaso(caricata),
  ]);
  return {
    richiesto: {
      periodo: { inizio: periodo.dataInizio, fine: periodo.dataFine },
      oreRichieste: periodo.oreRichieste,
      lavoratori: elenco.map((l) => l.codiceFiscale),
      giorni: periodo.meteo && periodo.giorni?.length ? periodo.giorni : null,
      inizioCopertura: termine.inizioCopertura,
      modalitaPagamento: risposte.pagamento?.modalita === "diretto" ? "diretto" : "conguaglio",
    },
    lavoratori: elenco,
    richieste,
    controlli,
    tardiva: termine.tardiva,
  };
}

/** The rules' proposal from the form: what is authorised follows from what is excluded. */
export function proposta(input: InputDecisione, richiesto: RichiestoDallaDomanda): DecisioneProposta {
  if (input.esito === "respinta") {
    return { esito: "respinta", motivazione: input.motivazione, esclusioni: [], perCarenzaElementi: input.perCarenzaElementi };
  }
  const esclusi = new Set(input.esclusi.map((e) => e.codiceFiscale));
  const esclusioni: Esclusione[] = input.esclusi.map((e) => ({ tipo: "lavoratore", codiceFiscale: e.codiceFiscale, motivo: e.motivo }));
  const giorniEsclusi = richiesto.giorni ? input.giorniEsclusi.filter((g) => richiesto.giorni!.includes(g)) : [];
  if (giorniEsclusi.length) esclusioni.push({ tipo: "giorni", giorni: giorniEsclusi, motivo: input.motivoGiorni });
  const p = input.periodo;
  const inizioMinimo = richiesto.inizioCopertura > richiesto.periodo.inizio ? richiesto.inizioCopertura : richiesto.periodo.inizio;
  if (p && input.motivoPeriodo.trim() && (p.inizio > inizioMinimo || p.fine < richiesto.periodo.fine)) {
    esclusioni.push({ tipo: "periodo", motivo: input.motivoPeriodo });
  }
  if (input.oreAutorizzate !== null && input.motivoOre.trim() && input.oreAutorizzate < richiesto.oreRichieste) {
    esclusioni.push({ tipo: "ore", motivo: input.motivoOre });
  }
  return {
    esito: input.esito,
    motivazione: input.motivazione,
    periodo: p,
    oreAutorizzate: input.oreAutorizzate,
    lavoratori: richiesto.lavoratori.filter((cf) => !esclusi.has(cf)),
    giorni: richiesto.giorni ? richiesto.giorni.filter((g) => !giorniEsclusi.includes(g)) : null,
    esclusioni,
    modalitaPagamento: input.modalitaPagamento ?? richiesto.modalitaPagamento,
  };
}

/** The suggested motivazione for the chosen outcome and exclusions (the operator edits it). */
export function suggerimento(contesto: ContestoDecisione, caricata: DomandaCaricata, input: InputDecisione, oggi: DataISO): string {
  const p = proposta(input, contesto.richiesto);
  return motivazioneSuggerita({
    esito: input.esito,
    prestazione: caricata.domanda.prestazione,
    fondo: (caricata.domanda.fondoCodice?.toUpperCase() as Fondo) ?? null,
    causale: trovaCausale(caricata.risposte.periodo?.causale ?? "")?.etichetta ?? caricata.risposte.periodo?.causale ?? "",
    periodoRichiesto: contesto.richiesto.periodo,
    periodoAutorizzato: p.periodo ?? null,
    controlli: contesto.controlli,
    esclusioni: p.esclusioni,
    richieste: contesto.richieste,
    nominativi: Object.fromEntries(contesto.lavoratori.map((l) => [l.codiceFiscale, l.nominativo])),
    oggi,
  });
}

/** Field names of the decision form for each rule's field (GOV.UK: the summary links to the field). */
function erroriPerCampo(input: InputDecisione, errori: ReturnType<typeof verificaDecisione>): Record<string, string[]> {
  const campi: Record<string, string[]> = {};
  const aggiungi = (campo: string, m: string) => (campi[campo] ??= []).includes(m) || campi[campo].push(m);
  for (const e of errori) {
    switch (e.campo) {
      case "periodo":
        aggiungi("dataInizio", e.messaggio);
        break;
      case "lavoratori":
        aggiungi("esclusi", e.messaggio);
        break;
      case "giorni":
        aggiungi("giorniEsclusi", e.messaggio);
        break;
      case "esclusioni": {
        const senza = input.esclusi.find((x) => !x.motivo.trim());
        if (/periodo/.test(e.messaggio)) aggiungi("motivoPeriodo", e.messaggio);
        else if (/ore/.test(e.messaggio) && !/lavorator|giorn/.test(e.messaggio)) aggiungi("motivoOre", e.messaggio);
        else if (/giorn/.test(e.messaggio)) aggiungi("motivoGiorni", e.messaggio);
        else if (senza) aggiungi(`motivo-${senza.codiceFiscale}`, "Indica il motivo dell'esclusione di questo lavoratore");
        else aggiungi("esclusi", e.messaggio);
        break;
      }
      default:
        aggiungi(e.campo, e.messaggio);
    }
  }
  return campi;
}

export interface AttoEmesso {
  provvedimentoId: number;
  numero: string;
  versione: number;
}

/** Checks a decision without issuing it (the confirmation page): the same rules the issuing runs again. */
export async function verificaProposta(caricata: DomandaCaricata, input: InputDecisione, adesso: Date = adessoPiattaforma()) {
  const contesto = await contestoDecisione(caricata);
  const errori = verificaDecisione(proposta(input, contesto.richiesto), contesto.richiesto, { richieste: contesto.richieste, oggi: oggiRoma(adesso) });
  return errori.length ? nonValido(erroriPerCampo(input, errori)) : riuscito(contesto);
}

async function emetti(
  attore: Attore,
  transizione: "decidi" | "rettifica",
  domandaId: number,
  versioneAttesa: number,
  input: InputDecisione,
  adesso: Date,
): Promise<Risultato<AttoEmesso>> {
  if (eSistema(attore) || attore.ruolo !== "operatore_sede") return nonTrovato;
  const caricata = await domandaAutorizzata(attore, "istruisci_domanda", domandaId);
  if (!caricata) return nonTrovato;
  const ctx: Persona = attore;
  const contesto = await contestoDecisione(caricata);
  const oggi = oggiRoma(adesso);
  const azione = transizione === "decidi" ? "decidi_domanda" : "rettifica_decisione";
  return db().transaction(async (tx) => {
    const caso = await casoBloccato(tx, attore, domandaId, transizione, azione, versioneAttesa, input.esito);
    if (!caso) return conflitto;
    // The rejection rule reads the requests: read again under the case's lock, as they are now.
    const richieste = await richiesteDomino(tx, domandaId);
    const p = proposta(input, contesto.richiesto);
    const errori = verificaDecisione(p, contesto.richiesto, { richieste, oggi });
    if (errori.length) return nonValido(erroriPerCampo(input, errori));
    const precedenti = await tx
      .select({ id: provvedimenti.id, numero: provvedimenti.numero, dataDecisione: provvedimenti.dataDecisione })
      .from(provvedimenti)
      .where(eq(provvedimenti.domandaId, domandaId))
      .orderBy(desc(provvedimenti.id));
    const corretto = transizione === "rettifica" ? (precedenti[0] ?? null) : null;
    if (transizione === "rettifica" && !corretto) return conflitto;
    const ticket = caso.ticket ?? caso.protocollo ?? String(domandaId);
    const numero = `${ticket}-${String(precedenti.length + 1).padStart(2, "0")}`;
    const [sede] = caso.sedeCodice ? await tx.select().from(sedi).where(eq(sedi.codice, caso.sedeCodice)) : [];
    const [unita] = caso.unitaProduttivaId
      ? await tx.select().from(unitaProduttive).where(eq(unitaProduttive.id, caso.unitaProduttivaId))
      : [];
    const nominativi = Object.fromEntries(contesto.lavoratori.map((l) => [l.codiceFiscale, l.nominativo]));
    const autorizzati = p.esito === "respinta" ? [] : [...(p.lavoratori ?? [])];
    const contenuto = contenutoProvvedimento({
      numero,
      protocollo: caso.protocollo ?? "",
      ticket,
      dataDecisione: oggi,
      sede: sede ? `${sede.nome}` : "Sede INPS",
      azienda: { ragioneSociale: caricata.azienda.ragioneSociale, codiceFiscale: caricata.azienda.codiceFiscale, matricola: caricata.azienda.matricola },
      unitaProduttiva: unita ? `${unita.denominazione}, ${unita.comune}` : "non indicata",
      prestazione: caso.prestazione,
      fondo: (caso.fondoCodice?.toUpperCase() as Fondo) ?? null,
      causale: trovaCausale(caricata.risposte.periodo?.causale ?? "")?.etichetta ?? caricata.risposte.periodo?.causale ?? "",
      esito: p.esito,
      periodoRichiesto: contesto.richiesto.periodo,
      periodo: p.periodo ?? null,
      giorni: p.giorni ?? null,
      oreAutorizzate: p.oreAutorizzate ?? null,
      lavoratori: autorizzati.map((cf) => ({ codiceFiscale: cf, nominativo: nominativi[cf] ?? cf })),
      modalitaPagamento: p.esito === "respinta" ? null : (p.modalitaPagamento ?? null),
      esclusioni: p.esclusioni,
      nominativi,
      motivazione: p.motivazione.trim(),
      rettificaDi: corretto ? { numero: corretto.numero, data: corretto.dataDecisione } : null,
    });
    const pdf = await generaPdfProvvedimento(contenuto, { numero, data: adesso });
    const [atto] = await tx
      .insert(provvedimenti)
      .values({
        domandaId,
        numero,
        ticket,
        esito: p.esito,
        motivazione: p.motivazione.trim(),
        perCarenzaElementi: p.esito === "respinta" && Boolean(p.perCarenzaElementi),
        periodoInizio: p.esito === "respinta" ? null : (p.periodo?.inizio ?? null),
        periodoFine: p.esito === "respinta" ? null : (p.periodo?.fine ?? null),
        giorni: p.esito === "respinta" ? null : (p.giorni ? [...p.giorni] : null),
        oreAutorizzate: p.esito === "respinta" ? null : (p.oreAutorizzate ?? null),
        modalitaPagamento: p.esito === "respinta" ? null : (p.modalitaPagamento ?? null),
        esclusioni: p.esclusioni as unknown[],
        rettificaDi: corretto?.id ?? null,
        sedeCodice: caso.sedeCodice,
        dataDecisione: oggi,
        decisoDa: ctx.utente.id,
        decisoIl: adesso,
        pdf: Buffer.from(pdf),
        pdfSha256: createHash("sha256").update(pdf).digest("hex"),
      })
      .returning({ id: provvedimenti.id });
    if (autorizzati.length) {
      const ids = await tx
        .select({ cf: domandaLavoratori.codiceFiscale, id: domandaLavoratori.lavoratoreId })
        .from(domandaLavoratori)
        .where(eq(domandaLavoratori.domandaId, domandaId));
      const perCf = new Map(ids.map((r) => [r.cf, r.id]));
      await tx.insert(provvedimentiLavoratori).values(
        autorizzati.map((cf) => ({ provvedimentoId: atto.id, codiceFiscale: cf, lavoratoreId: perCf.get(cf) ?? null })),
      );
    }
    const [aggiornata] = await tx
      .update(domande)
      .set({ stato: p.esito, decisaIl: adesso, aggiornataIl: adesso, termineSospesoDal: null, versione: caso.versione + 1 })
      .where(eq(domande.id, domandaId))
      .returning({ versione: domande.versione });
    const etichetta = ETICHETTE_ESITO_DECISIONE[p.esito].toLowerCase();
    await eventoAttore(
      tx, attore, domandaId, transizione === "decidi" ? "decisa" : "rettificata",
      transizione === "decidi"
        ? `Domanda ${etichetta}: provvedimento n. ${numero}`
        : `Provvedimento n. ${corretto!.numero} rettificato dal provvedimento n. ${numero}: domanda ${etichetta}`,
    );
    await auditAttore(tx, attore, azione, domandaId, "ok", {
      provvedimento: atto.id,
      numero,
      esito: p.esito,
      statoPrecedente: caso.stato,
      rettificaDi: corretto?.id ?? null,
      esclusioni: p.esclusioni.length,
      perCarenzaElementi: Boolean(p.perCarenzaElementi),
    });
    return riuscito({ provvedimentoId: atto.id, numero, versione: aggiornata.versione });
  });
}

/** Decides a case in istruttoria. */
export function decidiDomanda(attore: Attore, domandaId: number, versioneAttesa: number, input: InputDecisione, adesso: Date = adessoPiattaforma()) {
  return emetti(attore, "decidi", domandaId, versioneAttesa, input, adesso);
}

/** Corrects the latest act of a decided case with a new act linked to it. */
export function rettificaDecisione(attore: Attore, domandaId: number, versioneAttesa: number, input: InputDecisione, adesso: Date = adessoPiattaforma()) {
  return emetti(attore, "rettifica", domandaId, versioneAttesa, input, adesso);
}

export interface AttoElencato {
  id: number;
  numero: string;
  esito: EsitoDecisione;
  etichettaEsito: string;
  dataDecisione: DataISO;
  motivazione: string;
  periodo: Intervallo | null;
  giorni: DataISO[] | null;
  oreAutorizzate: number | null;
  modalitaPagamento: ModalitaPagamento | null;
  lavoratoriAutorizzati: number;
  /** Each exclusion in words, with its reason. */
  esclusioni: string[];
  rettificaDi: { id: number; numero: string } | null;
  rettificatoDa: { id: number; numero: string } | null;
  ricorso: { ammesso: boolean; scadenza: DataISO | null; messaggio: string };
}

function esclusioneInParole(e: Esclusione, nominativi: ReadonlyMap<string, string>): string {
  switch (e.tipo) {
    case "lavoratore":
      return `${nominativi.get(e.codiceFiscale) ?? e.codiceFiscale} (${e.codiceFiscale}) escluso: ${e.motivo}`;
    case "giorni":
      return `Giorni non autorizzati ${e.giorni.map(it).join(", ")}: ${e.motivo}`;
    case "periodo":
      return `Periodo ridotto: ${e.motivo}`;
    case "ore":
      return `Ore ridotte: ${e.motivo}`;
  }
}

/** The acts of a case, newest first, as both sides read them. The caller has authorised the reader. */
export async function attiDellaDomanda(domanda: Pick<Domanda, "id" | "prestazione">, oggi: DataISO = oggiRoma(adessoPiattaforma())): Promise<AttoElencato[]> {
  const righe = await db()
    .select({
      id: provvedimenti.id,
      numero: provvedimenti.numero,
      esito: provvedimenti.esito,
      dataDecisione: provvedimenti.dataDecisione,
      motivazione: provvedimenti.motivazione,
      periodoInizio: provvedimenti.periodoInizio,
      periodoFine: provvedimenti.periodoFine,
      giorni: provvedimenti.giorni,
      oreAutorizzate: provvedimenti.oreAutorizzate,
      modalitaPagamento: provvedimenti.modalitaPagamento,
      esclusioni: provvedimenti.esclusioni,
      rettificaDi: provvedimenti.rettificaDi,
    })
    .from(provvedimenti)
    .where(eq(provvedimenti.domandaId, domanda.id))
    .orderBy(desc(provvedimenti.id));
  if (righe.length === 0) return [];
  const conteggi = await db()
    .select({ id: provvedimentiLavoratori.provvedimentoId, cf: provvedimentiLavoratori.codiceFiscale })
    .from(provvedimentiLavoratori)
    .where(inArray(provvedimentiLavoratori.provvedimentoId, righe.map((r) => r.id)));
  const esclusiCf = righe.flatMap((r) => (r.esclusioni as Esclusione[]).flatMap((e) => (e.tipo === "lavoratore" ? [e.codiceFiscale] : [])));
  const nomi = esclusiCf.length
    ? new Map(
        (await db().select().from(lavoratori).where(inArray(lavoratori.codiceFiscale, esclusiCf))).map((l) => [l.codiceFiscale, `${l.cognome} ${l.nome}`]),
      )
    : new Map<string, string>();
  const perId = new Map(righe.map((r) => [r.id, r]));
  return righe.map((r) => {
    const rettificante = righe.find((x) => x.rettificaDi === r.id);
    const ricorso = terminiRicorso({ prestazione: domanda.prestazione, decisione: r.esito, dataNotifica: r.dataDecisione, oggi });
    return {
      id: r.id,
      numero: r.numero,
      esito: r.esito,
      etichettaEsito: ETICHETTE_ESITO_DECISIONE[r.esito],
      dataDecisione: r.dataDecisione,
      motivazione: r.motivazione,
      periodo: r.periodoInizio && r.periodoFine ? { inizio: r.periodoInizio, fine: r.periodoFine } : null,
      giorni: r.giorni,
      oreAutorizzate: r.oreAutorizzate,
      modalitaPagamento: r.modalitaPagamento,
      lavoratoriAutorizzati: conteggi.filter((c) => c.id === r.id).length,
      esclusioni: (r.esclusioni as Esclusione[]).map((e) => esclusioneInParole(e, nomi)),
      rettificaDi: r.rettificaDi ? { id: r.rettificaDi, numero: perId.get(r.rettificaDi)?.numero ?? "" } : null,
      rettificatoDa: rettificante ? { id: rettificante.id, numero: rettificante.numero } : null,
      ricorso: { ammesso: ricorso.ammesso, scadenza: ricorso.scadenza, messaggio: ricorso.esito.messaggio },
    };
  });
}

/** The PDF of one act of the case (the latest when no id is given), as issued. */
export async function pdfProvvedimento(domandaId: number, provvedimentoId?: number): Promise<Pick<Provvedimento, "numero" | "pdf"> | null> {
  const [riga] = await db()
    .select({ numero: provvedimenti.numero, pdf: provvedimenti.pdf, domandaId: provvedimenti.domandaId, id: provvedimenti.id })
    .from(provvedimenti)
    .where(provvedimentoId ? eq(provvedimenti.id, provvedimentoId) : eq(provvedimenti.domandaId, domandaId))
    .orderBy(desc(provvedimenti.id))
    .limit(1);
  if (!riga || riga.domandaId !== domandaId) return null;
  return { numero: riga.numero, pdf: riga.pdf };
}

