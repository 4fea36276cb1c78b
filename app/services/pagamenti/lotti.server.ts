// I lotti di pagamento della Sede: gli importi approvati e non ancora in un lotto, riuniti nel giorno in un file SEPA
// pain.001.001.03 (~/domain/pagamenti/sepa.ts). Stati: preparato → approvato da un SECONDO operatore (quattro occhi:
// mai chi l'ha preparato; lo vieta anche un vincolo del database) → inviato. Niente si paga due volte: un importo sta in
// un solo lotto (colonna lotto_id, passata da null a un lotto solo se l'importo è ancora «approvato»), la preparazione
// di una sede è serializzata da un lock, e un importo vivo è unico per denuncia e per chiave di denuncia. Il file è
// scritto alla preparazione e non cambia più (trigger della migrazione 0009).
import { createHash } from "node:crypto";
import { and, desc, eq, inArray, isNull, max, sql } from "drizzle-orm";
import { db } from "#db/connection";
import { denunceCig, importiCig, lottiPagamento, provvedimenti, utenti, type LottoPagamento } from "#db/schema";
import { oggiRoma } from "~/domain/date";
import { testoSepa, totaleDisposizioni, xmlPain001, type Disposizione } from "~/domain/pagamenti/sepa";
import type { Contesto } from "../accesso.server";
import { scriviAudit } from "../audit.server";
import { eSistema, puoAgireSuSede, type Attore } from "../autorizzazione.server";
import { adesso as adessoPiattaforma } from "../orologio.server";
import { conflitto, nonTrovato, nonValido, riuscito, type Risultato } from "../risultato";
import { storicoEsiti, type EsitoDiBonifico } from "./esiti-banca.server";

const BLOCCO_LOTTI = 8202;

/**
 * Il conto da cui l'INPS paga. Dimostrativo: l'IBAN di esempio dei documenti bancari, da sostituire con
 * OMNIA_SEPA_IBAN_ORDINANTE (e il BIC con OMNIA_SEPA_BIC_ORDINANTE) nell'ambiente di produzione.
 */
export function ordinante(env = process.env) {
  return {
    nome: "INPS - Istituto nazionale della previdenza sociale",
    iban: env.OMNIA_SEPA_IBAN_ORDINANTE ?? "IT60X0542811101000000123456",
    bic: env.OMNIA_SEPA_BIC_ORDINANTE ?? null,
  };
}

export const MESSAGGI_LOTTI = {
  quattroOcchi: "Il lotto deve essere approvato da un operatore diverso da chi l'ha preparato (controllo a quattro occhi).",
  niente: "Non ci sono importi approvati da pagare per questa sede.",
} as const;

function operatore(attore: Attore): attore is Contesto {
  return !eSistema(attore) && attore.ruolo === "operatore_sede";
}

export interface LottoPreparato {
  lottoId: number;
  disposizioni: number;
  totaleCentesimi: number;
}

/**
 * Prepara il lotto del giorno della sede con tutti gli importi approvati non ancora in un lotto. Null se non ce ne
 * sono (chiamarla due volte non fa un secondo lotto degli stessi importi).
 */
export async function preparaLotto(attore: Attore, sedeCodice: string, ora: Date = adessoPiattaforma()): Promise<Risultato<LottoPreparato | null>> {
  if (!operatore(attore) || !(await puoAgireSuSede(attore, "lavora_pagamenti", sedeCodice))) return nonTrovato;
  const giorno = oggiRoma(ora);
  return db().transaction(async (tx) => {
    // Una preparazione per sede alla volta: il progressivo del giorno e gli importi presi non si contendono.
    await tx.execute(sql`select pg_advisory_xact_lock(${BLOCCO_LOTTI}::int, hashtext(${sedeCodice}))`);
    // Alike abbinamento.server.ts's query (duplicates): the same joins, but this one selects the amounts of a Sede's
    // batch under its lock
    const righe = await tx
      .select({ importo: importiCig, numero: provvedimenti.numero })
      .from(importiCig)
      .innerJoin(denunceCig, eq(denunceCig.id, importiCig.denunciaId))
      .innerJoin(provvedimenti, eq(provvedimenti.id, importiCig.provvedimentoId))
      .where(
        and(
          eq(importiCig.sedeCodice, sedeCodice),
          eq(importiCig.stato, "approvato"),
          isNull(importiCig.lottoId),
          isNull(denunceCig.eliminataIl),
          sql`${importiCig.nettoCentesimi} > 0`,
        ),
      )
      .orderBy(importiCig.id)
      .for("update", { of: importiCig });
    if (righe.length === 0) return riuscito(null);
    const [{ ultimo }] = await tx
      .select({ ultimo: max(lottiPagamento.progressivo) })
      .from(lottiPagamento)
      .where(and(eq(lottiPagamento.sedeCodice, sedeCodice), eq(lottiPagamento.giorno, giorno)));
    const progressivo = (ultimo ?? 0) + 1;
    const messaggioId = `OMNIA-${sedeCodice}-${giorno.replace(/-/g, "")}-${String(progressivo).padStart(2, "0")}`;
    const disposizioni: Disposizione[] = righe.map(({ importo, numero }) => ({
      id: `OMNIA-IMP-${importo.id}`,
      importoCentesimi: importo.nettoCentesimi,
      iban: importo.iban,
      beneficiario: importo.nominativo,
      causale: testoSepa(`Integrazione salariale ${importo.competenza.slice(0, 7)} aut. ${numero} CF ${importo.codiceFiscale}`, 140),
    }));
    const xml = xmlPain001({
      messaggioId,
      creatoIl: ora.toISOString().slice(0, 19),
      dataEsecuzione: giorno,
      ordinante: ordinante(),
      disposizioni,
    });
    const totale = totaleDisposizioni(disposizioni);
    const [lotto] = await tx
      .insert(lottiPagamento)
      .values({
        sedeCodice, giorno, progressivo, messaggioId, disposizioni: disposizioni.length, totaleCentesimi: totale, xml,
        xmlSha256: createHash("sha256").update(xml).digest("hex"), preparatoDa: attore.utente.id, preparatoIl: ora,
      })
      .returning({ id: lottiPagamento.id });
    const presi = await tx
      .update(importiCig)
      .set({ stato: "in_lotto", lottoId: lotto.id })
      .where(and(inArray(importiCig.id, righe.map((r) => r.importo.id)), eq(importiCig.stato, "approvato"), isNull(importiCig.lottoId)))
      .returning({ id: importiCig.id });
    // Sotto il lock e con le righe bloccate non può accadere: se accadesse, nessun file con importi altrui.
    if (presi.length !== righe.length) throw new Error("importi cambiati durante la preparazione del lotto");
    await scriviAudit(tx, {
      utenteId: attore.utente.id, ruolo: attore.ruolo, azione: "prepara_lotto_pagamento", oggettoTipo: "lotto_pagamento", oggettoId: lotto.id, esito: "ok",
      dettagli: { sede: sedeCodice, giorno, progressivo, disposizioni: disposizioni.length, totaleCentesimi: totale },
    });
    return riuscito({ lottoId: lotto.id, disposizioni: disposizioni.length, totaleCentesimi: totale });
  });
}

async function lottoDi(attore: Attore, lottoId: number, azione: "vedi_pagamenti" | "lavora_pagamenti"): Promise<LottoPagamento | null> {
  if (!Number.isSafeInteger(lottoId)) return null;
  const [lotto] = await db().select().from(lottiPagamento).where(eq(lottiPagamento.id, lottoId));
  if (!lotto || !(await puoAgireSuSede(attore, azione, lotto.sedeCodice))) return null;
  return lotto;
}

/** Approva un lotto preparato da un altro operatore (quattro occhi). */
export async function approvaLotto(attore: Attore, lottoId: number, ora: Date = adessoPiattaforma()): Promise<Risultato> {
  if (!operatore(attore)) return nonTrovato;
  const lotto = await lottoDi(attore, lottoId, "lavora_pagamenti");
  if (!lotto) return nonTrovato;
  if (lotto.preparatoDa === attore.utente.id) {
    await scriviAudit(db(), {
      utenteId: attore.utente.id, ruolo: attore.ruolo, azione: "approva_lotto_pagamento", oggettoTipo: "lotto_pagamento", oggettoId: lotto.id, esito: "negato",
      dettagli: { motivo: "quattro_occhi" },
    });
    return nonValido({}, [MESSAGGI_LOTTI.quattroOcchi]);
  }
  return db().transaction(async (tx) => {
    const aggiornati = await tx
      .update(lottiPagamento)
      .set({ stato: "approvato", approvatoDa: attore.utente.id, approvatoIl: ora })
      .where(and(eq(lottiPagamento.id, lotto.id), eq(lottiPagamento.stato, "preparato"), sql`${lottiPagamento.preparatoDa} <> ${attore.utente.id}`))
      .returning({ id: lottiPagamento.id });
    if (aggiornati.length === 0) return conflitto;
    await scriviAudit(tx, {
      utenteId: attore.utente.id, ruolo: attore.ruolo, azione: "approva_lotto_pagamento", oggettoTipo: "lotto_pagamento", oggettoId: lotto.id, esito: "ok",
      dettagli: { preparatoDa: lotto.preparatoDa, disposizioni: lotto.disposizioni, totaleCentesimi: lotto.totaleCentesimi, xmlSha256: lotto.xmlSha256 },
    });
    return riuscito();
  });
}

/** Segna inviato alla banca un lotto approvato: i suoi importi risultano pagati. */
export async function segnaLottoInviato(attore: Attore, lottoId: number, ora: Date = adessoPiattaforma()): Promise<Risultato> {
  if (!operatore(attore)) return nonTrovato;
  const lotto = await lottoDi(attore, lottoId, "lavora_pagamenti");
  if (!lotto) return nonTrovato;
  return db().transaction(async (tx) => {
    const aggiornati = await tx
      .update(lottiPagamento)
      .set({ stato: "inviato", inviatoDa: attore.utente.id, inviatoIl: ora })
      .where(and(eq(lottiPagamento.id, lotto.id), eq(lottiPagamento.stato, "approvato")))
      .returning({ id: lottiPagamento.id });
    if (aggiornati.length === 0) return conflitto;
    await tx.update(importiCig).set({ stato: "pagato" }).where(and(eq(importiCig.lottoId, lotto.id), eq(importiCig.stato, "in_lotto")));
    await scriviAudit(tx, {
      utenteId: attore.utente.id, ruolo: attore.ruolo, azione: "invia_lotto_pagamento", oggettoTipo: "lotto_pagamento", oggettoId: lotto.id, esito: "ok",
      dettagli: { disposizioni: lotto.disposizioni, totaleCentesimi: lotto.totaleCentesimi, xmlSha256: lotto.xmlSha256 },
    });
    return riuscito();
  });
}

/** Il file SEPA del lotto, come è stato preparato. */
export async function fileLotto(attore: Attore, lottoId: number): Promise<{ nome: string; xml: string } | null> {
  const lotto = await lottoDi(attore, lottoId, "vedi_pagamenti");
  if (!lotto) return null;
  return { nome: `${lotto.messaggioId}.xml`, xml: lotto.xml };
}

export interface RigaLotto {
  id: number;
  codiceFiscale: string;
  nominativo: string;
  competenza: string;
  iban: string;
  nettoCentesimi: number;
  numero: string;
}

export interface DettaglioLotto {
  lotto: Omit<LottoPagamento, "xml">;
  preparatoDa: string;
  approvatoDa: string | null;
  inviatoDa: string | null;
  righe: RigaLotto[];
  /** Gli esiti della banca per bonifico, anche dei respinti usciti dal lotto. */
  esiti: EsitoDiBonifico[];
}

/** Il lotto con le sue disposizioni, per la pagina della scrivania. */
export async function dettaglioLotto(attore: Attore, lottoId: number): Promise<DettaglioLotto | null> {
  const lotto = await lottoDi(attore, lottoId, "vedi_pagamenti");
  if (!lotto) return null;
  const righe = await db()
    .select({
      id: importiCig.id, codiceFiscale: importiCig.codiceFiscale, nominativo: importiCig.nominativo, competenza: importiCig.competenza,
      iban: importiCig.iban, nettoCentesimi: importiCig.nettoCentesimi, numero: provvedimenti.numero,
    })
    .from(importiCig)
    .innerJoin(provvedimenti, eq(provvedimenti.id, importiCig.provvedimentoId))
    .where(eq(importiCig.lottoId, lotto.id))
    .orderBy(importiCig.id);
  const nomi = await nomiUtenti([lotto.preparatoDa, lotto.approvatoDa, lotto.inviatoDa]);
  const { xml: _xml, ...senzaXml } = lotto;
  return {
    lotto: senzaXml,
    preparatoDa: nomi.get(lotto.preparatoDa) ?? "",
    approvatoDa: lotto.approvatoDa ? (nomi.get(lotto.approvatoDa) ?? "") : null,
    inviatoDa: lotto.inviatoDa ? (nomi.get(lotto.inviatoDa) ?? "") : null,
    righe,
    esiti: await storicoEsiti({ lottoId: lotto.id }),
  };
}

async function nomiUtenti(ids: Array<number | null>): Promise<Map<number, string>> {
  const validi = [...new Set(ids.filter((x): x is number => x !== null))];
  if (!validi.length) return new Map();
  const righe = await db().select({ id: utenti.id, nome: utenti.nome, cognome: utenti.cognome }).from(utenti).where(inArray(utenti.id, validi));
  return new Map(righe.map((r) => [r.id, `${r.nome} ${r.cognome}`]));
}

/** I lotti delle sedi indicate, dal più recente. */
export async function lottiDelleSedi(sedi: string[] | null, limite = 50) {
  return db()
    .select({
      id: lottiPagamento.id, sedeCodice: lottiPagamento.sedeCodice, giorno: lottiPagamento.giorno, progressivo: lottiPagamento.progressivo,
      messaggioId: lottiPagamento.messaggioId, stato: lottiPagamento.stato, disposizioni: lottiPagamento.disposizioni,
      totaleCentesimi: lottiPagamento.totaleCentesimi, preparatoDa: lottiPagamento.preparatoDa,
    })
    .from(lottiPagamento)
    .where(sedi === null ? undefined : inArray(lottiPagamento.sedeCodice, sedi.length ? sedi : ["----"]))
    .orderBy(desc(lottiPagamento.id))
    .limit(limite);
}
