import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { aziende, domande, unitaProduttive } from "../../db/schema";
import { db } from "../../db/connection";
import { LAURA_CONSULENTE, MARIO_ESEMPIO } from "../../db/seed/utenti-demo";
import Pagina, { action, loader } from "../../app/routes/domande.$id.periodo";
import { richiediContesto } from "../../app/http/accesso.server";
import { creaBozza } from "../../app/services/domande.server";
import { caricaDomanda } from "../../app/http/domanda.server";
import { elencoPassi } from "../../app/services/elenco-passi.server";
import { usaDatabaseDiTest } from "../database";
import { esitiResi, nomiInterniIn, testoVisibile } from "../nomi-interni";
import { paginaResa } from "../remix-lato-server";
import { pagina, TITOLO_RIEPILOGO_ERRORI } from "../pagina";
import { contesto, get, post, risposta, sessioneDi, type Identita } from "../richieste";

usaDatabaseDiTest();

// The page as the server renders it (no JS).
vi.mock("@remix-run/react", () => import("../remix-lato-server").then((m) => m.remixLatoServer()));
const html = async (datiLoader: unknown, datiAction?: unknown) => paginaResa(Pagina, datiLoader, datiAction);

let mario: Identita;
let laura: Identita;
let c1: number;
let up1: number;

beforeAll(async () => {
  // D1 is filed on 10/02/2026 (the reference scenario): the filing date is "today in Rome".
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-02-10T09:00:00Z"));
  [{ id: c1 }] = await db().select({ id: aziende.id }).from(aziende).where(eq(aziende.matricola, "4712345601"));
  [{ id: up1 }] = await db().select({ id: unitaProduttive.id }).from(unitaProduttive).where(and(eq(unitaProduttive.aziendaId, c1), eq(unitaProduttive.codice, "UP1")));
  mario = await sessioneDi(MARIO_ESEMPIO.codiceFiscale, "datore", c1);
  laura = await sessioneDi(LAURA_CONSULENTE.codiceFiscale, "intermediario");
});

afterAll(() => {
  vi.useRealTimers();
});

async function bozza(): Promise<number> {
  const ctx = await richiediContesto(get("/", mario));
  const id = await creaBozza(ctx, { aziendaId: c1, prestazione: "CIGO", fondo: null, nonSuggerita: false });
  await db()
    .update(domande)
    .set({
      unitaProduttivaId: up1,
      dati: {
        azienda: { pec: "officinebrenta@pec.esempio.it" },
        unitaProduttiva: {
          unitaProduttivaId: up1, codice: "UP1", denominazione: "Stabilimento di Padova", modificata: false,
          mediaOccupati: [{ orarioSettimanale: 40, lavoratori: 29 }, { orarioSettimanale: 20, lavoratori: 2 }],
          mediaUniemens: [{ orarioSettimanale: 40, lavoratori: 29 }, { orarioSettimanale: 20, lavoratori: 2 }],
        },
      },
    })
    .where(eq(domande.id, id));
  return id;
}

async function leggi(id: number) {
  const [d] = await db().select().from(domande).where(eq(domande.id, id));
  return d;
}

const carica = async (id: number, chi = mario, query = "") =>
  risposta(() => loader({ request: get(`/domande/${id}/periodo${query}`, chi), params: { id: String(id) }, context: contesto }));
const invia = (id: number, campi: Record<string, string>, chi = mario, opzioni = {}) =>
  risposta(() => action({ request: post(`/domande/${id}/periodo`, campi, chi, opzioni), params: { id: String(id) }, context: contesto }));

// The fields by the labels the user reads (app/passi/schemi/periodo.ts, ETICHETTE_PERIODO).
const GIORNI = /^Giorni di sospensione o riduzione/;
const LAVORAZIONE = /^Lavorazione in corso in quei giorni/;
const ETICHETTE: Record<string, string | RegExp> = {
  dataInizio: "Data di inizio",
  dataFine: "Data di fine",
  oreRichieste: "Ore di integrazione richieste",
  oreSettimanaliRidotte: /^Ore settimanali lavorate durante la riduzione/,
  causale: "Causale",
  tipo: "L'attività è sospesa o ridotta?",
  tipoLavoro: LAVORAZIONE,
};

/** D1: mancanza di commesse, riduzione a 24 h, 02/02/2026–26/04/2026 (12 settimane). */
function d1(versione: number): Record<string, string> {
  return {
    versione: String(versione), causale: "mancanza_lavoro", tipo: "riduzione", oreSettimanaliRidotte: "24",
    dataInizio: "02/02/2026", dataFine: "26/04/2026", oreRichieste: "3840",
  };
}

describe("passo Periodo e causale", () => {
  it("offre le causali CIGO del D.M. 95442/2016, non quelle straordinarie né CISOA", async () => {
    const id = await bozza();
    const d = await (await carica(id)).json();
    const codici = d.causali.map((c: { codice: string }) => c.codice);
    expect(codici).toContain("mancanza_lavoro");
    expect(codici).toContain("temperature_elevate");
    expect(codici).not.toContain("crisi_aziendale");
    expect(codici).not.toContain("cisoa_intemperie");
    expect(d.esiti).toEqual([]);
  });

  it("D1 nei termini: salva, imposta le colonne del periodo e va ai lavoratori (303)", async () => {
    const id = await bozza();
    const { versione } = await leggi(id);
    const r = await invia(id, d1(versione));
    expect(r.status).toBe(303);
    expect(r.headers.get("Location")).toBe(`/domande/${id}/lavoratori`);
    const d = await leggi(id);
    expect(d.dataInizio).toBe("2026-02-02");
    expect(d.dataFine).toBe("2026-04-26");
    expect(d.dati.periodo).toMatchObject({ causale: "mancanza_lavoro", eone: false, tipo: "riduzione", oreSettimanaliRidotte: 24, oreRichieste: 3840 });
    const pagina = await (await carica(id)).json();
    expect(pagina.valori).toMatchObject({ dataInizio: "02/02/2026", dataFine: "26/04/2026", oreSettimanaliRidotte: "24" });
    const regole = pagina.esiti.map((e: { regola: string }) => e.regola);
    expect(regole).toEqual(expect.arrayContaining(["termini.presentazione", "durata.cigo.biennio", "durata.cigo.terzoOre", "sovrapposizioni"]));
    expect(pagina.esiti.every((e: { gravita: string }) => e.gravita === "informazione")).toBe(true);
  });

  it("gli avvisi sono in italiano semplice: gravità scritta, riferimento come nota, mai nomi interni dei parametri", async () => {
    const id = await bozza();
    const { versione } = await leggi(id);
    await invia(id, d1(versione));
    const dati = await (await carica(id)).json();
    const resi = esitiResi(await html(dati));
    expect(resi.length).toBe(dati.esiti.length);
    for (const e of resi) {
      expect(e.testo).toMatch(/^(✕ Blocca l'invio|! Avviso|i Informazione) /);
      expect(e.testo).toMatch(/Riferimento normativo: \S/);
      expect(nomiInterniIn(e.testo), e.testo).toEqual([]);
    }
    // The one-third rule uses a parameter that is not confirmed: it says what is uncertain, in words.
    const terzo = resi.find((e) => e.testo.includes("Regola provvisoria"));
    expect(terzo?.testo).toContain("il modo di calcolare le ore lavorabili nel biennio mobile");
    expect(nomiInterniIn(testoVisibile(await html(dati)))).toEqual([]);
  });

  it("una CIGO tardiva mostra la prima data coperta e il passo risulta con avvisi", async () => {
    const id = await bozza();
    const { versione } = await leggi(id);
    const r = await invia(id, { ...d1(versione), dataInizio: "12/01/2026", dataFine: "01/03/2026" });
    expect(r.status).toBe(303);
    expect(r.headers.get("Location")).toBe(`/domande/${id}/periodo?salvato=1`);
    const pagina = await (await carica(id, mario, "?salvato=1")).json();
    expect(pagina.appenaSalvato).toBe(true);
    const termine = pagina.esiti.find((e: { regola: string }) => e.regola === "termini.presentazione");
    expect(termine.gravita).toBe("avviso");
    expect(termine.messaggio).toMatch(/tardiva/);
    expect(termine.messaggio).toMatch(/al più presto dal 03\/02\/2026/);
    const ctx = await richiediContesto(get("/", mario));
    const { passi } = await elencoPassi(await caricaDomanda(get("/x"), ctx, id));
    expect(passi.find((p) => p.chiave === "periodo")?.stato).toBe("con_avvisi");
  });

  it("segnala la sovrapposizione con un'altra domanda della stessa unità e prestazione", async () => {
    const altra = await bozza();
    await db()
      .update(domande)
      .set({ stato: "inviata", protocollo: "INPS.IS.2026.0000099", dataInizio: "2026-04-01", dataFine: "2026-05-31", inviataIl: new Date("2026-02-01T10:00:00Z") })
      .where(eq(domande.id, altra));
    const id = await bozza();
    const { versione } = await leggi(id);
    expect((await invia(id, d1(versione))).status).toBe(303);
    const pagina = await (await carica(id)).json();
    const sovr = pagina.esiti.filter((e: { regola: string; gravita: string }) => e.regola === "sovrapposizioni");
    expect(sovr[0].gravita).toBe("bloccante");
    expect(sovr[0].messaggio).toMatch(/dal 01\/04\/2026 al 26\/04\/2026/);
    expect(sovr[0].messaggio).toMatch(/INPS\.IS\.2026\.0000099/);
  });

  it("per gli eventi meteo chiede i giorni esatti e la lavorazione", async () => {
    const id = await bozza();
    const { versione } = await leggi(id);
    const vuoto = await (await carica(id)).json();
    const meteo = { ...d1(versione), causale: "temperature_elevate", tipo: "sospensione", dataInizio: "02/02/2026", dataFine: "06/02/2026", oreRichieste: "960" };
    let r = await invia(id, meteo);
    expect(r.status).toBe(422);
    let p = pagina(await html(vuoto, await r.json()));
    expect(p.campo(GIORNI).descrizione).toMatch(/indica i giorni/);
    expect(p.campo(GIORNI).nonValido).toBe(true);
    expect(p.campo(LAVORAZIONE).descrizione).toMatch(/lavorazione/);
    r = await invia(id, { ...meteo, giorni: "03/02/2026\n09/02/2026", tipoLavoro: "Stesura di asfalto" });
    expect(r.status).toBe(422);
    p = pagina(await html(vuoto, await r.json()));
    expect(p.campo(GIORNI).descrizione).toContain("Riga 2 dei giorni: la data deve essere compresa tra la data di inizio e la data di fine");
    expect(p.campo(GIORNI).valore).toBe("03/02/2026\n09/02/2026");
    expect(p.campo(LAVORAZIONE).nonValido).toBe(false);
    r = await invia(id, { ...meteo, giorni: "03/02/2026\r\n05/02/2026\n\n", tipoLavoro: "Stesura di asfalto" });
    expect(r.status).toBe(303);
    expect((await leggi(id)).dati.periodo).toMatchObject({ eone: true, meteo: true, giorni: ["2026-02-03", "2026-02-05"], tipoLavoro: "Stesura di asfalto" });
  });

  it("rifiuta date inesistenti, fine prima dell'inizio, ore assurde e testo ostile, senza salvare", async () => {
    const id = await bozza();
    const { versione } = await leggi(id);
    const casi: Array<[Record<string, string>, string, RegExp]> = [
      [{ dataInizio: "31/02/2026" }, "dataInizio", /La data di inizio non esiste/],
      [{ dataFine: "2026-04-26" }, "dataFine", /formato gg\/mm\/aaaa/],
      [{ dataFine: "01/02/2026" }, "dataFine", /uguale o successiva/],
      [{ dataFine: "01/03/2028" }, "dataFine", /un anno/],
      [{ oreRichieste: "-5" }, "oreRichieste", /numero intero/],
      [{ oreRichieste: "99999999" }, "oreRichieste", /numero intero/],
      [{ oreRichieste: "100000" }, "oreRichieste", /al massimo 14\.400 ore/],
      [{ oreSettimanaliRidotte: "" }, "oreSettimanaliRidotte", /Inserisci le ore settimanali/],
      [{ oreSettimanaliRidotte: "80" }, "oreSettimanaliRidotte", /da 1 a 59/],
      [{ causale: "riorganizzazione" }, "causale", /Scegli la causale/],
      [{ causale: "<script>alert(1)</script>" }, "causale", /Scegli la causale/],
      [{ tipo: "licenziamento" }, "tipo", /sospesa o ridotta/],
      [{ causale: "eventi_meteo", giorni: "03/02/2026", tipoLavoro: "asfalto\u0000" }, "tipoLavoro", /caratteri non ammessi/],
    ];
    const vuoto = await (await carica(id)).json();
    for (const [extra, campo, messaggio] of casi) {
      const r = await invia(id, { ...d1(versione), ...extra });
      expect(r.status, campo).toBe(422);
      const p = pagina(await html(vuoto, await r.json()));
      // The summary links to the field, whose description (aria-describedby) carries the message.
      const { voci, destinazioni } = p.riepilogoErrori();
      const voce = voci.findIndex((v) => messaggio.test(v.testo));
      expect(voce, campo).toBeGreaterThanOrEqual(0);
      const etichetta = ETICHETTE[campo];
      if (campo === "tipo") {
        expect(p.gruppo(etichetta).descrizione).toMatch(messaggio);
        expect(p.gruppo(etichetta).elemento.contains(destinazioni[voce])).toBe(true);
        continue;
      }
      const c = p.campo(etichetta);
      expect(c.descrizione, campo).toMatch(messaggio);
      expect(c.nonValido, campo).toBe(true);
      expect(destinazioni[voce]).toBe(c.elemento);
      // What the user typed comes back to the form (a choice that is not on the list cannot be shown).
      // (The HTML parser drops a NUL character, so it is compared without it.)
      const senzaNul = (t: string) => t.replace(/[\u0000\uFFFD]/g, "");
      if (campo !== "causale") expect(senzaNul(c.valore), campo).toBe(senzaNul(extra[campo]));
    }
    const d = await leggi(id);
    expect(d.versione).toBe(versione);
    expect(d.dataInizio).toBeNull();
  });

  it("senza token CSRF risponde 403; un intermediario senza delega riceve 404", async () => {
    const id = await bozza();
    const { versione } = await leggi(id);
    expect((await invia(id, d1(versione), mario, { senzaCsrf: true })).status).toBe(403);
    expect((await invia(id, d1(versione), laura)).status).toBe(404);
    expect((await carica(id, laura)).status).toBe(404);
    expect((await leggi(id)).versione).toBe(versione);
  });

  it("due schede: la seconda che salva riceve 409 e non sovrascrive", async () => {
    const id = await bozza();
    const { versione } = await leggi(id);
    expect((await invia(id, d1(versione))).status).toBe(303);
    const r = await invia(id, { ...d1(versione), oreRichieste: "100" });
    expect(r.status).toBe(409);
    expect(((await leggi(id)).dati.periodo as { oreRichieste: number }).oreRichieste).toBe(3840);
  });
});

describe("pagina Periodo e causale (HTML senza JS)", () => {
  it("mostra i campi con etichette, gli avvisi salvati e gli errori con i valori digitati", async () => {
    const id = await bozza();
    const { versione } = await leggi(id);
    await invia(id, { ...d1(versione), dataInizio: "12/01/2026", dataFine: "01/03/2026" });
    const d = await (await carica(id, mario, "?salvato=1")).json();
    let p = pagina(await html(d));
    expect(p.getAllByRole("heading", { level: 1 })).toHaveLength(1);
    expect(p.getByRole("heading", { level: 1 }).textContent).toContain("Periodo e causale");
    const controlli = p.getByRole("heading", { name: "Controlli sul periodo salvato" });
    expect(controlli.closest("section, div")?.textContent).toMatch(/al più presto dal 03\/02\/2026/);
    expect(p.getAllByRole("link").some((a) => a.getAttribute("href") === `/domande/${id}/lavoratori`)).toBe(true);
    expect(p.gruppo("L'attività è sospesa o ridotta?").elemento.tagName).toBe("FIELDSET");
    expect(p.campo("Data di inizio").valore).toBe("12/01/2026");
    expect(p.queryByRole("heading", { name: TITOLO_RIEPILOGO_ERRORI })).toBeNull();
    const errato = await invia(id, { ...d1((await leggi(id)).versione), dataInizio: "31/02/2026" });
    p = pagina(await html(d, await errato.json()));
    const { voci, destinazioni } = p.riepilogoErrori();
    expect(voci).toEqual([{ testo: expect.stringMatching(/^La data di inizio non esiste/), href: expect.stringMatching(/dataInizio$/) }]);
    const inizio = p.campo("Data di inizio");
    expect(destinazioni[0]).toBe(inizio.elemento);
    expect(inizio.valore).toBe("31/02/2026");
    expect(inizio.nonValido).toBe(true);
    expect(inizio.descrizione).toMatch(/La data di inizio non esiste/);
  });
});
