// Ricevere un flusso UniEmens-Cig: leggerlo come flusso di byte (./lettura.server.ts), controllare ogni denuncia con
// le regole del modulo (~/domain/flussi/controlli.ts) e accogliere le buone, scartare le altre con il loro codice. Il
// contesto dei controlli viene dagli archivi a lotti di denunce; le regole che dipendono da altri flussi (chiave unica,
// ore autorizzate cumulate) sono rilette dentro la transazione del lotto, sotto un lock per ticket, così due flussi
// inviati insieme non superano mai insieme le ore autorizzate né accolgono due volte la stessa denuncia. La prova
// ("verifica senza inviare") fa gli stessi controlli e non scrive nulla. Chi invia agisce per le aziende di cui è
// legale rappresentante o per cui ha una delega valida (modulo di autorizzazione).
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { db } from "#db/connection";
import {
  aziende,
  denunceCig,
  domandaLavoratori,
  domande,
  flussiCig,
  lavoratori,
  provvedimenti,
  provvedimentiLavoratori,
  rapportiLavoro,
  scartiFlussoCig,
  unitaProduttive,
} from "#db/schema";
import { creaVerificaFlusso, eErrore, type ContestoFlussi, type DomandaDelTicket, type EsitoDenuncia } from "~/domain/flussi/controlli";
import { chiaveDenuncia, type DenunciaCig, type Segnalazione } from "~/domain/flussi/denuncia";
import { MAPPATURA_IN_USO } from "~/domain/flussi/mappatura";
import { leggiRisposte } from "~/passi";
import type { Persona } from "../accesso.server";
import { scriviAudit } from "../audit.server";
import { puoAgire } from "../autorizzazione.server";
import type { Transazione } from "../domande.server";
import { oggi as oggiPiattaforma } from "../orologio.server";
import { abbinaDopoAccoglienza } from "../pagamenti/abbinamento.server";
import { riuscito, type Risultato } from "../risultato";
import { leggiFlussoCsv, leggiFlussoXml, type OpzioniLettura, type VoceFlusso } from "./lettura.server";

/** Denunce controllate e scritte insieme: una transazione e una lettura degli archivi per lotto. */
const LOTTO = 500;
/** Scarti restituiti nel rapporto in memoria (la prova); quelli di un invio sono tutti nella tabella. */
const SCARTI_NEL_RAPPORTO = 1_000;
/** Lock class of a ticket: the acceptance of a batch and the withdrawal of a return take it (./eliminazione.server.ts). */
export const BLOCCO_TICKET = 8201;

export interface ScartoFlusso {
  riga: number;
  codice: string;
  messaggio: string;
}

export interface RapportoFlusso {
  /** Null per una prova: non si scrive nulla. */
  flussoId: number | null;
  prova: boolean;
  denunce: number;
  accolte: number;
  scartate: number;
  conAvvisi: number;
  /** Le prime segnalazioni delle righe scartate e gli avvisi di quelle accolte, in ordine di riga. */
  scarti: ScartoFlusso[];
  avvisi: ScartoFlusso[];
  /** Il file ha smesso di essere leggibile a questa riga: le denunce precedenti restano valutate. */
  interrotto: ScartoFlusso | null;
}

export interface FileFlusso {
  nome: string;
  formato: "xml" | "csv";
  contenuto: AsyncIterable<Uint8Array | string>;
}

interface FattiLotto {
  matricole: Map<string, "abilitata" | "sconosciuta" | "non_delegata">;
  aziendaDiMatricola: Map<string, number>;
  domande: Map<string, (DomandaDelTicket & { domandaId: number }) | null>;
  rapporti: Map<string, Array<{ up: string; assunzione: string; cessazione: string | null }>>;
  iban: Map<string, string | null>;
}

function nuoviFatti(): FattiLotto {
  return { matricole: new Map(), aziendaDiMatricola: new Map(), domande: new Map(), rapporti: new Map(), iban: new Map() };
}

/** Carica dagli archivi ciò che manca per le denunce del lotto (le risposte restano per i lotti seguenti). */
async function caricaFatti(attore: Persona, lotto: readonly DenunciaCig[], f: FattiLotto): Promise<void> {
  const d = db();
  const matricole = [...new Set(lotto.map((x) => x.matricola))].filter((m) => !f.matricole.has(m));
  if (matricole.length) {
    const righe = await d.select().from(aziende).where(inArray(aziende.matricola, matricole));
    for (const m of matricole) {
      const azienda = righe.find((r) => r.matricola === m);
      if (!azienda) f.matricole.set(m, "sconosciuta");
      else {
        f.aziendaDiMatricola.set(m, azienda.id);
        f.matricole.set(m, (await puoAgire(attore, "invia_flusso", azienda)) ? "abilitata" : "non_delegata");
      }
    }
  }
  const ticket = [...new Set(lotto.flatMap((x) => (x.ticket ? [x.ticket] : [])))].filter((t) => !f.domande.has(t));
  if (ticket.length) {
    const righe = await d
      .select({ domanda: domande, matricola: aziende.matricola })
      .from(domande)
      .innerJoin(aziende, eq(aziende.id, domande.aziendaId))
      .where(and(inArray(domande.ticket, ticket), sql`${domande.stato} <> 'bozza'`));
    const ids = righe.map((r) => r.domanda.id);
    const richiesti = ids.length ? await d.select().from(domandaLavoratori).where(inArray(domandaLavoratori.domandaId, ids)) : [];
    const atti = ids.length ? await d.select().from(provvedimenti).where(inArray(provvedimenti.domandaId, ids)) : [];
    // L'atto in vigore: quello che nessuna rettifica ha corretto.
    const rettificati = new Set(atti.flatMap((a) => (a.rettificaDi ? [a.rettificaDi] : [])));
    const vigenti = atti.filter((a) => !rettificati.has(a.id));
    const autorizzati = vigenti.length
      ? await d.select().from(provvedimentiLavoratori).where(inArray(provvedimentiLavoratori.provvedimentoId, vigenti.map((a) => a.id)))
      : [];
    for (const t of ticket) {
      const r = righe.find((x) => x.domanda.ticket === t);
      if (!r || r.matricola === null || !r.domanda.dataInizio || !r.domanda.dataFine) {
        f.domande.set(t, null);
        continue;
      }
      const risposte = leggiRisposte(r.domanda.dati);
      const atto = vigenti.find((a) => a.domandaId === r.domanda.id) ?? null;
      const autorizzata = atto && atto.esito !== "respinta" && atto.periodoInizio && atto.periodoFine && atto.oreAutorizzate;
      f.domande.set(t, {
        domandaId: r.domanda.id,
        ticket: t,
        matricola: r.matricola,
        unitaProduttiva: String(r.domanda.unitaProduttivaId ?? ""),
        // Un rigetto chiude il pagamento diretto: nessuna denuncia è più accolta su quel ticket.
        pagamentoDiretto: risposte.pagamento?.modalita === "diretto" && atto?.esito !== "respinta" && (atto?.modalitaPagamento ?? "diretto") === "diretto",
        periodoRichiesto: { inizio: r.domanda.dataInizio, fine: r.domanda.dataFine },
        lavoratoriRichiesti: new Set(richiesti.filter((l) => l.domandaId === r.domanda.id).map((l) => l.codiceFiscale)),
        autorizzazione: autorizzata
          ? {
              periodo: { inizio: atto.periodoInizio!, fine: atto.periodoFine! },
              // Le ore del provvedimento sono ore intere; i flussi contano in centesimi.
              oreAutorizzateCentesimi: atto.oreAutorizzate! * 100,
              lavoratori: new Set(autorizzati.filter((l) => l.provvedimentoId === atto.id).map((l) => l.codiceFiscale)),
              notificataIl: atto.dataDecisione,
            }
          : null,
      });
    }
  }
  const cf = [...new Set(lotto.map((x) => x.cfLavoratore))].filter((c) => !f.rapporti.has(c));
  if (cf.length) {
    const righe = await d
      .select({ cf: lavoratori.codiceFiscale, iban: lavoratori.iban, up: rapportiLavoro.unitaProduttivaId, assunzione: rapportiLavoro.dataAssunzione, cessazione: rapportiLavoro.dataCessazione })
      .from(lavoratori)
      .leftJoin(rapportiLavoro, eq(rapportiLavoro.lavoratoreId, lavoratori.id))
      .leftJoin(unitaProduttive, eq(unitaProduttive.id, rapportiLavoro.unitaProduttivaId))
      .where(inArray(lavoratori.codiceFiscale, cf));
    for (const c of cf) {
      const suoi = righe.filter((r) => r.cf === c);
      f.iban.set(c, suoi[0]?.iban ?? null);
      f.rapporti.set(c, suoi.flatMap((r) => (r.up === null || r.assunzione === null ? [] : [{ up: String(r.up), assunzione: r.assunzione, cessazione: r.cessazione }])));
    }
  }
}

function contesto(f: FattiLotto, oggi: string, chiaveGiaPresente: (k: string) => boolean, oreGiaAccolteCentesimi: (t: string) => number): ContestoFlussi {
  return {
    oggi,
    matricolaAbilitata: (m) => f.matricole.get(m) ?? "sconosciuta",
    domandaDelTicket: (t) => f.domande.get(t) ?? null,
    inForza: (cf, _matricola, up, competenza) => {
      const inizio = `${competenza}-01`;
      const fine = `${competenza}-31`;
      return (f.rapporti.get(cf) ?? []).some((r) => r.up === up && r.assunzione <= fine && (r.cessazione === null || r.cessazione >= inizio));
    },
    ibanRegistrato: (cf) => f.iban.get(cf) ?? null,
    chiaveGiaPresente,
    oreGiaAccolteCentesimi,
  };
}

/** Chiavi già accolte e ore già accolte per ticket, lette dagli archivi (dentro la transazione del lotto, se c'è). */
async function statoAccolte(esegui: Transazione | ReturnType<typeof db>, lotto: readonly DenunciaCig[]) {
  const chiavi = lotto.map(chiaveDenuncia);
  const ticket = [...new Set(lotto.flatMap((x) => (x.ticket ? [x.ticket] : [])))];
  const presenti = chiavi.length
    ? await esegui.select({ chiave: denunceCig.chiave }).from(denunceCig).where(and(inArray(denunceCig.chiave, chiavi), isNull(denunceCig.eliminataIl)))
    : [];
  const ore = ticket.length
    ? await esegui
        .select({ ticket: denunceCig.ticket, ore: sql<string>`sum(${denunceCig.oreCentesimi})` })
        .from(denunceCig)
        .where(and(inArray(denunceCig.ticket, ticket), isNull(denunceCig.eliminataIl)))
        .groupBy(denunceCig.ticket)
    : [];
  return { chiavi: new Set(presenti.map((p) => p.chiave)), ore: new Map(ore.map((o) => [o.ticket, Number(o.ore)])) };
}

/**
 * Controlla un flusso e, se non è una prova, accoglie le denunce corrette. Il file è letto una volta, a lotti; le
 * denunce accolte in un lotto non cambiano più (una transazione per lotto).
 */
export async function riceviFlusso(attore: Persona, file: FileFlusso, opzioni: { prova: boolean } & OpzioniLettura): Promise<Risultato<RapportoFlusso>> {
  const oggi = oggiPiattaforma();
  const d = db();
  const rapporto: RapportoFlusso = { flussoId: null, prova: opzioni.prova, denunce: 0, accolte: 0, scartate: 0, conAvvisi: 0, scarti: [], avvisi: [], interrotto: null };
  if (!opzioni.prova) {
    const [f] = await d
      .insert(flussiCig)
      .values({ inviatoDa: attore.utente.id, ruolo: attore.ruolo, nomeFile: file.nome.slice(0, 255), formato: file.formato, versioneSchema: MAPPATURA_IN_USO.versione, stato: "in_corso" })
      .returning({ id: flussiCig.id });
    rapporto.flussoId = f.id;
  }
  const fatti = nuoviFatti();
  // Le ore accolte da questo file per ticket: gli archivi le contengono già dal lotto in cui sono state scritte,
  // mentre la verifica del file le ricorda da sé; agli archivi si chiedono solo quelle degli altri flussi.
  const oreDiQuestoFile = new Map<string, number>();
  const chiaviDiQuestoFile = new Set<string>();
  let statoPerContesto: { chiavi: Set<string>; ore: Map<string, number> } = { chiavi: new Set(), ore: new Map() };
  const verifica = creaVerificaFlusso(
    contesto(
      fatti,
      oggi,
      (k) => statoPerContesto.chiavi.has(k) && !chiaviDiQuestoFile.has(k),
      (t) => (statoPerContesto.ore.get(t) ?? 0) - (oreDiQuestoFile.get(t) ?? 0),
    ),
  );

  const registra = (e: EsitoDenuncia) => {
    rapporto.denunce++;
    if (e.accolta) {
      rapporto.accolte++;
      if (e.segnalazioni.length) {
        rapporto.conAvvisi++;
        for (const s of e.segnalazioni) if (rapporto.avvisi.length < SCARTI_NEL_RAPPORTO) rapporto.avvisi.push({ riga: e.riga, codice: s.codice, messaggio: s.messaggio });
      }
    } else {
      rapporto.scartate++;
      for (const s of e.segnalazioni.filter(eErrore)) if (rapporto.scarti.length < SCARTI_NEL_RAPPORTO) rapporto.scarti.push({ riga: e.riga, codice: s.codice, messaggio: s.messaggio });
    }
  };

  const elaboraLotto = async (lotto: Array<{ riga: number; denuncia: DenunciaCig | null; segnalazioni: Segnalazione[] }>) => {
    const lette = lotto.flatMap((x) => (x.denuncia ? [x.denuncia] : []));
    await caricaFatti(attore, lette, fatti);
    const esegui = async (tx: Transazione | ReturnType<typeof db>) => {
      statoPerContesto = await statoAccolte(tx, lette);
      const esiti: Array<{ esito: EsitoDenuncia; denuncia: DenunciaCig | null }> = lotto.map((x) =>
        x.denuncia
          ? { esito: verifica(x.denuncia), denuncia: x.denuncia }
          : { esito: { riga: x.riga, chiave: "", accolta: false, segnalazioni: x.segnalazioni, oreCentesimi: 0 }, denuncia: null },
      );
      if (rapporto.flussoId !== null) {
        const accolte = esiti.filter((x) => x.esito.accolta && x.denuncia);
        if (accolte.length) {
          await tx.insert(denunceCig).values(
            accolte.map(({ esito, denuncia }) => ({
              flussoId: rapporto.flussoId!,
              riga: esito.riga,
              chiave: esito.chiave,
              aziendaId: fatti.aziendaDiMatricola.get(denuncia!.matricola)!,
              domandaId: fatti.domande.get(denuncia!.ticket!)!.domandaId,
              ticket: denuncia!.ticket!,
              codiceFiscale: denuncia!.cfLavoratore,
              competenza: `${denuncia!.competenza}-01`,
              oreCentesimi: esito.oreCentesimi,
              iban: denuncia!.iban!,
              dati: denuncia as unknown as Record<string, unknown>,
              avvisi: esito.segnalazioni.map((s) => ({ codice: s.codice, messaggio: s.messaggio })),
            })),
          );
        }
        const scarti = esiti.filter((x) => !x.esito.accolta).flatMap((x) => x.esito.segnalazioni.filter(eErrore).map((s) => ({ flussoId: rapporto.flussoId!, riga: x.esito.riga, codice: s.codice, messaggio: s.messaggio })));
        if (scarti.length) await tx.insert(scartiFlussoCig).values(scarti);
      }
      return esiti;
    };
    const esiti =
      rapporto.flussoId === null
        ? await esegui(d)
        : await d.transaction(async (tx) => {
            // In ordine di ticket, così due flussi non si aspettano mai a vicenda.
            const ticket = [...new Set(lette.flatMap((x) => (x.ticket ? [x.ticket] : [])))].sort();
            for (const t of ticket) await tx.execute(sql`select pg_advisory_xact_lock(${BLOCCO_TICKET}::int, hashtext(${t}))`);
            return esegui(tx);
          });
    for (const { esito, denuncia } of esiti) {
      registra(esito);
      if (esito.accolta && denuncia?.ticket) {
        chiaviDiQuestoFile.add(esito.chiave);
        oreDiQuestoFile.set(denuncia.ticket, (oreDiQuestoFile.get(denuncia.ticket) ?? 0) + esito.oreCentesimi);
      }
    }
  };

  const voci: AsyncGenerator<VoceFlusso> = file.formato === "xml" ? leggiFlussoXml(file.contenuto, opzioni) : leggiFlussoCsv(file.contenuto, opzioni);
  let lotto: Array<{ riga: number; denuncia: DenunciaCig | null; segnalazioni: Segnalazione[] }> = [];
  for await (const v of voci) {
    if (v.tipo === "fatale") {
      rapporto.interrotto = { riga: v.riga, codice: v.segnalazione.codice, messaggio: v.segnalazione.messaggio };
      break;
    }
    lotto.push(v.lettura.ok ? { riga: v.lettura.denuncia.riga, denuncia: v.lettura.denuncia, segnalazioni: [] } : { riga: v.lettura.riga, denuncia: null, segnalazioni: v.lettura.segnalazioni });
    if (lotto.length >= LOTTO) {
      await elaboraLotto(lotto);
      lotto = [];
    }
  }
  if (lotto.length) await elaboraLotto(lotto);

  if (rapporto.flussoId !== null) {
    await d.transaction(async (tx) => {
      await tx
        .update(flussiCig)
        .set({
          stato: rapporto.interrotto ? "interrotto" : "completato",
          denunce: rapporto.denunce, accolte: rapporto.accolte, scartate: rapporto.scartate, conAvvisi: rapporto.conAvvisi,
          completatoIl: new Date(),
        })
        .where(eq(flussiCig.id, rapporto.flussoId!));
      if (rapporto.interrotto) {
        await tx.insert(scartiFlussoCig).values({ flussoId: rapporto.flussoId!, riga: rapporto.interrotto.riga, codice: rapporto.interrotto.codice, messaggio: rapporto.interrotto.messaggio });
      }
      await scriviAudit(tx, {
        utenteId: attore.utente.id, ruolo: attore.ruolo, azione: "invio_flusso_cig", oggettoTipo: "flusso_cig", oggettoId: rapporto.flussoId!, esito: "ok",
        dettagli: { nomeFile: file.nome.slice(0, 255), denunce: rapporto.denunce, accolte: rapporto.accolte, scartate: rapporto.scartate, interrotto: rapporto.interrotto !== null },
      });
    });
  }
  // Le denunce accolte sono abbinate subito alle autorizzazioni e i loro importi calcolati (operatori: pagamenti).
  if (rapporto.flussoId !== null && rapporto.accolte > 0) await abbinaDopoAccoglienza(rapporto.flussoId);
  rapporto.scarti.sort((a, b) => a.riga - b.riga);
  return riuscito(rapporto);
}
