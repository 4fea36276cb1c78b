// "Le tue domande" on a real database: only the companies this profile may act for today, filters, search, sort,
// bounded pagination on thousands of rows, and hostile query strings answered with the defaults.
import { eq, inArray, like } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { aziende, domande, utenti } from "#db/schema";
import { db } from "#db/connection";
import { LAURA_CONSULENTE, MARIO_ESEMPIO, OPERATORE_PADOVA } from "#db/seed/index";
import { seedPortafoglio } from "#db/seed/portafoglio";
import * as elenco from "~/routes/domande._index";
import { creaBozza } from "~/services/domande.server";
import { inviaDomanda, nuovaChiaveInvio } from "~/services/invio.server";
import { MAX_AZIENDE_IN_ELENCO, PER_PAGINA } from "~/services/elenco-domande.server";
import type { Contesto } from "~/services/accesso.server";
import { usaDatabaseDiTest } from "../database";
import { contesto, get, risposta, sessioneDi, type Identita } from "../richieste";
import { bozzaCompleta, contestoDi, idAzienda } from "./domanda-completa";

usaDatabaseDiTest();

interface Riga {
  id: number;
  protocollo: string | null;
  azienda: string;
  stato: string;
  prestazione: string;
  aggiornataIl: string;
  azione: { etichetta: string; href: string };
}

let mario: Identita;
let laura: Identita;
let ctxMario: Contesto;
let ctxLaura: Contesto;
let c1: number;
let c2: number;
let c3: number;
let c4: number;
let inviataC1: number;
let protocolloC1: string;
const bozzeC1: number[] = [];

async function pagina(query: string, chi: Identita) {
  const r = await risposta(() => elenco.loader({ request: get(`/domande${query}`, chi), params: {}, context: contesto }));
  expect(r.status).toBe(200);
  return (await r.json()) as { righe: Riga[]; totale: number; pagine: number; pagina: number; filtri: Record<string, unknown>; opzioni: { aziende: Array<{ valore: string }> | null } };
}

beforeAll(async () => {
  [c1, c2, c3, c4] = await Promise.all([idAzienda("C1"), idAzienda("C2"), idAzienda("C3"), idAzienda("C4")]);
  mario = await sessioneDi(MARIO_ESEMPIO.codiceFiscale, "datore", c1);
  laura = await sessioneDi(LAURA_CONSULENTE.codiceFiscale, "intermediario");
  ctxMario = await contestoDi(mario);
  ctxLaura = await contestoDi(laura);
  for (let i = 0; i < 3; i++) bozzeC1.push(await creaBozza(ctxMario, { aziendaId: c1, prestazione: "CIGO", fondo: null, nonSuggerita: false }));
  inviataC1 = await bozzaCompleta(ctxMario, c1);
  const [d] = await db().select().from(domande).where(eq(domande.id, inviataC1));
  const e = await inviaDomanda(ctxMario, inviataC1, d.versione, nuovaChiaveInvio());
  if (!e.ok) throw new Error("invio rifiutato");
  protocolloC1 = e.protocollo;
  // Laura's companies: C3 (FIS), C4 (fund); C2's delega expired, so its domanda must never show.
  const marioC2 = await contestoDi(await sessioneDi(MARIO_ESEMPIO.codiceFiscale, "datore", c2));
  await creaBozza(marioC2, { aziendaId: c2, prestazione: "CIGO", fondo: null, nonSuggerita: false });
  await creaBozza(ctxLaura, { aziendaId: c3, prestazione: "AIS_FIS", fondo: null, nonSuggerita: false });
  await creaBozza(ctxLaura, { aziendaId: c4, prestazione: "AIS_FONDO", fondo: "ATTIVITA_PROFESSIONALI", nonSuggerita: false });
});

describe("le tue domande", () => {
  it("lists the employer's domande, drafts and sent ones, with the next action", async () => {
    const d = await pagina("", mario);
    expect(d.totale).toBe(4);
    const ids = d.righe.map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining([...bozzeC1, inviataC1]));
    const inviata = d.righe.find((r) => r.id === inviataC1)!;
    expect(inviata.protocollo).toBe(protocolloC1);
    expect(inviata.stato).toBe("Inviata");
    expect(inviata.azione).toEqual({ etichetta: "Vedi dettaglio", href: `/domande/${inviataC1}/dettaglio` });
    const bozza = d.righe.find((r) => r.id === bozzeC1[0])!;
    expect(bozza.azione).toEqual({ etichetta: "Continua la compilazione", href: `/domande/${bozzeC1[0]}` });
    expect(bozza.stato).toBe("Bozza");
    // The last changed first: the sent one was touched last.
    expect(d.righe[0].id).toBe(inviataC1);
    expect((await pagina("?ordine=meno_recenti", mario)).righe[0].id).toBe(bozzeC1[0]);
  });

  it("shows an intermediary only the companies with a delega valid today", async () => {
    const d = await pagina("", laura);
    expect(d.righe.map((r) => r.azienda).sort()).toEqual(
      expect.arrayContaining([expect.stringContaining("Bottega"), expect.stringContaining("Fontana")]),
    );
    expect(d.righe.every((r) => !r.azienda.includes("Edil Costruzioni Adige"))).toBe(true);
    expect(d.opzioni.aziende!.map((a) => Number(a.valore))).not.toContain(c2);
    // Asking for C2 by filter does not widen access.
    expect((await pagina(`?azienda=${c2}`, laura)).totale).toBe(0);
    expect((await pagina(`?azienda=${c3}`, laura)).righe.every((r) => r.azienda.includes("Bottega"))).toBe(true);
  });

  it("filters by state and benefit and searches by protocol or company CF", async () => {
    expect((await pagina("?stato=inviata", mario)).righe.map((r) => r.id)).toEqual([inviataC1]);
    expect((await pagina("?stato=bozza", mario)).totale).toBe(3);
    expect((await pagina("?prestazione=CISOA", mario)).totale).toBe(0);
    expect((await pagina("?prestazione=AIS_FONDO", laura)).righe.map((r) => r.prestazione)).toEqual([
      "AIS del Fondo di solidarietà bilaterale per le attività professionali",
    ]);
    expect((await pagina(`?cerca=${encodeURIComponent(protocolloC1.toLowerCase())}`, mario)).righe.map((r) => r.id)).toEqual([inviataC1]);
    expect((await pagina(`?cerca=${protocolloC1.slice(-7)}`, mario)).righe.map((r) => r.id)).toEqual([inviataC1]);
    const [{ codiceFiscale: cfC3 }] = await db().select().from(aziende).where(eq(aziende.id, c3));
    const perCf = await pagina(`?cerca=${cfC3.toLowerCase()}`, laura);
    expect(perCf.totale).toBe(1);
    expect(perCf.righe[0].azienda).toContain("Bottega");
    // A LIKE wildcard is a character, not a pattern.
    expect((await pagina("?cerca=%25", mario)).totale).toBe(0);
  });

  it("answers hostile or malformed query strings with the defaults", async () => {
    const d = await pagina(
      `?stato=eliminata&prestazione=DROP%20TABLE&azienda=1;select&pagina=-3&ordine=x&cerca=${encodeURIComponent("\u0000\u0007" + "A".repeat(500))}`,
      mario,
    );
    expect(d.filtri).toMatchObject({ stato: null, prestazione: null, aziendaId: null, pagina: 1, ordine: "recenti" });
    expect((d.filtri.cerca as string).length).toBe(32);
    expect(d.totale).toBe(0);
  });

  it("paginates 25 at a time on thousands of rows, without repeats, quickly", async () => {
    const [u] = await db().select().from(utenti).where(eq(utenti.codiceFiscale, MARIO_ESEMPIO.codiceFiscale));
    const base = Date.UTC(2025, 0, 1);
    const righe = Array.from({ length: 3000 }, (_, i) => ({
      aziendaId: c1,
      prestazione: "CIGO" as const,
      creataDa: u.id,
      // Some share the same instant: the id must break the tie so no row shows on two pages.
      aggiornataIl: new Date(base + Math.floor(i / 3) * 60_000),
    }));
    for (let i = 0; i < righe.length; i += 1000) await db().insert(domande).values(righe.slice(i, i + 1000));
    const inizio = performance.now();
    const p1 = await pagina("?stato=bozza", mario);
    const durata = performance.now() - inizio;
    expect(p1.totale).toBe(3003);
    expect(p1.righe).toHaveLength(PER_PAGINA);
    expect(p1.pagine).toBe(Math.min(Math.ceil(3003 / PER_PAGINA), 200));
    expect(durata).toBeLessThan(2000);
    const visti = new Set<number>();
    for (let n = 1; n <= 4; n++) {
      const p = await pagina(`?stato=bozza&ordine=meno_recenti&pagina=${n}`, mario);
      expect(p.pagina).toBe(n);
      for (const r of p.righe) {
        expect(visti.has(r.id)).toBe(false);
        visti.add(r.id);
      }
    }
    expect(visti.size).toBe(4 * PER_PAGINA);
    // Asking beyond the last page gives the last page, not an empty or failing one.
    const oltre = await pagina("?stato=bozza&pagina=100000", mario);
    expect(oltre.righe.length).toBeGreaterThan(0);
    await db().delete(domande).where(inArray(domande.id, [...visti].filter((id) => !bozzeC1.includes(id))));
  });

  it("offers a studio with more companies than a list can hold the search by codice fiscale instead of a company list", async () => {
    // The portfolio data of the bench: companies delegated to Laura, each with drafts and sent domande.
    await seedPortafoglio(db(), { aziende: MAX_AZIENDE_IN_ELENCO });
    const d = await pagina("", laura);
    expect(d.opzioni.aziende).toBeNull();
    // One company's domande are found by its codice fiscale, and the company filter of a bookmarked link still holds.
    const [una] = await db().select().from(aziende).where(like(aziende.ragioneSociale, "Portafoglio Esempio 0042%"));
    const perCf = await pagina(`?cerca=${una.codiceFiscale}`, laura);
    expect(perCf.totale).toBeGreaterThan(0);
    expect(perCf.righe.every((r) => r.azienda === una.ragioneSociale)).toBe(true);
    const perFiltro = await pagina(`?azienda=${una.id}`, laura);
    expect(perFiltro.righe.map((r) => r.id).sort()).toEqual(perCf.righe.map((r) => r.id).sort());
    expect((await pagina(`?azienda=${c2}`, laura)).totale).toBe(0);
  });

  it("is not for operators (404) nor for anonymous users (sign-in)", async () => {
    const operatore = await sessioneDi(OPERATORE_PADOVA.codiceFiscale, "operatore_sede");
    const r = await risposta(() => elenco.loader({ request: get("/domande", operatore), params: {}, context: contesto }));
    expect(r.status).toBe(404);
    const anonimo = await risposta(() => elenco.loader({ request: get("/domande"), params: {}, context: contesto }));
    expect(anonimo.status).toBe(302);
    expect(anonimo.headers.get("Location")).toMatch(/^\/accedi/);
  });
});
