// Deleghe managed in the platform: request, confirmation or refusal by the legal representative, validation by
// declaration, revocation by either side, expiry by date; every change audited; the authorisation module reads the
// records (state and period), so access follows at once. Sub-abilitazioni: an employee enabled by the legal
// representative acts for that company only, until revoked.
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, deleghe, utenti } from "#db/schema";
import { db } from "#db/connection";
import { LAURA_CONSULENTE, MARIO_ESEMPIO } from "#db/seed/index";
import * as pagina from "~/routes/deleghe._index";
import * as nuova from "~/routes/deleghe.nuova";
import * as abilita from "~/routes/deleghe.abilita";
import { idAziendeDelegate, opzioniProfilo, type Contesto } from "~/services/accesso.server";
import { aziendaAutorizzata } from "~/services/autorizzazione.server";
import { oggi } from "~/services/orologio.server";
import { messaggiDeleghe } from "~/testi/deleghe";
import { usaDatabaseDiTest } from "../database";
import { contesto, get, post, risposta, sessioneDi, type Identita } from "../richieste";
import { contestoDi, idAzienda, MATRICOLE } from "./domanda-completa";

usaDatabaseDiTest();

let laura: Identita;
let marioC1: Identita;
let marioC2: Identita;
let c1: number;
let c2: number;
let ctxLaura: Contesto;

beforeAll(async () => {
  [c1, c2] = [await idAzienda("C1"), await idAzienda("C2")];
  laura = await sessioneDi(LAURA_CONSULENTE.codiceFiscale, "intermediario");
  marioC1 = await sessioneDi(MARIO_ESEMPIO.codiceFiscale, "datore", c1);
  marioC2 = await sessioneDi(MARIO_ESEMPIO.codiceFiscale, "datore", c2);
  ctxLaura = await contestoDi(laura);
});

async function invia(modulo: typeof nuova | typeof abilita | typeof pagina, percorso: string, campi: Record<string, string>, chi: Identita) {
  return risposta(() => modulo.action({ request: post(percorso, campi, chi), params: {}, context: contesto }));
}

async function ultimaDelega() {
  const [d] = await db().select().from(deleghe).where(eq(deleghe.intermediarioId, ctxLaura.utente.id)).orderBy(sql`${deleghe.id} desc`).limit(1);
  return d;
}

async function azioniAudit(oggettoId: number): Promise<string[]> {
  const righe = await db()
    .select({ azione: auditLog.azione, esito: auditLog.esito })
    .from(auditLog)
    .where(and(eq(auditLog.oggettoTipo, "delega"), eq(auditLog.oggettoId, String(oggettoId))))
    .orderBy(auditLog.id);
  return righe.map((r) => `${r.azione}:${r.esito}`);
}

describe("ciclo di vita di una delega", () => {
  it("richiesta → confermata dal legale rappresentante → accesso; revocata → nessun accesso; tutto nell'audit", async () => {
    expect(await aziendaAutorizzata(ctxLaura, "crea_domanda", c2)).toBeNull(); // the seed's delega on C2 expired
    const r = await invia(nuova, "/deleghe/nuova", { matricola: MATRICOLE.C2, modalita: "conferma", validaAl: "" }, laura);
    expect(r.status).toBe(303);
    expect(r.headers.get("Location")).toBe("/deleghe?esito=richiesta");
    const d = await ultimaDelega();
    expect(d).toMatchObject({ aziendaId: c2, stato: "richiesta", modalita: "conferma" });
    // Waiting for the company: no access yet, and a second request is refused.
    expect(await aziendaAutorizzata(ctxLaura, "crea_domanda", c2)).toBeNull();
    const doppia = await invia(nuova, "/deleghe/nuova", { matricola: MATRICOLE.C2, modalita: "conferma" }, laura);
    expect(doppia.status).toBe(422);
    expect((await doppia.json()).errori.matricola).toEqual([messaggiDeleghe.richiestaInAttesa]);

    // The legal representative of another company of Mario (C1) does not see it; as C2's he confirms it.
    const daC1 = await invia(pagina, "/deleghe", { intent: "conferma", id: String(d.id) }, marioC1);
    expect(daC1.status).toBe(404);
    const conferma = await invia(pagina, "/deleghe", { intent: "conferma", id: String(d.id) }, marioC2);
    expect(conferma.headers.get("Location")).toBe("/deleghe?esito=conferma");
    expect((await ultimaDelega()).stato).toBe("attiva");
    expect(await aziendaAutorizzata(ctxLaura, "crea_domanda", c2)).not.toBeNull();
    expect(await idAziendeDelegate(ctxLaura.utente.id, oggi())).toContain(c2);

    // Confirming again is a conflict, not a second change.
    expect((await invia(pagina, "/deleghe", { intent: "conferma", id: String(d.id) }, marioC2)).status).toBe(409);

    const revoca = await invia(pagina, "/deleghe", { intent: "revoca", id: String(d.id) }, marioC2);
    expect(revoca.headers.get("Location")).toBe("/deleghe?esito=revoca");
    expect(await aziendaAutorizzata(ctxLaura, "crea_domanda", c2)).toBeNull();
    expect(await azioniAudit(d.id)).toEqual(["delega_richiesta:ok", "delega_conferma:negato", "delega_conferma:ok", "delega_revoca:ok"]);
  });

  it("rifiutata dal legale rappresentante; ritirata dall'intermediario; l'intermediario non può confermarsela", async () => {
    await invia(nuova, "/deleghe/nuova", { matricola: MATRICOLE.C2, modalita: "conferma" }, laura);
    const d = await ultimaDelega();
    expect((await invia(pagina, "/deleghe", { intent: "conferma", id: String(d.id) }, laura)).status).toBe(404);
    await invia(pagina, "/deleghe", { intent: "rifiuta", id: String(d.id) }, marioC2);
    expect((await ultimaDelega()).stato).toBe("rifiutata");
    expect(await aziendaAutorizzata(ctxLaura, "crea_domanda", c2)).toBeNull();

    await invia(nuova, "/deleghe/nuova", { matricola: MATRICOLE.C2, modalita: "conferma" }, laura);
    const d2 = await ultimaDelega();
    expect((await invia(pagina, "/deleghe", { intent: "ritira", id: String(d2.id) }, laura)).headers.get("Location")).toBe("/deleghe?esito=ritira");
    expect((await ultimaDelega()).stato).toBe("revocata");
  });

  it("validata per dichiarazione: attiva subito, con la dichiarazione spuntata e registrata; senza dichiarazione è un errore", async () => {
    const senza = await invia(nuova, "/deleghe/nuova", { matricola: MATRICOLE.C1, modalita: "dichiarazione" }, laura);
    expect(senza.status).toBe(422);
    expect((await senza.json()).errori.dichiarazione).toEqual([messaggiDeleghe.dichiarazioneMancante]);
    const fine = new Date(Date.now() + 40 * 86_400_000);
    const gg = `${String(fine.getUTCDate()).padStart(2, "0")}/${String(fine.getUTCMonth() + 1).padStart(2, "0")}/${fine.getUTCFullYear()}`;
    const r = await invia(nuova, "/deleghe/nuova", { matricola: MATRICOLE.C1, modalita: "dichiarazione", dichiarazione: "si", validaAl: gg }, laura);
    expect(r.headers.get("Location")).toBe("/deleghe?esito=dichiarata");
    const d = await ultimaDelega();
    expect(d).toMatchObject({ aziendaId: c1, stato: "attiva", modalita: "dichiarazione", validaAl: fine.toISOString().slice(0, 10) });
    expect(await aziendaAutorizzata(ctxLaura, "crea_domanda", c1)).not.toBeNull();
    // Expiry: after validaAl it gives no access (the act's date decides).
    const dopo = new Date(fine.getTime() + 86_400_000).toISOString().slice(0, 10);
    expect(await aziendaAutorizzata(ctxLaura, "crea_domanda", c1, dopo)).toBeNull();
    // The legal representative sees it among C1's and revokes it.
    const vista = await (await risposta(() => pagina.loader({ request: get("/deleghe", marioC1), params: {}, context: contesto }))).json();
    expect(vista.vista.deleghe.map((x: { id: number }) => x.id)).toContain(d.id);
    await invia(pagina, "/deleghe", { intent: "revoca", id: String(d.id) }, marioC1);
    expect(await aziendaAutorizzata(ctxLaura, "crea_domanda", c1)).toBeNull();
    expect(await azioniAudit(d.id)).toEqual(["delega_dichiarata:ok", "delega_revoca:ok"]);
  });

  it("errori in italiano per matricola, data e modalità; niente salvato", async () => {
    const prima = await ultimaDelega();
    const r = await invia(nuova, "/deleghe/nuova", { matricola: "12ab", validaAl: "31/02/2020" }, laura);
    expect(r.status).toBe(422);
    expect((await r.json()).errori).toEqual({
      matricola: [messaggiDeleghe.matricolaNonValida],
      modalita: [messaggiDeleghe.modalitaMancante],
      validaAl: [messaggiDeleghe.dataNonValida],
    });
    const sconosciuta = await invia(nuova, "/deleghe/nuova", { matricola: "9999999999", modalita: "conferma" }, laura);
    expect((await sconosciuta.json()).errori.matricola).toEqual([messaggiDeleghe.matricolaSconosciuta]);
    expect((await ultimaDelega()).id).toBe(prima.id);
  });

  it("operatori e datori non chiedono deleghe; un operatore non vede /deleghe", async () => {
    expect((await invia(nuova, "/deleghe/nuova", { matricola: MATRICOLE.C2, modalita: "conferma" }, marioC1)).status).toBe(404);
    const operatore = await sessioneDi("PRTGRG75C08G224S", "operatore_sede");
    expect((await risposta(() => pagina.loader({ request: get("/deleghe", operatore), params: {}, context: contesto }))).status).toBe(404);
  });
});

describe("sotto-abilitazioni", () => {
  it("il legale rappresentante abilita un dipendente: agisce per quell'azienda soltanto, fino alla revoca", async () => {
    const r = await invia(abilita, "/deleghe/abilita", { codiceFiscale: "DPNFBA80A01L736X", nome: "Fabio", cognome: "Dipendente Prova", validaAl: "" }, marioC1);
    expect(r.headers.get("Location")).toBe("/deleghe?esito=abilitato");
    const [u] = await db().select().from(utenti).where(eq(utenti.codiceFiscale, "DPNFBA80A01L736X"));
    const opzioni = await opzioniProfilo(u);
    expect(opzioni).toEqual([expect.objectContaining({ ruolo: "datore", aziendaId: c1, etichetta: expect.stringMatching(/^Incaricato dell'azienda — Officine/) })]);
    const dip = await sessioneDi(u.codiceFiscale, "datore", c1);
    const ctxDip = await contestoDi(dip);
    expect(await aziendaAutorizzata(ctxDip, "crea_domanda", c1)).not.toBeNull();
    // Not another company (even choosing it in the session), and never the deleghe.
    expect(await aziendaAutorizzata(await contestoDi(await sessioneDi(u.codiceFiscale, "datore", c2)), "crea_domanda", c2)).toBeNull();
    expect((await risposta(() => pagina.loader({ request: get("/deleghe", dip), params: {}, context: contesto }))).status).toBe(404);
    expect((await invia(abilita, "/deleghe/abilita", { codiceFiscale: "DPNALT80A01L736X", nome: "A", cognome: "B" }, dip)).status).toBe(404);

    // Revoked by the legal representative: access ends at once.
    const vista = await (await risposta(() => pagina.loader({ request: get("/deleghe", marioC1), params: {}, context: contesto }))).json();
    const ab = vista.vista.abilitazioni.find((a: { dipendente: { codiceFiscale: string } }) => a.dipendente.codiceFiscale === u.codiceFiscale);
    expect((await invia(pagina, "/deleghe", { intent: "revoca_abilitazione", id: String(ab.id) }, marioC2)).status).toBe(404);
    expect((await invia(pagina, "/deleghe", { intent: "revoca_abilitazione", id: String(ab.id) }, marioC1)).headers.get("Location")).toBe("/deleghe?esito=abilitazioneRevocata");
    expect(await aziendaAutorizzata(ctxDip, "crea_domanda", c1)).toBeNull();
    expect(await opzioniProfilo(u)).toEqual([]);
    const [voce] = await db().select().from(auditLog).where(and(eq(auditLog.oggettoTipo, "abilitazione"), eq(auditLog.oggettoId, String(ab.id)), eq(auditLog.esito, "ok"))).orderBy(sql`${auditLog.id} desc`).limit(1);
    expect(voce.azione).toBe("abilitazione_revocata");
  });

  it("senza token CSRF nulla cambia (403)", async () => {
    const r = await risposta(() =>
      abilita.action({ request: post("/deleghe/abilita", { codiceFiscale: "DPNCSR80A01L736X", nome: "A", cognome: "B" }, marioC1, { senzaCsrf: true }), params: {}, context: contesto }),
    );
    expect(r.status).toBe(403);
    expect(await db().select().from(utenti).where(eq(utenti.codiceFiscale, "DPNCSR80A01L736X"))).toEqual([]);
  });
});
