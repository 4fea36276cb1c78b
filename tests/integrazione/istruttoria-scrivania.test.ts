// The operators' desk on real Requests: the queue (assignment, urgency groups, filters, sort, keyset pages), the case
// page (automatic checks, take with PRG and conflict page, checklist and notes with errors and optimistic locking,
// read-only manager, 404 outside the assignment), attachments downloadable by the Sede, notes never shown to the company.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { allegati, aziende, domande, noteIstruttoria } from "#db/schema";
import { db } from "#db/connection";
import { DIRIGENTE_PADOVA, MARIO_ESEMPIO, OPERATORE_MILANO, OPERATORE_PADOVA } from "#db/seed/index";
import { addDays } from "~/domain/date";
import * as coda from "~/routes/scrivania._index";
import * as caso from "~/routes/scrivania.$id._index";
import * as carichi from "~/routes/scrivania.carichi";
import * as allegato from "~/routes/domande.$id.allegati.$allegatoId";
import * as dettaglio from "~/routes/domande.$id.dettaglio";
import { oggi } from "~/services/orologio.server";
import { usaDatabaseDiTest } from "../database";
import { contesto, get, post, risposta, sessioneDi, type Identita } from "../richieste";
import { contestoDi, idAzienda } from "./domanda-completa";
import { domandaInviata } from "./domanda-inviata";
import { paginaResa } from "../remix-lato-server";

vi.mock("@remix-run/react", () => import("../remix-lato-server").then((m) => m.remixLatoServer()));

usaDatabaseDiTest();

let mario: Identita;
let padova: Identita;
let milano: Identita;
let dirigente: Identita;
let c1: number;
let sedeC1: string;

beforeAll(async () => {
  c1 = await idAzienda("C1");
  mario = await sessioneDi(MARIO_ESEMPIO.codiceFiscale, "datore", c1);
  padova = await sessioneDi(OPERATORE_PADOVA.codiceFiscale, "operatore_sede");
  milano = await sessioneDi(OPERATORE_MILANO.codiceFiscale, "operatore_sede");
  dirigente = await sessioneDi(DIRIGENTE_PADOVA.codiceFiscale, "dirigente_sede");
  const [a] = await db().select({ sede: aziende.sedeCodice }).from(aziende).where(eq(aziende.id, c1));
  sedeC1 = a.sede;
});

const argsCaso = (request: Request, id: number) => ({ request, params: { id: String(id) }, context: contesto });

/** The case page's HTML as the server renders it (after a POST, with the action's answer), escaped as React does. */
async function renderRotta(url: string, chi: Identita, opzioni: { metodo?: "POST"; campi?: Record<string, string> } = {}) {
  const id = Number(new URL(url, "http://x").pathname.split("/")[2]);
  let azione: unknown;
  if (opzioni.metodo === "POST") {
    const r = await risposta(() => caso.action(argsCaso(post(url, opzioni.campi ?? {}, chi), id)));
    azione = await r.json();
  }
  const r = await risposta(() => caso.loader(argsCaso(get(url, chi), id)));
  expect(r.status).toBe(200);
  return paginaResa(caso.default, await r.json(), azione);
}

async function datiCoda(query: string, chi: Identita) {
  const r = await risposta(() => coda.loader({ request: get(`/scrivania${query}`, chi), params: {}, context: contesto }));
  expect(r.status).toBe(200);
  return (await r.json()) as Awaited<ReturnType<typeof coda.loader>>;
}

let sequenza = 0;
/** A sent case inserted directly (the queue reads columns only): deadline `giorni` from today. */
async function casoFinto(opzioni: { giorni: number; stato?: "inviata" | "in_istruttoria" | "sospesa"; avvisi?: number; prestazione?: "CIGO" | "AIS_FIS"; operatoreId?: number | null }) {
  const n = ++sequenza;
  const [r] = await db()
    .insert(domande)
    .values({
      aziendaId: c1,
      prestazione: opzioni.prestazione ?? "CIGO",
      stato: opzioni.stato ?? "inviata",
      protocollo: `INPS.OMNIA.2099.${String(n).padStart(7, "0")}`,
      creataDa: 1,
      inviataIl: new Date(Date.now() - n * 1000),
      sedeCodice: sedeC1,
      causale: "crisi_mercato",
      avvisiInvio: opzioni.avvisi ?? 0,
      scadenzaDecisione: addDays(oggi(), opzioni.giorni),
      operatoreId: opzioni.operatoreId ?? null,
    })
    .returning({ id: domande.id });
  return r.id;
}

describe("coda delle domande da istruire", () => {
  it("groups by urgency, filters, sorts and pages by keyset without repeating or losing a case", async () => {
    const ctxPadova = await contestoDi(padova);
    const scaduto = await casoFinto({ giorni: -3 });
    const inScadenza = await casoFinto({ giorni: 10, avvisi: 2 });
    const nuovo = await casoFinto({ giorni: 60, prestazione: "AIS_FIS" });
    const mio = await casoFinto({ giorni: 50, stato: "in_istruttoria", operatoreId: ctxPadova.utente.id });
    for (let i = 0; i < 30; i++) await casoFinto({ giorni: 40 + i });

    const prima = await datiCoda("", padova);
    expect(prima.righe).toHaveLength(25);
    expect(prima.righe[0]).toMatchObject({ id: scaduto, gruppo: "scaduti", termine: { testo: "Scaduto da 3 giorni", urgenza: "scaduto" } });
    expect(prima.righe[1]).toMatchObject({ id: inScadenza, gruppo: "in_scadenza", avvisi: 2, termine: { testo: "Restano 10 giorni" } });
    // Groups in order: overdue, due soon, new, in progress; the counts cover every page.
    const ordine = ["scaduti", "in_scadenza", "nuovi", "in_lavorazione"];
    const gruppi = prima.righe.map((r) => ordine.indexOf(r.gruppo));
    expect([...gruppi].sort((a, b) => a - b)).toEqual(gruppi);
    expect(prima.conteggi).toMatchObject({ scaduti: 1, in_scadenza: 1, in_lavorazione: 1 });
    expect(prima.prossimaUrl).toMatch(/^\/scrivania\?dopo=/);

    const seconda = await datiCoda(prima.prossimaUrl!.slice("/scrivania".length), padova);
    const tutte = [...prima.righe, ...seconda.righe].map((r) => r.id);
    expect(new Set(tutte).size).toBe(tutte.length);
    expect(tutte).toEqual(expect.arrayContaining([scaduto, inScadenza, nuovo, mio]));
    expect(seconda.primaPagina).toBe(false);
    expect(seconda.righe.at(-1)).toMatchObject({ id: mio, gruppo: "in_lavorazione", mia: true });

    expect((await datiCoda("?prestazione=AIS_FIS", padova)).righe.map((r) => r.id)).toEqual([nuovo]);
    expect((await datiCoda("?assegnazione=mie", padova)).righe.map((r) => r.id)).toEqual([mio]);
    expect((await datiCoda("?avvisi=si", padova)).righe.map((r) => r.id)).toEqual([inScadenza]);
    expect((await datiCoda("?gruppo=scaduti", padova)).righe.map((r) => r.id)).toEqual([scaduto]);
    expect((await datiCoda("?stato=in_istruttoria", padova)).righe.map((r) => r.id)).toEqual([mio]);
    expect((await datiCoda("?cerca=INPS.OMNIA.2099.0000003", padova)).righe.map((r) => r.id)).toEqual([nuovo]);
    const libere = await datiCoda("?assegnazione=libere&causale=crisi_mercato", padova);
    expect(libere.righe.map((r) => r.id)).not.toContain(mio);
    // Newest sent first inside each group (the fixture sends each new case one second earlier than the one before).
    const recenti = await datiCoda("?ordine=invio_recenti&gruppo=nuovi", padova);
    const ids = recenti.righe.map((r) => r.id);
    expect(ids.length).toBeGreaterThan(2);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    const vecchie = (await datiCoda("?ordine=invio_vecchie&gruppo=nuovi", padova)).righe.map((r) => r.id);
    expect(vecchie[0]).toBeGreaterThan(vecchie.at(-1)!);
    // Hostile or unknown parameters are ignored: the first page, no error.
    const ostile = await datiCoda("?dopo=9.%27;drop&ordine=x&stato=bozza&prestazione=%3Cscript%3E", padova);
    expect(ostile.righe[0].id).toBe(scaduto);
  });

  it("shows nothing of Padova to Milano, and is not a page of the company's side", async () => {
    const id = await casoFinto({ giorni: 20 });
    expect((await datiCoda("", milano)).righe.map((r) => r.id)).not.toContain(id);
    expect((await datiCoda("", dirigente)).righe.map((r) => r.id)).toContain(id);
    const r = await risposta(() => coda.loader({ request: get("/scrivania", mario), params: {}, context: contesto }));
    expect(r.status).toBe(404);
  });

  it("with the pool every operator sees every sede's cases", async () => {
    const id = await casoFinto({ giorni: 20 });
    process.env.OMNIA_ASSEGNAZIONE = "pool";
    try {
      expect((await datiCoda("?cerca=" + (await db().select().from(domande).where(eq(domande.id, id)))[0].protocollo, milano)).righe.map((r) => r.id)).toEqual([id]);
    } finally {
      delete process.env.OMNIA_ASSEGNAZIONE;
    }
  });
});

describe("pagina del caso", () => {
  it("shows the automatic checks and takes the case with PRG; a second take is a 409 conflict page with the new state", async () => {
    const ctxMario = await contestoDi(mario);
    const d = await domandaInviata(ctxMario, c1);
    const html = await renderRotta(`/scrivania/${d.id}`, padova);
    expect(html).toContain("Controlli automatici");
    expect(html).toContain("Termine di presentazione e prima data copribile");
    expect(html).toMatch(/Durata massima complessiva nel quinquennio mobile[\s\S]*art\. 4 d\.lgs\. 148\/2015/);
    expect(html).toContain("Prendi in carico");
    expect(html).not.toContain(`/scrivania/${d.id}/decisione`);

    const presa = await risposta(() => caso.action(argsCaso(post(`/scrivania/${d.id}`, { intent: "prendi", versione: String(d.versione) }, padova), d.id)));
    expect(presa.status).toBe(303);
    expect(presa.headers.get("Location")).toBe(`/scrivania/${d.id}?fatto=presa`);
    const dopo = await renderRotta(`/scrivania/${d.id}?fatto=presa`, padova);
    expect(dopo).toContain("Hai preso in carico la domanda");
    expect(dopo).toContain("Giorgio Operatore Esempio");
    expect(dopo).toContain(`/scrivania/${d.id}/decisione`);
    expect(dopo).toContain(`/scrivania/${d.id}/richiesta`);

    const ancora = await risposta(() => caso.action(argsCaso(post(`/scrivania/${d.id}`, { intent: "prendi", versione: String(d.versione) }, padova), d.id)));
    expect(ancora.status).toBe(409);
    expect(await ancora.text()).toContain("Un altro operatore ha agito");
  });

  it("saves a checklist item; invalid input is a 422 with the field error; a stale item version is a 409", async () => {
    const ctxMario = await contestoDi(mario);
    const d = await domandaInviata(ctxMario, c1);
    const url = `/scrivania/${d.id}`;
    // Before the presa in carico the checklist is read-only: a save is a conflict.
    const prima = await risposta(() => caso.action(argsCaso(post(url, { intent: "checklist", chiave: "transitorieta", stato: "verificato", versione: "0" }, padova), d.id)));
    expect(prima.status).toBe(409);
    await caso.action(argsCaso(post(url, { intent: "prendi", versione: String(d.versione) }, padova), d.id));

    const salvata = await risposta(() =>
      caso.action(argsCaso(post(url, { intent: "checklist", chiave: "transitorieta", stato: "verificato", nota: "Ordini ripresi a marzo", versione: "0" }, padova), d.id)),
    );
    expect(salvata.status).toBe(303);
    expect(salvata.headers.get("Location")).toBe(`${url}?fatto=checklist#voce-transitorieta`);
    const r = await risposta(() => caso.loader(argsCaso(get(url, padova), d.id)));
    const dati = await r.json();
    const voce = dati.checklist.voci.find((v: { chiave: string }) => v.chiave === "transitorieta");
    expect(voce).toMatchObject({ stato: "verificato", nota: "Ordini ripresi a marzo", versione: 1 });
    // The unit's other domande (sent earlier in this file), with the hours used on their own tickets: none yet (the
    // registry's CIG events carry other tickets).
    expect(dati.precedenti.length).toBeGreaterThan(0);
    expect(dati.precedenti.map((p: { oreFruite: string }) => p.oreFruite)).toEqual(dati.precedenti.map(() => "0"));

    const vecchia = await risposta(() => caso.action(argsCaso(post(url, { intent: "checklist", chiave: "transitorieta", stato: "non_verificato", versione: "0" }, padova), d.id)));
    expect(vecchia.status).toBe(409);
    const nonValida = await risposta(() => caso.action(argsCaso(post(url, { intent: "checklist", chiave: "transitorieta", stato: "forse", versione: "1" }, padova), d.id)));
    expect(nonValida.status).toBe(422);
    const html = await renderRotta(url, padova, { metodo: "POST", campi: { intent: "checklist", chiave: "transitorieta", stato: "forse", versione: "1" } });
    expect(html).toContain("C&#x27;è un problema");
    expect(html).toContain("Scegli l&#x27;esito della verifica");
    const ignota = await risposta(() => caso.action(argsCaso(post(url, { intent: "checklist", chiave: "meteo:2026-01-01", stato: "verificato", versione: "0" }, padova), d.id)));
    expect(ignota.status).toBe(422);
  });

  it("adds internal notes, refuses an empty one, and never shows them to the company", async () => {
    const ctxMario = await contestoDi(mario);
    const d = await domandaInviata(ctxMario, c1);
    const url = `/scrivania/${d.id}`;
    const vuota = await risposta(() => caso.action(argsCaso(post(url, { intent: "nota", testo: "   " }, padova), d.id)));
    expect(vuota.status).toBe(422);
    const ok = await risposta(() => caso.action(argsCaso(post(url, { intent: "nota", testo: "Verificare il DURC <b>interno</b>" }, padova), d.id)));
    expect(ok.status).toBe(303);
    const [n] = await db().select().from(noteIstruttoria).where(eq(noteIstruttoria.domandaId, d.id));
    expect(n.testo).toBe("Verificare il DURC <b>interno</b>");
    expect(await renderRotta(url, padova)).toContain("Verificare il DURC &lt;b&gt;interno&lt;/b&gt;");
    // The company's side: the detail page of its domanda has neither the note nor the checklist; the case page is 404.
    const perAzienda = await risposta(() => dettaglio.loader(argsCaso(get(`/domande/${d.id}/dettaglio`, mario), d.id)));
    const testo = await perAzienda.text();
    expect(testo).not.toContain("DURC");
    expect(testo).not.toContain("transitorieta");
    expect((await risposta(() => caso.loader(argsCaso(get(url, mario), d.id)))).status).toBe(404);
  });

  it("lets the manager read without forms and refuses the manager's and other sedi's posts", async () => {
    const ctxMario = await contestoDi(mario);
    const d = await domandaInviata(ctxMario, c1);
    const url = `/scrivania/${d.id}`;
    const html = await renderRotta(url, dirigente);
    expect(html).toContain("Consulti la domanda in sola lettura");
    expect(html).not.toContain('method="post"');
    for (const chi of [dirigente, milano]) {
      const r = await risposta(() => caso.action(argsCaso(post(url, { intent: "prendi", versione: String(d.versione) }, chi), d.id)));
      expect(r.status).toBe(404);
    }
    expect((await risposta(() => caso.loader(argsCaso(get(url, milano), d.id)))).status).toBe(404);
    const [dopo] = await db().select().from(domande).where(eq(domande.id, d.id));
    expect(dopo.stato).toBe("inviata");
    // A missing CSRF token: 403, nothing changed.
    const senza = await risposta(() => caso.action(argsCaso(post(url, { intent: "prendi", versione: String(d.versione) }, padova, { senzaCsrf: true }), d.id)));
    expect(senza.status).toBe(403);
  });

  it("lets the operator of the sede download an attachment of the case, not Milano", async () => {
    const ctxMario = await contestoDi(mario);
    const d = await domandaInviata(ctxMario, c1);
    const pdf = Buffer.from("%PDF-1.4\n%%EOF\n");
    const [a] = await db()
      .insert(allegati)
      .values({ domandaId: d.id, tipo: "altro", nomeFile: "verbale.pdf", dimensione: pdf.length, sha256: "0".repeat(64), contenuto: pdf, caricatoDa: ctxMario.utente.id })
      .returning({ id: allegati.id });
    const params = { id: String(d.id), allegatoId: String(a.id) };
    const ok = await risposta(() => allegato.loader({ request: get(`/domande/${d.id}/allegati/${a.id}`, padova), params, context: contesto }));
    expect(ok.status).toBe(200);
    expect(ok.headers.get("Content-Type")).toBe("application/pdf");
    const no = await risposta(() => allegato.loader({ request: get(`/domande/${d.id}/allegati/${a.id}`, milano), params, context: contesto }));
    expect(no.status).toBe(404);
    expect(await renderRotta(`/scrivania/${d.id}`, padova)).toContain(`href="/domande/${d.id}/allegati/${a.id}"`);
  });
});

describe("carichi dell'ufficio", () => {
  it("is the manager's: workload per operator and cases past the limit; 404 for operators", async () => {
    const ctxPadova = await contestoDi(padova);
    await casoFinto({ giorni: -5, stato: "in_istruttoria", operatoreId: ctxPadova.utente.id });
    const r = await risposta(() => carichi.loader({ request: get("/scrivania/carichi", dirigente), params: {}, context: contesto }));
    expect(r.status).toBe(200);
    const d = await r.json();
    expect(d.perOperatore.map((o: { operatore: string }) => o.operatore)).toContain("Giorgio Operatore Esempio");
    expect(d.oltreTermine).toBeGreaterThanOrEqual(1);
    expect((await risposta(() => carichi.loader({ request: get("/scrivania/carichi", padova), params: {}, context: contesto }))).status).toBe(404);
  });
});
