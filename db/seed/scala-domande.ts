// --scale, after the companies and workers: the demo intermediary holds 1,000 companies, and 1,000,000 domande are
// spread over the companies (50,000 among the intermediary's 1,000, the rest over all the others), so "Le tue domande"
// and the Lavoratori step are measured on a database of a real national size. Set-based SQL (generate_series): the
// database writes the rows itself, no row crosses the wire.
import { sql } from "drizzle-orm";
import type { Db } from "../client";
import { righeDi } from "./inserimento";
import { DATA_RIFERIMENTO_SEED } from "./riferimento";
import { LAURA_CONSULENTE, MARIO_ESEMPIO, OPERATORE_PADOVA } from "./utenti-demo";

export const SCALA_DOMANDE = { aziendeIntermediario: 1_000, domandeIntermediario: 50_000, domandeTotali: 1_000_000 } as const;

export async function seedScalaDomande(db: Db, avanzamento: (fase: string) => void = () => {}): Promise<Record<string, number>> {
  const cf = LAURA_CONSULENTE.codiceFiscale;
  const [laura] = righeDi<{ id: number }>(await db.execute(sql`select id from utenti where codice_fiscale = ${cf}`));
  const [mario] = righeDi<{ id: number }>(await db.execute(sql`select id from utenti where codice_fiscale = ${MARIO_ESEMPIO.codiceFiscale}`));
  const [operatore] = righeDi<{ id: number }>(await db.execute(sql`select id from utenti where codice_fiscale = ${OPERATORE_PADOVA.codiceFiscale}`));
  if (!laura || !mario || !operatore) throw new Error("seed --scale: utenti demo assenti");
  const dal = DATA_RIFERIMENTO_SEED.slice(0, 4) + "-01-01";

  // Deleghe valid on the reference date, up to 1,000 companies (the companies with the lowest ids not yet delegated).
  await db.execute(sql`
    insert into deleghe (intermediario_id, azienda_id, valida_dal, valida_al)
    select ${laura.id}, a.id, ${dal}::date, null
    from aziende a
    where not exists (select 1 from deleghe d where d.azienda_id = a.id and d.intermediario_id = ${laura.id})
    order by a.id
    limit greatest(0, ${SCALA_DOMANDE.aziendeIntermediario} - (
      select count(distinct azienda_id) from deleghe where intermediario_id = ${laura.id}
        and valida_dal <= ${DATA_RIFERIMENTO_SEED}::date and (valida_al is null or valida_al >= ${DATA_RIFERIMENTO_SEED}::date)))`);
  avanzamento("deleghe");

  // Rows: n-th domanda of its company; one in five is sent (protocol of 2025, counter moved past them): half of those
  // (100,000 of 1,000,000) are open cases of the Sede's queue (inviata, in_istruttoria, sospesa) sent in the 120 days
  // before the reference date, with the queue's columns as the submission writes them (competent sede, causale,
  // 75-day deadline from sending or from the start of the period); the other half decided (autorizzata). The rest are
  // drafts; last change spread over the year before the reference date.
  // The company of the g-th row: the (g * 7919 mod n)-th company of the set, an equi-join on a constant n (a scalar
  // subquery), so the database hashes it instead of comparing every row with every company.
  const inserisci = (aziendeSql: ReturnType<typeof sql>, quante: number, creataDa: number, primoNumero: number) => sql`
    with a as (
      select x.id, row_number() over (order by x.id) - 1 as k from (${aziendeSql}) x
    ), u as (
      select azienda_id, min(id) as id from unita_produttive group by azienda_id
    ), g as (
      select g, a.id as azienda_id
      from generate_series(0, ${quante - 1}) g
      join a on a.k = (g::bigint * 7919) % (select count(*) from a)
    )
    , r as (
      select g.g, g.azienda_id,
        (case when g.g % 10 = 0 then (array['inviata','inviata','in_istruttoria','sospesa'])[1 + (g.g / 10) % 4]
              when g.g % 10 = 5 then 'autorizzata' else 'bozza' end)::stato_domanda as stato,
        case when g.g % 10 = 0
          then timestamptz '2025-10-13 08:00:00+02' + make_interval(secs => (g.g * 2654435761::bigint) % 10368000)
          else timestamptz '2025-02-01 08:00:00+01' + make_interval(secs => (g.g * 2654435761::bigint) % 31536000) end as quando
      from g
    )
    insert into domande (azienda_id, prestazione, unita_produttiva_id, stato, data_inizio, data_fine, protocollo,
      creata_da, creata_il, aggiornata_il, inviata_il, sede_codice, causale, scadenza_decisione, operatore_id,
      presa_in_carico_il, decisa_il)
    select r.azienda_id,
      (case when r.g % 5 = 4 then 'AIS_FIS' else 'CIGO' end)::prestazione,
      u.id,
      r.stato,
      case when r.g % 10 = 0 then (r.quando at time zone 'Europe/Rome')::date + (r.g % 3) * 7 else date '2025-01-06' + (r.g % 300) end,
      case when r.g % 10 = 0 then (r.quando at time zone 'Europe/Rome')::date + (r.g % 3) * 7 + 27 else date '2025-01-06' + (r.g % 300) + 27 end,
      case when r.stato <> 'bozza' then 'INPS.OMNIA.2025.' || lpad((${primoNumero} + r.g / 5)::text, 7, '0') end,
      ${creataDa},
      r.quando,
      r.quando,
      case when r.stato <> 'bozza' then r.quando end,
      case when r.stato <> 'bozza' then a.sede_codice end,
      case when r.stato <> 'bozza' then 'mancanza_lavoro' end,
      -- Sent rows are all CIGO (g divisible by 5): 75 days from sending or from the start of the period if later.
      case when r.stato <> 'bozza' then (r.quando at time zone 'Europe/Rome')::date + (case when r.g % 10 = 0 then (r.g % 3) * 7 else 0 end) + 75 end,
      case when r.stato in ('in_istruttoria', 'sospesa', 'autorizzata') then ${operatore.id}::int end,
      case when r.stato in ('in_istruttoria', 'sospesa', 'autorizzata') then r.quando + interval '2 days' end,
      case when r.stato = 'autorizzata' then r.quando + make_interval(days => 20 + (r.g % 50)) end
    from r left join u on u.azienda_id = r.azienda_id join aziende a on a.id = r.azienda_id`;
  const conta = async (q: ReturnType<typeof sql>) => Number(righeDi<{ n: string }>(await db.execute(q))[0].n);
  const prossimoNumero = async () =>
    1 + (await conta(sql`select coalesce(max(substr(protocollo, 17)::int), 0) as n from domande where protocollo like 'INPS.OMNIA.2025.%'`));

  // Only what is missing is added: a run interrupted after the first part resumes with the second.
  const delegate = sql`select azienda_id as id from deleghe where intermediario_id = ${laura.id}`;
  const giaIntermediario = await conta(sql`select count(*) as n from domande where azienda_id in (${delegate})`);
  if (giaIntermediario < SCALA_DOMANDE.domandeIntermediario) {
    await db.execute(inserisci(delegate, SCALA_DOMANDE.domandeIntermediario - giaIntermediario, laura.id, await prossimoNumero()));
  }
  avanzamento("domande dell'intermediaria");
  const mancanti = SCALA_DOMANDE.domandeTotali - (await conta(sql`select count(*) as n from domande`));
  if (mancanti > 0) {
    await db.execute(
      inserisci(sql`select id from aziende where id not in (${delegate})`, mancanti, mario.id, await prossimoNumero()),
    );
  }
  avanzamento("altre domande");
  await db.execute(sql`
    insert into contatori_protocollo (anno, ultimo)
    select 2025, coalesce(max(substr(protocollo, 17)::int), 0) from domande where protocollo like 'INPS.OMNIA.2025.%'
    on conflict (anno) do update set ultimo = greatest(contatori_protocollo.ultimo, excluded.ultimo)`);
  // Statistics for the planner, and the visibility map that lets the counts read the index alone.
  await db.execute(sql`vacuum analyze domande`);
  await db.execute(sql`vacuum analyze deleghe`);
  return {
    aziendeIntermediario: await conta(sql`select count(distinct azienda_id) as n from deleghe where intermediario_id = ${laura.id}`),
    domandeIntermediario: await conta(
      sql`select count(*) as n from domande where azienda_id in (select azienda_id from deleghe where intermediario_id = ${laura.id})`,
    ),
    domande: await conta(sql`select count(*) as n from domande`),
  };
}
