// The intermediary's answer to a request of the Sede (issue 11, interlocuzione): one AIS FIS domanda of C3 (Milano) per
// e2e project (senza-js, con-js, telefono-senza-js, telefono-con-js; they share the database), sent by its intermediary
// Laura Consulente and taken by the operator of Milano, with no request yet: in e2e/istruttoria-risposta.spec.ts the
// operator asks a supplemento istruttorio (art. 11 c.2 D.M. 95442/2016), Laura answers from inside the case with text
// and a PDF, the operator reads the answer. Their own protocol numbers (0910001…, far beyond the counter, after the
// thread's 0900001…) and a period in 2032, one week each: no other spec or seed uses these records, and no rule of
// another domanda of C3 looks that far ahead. Written like comunicazioni-demo.ts (the seed does not import services).
import { eq } from "drizzle-orm";
import type { Db } from "../client";
import * as s from "../schema";
import { termineDecisione } from "../../app/domain/istruttoria/termine-decisione";
import { documento } from "./domande-demo";

export const DOMANDE_RISPOSTA_DEMO = [
  { protocollo: "INPS.OMNIA.2026.0910001", ticket: "RISPOSTA01", inizio: "2032-03-01", fine: "2032-03-05", inviataIl: "2026-02-02" },
  { protocollo: "INPS.OMNIA.2026.0910002", ticket: "RISPOSTA02", inizio: "2032-03-08", fine: "2032-03-12", inviataIl: "2026-02-03" },
  { protocollo: "INPS.OMNIA.2026.0910003", ticket: "RISPOSTA03", inizio: "2032-03-15", fine: "2032-03-19", inviataIl: "2026-02-04" },
  { protocollo: "INPS.OMNIA.2026.0910004", ticket: "RISPOSTA04", inizio: "2032-03-22", fine: "2032-03-26", inviataIl: "2026-02-05" },
] as const;

export async function scriviRisposteDemo(tx: Db): Promise<number> {
  const [c3] = await tx.select().from(s.aziende).where(eq(s.aziende.matricola, "4734567803"));
  const [unita] = await tx.select().from(s.unitaProduttive).where(eq(s.unitaProduttive.aziendaId, c3.id));
  const utente = async (cf: string) => (await tx.select().from(s.utenti).where(eq(s.utenti.codiceFiscale, cf)))[0];
  const laura = await utente("CNSLRA79P54F205L");
  const francesca = await utente("PRTFNC82T59F205P");
  for (const p of DOMANDE_RISPOSTA_DEMO) {
    const piano = { aziendaId: c3.id, unitaId: unita.id, inizio: p.inizio, fine: p.fine, inviataIl: p.inviataIl, causale: "crisi_mercato" as const };
    const { dati, ammessi, azienda } = await documento(tx, piano);
    const inviataIl = new Date(`${p.inviataIl}T10:00:00+01:00`);
    const presa = new Date(`${p.inviataIl}T15:00:00+01:00`);
    const [d] = await tx
      .insert(s.domande)
      .values({
        aziendaId: c3.id,
        prestazione: "AIS_FIS",
        unitaProduttivaId: unita.id,
        stato: "in_istruttoria",
        dati,
        dataInizio: p.inizio,
        dataFine: p.fine,
        protocollo: p.protocollo,
        ticket: p.ticket,
        esitiInvio: [],
        creataDa: laura.id,
        creataIl: inviataIl,
        aggiornataIl: presa,
        inviataIl,
        sedeCodice: azienda.sedeCodice,
        causale: piano.causale,
        avvisiInvio: 0,
        scadenzaDecisione: termineDecisione({ prestazione: "AIS_FIS", inviataIl: p.inviataIl, inizioPeriodo: p.inizio, richieste: [], oggi: p.inviataIl }).scadenza,
        operatoreId: francesca.id,
        presaInCaricoIl: presa,
      })
      .returning({ id: s.domande.id });
    if (ammessi.length) {
      await tx.insert(s.domandaLavoratori).values(
        ammessi.map((a) => ({ domandaId: d.id, codiceFiscale: a.cf, lavoratoreId: a.lavoratoreId, qualifica: a.qualifica, origine: "uniemens" })),
      );
    }
    const voci = await tx
      .insert(s.eventiDomanda)
      .values([
        { domandaId: d.id, tipo: "inviata", descrizione: `Domanda inviata con protocollo ${p.protocollo}`, quando: inviataIl, utenteId: laura.id, lato: "azienda" },
        { domandaId: d.id, tipo: "presa_in_carico", descrizione: "Presa in carico per l'istruttoria", quando: presa, utenteId: francesca.id, lato: "sede" },
      ])
      .returning({ id: s.eventiDomanda.id });
    // The company has read its thread so far: the Sede's request, when the spec sends it, is the one new entry.
    await tx.insert(s.lettureFilo).values({ domandaId: d.id, lato: "azienda", ultimoEventoId: voci[1].id, lettoIl: presa });
  }
  return DOMANDE_RISPOSTA_DEMO.length;
}
