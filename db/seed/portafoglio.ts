// The portfolio's bench data: N companies (default 1,000) delegated to the demo intermediary, each with one unit and a
// realistic mix — up to two drafts, one CIGO domanda authorised with an act (provvedimento) in the half year before
// the reference day, every fourth company a domanda suspended on a request of the Sede due in the next 20 days, every
// fifth a domanda waiting for a decision; the threads' entries (sending, request, decision, a few messages both ways).
// Set-based SQL (generate_series): the database writes the rows itself. Run by
// `npm run bench -- --cruscotti` on its own throwaway database after the demo seed, or by
// `npm run db:seed -- --portafoglio[=N]` on the environment's database (adds the companies once: matricole 00xxxxxxxx, never made by the generator (which draws from 1,000,000,000 up)).
import { sql } from "drizzle-orm";
import type { Db } from "../client";
import { righeDi } from "./inserimento";
import { LAURA_CONSULENTE, OPERATORE_PADOVA } from "./utenti-demo";

export const PORTAFOGLIO_BENCH = { aziende: 1_000, riferimento: "2026-02-10" } as const;

export async function seedPortafoglio(db: Db, opzioni: { aziende?: number; riferimento?: string } = {}): Promise<Record<string, number>> {
  const n = opzioni.aziende ?? PORTAFOGLIO_BENCH.aziende;
  const rif = opzioni.riferimento ?? PORTAFOGLIO_BENCH.riferimento;
  const [laura] = righeDi<{ id: number }>(await db.execute(sql`select id from utenti where codice_fiscale = ${LAURA_CONSULENTE.codiceFiscale}`));
  const [operatore] = righeDi<{ id: number }>(await db.execute(sql`select id from utenti where codice_fiscale = ${OPERATORE_PADOVA.codiceFiscale}`));
  if (!laura || !operatore) throw new Error("seed del portafoglio: utenti demo assenti (serve prima il seed demo)");
  const [gia] = righeDi<{ n: number }>(await db.execute(sql`select count(*)::int as n from aziende where matricola like '00%'`));
  if (gia.n > 0) return { aziende: 0 };
  const conteggi = await db.transaction(async (tx) => {
    await tx.execute(sql`
      insert into aziende (matricola, codice_fiscale, ragione_sociale, csc, codice_ateco, gestione, sede_codice, pec, indirizzo, comune,
        provincia, cap, cf_legale_rappresentante, forza_media_semestre, ccnl)
      select '00' || lpad(g::text, 8, '0'), '9' || lpad(g::text, 10, '0'), 'Portafoglio Esempio ' || lpad(g::text, 4, '0') || ' S.r.l.',
        '11101', '25.11.00', 'privata',
        -- The sede of the demo operator of Padova (the companies are in Padova): the office's inbox has them too.
        coalesce((select sede_codice from abilitazioni_sede where utente_id = ${operatore.id} order by sede_codice limit 1), (select codice from sedi order by codice limit 1)), 'portafoglio' || g || '@pec.esempio.it',
        'Via del Portafoglio ' || g, 'Padova', 'PD', '35100', 'PRTFGL80A01G224X', 10 + g % 40, 'Metalmeccanica industria'
      from generate_series(1, ${n}) g`);
    await tx.execute(sql`
      insert into unita_produttive (azienda_id, codice, denominazione, indirizzo, comune, codice_catastale, provincia, cap, attivita)
      select id, 'UP1', 'Officina ' || substr(matricola, 7), indirizzo, comune, 'G224', provincia, cap, 'produzione'
      from aziende where matricola like '00%'`);
    await tx.execute(sql`
      insert into deleghe (intermediario_id, azienda_id, valida_dal, valida_al)
      select ${laura.id}, id, '2025-01-01', null from aziende where matricola like '00%'`);
    // k = the company's number; drafts: k % 3 of them.
    const base = sql`
      with a as (
        select a.id, u.id as unita, substr(a.matricola, 3)::int as k, a.sede_codice
        from aziende a join unita_produttive u on u.azienda_id = a.id where a.matricola like '00%'
      )`;
    await tx.execute(sql`${base}
      insert into domande (azienda_id, prestazione, unita_produttiva_id, stato, creata_da, creata_il, aggiornata_il)
      select a.id, 'CIGO', a.unita, 'bozza', ${laura.id}, ${rif}::date - (a.k % 30), ${rif}::date - (a.k % 30)
      from a cross join generate_series(1, 2) b where b <= a.k % 3`);
    // One authorised CIGO per company: 4 to 8 weeks starting 60–180 days before the reference day, decided 10 days after
    // sending; its act with the authorised hours (the act's PDF stands in: bench data only).
    await tx.execute(sql`${base}
      insert into domande (azienda_id, prestazione, unita_produttiva_id, stato, data_inizio, data_fine, protocollo, ticket, creata_da,
        creata_il, aggiornata_il, inviata_il, sede_codice, causale, scadenza_decisione, operatore_id, presa_in_carico_il, decisa_il)
      select a.id, 'CIGO', a.unita, 'autorizzata', s.inizio, s.inizio + (7 * (4 + a.k % 5) - 1), 'BENCH.PF.A.' || a.k, 'PFA' || lpad(a.k::text, 7, '0'),
        ${laura.id}, s.inizio - 20, s.inizio - 10, s.inizio - 20, a.sede_codice, 'mancanza_lavoro', s.inizio + 55, ${operatore.id}, s.inizio - 19,
        (s.inizio - 10)::timestamptz
      from a cross join lateral (select ${rif}::date - (60 + a.k % 120) as inizio) s`);
    await tx.execute(sql`
      insert into provvedimenti (domanda_id, numero, ticket, esito, motivazione, periodo_inizio, periodo_fine, ore_autorizzate,
        modalita_pagamento, sede_codice, data_decisione, deciso_da, deciso_il, pdf, pdf_sha256)
      select d.id, d.ticket || '-01', d.ticket, 'autorizzata', 'Dati del benchmark del portafoglio.', d.data_inizio, d.data_fine,
        8 * (d.data_fine - d.data_inizio + 1), case when d.id % 2 = 0 then 'diretto' else 'conguaglio' end, d.sede_codice,
        d.decisa_il::date, ${operatore.id}, d.decisa_il, decode('255044462d312e370a', 'hex'), repeat('0', 64)
      from domande d where d.protocollo like 'BENCH.PF.A.%'`);
    // Every fourth company: a domanda suspended on a supplemento istruttorio due within 20 days.
    await tx.execute(sql`${base}
      , s as (
        insert into domande (azienda_id, prestazione, unita_produttiva_id, stato, data_inizio, data_fine, protocollo, ticket, creata_da,
          creata_il, aggiornata_il, inviata_il, sede_codice, causale, scadenza_decisione, operatore_id, presa_in_carico_il, termine_sospeso_dal)
        select a.id, 'CIGO', a.unita, 'sospesa', ${rif}::date + 30, ${rif}::date + 57, 'BENCH.PF.S.' || a.k, 'PFS' || lpad(a.k::text, 7, '0'),
          ${laura.id}, ${rif}::date - 10, ${rif}::date - 5, ${rif}::date - 10, a.sede_codice, 'mancanza_lavoro', ${rif}::date + 105, ${operatore.id},
          ${rif}::date - 9, ${rif}::date - 5 + a.k % 20 - 15
        from a where a.k % 4 = 0
        returning id, termine_sospeso_dal
      )
      insert into richieste_istruttoria (domanda_id, tipo, testo, ricevuta_il, scadenza, creata_da)
      select s.id, 'supplemento_istruttorio', 'Inviate l''elenco degli ordini annullati.', s.termine_sospeso_dal, s.termine_sospeso_dal + 15, ${operatore.id}
      from s`);
    // Every fifth company: a domanda waiting for a decision.
    await tx.execute(sql`${base}
      insert into domande (azienda_id, prestazione, unita_produttiva_id, stato, data_inizio, data_fine, protocollo, ticket, creata_da,
        creata_il, aggiornata_il, inviata_il, sede_codice, causale, scadenza_decisione)
      select a.id, 'CIGO', a.unita, 'inviata', ${rif}::date + 60, ${rif}::date + 87, 'BENCH.PF.I.' || a.k, 'PFI' || lpad(a.k::text, 7, '0'),
        ${laura.id}, ${rif}::date - 3, ${rif}::date - 3, ${rif}::date - 3, a.sede_codice, 'mancanza_lavoro', ${rif}::date + 135
      from a where a.k % 5 = 0`);
    // The threads (issue 13): sending by the company, the Sede's request and decision; every third company a message of
    // the Sede, every seventh a message of the company on its domanda waiting. The company's side has read everything
    // up to the decision on even companies: unread entries both ways, for the portfolio's column and the inboxes.
    await tx.execute(sql`
      insert into eventi_domanda (domanda_id, quando, tipo, utente_id, descrizione, lato)
      select d.id, d.inviata_il, 'inviata', ${laura.id}::int, 'Domanda inviata', 'azienda'
      from domande d where d.protocollo like 'BENCH.PF.%'
      union all
      select d.id, d.decisa_il, 'decisa', ${operatore.id}::int, 'Domanda autorizzata', 'sede'
      from domande d where d.protocollo like 'BENCH.PF.A.%'
      union all
      select d.id, d.termine_sospeso_dal::timestamptz, 'richiesta', ${operatore.id}::int, 'Supplemento istruttorio inviato all''azienda', 'sede'
      from domande d where d.protocollo like 'BENCH.PF.S.%'`);
    await tx.execute(sql`
      insert into letture_filo (domanda_id, lato, ultimo_evento_id, letto_il)
      select e.domanda_id, 'azienda', max(e.id), max(e.quando)
      from eventi_domanda e join domande d on d.id = e.domanda_id
      where d.protocollo like 'BENCH.PF.A.%' and substr(d.protocollo, 12)::int % 2 = 0
      group by e.domanda_id`);
    await tx.execute(sql`
      insert into eventi_domanda (domanda_id, quando, tipo, utente_id, descrizione, lato, testo)
      select d.id, (${rif}::date - 1)::timestamptz, 'messaggio', ${operatore.id}::int, 'Messaggio della Sede INPS', 'sede', 'Ricordate di inviare i dati del pagamento diretto.'
      from domande d where d.protocollo like 'BENCH.PF.A.%' and substr(d.protocollo, 12)::int % 3 = 0
      union all
      select d.id, (${rif}::date - 2)::timestamptz, 'messaggio', ${laura.id}::int, 'Messaggio dell''azienda', 'azienda', 'Quando è prevista la decisione?'
      from domande d where d.protocollo like 'BENCH.PF.I.%' and substr(d.protocollo, 12)::int % 7 = 0`);
    const conta = async (q: ReturnType<typeof sql>) => righeDi<{ n: number }>(await tx.execute(q))[0].n;
    return {
      aziende: await conta(sql`select count(*)::int as n from aziende where matricola like '00%'`),
      domande: await conta(sql`select count(*)::int as n from domande d join aziende a on a.id = d.azienda_id where a.matricola like '00%'`),
      provvedimenti: await conta(sql`select count(*)::int as n from provvedimenti where numero like 'PFA%'`),
      richieste: await conta(sql`select count(*)::int as n from richieste_istruttoria r join domande d on d.id = r.domanda_id where d.protocollo like 'BENCH.PF.S.%'`),
      eventi: await conta(sql`select count(*)::int as n from eventi_domanda e join domande d on d.id = e.domanda_id where d.protocollo like 'BENCH.PF.%'`),
    };
  });
  // Statistics for the planner after the bulk load (as after any bulk load; the development server runs without
  // autovacuum): without them it takes the delegated companies for one row and rescans every grouped count once per
  // company (the portfolio's page from 7 ms to 4 s, measured with EXPLAIN ANALYZE).
  await db.execute(sql`analyze aziende, unita_produttive, deleghe, domande, provvedimenti, richieste_istruttoria, eventi_domanda, letture_filo, non_letti_filo`);
  return conteggi;
}
