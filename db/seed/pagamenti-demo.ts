// The direct payment's demo and e2e (issue 12): per e2e project (senza-js, con-js) an AIS FIS domanda of C3 (Bottega
// Digitale, Milano) with direct payment, already authorised by the operator of Milano for one week, so that the
// intermediary can send the UniEmens-Cig flow of its workers (the platform day of the e2e is 10/02/2026: the weeks are
// in months already begun) and the operators of Milano can pay it. A week per project in a month of its own (December
// 2025, January 2026): the returns of the two projects never share a key (worker, month, classification), and two
// weeks stay far from the 13 weeks of the biennio of C3 that the D3 journey looks at. Written like decisioni-demo.ts
// (the seed does not import services); the act's PDF is a one-page placeholder.
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "../client";
import * as s from "../schema";
import { valutaIndiceLiquidita } from "../../app/domain/indice-liquidita";
import { termineDecisione } from "../../app/domain/istruttoria/termine-decisione";
import { validaRisposta } from "../../app/passi";
import { documento } from "./domande-demo";
import { pdfDimostrativo } from "./pdf-dimostrativo";

/** Per e2e project: the authorised week of C3, the sending and the decision days. */
export const DOMANDE_PAGAMENTO_DEMO = [
  { inizio: "2025-12-01", fine: "2025-12-05", inviataIl: "2025-11-24", decisaIl: "2026-01-20", ticket: "DEMOPAG0000001" },
  { inizio: "2026-01-12", fine: "2026-01-16", inviataIl: "2026-01-05", decisaIl: "2026-02-02", ticket: "DEMOPAG0000002" },
] as const;

const BILANCIO_IN_DIFFICOLTA = {
  dataRiferimento: "2025-09-30",
  disponibilitaLiquideCentesimi: 500_000,
  creditiBreveCentesimi: 1_000_000,
  rimanenzeCentesimi: 2_000_000,
  debitiBreveCentesimi: 10_000_000,
};

export async function scriviPagamentiDemo(tx: Db): Promise<number> {
  const [c3] = await tx.select().from(s.aziende).where(eq(s.aziende.matricola, "4734567803"));
  const [up] = await tx.select().from(s.unitaProduttive).where(eq(s.unitaProduttive.aziendaId, c3.id));
  const [laura] = await tx.select().from(s.utenti).where(eq(s.utenti.codiceFiscale, "CNSLRA79P54F205L"));
  const [francesca] = await tx.select().from(s.utenti).where(eq(s.utenti.codiceFiscale, "PRTFNC82T59F205P"));
  const [contatore] = await tx.select().from(s.contatoriProtocollo).where(eq(s.contatoriProtocollo.anno, 2026));
  let numero = contatore?.ultimo ?? 0;
  for (const p of DOMANDE_PAGAMENTO_DEMO) {
    const { dati, ammessi } = await documento(tx, { aziendaId: c3.id, unitaId: up.id, inizio: p.inizio, fine: p.fine, inviataIl: p.inviataIl, causale: "crisi_mercato" });
    const liquidita = valutaIndiceLiquidita(BILANCIO_IN_DIFFICOLTA, p.inviataIl);
    dati.pagamento = validaRisposta("pagamento", {
      modalita: "diretto",
      bilancio: BILANCIO_IN_DIFFICOLTA,
      liquidita: {
        versione: liquidita.versione, formula: String(liquidita.esito.dati.formula), indice: liquidita.indice, accettato: liquidita.accettato,
        messaggio: liquidita.esito.messaggio, provvisorio: liquidita.esito.provvisorio, calcolatoIl: p.inviataIl,
      },
    });
    // Forty hours for each worker of the unit: more than the flow of the week can report.
    const ore = ammessi.length * 40;
    dati.periodo = { ...dati.periodo!, oreRichieste: ore };
    numero++;
    const protocollo = `INPS.OMNIA.2026.${String(numero).padStart(7, "0")}`;
    const inviataIl = new Date(`${p.inviataIl}T10:00:00+01:00`);
    const decisaIl = new Date(`${p.decisaIl}T11:00:00+01:00`);
    const [d] = await tx
      .insert(s.domande)
      .values({
        aziendaId: c3.id, prestazione: "AIS_FIS", unitaProduttivaId: up.id, stato: "autorizzata", dati, dataInizio: p.inizio, dataFine: p.fine,
        protocollo, ticket: p.ticket, esitiInvio: [], creataDa: laura.id, creataIl: inviataIl, aggiornataIl: decisaIl, inviataIl,
        sedeCodice: c3.sedeCodice, causale: "crisi_mercato", avvisiInvio: 0,
        scadenzaDecisione: termineDecisione({ prestazione: "AIS_FIS", inviataIl: p.inviataIl, inizioPeriodo: p.inizio, richieste: [], oggi: p.inviataIl }).scadenza,
        operatoreId: francesca.id, presaInCaricoIl: inviataIl, decisaIl,
      })
      .returning({ id: s.domande.id });
    await tx.insert(s.domandaLavoratori).values(
      ammessi.map((a) => ({ domandaId: d.id, codiceFiscale: a.cf, lavoratoreId: a.lavoratoreId, qualifica: a.qualifica, origine: "uniemens" })),
    );
    const numeroAtto = `${p.ticket}-01`;
    const pdf = pdfDimostrativo(`Provvedimento dimostrativo n. ${numeroAtto}`);
    const [atto] = await tx
      .insert(s.provvedimenti)
      .values({
        domandaId: d.id, numero: numeroAtto, ticket: p.ticket, esito: "autorizzata",
        motivazione: "Crisi di mercato documentata dalla relazione tecnica: contrazione temporanea degli ordini. Pagamento diretto per l'indice di liquidità.",
        periodoInizio: p.inizio, periodoFine: p.fine, oreAutorizzate: ore, modalitaPagamento: "diretto", sedeCodice: c3.sedeCodice,
        dataDecisione: p.decisaIl, decisoDa: francesca.id, decisoIl: decisaIl,
        pdf,
        pdfSha256: createHash("sha256").update(pdf).digest("hex"),
      })
      .returning({ id: s.provvedimenti.id });
    await tx.insert(s.provvedimentiLavoratori).values(ammessi.map((a) => ({ provvedimentoId: atto.id, codiceFiscale: a.cf, lavoratoreId: a.lavoratoreId })));
    await tx.insert(s.eventiDomanda).values([
      { domandaId: d.id, tipo: "inviata", descrizione: `Domanda inviata con protocollo ${protocollo}`, quando: inviataIl, utenteId: laura.id },
      { domandaId: d.id, tipo: "decisa", descrizione: `Domanda autorizzata: provvedimento n. ${numeroAtto}`, quando: decisaIl, utenteId: francesca.id },
    ]);
  }
  await tx
    .insert(s.contatoriProtocollo)
    .values({ anno: 2026, ultimo: numero })
    .onConflictDoUpdate({ target: s.contatoriProtocollo.anno, set: { ultimo: numero } });
  return DOMANDE_PAGAMENTO_DEMO.length;
}
