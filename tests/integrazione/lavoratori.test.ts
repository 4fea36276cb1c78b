import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { aziende, domandaLavoratori, domande, lavoratori, rapportiLavoro, unitaProduttive } from "../../db/schema";
import { db } from "../../db/connection";
import { LAURA_CONSULENTE, MARIO_ESEMPIO } from "../../db/seed/utenti-demo";
import Pagina, { action, loader } from "../../app/routes/domande.$id.lavoratori";
import { richiediContesto } from "../../app/http/accesso.server";
import { creaBozza } from "../../app/services/domande.server";
import { caricaDomanda } from "../../app/http/domanda.server";
import { controlliDomanda } from "../../app/services/controlli-domanda.server";
import type { Prestazione } from "../../app/domain/tipi";
import { usaDatabaseDiTest } from "../database";
import { paginaResa } from "../remix-lato-server";
import { within } from "@testing-library/dom";
import { pagina, TITOLO_RIEPILOGO_ERRORI, type Pagina as PaginaResa } from "../pagina";
import { ORIGINE, contesto, get, post, risposta, sessioneDi, type Identita } from "../richieste";

usaDatabaseDiTest();

// The page as the server renders it (no JS).
vi.mock("@remix-run/react", () => import("../remix-lato-server").then((m) => m.remixLatoServer()));
const html = async (datiLoader: unknown, datiAction?: unknown) => paginaResa(Pagina, datiLoader, datiAction);
const FILE_CSV = "File CSV dell'elenco";
const TABELLA_SCARTATE = "Righe dell'elenco da correggere";

/** The rows to correct as the page shows them: line number (row header), content and reason. */
function scartate(p: PaginaResa) {
  const tabella = p.getByRole("table", { name: TABELLA_SCARTATE });
  return within(tabella)
    .getAllByRole("row")
    .slice(1)
    .map((tr) => {
      const [riga, ...celle] = [...tr.children].map((c) => c.textContent ?? "");
      return { riga: Number(riga), valore: celle[0], motivo: celle[1] };
    });
}

const MARCO = "SMPMRC80C12G224X";
const LUCA = "CMPLCU03S23G224Z";
const SARA = "DMSSRA75A70L781U"; // C2-UP2: not at C1-UP1
const IRINA = "DMSRNI95E60Z129K";
const NICOLA = "PRTNCL78M03A662J";
const ROSA = "BZZRSO01C55A662M";

let mario: Identita;
let laura: Identita;
let c1: number;
let c5: number;
let up1: number;
let up5: number;

beforeAll(async () => {
  // D1 and D5 are filed on 10/02/2026 (the reference scenarios): Luca Campionato has 20 days at the unit.
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-02-10T09:00:00Z"));
  [{ id: c1 }] = await db().select({ id: aziende.id }).from(aziende).where(eq(aziende.matricola, "4712345601"));
  [{ id: c5 }] = await db().select({ id: aziende.id }).from(aziende).where(eq(aziende.cida, "AGR-000123"));
  [{ id: up1 }] = await db().select({ id: unitaProduttive.id }).from(unitaProduttive).where(and(eq(unitaProduttive.aziendaId, c1), eq(unitaProduttive.codice, "UP1")));
  [{ id: up5 }] = await db().select({ id: unitaProduttive.id }).from(unitaProduttive).where(eq(unitaProduttive.aziendaId, c5));
  mario = await sessioneDi(MARIO_ESEMPIO.codiceFiscale, "datore", c1);
  laura = await sessioneDi(LAURA_CONSULENTE.codiceFiscale, "intermediario");
});

afterAll(() => {
  vi.useRealTimers();
});

async function bozza(chi: Identita, aziendaId: number, unita: number, prestazione: Prestazione, periodo: Record<string, unknown>): Promise<number> {
  const ctx = await richiediContesto(get("/", chi));
  const id = await creaBozza(ctx, { aziendaId, prestazione, fondo: null, nonSuggerita: false });
  await db()
    .update(domande)
    .set({
      unitaProduttivaId: unita,
      dataInizio: periodo.dataInizio as string,
      dataFine: periodo.dataFine as string,
      dati: {
        azienda: { pec: "prova@pec.esempio.it" },
        unitaProduttiva: { unitaProduttivaId: unita, codice: "UP1", denominazione: "Unità di prova", modificata: false, mediaOccupati: [], mediaUniemens: [] },
        periodo,
      },
    })
    .where(eq(domande.id, id));
  return id;
}

const D1 = { causale: "mancanza_lavoro", eone: false, meteo: false, straordinaria: false, tipo: "riduzione", oreSettimanaliRidotte: 24, dataInizio: "2026-02-02", dataFine: "2026-04-26", oreRichieste: 3840 };
const D5 = { causale: "cisoa_intemperie", eone: true, meteo: true, straordinaria: false, tipo: "sospensione", dataInizio: "2026-02-02", dataFine: "2026-02-06", oreRichieste: 46, giorni: ["2026-02-03", "2026-02-04", "2026-02-05"], tipoLavoro: "potatura dell'oliveto" };

const bozzaD1 = () => bozza(mario, c1, up1, "CIGO", D1);

async function leggi(id: number) {
  const [d] = await db().select().from(domande).where(eq(domande.id, id));
  return d;
}
async function scelti(id: number) {
  return (await db().select().from(domandaLavoratori).where(eq(domandaLavoratori.domandaId, id))).map((r) => r.codiceFiscale).sort();
}

type Riga = { cf: string; nominativo: string; ammissibile: boolean; motivo: string; selezionato: boolean };
const carica = async (id: number, chi = mario, query = "") =>
  risposta(() => loader({ request: get(`/domande/${id}/lavoratori${query}`, chi), params: { id: String(id) }, context: contesto }));
const invia = (id: number, campi: Record<string, string | string[]>, chi = mario, opzioni = {}) =>
  risposta(() => action({ request: post(`/domande/${id}/lavoratori`, campi, chi, opzioni), params: { id: String(id) }, context: contesto }));

function richiestaElenco(id: number, versione: number, contenuto: BlobPart | null, chi: Identita, conCsrf = true): Request {
  const form = new FormData();
  if (conCsrf) form.set("csrf", chi.csrf);
  form.set("versione", String(versione));
  form.set("intent", "carica");
  if (contenuto !== null) form.set("elenco", new File([contenuto], "elenco.csv", { type: "text/csv" }));
  return new Request(`${ORIGINE}/domande/${id}/lavoratori`, { method: "POST", headers: { Cookie: chi.cookie, Origin: ORIGINE }, body: form });
}
const caricaElenco = (id: number, versione: number, contenuto: BlobPart | null, chi = mario, conCsrf = true) =>
  risposta(() => action({ request: richiestaElenco(id, versione, contenuto, chi, conCsrf), params: { id: String(id) }, context: contesto }));
/** The page after the action's answer `r`, over the loader's data of the domanda. */
const dopo = async (id: number, r: Response, chi = mario) => pagina(await html(await (await carica(id, chi)).json(), await r.json()));

describe("passo Lavoratori beneficiari — D1 (C1-UP1, CIGO)", () => {
  it("mostra i lavoratori dell'unità da UniEmens con l'esito: Luca Campionato non ha 30 giorni", async () => {
    const id = await bozzaD1();
    const r = await carica(id, mario, `?q=${LUCA}`);
    expect(r.status).toBe(200);
    const d = await r.json();
    expect(d.totale).toBe(32);
    const luca = d.righe.find((l: Riga) => l.cf === LUCA);
    expect(luca.ammissibile).toBe(false);
    expect(luca.motivo).toMatch(/20 giorni/);
    expect(luca.motivo).toMatch(/almeno 30/);
    const marco = (await (await carica(id, mario, "?q=esempio")).json()).righe.find((l: Riga) => l.cf === MARCO);
    expect(marco.ammissibile).toBe(true);
  });

  it("dopo un cambio dei registri (assunzione di Luca anticipata) la vista successiva dà il nuovo esito", async () => {
    const id = await bozzaD1();
    const esitoLuca = async () => (await (await carica(id, mario, `?q=${LUCA}`)).json()).righe.find((l: Riga) => l.cf === LUCA);
    expect((await esitoLuca()).ammissibile).toBe(false);
    const [luca] = await db().select({ id: lavoratori.id }).from(lavoratori).where(eq(lavoratori.codiceFiscale, LUCA));
    const dove = and(eq(rapportiLavoro.lavoratoreId, luca.id), eq(rapportiLavoro.unitaProduttivaId, up1));
    const [{ dataAssunzione }] = await db().select({ dataAssunzione: rapportiLavoro.dataAssunzione }).from(rapportiLavoro).where(dove);
    try {
      await db().update(rapportiLavoro).set({ dataAssunzione: "2025-06-01" }).where(dove);
      const dopo = await esitoLuca();
      expect(dopo.ammissibile).toBe(true);
      expect(dopo.motivo).toMatch(/minimo è 30/);
    } finally {
      await db().update(rapportiLavoro).set({ dataAssunzione }).where(dove);
    }
    expect((await esitoLuca()).ammissibile).toBe(false);
  });

  it("pagina per 25 e conserva la selezione tra le pagine; un non ammissibile inviato a mano non entra", async () => {
    const id = await bozzaD1();
    const p1 = await (await carica(id)).json();
    expect(p1.pagine).toBe(2);
    expect(p1.righe).toHaveLength(25);
    const sulla1 = p1.righe.map((l: Riga) => l.cf);
    const ammessi1 = p1.righe.filter((l: Riga) => l.ammissibile).slice(0, 2).map((l: Riga) => l.cf);
    let r = await invia(id, { intent: "pagina-2", versione: String((await leggi(id)).versione), q: "", pagina: "1", paginaCf: sulla1, cf: ammessi1 });
    expect(r.status).toBe(303);
    expect(r.headers.get("Location")).toBe(`/domande/${id}/lavoratori?pagina=2`);
    const p2 = await (await carica(id, mario, "?pagina=2")).json();
    expect(p2.pagina).toBe(2);
    expect(p2.selezionati).toBe(2);
    const sulla2 = p2.righe.map((l: Riga) => l.cf);
    const ammesso2 = p2.righe.find((l: Riga) => l.ammissibile).cf;
    // Luca is on one of the pages: post him by hand with the page's CFs.
    r = await invia(id, { intent: "aggiorna", versione: String((await leggi(id)).versione), q: "", pagina: "2", paginaCf: [...sulla2, LUCA].slice(0, 25), cf: [ammesso2, LUCA] });
    expect(r.status).toBe(303);
    const ora = await scelti(id);
    expect(ora).toEqual([...ammessi1, ammesso2].sort());
    expect(ora).not.toContain(LUCA);
  });

  it("seleziona tutti gli ammissibili e nessuno; conferma solo con almeno un ammissibile", async () => {
    const id = await bozzaD1();
    let r = await invia(id, { intent: "salva", versione: String((await leggi(id)).versione), q: "", pagina: "1" });
    expect(r.status).toBe(422);
    let p = await dopo(id, r);
    // The summary's link reaches the workers' table.
    const { voci, destinazioni } = p.riepilogoErrori();
    expect(voci.map((v) => v.testo)).toEqual([expect.stringMatching(/Seleziona almeno un lavoratore ammissibile/)]);
    expect(destinazioni[0]).toBe(p.getByRole("table", { name: /^Lavoratori .*pagina 1 di 2/ }));
    r = await invia(id, { intent: "tutti", versione: String((await leggi(id)).versione), q: "", pagina: "1" });
    expect(r.status).toBe(303);
    expect(await scelti(id)).toHaveLength(31);
    expect(await scelti(id)).not.toContain(LUCA);
    p = pagina(await html(await (await carica(id)).json()));
    expect(p.queryByRole("heading", { name: TITOLO_RIEPILOGO_ERRORI })).toBeNull();
    // Every eligible worker on the page is ticked, and none that is not eligible.
    const caselle = p.getAllByRole("checkbox") as HTMLInputElement[];
    expect(caselle.length).toBe(25);
    expect(caselle.filter((c) => !c.disabled).every((c) => c.checked)).toBe(true);
    expect(caselle.filter((c) => c.disabled).some((c) => c.checked)).toBe(false);
    r = await invia(id, { intent: "nessuno", versione: String((await leggi(id)).versione), q: "", pagina: "1" });
    expect(await scelti(id)).toHaveLength(0);
    r = await invia(id, { intent: "salva", versione: String((await leggi(id)).versione), q: "esempio", pagina: "1", paginaCf: [MARCO], cf: [MARCO] });
    expect(r.status).toBe(303);
    expect(r.headers.get("Location")).toBe(`/domande/${id}/relazione-tecnica`);
    expect((await leggi(id)).dati.lavoratori).toEqual({ modalita: "uniemens", numero: 1 });
    expect(await scelti(id)).toEqual([MARCO]);
  });

  it("un elenco CSV con righe errate non salva nulla: riporta ogni riga da correggere con numero e motivo", async () => {
    const id = await bozzaD1();
    // A selection already saved (all 31 eligible) must survive a file with one good and several bad rows.
    await invia(id, { intent: "tutti", versione: String((await leggi(id)).versione), q: "", pagina: "1" });
    const prima = await leggi(id);
    expect(await scelti(id)).toHaveLength(31);
    const csv = [
      "codice_fiscale;qualifica",
      `${MARCO};operaio`,
      "SMPMRC80C12G224A;operaio",
      `${LUCA};apprendista`,
      `${MARCO};operaio`,
      `${SARA};impiegato`,
      "GIULIA;impiegato",
      `${MARCO.slice(0, 15)}X;astronauta`,
      "solo-una-colonna",
    ].join("\n");
    const r = await caricaElenco(id, prima.versione, csv);
    expect(r.status).toBe(422);
    const p = await dopo(id, r);
    // The summary links to the file field, which says the same; no "list loaded" status.
    const file = p.erroreCampo(FILE_CSV);
    expect(file.riepilogo).toMatch(/^7 righe dell'elenco non sono valide: nessun lavoratore è stato caricato/);
    expect(file.descrizione).toContain(file.riepilogo);
    expect(file.nonValido).toBe(true);
    expect(p.queryByText(/Elenco caricato/)).toBeNull();
    const motivi = Object.fromEntries(scartate(p).map((s) => [s.riga, s.motivo]));
    expect(motivi[3]).toMatch(/carattere di controllo/);
    expect(motivi[4]).toMatch(/non ammissibile.*almeno 30/);
    expect(motivi[5]).toBe("codice fiscale già presente alla riga 2");
    expect(motivi[6]).toMatch(/non risulta occupato presso l'unità produttiva/);
    expect(motivi[7]).toMatch(/16 caratteri/);
    expect(motivi[8]).toMatch(/qualifica non riconosciuta|carattere di controllo/);
    expect(motivi[9]).toMatch(/servono il codice fiscale e la qualifica/);
    expect(Object.keys(motivi)).toHaveLength(7);
    // Nothing changed: the same 31 workers from the UniEmens choice, the same version.
    expect(await scelti(id)).toHaveLength(31);
    const righe = await db().select().from(domandaLavoratori).where(eq(domandaLavoratori.domandaId, id));
    expect(righe.every((x) => x.origine !== "elenco")).toBe(true);
    expect((await leggi(id)).versione).toBe(prima.versione);
    // The corrected file (only the good row) is then loaded.
    const corretto = await caricaElenco(id, prima.versione, `codice_fiscale;qualifica\n${MARCO};operaio\n`);
    expect(corretto.status).toBe(303);
    expect(await scelti(id)).toEqual([MARCO]);
  });

  it("una riga con colonne in più è un errore di formato con il suo numero di riga, e il file non salva nulla", async () => {
    const id = await bozzaD1();
    const prima = await leggi(id);
    const csv = ["codice_fiscale;qualifica", `${MARCO};operaio`, `${MARCO.slice(0, 15)}Z;operaio;Rossi Mario`, `${MARCO};operaio;;`].join("\n");
    const r = await caricaElenco(id, prima.versione, csv);
    expect(r.status).toBe(422);
    // The table of the rows to correct, by their line numbers, with what each said and why it is refused.
    const p = await dopo(id, r);
    expect(within(p.getByRole("table", { name: TABELLA_SCARTATE })).getAllByRole("columnheader").map((th) => th.textContent)).toEqual(["Riga", "Contenuto", "Motivo"]);
    expect(within(p.getByRole("table", { name: TABELLA_SCARTATE })).getByRole("rowheader", { name: "3" })).toBeTruthy();
    expect(scartate(p)).toEqual([
      { riga: 3, valore: `${MARCO.slice(0, 15)}Z;operaio;Rossi Mario`, motivo: "la riga ha 3 colonne: scrivi solo il codice fiscale e la qualifica, separati da un punto e virgola" },
      // Trailing empty cells are not extra columns: the row is read, and is the same worker as row 2.
      { riga: 4, valore: `${MARCO};operaio;;`, motivo: "codice fiscale già presente alla riga 2" },
    ]);
    expect(p.erroreCampo(FILE_CSV).riepilogo).toMatch(/^2 righe dell'elenco non sono valide/);
    expect(await scelti(id)).toEqual([]);
    expect((await leggi(id)).versione).toBe(prima.versione);
  });

  it("un codice fiscale scritto con spazi, trattini o in minuscolo si legge normalizzato (elenco e ricerca)", async () => {
    const id = await bozzaD1();
    const spezzato = `${MARCO.slice(0, 3)} ${MARCO.slice(3, 6)}-${MARCO.slice(6, 11)} ${MARCO.slice(11)}`.toLowerCase();
    const r = await caricaElenco(id, (await leggi(id)).versione, `${spezzato};operaio\n`);
    expect(r.status).toBe(303);
    expect(await scelti(id)).toEqual([MARCO]);
    const trovato = await (await carica(id, mario, `?q=${encodeURIComponent(spezzato)}`)).json();
    expect(trovato.q).toBe(MARCO);
    expect(trovato.righe.map((l: { cf: string }) => l.cf)).toEqual([MARCO]);
  });

  it("un elenco corretto con separatore virgola e BOM si carica e reindirizza (303)", async () => {
    const id = await bozzaD1();
    const r = await caricaElenco(id, (await leggi(id)).versione, `\uFEFF${MARCO},operaio\r\n`);
    expect(r.status).toBe(303);
    expect(r.headers.get("Location")).toBe(`/domande/${id}/lavoratori?caricati=1`);
    expect(await scelti(id)).toEqual([MARCO]);
  });

  it("rifiuta file troppo grandi, con troppe righe, non UTF-8 o binari, senza salvare nulla", async () => {
    const id = await bozzaD1();
    const { versione } = await leggi(id);
    const casi: Array<[BlobPart | null, RegExp]> = [
      [null, /Scegli il file CSV/],
      [`${MARCO};operaio\n`.repeat(70_000), /supera 1 MB/],
      [`${MARCO};operaio\n`.repeat(6_000), /supera 5000 righe/],
      [new Uint8Array([0x53, 0x4d, 0x50, 0xff, 0xfe, 0x3b, 0x6f, 0x70]), /UTF-8/],
      [new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]), /UTF-8/],
    ];
    for (const [contenuto, messaggio] of casi) {
      const r = await caricaElenco(id, versione, contenuto);
      expect(r.status).toBe(422);
      const file = (await dopo(id, r)).erroreCampo(FILE_CSV);
      expect(file.riepilogo).toMatch(messaggio);
      expect(file.descrizione).toMatch(messaggio);
      expect(file.nonValido).toBe(true);
    }
    expect(await scelti(id)).toEqual([]);
    expect((await leggi(id)).versione).toBe(versione);
  });

  it("senza token CSRF (anche in multipart) risponde 403; un intermediario senza delega riceve 404", async () => {
    const id = await bozzaD1();
    const { versione } = await leggi(id);
    expect((await invia(id, { intent: "tutti", versione: String(versione), q: "", pagina: "1" }, mario, { senzaCsrf: true })).status).toBe(403);
    expect((await caricaElenco(id, versione, `${MARCO};operaio`, mario, false)).status).toBe(403);
    expect((await carica(id, laura)).status).toBe(404);
    expect((await invia(id, { intent: "tutti", versione: String(versione), q: "", pagina: "1" }, laura)).status).toBe(404);
    expect(await scelti(id)).toEqual([]);
    expect((await leggi(id)).versione).toBe(versione);
  });

  it("una richiesta manomessa (intent sconosciuto, CF non validi) risponde 422", async () => {
    const id = await bozzaD1();
    const { versione } = await leggi(id);
    let r = await invia(id, { intent: "cancella-tutto", versione: String(versione), q: "", pagina: "1" });
    expect(r.status).toBe(422);
    // An error of the whole request: in the summary as text, with no field to reach.
    expect((await dopo(id, r)).riepilogoErrori().voci).toEqual([{ testo: expect.stringMatching(/\S/), href: null }]);
    r = await invia(id, { intent: "aggiorna", versione: String(versione), q: "", pagina: "1", paginaCf: ["'; DROP TABLE x;--"], cf: ["'; DROP TABLE x;--"] });
    expect(r.status).toBe(422);
    expect((await leggi(id)).versione).toBe(versione);
  });
});

describe("passo Lavoratori beneficiari — D5 (C5, CISOA)", () => {
  it("Nicola non supera le 181 giornate, Rosa (OTD) è esclusa fuori deroga, Irina è ammessa", async () => {
    const id = await bozza(laura, c5, up5, "CISOA", D5);
    const d = await (await carica(id, laura)).json();
    const per = (cf: string) => d.righe.find((l: Riga) => l.cf === cf);
    expect(per(IRINA).ammissibile).toBe(true);
    expect(per(NICOLA).ammissibile).toBe(false);
    expect(per(NICOLA).motivo).toMatch(/150 giornate/);
    expect(per(ROSA).ammissibile).toBe(false);
    expect(per(ROSA).motivo).toMatch(/tempo determinato.*deroga/);
    const r = await invia(id, { intent: "salva", versione: String((await leggi(id)).versione), q: "", pagina: "1", paginaCf: [IRINA, NICOLA, ROSA], cf: [IRINA, NICOLA, ROSA] }, laura);
    expect(r.status).toBe(303);
    expect(await scelti(id)).toEqual([IRINA]);
    // The step's checks (registered in controlli-domanda) list the CISOA days of the selected worker.
    const ctx = await richiediContesto(get("/", laura));
    const esiti = await controlliDomanda(await caricaDomanda(get("/x"), ctx, id));
    const giorni = esiti.find((e) => e.regola === "durata.cisoa.giorni");
    expect(giorni?.passo).toBe("periodo");
    expect(giorni?.messaggio).toMatch(/Dimostrato: 3 giorni di CISOA su 90 nel 2026/);
  });
});

describe("pagina Lavoratori (HTML senza JS)", () => {
  it("tabella con didascalia, caselle con etichetta, non ammissibili disabilitati, pagine come pulsanti e righe scartate", async () => {
    const id = await bozzaD1();
    const d = await (await carica(id)).json();
    let p = pagina(await html(d));
    expect(p.getAllByRole("heading", { level: 1 })).toHaveLength(1);
    const tabella = p.getByRole("table", { name: /^Lavoratori .*pagina 1 di 2/ });
    expect(within(tabella).getAllByRole("columnheader").map((th) => th.textContent)).toEqual(["Seleziona", "Lavoratore", "Codice fiscale", "Qualifica", "Assunto il", "Esito"]);
    // Pages are buttons of the selection form (the page's selection is saved on the way).
    const pagine = p.getByRole("navigation", { name: "Pagine dell'elenco dei lavoratori" });
    const pagina2 = within(pagine).getByRole("button", { name: "Pagina 2" }) as HTMLButtonElement;
    expect([pagina2.name, pagina2.value]).toEqual(["intent", "pagina-2"]);
    expect(within(pagine).getByText("Pagina 1").getAttribute("aria-current")).toBe("page");
    const tutti = p.getByRole("button", { name: "Seleziona tutti gli ammissibili" }) as HTMLButtonElement;
    expect(tutti.value).toBe("tutti");
    expect(p.campo(FILE_CSV).elemento.type).toBe("file");
    expect(p.campo(FILE_CSV).elemento.closest("form")?.getAttribute("enctype")).toBe("multipart/form-data");
    const luca = await (await carica(id, mario, `?q=${LUCA}`)).json();
    p = pagina(await html(luca));
    // Each box is labelled by the worker's name and described by the outcome; a non-eligible worker cannot be chosen.
    const casella = p.campo("Seleziona Campionato Luca");
    expect(casella.elemento.disabled).toBe(true);
    expect(casella.descrizione).toMatch(/^Non ammissibile/);
    const errato = await caricaElenco(id, (await leggi(id)).versione, `${MARCO};operaio\nXXX;operaio\n`);
    p = pagina(await html(d, await errato.json()));
    expect(p.riepilogoErrori().voci).toHaveLength(1);
    expect(within(p.getByRole("table", { name: TABELLA_SCARTATE })).getByRole("rowheader", { name: "2" })).toBeTruthy();
    expect(scartate(p).map((s) => s.riga)).toEqual([2]);
  });
});
