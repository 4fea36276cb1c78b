// The company's cruscotto on a real database, with this file's own data (db/seed/cruscotto-demo.ts: C2's Cantiere
// Lungadige, a CIGO authorised with direct payment, November used in UniEmens and December in an accepted UniEmens-Cig
// return). Figures checked against the hand computation written in that file; access for every route: the employer of
// the chosen company yes, another company 404, the intermediary with an expired delega 404, the Sede 404, anonymous to
// sign-in; hostile parameters 404.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { denunceCig, unitaProduttive } from "#db/schema";
import { db } from "#db/connection";
import { scriviCruscottoDemo } from "#db/seed/cruscotto-demo";
import { LAURA_CONSULENTE, MARIO_ESEMPIO, OPERATORE_PADOVA } from "#db/seed/index";
import * as pagina from "~/routes/aziende.$id.cruscotto";
import * as csv from "~/routes/aziende.$id.cruscotto[.csv]";
import * as ingresso from "~/routes/cruscotto";
import type { Contesto } from "~/services/accesso.server";
import { cruscottoAzienda } from "~/services/cruscotto.server";
import { usaDatabaseDiTest } from "../database";
import { contesto, get, risposta, sessioneDi, type Identita } from "../richieste";
import { contestoDi, idAzienda } from "./domanda-completa";

usaDatabaseDiTest();

const OGGI = "2026-02-10";
let c1: number;
let c2: number;
let c4: number;
let up1: number;
let up2: number;
let mario: Identita;
let marioC1: Identita;
let laura: Identita;
let operatore: Identita;
let ctxMario: Contesto;

beforeAll(async () => {
  [c1, c2, c4] = [await idAzienda("C1"), await idAzienda("C2"), await idAzienda("C4")];
  await db().transaction((tx) => scriviCruscottoDemo(tx));
  const unita = async (codice: string) => (await db().select().from(unitaProduttive).where(and(eq(unitaProduttive.aziendaId, c2), eq(unitaProduttive.codice, codice))))[0].id;
  [up1, up2] = [await unita("UP1"), await unita("UP2")];
  mario = await sessioneDi(MARIO_ESEMPIO.codiceFiscale, "datore", c2);
  marioC1 = await sessioneDi(MARIO_ESEMPIO.codiceFiscale, "datore", c1);
  laura = await sessioneDi(LAURA_CONSULENTE.codiceFiscale, "intermediario");
  operatore = await sessioneDi(OPERATORE_PADOVA.codiceFiscale, "operatore_sede");
  ctxMario = await contestoDi(mario);
});

const args = (percorso: string, chi: Identita | undefined, id: number | string) => ({ request: get(percorso, chi), params: { id: String(id) }, context: contesto });

describe("cruscotto: figures", () => {
  it("authorised vs used per domanda and in total, capacity, deadlines (hand-computed)", async () => {
    const c = await cruscottoAzienda(ctxMario, c2, { unitaId: up1 }, OGGI);
    if (!c || c.nonTrovata || !c.unita) throw new Error("cruscotto assente");
    expect(c.unita.denominazione).toBe("Cantiere Lungadige");
    expect(c.righe).toHaveLength(1);
    const [r] = c.righe;
    expect(r).toMatchObject({ stato: "autorizzata", numero: "DEMOC2000001-01", oreAutorizzate: 1200, oreFruite: 280, oreResidue: 920, giorniAutorizzati: 34, giorniFruiti: 15, lavoratori: 5 });
    expect(r.settimaneAutorizzate).toBeCloseTo(6.8, 10);
    expect(r.settimaneFruite).toBeCloseTo(3, 10);
    expect(c.totale).toMatchObject({ oreAutorizzate: 1200, oreFruite: 280, giorniAutorizzati: 34, giorniFruiti: 15 });

    const [cigo] = c.capacita;
    expect(cigo).toMatchObject({ prestazione: "CIGO", dal: OGGI, settimaneMassime: 52, puoPresentare: true });
    expect(cigo.settimaneUtilizzate).toBeCloseTo(3, 10);
    expect(cigo.settimaneResidue).toBeCloseTo(49, 10);
    expect(cigo.biennio.messaggio).toContain("3 settimane su 52");
    expect(cigo.terzoOre!.autorizzate).toBe(1200);
    expect(cigo.proiezione.provvisorio).toBe(true);
    expect(c.continuo[0]).toMatchObject({ inCorso: false, periodo: { inizio: "2025-11-03", fine: "2025-12-19" } });
    expect(c.fascia!.settimane).toBeCloseTo(3, 10);

    expect(c.scadenze.map((s) => [s.competenza, s.scadenza, s.giorniRimanenti, s.scaduta, s.datiInviati])).toEqual([
      ["2025-11", "2026-01-31", -10, true, true],
      ["2025-12", "2026-02-28", 18, false, true],
    ]);
    // The other unit of C2 has no domanda of this file; the company table lists both units.
    expect(c.perUnita.map((u) => u.id).sort()).toEqual([up1, up2].sort());
    expect(c.perUnita.find((u) => u.id === up1)).toMatchObject({ domande: 1, oreAutorizzate: 1200, oreFruite: 280 });
  });

  it("a withdrawn UniEmens-Cig return no longer counts as used", async () => {
    await db().update(denunceCig).set({ eliminataIl: new Date() }).where(eq(denunceCig.ticket, "DEMOC2000001"));
    const c = await cruscottoAzienda(ctxMario, c2, { unitaId: up1 }, OGGI);
    if (!c || c.nonTrovata) throw new Error("cruscotto assente");
    expect(c.righe[0]).toMatchObject({ oreFruite: 240, giorniFruiti: 10 });
    await db().update(denunceCig).set({ eliminataIl: null }).where(eq(denunceCig.ticket, "DEMOC2000001"));
  });
});

describe("cruscotto: access", () => {
  it("the employer of the chosen company reads the page and every CSV", async () => {
    const r = await risposta(() => pagina.loader(args(`/aziende/${c2}/cruscotto?unita=${up1}`, mario, c2)));
    expect(r.status).toBe(200);
    const d = await r.json();
    expect(d.azienda.ragioneSociale).toBe("Edil Costruzioni Adige S.p.A.");
    for (const tabella of ["unita", "capacita", "domande", "scadenze"]) {
      const f = await risposta(() => csv.loader(args(`/aziende/${c2}/cruscotto.csv?tabella=${tabella}&unita=${up1}`, mario, c2)));
      expect(f.status, tabella).toBe(200);
      expect(f.headers.get("Content-Disposition")).toMatch(new RegExp(`^attachment; filename="cruscotto-${c2}-up${up1}-${tabella}-`));
      expect(f.headers.get("Cache-Control")).toContain("no-store");
    }
    const dom = await (await risposta(() => csv.loader(args(`/aziende/${c2}/cruscotto.csv?tabella=domande&unita=${up1}`, mario, c2)))).text();
    expect(dom).toContain("INPS.OMNIA.2025.0900001;");
    expect(dom).toContain(";1200;280;920;34;15;6.8;3");
  });

  it("another company, an expired delega, the Sede: 404; anonymous: sign-in; hostile parameters: 404", async () => {
    const stato = async (chi: Identita | undefined, percorso: string, id: number | string, modulo: typeof pagina | typeof csv = pagina) =>
      (await risposta(() => modulo.loader(args(percorso, chi, id)))).status;
    expect(await stato(marioC1, `/aziende/${c2}/cruscotto`, c2)).toBe(404); // employer acting for C1
    expect(await stato(laura, `/aziende/${c2}/cruscotto`, c2)).toBe(404); // delega expired 31/12/2025
    expect(await stato(laura, `/aziende/${c2}/cruscotto.csv?tabella=domande`, c2, csv)).toBe(404);
    expect(await stato(laura, `/aziende/${c4}/cruscotto`, c4)).toBe(200); // valid delega
    expect(await stato(operatore, `/aziende/${c2}/cruscotto`, c2)).toBe(404);
    expect(await stato(operatore, `/aziende/${c2}/cruscotto.csv`, c2, csv)).toBe(404);
    const anonimo = await risposta(() => pagina.loader(args(`/aziende/${c2}/cruscotto`, undefined, c2)));
    expect(anonimo.status).toBe(302);
    expect(anonimo.headers.get("Location")).toMatch(/^\/accedi\?ritorno=/);
    expect((await risposta(() => csv.loader(args(`/aziende/${c2}/cruscotto.csv`, undefined, c2)))).status).toBe(302);
    for (const [percorso, id] of [["/aziende/abc/cruscotto", "abc"], [`/aziende/${c2}/cruscotto?unita=xyz`, c2], [`/aziende/${c2}/cruscotto?unita=999999999`, c2], ["/aziende/99999999/cruscotto", 99999999], ["/aziende/1e3/cruscotto", "1e3"]] as const) {
      expect(await stato(mario, percorso, id), percorso).toBe(404);
    }
    expect(await stato(mario, `/aziende/${c2}/cruscotto.csv?tabella=segreta`, c2, csv)).toBe(404);
    // A unit of another company, asked through the employer's own company: 404.
    const [altra] = await db().select().from(unitaProduttive).where(eq(unitaProduttive.aziendaId, c1));
    expect(await stato(mario, `/aziende/${c2}/cruscotto?unita=${altra.id}`, c2)).toBe(404);
  });

  it("/cruscotto sends the employer to the company, the intermediary to the portfolio, the Sede to 404", async () => {
    const via = async (chi: Identita) => risposta(() => ingresso.loader({ request: get("/cruscotto", chi), params: {}, context: contesto }));
    expect((await via(mario)).headers.get("Location")).toBe(`/aziende/${c2}/cruscotto`);
    expect((await via(laura)).headers.get("Location")).toBe("/portafoglio");
    expect((await via(operatore)).status).toBe(404);
  });
});
