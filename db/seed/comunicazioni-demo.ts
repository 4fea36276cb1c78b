// The thread's demo and e2e cases (issue 13), one per e2e project without and with JavaScript (they share the
// database): an AIS FIS domanda of C3 (Milano) sent by its intermediary and taken by the operator of Milano, with a
// message of the Sede the company has not read yet (it read the thread up to the taking of the case). Their own protocol numbers (0900001…, far beyond the counter) and
// a period in 2031, one week each: no journey or desk spec uses these records, and no rule of another domanda of C3
// looks that far ahead. Written like decisioni-demo.ts (the seed does not import services).
import { eq } from "drizzle-orm";
import type { Db } from "../client";
import * as s from "../schema";
import { termineDecisione } from "../../app/domain/istruttoria/termine-decisione";
import { documento } from "./domande-demo";

export const DOMANDE_POSTA_DEMO = [
  { protocollo: "INPS.OMNIA.2026.0900001", ticket: "POSTA00001", inizio: "2031-03-03", fine: "2031-03-07", inviataIl: "2026-02-02" },
  { protocollo: "INPS.OMNIA.2026.0900002", ticket: "POSTA00002", inizio: "2031-03-10", fine: "2031-03-14", inviataIl: "2026-02-03" },
] as const;

export const MESSAGGIO_SEDE_DEMO =
  "Buongiorno, per completare l'esame ci serve sapere se il calo degli ordini riguarda anche il negozio online. Grazie.";

export async function scriviComunicazioniDemo(tx: Db): Promise<number> {
  const [c3] = await tx.select().from(s.aziende).where(eq(s.aziende.matricola, "4734567803"));
  const [unita] = await tx.select().from(s.unitaProduttive).where(eq(s.unitaProduttive.aziendaId, c3.id));
  const utente = async (cf: string) => (await tx.select().from(s.utenti).where(eq(s.utenti.codiceFiscale, cf)))[0];
  const laura = await utente("CNSLRA79P54F205L");
  const francesca = await utente("PRTFNC82T59F205P");
  for (const p of DOMANDE_POSTA_DEMO) {
    const piano = { aziendaId: c3.id, unitaId: unita.id, inizio: p.inizio, fine: p.fine, inviataIl: p.inviataIl, causale: "crisi_mercato" as const };
    const { dati, ammessi, azienda } = await documento(tx, piano);
    const inviataIl = new Date(`${p.inviataIl}T10:00:00+01:00`);
    const presa = new Date(`${p.inviataIl}T15:00:00+01:00`);
    const messaggio = new Date(`${p.inviataIl}T16:00:00+01:00`);
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
        { domandaId: d.id, tipo: "messaggio", descrizione: "Messaggio della Sede INPS", testo: MESSAGGIO_SEDE_DEMO, quando: messaggio, utenteId: francesca.id, lato: "sede" },
      ])
      .returning({ id: s.eventiDomanda.id });
    // The company had read its thread up to the taking of the case: the Sede's message is the one new entry.
    await tx.insert(s.lettureFilo).values({ domandaId: d.id, lato: "azienda", ultimoEventoId: voci[1].id, lettoIl: presa });
  }
  return DOMANDE_POSTA_DEMO.length;
}
