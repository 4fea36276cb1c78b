// The scheduled rotation of the platform's keys as a Relying Party (ADR 025): announced a notice ahead, signing from
// then, the old key published for the overlap (so what it signed — an entity configuration valid 24 h — still
// verifies), then retired; audited; idempotent; and run by the pg-boss schedule `chiavi-rotazione`.
import { desc, eq, sql } from "drizzle-orm";
import { createLocalJWKSet, jwtVerify } from "jose";
import { describe, expect, it } from "vitest";
import { auditLog, chiaviServizio } from "#db/schema";
import { connessioneCorrente, db } from "#db/connection";
import { chiaveDiFirma, dimenticaChiaviInMemoria, jwksPubblico, rotazioneProgrammata } from "~/services/identita/chiavi.server";
import { configurazioneEntita } from "~/services/identita/federazione.server";
import { avviaLavori, PIANIFICAZIONI } from "~/services/lavori/avvio.server";
import { usaDatabaseDiTest } from "../database";

usaDatabaseDiTest();

const G = 24 * 3_600_000;
const politica = { periodoMs: 30 * G, preavvisoMs: G, sovrapposizioneMs: 2 * G };

async function kid(uso: "oidc" | "federazione" | "cifratura", quando: Date): Promise<string[]> {
  return (await jwksPubblico(uso, quando)).keys.map((k) => k.kid);
}

describe("rotazione programmata delle chiavi", () => {
  it("annuncio col preavviso, firma dalla data annunciata, la vecchia pubblicata per la sovrapposizione, poi ritirata", async () => {
    await db().delete(chiaviServizio);
    dimenticaChiaviInMemoria();
    const t0 = new Date(Date.now() - 40 * G);
    const giorno = (n: number) => new Date(t0.getTime() + n * G);
    const [oidc0] = await kid("oidc", t0);
    const [fed0] = await kid("federazione", t0);
    const [enc0] = await kid("cifratura", t0);

    expect(await rotazioneProgrammata(giorno(10), politica)).toEqual([
      { uso: "oidc", annunciata: null, ritirate: [] },
      { uso: "federazione", annunciata: null, ritirate: [] },
      { uso: "cifratura", annunciata: null, ritirate: [] },
    ]);

    const annuncio = await rotazioneProgrammata(giorno(29), politica);
    expect(annuncio.every((e) => e.annunciata !== null && e.ritirate.length === 0)).toBe(true);
    const [oidc1, fed1, enc1] = annuncio.map((e) => e.annunciata!);
    expect(await kid("oidc", giorno(29))).toEqual([oidc0, oidc1]);
    expect(await kid("cifratura", giorno(29))).toEqual([enc0, enc1]);
    // A second run the same day changes nothing.
    expect((await rotazioneProgrammata(giorno(29.5), politica)).every((e) => e.annunciata === null && e.ritirate.length === 0)).toBe(true);
    dimenticaChiaviInMemoria();
    expect((await chiaveDiFirma("oidc", giorno(29.9))).kid).toBe(oidc0);

    // The last entity configuration signed by the old federation key, valid 24 h…
    dimenticaChiaviInMemoria();
    const ec = await configurazioneEntita("https://omnia.esempio.it", giorno(29.9));
    dimenticaChiaviInMemoria();
    expect((await chiaveDiFirma("oidc", giorno(30.1))).kid).toBe(oidc1);
    expect((await chiaveDiFirma("federazione", giorno(30.1))).kid).toBe(fed1);
    // …still verifies on the keys published until it expires (the overlap), after the new key signs.
    expect((await rotazioneProgrammata(giorno(30.8), politica)).every((e) => e.ritirate.length === 0)).toBe(true);
    const pubblicate = await jwksPubblico("federazione", giorno(30.8));
    await expect(jwtVerify(ec, createLocalJWKSet(pubblicate), { currentDate: giorno(30.8) })).resolves.toBeTruthy();

    const ritiro = await rotazioneProgrammata(giorno(32.1), politica);
    expect(ritiro).toEqual([
      { uso: "oidc", annunciata: null, ritirate: [oidc0] },
      { uso: "federazione", annunciata: null, ritirate: [fed0] },
      { uso: "cifratura", annunciata: null, ritirate: [enc0] },
    ]);
    expect(await kid("oidc", giorno(32.1))).toEqual([oidc1]);
    expect(await kid("federazione", giorno(32.1))).toEqual([fed1]);
    expect(await kid("cifratura", giorno(32.1))).toEqual([enc1]);

    const voci = await db().select().from(auditLog).where(eq(auditLog.azione, "rotazione_chiave")).orderBy(desc(auditLog.id));
    expect(voci).toHaveLength(6);
    expect(voci[0]).toMatchObject({ oggettoTipo: "chiave_servizio", oggettoId: "cifratura", esito: "ok", dettagli: { annunciata: null, ritirate: [enc0] } });
  });

  it("con OIDC_CLIENT_PRIVATE_KEY la chiave oidc è dell'archivio dei segreti: non ruota", async () => {
    const env = { NODE_ENV: "test", OIDC_CLIENT_PRIVATE_KEY: JSON.stringify({ kty: "RSA", n: "x", e: "AQAB", d: "y" }) } as NodeJS.ProcessEnv;
    const esiti = await rotazioneProgrammata(new Date(Date.now() + 400 * G), politica, env);
    expect(esiti.map((e) => e.uso)).toEqual(["federazione", "cifratura"]);
  });

  it("il lavoro pianificato `chiavi-rotazione` gira nella coda pg-boss: pianificato ogni giorno, annuncia una chiave scaduta", async () => {
    await db().delete(chiaviServizio);
    dimenticaChiaviInMemoria();
    // Keys a year and more old: the default policy (a year) announces new ones.
    await kid("oidc", new Date(Date.now() - 400 * G));
    await kid("federazione", new Date(Date.now() - 400 * G));
    await kid("cifratura", new Date(Date.now() - 400 * G));
    const lavori = await avviaLavori(connessioneCorrente(), { intervalloSecondi: 0.5, riprendiFlussi: false });
    try {
      const pianificazioni = await lavori.coda.getSchedules();
      expect(pianificazioni.find((p) => p.name === "chiavi-rotazione")).toMatchObject({ cron: PIANIFICAZIONI["chiavi-rotazione"], options: { tz: "Europe/Rome" } });
      await lavori.coda.send("chiavi-rotazione", {});
      const fine = Date.now() + 20_000;
      // The job takes the uses one after the other (cifratura last): all three done is six keys.
      const conta = async () => (await db().select({ n: sql<number>`count(*)::int` }).from(chiaviServizio))[0].n;
      while ((await conta()) < 6 && Date.now() < fine) await new Promise((r) => setTimeout(r, 200));
      for (const uso of ["oidc", "federazione", "cifratura"] as const) expect((await kid(uso, new Date())).length).toBe(2);
    } finally {
      await lavori.coda.unschedule("chiavi-rotazione");
      await lavori.ferma();
    }
  });
});
