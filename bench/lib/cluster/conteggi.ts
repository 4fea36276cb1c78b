// After a load: what the database holds, against what the users were told. Run on a direct connection to PostgreSQL.
// - every acknowledged submission (303) is sent once: not a draft, a well-formed protocol, exactly one "inviata"
//   event and one successful audit entry; no protocol number given twice anywhere;
// - no half-written submission among all those tried: either a draft with nothing of a submission, or all of it;
// - every acknowledged new draft exists, and no draft was created that nobody was told about (a replayed POST);
// - every acknowledged decision has exactly one act, and no case more than one.
import { and, eq, gt, inArray, sql } from "drizzle-orm";
import type { Db } from "#db/client";
import { auditLog, domande, eventiDomanda, provvedimenti, utenti } from "#db/schema";
import type { StatoCarico } from "./carico";

const PROTOCOLLO = /^INPS\.OMNIA\.\d{4}\.\d{7}$/;

export interface Conteggi {
  inviiConfermati: number;
  /** Acknowledged but not sent (or sent more than once) in the database. */
  inviiPersi: number;
  inviiDuplicati: number;
  /** Tried submissions found neither a clean draft nor a complete submission. */
  inviiAMeta: number;
  /** Submissions refused by a rule (422): an answer, not an error. */
  inviiRifiutati: number;
  /** Not acknowledged (an error or no answer) and found sent anyway: the user will learn it on resending. */
  inviiNonConfermatiMaRiusciti: number;
  protocolliDuplicatiNelDatabase: number;
  bozzeConfermate: number;
  bozzePerse: number;
  /** Drafts of the bench's users created during the run that no acknowledged POST accounts for. */
  bozzeNonConfermate: number;
  decisioniConfermate: number;
  decisioniPerse: number;
  casiConPiuAtti: number;
}

export async function contaNelDatabase(db: Db, stato: StatoCarico, opzioni: { idPrima: number; codiciFiscali: string[] }): Promise<Conteggi> {
  const tentati = [...new Set(stato.invii.map((i) => i.id))];
  const righe = tentati.length ? await db.select().from(domande).where(inArray(domande.id, tentati)) : [];
  const eventi = tentati.length
    ? await db
        .select({ id: eventiDomanda.domandaId, n: sql<number>`count(*)::int` })
        .from(eventiDomanda)
        .where(and(inArray(eventiDomanda.domandaId, tentati), eq(eventiDomanda.tipo, "inviata")))
        .groupBy(eventiDomanda.domandaId)
    : [];
  const audit = tentati.length
    ? await db
        .select({ id: auditLog.oggettoId, n: sql<number>`count(*)::int` })
        .from(auditLog)
        .where(and(inArray(auditLog.oggettoId, tentati.map(String)), eq(auditLog.azione, "invia_domanda"), eq(auditLog.esito, "ok")))
        .groupBy(auditLog.oggettoId)
    : [];
  const nEventi = new Map(eventi.map((e) => [e.id, e.n]));
  const nAudit = new Map(audit.map((a) => [Number(a.id), a.n]));
  const perId = new Map(righe.map((r) => [r.id, r]));
  let inviiAMeta = 0;
  let inviiDuplicati = 0;
  const inviata = (id: number) => {
    const d = perId.get(id);
    return Boolean(d && d.stato !== "bozza" && d.protocollo && PROTOCOLLO.test(d.protocollo) && d.ticket && d.inviataIl && nEventi.get(id) === 1 && nAudit.get(id) === 1);
  };
  for (const id of tentati) {
    const d = perId.get(id);
    if (!d) continue;
    const bozzaPulita = d.stato === "bozza" && !d.protocollo && !d.ticket && !d.inviataIl && !nEventi.get(id) && !nAudit.get(id);
    if ((nEventi.get(id) ?? 0) > 1 || (nAudit.get(id) ?? 0) > 1) inviiDuplicati++;
    else if (!bozzaPulita && !inviata(id)) inviiAMeta++;
  }
  const confermati = stato.invii.filter((i) => i.stato === 303);
  const nonConfermati = stato.invii.filter((i) => i.stato !== 303 && i.stato !== 422);
  const [{ n: protocolliDuplicatiNelDatabase }] = await db.execute<{ n: number }>(sql`
    select count(*)::int as n from (select protocollo from ${domande} where protocollo is not null group by protocollo having count(*) > 1) d`).then(
    (r) => (Array.isArray(r) ? r : (r as unknown as { rows: Array<{ n: number }> }).rows),
  );

  // Drafts created by the bench's users after the run began.
  const autori = await db.select({ id: utenti.id }).from(utenti).where(inArray(utenti.codiceFiscale, opzioni.codiciFiscali));
  const nuove = await db
    .select({ id: domande.id })
    .from(domande)
    .where(and(gt(domande.id, opzioni.idPrima), inArray(domande.creataDa, autori.map((a) => a.id))));
  const nuoveId = new Set(nuove.map((n) => n.id));
  const confermate = new Set(stato.create);

  const decise = [...new Set(stato.decise)];
  const atti = decise.length
    ? await db
        .select({ id: provvedimenti.domandaId, n: sql<number>`count(*)::int` })
        .from(provvedimenti)
        .where(inArray(provvedimenti.domandaId, decise))
        .groupBy(provvedimenti.domandaId)
    : [];
  const nAtti = new Map(atti.map((a) => [a.id, a.n]));
  const [{ n: casiConPiuAtti }] = await db.execute<{ n: number }>(sql`
    select count(*)::int as n from (select domanda_id from ${provvedimenti} group by domanda_id having count(*) > 1) p`).then(
    (r) => (Array.isArray(r) ? r : (r as unknown as { rows: Array<{ n: number }> }).rows),
  );

  return {
    inviiConfermati: confermati.length,
    inviiPersi: confermati.filter((i) => !inviata(i.id)).length,
    inviiDuplicati,
    inviiAMeta,
    inviiRifiutati: stato.invii.filter((i) => i.stato === 422).length,
    inviiNonConfermatiMaRiusciti: nonConfermati.filter((i) => inviata(i.id)).length,
    protocolliDuplicatiNelDatabase,
    bozzeConfermate: confermate.size,
    bozzePerse: [...confermate].filter((id) => !nuoveId.has(id)).length,
    bozzeNonConfermate: [...nuoveId].filter((id) => !confermate.has(id)).length,
    decisioniConfermate: decise.length,
    decisioniPerse: decise.filter((id) => nAtti.get(id) !== 1).length,
    casiConPiuAtti,
  };
}

/** The highest domanda id now (drafts above it were created by the run). */
export async function ultimoIdDomanda(db: Db): Promise<number> {
  const [r] = await db.select({ id: sql<number>`coalesce(max(${domande.id}), 0)::int` }).from(domande);
  return r.id;
}
