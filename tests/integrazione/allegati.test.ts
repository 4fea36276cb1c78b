// Step 9 "Allegati" on a real database: multipart upload checked by content and limits, removal, completion, the
// download resource route with its headers, hostile files, CSRF and access.
import { eq } from "drizzle-orm";
import { PDFDocument } from "pdf-lib";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { allegati, domande } from "#db/schema";
import { db } from "#db/connection";
import { LAURA_CONSULENTE, MARIO_ESEMPIO } from "#db/seed/index";
import { LIMITI_ALLEGATI } from "~/passi/schemi/allegati";
import Pagina, * as passo from "~/routes/domande.$id.allegati";
import * as scarica from "~/routes/domande.$id.allegati.$allegatoId";
import type { Contesto } from "~/services/accesso.server";
import { salvaPasso } from "~/services/domande.server";
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

let mario: Identita;
let ctxMario: Contesto;
let c1: number;
let pdfBuono: Uint8Array;

beforeAll(async () => {
  c1 = await idAzienda("C1");
  mario = await sessioneDi(MARIO_ESEMPIO.codiceFiscale, "datore", c1);
  ctxMario = await contestoDi(mario);
  const doc = await PDFDocument.create();
  doc.addPage().drawText("Ordinanza sindacale n. 12", { x: 50, y: 700 });
  pdfBuono = await doc.save();
});

const args = (request: Request, id: number) => ({ request, params: { id: String(id) }, context: contesto });
const percorso = (id: number) => `/domande/${id}/allegati`;

async function leggi(id: number) {
  const [d] = await db().select().from(domande).where(eq(domande.id, id));
  return d;
}
const fileDi = (id: number) => db().select().from(allegati).where(eq(allegati.domandaId, id));
/** The page after the action's answer `r`, over the loader's data of the domanda. */
async function dopo(id: number, r: Response) {
  const dati = await (await risposta(() => passo.loader(args(get(percorso(id), mario), id)))).json();
  return pagina(html(dati, await r.json()));
}

async function bozza(causale?: string): Promise<{ id: number; versione: number }> {
  const id = await bozzaCompleta(ctxMario, c1, { finoA: "allegati" });
  let d = await leggi(id);
  if (causale) {
    const esito = await salvaPasso(ctxMario, id, d.versione, { chiave: "periodo", valore: { ...(d.dati.periodo as object), causale } });
    if (!esito.ok) throw new Error("periodo non salvato");
    d = await leggi(id);
  }
  return { id, versione: d.versione };
}

function carica(id: number, versione: number, file: { nome: string; bytes: Uint8Array } | null, altri: Record<string, string> = {}, chi = mario) {
  const form = new FormData();
  form.set("csrf", chi.csrf);
  form.set("versione", String(versione));
  form.set("intent", "carica");
  form.set("tipo", "altro");
  for (const [k, v] of Object.entries(altri)) form.set(k, v);
  form.append("file", file ? new File([new Uint8Array(file.bytes)], file.nome, { type: "application/pdf" }) : new File([], ""));
  return new Request(ORIGINE + percorso(id), { method: "POST", headers: { Cookie: chi.cookie, Origin: ORIGINE }, body: form });
}

describe("allegati", () => {
  it("carica un PDF vero (303 alla stessa pagina), lo elenca e lo fa scaricare con le intestazioni giuste", async () => {
    const { id, versione } = await bozza();
    const r = await risposta(() => passo.action(args(carica(id, versione, { nome: "verbale accordo.pdf", bytes: pdfBuono }), id)));
    expect(r.status).toBe(303);
    expect(r.headers.get("Location")).toBe(`${percorso(id)}?fatto=caricato`);
    const [salvato] = await fileDi(id);
    expect(salvato).toMatchObject({ tipo: "altro", nomeFile: "verbale accordo.pdf", dimensione: pdfBuono.byteLength });
    expect((await leggi(id)).versione).toBe(versione + 1);

    const dati = await (await risposta(() => passo.loader(args(get(`${percorso(id)}?fatto=caricato`, mario), id)))).json();
    expect(dati.elenco.map((a: { nomeFile: string }) => a.nomeFile)).toEqual(["verbale accordo.pdf"]);
    const p = pagina(html(dati));
    expect(p.getByRole("status").textContent).toBe("Il documento è stato caricato.");
    const tabella = p.getByRole("table", { name: /^Documenti caricati: 1 di 10/ });
    const link = within(tabella).getByRole("link", { name: "verbale accordo.pdf" });
    expect(link.getAttribute("href")).toBe(`${percorso(id)}/${salvato.id}`);
    // The file's name is visually hidden in the button (dom-accessibility-api trims the hidden span's leading space).
    const rimuovi = within(tabella).getByRole("button", { name: /^Rimuovi ?verbale accordo\.pdf$/ }) as HTMLButtonElement;
    expect([rimuovi.name, rimuovi.value]).toEqual(["intent", `rimuovi:${salvato.id}`]);
    expect(p.queryByRole("heading", { name: TITOLO_RIEPILOGO_ERRORI })).toBeNull();

    const dl = await risposta(() => scarica.loader({ request: get(`${percorso(id)}/${salvato.id}`, mario), params: { id: String(id), allegatoId: String(salvato.id) }, context: contesto }));
    expect(dl.status).toBe(200);
    expect(dl.headers.get("Content-Type")).toBe("application/pdf");
    expect(dl.headers.get("Content-Disposition")).toMatch(/^attachment; filename="verbale accordo.pdf"/);
    expect(dl.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(new Uint8Array(await dl.arrayBuffer())).toEqual(new Uint8Array(pdfBuono));
  });

  it("rifiuta con 422 e messaggio chiaro: eseguibile, zip, file vuoto, non PDF, estensione sbagliata; nulla è salvato", async () => {
    const { id, versione } = await bozza();
    const casi: Array<[{ nome: string; bytes: Uint8Array } | null, RegExp]> = [
      [{ nome: "fattura.pdf", bytes: new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0]) }, /programma eseguibile/],
      [{ nome: "bilancio.pdf", bytes: new Uint8Array([0x50, 0x4b, 3, 4, 20, 0, 0, 0]) }, /archivio compresso/],
      [{ nome: "vuoto.pdf", bytes: new Uint8Array() }, /è vuoto/],
      [{ nome: "nota.pdf", bytes: new Uint8Array(Buffer.from("solo testo")) }, /non è un PDF/],
      [{ nome: "documento.exe", bytes: pdfBuono }, /estensione \.pdf/],
      [null, /Scegli il file PDF da caricare/],
    ];
    for (const [file, atteso] of casi) {
      const r = await risposta(() => passo.action(args(carica(id, versione, file), id)));
      expect(r.status).toBe(422);
      // In the summary with a link to the file field, and on the field (aria-describedby, aria-invalid).
      const f = (await dopo(id, r)).erroreCampo("File PDF");
      expect(f.riepilogo).toMatch(atteso);
      expect(f.descrizione).toContain(f.riepilogo);
      expect(f.nonValido).toBe(true);
      if (file) expect(f.riepilogo).toMatch(/sceglilo di nuovo/);
    }
    expect(await fileDi(id)).toHaveLength(0);
    expect((await leggi(id)).versione).toBe(versione);
  });

  it("un file oltre 5 MB è rifiutato con il limite dichiarato (422) senza salvare nulla", async () => {
    const { id, versione } = await bozza();
    const grande = new Uint8Array(LIMITI_ALLEGATI.byteFile + 1024);
    grande.set(Buffer.from("%PDF-1.7\n"));
    const r = await risposta(() => passo.action(args(carica(id, versione, { nome: "grande.pdf", bytes: grande }), id)));
    expect(r.status).toBe(422);
    expect((await dopo(id, r)).erroreCampo("File PDF").riepilogo).toMatch(/limite di 5 MB/);
    expect(await fileDi(id)).toHaveLength(0);
  });

  it("al massimo 10 documenti: l'undicesimo è rifiutato", async () => {
    const { id } = await bozza();
    for (let i = 0; i < LIMITI_ALLEGATI.numeroFile; i++) {
      const v = (await leggi(id)).versione;
      expect((await risposta(() => passo.action(args(carica(id, v, { nome: `doc-${i}.pdf`, bytes: pdfBuono }), id)))).status).toBe(303);
    }
    const v = (await leggi(id)).versione;
    const r = await risposta(() => passo.action(args(carica(id, v, { nome: "troppo.pdf", bytes: pdfBuono }), id)));
    expect(r.status).toBe(422);
    // The form to add one more is gone (the list is full): the summary says it as text, with no field to reach.
    const p = await dopo(id, r);
    expect(p.queryByLabelText("File PDF")).toBeNull();
    expect(p.riepilogoErrori().voci).toEqual([{ testo: expect.stringMatching(/numero massimo di 10 documenti/), href: null }]);
    expect(await fileDi(id)).toHaveLength(10);
  });

  it("«Rimuovi» toglie il documento; «Salva e continua» completa il passo con il numero dei documenti", async () => {
    const { id, versione } = await bozza();
    await risposta(() => passo.action(args(carica(id, versione, { nome: "a.pdf", bytes: pdfBuono }), id)));
    await risposta(() => passo.action(args(carica(id, versione + 1, { nome: "b.pdf", bytes: pdfBuono }), id)));
    const [a] = await fileDi(id);
    const r = await risposta(() => passo.action(args(post(percorso(id), { intent: `rimuovi:${a.id}`, versione: String(versione + 2) }, mario), id)));
    expect(r.status).toBe(303);
    expect((await fileDi(id)).map((f) => f.nomeFile)).toEqual(["b.pdf"]);
    const fine = await risposta(() => passo.action(args(post(percorso(id), { intent: "salva", versione: String(versione + 3) }, mario), id)));
    expect(fine.status).toBe(303);
    expect(fine.headers.get("Location")).toBe(`/domande/${id}/riepilogo`);
    expect((await leggi(id)).dati.allegati).toEqual({ numero: 1 });
  });

  it("senza allegati si può proseguire, tranne quando la causale richiede l'ordinanza", async () => {
    const libera = await bozza();
    expect((await risposta(() => passo.action(args(post(percorso(libera.id), { intent: "salva", versione: String(libera.versione) }, mario), libera.id)))).status).toBe(303);

    const { id, versione } = await bozza("ordine_autorita");
    const r = await risposta(() => passo.action(args(post(percorso(id), { intent: "salva", versione: String(versione) }, mario), id)));
    expect(r.status).toBe(422);
    const tipo = (await dopo(id, r)).erroreCampo("Tipo di documento");
    expect(tipo.riepilogo).toMatch(/Ordinanza o provvedimento dell'autorità pubblica/);
    expect(tipo.descrizione).toContain(tipo.riepilogo);
    expect(tipo.nonValido).toBe(true);
    expect((await leggi(id)).dati.allegati).toBeUndefined();
    const ok = await risposta(() => passo.action(args(carica(id, versione, { nome: "ordinanza.pdf", bytes: pdfBuono }, { tipo: "ordinanza", intent: "salva" }), id)));
    expect(ok.status).toBe(303);
    expect((await leggi(id)).dati.allegati).toEqual({ numero: 1 });
  });

  it("un tipo non previsto per la causale è rifiutato", async () => {
    const { id, versione } = await bozza();
    const r = await risposta(() => passo.action(args(carica(id, versione, { nome: "x.pdf", bytes: pdfBuono }, { tipo: "relazione_tecnica" }), id)));
    expect(r.status).toBe(422);
    const p = await dopo(id, r);
    expect(p.riepilogoErrori().voci.map((v) => v.testo)).toEqual(["Scegli il tipo di documento"]);
    expect(p.erroreCampo("Tipo di documento").riepilogo).toBe("Scegli il tipo di documento");
    expect(p.erroreCampo("Tipo di documento").descrizione).toContain("Scegli il tipo di documento");
    expect(await fileDi(id)).toHaveLength(0);
  });

  it("senza token CSRF nel modulo multipart: 403 e nulla salvato", async () => {
    const { id, versione } = await bozza();
    const req = carica(id, versione, { nome: "a.pdf", bytes: pdfBuono }, { csrf: "sbagliato" });
    expect((await risposta(() => passo.action(args(req, id)))).status).toBe(403);
    expect(await fileDi(id)).toHaveLength(0);
  });

  it("chi non può vedere la domanda riceve 404 sulla pagina, sul caricamento e sullo scaricamento", async () => {
    const { id, versione } = await bozza();
    await risposta(() => passo.action(args(carica(id, versione, { nome: "a.pdf", bytes: pdfBuono }), id)));
    const [a] = await fileDi(id);
    const laura = await sessioneDi(LAURA_CONSULENTE.codiceFiscale, "intermediario");
    expect((await risposta(() => passo.loader(args(get(percorso(id), laura), id)))).status).toBe(404);
    expect((await risposta(() => passo.action(args(carica(id, versione + 1, { nome: "b.pdf", bytes: pdfBuono }, {}, laura), id)))).status).toBe(404);
    const dl = await risposta(() => scarica.loader({ request: get(`${percorso(id)}/${a.id}`, laura), params: { id: String(id), allegatoId: String(a.id) }, context: contesto }));
    expect(dl.status).toBe(404);
    // An attachment of another domanda through this domanda's address: 404 too.
    const altra = await bozza();
    const incrociato = await risposta(() => scarica.loader({ request: get(`${percorso(altra.id)}/${a.id}`, mario), params: { id: String(altra.id), allegatoId: String(a.id) }, context: contesto }));
    expect(incrociato.status).toBe(404);
    expect(await fileDi(id)).toHaveLength(1);
  });
});
