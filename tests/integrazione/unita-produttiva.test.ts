import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { aziende, domandaLavoratori, domande, lavoratori, unitaProduttive } from "../../db/schema";
import { db } from "../../db/connection";
import { LAURA_CONSULENTE, MARIO_ESEMPIO } from "../../db/seed/utenti-demo";
import Pagina, { action, loader } from "../../app/routes/domande.$id.unita-produttiva";
import { richiediContesto } from "../../app/http/accesso.server";
import { creaBozza } from "../../app/services/domande.server";
import { usaDatabaseDiTest } from "../database";
import { paginaResa } from "../remix-lato-server";
import { within } from "@testing-library/dom";
import { pagina, TITOLO_RIEPILOGO_ERRORI } from "../pagina";

/** The reason for a correction, by the label the user reads (ETICHETTE_UNITA.motivazione, optional field). */
const MOTIVO = /^Motivo della correzione/;
import { contesto, get, post, risposta, sessioneDi, type Identita } from "../richieste";

usaDatabaseDiTest();

// The page as the server renders it (no JS).
vi.mock("@remix-run/react", () => import("../remix-lato-server").then((m) => m.remixLatoServer()));
const html = async (datiLoader: unknown, datiAction?: unknown) => paginaResa(Pagina, datiLoader, datiAction);

let mario: Identita;
let laura: Identita;
let c1: number;
let up1: number;
let up2: number;
let upAltra: number;

beforeAll(async () => {
  // The seed's reference date (D1 filed on 10/02/2026): UniEmens runs until January 2026.
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-02-10T09:00:00Z"));
  [{ id: c1 }] = await db().select({ id: aziende.id }).from(aziende).where(eq(aziende.matricola, "4712345601"));
  const [{ id: c2 }] = await db().select({ id: aziende.id }).from(aziende).where(eq(aziende.matricola, "4723456702"));
  [{ id: up1 }] = await db().select({ id: unitaProduttive.id }).from(unitaProduttive).where(and(eq(unitaProduttive.aziendaId, c1), eq(unitaProduttive.codice, "UP1")));
  [{ id: up2 }] = await db().select({ id: unitaProduttive.id }).from(unitaProduttive).where(and(eq(unitaProduttive.aziendaId, c1), eq(unitaProduttive.codice, "UP2")));
  [{ id: upAltra }] = await db().select({ id: unitaProduttive.id }).from(unitaProduttive).where(eq(unitaProduttive.aziendaId, c2));
  mario = await sessioneDi(MARIO_ESEMPIO.codiceFiscale, "datore", c1);
  laura = await sessioneDi(LAURA_CONSULENTE.codiceFiscale, "intermediario");
});

afterAll(() => {
  vi.useRealTimers();
});

async function bozza(): Promise<number> {
  const ctx = await richiediContesto(get("/", mario));
  const id = await creaBozza(ctx, { aziendaId: c1, prestazione: "CIGO", fondo: null, nonSuggerita: false });
  await db().update(domande).set({ dati: { azienda: { pec: "officinebrenta@pec.esempio.it" } } }).where(eq(domande.id, id));
  return id;
}

async function leggi(id: number) {
  const [d] = await db().select().from(domande).where(eq(domande.id, id));
  return d;
}

const carica = (id: number, chi = mario) => risposta(() => loader({ request: get(`/domande/${id}/unita-produttiva`, chi), params: { id: String(id) }, context: contesto }));
const invia = (id: number, campi: Record<string, string | string[]>, chi = mario, opzioni = {}) =>
  risposta(() => action({ request: post(`/domande/${id}/unita-produttiva`, campi, chi, opzioni), params: { id: String(id) }, context: contesto }));

function righeUp1(): Record<string, string> {
  return { "righe[0].orario": "40", "righe[0].lavoratori": "29", "righe[1].orario": "20", "righe[1].lavoratori": "2" };
}

describe("passo Unità produttiva", () => {
  it("elenca le unità dell'azienda con la media UniEmens per orario; la tabella arriva, pre-compilata, dopo la scelta", async () => {
    const id = await bozza();
    const r = await carica(id);
    expect(r.status).toBe(200);
    const d = await r.json();
    expect(d.unita.map((u: { codice: string }) => u.codice)).toEqual(["UP1", "UP2"]);
    const u1 = d.unita.find((u: { id: number }) => u.id === up1);
    expect(u1.comune).toBe("Padova");
    // The reference unit has 30 workers at 40 h; Luca Campionato joined in January 2026, so the semester average is 29 (29 + 1/6).
    expect(u1.descrizioneMedia).toBe("29 × 40 h, 2 × 20 h");
    // Two units and none chosen: no unit's figures are pre-filled before the choice.
    expect(d.tabella).toBeNull();
    expect(d.valori.unitaTabella).toBeUndefined();
    expect(d.valori.righe[0]).toEqual({ orario: "", lavoratori: "" });
    // Without the table (no JS needed): the unit is saved with its UniEmens figures and the page comes back with them.
    const { versione } = await leggi(id);
    const scelta = await invia(id, { versione: String(versione), unitaProduttivaId: String(up1) });
    expect(scelta.status).toBe(303);
    expect(scelta.headers.get("Location")).toBe(`/domande/${id}/unita-produttiva?media=1`);
    expect((await leggi(id)).dati.unitaProduttiva).toMatchObject({ unitaProduttivaId: up1, modificata: false });
    const dopo = await (await risposta(() => loader({ request: get(`/domande/${id}/unita-produttiva?media=1`, mario), params: { id: String(id) }, context: contesto }))).json();
    expect(dopo.daControllare).toBe(true);
    expect(dopo.tabella.id).toBe(up1);
    expect(dopo.valori.unitaTabella).toBe(String(up1));
    expect(dopo.valori.righe.slice(0, 2)).toEqual([{ orario: "40", lavoratori: "29" }, { orario: "20", lavoratori: "2" }]);
    const p = pagina(await html(dopo));
    expect(p.getByRole("status").textContent).not.toBe("");
    expect(p.campo("Numero di lavoratori, riga 1").valore).toBe("29");
  });

  it("salva l'unità con i dati UniEmens e va al periodo (303)", async () => {
    const id = await bozza();
    const { versione } = await leggi(id);
    const r = await invia(id, { versione: String(versione), unitaProduttivaId: String(up1), unitaTabella: String(up1), ...righeUp1() });
    expect(r.status).toBe(303);
    expect(r.headers.get("Location")).toBe(`/domande/${id}/periodo`);
    const d = await leggi(id);
    expect(d.unitaProduttivaId).toBe(up1);
    expect(d.dati.unitaProduttiva).toMatchObject({ unitaProduttivaId: up1, modificata: false, mediaOccupati: [{ orarioSettimanale: 40, lavoratori: 29 }, { orarioSettimanale: 20, lavoratori: 2 }] });
  });

  it("una correzione della media senza motivo risponde 422 e conserva i valori digitati; con il motivo si salva", async () => {
    const id = await bozza();
    // As on the page: the unit is chosen first, then its table comes back to check.
    await invia(id, { versione: String((await leggi(id)).versione), unitaProduttivaId: String(up1) });
    const { versione } = await leggi(id);
    const campi = { versione: String(versione), unitaProduttivaId: String(up1), unitaTabella: String(up1), ...righeUp1(), "righe[0].lavoratori": "27" };
    const r = await invia(id, campi);
    expect(r.status).toBe(422);
    const p = pagina(await html(await (await carica(id)).json(), await r.json()));
    expect(p.campo(MOTIVO).descrizione).toMatch(/Spiega perché/);
    expect(p.campo(MOTIVO).nonValido).toBe(true);
    expect(p.campo("Numero di lavoratori, riga 1").valore).toBe("27");
    expect((await leggi(id)).versione).toBe(versione);
    const ok = await invia(id, { ...campi, motivazione: "Due operai sono passati all'unità di Vicenza a gennaio" });
    expect(ok.status).toBe(303);
    expect((await leggi(id)).dati.unitaProduttiva).toMatchObject({ modificata: true, motivazione: expect.stringContaining("Vicenza") });
  });

  it("scegliendo un'altra unità valgono i suoi dati UniEmens, non la tabella dell'unità mostrata", async () => {
    const id = await bozza();
    const { versione } = await leggi(id);
    const r = await invia(id, { versione: String(versione), unitaProduttivaId: String(up2), unitaTabella: String(up1), ...righeUp1() });
    expect(r.status).toBe(303);
    // Back to the page, now with the chosen unit's figures to check.
    expect(r.headers.get("Location")).toBe(`/domande/${id}/unita-produttiva?media=1`);
    const u = (await leggi(id)).dati.unitaProduttiva as { mediaOccupati: unknown; modificata: boolean };
    expect(u.modificata).toBe(false);
    expect(u.mediaOccupati).toEqual([{ orarioSettimanale: 40, lavoratori: 15 }, { orarioSettimanale: 20, lavoratori: 1 }]);
  });

  it("cambiare unità azzera i lavoratori scelti", async () => {
    const id = await bozza();
    const { versione } = await leggi(id);
    await invia(id, { versione: String(versione), unitaProduttivaId: String(up1), unitaTabella: String(up1), ...righeUp1() });
    const [marco] = await db().select().from(lavoratori).where(eq(lavoratori.codiceFiscale, "SMPMRC80C12G224X"));
    await db().insert(domandaLavoratori).values({ domandaId: id, codiceFiscale: marco.codiceFiscale, lavoratoreId: marco.id, qualifica: "operaio", origine: "uniemens" });
    const d = await leggi(id);
    await db().update(domande).set({ dati: { ...d.dati, periodo: { dataInizio: "2026-02-02" }, lavoratori: { modalita: "uniemens", numero: 1 } } }).where(eq(domande.id, id));
    const r = await invia(id, { versione: String(d.versione), unitaProduttivaId: String(up2), unitaTabella: String(up2) , "righe[0].orario": "40", "righe[0].lavoratori": "15", "righe[1].orario": "20", "righe[1].lavoratori": "1" });
    expect(r.status).toBe(303);
    const dopo = await leggi(id);
    expect(dopo.unitaProduttivaId).toBe(up2);
    expect(await db().select().from(domandaLavoratori).where(eq(domandaLavoratori.domandaId, id))).toHaveLength(0);
    expect(dopo.dati.lavoratori).toBeUndefined();
  });

  it("un'unità di un'altra azienda inviata a mano risponde 422 e non salva nulla", async () => {
    const id = await bozza();
    const { versione } = await leggi(id);
    const r = await invia(id, { versione: String(versione), unitaProduttivaId: String(upAltra), unitaTabella: String(upAltra) });
    expect(r.status).toBe(422);
    const p = pagina(await html(await (await carica(id)).json(), await r.json()));
    expect(p.gruppo("Quale unità produttiva è interessata?").descrizione).toMatch(/unità produttive dell'azienda/);
    expect(p.riepilogoErrori().voci.map((v) => v.testo)).toEqual([expect.stringMatching(/unità produttive dell'azienda/)]);
    const d = await leggi(id);
    expect(d.versione).toBe(versione);
    expect(d.unitaProduttivaId).toBeNull();
  });

  it("rifiuta input ostile con messaggi chiari e senza salvare", async () => {
    const id = await bozza();
    const { versione } = await leggi(id);
    const base = { versione: String(versione), unitaProduttivaId: String(up1), unitaTabella: String(up1), ...righeUp1() };
    const casi: Array<[Record<string, string>, string, RegExp]> = [
      [{ "righe[0].orario": "-5" }, "righe[0].orario", /orario settimanale/],
      [{ "righe[0].lavoratori": "99999999" }, "righe[0].lavoratori", /numero di lavoratori/],
      [{ "righe[0].lavoratori": "3.5" }, "righe[0].lavoratori", /numero intero/],
      [{ "righe[2].orario": "30" }, "righe[2].lavoratori", /Compila sia/],
      [{ "righe[0].lavoratori": "28", motivazione: "ok\u0007" }, "motivazione", /caratteri non ammessi/],
      [{ "righe[0].lavoratori": "28", motivazione: "x".repeat(1001) }, "motivazione", /al massimo 1000/],
      [{ unitaProduttivaId: "1; DROP TABLE domande" }, "unitaProduttivaId", /unità produttive/],
    ];
    for (const [extra, campo, messaggio] of casi) {
      const r = await invia(id, { ...base, ...extra });
      expect(r.status, campo).toBe(422);
      expect((await r.json()).error[campo][0]).toMatch(messaggio);
    }
    expect((await leggi(id)).versione).toBe(versione);
  });

  it("senza token CSRF risponde 403 e non cambia nulla", async () => {
    const id = await bozza();
    const { versione } = await leggi(id);
    const r = await invia(id, { versione: String(versione), unitaProduttivaId: String(up1), unitaTabella: String(up1), ...righeUp1() }, mario, { senzaCsrf: true });
    expect(r.status).toBe(403);
    expect((await leggi(id)).versione).toBe(versione);
  });

  it("un intermediario senza delega sull'azienda riceve 404, in lettura e in scrittura", async () => {
    const id = await bozza();
    const { versione } = await leggi(id);
    expect((await carica(id, laura)).status).toBe(404);
    const r = await invia(id, { versione: String(versione), unitaProduttivaId: String(up1), unitaTabella: String(up1), ...righeUp1() }, laura);
    expect(r.status).toBe(404);
    expect((await leggi(id)).versione).toBe(versione);
  });

  it("un collegamento diretto prima del passo azienda porta al primo passo incompleto", async () => {
    const ctx = await richiediContesto(get("/", mario));
    const id = await creaBozza(ctx, { aziendaId: c1, prestazione: "CIGO", fondo: null, nonSuggerita: false });
    const r = await carica(id);
    expect(r.status).toBe(302);
    expect(r.headers.get("Location")).toBe(`/domande/${id}/azienda`);
  });
});

/** The id prefix conform gives the rows' fields (e.g. "passo-unita-produttiva-"), read from the page. */
describe("pagina Unità produttiva (HTML senza JS)", () => {
  it("ha un h1, i radio in un fieldset con legenda, la tabella con didascalia e intestazioni, e il riepilogo errori", async () => {
    const id = await bozza();
    let p = pagina(await html(await (await carica(id)).json()));
    expect(p.queryByRole("table")).toBeNull();
    expect(p.getByText(/Dopo la scelta vedrai i lavoratori occupati in media/)).toBeTruthy();
    expect(p.getByText(/Passo 2 di 10/)).toBeTruthy();
    const v0 = (await leggi(id)).versione;
    await invia(id, { versione: String(v0), unitaProduttivaId: String(up1) });
    const d = await (await carica(id)).json();
    p = pagina(await html(d));
    expect(p.getAllByRole("heading", { level: 1 })).toHaveLength(1);
    expect(p.gruppo("Quale unità produttiva è interessata?").elemento.querySelectorAll('input[type="radio"]').length).toBeGreaterThan(0);
    const tabella = p.getByRole("table", { name: "Lavoratori per orario settimanale" });
    expect(within(tabella).getAllByRole("columnheader").map((th) => th.textContent)).toEqual(["Riga", "Orario settimanale (ore)", "Numero di lavoratori"]);
    // Each row's fields are labelled, but the label is shown once, as the column header (visually hidden labels).
    for (let i = 0; i < 6; i++) {
      const campo = p.campo(`Numero di lavoratori, riga ${i + 1}`).elemento;
      expect(tabella.contains(campo)).toBe(true);
      const etichetta = [...p.documento.querySelectorAll("label")].find((l) => l.htmlFor === campo.id);
      expect(etichetta?.classList.contains("visually-hidden")).toBe(true);
    }
    expect(p.documento.querySelector('input[name="csrf"]')).not.toBeNull();
    expect(p.getByText(/29 × 40 h, 2 × 20 h/)).toBeTruthy();
    expect(p.queryByRole("heading", { name: TITOLO_RIEPILOGO_ERRORI })).toBeNull();
    const { versione } = await leggi(id);
    const errato = await invia(id, { versione: String(versione), unitaProduttivaId: String(up1), unitaTabella: String(up1), ...righeUp1(), "righe[0].lavoratori": "27" });
    p = pagina(await html(d, await errato.json()));
    const { voci, destinazioni } = p.riepilogoErrori();
    expect(voci).toEqual([{ testo: expect.stringMatching(/^Spiega perché/), href: expect.stringMatching(/motivazione$/) }]);
    expect(destinazioni[0]).toBe(p.campo(MOTIVO).elemento);
    expect(p.campo("Numero di lavoratori, riga 1").valore).toBe("27");
  });
});
