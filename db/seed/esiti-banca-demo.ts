// A SEPA batch already sent to the bank, waiting for its results (issue 12, pain.002), per e2e project (the four of
// playwright.config.ts): an authorised AIS FIS domanda with direct payment of a generated company of Milano (not C3,
// whose weeks other journeys count; not the first ones of domande-demo.ts), two accepted returns of two workers, their
// two amounts paid in a batch of 09/02/2026 prepared by the second operator of Milano, approved by the first and sent.
// e2e/esito-banca.spec.ts uploads the bank's results for it. Written like pagamenti-demo.ts (the seed does not import
// services; the SEPA file comes from the same pure function as a real batch).
import { createHash } from "node:crypto";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../client";
import * as s from "../schema";
import { testoSepa, totaleDisposizioni, xmlPain001, type Disposizione } from "../../app/domain/pagamenti/sepa";
import { termineDecisione } from "../../app/domain/istruttoria/termine-decisione";
import { documento } from "./domande-demo";
import { pdfDimostrativo } from "./pdf-dimostrativo";

/** Per e2e project (playwright.config.ts' order): the batch's message id, the authorised week, its ticket. */
export const LOTTI_INVIATI_DEMO = [0, 1, 2, 3].map((i) => ({
  messaggioId: `OMNIA-9015-20260209-${String(i + 1).padStart(2, "0")}`,
  // A week (Monday to Friday) of January 2026 per project.
  inizio: `2026-01-${String(5 + i * 7).padStart(2, "0")}`,
  ticket: `DEMOESB000000${i + 1}`,
}));

const IBAN_DEMO = ["IT21S9900101001000000100006", "IT95T9900101001000000100007"];
// The demo paying account of lotti.server.ts' ordinante() (the seed does not import services).
const ORDINANTE = { nome: "INPS - Istituto nazionale della previdenza sociale", iban: "IT60X0542811101000000123456", bic: null };

export async function scriviLottiInviatiDemo(tx: Db): Promise<number> {
  const [francesca] = await tx.select().from(s.utenti).where(eq(s.utenti.codiceFiscale, "PRTFNC82T59F205P"));
  const [paolo] = await tx.select().from(s.utenti).where(eq(s.utenti.codiceFiscale, "RVSPLA79E10F205Q"));
  const [laura] = await tx.select().from(s.utenti).where(eq(s.utenti.codiceFiscale, "CNSLRA79P54F205L"));
  // Generated companies of Milano with a unit that has workers, past the first ten (domande-demo.ts takes the first).
  const generate = await tx
    .select({ aziendaId: s.aziende.id, unitaId: sql<number>`min(${s.unitaProduttive.id})`.mapWith(Number) })
    .from(s.aziende)
    .innerJoin(s.unitaProduttive, eq(s.unitaProduttive.aziendaId, s.aziende.id))
    .innerJoin(s.rapportiLavoro, eq(s.rapportiLavoro.unitaProduttivaId, s.unitaProduttive.id))
    .where(and(inArray(s.aziende.sedeCodice, ["9015"]), sql`${s.aziende.matricola} is not null`, eq(s.aziende.gestione, "privata")))
    .groupBy(s.aziende.id)
    .orderBy(asc(s.aziende.id))
    .limit(20);
  const [contatore] = await tx.select().from(s.contatoriProtocollo).where(eq(s.contatoriProtocollo.anno, 2026));
  let numero = contatore?.ultimo ?? 0;
  let scritti = 0;
  for (const [i, l] of LOTTI_INVIATI_DEMO.entries()) {
    const g = generate[10 + i] ?? generate[generate.length - 1 - i];
    const fine = `2026-01-${String(Number(l.inizio.slice(8)) + 4).padStart(2, "0")}`;
    const { dati, ammessi, azienda } = await documento(tx, { aziendaId: g.aziendaId, unitaId: g.unitaId, inizio: l.inizio, fine, inviataIl: "2026-01-02", causale: "crisi_mercato" });
    const lavoratori = ammessi.slice(0, 2);
    if (lavoratori.length < 2 || !azienda.matricola) continue;
    numero++;
    const inviataIl = new Date("2026-01-02T10:00:00+01:00");
    const decisaIl = new Date("2026-01-30T11:00:00+01:00");
    const [d] = await tx
      .insert(s.domande)
      .values({
        aziendaId: g.aziendaId, prestazione: "AIS_FIS", unitaProduttivaId: g.unitaId, stato: "autorizzata", dati, dataInizio: l.inizio, dataFine: fine,
        protocollo: `INPS.OMNIA.2026.${String(numero).padStart(7, "0")}`, ticket: l.ticket, esitiInvio: [], creataDa: laura.id, creataIl: inviataIl,
        aggiornataIl: decisaIl, inviataIl, sedeCodice: "9015", causale: "crisi_mercato", avvisiInvio: 0,
        scadenzaDecisione: termineDecisione({ prestazione: "AIS_FIS", inviataIl: "2026-01-02", inizioPeriodo: l.inizio, richieste: [], oggi: "2026-01-02" }).scadenza,
        operatoreId: francesca.id, presaInCaricoIl: inviataIl, decisaIl,
      })
      .returning({ id: s.domande.id });
    await tx.insert(s.domandaLavoratori).values(lavoratori.map((a) => ({ domandaId: d.id, codiceFiscale: a.cf, lavoratoreId: a.lavoratoreId, qualifica: a.qualifica, origine: "uniemens" })));
    const numeroAtto = `${l.ticket}-01`;
    const pdf = pdfDimostrativo(`Provvedimento dimostrativo n. ${numeroAtto}`);
    const [atto] = await tx
      .insert(s.provvedimenti)
      .values({
        domandaId: d.id, numero: numeroAtto, ticket: l.ticket, esito: "autorizzata", motivazione: "Crisi di mercato documentata. Pagamento diretto.",
        periodoInizio: l.inizio, periodoFine: fine, oreAutorizzate: 80, modalitaPagamento: "diretto", sedeCodice: "9015",
        dataDecisione: "2026-01-30", decisoDa: francesca.id, decisoIl: decisaIl, pdf, pdfSha256: createHash("sha256").update(pdf).digest("hex"),
      })
      .returning({ id: s.provvedimenti.id });
    await tx.insert(s.provvedimentiLavoratori).values(lavoratori.map((a) => ({ provvedimentoId: atto.id, codiceFiscale: a.cf, lavoratoreId: a.lavoratoreId })));
    const [flusso] = await tx
      .insert(s.flussiCig)
      .values({
        inviatoDa: laura.id, ruolo: "intermediario", nomeFile: `esiti-banca-demo-${i + 1}.xml`, formato: "xml", versioneSchema: "UniEmens-Cig 1.0", stato: "completato",
        aziendaId: g.aziendaId, denunceAttese: 2, denunce: 2, accolte: 2, ricevutoIl: new Date("2026-02-02T09:00:00+01:00"), completatoIl: new Date("2026-02-02T09:00:05+01:00"),
      })
      .returning({ id: s.flussiCig.id });
    await tx.insert(s.flussiCigDomande).values({ flussoId: flusso.id, domandaId: d.id, aziendaId: g.aziendaId });
    const competenza = "2026-01-01";
    const importi: Array<typeof s.importiCig.$inferInsert> = [];
    for (const [n, a] of lavoratori.entries()) {
      const chiave = `${azienda.matricola}|${a.cf}|${competenza.slice(0, 7)}|esiti-demo`;
      const [den] = await tx
        .insert(s.denunceCig)
        .values({ flussoId: flusso.id, riga: n + 1, chiave, aziendaId: g.aziendaId, domandaId: d.id, ticket: l.ticket, codiceFiscale: a.cf, competenza, oreCentesimi: 4000, iban: IBAN_DEMO[n], dati: {} })
        .returning({ id: s.denunceCig.id });
      // 40 hours at 1.500,00 € a month (173,33 hours): 80% = 276,92 €, less 5,84% = 260,75 € (within the ceiling).
      importi.push({
        denunciaId: den.id, chiave, provvedimentoId: atto.id, domandaId: d.id, aziendaId: g.aziendaId, sedeCodice: "9015", codiceFiscale: a.cf,
        nominativo: `Lavoratore ${a.cf.slice(0, 6)}`, competenza, iban: IBAN_DEMO[n], oreCentesimi: 4000, retribuzionePersaCentesimi: 34_615,
        lordoCentesimi: 27_692, lordoLimitatoCentesimi: 27_692, riduzioneCentesimi: 1_617, nettoCentesimi: 26_075,
        calcolo: { messaggio: "AIS FIS: 80% della retribuzione mensile di 1.500,00 € per 40 ore integrate, meno la riduzione del 5,84% (importo dimostrativo).", riferimento: "art. 3 d.lgs. 148/2015; art. 26 L. 41/1986" },
        stato: "pagato",
      });
    }
    const disposizioni: Disposizione[] = importi.map((imp, n) => ({
      id: `OMNIA-IMP-${n}`, importoCentesimi: imp.nettoCentesimi, iban: imp.iban, beneficiario: imp.nominativo,
      causale: testoSepa(`Integrazione salariale 2026-01 aut. ${numeroAtto} CF ${imp.codiceFiscale}`, 140),
    }));
    // The amounts' ids are the EndToEndIds: insert the amounts first, then write the file with them.
    const inseriti = await tx.insert(s.importiCig).values(importi.map((imp) => ({ ...imp, stato: "approvato" as const }))).returning({ id: s.importiCig.id });
    for (const [n, r] of inseriti.entries()) disposizioni[n].id = `OMNIA-IMP-${r.id}`;
    const xml = xmlPain001({ messaggioId: l.messaggioId, creatoIl: "2026-02-09T09:00:00", dataEsecuzione: "2026-02-09", ordinante: ORDINANTE, disposizioni });
    const [lotto] = await tx
      .insert(s.lottiPagamento)
      .values({
        sedeCodice: "9015", giorno: "2026-02-09", progressivo: i + 1, messaggioId: l.messaggioId, stato: "inviato", disposizioni: disposizioni.length,
        totaleCentesimi: totaleDisposizioni(disposizioni), xml, xmlSha256: createHash("sha256").update(xml).digest("hex"),
        preparatoDa: paolo.id, preparatoIl: new Date("2026-02-09T09:00:00+01:00"), approvatoDa: francesca.id, approvatoIl: new Date("2026-02-09T09:30:00+01:00"),
        inviatoDa: paolo.id, inviatoIl: new Date("2026-02-09T10:00:00+01:00"),
      })
      .returning({ id: s.lottiPagamento.id });
    await tx.update(s.importiCig).set({ stato: "pagato", lottoId: lotto.id }).where(inArray(s.importiCig.id, inseriti.map((r) => r.id)));
    scritti++;
  }
  await tx
    .insert(s.contatoriProtocollo)
    .values({ anno: 2026, ultimo: numero })
    .onConflictDoUpdate({ target: s.contatoriProtocollo.anno, set: { ultimo: numero } });
  return scritti;
}
