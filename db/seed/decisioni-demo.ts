// Cases for the decision's demo and e2e (issue 11), one set per e2e project (with and without JavaScript, on a desktop
// and at 360 px; they share the database; the e2e platform day is 10/02/2026, OMNIA_ORA_FISSA in e2e/run.ts): a CIGO
// domanda of C1 (Stabilimento di Padova) sent and waiting to be taken; a late CIGO domanda of C1's Vicenza unit already
// taken by the operator of Padova (the period began four weeks before sending: it can be covered from one week before
// sending); an AIS FIS domanda of C3 (Milano) suspended on a supplemento istruttorio whose 15 days ran out before that
// day. The periods overlap no journey domanda of the same units, and those of C1-UP1 and C3 come after them (the limits
// of the biennio look back from a domanda's end, so these never count against the journeys; the phone projects' D1 asks
// periods of 2029, whose biennio starts after May 2027). Written like domande-demo.ts (the seed does not import
// services).
import { and, eq } from "drizzle-orm";
import type { Db } from "../client";
import * as s from "../schema";
import { scadenzaRichiesta } from "../../app/domain/istruttoria/interlocuzione";
import { termineDecisione } from "../../app/domain/istruttoria/termine-decisione";
import { documento, type Piano } from "./domande-demo";

const formatoProtocollo = (anno: number, n: number) => `INPS.OMNIA.${anno}.${String(n).padStart(7, "0")}`;

/**
 * Per e2e project (senza-js, con-js, telefono-senza-js, telefono-con-js; e2e/support/domanda.ts PROGETTI_E2E): the CIGO
 * of C1 to take, the late CIGO of C1-UP2, the suspended FIS of C3. Each project decides only its own three cases, so the
 * projects may run in parallel or in any order.
 */
export const DOMANDE_DECISIONE_DEMO = [
  {
    cigo: { inizio: "2027-01-04", fine: "2027-01-31", inviataIl: "2026-02-08" },
    tardiva: { inizio: "2025-11-03", fine: "2025-12-21", inviataIl: "2025-12-01" },
    fis: { inizio: "2027-03-01", fine: "2027-03-28", inviataIl: "2026-01-15", richiestaIl: "2026-01-20" },
  },
  {
    cigo: { inizio: "2027-02-08", fine: "2027-03-07", inviataIl: "2026-02-09" },
    tardiva: { inizio: "2025-09-01", fine: "2025-10-26", inviataIl: "2025-10-06" },
    fis: { inizio: "2027-04-05", fine: "2027-05-02", inviataIl: "2026-01-16", richiestaIl: "2026-01-21" },
  },
  {
    cigo: { inizio: "2027-03-15", fine: "2027-04-11", inviataIl: "2026-02-06" },
    tardiva: { inizio: "2025-07-07", fine: "2025-08-24", inviataIl: "2025-08-04" },
    fis: { inizio: "2027-05-10", fine: "2027-06-06", inviataIl: "2026-01-13", richiestaIl: "2026-01-19" },
  },
  {
    cigo: { inizio: "2027-04-19", fine: "2027-05-16", inviataIl: "2026-02-05" },
    tardiva: { inizio: "2025-05-05", fine: "2025-06-22", inviataIl: "2025-06-02" },
    fis: { inizio: "2027-06-14", fine: "2027-07-11", inviataIl: "2026-01-14", richiestaIl: "2026-01-22" },
  },
] as const;

export const TESTO_SUPPLEMENTO_DEMO =
  "Manca il dettaglio degli ordini annullati nel trimestre citato nella relazione tecnica: inviate l'elenco con una breve spiegazione.";

export async function scriviDecisioniDemo(tx: Db): Promise<number> {
  const matricola = async (m: string) => (await tx.select().from(s.aziende).where(eq(s.aziende.matricola, m)))[0];
  const unita = async (aziendaId: number, codice: string) =>
    (await tx.select().from(s.unitaProduttive).where(and(eq(s.unitaProduttive.aziendaId, aziendaId), eq(s.unitaProduttive.codice, codice))))[0];
  const utente = async (cf: string) => (await tx.select().from(s.utenti).where(eq(s.utenti.codiceFiscale, cf)))[0];
  const [c1, c3] = [await matricola("4712345601"), await matricola("4734567803")];
  const [up1, up2, c3up1] = [await unita(c1.id, "UP1"), await unita(c1.id, "UP2"), (await tx.select().from(s.unitaProduttive).where(eq(s.unitaProduttive.aziendaId, c3.id)))[0]];
  const mario = await utente("SMPMRA68D22G224C");
  const laura = await utente("CNSLRA79P54F205L");
  const giorgio = await utente("PRTGRG75C08G224S");
  const francesca = await utente("PRTFNC82T59F205P");
  const [contatore] = await tx.select().from(s.contatoriProtocollo).where(eq(s.contatoriProtocollo.anno, 2026));
  let numero = contatore?.ultimo ?? 0;
  let scritte = 0;

  const scrivi = async (
    p: Piano,
    opzioni: { prestazione: "CIGO" | "AIS_FIS"; stato: "inviata" | "in_istruttoria" | "sospesa"; creataDa: number; operatoreId: number | null },
  ) => {
    const { dati, ammessi, azienda } = await documento(tx, p);
    numero++;
    const inviataIl = new Date(`${p.inviataIl}T10:00:00+01:00`);
    const scadenza = termineDecisione({ prestazione: opzioni.prestazione, inviataIl: p.inviataIl, inizioPeriodo: p.inizio, richieste: [], oggi: p.inviataIl }).scadenza;
    const [d] = await tx
      .insert(s.domande)
      .values({
        aziendaId: p.aziendaId,
        prestazione: opzioni.prestazione,
        unitaProduttivaId: p.unitaId,
        stato: opzioni.stato,
        dati,
        dataInizio: p.inizio,
        dataFine: p.fine,
        protocollo: formatoProtocollo(2026, numero),
        ticket: `DEMO${String(numero).padStart(6, "0")}`,
        esitiInvio: [],
        creataDa: opzioni.creataDa,
        creataIl: inviataIl,
        aggiornataIl: inviataIl,
        inviataIl,
        sedeCodice: azienda.sedeCodice,
        causale: p.causale,
        avvisiInvio: 0,
        scadenzaDecisione: scadenza,
        operatoreId: opzioni.operatoreId,
        presaInCaricoIl: opzioni.operatoreId ? inviataIl : null,
      })
      .returning({ id: s.domande.id });
    if (ammessi.length) {
      await tx.insert(s.domandaLavoratori).values(
        ammessi.map((a) => ({ domandaId: d.id, codiceFiscale: a.cf, lavoratoreId: a.lavoratoreId, qualifica: a.qualifica, origine: "uniemens" })),
      );
    }
    await tx.insert(s.eventiDomanda).values([
      { domandaId: d.id, tipo: "inviata", descrizione: `Domanda inviata con protocollo ${formatoProtocollo(2026, numero)}`, quando: inviataIl, utenteId: opzioni.creataDa },
      ...(opzioni.operatoreId ? [{ domandaId: d.id, tipo: "presa_in_carico", descrizione: "Presa in carico per l'istruttoria", quando: inviataIl, utenteId: opzioni.operatoreId }] : []),
    ]);
    scritte++;
    return d.id;
  };

  for (const set of DOMANDE_DECISIONE_DEMO) {
    await scrivi(
      { aziendaId: c1.id, unitaId: up1.id, inizio: set.cigo.inizio, fine: set.cigo.fine, inviataIl: set.cigo.inviataIl, causale: "mancanza_lavoro" },
      { prestazione: "CIGO", stato: "inviata", creataDa: mario.id, operatoreId: null },
    );
    await scrivi(
      { aziendaId: c1.id, unitaId: up2.id, inizio: set.tardiva.inizio, fine: set.tardiva.fine, inviataIl: set.tardiva.inviataIl, causale: "mancanza_lavoro" },
      { prestazione: "CIGO", stato: "in_istruttoria", creataDa: mario.id, operatoreId: giorgio.id },
    );
    const fis = await scrivi(
      { aziendaId: c3.id, unitaId: c3up1.id, inizio: set.fis.inizio, fine: set.fis.fine, inviataIl: set.fis.inviataIl, causale: "crisi_mercato" },
      { prestazione: "AIS_FIS", stato: "sospesa", creataDa: laura.id, operatoreId: francesca.id },
    );
    await tx.insert(s.richiesteIstruttoria).values({
      domandaId: fis,
      tipo: "supplemento_istruttorio",
      testo: TESTO_SUPPLEMENTO_DEMO,
      documentiRichiesti: ["Elenco degli ordini annullati"],
      ricevutaIl: set.fis.richiestaIl,
      scadenza: scadenzaRichiesta("supplemento_istruttorio", set.fis.richiestaIl),
      creataDa: francesca.id,
      creataIl: new Date(`${set.fis.richiestaIl}T11:00:00+01:00`),
    });
    await tx.update(s.domande).set({ termineSospesoDal: set.fis.richiestaIl }).where(eq(s.domande.id, fis));
    await tx.insert(s.eventiDomanda).values({
      domandaId: fis,
      tipo: "richiesta",
      descrizione: "Supplemento istruttorio inviato all'azienda",
      quando: new Date(`${set.fis.richiestaIl}T11:00:00+01:00`),
      utenteId: francesca.id,
    });
  }
  await tx
    .insert(s.contatoriProtocollo)
    .values({ anno: 2026, ultimo: numero })
    .onConflictDoUpdate({ target: s.contatoriProtocollo.anno, set: { ultimo: numero } });
  return scritte;
}
