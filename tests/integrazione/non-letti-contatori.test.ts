// The unread counters per domanda and side (non_letti_filo, migration 0019) on a real database: kept at write time by
// the database in the transaction of the entry or of the read mark, so they always equal a recount from the timeline
// (the rule of NON_LETTI, app/domain/comunicazioni.ts) — across messages, requests, answers and readings on both sides,
// with writes and readings at the same moment, and for every thread of the seeded database; the migration's backfill
// rebuilds them from the entries and read marks.
import { readFileSync } from "node:fs";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { domande, eventiDomanda } from "#db/schema";
import { db } from "#db/connection";
import { LAURA_CONSULENTE, MARIO_ESEMPIO, OPERATORE_MILANO, OPERATORE_PADOVA } from "#db/seed/index";
import { contaComeNonLetto, type Lato, type LatoLettore } from "~/domain/comunicazioni";
import * as radice from "~/root";
import * as filoAzienda from "~/routes/domande.$id.messaggi";
import * as filoSede from "~/routes/scrivania_.$id.messaggi";
import type { Contesto } from "~/services/accesso.server";
import { casellaAzienda, casellaSede, conteggiNonLetti, nonLettiDomanda, scriviMessaggio, totaleNonLetti } from "~/services/comunicazioni/filo.server";
import { richiediInformazioni, rispondiRichiesta } from "~/services/istruttoria/interlocuzione.server";
import { usaDatabaseDiTest } from "../database";
import { contesto, get, risposta, sessioneDi, type Identita } from "../richieste";
import { contestoDi, idAzienda } from "./domanda-completa";
import { casoInIstruttoria, leggiDomanda } from "./istruttoria-caso";

usaDatabaseDiTest();

let mario: Identita;
let ctxMario: Contesto;
let operatore: Identita;
let ctxOperatore: Contesto;
let c1: number;

function righe<T>(r: unknown): T[] {
  return (Array.isArray(r) ? r : (r as { rows: T[] }).rows) as T[];
}

/** What is unread for `lato` in a thread, counted from the timeline and the read mark (the old way, for comparison). */
async function ricontati(lato: LatoLettore, domandaId: number): Promise<number> {
  const voci = righe<{ id: number; lato: Lato; tipo: string }>(await db().execute(sql`select id::int as id, lato, tipo from eventi_domanda where domanda_id = ${domandaId}`));
  const [l] = righe<{ ultimo: number }>(await db().execute(sql`select ultimo_evento_id::int as ultimo from letture_filo where domanda_id = ${domandaId} and lato = ${lato}`));
  return voci.filter((v) => v.id > (l?.ultimo ?? 0) && contaComeNonLetto(lato, v)).length;
}

/** The stored counter of a thread, checked against the recount. */
async function contatore(lato: LatoLettore, domandaId: number): Promise<number> {
  const n = await nonLettiDomanda(lato, domandaId);
  expect(n, `${lato} ${domandaId}`).toBe(await ricontati(lato, domandaId));
  return n;
}

const args = (request: Request, id: number) => ({ request, params: { id: String(id) }, context: contesto });
const apriAzienda = (id: number) => risposta(() => filoAzienda.loader(args(get(`/domande/${id}/messaggi`, mario), id)));
const apriSede = (id: number) => risposta(() => filoSede.loader(args(get(`/scrivania/${id}/messaggi`, operatore), id)));
const intestazione = async (chi: Identita) =>
  ((await (await risposta(() => radice.loader({ request: get("/area-riservata", chi), params: {}, context: contesto }))).json()) as { utente: { messaggi: { nonLetti: number } } }).utente.messaggi.nonLetti;

beforeAll(async () => {
  c1 = await idAzienda("C1");
  mario = await sessioneDi(MARIO_ESEMPIO.codiceFiscale, "datore", c1);
  ctxMario = await contestoDi(mario);
  operatore = await sessioneDi(OPERATORE_PADOVA.codiceFiscale, "operatore_sede");
  ctxOperatore = await contestoDi(operatore);
}, 120_000);

describe("contatori dei messaggi da leggere", () => {
  it("the database's rule is the domain's: each side and kind of entry counts as the domain says", async () => {
    const tipi = ["creata", "inviata", "presa_in_carico", "richiesta", "risposta", "ripresa", "decisa", "rettificata", "rinunciata", "messaggio", "promemoria", "scaduta"];
    const lati: Lato[] = ["azienda", "sede", "sistema"];
    for (const lettore of ["azienda", "sede"] as const) {
      for (const lato of lati) {
        for (const tipo of tipi) {
          const [r] = righe<{ v: boolean }>(await db().execute(sql`select voce_da_leggere(${lettore}, ${lato}, ${tipo}) as v`));
          expect(r.v, `${lettore} ${lato} ${tipo}`).toBe(contaComeNonLetto(lettore, { lato, tipo }));
        }
      }
    }
    // All of them in one thread (one statement): each side's counter is the domain's count.
    const d = await casoInIstruttoria(ctxMario, c1, ctxOperatore);
    await apriAzienda(d.id);
    await apriSede(d.id);
    await db().insert(eventiDomanda).values(lati.flatMap((lato) => tipi.map((tipo) => ({ domandaId: d.id, tipo, descrizione: `${lato} ${tipo}`, lato }))));
    const attese = (lettore: LatoLettore) => lati.flatMap((lato) => tipi.filter((tipo) => contaComeNonLetto(lettore, { lato, tipo }))).length;
    expect(await contatore("azienda", d.id)).toBe(attese("azienda"));
    expect(await contatore("sede", d.id)).toBe(attese("sede"));
  });

  it("write, read and answer on both sides: the thread's counters, the header, the inboxes and the totals follow", async () => {
    const d = await casoInIstruttoria(ctxMario, c1, ctxOperatore);
    await apriAzienda(d.id);
    await apriSede(d.id);
    expect([await contatore("azienda", d.id), await contatore("sede", d.id)]).toEqual([0, 0]);
    const [testataMario, testataSede] = [await intestazione(mario), await intestazione(operatore)];

    // The Sede asks for information and writes: two new entries for the company, none for the office.
    expect((await richiediInformazioni(ctxOperatore, d.id, d.versione, { tipo: "supplemento_istruttorio", testo: "Inviate l'elenco degli ordini annullati.", documenti: [] })).ok).toBe(true);
    expect((await scriviMessaggio(ctxOperatore, d.id, "La richiesta è nella scheda della domanda.")).ok).toBe(true);
    expect([await contatore("azienda", d.id), await contatore("sede", d.id)]).toEqual([2, 0]);
    expect(await intestazione(mario)).toBe(testataMario + 2);
    expect(await totaleNonLetti(ctxMario)).toBe(testataMario + 2);
    expect((await conteggiNonLetti(ctxMario)).perAzienda[c1]).toBeGreaterThanOrEqual(2);
    const inCasella = (await casellaAzienda(ctxMario, { soloNonLetti: true })).find((r) => r.domandaId === d.id);
    expect(inCasella).toMatchObject({ nonLetti: 2, ultimaDescrizione: "Messaggio della Sede INPS" });

    // The company reads: nothing new for it; it answers the request: one new entry for the office.
    await apriAzienda(d.id);
    expect(await contatore("azienda", d.id)).toBe(0);
    expect(await intestazione(mario)).toBe(testataMario);
    expect((await casellaAzienda(ctxMario, { soloNonLetti: true })).map((r) => r.domandaId)).not.toContain(d.id);
    const [richiesta] = righe<{ id: number }>(await db().execute(sql`select id from richieste_istruttoria where domanda_id = ${d.id} and stato = 'aperta'`));
    const sospesa = await leggiDomanda(d.id);
    expect((await rispondiRichiesta(ctxMario, d.id, richiesta.id, sospesa.versione, { testo: "Ecco l'elenco degli ordini.", file: [] })).ok).toBe(true);
    expect([await contatore("azienda", d.id), await contatore("sede", d.id)]).toEqual([0, 1]);
    expect(await intestazione(operatore)).toBe(testataSede + 1);
    const perSede = (await casellaSede(ctxOperatore, { soloNonLetti: true })).find((r) => r.domandaId === d.id);
    expect(perSede?.nonLetti).toBe(1);

    // The company writes again; the office reads: nothing new for it.
    expect((await scriviMessaggio(ctxMario, d.id, "Se serve altro scriveteci.")).ok).toBe(true);
    expect(await contatore("sede", d.id)).toBe(2);
    expect((await casellaSede(ctxOperatore)).find((r) => r.domandaId === d.id)?.ultimaDescrizione).toBe("Messaggio dell'azienda");
    await apriSede(d.id);
    expect([await contatore("azienda", d.id), await contatore("sede", d.id)]).toEqual([0, 0]);
    expect(await intestazione(operatore)).toBe(testataSede);
  });

  it("two messages written at the same moment count 2; a reading at the same moment as new messages loses none", async () => {
    const d = await casoInIstruttoria(ctxMario, c1, ctxOperatore);
    await apriAzienda(d.id);
    const esiti = await Promise.all([
      scriviMessaggio(ctxOperatore, d.id, "Primo messaggio contemporaneo."),
      scriviMessaggio(ctxOperatore, d.id, "Secondo messaggio contemporaneo."),
    ]);
    expect(esiti.every((e) => e.ok)).toBe(true);
    expect(await contatore("azienda", d.id)).toBe(2);

    // Readings of both kinds of profile and writings together, several rounds: the counter always equals the recount.
    for (let giro = 0; giro < 3; giro++) {
      await Promise.all([
        apriAzienda(d.id),
        scriviMessaggio(ctxOperatore, d.id, `Messaggio ${giro} a.`),
        scriviMessaggio(ctxOperatore, d.id, `Messaggio ${giro} b.`),
        apriAzienda(d.id),
        scriviMessaggio(ctxMario, d.id, `Risposta ${giro}.`),
        apriSede(d.id),
      ]);
      await contatore("azienda", d.id);
      await contatore("sede", d.id);
    }
    await apriAzienda(d.id);
    await apriSede(d.id);
    expect([await contatore("azienda", d.id), await contatore("sede", d.id)]).toEqual([0, 0]);
  });

  it("a domanda moved to another sede takes its unread entries for the office with it", async () => {
    const milano = await contestoDi(await sessioneDi(OPERATORE_MILANO.codiceFiscale, "operatore_sede"));
    const d = await casoInIstruttoria(ctxMario, c1, ctxOperatore);
    expect((await scriviMessaggio(ctxMario, d.id, "Una domanda per la Sede.")).ok).toBe(true);
    const [padova, diMilano] = [await totaleNonLetti(ctxOperatore), await totaleNonLetti(milano)];
    expect((await casellaSede(ctxOperatore, { soloNonLetti: true })).map((r) => r.domandaId)).toContain(d.id);
    const [altra] = righe<{ codice: string }>(await db().execute(sql`select sede_codice as codice from abilitazioni_sede where utente_id = ${milano.utente.id} limit 1`));
    await db().update(domande).set({ sedeCodice: altra.codice }).where(eq(domande.id, d.id));
    expect(await totaleNonLetti(ctxOperatore)).toBe(padova - 1);
    expect(await totaleNonLetti(milano)).toBe(diMilano + 1);
    expect((await casellaSede(milano, { soloNonLetti: true })).map((r) => r.domandaId)).toContain(d.id);
    expect((await casellaSede(ctxOperatore)).map((r) => r.domandaId)).not.toContain(d.id);
  });

  it("with the pool every operator's count and inbox cover every sede's threads", async () => {
    const milano = await contestoDi(await sessioneDi(OPERATORE_MILANO.codiceFiscale, "operatore_sede"));
    const d = await casoInIstruttoria(ctxMario, c1, ctxOperatore);
    expect((await scriviMessaggio(ctxMario, d.id, "Per chiunque legga in Sede.")).ok).toBe(true);
    const [padova, diMilano] = [await totaleNonLetti(ctxOperatore), await totaleNonLetti(milano)];
    const prima = process.env.OMNIA_ASSEGNAZIONE;
    process.env.OMNIA_ASSEGNAZIONE = "pool";
    try {
      const [{ tutti }] = righe<{ tutti: number }>(await db().execute(sql`
        select coalesce(sum(non_letti), 0)::int as tutti from non_letti_filo where lato = 'sede' and sede_codice is not null`));
      expect(tutti).toBeGreaterThanOrEqual(padova + diMilano);
      expect(await totaleNonLetti(milano)).toBe(tutti);
      expect(Object.values((await conteggiNonLetti(milano)).perAzienda).reduce((a, b) => a + b, 0)).toBe(tutti);
      expect((await casellaSede(milano, { soloNonLetti: true })).find((r) => r.domandaId === d.id)?.nonLetti).toBe(1);
    } finally {
      if (prima === undefined) delete process.env.OMNIA_ASSEGNAZIONE;
      else process.env.OMNIA_ASSEGNAZIONE = prima;
    }
  });

  it("an intermediary's header and portfolio read the counters of its delegated companies only", async () => {
    const laura = await sessioneDi(LAURA_CONSULENTE.codiceFiscale, "intermediario");
    const ctxLaura = await contestoDi(laura);
    const c3 = await idAzienda("C3");
    const prima = await totaleNonLetti(ctxLaura);
    const perC3 = (await conteggiNonLetti(ctxLaura)).perAzienda[c3] ?? 0;
    const [d] = await db().insert(domande).values({ aziendaId: c3, creataDa: ctxLaura.utente.id, prestazione: "AIS_FIS", stato: "inviata", protocollo: "NL-CONT" }).returning();
    await db().insert(eventiDomanda).values({ domandaId: d.id, tipo: "messaggio", descrizione: "Messaggio della Sede INPS", lato: "sede", testo: "Serve la firma." });
    expect(await totaleNonLetti(ctxLaura)).toBe(prima + 1);
    expect((await conteggiNonLetti(ctxLaura)).perAzienda[c3]).toBe(perC3 + 1);
    // Mario acts for C1 only: C3's message is not his.
    expect((await conteggiNonLetti(ctxMario)).perAzienda[c3]).toBeUndefined();
  });

  it("after this file's writes and a bulk load (the portfolio's generator: many entries and read marks per statement) every thread's counters equal a recount; the migration's backfill rebuilds them", async () => {
    const { seedPortafoglio } = await import("#db/seed/portafoglio");
    expect((await seedPortafoglio(db(), { aziende: 40, riferimento: "2026-02-10" })).eventi).toBe(122);
    const confronto = sql`
      with veri as (
        select e.domanda_id, l.lato,
               count(*) filter (where voce_da_leggere(l.lato, e.lato, e.tipo) and e.id > coalesce(lf.ultimo_evento_id, 0))::int as n
        from eventi_domanda e
        cross join (values ('azienda'), ('sede')) as l(lato)
        left join letture_filo lf on lf.domanda_id = e.domanda_id and lf.lato = l.lato
        group by e.domanda_id, l.lato
      )
      select count(*)::int as diversi, (select count(*)::int from veri) as fili
      from veri left join non_letti_filo c on c.domanda_id = veri.domanda_id and c.lato = veri.lato
      where veri.n <> coalesce(c.non_letti, 0)`;
    const [prima] = righe<{ diversi: number; fili: number }>(await db().execute(confronto));
    // Both sides of the 58 sent domande of the generator and of this file's threads.
    expect(prima.fili).toBeGreaterThanOrEqual((58 + 4) * 2);
    expect(prima.diversi).toBe(0);
    const [{ conNonLetti }] = righe<{ conNonLetti: number }>(await db().execute(sql`select count(*)::int as "conNonLetti" from non_letti_filo where non_letti > 0`));
    expect(conNonLetti).toBeGreaterThan(0);

    // The backfill is the migration's last statement: run on an emptied table, it gives the same rows.
    const migrazione = readFileSync("db/migrations/0019_non_letti_filo.sql", "utf8").split("--> statement-breakpoint");
    const riempimento = migrazione.at(-1)!;
    expect(riempimento).toContain("INSERT INTO non_letti_filo");
    const [{ sediDiverse }] = righe<{ sediDiverse: number }>(await db().execute(sql`
      select count(*)::int as "sediDiverse" from non_letti_filo c join domande d on d.id = c.domanda_id
      where c.lato = 'sede' and c.sede_codice is distinct from d.sede_codice`));
    expect(sediDiverse).toBe(0);
    const istantanea = sql`select domanda_id, lato, azienda_id, sede_codice, non_letti, ultimo_evento_id::text from non_letti_filo order by domanda_id, lato`;
    const attese = righe(await db().execute(istantanea));
    await db().transaction(async (tx) => {
      await tx.execute(sql`delete from non_letti_filo`);
      await tx.execute(sql.raw(riempimento));
    });
    expect(righe(await db().execute(istantanea))).toEqual(attese);
  });
});
