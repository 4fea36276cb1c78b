// CISOA: at most 90 days a year per worker (art. 8 L. 457/1972; docs/regole.md durata.cisoa.giorni), whatever the unit
// that asks for them. Two domande of two different units of the same farm name the same worker, for 47 and 45 days:
// each one alone can be sent, both together would give her 92. Sent at the same instant through the real submit
// action, the unit locks do not serialise them (two units), the per-worker lock does: exactly one is protocolled,
// the other is refused with the worker's days, nothing of it stored. Sent one after the other, the second is refused
// too (the count reads other units' domande, not only the unit's own).
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { aziende, domande, giornateAgricole, lavoratori, rapportiLavoro, unitaProduttive } from "#db/schema";
import { db } from "#db/connection";
import { LAURA_CONSULENTE } from "#db/seed/index";
import { messaggiInvio } from "~/passi/schemi/invio";
import * as invio from "~/routes/domande.$id.invio";
import type { Contesto } from "~/services/accesso.server";
import { usaDatabaseDiTest } from "../database";
import { contesto, get, post, risposta, sessioneDi, type Identita } from "../richieste";
import { bozzaCompleta, contestoDi } from "./domanda-completa";

usaDatabaseDiTest();

const IRINA = "DMSRNI95E60Z129K";
/**
 * Unit 1: Monday 16/02 to Saturday 11/04/2026 on the six-day agricultural week, Easter Monday excluded: 47 days.
 * Unit 2: the next eight weeks, 13/04 to 06/06/2026, without 25/04, 01/05 and 02/06: 45 days. Together 92 (a day
 * claimed twice counts once, so the periods follow each other).
 */
const PERIODO_1 = {
  causale: "cisoa_altre_cause",
  eone: false,
  meteo: false,
  straordinaria: false,
  tipo: "sospensione",
  dataInizio: "2026-02-16",
  dataFine: "2026-04-11",
  oreRichieste: 300,
  tipoLavoro: "potatura e raccolta",
};
const PERIODO_2 = { ...PERIODO_1, dataInizio: "2026-04-13", dataFine: "2026-06-06" };

let laura: Identita;
let ctx: Contesto;
let c5: number;
let up1: number;
let up2: number;

beforeAll(async () => {
  // The reference date of the demo data (Irina's 250 days in 2025 make her eligible for a period in 2026).
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-02-10T09:00:00Z"));
  [{ id: c5 }] = await db().select({ id: aziende.id }).from(aziende).where(eq(aziende.cida, "AGR-000123"));
  const [unita] = await db().select().from(unitaProduttive).where(eq(unitaProduttive.aziendaId, c5));
  up1 = unita.id;
  // A second unit of the farm where Irina works too (a vineyard), with her days there.
  const { id: _id, ...copia } = unita;
  [{ id: up2 }] = await db()
    .insert(unitaProduttive)
    .values({ ...copia, codice: "UP2", denominazione: "Vigneto di prova", indirizzo: "Contrada del Collaudo 9" })
    .returning({ id: unitaProduttive.id });
  const [rapporto] = await db()
    .select({ r: rapportiLavoro })
    .from(rapportiLavoro)
    .innerJoin(lavoratori, eq(lavoratori.id, rapportiLavoro.lavoratoreId))
    .where(and(eq(lavoratori.codiceFiscale, IRINA), eq(rapportiLavoro.unitaProduttivaId, up1)));
  const { id: rapportoId, ...r } = rapporto.r;
  const [{ id: nuovo }] = await db().insert(rapportiLavoro).values({ ...r, unitaProduttivaId: up2 }).returning({ id: rapportiLavoro.id });
  const giornate = await db().select().from(giornateAgricole).where(eq(giornateAgricole.rapportoId, rapportoId));
  await db().insert(giornateAgricole).values(giornate.map((g) => ({ ...g, rapportoId: nuovo })));
  laura = await sessioneDi(LAURA_CONSULENTE.codiceFiscale, "intermediario");
  ctx = await contestoDi(laura);
});

afterAll(() => {
  vi.useRealTimers();
});

const args = (request: Request, id: number) => ({ request, params: { id: String(id) }, context: contesto });

async function leggiDomanda(id: number) {
  const [d] = await db().select().from(domande).where(eq(domande.id, id));
  return d;
}

async function moduloInvio(id: number) {
  const r = await risposta(() => invio.loader(args(get(`/domande/${id}/invio`, laura), id)));
  expect(r.status).toBe(200);
  return (await r.json()) as { versione: number; chiaveInvio: string; bloccanti: Array<{ messaggio: string }> };
}

function postInvio(id: number, m: { versione: number; chiaveInvio: string }) {
  return risposta(() =>
    invio.action(args(post(`/domande/${id}/invio`, { versione: String(m.versione), chiaveInvio: m.chiaveInvio, veridicita: "si", privacy: "si" }, laura), id)),
  );
}

/** A sendable CISOA draft of the unit for Irina alone. */
async function bozzaCisoa(unitaProduttivaId: number): Promise<number> {
  const periodo = unitaProduttivaId === up1 ? PERIODO_1 : PERIODO_2;
  const id = await bozzaCompleta(ctx, c5, { prestazione: "CISOA", unitaProduttivaId, periodo, codiciFiscali: [IRINA] });
  const m = await moduloInvio(id);
  expect(m.bloccanti).toEqual([]);
  return id;
}

const oltre90 = (b: Array<{ messaggio: string }>) =>
  b.find((e) => /^Irina Dimostrato: nel 2026 i giorni di CISOA sarebbero 92, oltre il massimo di 90 giorni/.test(e.messaggio));

describe("CISOA: 90 giorni per lavoratore tra domande di unità diverse", () => {
  it("two units sending the same worker's days at once: exactly one is protocolled, the other refused with her 92 days", async () => {
    for (let prova = 0; prova < 3; prova++) {
      const a = await bozzaCisoa(up1);
      const b = await bozzaCisoa(up2);
      const ma = await moduloInvio(a);
      const mb = await moduloInvio(b);
      const [ra, rb] = await Promise.all([postInvio(a, ma), postInvio(b, mb)]);
      expect([ra.status, rb.status].sort()).toEqual([303, 422]);
      const [vincitore, perdente, rPerdente] = ra.status === 303 ? [a, b, rb] : [b, a, ra];
      expect((await rPerdente.json()).error[""]).toEqual([messaggiInvio.bloccanti]);
      expect((await leggiDomanda(vincitore)).stato).toBe("inviata");
      const p = await leggiDomanda(perdente);
      expect(p.stato).toBe("bozza");
      expect(p.protocollo).toBeNull();
      expect(oltre90((await moduloInvio(perdente)).bloccanti)).toBeDefined();
      // Withdrawn, the winner frees the days for the next round (a draft claims none).
      await db().update(domande).set({ stato: "rinunciata" }).where(eq(domande.id, vincitore));
    }
  });

  it("one after the other: the second unit's domanda is refused once the first is sent", async () => {
    const a = await bozzaCisoa(up1);
    const b = await bozzaCisoa(up2);
    expect((await postInvio(a, await moduloInvio(a))).status).toBe(303);
    const m = await moduloInvio(b);
    expect(oltre90(m.bloccanti)).toBeDefined();
    expect((await postInvio(b, m)).status).toBe(422);
    expect((await leggiDomanda(b)).stato).toBe("bozza");
  });
});
