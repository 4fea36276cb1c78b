// The providers' trust chains renewed before they expire (pg-boss job `catene-rinnovo`, ADR 025): a chain close to its
// expiry is resolved again from the local federation and stored with the new expiry, audited; a second run fetches
// nothing (idempotent); a federation that no longer verifies leaves the stored chain in place and audits the failure;
// the job runs in the pg-boss queue on its hourly schedule.
import { and, desc, eq, sql } from "drizzle-orm";
import { decodeJwt, importJWK, SignJWT } from "jose";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { auditLog, cateneFiducia } from "#db/schema";
import { connessioneCorrente, db } from "#db/connection";
import { catenaFornitore, dimenticaCateneFiducia } from "~/services/identita/catena-fiducia.server";
import { configurazioneProva, jwkPubblicaProva } from "~/services/identita/prova-configurazione.server";
import { CHIAVE_FETCH_PROVA, entitaFederazioneProva, fetchProva, type FetchProva } from "~/services/identita/prova-comune";
import { ANTICIPO_RINNOVO_MS, rinnovaCatene } from "~/services/identita/rinnovo-catene.server";
import { avviaLavori, PIANIFICAZIONI } from "~/services/lavori/avvio.server";
import { usaDatabaseDiTest } from "../database";
import { origineProva, usaFornitoreProva } from "../oidc";

usaDatabaseDiTest();
usaFornitoreProva();

let originale: FetchProva | undefined;
const visti: string[] = [];

/** Wraps the back channel to the local federation; `trasforma` may change an answer. */
function intercetta(trasforma?: (u: URL, r: Response) => Promise<Response>): void {
  originale ??= fetchProva();
  const base = originale!;
  (globalThis as Record<symbol, unknown>)[CHIAVE_FETCH_PROVA] = (async (url, init) => {
    const u = new URL(url);
    visti.push(u.pathname);
    const r = await base(url, init);
    return trasforma ? trasforma(u, r) : r;
  }) satisfies FetchProva;
}

beforeEach(async () => {
  dimenticaCateneFiducia();
  await db().delete(cateneFiducia);
  visti.length = 0;
  intercetta();
});

afterEach(() => {
  (globalThis as Record<symbol, unknown>)[CHIAVE_FETCH_PROVA] = originale;
});

const entita = () => entitaFederazioneProva(origineProva());

async function firma(jwk: Record<string, unknown>, contenuto: Record<string, unknown>): Promise<string> {
  const { kid, use: _u, alg, ...materiale } = jwk;
  return new SignJWT(contenuto).setProtectedHeader({ alg: String(alg), kid: String(kid), typ: "entity-statement+jwt" }).sign(await importJWK(materiale, String(alg)));
}

/** A chain stored as a sign-in would store it, whose provider's entity configuration expires in an hour. */
async function catenaInScadenza(): Promise<Date> {
  const { federazione } = await configurazioneProva();
  intercetta(async (u, r) => {
    if (u.pathname !== "/oidc-prova/.well-known/openid-federation") return r;
    const contenuto = decodeJwt(await r.text());
    const corpo = await firma(federazione.fornitore, { ...contenuto, exp: Math.floor(Date.now() / 1000) + 3600 });
    return new Response(corpo, { status: 200, headers: { "Content-Type": "application/entity-statement+jwt" } });
  });
  const ancore = [{ id: entita().ancora, jwks: { keys: [jwkPubblicaProva(federazione.ancora)] } }];
  const c = await catenaFornitore(entita().fornitore, ancore, (u, init) => fetchProva()!(u, init), new Date(), false);
  expect(c.scadeIl.getTime() - Date.now()).toBeLessThan(ANTICIPO_RINNOVO_MS);
  intercetta();
  visti.length = 0;
  return c.scadeIl;
}

async function rigaCatena() {
  const [riga] = await db().select().from(cateneFiducia).where(eq(cateneFiducia.soggetto, entita().fornitore));
  return riga;
}

async function audit() {
  return db()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.azione, "rinnovo_catena_fiducia"), eq(auditLog.oggettoId, entita().fornitore)))
    .orderBy(desc(auditLog.id));
}

describe("rinnovo delle catene di fiducia prima della scadenza", () => {
  it("una catena che scade entro tre ore è risolta di nuovo e conservata con la nuova scadenza, con la voce di audit; una seconda esecuzione non scarica nulla", async () => {
    const prima = await catenaInScadenza();
    const auditPrima = (await audit()).length;
    const esiti = await rinnovaCatene(new Date());
    expect(esiti).toEqual([{ soggetto: entita().fornitore, ancora: entita().ancora, esito: "rinnovata", scadeIl: expect.any(Date) }]);
    expect(visti).toContain("/oidc-prova/.well-known/openid-federation");
    const riga = await rigaCatena();
    // The statements served now are valid a day: the chain's expiry moved forward by about 23 hours.
    expect(riga.scadeIl.getTime() - prima.getTime()).toBeGreaterThan(20 * 3_600_000);
    expect(riga.catena).toHaveLength(4);
    const [voce, ...altre] = await audit();
    expect(altre).toHaveLength(auditPrima);
    expect(voce).toMatchObject({ oggettoTipo: "catena_fiducia", esito: "ok", dettagli: { ancora: entita().ancora, scadevaIl: prima.toISOString(), scadeIl: riga.scadeIl.toISOString() } });

    visti.length = 0;
    expect(await rinnovaCatene(new Date())).toEqual([]);
    expect(visti).toEqual([]);
    expect((await audit()).length).toBe(auditPrima + 1);
  });

  it("se la federazione non verifica più (statement manomesso) la catena conservata resta fino alla sua scadenza e l'errore è registrato", async () => {
    const prima = await catenaInScadenza();
    const riga = await rigaCatena();
    intercetta(async (u, r) => {
      if (!u.pathname.endsWith("/federazione/intermedio/fetch")) return r;
      const [h, p, f] = (await r.text()).split(".");
      const contenuto = { ...JSON.parse(Buffer.from(p, "base64url").toString()), exp: Math.floor(Date.now() / 1000) + 365 * 86400 };
      return new Response(`${h}.${Buffer.from(JSON.stringify(contenuto)).toString("base64url")}.${f}`, { status: 200 });
    });
    expect((await rinnovaCatene(new Date())).map((e) => e.esito)).toEqual(["non_valida"]);
    expect(await rigaCatena()).toEqual(riga);
    expect((await audit())[0]).toMatchObject({ esito: "errore", dettagli: { ancora: entita().ancora, motivo: "firma", scadeIl: prima.toISOString() } });
  });

  it("una catena di un fornitore non più configurato, o scaduta da oltre un giorno, non è toccata", async () => {
    await catenaInScadenza();
    const riga = await rigaCatena();
    expect((await rinnovaCatene(new Date(), { NODE_ENV: "production" } as NodeJS.ProcessEnv)).map((e) => e.esito)).toEqual(["non_configurato"]);
    expect(await rinnovaCatene(new Date(riga.scadeIl.getTime() + 25 * 3_600_000))).toEqual([]);
    expect(visti).toEqual([]);
    expect(await rigaCatena()).toEqual(riga);
  });

  it("il lavoro `catene-rinnovo` gira nella coda pg-boss, pianificato ogni ora", async () => {
    const prima = await catenaInScadenza();
    const lavori = await avviaLavori(connessioneCorrente(), { intervalloSecondi: 0.5, riprendiFlussi: false });
    try {
      const pianificazioni = await lavori.coda.getSchedules();
      expect(pianificazioni.find((p) => p.name === "catene-rinnovo")).toMatchObject({ cron: PIANIFICAZIONI["catene-rinnovo"], options: { tz: "Europe/Rome" } });
      await lavori.coda.send("catene-rinnovo", {});
      const fine = Date.now() + 30_000;
      while ((await rigaCatena()).scadeIl.getTime() === prima.getTime() && Date.now() < fine) await new Promise((r) => setTimeout(r, 200));
      expect((await rigaCatena()).scadeIl.getTime()).toBeGreaterThan(prima.getTime() + 20 * 3_600_000);
      const [{ n }] = await db().select({ n: sql<number>`count(*)::int` }).from(auditLog).where(eq(auditLog.azione, "rinnovo_catena_fiducia"));
      expect(n).toBeGreaterThan(0);
    } finally {
      for (const nome of Object.keys(PIANIFICAZIONI)) await lavori.coda.unschedule(nome);
      await lavori.ferma();
    }
  });
});
