// Withdrawal of a sent domanda before a decision, deletion of a draft, and the detail page with its timeline, on a
// real database: confirmation pages, one transaction each, audit entries kept, 404 for others.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, domandaLavoratori, domande, eventiDomanda } from "#db/schema";
import { db } from "#db/connection";
import { LAURA_CONSULENTE, MARIO_ESEMPIO, OPERATORE_PADOVA } from "#db/seed/index";
import * as dettaglio from "~/routes/domande.$id.dettaglio";
import * as elimina from "~/routes/domande.$id.elimina";
import * as rinuncia from "~/routes/domande.$id.rinuncia";
import type { StatoDomanda } from "~/domain/stati";
import type { Contesto } from "~/services/accesso.server";
import { inviaDomanda, nuovaChiaveInvio } from "~/services/invio.server";
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

async function leggi(id: number) {
  const [d] = await db().select().from(domande).where(eq(domande.id, id));
  return d;
}

async function inviata(ctx = ctxMario, aziendaId = c1): Promise<number> {
  const id = await bozzaCompleta(ctx, aziendaId);
  const e = await inviaDomanda(ctx, id, (await leggi(id)).versione, nuovaChiaveInvio());
  if (!e.ok) throw new Error("invio rifiutato");
  return id;
}

async function impostaStato(id: number, stato: StatoDomanda) {
  await db().update(domande).set({ stato }).where(eq(domande.id, id));
}

describe("rinuncia", () => {
  it("asks for confirmation, then withdraws in one go with timeline and audit", async () => {
    const id = await inviata();
    const pagina = await risposta(() => rinuncia.loader(args(get(`/domande/${id}/rinuncia`, mario), id)));
    expect(pagina.status).toBe(200);
    expect(await pagina.json()).toMatchObject({ ammessa: true, stato: "Inviata" });
    expect((await leggi(id)).stato).toBe("inviata");

    const r = await risposta(() => rinuncia.action(args(post(`/domande/${id}/rinuncia`, {}, mario), id)));
    expect(r.status).toBe(303);
    expect(r.headers.get("Location")).toBe(`/domande/${id}/dettaglio`);
    expect((await leggi(id)).stato).toBe("rinunciata");
    const eventi = await db().select().from(eventiDomanda).where(and(eq(eventiDomanda.domandaId, id), eq(eventiDomanda.tipo, "rinunciata")));
    expect(eventi).toHaveLength(1);
    const audit = await db().select().from(auditLog).where(and(eq(auditLog.azione, "rinuncia_domanda"), eq(auditLog.oggettoId, String(id))));
    expect(audit.map((a) => a.esito)).toEqual(["ok"]);

    // A second withdrawal (resent POST) changes nothing and says why.
    const di = await risposta(() => rinuncia.action(args(post(`/domande/${id}/rinuncia`, {}, mario), id)));
    expect(di.status).toBe(409);
    expect((await di.json()).errore).toContain("Rinunciata");
  });

  it("is possible while in istruttoria or suspended, never after a decision", async () => {
    for (const stato of ["in_istruttoria", "sospesa"] as const) {
      const id = await inviata();
      await impostaStato(id, stato);
      const r = await risposta(() => rinuncia.action(args(post(`/domande/${id}/rinuncia`, {}, mario), id)));
      expect(r.status).toBe(303);
      expect((await leggi(id)).stato).toBe("rinunciata");
    }
    for (const stato of ["autorizzata", "autorizzata_parziale", "respinta"] as const) {
      const id = await inviata();
      await impostaStato(id, stato);
      const pagina = await risposta(() => rinuncia.loader(args(get(`/domande/${id}/rinuncia`, mario), id)));
      expect((await pagina.json()).ammessa).toBe(false);
      const r = await risposta(() => rinuncia.action(args(post(`/domande/${id}/rinuncia`, {}, mario), id)));
      expect(r.status).toBe(409);
      expect((await r.json()).errore).toMatch(/solo prima della decisione/);
      expect((await leggi(id)).stato).toBe(stato);
    }
  });

  it("sends a draft to the delete page and refuses a POST without CSRF token", async () => {
    const bozza = await bozzaCompleta(ctxMario, c1);
    const g = await risposta(() => rinuncia.loader(args(get(`/domande/${bozza}/rinuncia`, mario), bozza)));
    expect(g.headers.get("Location")).toBe(`/domande/${bozza}/elimina`);
    expect((await risposta(() => rinuncia.action(args(post(`/domande/${bozza}/rinuncia`, {}, mario), bozza)))).status).toBe(409);
    expect((await leggi(bozza)).stato).toBe("bozza");

    const id = await inviata();
    const r = await risposta(() => rinuncia.action(args(post(`/domande/${id}/rinuncia`, {}, mario, { senzaCsrf: true }), id)));
    expect(r.status).toBe(403);
    const altraOrigine = await risposta(() =>
      rinuncia.action(args(post(`/domande/${id}/rinuncia`, {}, mario, { origine: "https://attaccante.example" }), id)),
    );
    expect(altraOrigine.status).toBe(403);
    expect((await leggi(id)).stato).toBe("inviata");
  });
});

describe("elimina", () => {
  it("deletes a draft with its workers after confirmation; the audit keeps its id", async () => {
    const id = await bozzaCompleta(ctxMario, c1);
    expect((await db().select().from(domandaLavoratori).where(eq(domandaLavoratori.domandaId, id))).length).toBeGreaterThan(0);
    const pagina = await risposta(() => elimina.loader(args(get(`/domande/${id}/elimina`, mario), id)));
    expect(pagina.status).toBe(200);
    expect((await leggi(id)).stato).toBe("bozza");

    const senza = await risposta(() => elimina.action(args(post(`/domande/${id}/elimina`, {}, mario, { senzaCsrf: true }), id)));
    expect(senza.status).toBe(403);
    expect(await leggi(id)).toBeDefined();

    const r = await risposta(() => elimina.action(args(post(`/domande/${id}/elimina`, {}, mario), id)));
    expect(r.status).toBe(303);
    expect(r.headers.get("Location")).toBe("/domande");
    expect(await leggi(id)).toBeUndefined();
    expect(await db().select().from(domandaLavoratori).where(eq(domandaLavoratori.domandaId, id))).toEqual([]);
    expect(await db().select().from(eventiDomanda).where(eq(eventiDomanda.domandaId, id))).toEqual([]);
    const audit = await db().select().from(auditLog).where(and(eq(auditLog.azione, "elimina_bozza"), eq(auditLog.oggettoId, String(id))));
    expect(audit).toHaveLength(1);
    expect(audit[0].dettagli).toMatchObject({ statoPrecedente: "bozza", aziendaId: c1 });
    // Gone: now a 404 like any unknown domanda.
    expect((await risposta(() => elimina.loader(args(get(`/domande/${id}/elimina`, mario), id)))).status).toBe(404);
  });

  it("never deletes a sent domanda", async () => {
    const id = await inviata();
    const g = await risposta(() => elimina.loader(args(get(`/domande/${id}/elimina`, mario), id)));
    expect(g.headers.get("Location")).toBe(`/domande/${id}/dettaglio`);
    const r = await risposta(() => elimina.action(args(post(`/domande/${id}/elimina`, {}, mario), id)));
    expect(r.status).toBe(409);
    expect((await leggi(id)).stato).toBe("inviata");
  });
});

describe("dettaglio", () => {
  it("shows the data as submitted, the timeline and the outcomes frozen at submission", async () => {
    const id = await inviata();
    const r = await risposta(() => dettaglio.loader(args(get(`/domande/${id}/dettaglio`, mario), id)));
    expect(r.status).toBe(200);
    const d = await r.json();
    const { protocollo } = await leggi(id);
    expect(d.riepilogo.intestazione.protocollo).toBe(protocollo);
    expect(d.riepilogo.sezioni).toHaveLength(8);
    expect(d.riepilogo.lavoratori.length).toBeGreaterThan(0);
    expect(d.eventi.map((e: { descrizione: string }) => e.descrizione)).toEqual(["Bozza creata", `Domanda inviata con protocollo ${protocollo}`]);
    expect(Array.isArray(d.esiti)).toBe(true);
    expect(d.rinunciabile).toBe(true);

    // Frozen: a later change of the stored outcomes is what the page shows, not a fresh computation.
    await db()
      .update(domande)
      .set({ esitiInvio: [{ passo: "periodo", regola: "r", riferimento: "art. 1", gravita: "avviso", messaggio: "Domanda tardiva", dati: {}, provvisorio: false }] })
      .where(eq(domande.id, id));
    const dopo = await (await risposta(() => dettaglio.loader(args(get(`/domande/${id}/dettaglio`, mario), id)))).json();
    expect(dopo.esiti).toEqual([expect.objectContaining({ gravita: "avviso", messaggio: "Domanda tardiva", slug: "periodo" })]);

    const bozza = await bozzaCompleta(ctxMario, c1);
    const b = await risposta(() => dettaglio.loader(args(get(`/domande/${bozza}/dettaglio`, mario), bozza)));
    expect(b.headers.get("Location")).toBe(`/domande/${bozza}`);
  });
});

describe("accesso", () => {
  it("answers 404 to an intermediary whose delega expired and to an operator, and changes nothing", async () => {
    const c2 = await idAzienda("C2");
    const marioC2 = await contestoDi(await sessioneDi(MARIO_ESEMPIO.codiceFiscale, "datore", c2));
    const spedita = await inviata(marioC2, c2);
    const bozza = await bozzaCompleta(marioC2, c2);
    const laura = await sessioneDi(LAURA_CONSULENTE.codiceFiscale, "intermediario");
    const operatore = await sessioneDi(OPERATORE_PADOVA.codiceFiscale, "operatore_sede");
    for (const chi of [laura, operatore]) {
      expect((await risposta(() => rinuncia.loader(args(get(`/domande/${spedita}/rinuncia`, chi), spedita)))).status).toBe(404);
      expect((await risposta(() => rinuncia.action(args(post(`/domande/${spedita}/rinuncia`, {}, chi), spedita)))).status).toBe(404);
      expect((await risposta(() => elimina.loader(args(get(`/domande/${bozza}/elimina`, chi), bozza)))).status).toBe(404);
      expect((await risposta(() => elimina.action(args(post(`/domande/${bozza}/elimina`, {}, chi), bozza)))).status).toBe(404);
      expect((await risposta(() => dettaglio.loader(args(get(`/domande/${spedita}/dettaglio`, chi), spedita)))).status).toBe(404);
    }
    expect((await leggi(spedita)).stato).toBe("inviata");
    expect((await leggi(bozza)).stato).toBe("bozza");
  });
});
