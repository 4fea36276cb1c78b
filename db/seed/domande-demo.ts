// Sent domande for the operators' desk demo (issue 11): four CIGO domande of the reference company C1 (competent sede
// Padova) so that an operator of Padova can take one (one per e2e project: they share the database), and a few
// domande of generated companies of the sedi of Padova and Milano with deadlines overdue, due within 15 days and far.
// C1's are on its second unit, Reparto montaggio di Vicenza (C1-UP2), from August 2026: the journey's e2e tests send
// D1 for Stabilimento di Padova (C1-UP1) over all of 2026, and the resumed draft uses C1-UP2 in June 2026 only, so no
// overlap or biennio limit refuses them. Answers are written through the steps' schemas.
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "../client";
import * as s from "../schema";
import { addDays, diffDays } from "../../app/domain/date";
import { termineDecisione } from "../../app/domain/istruttoria/termine-decisione";
import { validaRisposta, type DocumentoRisposte } from "../../app/passi";
import { SEDI } from "./anagrafiche";
import { DATA_RIFERIMENTO_SEED } from "./riferimento";

// As app/services/invio.server.ts writes them (the seed does not import services).
const formatoProtocollo = (anno: number, n: number) => `INPS.OMNIA.${anno}.${String(n).padStart(7, "0")}`;

const PADOVA = SEDI.find((x) => x.nome === "Padova")!.codice;
const MILANO = SEDI.find((x) => x.nome === "Milano")!.codice;

/** The C1 CIGO domande of the demo, one per e2e project (senza-js, con-js, telefono-senza-js, telefono-con-js). */
export const DOMANDE_C1_DEMO = [
  { inizio: "2026-08-03", fine: "2026-08-30" },
  { inizio: "2026-09-07", fine: "2026-10-04" },
  { inizio: "2026-10-12", fine: "2026-11-08" },
  { inizio: "2026-11-16", fine: "2026-12-13" },
] as const;

export interface Piano {
  aziendaId: number;
  unitaId: number;
  inizio: string;
  fine: string;
  inviataIl: string;
  causale: "mancanza_lavoro" | "crisi_mercato";
}

export async function documento(tx: Db, p: Piano) {
  const [unita] = await tx.select().from(s.unitaProduttive).where(eq(s.unitaProduttive.id, p.unitaId));
  const [azienda] = await tx.select().from(s.aziende).where(eq(s.aziende.id, p.aziendaId));
  const addetti = await tx
    .select({ lavoratoreId: s.lavoratori.id, cf: s.lavoratori.codiceFiscale, qualifica: s.rapportiLavoro.qualifica, assunto: s.rapportiLavoro.dataAssunzione })
    .from(s.rapportiLavoro)
    .innerJoin(s.lavoratori, eq(s.lavoratori.id, s.rapportiLavoro.lavoratoreId))
    .where(and(eq(s.rapportiLavoro.unitaProduttivaId, p.unitaId), isNull(s.rapportiLavoro.dataCessazione)))
    .orderBy(asc(s.lavoratori.codiceFiscale));
  // Workers who meet the 30 days at the unit and are not managers: the eligible ones, as the form would keep.
  const ammessi = addetti.filter((a) => a.qualifica !== "dirigente" && diffDays(p.inviataIl, a.assunto) >= 30).slice(0, 12);
  const settimane = Math.ceil((diffDays(p.fine, p.inizio) + 1) / 7);
  const dati: DocumentoRisposte = {
    azienda: validaRisposta("azienda", { pec: azienda.pec, telefono: azienda.telefono ?? undefined }),
    unitaProduttiva: validaRisposta("unitaProduttiva", {
      unitaProduttivaId: unita.id,
      codice: unita.codice,
      denominazione: unita.denominazione,
      mediaOccupati: [{ orarioSettimanale: 40, lavoratori: Math.max(1, addetti.length) }],
      mediaUniemens: [{ orarioSettimanale: 40, lavoratori: Math.max(1, addetti.length) }],
      modificata: false,
    }),
    periodo: validaRisposta("periodo", {
      causale: p.causale,
      eone: false,
      meteo: false,
      straordinaria: false,
      tipo: "sospensione",
      dataInizio: p.inizio,
      dataFine: p.fine,
      // A third of the hours the workers could lose: well within the limits.
      oreRichieste: Math.max(8, Math.round((ammessi.length * 40 * settimane) / 3)),
    }),
    lavoratori: validaRisposta("lavoratori", { modalita: "uniemens", numero: ammessi.length }),
    relazioneTecnica: validaRisposta("relazioneTecnica", {
      modalita: "strutturata",
      descrizione: "Calo degli ordini dei clienti principali nel trimestre, con fermo di una linea di produzione.",
      misure: "Ferie arretrate smaltite, straordinari azzerati, ricerca di nuovi clienti.",
      prospettive: "Nuove commesse confermate per il trimestre successivo.",
      granularita: "anno",
      indicatori: [
        { periodo: "2024", fatturatoCentesimi: 420_000_000, ordiniCentesimi: 390_000_000, risultatoOperativoCentesimi: 21_000_000 },
        { periodo: "2025", fatturatoCentesimi: 310_000_000, ordiniCentesimi: 240_000_000, risultatoOperativoCentesimi: -4_500_000 },
      ],
      dichiarazione: true,
    }),
    informativa: validaRisposta("informativa", {
      dovuta: true,
      dataComunicazione: addDays(p.inviataIl, -12),
      dataConclusione: addDays(p.inviataIl, -3),
      destinatariRsa: "RSU aziendale",
      dichiarazione: true,
    }),
    pagamento: validaRisposta("pagamento", { modalita: "conguaglio" }),
    allegati: validaRisposta("allegati", { numero: 0 }),
    versioni: { azienda: 1, unitaProduttiva: 1, periodo: 1, lavoratori: 1, relazioneTecnica: 1, informativa: 1, pagamento: 1, allegati: 1 },
  };
  return { dati, ammessi, azienda };
}

/** Writes the demo's sent domande (after the reference data and the generated companies). */
export async function scriviDomandeDemo(tx: Db): Promise<number> {
  const [c1] = await tx.select({ id: s.aziende.id }).from(s.aziende).where(eq(s.aziende.matricola, "4712345601"));
  const [up2] = await tx
    .select({ id: s.unitaProduttive.id })
    .from(s.unitaProduttive)
    .where(and(eq(s.unitaProduttive.aziendaId, c1.id), eq(s.unitaProduttive.codice, "UP2")));
  const [mario] = await tx.select({ id: s.utenti.id }).from(s.utenti).where(eq(s.utenti.codiceFiscale, "SMPMRA68D22G224C"));
  const piani: Piano[] = DOMANDE_C1_DEMO.map((p, i) => ({
    aziendaId: c1.id,
    unitaId: up2.id,
    inizio: p.inizio,
    fine: p.fine,
    inviataIl: addDays(DATA_RIFERIMENTO_SEED, -3 + i),
    causale: "mancanza_lavoro",
  }));
  // Generated companies of Padova and Milano (the first by id with a unit that has workers), with varied urgency:
  // sent 80 days ago for a period already past (overdue), 65 days ago (due within 15 days), and recently.
  const generate = await tx
    .select({ aziendaId: s.aziende.id, sede: s.aziende.sedeCodice, unitaId: sql<number>`min(${s.unitaProduttive.id})`.mapWith(Number) })
    .from(s.aziende)
    .innerJoin(s.unitaProduttive, eq(s.unitaProduttive.aziendaId, s.aziende.id))
    .innerJoin(s.rapportiLavoro, eq(s.rapportiLavoro.unitaProduttivaId, s.unitaProduttive.id))
    .where(and(inArray(s.aziende.sedeCodice, [PADOVA, MILANO]), sql`${s.aziende.matricola} is not null`, sql`${s.aziende.id} > ${c1.id + 10}`, eq(s.aziende.gestione, "privata")))
    .groupBy(s.aziende.id, s.aziende.sedeCodice)
    .orderBy(asc(s.aziende.id))
    .limit(40);
  const varianti = [
    { giorniFa: 80, durata: 13 },
    { giorniFa: 65, durata: 20 },
    { giorniFa: 5, durata: 27 },
  ];
  for (const sede of [PADOVA, MILANO]) {
    generate
      .filter((g) => g.sede === sede)
      .slice(0, 3)
      .forEach((g, i) => {
        const v = varianti[i];
        const inviataIl = addDays(DATA_RIFERIMENTO_SEED, -v.giorniFa);
        // The Monday on or before a week before sending (1 January 2024 was a Monday).
        const settimanaPrima = addDays(inviataIl, -7);
        const inizio = addDays(settimanaPrima, -(((diffDays(settimanaPrima, "2024-01-01") % 7) + 7) % 7));
        piani.push({ aziendaId: g.aziendaId, unitaId: g.unitaId, inizio, fine: addDays(inizio, v.durata), inviataIl, causale: "crisi_mercato" });
      });
  }
  const [contatore] = await tx.select().from(s.contatoriProtocollo).where(eq(s.contatoriProtocollo.anno, 2026));
  let numero = contatore?.ultimo ?? 0;
  for (const p of piani) {
    const { dati, ammessi, azienda } = await documento(tx, p);
    numero++;
    const inviataIl = new Date(`${p.inviataIl}T09:30:00+01:00`);
    const scadenza = termineDecisione({ prestazione: "CIGO", inviataIl: p.inviataIl, inizioPeriodo: p.inizio, richieste: [], oggi: p.inviataIl }).scadenza;
    const [d] = await tx
      .insert(s.domande)
      .values({
        aziendaId: p.aziendaId,
        prestazione: "CIGO",
        unitaProduttivaId: p.unitaId,
        stato: "inviata",
        dati,
        dataInizio: p.inizio,
        dataFine: p.fine,
        protocollo: formatoProtocollo(2026, numero),
        ticket: `DEMO${String(numero).padStart(6, "0")}`,
        esitiInvio: [],
        creataDa: mario.id,
        creataIl: inviataIl,
        aggiornataIl: inviataIl,
        inviataIl,
        sedeCodice: azienda.sedeCodice,
        causale: p.causale,
        avvisiInvio: 0,
        scadenzaDecisione: scadenza,
      })
      .returning({ id: s.domande.id });
    if (ammessi.length) {
      await tx.insert(s.domandaLavoratori).values(
        ammessi.map((a) => ({ domandaId: d.id, codiceFiscale: a.cf, lavoratoreId: a.lavoratoreId, qualifica: a.qualifica, origine: "uniemens" })),
      );
    }
    await tx.insert(s.eventiDomanda).values([
      { domandaId: d.id, tipo: "creata", descrizione: "Bozza creata", quando: inviataIl, utenteId: mario.id },
      { domandaId: d.id, tipo: "inviata", descrizione: `Domanda inviata con protocollo ${formatoProtocollo(2026, numero)}`, quando: inviataIl, utenteId: mario.id },
    ]);
  }
  await tx
    .insert(s.contatoriProtocollo)
    .values({ anno: 2026, ultimo: numero })
    .onConflictDoUpdate({ target: s.contatoriProtocollo.anno, set: { ultimo: numero } });
  return piani.length;
}
