// Submissions that read each other, sent at the same instant through the real submit action: two drafts of the same
// unit with the same period may never both be protocolled. Each pair races; exactly one wins, the other is refused
// with the overlap outcome and nothing of its attempt is stored.
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { auditLog, domande, eventiDomanda } from "#db/schema";
import { db } from "#db/connection";
import { MARIO_ESEMPIO } from "#db/seed/index";
import type { DatiPeriodo } from "~/passi/schemi/periodo";
import { messaggiInvio } from "~/passi/schemi/invio";
import * as invio from "~/routes/domande.$id.invio";
import { BLOCCO_UNITA } from "~/services/invio.server";
import type { Contesto } from "~/services/accesso.server";
import { salvaPasso } from "~/services/domande.server";
import { usaDatabaseDiTest } from "../database";
import { contesto, get, post, risposta, sessioneDi, type Identita } from "../richieste";
import { bozzaCompleta, contestoDi, idAzienda } from "./domanda-completa";

usaDatabaseDiTest();

let mario: Identita;
let ctxMario: Contesto;
let c1: number;

beforeAll(async () => {
  c1 = await idAzienda("C1");
  mario = await sessioneDi(MARIO_ESEMPIO.codiceFiscale, "datore", c1);
  ctxMario = await contestoDi(mario);
});

const args = (request: Request, id: number) => ({ request, params: { id: String(id) }, context: contesto });

async function leggiDomanda(id: number) {
  const [d] = await db().select().from(domande).where(eq(domande.id, id));
  return d;
}

async function moduloInvio(id: number) {
  const r = await risposta(() => invio.loader(args(get(`/domande/${id}/invio`, mario), id)));
  expect(r.status).toBe(200);
  return (await r.json()) as { versione: number; chiaveInvio: string; bloccanti: Array<{ messaggio: string; regola: string }> };
}

function postInvio(id: number, versione: number, chiaveInvio: string) {
  return risposta(() =>
    invio.action(args(post(`/domande/${id}/invio`, { versione: String(versione), chiaveInvio, veridicita: "si", privacy: "si" }, mario), id)),
  );
}

/** Two sendable drafts of C1's first unit on the same days (the second is moved onto the first one's period). */
async function coppiaSovrapposta(): Promise<[number, number]> {
  const a = await bozzaCompleta(ctxMario, c1, { lavoratori: 1 });
  const b = await bozzaCompleta(ctxMario, c1, { lavoratori: 1 });
  const da = await leggiDomanda(a);
  const db_ = await leggiDomanda(b);
  const periodo = { ...(db_.dati.periodo as DatiPeriodo), dataInizio: da.dataInizio!, dataFine: da.dataFine! };
  const esito = await salvaPasso(ctxMario, b, db_.versione, {
    chiave: "periodo",
    valore: periodo,
    colonne: { dataInizio: da.dataInizio!, dataFine: da.dataFine! },
  });
  if (!esito.ok) throw new Error("periodo della seconda bozza non salvato");
  return [a, b];
}

describe("invio concorrente di domande che si sovrappongono", () => {
  it("protocols exactly one of two overlapping drafts sent at once; the other is refused and nothing of it is stored", async () => {
    const coppie: Array<[number, number]> = [];
    for (let i = 0; i < 4; i++) coppie.push(await coppiaSovrapposta());
    // Each draft alone can be sent: the forms show no blocking outcome before the race.
    const moduli = new Map<number, { versione: number; chiaveInvio: string }>();
    for (const id of coppie.flat()) {
      const m = await moduloInvio(id);
      expect(m.bloccanti).toEqual([]);
      moduli.set(id, m);
    }

    const risposte = await Promise.all(
      coppie.flat().map((id) => postInvio(id, moduli.get(id)!.versione, moduli.get(id)!.chiaveInvio)),
    );
    const stato = new Map(coppie.flat().map((id, i) => [id, risposte[i]]));

    for (const [a, b] of coppie) {
      const esiti = [stato.get(a)!, stato.get(b)!];
      expect(esiti.map((r) => r.status).sort()).toEqual([303, 422]);
      const vincitore = esiti[0].status === 303 ? a : b;
      const perdente = vincitore === a ? b : a;
      expect(stato.get(vincitore)!.headers.get("Location")).toBe(`/domande/${vincitore}/ricevuta`);
      expect((await stato.get(perdente)!.json()).error[""]).toEqual([messaggiInvio.bloccanti]);

      const v = await leggiDomanda(vincitore);
      expect(v.stato).toBe("inviata");
      expect(v.protocollo).toMatch(/^INPS\.OMNIA\.\d{4}\.\d{7}$/);

      // The loser: still a draft, no protocol, no ticket, no timeline event, only a refusal in the audit log.
      const p = await leggiDomanda(perdente);
      expect(p.stato).toBe("bozza");
      expect(p.protocollo).toBeNull();
      expect(p.ticket).toBeNull();
      expect(p.versione).toBe(moduli.get(perdente)!.versione);
      const eventi = await db()
        .select()
        .from(eventiDomanda)
        .where(and(eq(eventiDomanda.domandaId, perdente), eq(eventiDomanda.tipo, "inviata")));
      expect(eventi).toEqual([]);
      const audit = await db()
        .select({ esito: auditLog.esito })
        .from(auditLog)
        .where(and(eq(auditLog.oggettoId, String(perdente)), eq(auditLog.azione, "invia_domanda")));
      expect(audit.map((x) => x.esito)).toEqual(["negato"]);

      // Its submit page now names the overlap with the winner's protocol, in Italian.
      const dopo = await moduloInvio(perdente);
      const sovrapposizione = dopo.bloccanti.find((e) => /si sovrappone/.test(e.messaggio));
      expect(sovrapposizione?.messaggio).toContain(v.protocollo!);
    }
  });
});

describe("letture dell'invio dietro il lock dell'unità", () => {
  const suPostgres = inject("modelloDb").tipo === "postgres";

  // The submission sends its lock statement and the reads of its checks together (one write); PostgreSQL must run the
  // reads after the lock is granted, with a snapshot that sees what the lock's holder committed.
  it.skipIf(!suPostgres)("refuses a draft whose unit's lock was held by a submission that committed an overlapping domanda meanwhile", async () => {
    const [a, b] = await coppiaSovrapposta();
    const moduloB = await moduloInvio(b);
    expect(moduloB.bloccanti).toEqual([]);
    const { unitaProduttivaId } = await leggiDomanda(a);
    const protocollo = "INPS.OMNIA.2026.9999001";

    let rilascia!: () => void;
    const cancello = new Promise<void>((r) => (rilascia = r));
    let bloccato!: () => void;
    const preso = new Promise<void>((r) => (bloccato = r));
    // Another submission of the unit, by hand: it holds the unit's lock and marks the first draft sent, then commits
    // only once the second submission is waiting.
    const altra = db().transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${BLOCCO_UNITA}::int, ${unitaProduttivaId}::int)`);
      await tx.execute(sql`update domande set stato = 'inviata', protocollo = ${protocollo}, inviata_il = now() where id = ${a}`);
      bloccato();
      await cancello;
    });
    await preso;
    const invioB = postInvio(b, moduloB.versione, moduloB.chiaveInvio);
    // The second submission waits for the lock: its POST has not answered after a while.
    const inAttesa = await Promise.race([invioB.then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), 500))]);
    rilascia();
    await altra;
    expect(inAttesa).toBe(true);

    const r = await invioB;
    expect(r.status).toBe(422);
    expect((await r.json()).error[""]).toEqual([messaggiInvio.bloccanti]);
    expect((await leggiDomanda(b)).stato).toBe("bozza");
    const dopo = await moduloInvio(b);
    expect(dopo.bloccanti.find((e) => /si sovrappone/.test(e.messaggio))?.messaggio).toContain(protocollo);
  });
});
