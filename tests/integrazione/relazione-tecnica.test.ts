// Step 6 "Relazione tecnica" on a real database: structured report with quarterly indicators (D1), the repeatable
// rows without JS (intent buttons), the PDF alternative, hostile input, CSRF and access.
import { eq } from "drizzle-orm";
import { PDFDocument } from "pdf-lib";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { allegati, domande } from "#db/schema";
import { db } from "#db/connection";
import { LAURA_CONSULENTE, MARIO_ESEMPIO } from "#db/seed/index";
import Pagina, * as passo from "~/routes/domande.$id.relazione-tecnica";
import { ETICHETTE_RELAZIONE as E, type DatiRelazioneTecnica } from "~/passi/schemi/relazione-tecnica";
import type { Contesto } from "~/services/accesso.server";
import { usaDatabaseDiTest } from "../database";
import { within } from "@testing-library/dom";
import { pagina, TITOLO_RIEPILOGO_ERRORI } from "../pagina";
import { paginaResa } from "../remix-lato-server";
import { contesto, get, ORIGINE, post, risposta, sessioneDi, type Identita } from "../richieste";
import { bozzaCompleta, contestoDi, idAzienda } from "./domanda-completa";

usaDatabaseDiTest();

// The page as the server renders it (no JS): what the user reads after each answer of the action.
vi.mock("@remix-run/react", () => import("../remix-lato-server").then((m) => m.remixLatoServer()));
const html = (datiLoader: unknown, datiAction?: unknown) => paginaResa(Pagina, datiLoader, datiAction);
const FILE_PDF = "File PDF della relazione tecnica, firmata dal legale rappresentante";
/** A cell of the indicators' table by its label (column header and row, e.g. "Fatturato (€), riga 1"). */
const cella = (colonna: string, riga: number) => `${colonna}, riga ${riga}`;

let mario: Identita;
let ctxMario: Contesto;
let c1: number;

beforeAll(async () => {
  c1 = await idAzienda("C1");
  mario = await sessioneDi(MARIO_ESEMPIO.codiceFiscale, "datore", c1);
  ctxMario = await contestoDi(mario);
});

const args = (request: Request, id: number) => ({ request, params: { id: String(id) }, context: contesto });
const percorso = (id: number) => `/domande/${id}/relazione-tecnica`;

async function leggi(id: number) {
  const [d] = await db().select().from(domande).where(eq(domande.id, id));
  return d;
}

const D1 = {
  modalita: "strutturata",
  descrizione: "Lavorazioni meccaniche di precisione per il settore automotive; calo degli ordini dal terzo trimestre.",
  misure: "Ferie residue smaltite, straordinari azzerati, ricerca di nuovi clienti.",
  prospettive: "Due nuovi contratti firmati a gennaio 2026 con consegne da aprile.",
  granularita: "trimestre",
  "indicatori[0].periodo": "2025-Q1",
  "indicatori[0].fatturato": "1.250.000,00",
  "indicatori[0].ordini": "900.000",
  "indicatori[0].risultatoOperativo": "85.000,50",
  "indicatori[1].periodo": "2025-q2",
  "indicatori[1].fatturato": "1.100.000",
  "indicatori[1].ordini": "700.000",
  "indicatori[1].risultatoOperativo": "40.000",
  "indicatori[2].periodo": "2025-Q3",
  "indicatori[2].fatturato": "800.000",
  "indicatori[2].ordini": "350.000",
  "indicatori[2].risultatoOperativo": "-12.000",
  "indicatori[3].periodo": "2025-Q4",
  "indicatori[3].fatturato": "640.000,00",
  "indicatori[3].ordini": "300.000,00",
  "indicatori[3].risultatoOperativo": "-45.500,75",
  dichiarazione: "si",
};

/** The page after the action's answer `r`, over the loader's data of the domanda (a form seen anew). */
async function dopo(id: number, r: Response) {
  const dati = await (await risposta(() => passo.loader(args(get(percorso(id), mario), id)))).json();
  return pagina(html(dati, await r.json()));
}

async function bozza(): Promise<{ id: number; versione: number }> {
  const id = await bozzaCompleta(ctxMario, c1, { finoA: "relazioneTecnica" });
  return { id, versione: (await leggi(id)).versione };
}

async function pdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage().drawText("Relazione tecnica firmata", { x: 50, y: 700 });
  return doc.save();
}

function postMultipart(path: string, campi: Record<string, string>, file: { nome: string; bytes: Uint8Array } | null, chi: Identita) {
  const form = new FormData();
  for (const [k, v] of Object.entries(campi)) form.append(k, v);
  form.set("csrf", chi.csrf);
  if (file) form.append("file", new File([new Uint8Array(file.bytes)], file.nome, { type: "application/pdf" }));
  return new Request(ORIGINE + path, { method: "POST", headers: { Cookie: chi.cookie, Origin: ORIGINE }, body: form });
}

describe("relazione tecnica", () => {
  it("mostra il modulo con una riga di indicatori vuota e la dichiarazione da spuntare", async () => {
    const { id } = await bozza();
    const r = await risposta(() => passo.loader(args(get(percorso(id), mario), id)));
    expect(r.status).toBe(200);
    const dati = await r.json();
    expect(dati.valori).toEqual({ modalita: undefined, indicatori: [{}] });
    expect(dati.indicatoriObbligatori).toBe(true);
    const p = pagina(html(dati));
    expect(p.getByRole("heading", { level: 1 }).textContent).toContain("Relazione tecnica");
    expect(p.gruppo(E.modalita).elemento.tagName).toBe("FIELDSET");
    const tabella = p.getByRole("table", { name: /^Indicatori economico-finanziari, in euro/ });
    expect(within(tabella).getAllByRole("columnheader").map((th) => th.textContent)).toEqual([
      "Periodo", "Fatturato (€)", "Ordini in portafoglio (€)", "Risultato operativo (€)", "Azioni",
    ]);
    expect(within(tabella).getAllByRole("row")).toHaveLength(2);
    expect(p.campo(cella("Periodo", 1)).valore).toBe("");
    expect(p.getByRole("button", { name: "Aggiungi periodo" })).toBeTruthy();
    const dichiarazione = within(p.gruppo(E.dichiarazione).elemento).getByRole("checkbox") as HTMLInputElement;
    expect(dichiarazione.checked).toBe(false);
    expect(p.queryByRole("heading", { name: TITOLO_RIEPILOGO_ERRORI })).toBeNull();
  });

  it("D1: salva la relazione strutturata con gli indicatori trimestrali in centesimi e va all'informativa (303)", async () => {
    const { id, versione } = await bozza();
    const r = await risposta(() => passo.action(args(post(percorso(id), { ...D1, versione: String(versione) }, mario), id)));
    expect(r.status).toBe(303);
    expect(r.headers.get("Location")).toBe(`/domande/${id}/informativa`);
    const salvata = (await leggi(id)).dati.relazioneTecnica as DatiRelazioneTecnica;
    expect(salvata).toMatchObject({ modalita: "strutturata", granularita: "trimestre", dichiarazione: true });
    if (salvata.modalita !== "strutturata") throw new Error("modalità attesa: strutturata");
    expect(salvata.indicatori).toEqual([
      { periodo: "2025-Q1", fatturatoCentesimi: 125_000_000, ordiniCentesimi: 90_000_000, risultatoOperativoCentesimi: 8_500_050 },
      { periodo: "2025-Q2", fatturatoCentesimi: 110_000_000, ordiniCentesimi: 70_000_000, risultatoOperativoCentesimi: 4_000_000 },
      { periodo: "2025-Q3", fatturatoCentesimi: 80_000_000, ordiniCentesimi: 35_000_000, risultatoOperativoCentesimi: -1_200_000 },
      { periodo: "2025-Q4", fatturatoCentesimi: 64_000_000, ordiniCentesimi: 30_000_000, risultatoOperativoCentesimi: -4_550_075 },
    ]);
    // Coming back: the form is pre-filled with the saved answers, amounts back in euro.
    const ritorno = pagina(html(await (await risposta(() => passo.loader(args(get(percorso(id), mario), id)))).json()));
    expect([cella("Periodo", 4), cella("Fatturato (€)", 4), cella("Ordini in portafoglio (€)", 4), cella("Risultato operativo (€)", 4)].map((e) => ritorno.campo(e).valore)).toEqual([
      "2025-Q4", "640.000,00", "300.000,00", "-45.500,75",
    ]);
    expect((ritorno.getByRole("radio", { name: "Compilo i campi qui sotto" }) as HTMLInputElement).checked).toBe(true);
  });

  it("«Aggiungi periodo» senza JS: 200, una riga in più, tutti i valori scritti restano e nulla è salvato", async () => {
    const { id, versione } = await bozza();
    const campi = {
      modalita: "strutturata",
      descrizione: "Testo scritto a metà",
      granularita: "trimestre",
      "indicatori[0].periodo": "2025-Q1",
      "indicatori[0].fatturato": "1.000",
      __intent__: JSON.stringify({ type: "insert", payload: { name: "indicatori" } }),
      versione: String(versione),
    };
    const r = await risposta(() => passo.action(args(post(percorso(id), campi, mario), id)));
    expect(r.status).toBe(200);
    const p = await dopo(id, r);
    expect(p.campo(E.descrizione).valore).toBe("Testo scritto a metà");
    const tabella = p.getByRole("table", { name: /^Indicatori economico-finanziari/ });
    expect(within(tabella).getAllByRole("row")).toHaveLength(3);
    expect([p.campo(cella("Periodo", 1)).valore, p.campo(cella("Fatturato (€)", 1)).valore]).toEqual(["2025-Q1", "1.000"]);
    expect([p.campo(cella("Periodo", 2)).valore, p.campo(cella("Fatturato (€)", 2)).valore]).toEqual(["", ""]);
    // Adding a row is not an error: no summary.
    expect(p.queryByRole("heading", { name: TITOLO_RIEPILOGO_ERRORI })).toBeNull();
    expect((await leggi(id)).dati.relazioneTecnica).toBeUndefined();
    expect((await leggi(id)).versione).toBe(versione);
  });

  it("«Rimuovi» senza JS toglie proprio quella riga e tiene le altre", async () => {
    const { id, versione } = await bozza();
    const campi = {
      ...D1,
      __intent__: JSON.stringify({ type: "remove", payload: { name: "indicatori", index: 1 } }),
      versione: String(versione),
    };
    const r = await risposta(() => passo.action(args(post(percorso(id), campi, mario), id)));
    expect(r.status).toBe(200);
    const p = await dopo(id, r);
    const periodi = [1, 2, 3].map((i) => p.campo(cella("Periodo", i)).valore);
    expect(periodi).toEqual(["2025-Q1", "2025-Q3", "2025-Q4"]);
    expect(p.queryByLabelText(cella("Periodo", 4))).toBeNull();
    expect(p.campo(cella("Fatturato (€)", 2)).valore).toBe("800.000");
    expect((await leggi(id)).dati.relazioneTecnica).toBeUndefined();
  });

  it("dati non validi: 422 con messaggi in italiano, valori scritti restituiti e nulla salvato", async () => {
    const { id, versione } = await bozza();
    const campi = {
      ...D1,
      descrizione: "x".repeat(4001),
      misure: "riga\u0007 con controllo",
      "indicatori[0].fatturato": "-10",
      "indicatori[1].periodo": "2025-Q5",
      "indicatori[2].ordini": "dieci euro",
      dichiarazione: "",
      versione: String(versione),
    };
    const r = await risposta(() => passo.action(args(post(percorso(id), campi, mario), id)));
    expect(r.status).toBe(422);
    const p = await dopo(id, r);
    const attesi: Array<[string, RegExp, string]> = [
      [E.descrizione, /^La descrizione può contenere al massimo 4000 caratteri$/, "x".repeat(4001)],
      [E.misure, /^La descrizione delle misure contiene caratteri non ammessi$/, "riga\u0007 con controllo"],
      [cella("Fatturato (€)", 1), /^Il fatturato non può essere negativo$/, "-10"],
      [cella("Periodo", 2), /come anno-trimestre, ad esempio 2025-Q1/, "2025-Q5"],
      [cella("Ordini in portafoglio (€)", 3), /in euro con al massimo due decimali/, "dieci euro"],
    ];
    for (const [etichetta, messaggio, digitato] of attesi) {
      // In the summary with a link to the field, on the field (aria-describedby, aria-invalid), the typed value kept.
      const c = p.erroreCampo(etichetta);
      expect(c.riepilogo, etichetta).toMatch(messaggio);
      expect(c.descrizione, etichetta).toContain(c.riepilogo);
      expect(c.nonValido, etichetta).toBe(true);
      expect(c.valore, etichetta).toBe(digitato);
    }
    const dichiarazione = p.erroreGruppo(E.dichiarazione);
    expect(dichiarazione.riepilogo).toMatch(/art. 47 del DPR 445\/2000/);
    expect(dichiarazione.descrizione).toContain(dichiarazione.riepilogo);
    // Only the fields in error are marked.
    expect(p.campo(E.prospettive).nonValido).toBe(false);
    expect(p.riepilogoErrori().voci).toHaveLength(6);
    expect((await leggi(id)).dati.relazioneTecnica).toBeUndefined();
  });

  it("periodi ripetuti o non coerenti con la scelta per anno o per trimestre: 422 sulla riga giusta", async () => {
    const { id, versione } = await bozza();
    const campi = { ...D1, "indicatori[1].periodo": "2025", "indicatori[3].periodo": "2025-Q1", versione: String(versione) };
    const r = await risposta(() => passo.action(args(post(percorso(id), campi, mario), id)));
    expect(r.status).toBe(422);
    const p = await dopo(id, r);
    expect(p.erroreCampo(cella("Periodo", 2)).riepilogo).toBe("Inserisci il trimestre nella forma anno-trimestre, ad esempio 2025-Q1");
    expect(p.erroreCampo(cella("Periodo", 4)).riepilogo).toBe("Questo periodo compare in più righe: indicalo una volta sola");
    expect(p.erroreCampo(cella("Periodo", 4)).descrizione).toContain("Questo periodo compare in più righe");
    expect(p.campo(cella("Periodo", 1)).nonValido).toBe(false);
    expect(p.riepilogoErrori().voci).toHaveLength(2);
  });

  it("per una causale di mercato servono gli indicatori di almeno un periodo", async () => {
    const { id, versione } = await bozza();
    const campi = { modalita: "strutturata", descrizione: "a", misure: "b", prospettive: "c", dichiarazione: "si", versione: String(versione) };
    const r = await risposta(() => passo.action(args(post(percorso(id), campi, mario), id)));
    expect(r.status).toBe(422);
    const p = await dopo(id, r);
    // The summary's link reaches the indicators' block, which says the same above its table.
    const { voci, destinazioni } = p.riepilogoErrori();
    expect(voci.map((v) => v.testo)).toEqual(["Indica gli indicatori economico-finanziari di almeno un periodo"]);
    expect(destinazioni[0].contains(p.getByRole("table", { name: /^Indicatori economico-finanziari/ }))).toBe(true);
    expect(destinazioni[0].textContent).toContain("Indica gli indicatori economico-finanziari di almeno un periodo");
  });

  it("in alternativa allega un PDF vero: salvato tra gli allegati come relazione_tecnica", async () => {
    const { id, versione } = await bozza();
    const req = postMultipart(percorso(id), { modalita: "pdf", dichiarazione: "si", versione: String(versione) }, { nome: "relazione.pdf", bytes: await pdf() }, mario);
    const r = await risposta(() => passo.action(args(req, id)));
    expect(r.status).toBe(303);
    expect((await leggi(id)).dati.relazioneTecnica).toEqual({ modalita: "pdf", nomeFile: "relazione.pdf", dichiarazione: true });
    const file = await db().select().from(allegati).where(eq(allegati.domandaId, id));
    expect(file.map((a) => [a.tipo, a.nomeFile])).toEqual([["relazione_tecnica", "relazione.pdf"]]);
  });

  it("un eseguibile rinominato .pdf è rifiutato (422), va scelto di nuovo e nulla è salvato", async () => {
    const { id, versione } = await bozza();
    const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]);
    const req = postMultipart(percorso(id), { modalita: "pdf", dichiarazione: "si", versione: String(versione) }, { nome: "relazione.pdf", bytes: exe }, mario);
    const r = await risposta(() => passo.action(args(req, id)));
    expect(r.status).toBe(422);
    const p = await dopo(id, r);
    const file = p.erroreCampo(FILE_PDF);
    expect(file.riepilogo).toMatch(/programma eseguibile.*sceglilo di nuovo/);
    expect(file.descrizione).toContain(file.riepilogo);
    expect(file.nonValido).toBe(true);
    expect((await leggi(id)).dati.relazioneTecnica).toBeUndefined();
    expect(await db().select().from(allegati).where(eq(allegati.domandaId, id))).toHaveLength(0);
  });

  it("PDF scelto come modalità ma nessun file: 422 con l'invito a sceglierlo", async () => {
    const { id, versione } = await bozza();
    const r = await risposta(() => passo.action(args(post(percorso(id), { modalita: "pdf", dichiarazione: "si", versione: String(versione) }, mario), id)));
    expect(r.status).toBe(422);
    const p = await dopo(id, r);
    expect(p.riepilogoErrori().voci.map((v) => v.testo)).toEqual(["Scegli il file PDF della relazione tecnica"]);
    expect(p.erroreCampo(FILE_PDF).riepilogo).toBe("Scegli il file PDF della relazione tecnica");
    expect(p.erroreCampo(FILE_PDF).descrizione).toContain("Scegli il file PDF della relazione tecnica");
  });

  it("senza token CSRF: 403 e nulla cambia", async () => {
    const { id, versione } = await bozza();
    const r = await risposta(() => passo.action(args(post(percorso(id), { ...D1, versione: String(versione) }, mario, { senzaCsrf: true }), id)));
    expect(r.status).toBe(403);
    expect((await leggi(id)).versione).toBe(versione);
  });

  it("versione superata (altra scheda): 409 e nulla sovrascritto", async () => {
    const { id, versione } = await bozza();
    const r = await risposta(() => passo.action(args(post(percorso(id), { ...D1, versione: String(versione - 1) }, mario), id)));
    expect(r.status).toBe(409);
    expect((await leggi(id)).dati.relazioneTecnica).toBeUndefined();
  });

  it("un intermediario senza delega sull'azienda riceve 404, in lettura e in scrittura", async () => {
    const { id, versione } = await bozza();
    const laura = await sessioneDi(LAURA_CONSULENTE.codiceFiscale, "intermediario");
    expect((await risposta(() => passo.loader(args(get(percorso(id), laura), id)))).status).toBe(404);
    expect((await risposta(() => passo.action(args(post(percorso(id), { ...D1, versione: String(versione) }, laura), id)))).status).toBe(404);
    expect((await leggi(id)).dati.relazioneTecnica).toBeUndefined();
  });

  it("un collegamento diretto prima dei passi precedenti porta al primo passo incompleto", async () => {
    const id = await bozzaCompleta(ctxMario, c1, { finoA: "lavoratori" });
    const r = await risposta(() => passo.loader(args(get(percorso(id), mario), id)));
    expect(r.status).toBe(302);
    expect(r.headers.get("Location")).toBe(`/domande/${id}/lavoratori`);
  });
});
