// Sign-in, profile choice, sessions, CSRF and authorisation of the foundation's routes, on a real database.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { aziende, auditLog, sessioni } from "#db/schema";
import { db } from "#db/connection";
import { LAURA_CONSULENTE, MARIO_ESEMPIO, OPERATORE_PADOVA } from "#db/seed/index";
import * as accedi from "~/routes/accedi";
import * as areaRiservata from "~/routes/area-riservata";
import * as esci from "~/routes/esci";
import * as nuova from "~/routes/domande.nuova";
import * as layoutDomanda from "~/routes/domande.$id";
import * as profilo from "~/routes/profilo";
import { creaBozza } from "~/services/domande.server";
import { validaToken } from "~/services/sessione.server";
import { usaDatabaseDiTest } from "../database";
import { accediOidc, usaFornitoreProva } from "../oidc";
import { messaggiIdentita } from "~/testi/identita";
import { contesto, get, ORIGINE, post, risposta, sessioneDi } from "../richieste";

usaDatabaseDiTest();
usaFornitoreProva();

async function idAzienda(ragioneSociale: string): Promise<number> {
  const [a] = await db().select({ id: aziende.id }).from(aziende).where(eq(aziende.ragioneSociale, ragioneSociale));
  return a.id;
}

function cookieDa(r: Response, nome: string): string | null {
  const header = r.headers.get("Set-Cookie") ?? "";
  const m = header.match(new RegExp(`${nome}=([^;]*)`));
  return m ? m[1] : null;
}

/** POST /accedi ("Entra con SPID o CIE") with the anonymous CSRF token of the page. */
async function avviaAccesso() {
  const pagina = await risposta(() => accedi.loader({ request: get("/accedi"), params: {}, context: contesto }));
  const csrf = cookieDa(pagina, "omnia_csrf")!;
  const richiesta = new Request(`${ORIGINE}/accedi`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: `omnia_csrf=${csrf}`, Origin: ORIGINE },
    body: new URLSearchParams({ csrf }),
  });
  return risposta(() => accedi.action({ request: richiesta, params: {}, context: contesto }));
}

describe("accesso con SPID o CIE (OpenID Connect, fornitore di prova)", () => {
  it("/accedi offre «Entra con SPID o CIE» e imposta il cookie CSRF anonimo", async () => {
    const r = await risposta(() => accedi.loader({ request: get("/accedi"), params: {}, context: contesto }));
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({ configurato: true, prova: true });
    expect(r.headers.get("Set-Cookie")).toMatch(/HttpOnly; SameSite=Strict/);
  });

  it("chi ha più profili va a sceglierlo; solo l'hash del token di sessione è nel database", async () => {
    const { risposta: r } = await accediOidc(MARIO_ESEMPIO.codiceFiscale);
    expect(r.status).toBe(303);
    expect(r.headers.get("Location")).toBe("/profilo");
    const token = /omnia_sessione=([a-z2-7]{32})/.exec(r.headers.getSetCookie().join("\n"))![1];
    const [riga] = await db().select().from(sessioni).where(eq(sessioni.id, token));
    expect(riga).toBeUndefined();
    expect(await validaToken(token)).not.toBeNull();
  });

  it("un profilo solo: si entra direttamente nell'area riservata", async () => {
    const { risposta: r } = await accediOidc(OPERATORE_PADOVA.codiceFiscale);
    expect(r.status).toBe(303);
    expect(r.headers.get("Location")).toBe("/area-riservata");
  });

  it("senza cookie CSRF l'avvio dell'accesso risponde 403", async () => {
    const senzaCookie = new Request(`${ORIGINE}/accedi`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: ORIGINE },
      body: new URLSearchParams({ csrf: "0".repeat(32) }),
    });
    const r2 = await risposta(() => accedi.action({ request: senzaCookie, params: {}, context: contesto }));
    expect(r2.status).toBe(403);
  });

  it("in produzione senza OIDC_ISSUER il fornitore di prova non c'è, salvo DEMO_LOGIN=1", async () => {
    const prima = { ...process.env };
    try {
      process.env.NODE_ENV = "production";
      delete process.env.DEMO_LOGIN;
      const r = await avviaAccesso();
      expect(r.status).toBe(503);
      expect(await r.json()).toEqual({ errore: messaggiIdentita.fornitoreNonConfigurato });
      process.env.DEMO_LOGIN = "1";
      const r2 = await avviaAccesso();
      expect(r2.status).toBe(303);
      expect(r2.headers.get("Location")).toMatch(/^http:\/\/localhost:3000\/oidc-prova\/auth\?/);
    } finally {
      process.env.NODE_ENV = prima.NODE_ENV;
      if (prima.DEMO_LOGIN === undefined) delete process.env.DEMO_LOGIN;
      else process.env.DEMO_LOGIN = prima.DEMO_LOGIN;
    }
  });
});

describe("sessione", () => {
  it("scade dopo 30 minuti di inattività e dopo 12 ore in assoluto", async () => {
    const chi = await sessioneDi(MARIO_ESEMPIO.codiceFiscale);
    const token = chi.cookie.split("=")[1];
    const adesso = Date.now();
    expect(await validaToken(token, new Date(adesso + 29 * 60 * 1000))).not.toBeNull();
    // 29 minutes refreshed the idle clock; 31 minutes after that it has expired and is deleted.
    expect(await validaToken(token, new Date(adesso + 61 * 60 * 1000))).toBeNull();
    expect(await validaToken(token, new Date(adesso))).toBeNull();

    const altra = await sessioneDi(MARIO_ESEMPIO.codiceFiscale);
    const t2 = altra.cookie.split("=")[1];
    let t = Date.now();
    for (let i = 0; i < 26; i++) {
      t += 28 * 60 * 1000;
      if (t - adesso > 12 * 60 * 60 * 1000) break;
      expect(await validaToken(t2, new Date(t))).not.toBeNull();
    }
    expect(await validaToken(t2, new Date(adesso + 12 * 60 * 60 * 1000 + 1000))).toBeNull();
  });

  it("esci cancella la sessione; senza token CSRF risponde 403 e non cambia nulla", async () => {
    const chi = await sessioneDi(MARIO_ESEMPIO.codiceFiscale, "datore", await idAzienda("Officine Meccaniche Brenta S.r.l."));
    const rifiutata = await risposta(() =>
      esci.action({ request: post("/esci", {}, chi, { senzaCsrf: true }), params: {}, context: contesto }),
    );
    expect(rifiutata.status).toBe(403);
    expect(await validaToken(chi.cookie.split("=")[1])).not.toBeNull();
    const r = await risposta(() => esci.action({ request: post("/esci", {}, chi), params: {}, context: contesto }));
    expect(r.status).toBe(303);
    expect(await validaToken(chi.cookie.split("=")[1])).toBeNull();
    const dopo = await risposta(() =>
      areaRiservata.loader({ request: get("/area-riservata", chi), params: {}, context: contesto }),
    );
    expect(dopo.status).toBe(302);
    expect(dopo.headers.get("Location")).toMatch(/^\/accedi/);
  });
});

describe("scelta del profilo", () => {
  it("offre un profilo per azienda rappresentata e rifiuta una scelta estranea", async () => {
    const chi = await sessioneDi(MARIO_ESEMPIO.codiceFiscale);
    const r = await risposta(() => profilo.loader({ request: get("/profilo", chi), params: {}, context: contesto }));
    const { opzioni } = await r.json();
    expect(opzioni).toHaveLength(2);
    const estranea = await risposta(() =>
      profilo.action({ request: post("/profilo", { profilo: "intermediario" }, chi), params: {}, context: contesto }),
    );
    expect(estranea.status).toBe(422);
    const senzaCsrf = await risposta(() =>
      profilo.action({
        request: post("/profilo", { profilo: opzioni[0].valore }, chi, { senzaCsrf: true }),
        params: {},
        context: contesto,
      }),
    );
    expect(senzaCsrf.status).toBe(403);
    const ok = await risposta(() =>
      profilo.action({ request: post("/profilo", { profilo: opzioni[0].valore }, chi), params: {}, context: contesto }),
    );
    expect(ok.status).toBe(303);
    expect(ok.headers.get("Location")).toBe("/area-riservata");
  });
});

describe("autorizzazione per azienda (legale rappresentante o delega valida)", () => {
  it("il datore vede solo l'azienda scelta; l'intermediario solo quelle con delega valida oggi", async () => {
    const c1 = await idAzienda("Officine Meccaniche Brenta S.r.l.");
    const mario = await sessioneDi(MARIO_ESEMPIO.codiceFiscale, "datore", c1);
    const r = await risposta(() =>
      areaRiservata.loader({ request: get("/area-riservata", mario), params: {}, context: contesto }),
    );
    const dati = await r.json();
    expect(dati.aziende.map((a: { id: number }) => a.id)).toEqual([c1]);

    const laura = await sessioneDi(LAURA_CONSULENTE.codiceFiscale, "intermediario");
    const r2 = await risposta(() =>
      areaRiservata.loader({ request: get("/area-riservata", laura), params: {}, context: contesto }),
    );
    const nomi = (await r2.json()).aziende.map((a: { ragioneSociale: string }) => a.ragioneSociale);
    expect(nomi).toContain("Bottega Digitale S.n.c.");
    expect(nomi).not.toContain("Edil Costruzioni Adige S.p.A.");
  });

  it("un datore che si finge legale rappresentante di un'altra azienda non vede nulla", async () => {
    const c3 = await idAzienda("Bottega Digitale S.n.c.");
    const mario = await sessioneDi(MARIO_ESEMPIO.codiceFiscale, "datore", c3);
    const r = await risposta(() =>
      nuova.loader({ request: get(`/domande/nuova?azienda=${c3}`, mario), params: {}, context: contesto }),
    );
    expect(r.status).toBe(404);
  });

  it("delega scaduta: 404 senza rivelare l'esistenza, e una voce 'negato' nel registro di audit", async () => {
    const c2 = await idAzienda("Edil Costruzioni Adige S.p.A.");
    const laura = await sessioneDi(LAURA_CONSULENTE.codiceFiscale, "intermediario");
    const r = await risposta(() =>
      nuova.loader({ request: get(`/domande/nuova?azienda=${c2}`, laura), params: {}, context: contesto }),
    );
    expect(r.status).toBe(404);
    const cercata = await risposta(() =>
      nuova.loader({ request: get(`/domande/nuova?cerca=08765430239`, laura), params: {}, context: contesto }),
    );
    expect(cercata.status).toBe(422);
    const voci = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.oggettoTipo, "azienda"), eq(auditLog.oggettoId, String(c2)), eq(auditLog.esito, "negato")));
    expect(voci.length).toBeGreaterThan(0);
  });

  it("una domanda di un'altra azienda risponde 404 a intermediario senza delega e a un operatore", async () => {
    const c2 = await idAzienda("Edil Costruzioni Adige S.p.A.");
    const mario = await sessioneDi(MARIO_ESEMPIO.codiceFiscale, "datore", c2);
    const ctxMario = {
      utente: { id: 0 } as never,
      sessione: {} as never,
      ruolo: "datore" as const,
      aziendaAttivaId: c2,
    };
    const [u] = await db().select().from(sessioni).where(eq(sessioni.id, mario.sessioneId));
    ctxMario.utente = { id: u.utenteId, codiceFiscale: MARIO_ESEMPIO.codiceFiscale } as never;
    const id = await creaBozza(ctxMario, { aziendaId: c2, prestazione: "CIGO", fondo: null, nonSuggerita: false });

    const propria = await risposta(() =>
      layoutDomanda.loader({ request: get(`/domande/${id}`, mario), params: { id: String(id) }, context: contesto }),
    );
    expect(propria.status).toBe(200);
    const laura = await sessioneDi(LAURA_CONSULENTE.codiceFiscale, "intermediario");
    const operatore = await sessioneDi(OPERATORE_PADOVA.codiceFiscale, "operatore_sede");
    for (const chi of [laura, operatore]) {
      const r = await risposta(() =>
        layoutDomanda.loader({ request: get(`/domande/${id}`, chi), params: { id: String(id) }, context: contesto }),
      );
      expect(r.status).toBe(404);
    }
    const nonNumerico = await risposta(() =>
      layoutDomanda.loader({ request: get(`/domande/abc`, mario), params: { id: "abc" }, context: contesto }),
    );
    expect(nonNumerico.status).toBe(404);
  });

  it("il registro di audit è in sola aggiunta", async () => {
    await expect(db().delete(auditLog)).rejects.toThrow();
  });
});
