// The OpenID Connect sign-in against the local test provider over real HTTP (tests/oidc.ts): level 2 signs in with a
// new session, level 1 is refused in Italian, and a tampered or replayed answer (state, nonce, PKCE, code, missing
// sign-in cookie) signs nobody in. The provider keeps its state in the database (oidc_prova_dati).
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, oidcProvaDati, sessioni, transazioniAccesso } from "#db/schema";
import { db } from "#db/connection";
import { MARIO_ESEMPIO, OPERATORE_PADOVA } from "#db/seed/index";
import { messaggiIdentita } from "~/testi/identita";
import { idDaToken, validaToken } from "~/services/sessione.server";
import { accedi } from "~/services/autenticazione.server";
import { usaDatabaseDiTest } from "../database";
import { accediOidc, richiamaRitorno, usaFornitoreProva } from "../oidc";
import { Biscotti } from "../../bench/lib/http";
import { sessioneDi } from "../richieste";

usaDatabaseDiTest();
usaFornitoreProva();

const tokenSessione = (r: Response) => /omnia_sessione=([a-z2-7]{32})/.exec(r.headers.getSetCookie().join("\n"))?.[1] ?? null;

async function numeroSessioni(): Promise<number> {
  const [{ n }] = await db().select({ n: sql<number>`count(*)::int` }).from(sessioni);
  return n;
}

describe("accesso con OpenID Connect (fornitore di prova)", () => {
  it("livello 2: nuova sessione, cookie HttpOnly e SameSite=Lax, il cookie della transazione cancellato", async () => {
    const { risposta } = await accediOidc(OPERATORE_PADOVA.codiceFiscale);
    expect(risposta.status).toBe(303);
    expect(risposta.headers.get("Location")).toBe("/area-riservata");
    const cookie = risposta.headers.getSetCookie();
    expect(cookie.find((c) => c.startsWith("omnia_sessione="))).toMatch(/; Path=\/; HttpOnly; SameSite=Lax/);
    expect(cookie.find((c) => c.startsWith("omnia_accesso="))).toMatch(/^omnia_accesso=; Path=\/accedi\/ritorno; HttpOnly; SameSite=Lax; Max-Age=0/);
    const token = tokenSessione(risposta)!;
    expect((await validaToken(token))?.utente.codiceFiscale).toBe(OPERATORE_PADOVA.codiceFiscale);
    // Audited with the provider and the level; the sign-in in progress is gone.
    const [voce] = await db().select().from(auditLog).where(eq(auditLog.azione, "accesso")).orderBy(sql`${auditLog.id} desc`).limit(1);
    expect(voce.dettagli).toMatchObject({ livello: 2, fornitore: expect.stringMatching(/\/oidc-prova$/) });
    expect(await db().select().from(transazioniAccesso)).toEqual([]);
    // The provider's state lives in the database, not in one process.
    expect((await db().select({ m: oidcProvaDati.modello }).from(oidcProvaDati)).map((r) => r.m)).toEqual(
      expect.arrayContaining(["Session", "Grant", "AuthorizationCode"]),
    );
  });

  it("chi ha più profili va a sceglierlo; il ritorno chiesto è conservato", async () => {
    const { risposta } = await accediOidc(MARIO_ESEMPIO.codiceFiscale, { ritorno: "/domande" });
    expect(risposta.status).toBe(303);
    expect(risposta.headers.get("Location")).toBe("/profilo?ritorno=%2Fdomande");
  });

  it("livello 1: rifiutato con il messaggio in italiano, nessuna sessione", async () => {
    const prima = await numeroSessioni();
    const { risposta } = await accediOidc(MARIO_ESEMPIO.codiceFiscale, { livello: 1 });
    expect(risposta.status).toBe(403);
    expect(await risposta.json()).toEqual({ errore: messaggiIdentita.livelloInsufficiente });
    expect(tokenSessione(risposta)).toBeNull();
    expect(await numeroSessioni()).toBe(prima);
  });

  it("livello 3: accettato", async () => {
    expect((await accediOidc(OPERATORE_PADOVA.codiceFiscale, { livello: 3 })).risposta.status).toBe(303);
  });

  it("state manomesso nel ritorno: rifiutato", async () => {
    const { risposta } = await accediOidc(OPERATORE_PADOVA.codiceFiscale, {
      modificaRitorno: (u) => u.searchParams.set("state", "manomesso"),
    });
    expect(risposta.status).toBe(400);
    expect(await risposta.json()).toEqual({ errore: messaggiIdentita.accessoNonRiuscito });
    expect(tokenSessione(risposta)).toBeNull();
  });

  it("parametri cambiati fuori dall'oggetto firmato: il fornitore li ignora, vale la richiesta firmata", async () => {
    const { risposta } = await accediOidc(OPERATORE_PADOVA.codiceFiscale, {
      modificaAutorizzazione: (u) => {
        u.searchParams.set("nonce", "nonce-di-un-altro");
        u.searchParams.set("code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
      },
    });
    expect(risposta.status).toBe(303);
  });

  it("nonce: un ID token con un nonce diverso da quello conservato per l'accesso è rifiutato", async () => {
    const { risposta } = await accediOidc(OPERATORE_PADOVA.codiceFiscale, {
      modificaRitorno: async () => {
        await db().update(transazioniAccesso).set({ nonce: "nonce-di-un-altro-accesso" });
      },
    });
    expect(risposta.status).toBe(400);
    expect(tokenSessione(risposta)).toBeNull();
  });

  it("PKCE: un verificatore diverso da quello della code_challenge firmata fa fallire lo scambio del codice", async () => {
    const { risposta } = await accediOidc(OPERATORE_PADOVA.codiceFiscale, {
      modificaRitorno: async () => {
        await db().update(transazioniAccesso).set({ verificatore: "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk-di-un-altro" });
      },
    });
    expect(risposta.status).toBe(400);
    expect(tokenSessione(risposta)).toBeNull();
  });

  it("senza il cookie della transazione (codice iniettato in un altro browser): rifiutato", async () => {
    const { risposta } = await accediOidc(OPERATORE_PADOVA.codiceFiscale, { senzaTransazione: true });
    expect(risposta.status).toBe(400);
    expect(tokenSessione(risposta)).toBeNull();
  });

  it("lo stesso ritorno usato due volte: la seconda è rifiutata (transazione monouso)", async () => {
    const { risposta, urlRitorno, cookieRitorno } = await accediOidc(OPERATORE_PADOVA.codiceFiscale);
    expect(risposta.status).toBe(303);
    const replay = await richiamaRitorno(urlRitorno, cookieRitorno);
    expect(replay.status).toBe(400);
    expect(tokenSessione(replay)).toBeNull();
  });

  it("fissazione della sessione: il token che il browser aveva prima dell'accesso è cancellato, ne nasce uno nuovo", async () => {
    const piantata = await sessioneDi(MARIO_ESEMPIO.codiceFiscale);
    const { risposta } = await accediOidc(OPERATORE_PADOVA.codiceFiscale, { cookie: piantata.cookie });
    expect(risposta.status).toBe(303);
    const nuovo = tokenSessione(risposta)!;
    expect(`omnia_sessione=${nuovo}`).not.toBe(piantata.cookie);
    expect(await validaToken(piantata.cookie.split("=")[1])).toBeNull();
    expect(await db().select().from(sessioni).where(eq(sessioni.id, piantata.sessioneId))).toEqual([]);
    expect((await validaToken(nuovo))?.sessione.id).toBe(idDaToken(nuovo));
  });

  it("un'identità senza utente della piattaforma: nessuna sessione, rifiuto registrato nell'audit", async () => {
    const r = await accedi(null, { codiceFiscale: "PRVSCN80A01H501X", fornitore: "prova", livello: 2 }, null);
    expect(r).toBeNull();
    const [voce] = await db().select().from(auditLog).where(eq(auditLog.azione, "accesso")).orderBy(sql`${auditLog.id} desc`).limit(1);
    expect(voce).toMatchObject({ esito: "negato", dettagli: { motivo: "utente_sconosciuto" } });
  });
});

describe("due persone nello stesso browser", () => {
  it("il secondo accesso con un'altra identità non trova la sessione della prima presso il fornitore", async () => {
    const browser = new Biscotti();
    expect((await accediOidc(MARIO_ESEMPIO.codiceFiscale, { browser })).risposta.status).toBe(303);
    const { risposta } = await accediOidc(OPERATORE_PADOVA.codiceFiscale, { browser });
    expect(risposta.status).toBe(303);
    expect((await validaToken(tokenSessione(risposta)!))?.utente.codiceFiscale).toBe(OPERATORE_PADOVA.codiceFiscale);
  });
});

describe("dietro un proxy: l'emittente segue l'origine pubblica", () => {
  it("https://demo.esempio.it: emittente https, cookie Secure", async () => {
    const { risposta } = await accediOidc(OPERATORE_PADOVA.codiceFiscale, { origine: "https://demo.esempio.it" });
    expect(risposta.status).toBe(303);
    expect(risposta.headers.getSetCookie().find((c) => c.startsWith("omnia_sessione="))).toMatch(/; Secure$/);
    const [voce] = await db().select().from(auditLog).where(eq(auditLog.azione, "accesso")).orderBy(sql`${auditLog.id} desc`).limit(1);
    expect(voce.dettagli).toMatchObject({ fornitore: "https://demo.esempio.it/oidc-prova" });
  });
});
