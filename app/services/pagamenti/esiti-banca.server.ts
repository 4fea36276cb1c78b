// L'esito della banca per un lotto inviato (pain.002.001.03): letto in streaming (esito-banca-lettura.server.ts),
// applicato con le regole pure (~/domain/pagamenti/esito-banca.ts) in una transazione sotto il lock del lotto. Le
// disposizioni pagate restano «pagato» con l'esito; le respinte escono dal lotto e tornano tra le eccezioni per una
// persona (codice rifiuto_banca, con il motivo della banca); il lotto passa a «esito ricevuto» (pagato, pagato in parte,
// respinto) quando ogni disposizione ha un esito. Lo stesso file due volte non cambia nulla (hash del file per lotto).
// Quattro occhi come per i lotti: registra l'esito un operatore della sede diverso da chi ha preparato il lotto.
// Dopo la lettura il file è validato con lo schema ufficiale pain.002.001.03 (esito-banca-schema.server.ts).
import { createHash } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { db } from "#db/connection";
import { esitiBanca, esitiBonifico, importiCig, lottiPagamento, utenti } from "#db/schema";
import { applicaEsitoBanca, type DisposizioneDelLotto } from "~/domain/pagamenti/esito-banca";
import { scriviAudit } from "../audit.server";
import { eSistema, puoAgireSuSede, type Attore } from "../autorizzazione.server";
import { adesso as adessoPiattaforma } from "../orologio.server";
import { dataOraRoma } from "../riepilogo.server";
import { conflitto, nonTrovato, nonValido, riuscito, type Risultato } from "../risultato";
import { leggiEsitoBanca } from "./esito-banca-lettura.server";
import { validaSchemaPain002 } from "./esito-banca-schema.server";

export const MESSAGGI_ESITI = {
  quattroOcchi: "L'esito della banca deve essere registrato da un operatore diverso da chi ha preparato il lotto (controllo a quattro occhi).",
  nonInviato: "Il lotto non è stato ancora inviato alla banca: non può avere un esito.",
} as const;

export interface EsitoRegistrato {
  ripetuto: boolean;
  pagate: number;
  respinte: number;
  inCorso: number;
  statoLotto: "pagato" | "pagato_in_parte" | "respinto" | "in_corso";
}

/** Registra l'esito della banca `contenuto` (i byte del file) per il lotto. */
export async function registraEsitoBanca(
  attore: Attore,
  lottoId: number,
  file: { nome: string; contenuto: AsyncIterable<Uint8Array> },
  ora: Date = adessoPiattaforma(),
): Promise<Risultato<EsitoRegistrato>> {
  if (eSistema(attore) || attore.ruolo !== "operatore_sede" || !Number.isSafeInteger(lottoId)) return nonTrovato;
  const [lotto] = await db().select().from(lottiPagamento).where(eq(lottiPagamento.id, lottoId));
  if (!lotto || !(await puoAgireSuSede(attore, "lavora_pagamenti", lotto.sedeCodice))) return nonTrovato;
  const audit = (esito: "ok" | "negato" | "errore", dettagli: Record<string, unknown>) =>
    scriviAudit(db(), { utenteId: attore.utente.id, ruolo: attore.ruolo, azione: "registra_esito_banca", oggettoTipo: "lotto_pagamento", oggettoId: lotto.id, esito, dettagli });
  if (lotto.preparatoDa === attore.utente.id) {
    await audit("negato", { motivo: "quattro_occhi" });
    return nonValido({ file: MESSAGGI_ESITI.quattroOcchi });
  }
  if (lotto.stato !== "inviato" && lotto.stato !== "esito_ricevuto") return nonValido({ file: MESSAGGI_ESITI.nonInviato });

  const hash = createHash("sha256");
  // Kept for the schema check, which needs the whole document: the reader stops at LIMITI_ESITO.byte, so this is bounded.
  const pezzi: Uint8Array[] = [];
  async function* conHash(): AsyncGenerator<Uint8Array> {
    for await (const pezzo of file.contenuto) {
      hash.update(pezzo);
      pezzi.push(pezzo);
      yield pezzo;
    }
  }
  const rifiuta = async (e: { riga: number; messaggio: string }) => {
    await audit("errore", { file: file.nome.slice(0, 200), riga: e.riga, errore: e.messaggio });
    return nonValido({ file: `Il file non è stato registrato: ${e.messaggio}` });
  };
  const letto = await leggiEsitoBanca(conHash());
  if (!letto.ok) return rifiuta(letto);
  // After the streaming read, which refuses DOCTYPE and entities: xmllint never sees one.
  const schema = await validaSchemaPain002(Buffer.concat(pezzi));
  pezzi.length = 0;
  if (!schema.ok) return rifiuta(schema);
  const sha256 = hash.digest("hex");

  return db().transaction(async (tx) => {
    const [bloccato] = await tx.select().from(lottiPagamento).where(eq(lottiPagamento.id, lotto.id)).for("update");
    if (bloccato.stato !== "inviato" && bloccato.stato !== "esito_ricevuto") return conflitto;
    const [gia] = await tx.select().from(esitiBanca).where(and(eq(esitiBanca.lottoId, lotto.id), eq(esitiBanca.sha256, sha256)));
    if (gia) {
      // The same file again: nothing to apply, even if a rejected transfer has since been paid in another batch.
      await scriviAudit(tx, {
        utenteId: attore.utente.id, ruolo: attore.ruolo, azione: "registra_esito_banca", oggettoTipo: "lotto_pagamento", oggettoId: lotto.id, esito: "ok",
        dettagli: { file: file.nome.slice(0, 200), sha256, ripetuto: true, cambi: 0 },
      });
      const statoLotto = bloccato.esito ?? "in_corso";
      return riuscito({ ripetuto: true, pagate: gia.pagate, respinte: gia.respinte, inCorso: 0, statoLotto });
    }
    // The transfers of the batch: those still in it and those a previous report took out (rejected); their recorded
    // outcome in this batch comes from the history, so a transfer paid since in another batch still counts here.
    const inLotto = await tx.select({ id: importiCig.id }).from(importiCig).where(eq(importiCig.lottoId, lotto.id)).for("update");
    const registrati = await tx.select({ importoId: esitiBonifico.importoId, esito: esitiBonifico.esito }).from(esitiBonifico).where(eq(esitiBonifico.lottoId, lotto.id));
    const esitoDi = new Map(registrati.map((r) => [r.importoId, r.esito]));
    const ids = [...new Set([...inLotto.map((r) => r.id), ...esitoDi.keys()])].sort((a, b) => a - b);
    const disposizioni: DisposizioneDelLotto[] = ids.map((id) => ({ endToEndId: `OMNIA-IMP-${id}`, importoId: id, esito: esitoDi.get(id) ?? null }));
    const applicato = applicaEsitoBanca({ messaggioId: lotto.messaggioId, disposizioni }, letto.esito);
    if (!applicato.ok) {
      await scriviAudit(tx, {
        utenteId: attore.utente.id, ruolo: attore.ruolo, azione: "registra_esito_banca", oggettoTipo: "lotto_pagamento", oggettoId: lotto.id, esito: "errore",
        dettagli: { file: file.nome.slice(0, 200), sha256, errori: applicato.errori.slice(0, 20) },
      });
      return nonValido({ file: `Il file non è stato registrato: ${applicato.errori.slice(0, 5).join(" ")}` });
    }
    const risultato: EsitoRegistrato = { ripetuto: false, pagate: applicato.pagate, respinte: applicato.respinte, inCorso: applicato.inCorso, statoLotto: applicato.statoLotto };
    if (applicato.cambi.length === 0) {
      // Another file with nothing new (e.g. only pending transfers, or outcomes already recorded): nothing written.
      await scriviAudit(tx, {
        utenteId: attore.utente.id, ruolo: attore.ruolo, azione: "registra_esito_banca", oggettoTipo: "lotto_pagamento", oggettoId: lotto.id, esito: "ok",
        dettagli: { file: file.nome.slice(0, 200), sha256, ripetuto: true, cambi: 0 },
      });
      return riuscito({ ...risultato, ripetuto: true });
    }
    const [registrato] = await tx
      .insert(esitiBanca)
      .values({ lottoId: lotto.id, messaggioId: letto.esito.messaggioId.slice(0, 35), nomeFile: file.nome.slice(0, 200), sha256, pagate: applicato.pagate, respinte: applicato.respinte, registratoDa: attore.utente.id, registratoIl: ora })
      .returning({ id: esitiBanca.id });
    // The history first: one row per transfer and batch, the amount's esito_banca below is its latest, in step.
    await tx.insert(esitiBonifico).values(
      applicato.cambi.map((c) => ({
        importoId: c.importoId, lottoId: lotto.id, esitoId: registrato.id, esito: c.esito, stato: c.stato, motivo: c.motivo, descrizione: c.descrizione,
        registratoDa: attore.utente.id, registratoIl: ora,
      })),
    );
    for (const c of applicato.cambi) {
      const esitoBanca = { lottoId: lotto.id, esitoId: registrato.id, esito: c.esito, stato: c.stato, motivo: c.motivo, descrizione: c.descrizione };
      if (c.esito === "pagato") {
        await tx.update(importiCig).set({ esitoBanca }).where(eq(importiCig.id, c.importoId));
      } else {
        // Back to a person: out of the batch (a new batch may pay it once approved), with the bank's reason.
        await tx
          .update(importiCig)
          .set({
            esitoBanca, stato: "eccezione", lottoId: null, risoltoDa: null, risoltoIl: null, motivoRisoluzione: null,
            eccezioni: sql`${importiCig.eccezioni} || ${JSON.stringify([{ codice: "rifiuto_banca", messaggio: `La banca ha respinto il bonifico: ${c.descrizione}.` }])}::jsonb`,
          })
          .where(eq(importiCig.id, c.importoId));
      }
    }
    await tx
      .update(lottiPagamento)
      .set({ esito: applicato.statoLotto, stato: applicato.statoLotto === "in_corso" ? "inviato" : "esito_ricevuto" })
      .where(eq(lottiPagamento.id, lotto.id));
    await scriviAudit(tx, {
      utenteId: attore.utente.id, ruolo: attore.ruolo, azione: "registra_esito_banca", oggettoTipo: "lotto_pagamento", oggettoId: lotto.id, esito: "ok",
      dettagli: {
        file: file.nome.slice(0, 200), sha256, messaggioBanca: letto.esito.messaggioId, esitoLotto: applicato.statoLotto,
        pagate: applicato.cambi.filter((c) => c.esito === "pagato").length, respinte: applicato.cambi.filter((c) => c.esito === "respinto").map((c) => ({ importo: c.importoId, motivo: c.motivo })),
      },
    });
    return riuscito(risultato);
  });
}

export interface EsitoDiBonifico {
  importoId: number;
  nominativo: string;
  codiceFiscale: string;
  lottoId: number;
  lotto: string;
  esito: "pagato" | "respinto";
  stato: string;
  descrizione: string;
  file: string;
  registratoDa: string;
  /** Data e ora (Roma) in cui l'esito è stato registrato. */
  registratoIl: string;
}

/**
 * Lo storico degli esiti della banca, dal più vecchio: di un bonifico (tutti i suoi lotti) o di un lotto (tutti i suoi
 * bonifici, anche quelli respinti e usciti dal lotto). Chi chiama ha già autorizzato la lettura dell'importo o del lotto.
 */
export async function storicoEsiti(per: { importoId: number } | { lottoId: number }): Promise<EsitoDiBonifico[]> {
  const righe = await db()
    .select({
      importoId: esitiBonifico.importoId, nominativo: importiCig.nominativo, codiceFiscale: importiCig.codiceFiscale,
      lottoId: esitiBonifico.lottoId, lotto: lottiPagamento.messaggioId, esito: esitiBonifico.esito, stato: esitiBonifico.stato,
      descrizione: esitiBonifico.descrizione, file: esitiBanca.nomeFile, registratoDa: sql<string>`${utenti.nome} || ' ' || ${utenti.cognome}`,
      registratoIl: esitiBonifico.registratoIl,
    })
    .from(esitiBonifico)
    .innerJoin(importiCig, eq(importiCig.id, esitiBonifico.importoId))
    .innerJoin(lottiPagamento, eq(lottiPagamento.id, esitiBonifico.lottoId))
    .innerJoin(esitiBanca, eq(esitiBanca.id, esitiBonifico.esitoId))
    .innerJoin(utenti, eq(utenti.id, esitiBonifico.registratoDa))
    .where("importoId" in per ? eq(esitiBonifico.importoId, per.importoId) : eq(esitiBonifico.lottoId, per.lottoId))
    .orderBy(esitiBonifico.id);
  return righe.map((r) => ({ ...r, registratoIl: dataOraRoma(r.registratoIl) }));
}
