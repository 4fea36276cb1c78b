// The intermediary's portfolio on a real database with this file's own data on C3 (Bottega Digitale, delegated to
// Laura): two drafts, a suspended domanda with an open request of the Sede due in 5 days, a decision, and a FIS domanda
// waiting that claims 27 weeks (more than the FIS limit, so no new domanda can be filed: a capacity warning). Counts
// checked against the hand-made rows (as differences from the template's own rows), the last visit per session,
// filters, sorting, hostile parameters, the CSV and access (intermediary only; others 404; anonymous to sign-in).
import { and, count, eq, gte, isNull, lte, or } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { aziende, deleghe, domande, eventiDomanda, richiesteIstruttoria, unitaProduttive, utenti } from "#db/schema";
import { db } from "#db/connection";
import { LAURA_CONSULENTE, MARIO_ESEMPIO, OPERATORE_PADOVA } from "#db/seed/index";
import { addDays } from "~/domain/date";
import * as radice from "~/root";
import * as filoAzienda from "~/routes/domande.$id.messaggi";
import * as casella from "~/routes/messaggi";
import * as pagina from "~/routes/portafoglio";
import * as csv from "~/routes/portafoglio[.csv]";
import type { Contesto } from "~/services/accesso.server";
import { leggiRichiestaPortafoglio, portafoglio, portafoglioCompleto } from "~/services/portafoglio.server";
import { idAziendeAccessibili } from "~/services/accesso.server";
import { AZIENDE_PER_FINESTRA, casellaAzienda, casellaDallaFinestra, casellaPerAzienda } from "~/services/comunicazioni/filo.server";
import { usaDatabaseDiTest } from "../database";
import { contesto, get, risposta, sessioneDi, type Identita } from "../richieste";
import { contestoDi, idAzienda } from "./domanda-completa";

usaDatabaseDiTest();

const OGGI = "2026-11-30";
const ADESSO = new Date("2026-11-30T10:00:00+01:00");
let c1: number;
let c3: number;
let laura: Identita;
let ctxLaura: Contesto;
let mario: Identita;
let operatore: Identita;
let lauraId: number;

const richiesta = (q = "") => leggiRichiestaPortafoglio(new URLSearchParams(q));
async function rigaC3(ctx: Contesto, q = "", adesso = ADESSO) {
  const p = await portafoglio(ctx, richiesta(q), OGGI, adesso);
  return { p: p!, riga: p!.righe.find((r) => r.id === c3) };
}

beforeAll(async () => {
  [c1, c3] = [await idAzienda("C1"), await idAzienda("C3")];
  laura = await sessioneDi(LAURA_CONSULENTE.codiceFiscale, "intermediario");
  ctxLaura = await contestoDi(laura);
  mario = await sessioneDi(MARIO_ESEMPIO.codiceFiscale, "datore", c1);
  operatore = await sessioneDi(OPERATORE_PADOVA.codiceFiscale, "operatore_sede");
  [{ id: lauraId }] = await db().select({ id: utenti.id }).from(utenti).where(eq(utenti.codiceFiscale, LAURA_CONSULENTE.codiceFiscale));
});

describe("portafoglio", () => {
  it("counts drafts, open requests, new decisions; warns on capacity; lists the deadlines (hand-made rows)", async () => {
    const prima = (await rigaC3(ctxLaura, "q=Bottega")).riga!;
    const [up] = await db().select().from(unitaProduttive).where(eq(unitaProduttive.aziendaId, c3));
    const base = { aziendaId: c3, creataDa: lauraId, unitaProduttivaId: up.id };
    await db().insert(domande).values([
      { ...base, prestazione: "AIS_FIS", stato: "bozza" },
      { ...base, prestazione: "AIS_FIS", stato: "bozza" },
    ]);
    const [sospesa] = await db().insert(domande).values({
      ...base, prestazione: "AIS_FIS", stato: "sospesa", protocollo: "PF-SOSPESA", ticket: "PFT1", dataInizio: "2027-09-06", dataFine: "2027-09-10",
      inviataIl: new Date("2026-11-20T10:00:00+01:00"),
    }).returning();
    await db().insert(richiesteIstruttoria).values({ domandaId: sospesa.id, tipo: "supplemento_istruttorio", testo: "Mandate l'elenco degli ordini.", ricevutaIl: "2026-11-20", scadenza: addDays(OGGI, 5), creataDa: lauraId });
    await db().insert(domande).values({ ...base, prestazione: "AIS_FIS", stato: "respinta", protocollo: "PF-DECISA", inviataIl: new Date("2026-10-01T10:00:00+01:00"), decisaIl: new Date("2026-11-29T10:00:00+01:00") });
    await db().insert(domande).values({ ...base, prestazione: "AIS_FIS", stato: "inviata", protocollo: "PF-LUNGA", ticket: "PFT2", dataInizio: "2026-12-07", dataFine: "2027-06-13", inviataIl: new Date("2026-11-25T10:00:00+01:00") });

    const { riga } = await rigaC3(ctxLaura, "q=Bottega");
    expect(riga!.bozze - prima.bozze).toBe(2);
    expect(riga!.richieste - prima.richieste).toBe(1);
    expect(riga!.primaScadenzaRichiesta).toBe("2026-12-05");
    expect(riga!.decisioni - prima.decisioni).toBe(1); // first visit: the last 30 days
    expect(riga!.avvisi.map((a) => a.messaggio).join(" ")).toMatch(/nessuna nuova domanda possibile ora/);
    expect(riga!.scadenze[0]).toMatchObject({ scadenza: "2026-12-05", giorni: 5, testo: "Risposta alla richiesta della Sede" });
  });

  it("decisions since the last visit: the same session keeps its reference, a new session moves it", async () => {
    const stessa = (await rigaC3(ctxLaura, "q=Bottega", new Date("2026-11-30T11:00:00+01:00"))).riga!;
    expect(stessa.decisioni).toBeGreaterThanOrEqual(1);
    const nuova = await sessioneDi(LAURA_CONSULENTE.codiceFiscale, "intermediario");
    const { p, riga } = await rigaC3(await contestoDi(nuova), "q=Bottega", new Date("2026-11-30T12:00:00+01:00"));
    expect(p.visitaPrecedente).toBe(new Date("2026-11-30T11:00:00+01:00").toISOString());
    expect(riga!.decisioni).toBe(0); // decided on 29/11, before the previous visit
  });

  it("filters, sorts and pages with plain GET parameters; hostile values are harmless", async () => {
    const tutte = (await db().select({ n: count() }).from(deleghe).where(and(eq(deleghe.intermediarioId, lauraId), lte(deleghe.validaDal, OGGI), or(isNull(deleghe.validaAl), gte(deleghe.validaAl, OGGI)))))[0].n;
    const p = (await portafoglio(ctxLaura, richiesta(""), OGGI, ADESSO))!;
    expect(p.totale).toBe(tutte);
    const nomi = p.righe.map((r) => r.ragioneSociale);
    expect(nomi).toEqual([...nomi].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const soloRichieste = (await portafoglio(ctxLaura, richiesta("solo=richieste"), OGGI, ADESSO))!;
    expect(soloRichieste.righe.every((r) => r.richieste > 0)).toBe(true);
    expect(soloRichieste.righe.map((r) => r.id)).toContain(c3);
    const perRichieste = (await portafoglio(ctxLaura, richiesta("ordina=richieste"), OGGI, ADESSO))!;
    expect(perRichieste.righe[0].primaScadenzaRichiesta).not.toBeNull();
    for (const q of ["pagina=-1", "pagina=abc", "ordina=1;drop table domande", "solo=zzz&solo=bozze", "q=%25%27%22", `q=${"x".repeat(5000)}`, "pagina=9999"]) {
      const r = await risposta(() => pagina.loader({ request: get(`/portafoglio?${q}`, laura), params: {}, context: contesto }));
      expect(r.status, q).toBe(200);
    }
    const lontana = (await portafoglio(ctxLaura, richiesta("pagina=9999"), OGGI, ADESSO))!;
    expect(lontana.righe).toEqual([]);
    expect(lontana.totale).toBe(tutte);
  });

  it("only the intermediary: the page and the CSV; employer and Sede 404; anonymous to sign-in", async () => {
    const apri = (m: typeof pagina | typeof csv, percorso: string, chi?: Identita) => risposta(() => m.loader({ request: get(percorso, chi), params: {}, context: contesto }));
    expect((await apri(pagina, "/portafoglio", laura)).status).toBe(200);
    const f = await apri(csv, "/portafoglio.csv?solo=richieste", laura);
    expect(f.status).toBe(200);
    expect(f.headers.get("Content-Disposition")).toMatch(/^attachment; filename="portafoglio-\d{4}-\d{2}-\d{2}\.csv"$/);
    const testo = await f.text();
    expect(testo).toContain("Bottega Digitale");
    expect(testo).toContain("Risposta alla richiesta della Sede");
    for (const chi of [mario, operatore]) {
      expect((await apri(pagina, "/portafoglio", chi)).status).toBe(404);
      expect((await apri(csv, "/portafoglio.csv", chi)).status).toBe(404);
    }
    const anonimo = await apri(pagina, "/portafoglio");
    expect(anonimo.status).toBe(302);
    expect(anonimo.headers.get("Location")).toMatch(/^\/accedi/);
  });
});

describe("messaggi da leggere nel portafoglio e nell'intestazione", () => {
  type Pagina = { righe: Array<{ id: number; ragioneSociale: string; nonLetti: number }> };
  const json = async <T,>(m: { loader: (a: never) => Promise<unknown> }, percorso: string, chi?: Identita, id?: number) => {
    const r = await risposta(() => m.loader({ request: get(percorso, chi), params: id === undefined ? {} : { id: String(id) }, context: contesto } as never));
    expect(r.status, percorso).toBe(200);
    return (await r.json()) as T;
  };
  const rigaC3Http = async (q: string) => (await json<Pagina>(pagina, `/portafoglio?${q}`, laura)).righe.find((r) => r.id === c3);

  it("counts per company what the company's side has not read; filter, sort, the inbox of one company, the header; reading clears it", async () => {
    const prima = (await rigaC3Http("q=Bottega"))!.nonLetti;
    const intestazionePrima = (await json<{ utente: { messaggi: { href: string; nonLetti: number } } }>(radice, "/area-riservata", laura)).utente.messaggi;
    expect(intestazionePrima.href).toBe("/messaggi");
    const [up] = await db().select().from(unitaProduttive).where(eq(unitaProduttive.aziendaId, c3));
    const [d] = await db().insert(domande).values({
      aziendaId: c3, creataDa: lauraId, unitaProduttivaId: up.id, prestazione: "AIS_FIS", stato: "inviata", protocollo: "PF-MSG",
      inviataIl: new Date("2026-11-25T10:00:00+01:00"),
    }).returning();
    await db().insert(eventiDomanda).values([
      { domandaId: d.id, tipo: "inviata", descrizione: "Domanda inviata", lato: "azienda", utenteId: lauraId },
      { domandaId: d.id, tipo: "messaggio", descrizione: "Messaggio della Sede INPS", lato: "sede", testo: "Manca la firma sulla relazione." },
      { domandaId: d.id, tipo: "promemoria", descrizione: "Promemoria: scadenza vicina", lato: "sistema" },
    ]);

    // The company's own sending is not "to read"; the Sede's message and the system's reminder are.
    expect((await rigaC3Http("q=Bottega"))!.nonLetti - prima).toBe(2);
    const filtrate = await json<Pagina>(pagina, "/portafoglio?solo=messaggi", laura);
    expect(filtrate.righe.map((r) => r.id)).toContain(c3);
    expect(filtrate.righe.every((r) => r.nonLetti > 0)).toBe(true);
    const ordinate = (await json<Pagina>(pagina, "/portafoglio?ordina=messaggi", laura)).righe.map((r) => r.nonLetti);
    expect(ordinate).toEqual([...ordinate].sort((a, b) => b - a));
    const intestazione = (await json<{ utente: { messaggi: { nonLetti: number } } }>(radice, "/portafoglio", laura)).utente.messaggi;
    expect(intestazione.nonLetti - intestazionePrima.nonLetti).toBe(2);

    // The column links to the inbox of that company only; a company without delega, or a malformed id, shows nothing of it.
    type Casella = { righe: Array<{ domandaId: number; azienda: string; nonLetti: number }>; totale: number };
    const soloC3 = await json<Casella>(casella, `/messaggi?azienda=${c3}&solo=non-letti`, laura);
    expect(soloC3.righe.map((r) => r.domandaId)).toContain(d.id);
    expect(new Set(soloC3.righe.map((r) => r.azienda)).size).toBe(1);
    expect(soloC3.totale).toBe(prima + 2);
    expect((await json<Casella>(casella, `/messaggi?azienda=${c1}`, laura)).righe).toEqual([]);
    for (const q of ["azienda=abc", "azienda=-1", "azienda=99999999999999"]) {
      expect((await json<Casella>(casella, `/messaggi?${q}`, laura)).righe.map((r) => r.domandaId), q).toContain(d.id);
    }

    // Opening the thread marks it read for the company's side.
    await json(filoAzienda, `/domande/${d.id}/messaggi`, laura, d.id);
    expect((await rigaC3Http("q=Bottega"))!.nonLetti).toBe(prima);
    expect((await json<{ utente: { messaggi: { nonLetti: number } } }>(radice, "/portafoglio", laura)).utente.messaggi.nonLetti).toBe(intestazionePrima.nonLetti);
  });

  it("the header links the office to its inbox, and shows no inbox to the anonymous visitor", async () => {
    const sede = await json<{ utente: { messaggi: { href: string } } }>(radice, "/scrivania", operatore);
    expect(sede.utente.messaggi.href).toBe("/scrivania/messaggi");
    expect((await json<{ utente: null }>(radice, "/")).utente).toBeNull();
  });
});

describe("generatore del portafoglio (bench)", () => {
  it("adds N delegated companies with drafts, acts, requests and pending domande; the portfolio reads them", async () => {
    const { seedPortafoglio } = await import("#db/seed/portafoglio");
    const prima = (await portafoglio(ctxLaura, richiesta(""), "2026-02-10", ADESSO))!.totale;
    const r = await seedPortafoglio(db(), { aziende: 40, riferimento: "2026-02-10" });
    // Drafts: k % 3 per company k = 1…40 → 14 × 1 + 13 × 2 = 40; 40 authorised; k % 4 = 0 → 10 suspended; k % 5 = 0 → 8 waiting.
    // Thread entries: 58 sendings, 40 decisions, 10 requests, 13 messages of the Sede (k % 3 = 0), 1 of the company (k = 35).
    expect(r).toEqual({ aziende: 40, domande: 40 + 40 + 10 + 8, provvedimenti: 40, richieste: 10, eventi: 58 + 40 + 10 + 13 + 1 });
    expect(await seedPortafoglio(db(), { aziende: 40 })).toEqual({ aziende: 0 }); // once
    const p = (await portafoglio(ctxLaura, richiesta("ordina=richieste&q=Portafoglio Esempio"), "2026-02-10", ADESSO))!;
    expect(p.totale).toBe(40);
    expect((await portafoglio(ctxLaura, richiesta(""), "2026-02-10", ADESSO))!.totale).toBe(prima + 40);
    expect(p.righe[0].primaScadenzaRichiesta).not.toBeNull();
    expect(p.righe.some((x) => x.scadenze.length > 0)).toBe(true);
    // Company 3 (odd: nothing read): its decision and the Sede's message; company 2 (even: read up to the decision): none.
    const nonLetti = async (n: number) => (await portafoglio(ctxLaura, richiesta(`q=Portafoglio Esempio ${String(n).padStart(4, "0")}`), "2026-02-10", ADESSO))!.righe[0].nonLetti;
    expect([await nonLetti(3), await nonLetti(2), await nonLetti(6)]).toEqual([2, 0, 1]);
  });
});

describe("avvisi di capacità in tutto il portafoglio", () => {
  it("capacity warnings: filtered and sorted across every delegated company, not only the page's 25", async () => {
    // The generator's 40 companies (previous test) are after C3 by name; one of the last gets a long FIS domanda waiting
    // (no new domanda possible): its warning is on the second page of the view by name.
    const [ultima] = await db().select({ id: aziende.id }).from(aziende).where(eq(aziende.ragioneSociale, "Portafoglio Esempio 0040 S.r.l."));
    const [up] = await db().select().from(unitaProduttive).where(eq(unitaProduttive.aziendaId, ultima.id));
    await db().insert(domande).values({
      aziendaId: ultima.id, creataDa: lauraId, unitaProduttivaId: up.id, prestazione: "AIS_FIS", stato: "inviata", protocollo: "PF-LUNGA-40", ticket: "PFT40",
      dataInizio: "2026-12-07", dataFine: "2027-06-13", inviataIl: new Date("2026-11-25T10:00:00+01:00"),
    });
    // Every company with its warnings (the rules engine on all of them), by name.
    const complete = (await portafoglioCompleto(ctxLaura, richiesta(""), OGGI, ADESSO))!;
    const conAvvisi = complete.righe.filter((r) => r.avvisi.length > 0);
    expect(complete.righe.length).toBeGreaterThan(25);
    expect(conAvvisi.map((r) => r.id)).toEqual(expect.arrayContaining([c3, ultima.id]));
    expect(complete.righe.findIndex((r) => r.id === ultima.id)).toBeGreaterThanOrEqual(25);
    expect(conAvvisi.length).toBeLessThan(complete.righe.length);

    const filtrate = (await portafoglio(ctxLaura, richiesta("solo=avvisi"), OGGI, ADESSO))!;
    expect(filtrate.totale).toBe(conAvvisi.length);
    expect(filtrate.righe.map((r) => r.id)).toEqual(conAvvisi.slice(0, 25).map((r) => r.id));
    expect(filtrate.righe.every((r) => r.avvisi.length > 0)).toBe(true);
    expect(filtrate.righe.map((r) => r.id)).toContain(ultima.id);
    // With another filter and the search: both apply.
    expect((await portafoglio(ctxLaura, richiesta("solo=avvisi&q=Bottega"), OGGI, ADESSO))!.righe.map((r) => r.id)).toEqual([c3]);
    expect((await portafoglio(ctxLaura, richiesta("solo=avvisi&pagina=9999"), OGGI, ADESSO))!).toMatchObject({ righe: [], totale: conAvvisi.length });

    // Sorted by number of warnings, most first, ties by name; every company still listed.
    const ordinate = (await portafoglio(ctxLaura, richiesta("ordina=avvisi"), OGGI, ADESSO))!;
    expect(ordinate.totale).toBe(complete.righe.length);
    const attese = [...complete.righe].sort((x, y) => y.avvisi.length - x.avvisi.length).slice(0, 25);
    expect(ordinate.righe.map((r) => r.id)).toEqual(attese.map((r) => r.id));
    expect(ordinate.righe[0].avvisi.length).toBeGreaterThan(0);

    // The page and the CSV over HTTP: the filter is one more checkbox of the GET form.
    const html = await (await risposta(() => pagina.loader({ request: get("/portafoglio?solo=avvisi", laura), params: {}, context: contesto }))).json() as { filtri: Array<[string, string]> };
    expect(html.filtri).toContainEqual(["avvisi", "Con avvisi di capacità"]);
    const testo = await (await risposta(() => csv.loader({ request: get("/portafoglio.csv?solo=avvisi", laura), params: {}, context: contesto }))).text();
    // The route runs on the platform's today: compare with the service on the same day.
    expect(testo.trim().split("\n").length - 1).toBe((await portafoglio(ctxLaura, richiesta("solo=avvisi")))!.totale);
  });
});

describe("casella di uno studio con molte aziende", () => {
  it("from the side's newest threads: the same rows as one probe per company; a window that cannot tell gives way to the probes", async () => {
    // A new request after the generator above delegated 40 more companies: a context is one request's, and the
    // companies it acts for are read once per request (with the session, on a page).
    const ctxNuovo = await contestoDi(laura);
    const ids = await idAziendeAccessibili(ctxNuovo);
    expect(ids.length).toBeGreaterThanOrEqual(AZIENDE_PER_FINESTRA);
    for (const solo of [false, true]) {
      const sonde = await casellaPerAzienda(ids, solo);
      expect(sonde.length).toBeGreaterThan(0);
      expect(await casellaDallaFinestra(ids, solo)).toEqual(sonde);
      expect(await casellaAzienda(ctxNuovo, { soloNonLetti: solo })).toEqual(sonde);
    }
    // A window of one thread (not of these companies) saw fewer than 100 of them and not every thread: no answer.
    expect(await casellaDallaFinestra([-1], false, 1)).toBeNull();
    // A window longer than the side's threads saw them all: the answer, even empty.
    expect(await casellaDallaFinestra([-1], false)).toEqual([]);
    // A few companies (fewer than 100 threads, all seen by the window): the same rows too.
    for (const alcune of [ids.slice(0, 3), ids.slice(-5)]) expect(await casellaDallaFinestra(alcune, false)).toEqual(await casellaPerAzienda(alcune, false));
  });
});
