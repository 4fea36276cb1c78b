// The capacity warnings of each company, stored per day (ADR 027): the intermediary's portfolio filters and sorts by
// them across a thousand companies, and the rules engine costs about a millisecond per company. The warnings are the
// rules engine's (app/domain/cruscotto.ts: capacita, avvisoCapacita), computed here and only here, by the job
// avvisi-capacita (every five minutes: the first run of the day computes the new day's, the others the companies
// whose inputs changed) and by the portfolio itself for any company whose stored row is not current. A row is current
// only for its day, the version of its inputs (moved by database triggers at every write of what they read, and only
// then: drafts do not move it, migrations 0022 and 0027) and the rules' fingerprint (the parameters' catalogue and this
// process's code): never a stale warning shown as current. A query added below that reads another table, state or
// column must be added to the triggers (migration 0027) and to tests/integrazione/avvisi-capacita.test.ts.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { setImmediate as cedi } from "node:timers/promises";
import { Param, sql, type SQL } from "drizzle-orm";
import { avvisoCapacita, capacita } from "~/domain/cruscotto";
import type { DataISO } from "~/domain/date";
import type { Esito } from "~/domain/esito";
import { CATALOGO } from "~/domain/parametri";
import { db, righeDi } from "#db/connection";
import { autorizzazioniAziende, eEdiliziaLapidei, giorniSettimanali } from "./cruscotto.server";
import { oggi as oggiPiattaforma } from "./orologio.server";

export interface Spiegazione {
  messaggio: string;
  riferimento: string;
  provvisorio: boolean;
}

export const vista = (e: Esito): Spiegazione => ({ messaggio: e.messaggio, riferimento: e.riferimento, provvisorio: e.provvisorio });

let firma: string | undefined;

/** The Remix server build (remix.config.js serverBuildPath), from the project's root. */
const BUILD_REMIX = "build/index.js";

/**
 * The file whose code the fingerprint hashes: the Remix server build whenever there is one. The pages run this module
 * from inside that build, the jobs from another copy of it (in build/server.js, ADR 031, whose `import.meta.url` names
 * this source file): each hashing its own file gave two fingerprints, so every stored row one of them wrote was not
 * current for the other, and the five-minute job and the portfolio kept recomputing each other's companies. Without
 * a build (the tests run the sources), this module's own file.
 */
export function fileDellImpronta(urlModulo: string, esiste: (percorso: string) => boolean): string {
  const proprio = fileURLToPath(urlModulo);
  if (urlModulo.endsWith(`/${BUILD_REMIX}`)) return proprio;
  const build = fileURLToPath(new URL(`../../${BUILD_REMIX}`, urlModulo));
  return esiste(build) ? build : proprio;
}

/**
 * The rules' fingerprint: the parameters' catalogue and the code of the Remix server build (fileDellImpronta), so a
 * deployment that changes any rule makes every stored warning not current, and pages and jobs agree.
 */
export function firmaRegole(): string {
  if (firma) return firma;
  const h = createHash("sha256").update(JSON.stringify(CATALOGO));
  try {
    h.update(readFileSync(fileDellImpronta(import.meta.url, existsSync)));
  } catch {
    // No file behind the module (never the case for the server or the tests): the catalogue alone.
  }
  firma = h.digest("hex");
  return firma;
}

/** What the rules engine needs for the given companies: their authorisations (by company), data and units' names. */
export async function datiRegole(ids: number[]) {
  const autorizzazioni = await autorizzazioniAziende(ids);
  const [aziende, nomiUnita] = await Promise.all([datiAziende(ids), nomiUnitaDi(autorizzazioni.map((a) => a.unitaId))]);
  const perAzienda = new Map<number, typeof autorizzazioni>();
  for (const a of autorizzazioni) perAzienda.set(a.aziendaId, [...(perAzienda.get(a.aziendaId) ?? []), a]);
  return { perAzienda, aziende, nomiUnita };
}
export type DatiRegole = Awaited<ReturnType<typeof datiRegole>>;

/** The capacity warnings of a company: one per unit and benefit with authorisations (the rules engine). */
export function avvisiDi(aziendaId: number, { perAzienda, aziende, nomiUnita }: DatiRegole, oggi: DataISO): Spiegazione[] {
  const proprie = perAzienda.get(aziendaId) ?? [];
  const az = aziende.get(aziendaId);
  if (!az) return [];
  const gs = giorniSettimanali(az);
  const avvisi: Spiegazione[] = [];
  for (const u of new Set(proprie.map((a) => a.unitaId))) {
    const diUnita = proprie.filter((a) => a.unitaId === u);
    const chiavi = new Map(diUnita.filter((a) => a.prestazione !== "CISOA" && (a.prestazione !== "AIS_FONDO" || a.fondo)).map((a) => [`${a.prestazione}:${a.fondo ?? ""}`, a]));
    for (const a of chiavi.values()) {
      const nomeUnita = nomiUnita.get(u) ?? String(u);
      const c = capacita({
        oggi, prestazione: a.prestazione, fondo: a.fondo, unita: String(u), nomeUnita, giorniSettimanali: gs,
        ediliziaLapidei: eEdiliziaLapidei(az), dipendentiMedi: az.forzaMediaSemestre, autorizzazioni: diUnita,
      });
      const avviso = avvisoCapacita(c, oggi, nomeUnita);
      if (avviso) avvisi.push(vista(avviso));
    }
  }
  return avvisi;
}

/** The versions of the companies' inputs (0: never written since the triggers exist). */
export async function leggiVersioni(ids: number[]): Promise<Map<number, number>> {
  const r = righeDi<{ azienda_id: number; versione: string | number }>(await db().execute(sql`
    select azienda_id, versione from avvisi_capacita_versioni where azienda_id = any(${new Param(ids)}::int[])`));
  return new Map(r.map((x) => [x.azienda_id, Number(x.versione)]));
}

/**
 * Computes and stores the warnings of the given companies for `oggi`. Each company's version is read before its
 * data (a caller that has both passes them in that order): a write committed in between makes the stored row not
 * current (computed again), never a current row that misses it. A row is replaced only by one of the same or a later
 * day and the same or a later version.
 */
export async function calcolaAvvisi(
  ids: number[],
  oggi: DataISO,
  letti?: { versioni: Map<number, number>; dati: DatiRegole },
): Promise<Map<number, Spiegazione[]>> {
  const risultato = new Map<number, Spiegazione[]>();
  if (ids.length === 0) return risultato;
  const versioni = letti?.versioni ?? (await leggiVersioni(ids));
  const regole = letti?.dati ?? (await datiRegole(ids));
  for (const [i, id] of ids.entries()) {
    // About a millisecond per company the first time in a day: the event loop is given back every 50 companies.
    if (i > 0 && i % 50 === 0) await cedi();
    risultato.set(id, avvisiDi(id, regole, oggi));
  }
  await db().execute(sql`
    insert into avvisi_capacita as c (azienda_id, giorno, versione, firma, avvisi, calcolati_il)
    select x.id, ${oggi}::date, x.versione, ${firmaRegole()}, x.avvisi::jsonb, now()
    from unnest(${new Param(ids)}::int[], ${new Param(ids.map((id) => versioni.get(id) ?? 0))}::bigint[],
                ${new Param(ids.map((id) => JSON.stringify(risultato.get(id))))}::text[]) as x(id, versione, avvisi)
    on conflict (azienda_id) do update
      set giorno = excluded.giorno, versione = excluded.versione, firma = excluded.firma, avvisi = excluded.avvisi, calcolati_il = excluded.calcolati_il
      where c.giorno < excluded.giorno or (c.giorno = excluded.giorno and c.versione <= excluded.versione)`);
  return risultato;
}

/** SQL: the stored row `av` (left-joined, with the versions `v`) is current for `oggi`. */
export function avvisiCorrentiSql(oggi: DataISO): SQL {
  return sql`(av.giorno = ${oggi}::date and av.firma = ${firmaRegole()} and av.versione = coalesce(v.versione, 0))`;
}

/** Companies (with a delega valid on `oggi`, of one intermediary or of all) whose stored warnings are not current. */
export async function aziendeDaCalcolare(oggi: DataISO, opzioni: { intermediarioId?: number; limite?: number } = {}): Promise<number[]> {
  const chi = opzioni.intermediarioId === undefined ? sql`true` : sql`intermediario_id = ${opzioni.intermediarioId}`;
  const r = righeDi<{ id: number }>(await db().execute(sql`
    with delegate as (
      select distinct azienda_id from deleghe
      where ${chi} and valida_dal <= ${oggi} and (valida_al is null or valida_al >= ${oggi})
    )
    select dl.azienda_id as id from delegate dl
    left join avvisi_capacita_versioni v on v.azienda_id = dl.azienda_id
    left join avvisi_capacita av on av.azienda_id = dl.azienda_id
    where not coalesce(${avvisiCorrentiSql(oggi)}, false)
    order by dl.azienda_id
    ${opzioni.limite === undefined ? sql`` : sql`limit ${opzioni.limite}`}`));
  return r.map((x) => x.id);
}

const LOTTO = 200;

/**
 * The job (queue avvisi-capacita): every delegated company whose stored warnings are not current, in batches of 200,
 * at most `massimo` per run (the next run goes on). Returns how many were computed.
 */
export async function aggiornaAvvisiCapacita(oggi: DataISO = oggiPiattaforma(), massimo = 20_000): Promise<number> {
  let fatte = 0;
  while (fatte < massimo) {
    const ids = await aziendeDaCalcolare(oggi, { limite: Math.min(LOTTO, massimo - fatte) });
    if (ids.length === 0) break;
    await calcolaAvvisi(ids, oggi);
    fatte += ids.length;
    // A company written again while computed stays not current: the next run takes it (no endless loop here).
    if (ids.length < LOTTO) break;
  }
  return fatte;
}

async function datiAziende(ids: number[]) {
  const mappa = new Map<number, { gestione: "privata" | "agricola"; codiceAteco: string | null; forzaMediaSemestre: number }>();
  if (ids.length === 0) return mappa;
  const r = righeDi<{ id: number; gestione: "privata" | "agricola"; codice_ateco: string | null; forza: number }>(await db().execute(sql`
    select id, gestione, codice_ateco, forza_media_semestre as forza from aziende where id = any(${new Param(ids)}::int[])`));
  for (const a of r) mappa.set(a.id, { gestione: a.gestione, codiceAteco: a.codice_ateco, forzaMediaSemestre: a.forza });
  return mappa;
}

async function nomiUnitaDi(ids: number[]) {
  const unici = [...new Set(ids)];
  if (unici.length === 0) return new Map<number, string>();
  const r = righeDi<{ id: number; denominazione: string }>(await db().execute(sql`
    select id, denominazione from unita_produttive where id = any(${new Param(unici)}::int[])`));
  return new Map(r.map((x) => [x.id, x.denominazione]));
}
