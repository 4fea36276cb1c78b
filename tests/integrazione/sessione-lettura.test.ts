// The session's one statement (app/services/sessione.server.ts, validaToken) also reads an intermediary's delegated
// companies and an employer's chosen company, for the pages of that request: what they show must be what the
// deleghe and the companies say at that request, never what an earlier request read.
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { abilitazioniAzienda, aziende, deleghe, utenti } from "#db/schema";
import { db } from "#db/connection";
import { LAURA_CONSULENTE, MARIO_ESEMPIO } from "#db/seed/index";
import * as radice from "~/root";
import * as areaRiservata from "~/routes/area-riservata";
import { oggi } from "~/services/orologio.server";
import { usaDatabaseDiTest } from "../database";
import { contesto, get, risposta, sessioneDi, type Identita } from "../richieste";
import { idAzienda } from "./domanda-completa";

usaDatabaseDiTest();

let laura: Identita;
let lauraId: number;

async function aziendeDellaPagina(chi: Identita): Promise<number[]> {
  const r = await risposta(() => areaRiservata.loader({ request: get("/area-riservata", chi), params: {}, context: contesto }));
  expect(r.status).toBe(200);
  return ((await r.json()) as { aziende: Array<{ id: number }> }).aziende.map((a) => a.id).sort((a, b) => a - b);
}

/** The companies with a delega valid today, read here from the table as the rule says (attiva, today in its period). */
async function delegateOggi(): Promise<number[]> {
  const d = oggi();
  const righe = await db()
    .select({ id: deleghe.aziendaId })
    .from(deleghe)
    .where(
      and(
        eq(deleghe.intermediarioId, lauraId),
        eq(deleghe.stato, "attiva"),
        sql`${deleghe.validaDal} <= ${d}`,
        sql`(${deleghe.validaAl} is null or ${deleghe.validaAl} >= ${d})`,
      ),
    );
  return [...new Set(righe.map((r) => r.id))].sort((a, b) => a - b);
}

beforeAll(async () => {
  laura = await sessioneDi(LAURA_CONSULENTE.codiceFiscale, "intermediario");
  [{ id: lauraId }] = await db().select({ id: utenti.id }).from(utenti).where(eq(utenti.codiceFiscale, LAURA_CONSULENTE.codiceFiscale));
});

describe("una lettura per la sessione e le aziende del profilo", () => {
  it("l'intermediario vede le aziende con delega valida oggi, e a ogni pagina quelle di quel momento", async () => {
    const prima = await delegateOggi();
    expect(prima.length).toBeGreaterThan(0);
    expect(await aziendeDellaPagina(laura)).toEqual(prima);

    // A delega revoked between two pages: the next page no longer lists the company.
    const [revocata] = prima;
    await db().update(deleghe).set({ stato: "revocata" }).where(and(eq(deleghe.intermediarioId, lauraId), eq(deleghe.aziendaId, revocata)));
    expect(await aziendeDellaPagina(laura)).toEqual(prima.slice(1));

    // A delega from tomorrow, one ended yesterday, one only requested: none counts today.
    const altra = await idAzienda("C1");
    expect(prima).not.toContain(altra);
    const domani = new Date(Date.parse(oggi()) + 864e5).toISOString().slice(0, 10);
    const ieri = new Date(Date.parse(oggi()) - 864e5).toISOString().slice(0, 10);
    await db().insert(deleghe).values([
      { intermediarioId: lauraId, aziendaId: altra, validaDal: domani },
      { intermediarioId: lauraId, aziendaId: altra, validaDal: "2020-01-01", validaAl: ieri },
      { intermediarioId: lauraId, aziendaId: altra, validaDal: "2020-01-01", stato: "richiesta" },
    ]);
    expect(await aziendeDellaPagina(laura)).toEqual(prima.slice(1));

    // Valid from today: listed on the next page, and the page's header (the root loader) reads without error.
    await db().insert(deleghe).values({ intermediarioId: lauraId, aziendaId: altra, validaDal: oggi() });
    expect(await aziendeDellaPagina(laura)).toEqual([...prima.slice(1), altra].sort((a, b) => a - b));
    const intestazione = await risposta(() => radice.loader({ request: get("/area-riservata", laura), params: {}, context: contesto }));
    expect(((await intestazione.json()) as { utente: { messaggi: { nonLetti: number } } }).utente.messaggi.nonLetti).toBeGreaterThanOrEqual(0);
    expect(await delegateOggi()).toEqual([...prima.slice(1), altra].sort((a, b) => a - b));
  });

  it("il datore vede nell'intestazione l'azienda scelta con il nome di quel momento, e solo quella nella pagina", async () => {
    const c1 = await idAzienda("C1");
    const mario = await sessioneDi(MARIO_ESEMPIO.codiceFiscale, "datore", c1);
    const profilo = async () =>
      ((await (await risposta(() => radice.loader({ request: get("/area-riservata", mario), params: {}, context: contesto }))).json()) as { utente: { profilo: string } }).utente.profilo;
    const [a] = await db().select({ nome: aziende.ragioneSociale }).from(aziende).where(eq(aziende.id, c1));
    expect(await profilo()).toMatch(new RegExp(`— ${a.nome.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`));
    expect(await aziendeDellaPagina(mario)).toEqual([c1]);
    await db().update(aziende).set({ ragioneSociale: "Officine Rinominate S.r.l." }).where(eq(aziende.id, c1));
    expect(await profilo()).toMatch(/— Officine Rinominate S\.r\.l\.$/);
    // No longer its legal representative: the company is not his to act for on the next page.
    await db().update(aziende).set({ cfLegaleRappresentante: "ZZZZZZ00A00Z000Z" }).where(eq(aziende.id, c1));
    expect(await aziendeDellaPagina(mario)).toEqual([]);
  });

  it("un incaricato del datore è «incaricato» nell'intestazione e vede l'azienda finché l'abilitazione vale", async () => {
    const c1 = await idAzienda("C1");
    const [mario] = await db().select({ id: utenti.id }).from(utenti).where(eq(utenti.codiceFiscale, MARIO_ESEMPIO.codiceFiscale));
    // Laura, enabled by C1's legal representative, acting with the employer's profile for C1.
    await db().insert(abilitazioniAzienda).values({ aziendaId: c1, utenteId: lauraId, abilitataDa: mario.id, validaDal: "2020-01-01" });
    const incaricata = await sessioneDi(LAURA_CONSULENTE.codiceFiscale, "datore", c1);
    const r = await risposta(() => radice.loader({ request: get("/area-riservata", incaricata), params: {}, context: contesto }));
    const [a] = await db().select({ nome: aziende.ragioneSociale }).from(aziende).where(eq(aziende.id, c1));
    expect(((await r.json()) as { utente: { profilo: string } }).utente.profilo).toBe(`Incaricato dell'azienda — ${a.nome}`);
    expect(await aziendeDellaPagina(incaricata)).toEqual([c1]);
    await db().update(abilitazioniAzienda).set({ revocataIl: new Date() }).where(eq(abilitazioniAzienda.utenteId, lauraId));
    expect(await aziendeDellaPagina(incaricata)).toEqual([]);
  });
});
