// The job queue and the mail on a real database (issue 13, ADR 020): the app's workers send every enqueued e-mail to the
// SMTP sink, which records it; the sink is closed in the middle of the run, so some sends fail and wait in the queue,
// and when it comes back on the same port every notification is delivered, each once.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postaPozzo } from "#db/schema";
import { connessioneCorrente, db } from "#db/connection";
import { accoda } from "~/services/lavori/coda.server";
import { avviaLavori, type Lavori } from "~/services/lavori/avvio.server";
import { chiudiPosta } from "~/services/posta/invio.server";
import { avviaPozzo, pozzoAttivo, type Pozzo } from "~/services/posta/pozzo.server";
import * as sviluppoPosta from "~/routes/sviluppo.posta";
import { usaDatabaseDiTest } from "../database";
import { contesto, get, risposta } from "../richieste";

usaDatabaseDiTest();

let pozzo: Pozzo;
let lavori: Lavori;

beforeAll(async () => {
  pozzo = await avviaPozzo();
  process.env.SMTP_URL = pozzo.url;
  lavori = await avviaLavori(connessioneCorrente(), { intervalloSecondi: 0.5 });
  // Retries every second in this test (the platform's policy backs off from 20 s: db/coda.ts).
  await lavori.coda.updateQueue("notifica", { name: "notifica", retryLimit: 30, retryDelay: 1, retryBackoff: false });
});

afterAll(async () => {
  await lavori?.ferma();
  chiudiPosta();
  await pozzo?.chiudi();
  delete process.env.SMTP_URL;
});

async function accodaNotifiche(da: number, a: number) {
  await db().transaction(async (tx) => {
    for (let i = da; i < a; i++) {
      await accoda(tx, "notifica", { domandaId: 0, voceId: i, a: [`azienda${i}@pec.esempio.it`], oggetto: `OMNIA IS — Prova n. ${i}`, testo: `Notifica di prova n. ${i}: è arrivata.` });
    }
  });
}

async function ricevute(): Promise<string[]> {
  return (await db().select({ oggetto: postaPozzo.oggetto }).from(postaPozzo)).map((r) => r.oggetto).filter((o) => o.includes("Prova n."));
}

async function attendi(condizione: () => Promise<boolean>, ms: number) {
  const fine = Date.now() + ms;
  while (Date.now() < fine) {
    if (await condizione()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("condizione non raggiunta in tempo");
}

describe("coda e posta", () => {
  it("the sink records the e-mail as sent (Italian text decoded), shown on the development page to local requests", async () => {
    await accodaNotifiche(0, 1);
    await attendi(async () => (await ricevute()).length === 1, 20_000);
    const [m] = await db().select().from(postaPozzo);
    expect(m.destinatari).toEqual(["azienda0@pec.esempio.it"]);
    expect(m.testo).toContain("è arrivata");
    expect(pozzoAttivo()).toBe(true);
    const pagina = await risposta(() => sviluppoPosta.loader({ request: get("/sviluppo/posta"), params: {}, context: { ...contesto, locale: true } }));
    expect(pagina.status).toBe(200);
    expect(JSON.stringify(await pagina.json())).toContain("OMNIA IS — Prova n. 0");
    // From another machine, or through a proxy: not found.
    expect((await risposta(() => sviluppoPosta.loader({ request: get("/sviluppo/posta"), params: {}, context: { ...contesto, locale: false } }))).status).toBe(404);
  });

  it("every notification is delivered, once, after the mail server was down in the middle of the run", async () => {
    await accodaNotifiche(1, 6);
    await attendi(async () => (await ricevute()).length >= 3, 20_000);
    // The mail server goes away while jobs are still queued, and more arrive while it is down.
    await pozzo.chiudi();
    await accodaNotifiche(6, 12);
    // Sends fail meanwhile: the jobs wait for their retry.
    await attendi(async () => (await tentativiFalliti()) > 0, 20_000);
    const durante = (await ricevute()).length;
    expect(durante).toBeLessThan(12);
    pozzo = await avviaPozzo(pozzo.porta);
    await attendi(async () => (await ricevute()).length >= 12, 60_000);
    await new Promise((r) => setTimeout(r, 1500));
    const tutte = await ricevute();
    expect(tutte.sort()).toEqual(Array.from({ length: 12 }, (_, i) => `OMNIA IS — Prova n. ${i}`).sort());
  }, 120_000);
});

async function tentativiFalliti(): Promise<number> {
  const r = (await db().execute(sql`select count(*)::int as n from pgboss.job where name = 'notifica' and retry_count > 0`)) as unknown;
  const righe = (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows) as Array<{ n: number }>;
  return Number(righe[0].n);
}
