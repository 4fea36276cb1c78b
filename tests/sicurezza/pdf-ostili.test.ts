// Security findings on uploaded PDFs: a decompression bomb blocked the event loop for seconds and was stored; a PDF
// carrying an embedded executable was accepted. The corpus is generated here: bomb (about 100 KB inflating to
// 100 MB), embedded setup.exe, file-attachment annotation, JavaScript inside a compressed object stream, XFA form.
// Each is refused with an Italian message and nothing is stored; the event loop stays free while a bomb is checked.
import { performance } from "node:perf_hooks";
import { deflateSync, inflateSync } from "node:zlib";
import { eq } from "drizzle-orm";
import { PDFDocument, PDFName, PDFString } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { allegati, domande } from "#db/schema";
import { db } from "#db/connection";
import { MARIO_ESEMPIO } from "#db/seed/index";
import * as passo from "~/routes/domande.$id.allegati";
import type { Contesto } from "~/services/accesso.server";
import { verificaPdf } from "~/services/pdf.server";
import { usaDatabaseDiTest } from "../database";
import { bozzaCompleta, contestoDi, idAzienda } from "../integrazione/domanda-completa";
import { contesto, ORIGINE, risposta, sessioneDi, type Identita } from "../richieste";

usaDatabaseDiTest();

const MB = 1024 * 1024;

/** The bomb's object stream: about 100 KB that inflate to about 100 MB. */
function flussoBomba(): Buffer {
  return deflateSync(Buffer.concat([Buffer.from("5 0 << /Bomba true >>", "latin1"), Buffer.alloc(100 * MB, 0x20)]), { level: 9 });
}

/** A PDF written by hand whose object stream inflates to about 100 MB (a page tree that pdf-lib reads). */
function bomba(compresso = flussoBomba()): Uint8Array {
  const parti = [
    Buffer.from("%PDF-1.7\n", "latin1"),
    Buffer.from("1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n", "latin1"),
    Buffer.from("2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n", "latin1"),
    Buffer.from("3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >> endobj\n", "latin1"),
    Buffer.from(`4 0 obj << /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${compresso.byteLength} >>\nstream\n`, "latin1"),
    compresso,
    Buffer.from("\nendstream\nendobj\ntrailer << /Root 1 0 R /Size 6 >>\n%%EOF\n", "latin1"),
  ];
  return new Uint8Array(Buffer.concat(parti));
}

async function conEseguibileIncorporato(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage().drawText("Fattura", { x: 50, y: 700 });
  const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, ...Buffer.from("This program cannot be run in DOS mode")]);
  await doc.attach(exe, "setup.exe", { mimeType: "application/x-msdownload", description: "Aggiornamento" });
  return doc.save({ useObjectStreams: true });
}

async function conAnnotazioneFile(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const pagina = doc.addPage();
  const file = doc.context.flateStream(new Uint8Array([0x4d, 0x5a, 0x90, 0x00]), { Type: "EmbeddedFile" });
  const specifica = doc.context.obj({ Type: "Filespec", F: PDFString.of("setup.exe"), EF: { F: doc.context.register(file) } });
  const annotazione = doc.context.obj({ Type: "Annot", Subtype: "FileAttachment", Rect: [50, 50, 70, 70], FS: doc.context.register(specifica) });
  pagina.node.set(PDFName.of("Annots"), doc.context.obj([doc.context.register(annotazione)]));
  return doc.save({ useObjectStreams: true });
}

async function conJavaScriptInStreamDiOggetti(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage();
  const azione = doc.context.obj({ Type: "Action", S: "JavaScript", JS: PDFString.of("app.launchURL('http://x.example')") });
  doc.catalog.set(PDFName.of("OpenAction"), doc.context.register(azione));
  const bytes = await doc.save({ useObjectStreams: true });
  // The script is only inside the compressed object stream: nothing to find in the raw bytes.
  expect(Buffer.from(bytes).toString("latin1")).not.toMatch(/JavaScript|\/JS/);
  return bytes;
}

async function conXfa(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage();
  const xdp = doc.context.flateStream(Buffer.from("<xdp:xdp xmlns:xdp='http://ns.adobe.com/xdp/'><template/></xdp:xdp>"));
  const acroForm = doc.context.obj({ Fields: [], XFA: [PDFString.of("template"), doc.context.register(xdp)] });
  doc.catalog.set(PDFName.of("AcroForm"), doc.context.register(acroForm));
  return doc.save({ useObjectStreams: true });
}

let mario: Identita;
let ctxMario: Contesto;
let c1: number;
let corpus: Array<[string, Uint8Array, RegExp]>;

beforeAll(async () => {
  c1 = await idAzienda("C1");
  mario = await sessioneDi(MARIO_ESEMPIO.codiceFiscale, "datore", c1);
  ctxMario = await contestoDi(mario);
  corpus = [
    ["bomba.pdf", bomba(), /dati compressi troppo grandi/],
    ["fattura.pdf", await conEseguibileIncorporato(), /altri file al suo interno/],
    ["annotazione.pdf", await conAnnotazioneFile(), /altri file al suo interno/],
    ["script.pdf", await conJavaScriptInStreamDiOggetti(), /script o azioni automatiche/],
    ["modulo.pdf", await conXfa(), /modulo interattivo XFA/],
  ];
});

function carica(id: number, versione: number, nome: string, bytes: Uint8Array) {
  const form = new FormData();
  form.set("csrf", mario.csrf);
  form.set("versione", String(versione));
  form.set("intent", "carica");
  form.set("tipo", "altro");
  form.append("file", new File([new Uint8Array(bytes)], nome, { type: "application/pdf" }));
  return new Request(`${ORIGINE}/domande/${id}/allegati`, { method: "POST", headers: { Cookie: mario.cookie, Origin: ORIGINE }, body: form });
}

describe("PDF ostili", () => {
  it("la bomba è piccola da caricare ma si gonfierebbe a 100 MB", () => {
    const b = bomba();
    expect(b.byteLength).toBeLessThan(200 * 1024);
  });

  it("ognuno è rifiutato al caricamento con un messaggio in italiano e nulla è salvato", async () => {
    const id = await bozzaCompleta(ctxMario, c1, { finoA: "allegati" });
    for (const [nome, bytes, messaggio] of corpus) {
      const [prima] = await db().select().from(domande).where(eq(domande.id, id));
      const r = await risposta(() => passo.action({ request: carica(id, prima.versione, nome, bytes), params: { id: String(id) }, context: contesto }));
      expect(r.status, nome).toBe(422);
      const corpo = JSON.stringify(await r.json());
      expect(corpo, nome).toMatch(messaggio);
      expect(corpo, nome).toContain(`«${nome}»`);
      const [dopo] = await db().select().from(domande).where(eq(domande.id, id));
      expect(dopo.versione, nome).toBe(prima.versione);
    }
    expect(await db().select().from(allegati).where(eq(allegati.domandaId, id))).toEqual([]);
  });

  it("mentre si verifica una bomba il ciclo degli eventi resta libero: altro lavoro va avanti e il processo lavora molto meno di quanto bloccherebbe gonfiarla", async () => {
    const compresso = flussoBomba();
    const file = bomba(compresso);
    // What a check on this thread would cost at least: inflating the stream, measured here on this machine.
    const inizio = performance.now();
    inflateSync(compresso);
    const costoSuQuestoThread = performance.now() - inizio;

    const utilizzoPrima = performance.eventLoopUtilization();
    let giri = 0;
    let finito = false;
    const altroLavoro = (async () => {
      while (!finito) {
        await new Promise<void>((ok) => setTimeout(ok, 1));
        giri += 1;
      }
    })();
    const esito = await verificaPdf(file, "bomba.pdf");
    finito = true;
    const { active: lavoroDelCiclo } = performance.eventLoopUtilization(utilizzoPrima);
    await altroLavoro;
    expect(esito).toEqual({ ok: false, messaggio: expect.stringContaining("dati compressi troppo grandi") });
    // Other work ran while the check was pending, and this thread was busy for a small part of the inflation's cost
    // (both measured in the same run, so the comparison holds on a slow or a fast machine alike).
    expect(giri).toBeGreaterThan(0);
    expect(lavoroDelCiclo).toBeLessThan(costoSuQuestoThread / 4);
  });

  it("un PDF vero, anche con stream di oggetti compressi, resta accettato", async () => {
    const doc = await PDFDocument.create();
    for (let i = 0; i < 30; i++) doc.addPage().drawText(`Pagina ${i + 1} del verbale`, { x: 50, y: 700 });
    expect(await verificaPdf(await doc.save({ useObjectStreams: true }), "verbale.pdf")).toEqual({ ok: true, pagine: 30 });
  });
});
