// The public service-time page on a real database: anyone may read it (no sign-in), an unknown benefit is 404, the
// figures match hand-computed ones from this file's own decided and waiting CISOA domande (on a day in 2031 when no
// seeded decision falls in the window), small numbers are suppressed, and the CSV carries the same rows and no
// company data.
import { and, count, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { aziende, domande, utenti } from "#db/schema";
import { db } from "#db/connection";
import { MARIO_ESEMPIO } from "#db/seed/index";
import * as pagina from "~/routes/prestazioni.$codice.tempi";
import * as csv from "~/routes/prestazioni.$codice.tempi[.csv]";
import { leggiTempiServizio } from "~/services/tempi-servizio.server";
import { usaDatabaseDiTest } from "../database";
import { contesto, get, risposta } from "../richieste";
import { idAzienda } from "./domanda-completa";

usaDatabaseDiTest();

const OGGI = "2031-06-30";
let c1: number;
let autore: number;

const istante = (d: string) => new Date(`${d}T10:00:00+02:00`);

async function inserisci(n: number, riga: (i: number) => Partial<typeof domande.$inferInsert>) {
  const valori = Array.from({ length: n }, (_, i) => ({
    aziendaId: c1, prestazione: "CISOA" as const, creataDa: autore, protocollo: `TS-${Math.random().toString(36).slice(2, 12)}`,
    ...riga(i),
  }));
  await db().insert(domande).values(valori);
}

beforeAll(async () => {
  c1 = await idAzienda("C1");
  [{ id: autore }] = await db().select({ id: utenti.id }).from(utenti).where(eq(utenti.codiceFiscale, MARIO_ESEMPIO.codiceFiscale));
  // 12 CISOA decided on 2031-06-20 after 5, 10, …, 60 days; deadline 30 days after sending.
  await inserisci(12, (i) => ({
    stato: i % 3 === 0 ? "respinta" : "autorizzata",
    inviataIl: new Date(istante("2031-06-20").getTime() - (i + 1) * 5 * 86_400_000),
    decisaIl: istante("2031-06-20"),
    scadenzaDecisione: new Date(istante("2031-06-20").getTime() - ((i + 1) * 5 - 30) * 86_400_000).toISOString().slice(0, 10),
  }));
  // One decided long before the window: not counted.
  await inserisci(1, () => ({ stato: "autorizzata", inviataIl: istante("2030-12-01"), decisaIl: istante("2031-03-01"), scadenzaDecisione: "2030-12-31" }));
});

describe("tempi del servizio (pagina pubblica)", () => {
  it("computes the figures of the last 90 days by hand", async () => {
    const prima = await leggiTempiServizio("CISOA", OGGI);
    await inserisci(3, () => ({ stato: "inviata", inviataIl: istante("2031-06-25") }));
    const t = await leggiTempiServizio("CISOA", OGGI);
    // Durations 5…60: median at position 6 → 30; p90 at position ⌈10,8⌉ = 11 → 55; within 30 days: 5…30 → 6/12 = 50%.
    expect(t).toMatchObject({ decise: 12, soppresse: false, medianaGiorni: 30, percentile90Giorni: 55, quotaEntroTermine: 50 });
    expect(t.dataAttesa).toBe("2031-07-30");
    expect(t.dataAttesa90).toBe("2031-08-24");
    expect(t.esiti.dataAttesa.provvisorio).toBe(true); // the CISOA time limit is not confirmed
    const aperte = await db().select({ n: count() }).from(domande).where(and(eq(domande.prestazione, "CISOA"), inArray(domande.stato, ["inviata", "in_istruttoria", "sospesa"])));
    expect(t.inAttesa ?? 0).toBe(aperte[0].n >= 10 ? aperte[0].n : 0);
    if (prima.inAttesa !== null && t.inAttesa !== null) expect(t.inAttesa - prima.inAttesa).toBe(3);
  });

  it("suppresses a measure with fewer than 10 cases and says so", async () => {
    // FIS on the same day: no decision in the window.
    const t = await leggiTempiServizio("AIS_FIS", OGGI);
    expect(t.soppresse).toBe(true);
    expect(t.medianaGiorni).toBeNull();
    expect(t.esiti.tempi.messaggio).toMatch(/nessuna|meno di 10 domande/);
    expect(t.esiti.dataAttesa.messaggio).toContain("30 giorni");
  });

  it("anyone reads the page and the CSV without signing in; an unknown benefit is 404; no company appears", async () => {
    const r = await risposta(() => pagina.loader({ request: get("/prestazioni/cisoa/tempi"), params: { codice: "cisoa" }, context: contesto }));
    expect(r.status).toBe(200);
    const d = await r.json();
    expect(d.nome).toContain("CISOA");
    expect(d.righe.map((x: { misura: string }) => x.misura)).toContain("Giorni dall'invio alla decisione, 90° percentile");
    const [azienda] = await db().select().from(aziende).where(eq(aziende.id, c1));
    expect(JSON.stringify(d)).not.toContain(azienda.ragioneSociale);

    const f = await risposta(() => csv.loader({ request: get("/prestazioni/cisoa/tempi.csv"), params: { codice: "cisoa" }, context: contesto }));
    expect(f.status).toBe(200);
    expect(f.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(f.headers.get("Content-Disposition")).toMatch(/^attachment; filename="tempi-cisoa-\d{4}-\d{2}-\d{2}\.csv"$/);
    const testo = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await f.arrayBuffer());
    expect(testo.startsWith("\uFEFFMisura;Valore;Dato;Come è calcolato;Riferimento\r\n")).toBe(true);
    expect(testo.split("\r\n").filter(Boolean)).toHaveLength(1 + d.righe.length);
    expect(testo).not.toContain(azienda.ragioneSociale);

    for (const codice of ["xyz", "CIGO", "constructor", "__proto__"]) {
      const n = await risposta(() => pagina.loader({ request: get(`/prestazioni/${codice}/tempi`), params: { codice }, context: contesto }));
      expect(n.status).toBe(404);
      const c = await risposta(() => csv.loader({ request: get(`/prestazioni/${codice}/tempi.csv`), params: { codice }, context: contesto }));
      expect(c.status).toBe(404);
    }
  });
});
