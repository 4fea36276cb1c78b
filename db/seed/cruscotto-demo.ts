// The cruscotto's demo and e2e data (issue 13): one CIGO domanda of Edil Costruzioni Adige (C2) for its unit Cantiere
// Lungadige (C2-UP1), authorised with direct payment, and what was used: November 2025 in the ordinary UniEmens (three
// workers, 3–7 and 10–14 November, 8 hours a day) and December 2025 in an accepted UniEmens-Cig return (one worker,
// 1–5 December, 8 hours a day). No other seed or e2e journey uses C2-UP1 (the withdrawal spec uses C2-UP2), so the
// figures below are the cruscotto's alone, on the e2e platform day 10/02/2026:
//   authorised 03/11–19/12/2025, 1,200 hours: 34 working days (8 December is a holiday) ÷ 5 = 6.8 weeks;
//   used 240 + 40 = 280 hours in 15 days = 3 weeks; left 920 hours;
//   both months reported, so the limits count the 15 used days: 3 weeks of 52 in the biennio, 49 left;
//   direct-payment data: November by 31/01/2026 (expired), December by 28/02/2026 (18 days left).
// Written like decisioni-demo.ts (the seed does not import services).
import { createHash } from "node:crypto";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "../client";
import * as s from "../schema";
import { documento } from "./domande-demo";
import { pdfDimostrativo } from "./pdf-dimostrativo";

export const CRUSCOTTO_DEMO = {
  matricola: "4723456702",
  unita: "UP1",
  inizio: "2025-11-03",
  fine: "2025-12-19",
  inviataIl: "2025-10-28",
  decisaIl: "2025-11-05",
  oreAutorizzate: 1200,
  lavoratori: 5,
  /** UniEmens: three workers on these days, 8 hours each. */
  giorniUniemens: ["2025-11-03", "2025-11-04", "2025-11-05", "2025-11-06", "2025-11-07", "2025-11-10", "2025-11-11", "2025-11-12", "2025-11-13", "2025-11-14"],
  /** UniEmens-Cig: one worker, 1–5 December 2025, 8 hours each. */
  giorniCig: [1, 2, 3, 4, 5],
  protocollo: "INPS.OMNIA.2025.0900001",
  ticket: "DEMOC2000001",
} as const;

export async function scriviCruscottoDemo(tx: Db): Promise<number> {
  const d = CRUSCOTTO_DEMO;
  const [c2] = await tx.select().from(s.aziende).where(eq(s.aziende.matricola, d.matricola));
  const [up] = await tx.select().from(s.unitaProduttive).where(and(eq(s.unitaProduttive.aziendaId, c2.id), eq(s.unitaProduttive.codice, d.unita)));
  const [mario] = await tx.select().from(s.utenti).where(eq(s.utenti.codiceFiscale, "SMPMRA68D22G224C"));
  const [giorgio] = await tx.select().from(s.utenti).where(eq(s.utenti.codiceFiscale, "PRTGRG75C08G224S"));
  const { dati, ammessi } = await documento(tx, { aziendaId: c2.id, unitaId: up.id, inizio: d.inizio, fine: d.fine, inviataIl: d.inviataIl, causale: "mancanza_lavoro" });
  const autorizzati = ammessi.slice(0, d.lavoratori);
  const inviataIl = new Date(`${d.inviataIl}T10:00:00+01:00`);
  const decisaIl = new Date(`${d.decisaIl}T12:00:00+01:00`);
  const [domanda] = await tx
    .insert(s.domande)
    .values({
      aziendaId: c2.id, prestazione: "CIGO", unitaProduttivaId: up.id, stato: "autorizzata",
      dati: { ...dati, pagamento: { ...dati.pagamento!, modalita: "diretto" } } as typeof dati,
      dataInizio: d.inizio, dataFine: d.fine, protocollo: d.protocollo, ticket: d.ticket, esitiInvio: [], creataDa: mario.id,
      creataIl: inviataIl, aggiornataIl: decisaIl, inviataIl, sedeCodice: c2.sedeCodice, causale: "mancanza_lavoro", avvisiInvio: 0,
      scadenzaDecisione: "2026-01-17", operatoreId: giorgio.id, presaInCaricoIl: inviataIl, decisaIl,
    })
    .returning({ id: s.domande.id });
  if (autorizzati.length) {
    await tx.insert(s.domandaLavoratori).values(
      autorizzati.map((a) => ({ domandaId: domanda.id, codiceFiscale: a.cf, lavoratoreId: a.lavoratoreId, qualifica: a.qualifica, origine: "uniemens" })),
    );
  }
  const numero = `${d.ticket}-01`;
  const pdf = pdfDimostrativo(`Provvedimento ${numero} - dati dimostrativi`);
  const [atto] = await tx
    .insert(s.provvedimenti)
    .values({
      domandaId: domanda.id, numero, ticket: d.ticket, esito: "autorizzata",
      motivazione: "Dati dimostrativi del cruscotto: contrazione temporanea degli ordini, non imputabile all'azienda.",
      periodoInizio: d.inizio, periodoFine: d.fine, oreAutorizzate: d.oreAutorizzate, modalitaPagamento: "diretto",
      sedeCodice: c2.sedeCodice, dataDecisione: d.decisaIl, decisoDa: giorgio.id, decisoIl: decisaIl,
      pdf, pdfSha256: createHash("sha256").update(pdf).digest("hex"),
    })
    .returning({ id: s.provvedimenti.id });
  if (autorizzati.length) {
    await tx.insert(s.provvedimentiLavoratori).values(autorizzati.map((a) => ({ provvedimentoId: atto.id, codiceFiscale: a.cf, lavoratoreId: a.lavoratoreId })));
  }
  await tx.insert(s.eventiDomanda).values([
    { domandaId: domanda.id, tipo: "inviata", descrizione: `Domanda inviata con protocollo ${d.protocollo}`, quando: inviataIl, utenteId: mario.id },
    { domandaId: domanda.id, tipo: "decisa", descrizione: `Autorizzata con il provvedimento ${numero}`, quando: decisaIl, utenteId: giorgio.id },
  ]);
  // Fruito: the employments of the first three authorised workers at the unit.
  const rapporti = await tx
    .select({ id: s.rapportiLavoro.id, lavoratoreId: s.rapportiLavoro.lavoratoreId })
    .from(s.rapportiLavoro)
    .where(and(eq(s.rapportiLavoro.unitaProduttivaId, up.id), isNull(s.rapportiLavoro.dataCessazione)))
    .orderBy(asc(s.rapportiLavoro.id));
  const usati = autorizzati.slice(0, 3).map((a) => rapporti.find((r) => r.lavoratoreId === a.lavoratoreId)!).filter(Boolean);
  await tx.insert(s.uniemensEventiCig).values(
    usati.flatMap((r) => d.giorniUniemens.map((giorno) => ({ rapportoId: r.id, giorno, codiceEvento: "CIGO", oreCentesimi: 800, ticket: d.ticket }))),
  );
  const [flusso] = await tx
    .insert(s.flussiCig)
    .values({
      inviatoDa: mario.id, ruolo: "datore", nomeFile: "cruscotto-demo-dicembre-2025.xml", formato: "xml", versioneSchema: "omnia-1.0",
      stato: "completato", denunce: 1, accolte: 1, ricevutoIl: new Date("2026-01-10T09:00:00+01:00"), completatoIl: new Date("2026-01-10T09:00:01+01:00"),
    })
    .returning({ id: s.flussiCig.id });
  const primo = autorizzati[0];
  await tx.insert(s.flussiCigDomande).values({ flussoId: flusso.id, domandaId: domanda.id, aziendaId: c2.id });
  await tx.insert(s.denunceCig).values({
    flussoId: flusso.id, riga: 1, chiave: `${d.matricola}|${primo.cf}|2025-12|demo-cruscotto`, aziendaId: c2.id, domandaId: domanda.id,
    ticket: d.ticket, codiceFiscale: primo.cf, competenza: "2025-12-01", oreCentesimi: d.giorniCig.length * 800, iban: "IT60X0542811101000000123456",
    dati: { competenza: "2025-12", cfLavoratore: primo.cf, ticket: d.ticket, giorni: d.giorniCig.map((giorno) => ({ giorno, oreCentesimi: 800 })) },
  });
  return 1;
}
