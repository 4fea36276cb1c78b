// PDFs on the messages of a domanda's thread (issue 13), with real multipart requests on a real database: the company's
// side and the operator attach PDFs to a message; hostile files (an executable or an archive renamed .pdf, an empty
// file, text, a PDF with JavaScript, one over 5 MB, six files) are refused in Italian with nothing stored (neither the
// message nor a document); the CSRF token is checked inside the multipart body; a document is downloaded only by who
// may read the thread (the company, the operator and the manager of the sede), 404 for another company, an
// intermediary without delega, the operator of another sede, and for a document of another domanda.
import { eq } from "drizzle-orm";
import { PDFDocument, PDFName, PDFString } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { allegatiMessaggio, eventiDomanda } from "#db/schema";
import { db } from "#db/connection";
import { DIRIGENTE_PADOVA, LAURA_CONSULENTE, MARIO_ESEMPIO, OPERATORE_MILANO, OPERATORE_PADOVA } from "#db/seed/index";
import { LIMITI_ALLEGATI } from "~/passi/schemi/allegati";
import * as filoAzienda from "~/routes/domande.$id.messaggi";
import * as scaricaAzienda from "~/routes/domande.$id.messaggi.allegati.$allegatoId";
import * as filoSede from "~/routes/scrivania_.$id.messaggi";
import * as scaricaSede from "~/routes/scrivania_.$id.messaggi.allegati.$allegatoId";
import { usaDatabaseDiTest } from "../database";
import { contesto, get, ORIGINE, risposta, sessioneDi, type Identita } from "../richieste";
import { contestoDi, idAzienda } from "./domanda-completa";
import { casoInIstruttoria } from "./istruttoria-caso";

usaDatabaseDiTest();

let mario: Identita;
let marioC2: Identita;
let operatore: Identita;
let milano: Identita;
let dirigente: Identita;
let laura: Identita;
let caso: number;
let altroCaso: number;
let pdfBuono: Uint8Array;
let pdfConScript: Uint8Array;

beforeAll(async () => {
  const [c1, c2] = [await idAzienda("C1"), await idAzienda("C2")];
  mario = await sessioneDi(MARIO_ESEMPIO.codiceFiscale, "datore", c1);
  marioC2 = await sessioneDi(MARIO_ESEMPIO.codiceFiscale, "datore", c2);
  operatore = await sessioneDi(OPERATORE_PADOVA.codiceFiscale, "operatore_sede");
  milano = await sessioneDi(OPERATORE_MILANO.codiceFiscale, "operatore_sede");
  dirigente = await sessioneDi(DIRIGENTE_PADOVA.codiceFiscale, "dirigente_sede");
  laura = await sessioneDi(LAURA_CONSULENTE.codiceFiscale, "intermediario");
  const ctxMario = await contestoDi(mario);
  const ctxOperatore = await contestoDi(operatore);
  caso = (await casoInIstruttoria(ctxMario, c1, ctxOperatore)).id;
  altroCaso = (await casoInIstruttoria(ctxMario, c1, ctxOperatore)).id;
  const doc = await PDFDocument.create();
  doc.addPage().drawText("Elenco degli ordini annullati", { x: 50, y: 700 });
  pdfBuono = await doc.save();
  const attivo = await PDFDocument.create();
  attivo.addPage();
  attivo.catalog.set(PDFName.of("OpenAction"), attivo.context.register(attivo.context.obj({ Type: "Action", S: "JavaScript", JS: PDFString.of("app.alert('x')") })));
  pdfConScript = await attivo.save();
}, 120_000);

type File_ = { nome: string; bytes: Uint8Array };
const args = (request: Request, id: number, allegatoId?: number) => ({
  request,
  params: { id: String(id), ...(allegatoId === undefined ? {} : { allegatoId: String(allegatoId) }) },
  context: contesto,
});

function invio(percorso: string, chi: Identita, testo: string, file: File_[], csrf = chi.csrf): Request {
  const form = new FormData();
  form.set("csrf", csrf);
  form.set("testo", testo);
  for (const f of file) form.append("file", new File([new Uint8Array(f.bytes)], f.nome, { type: "application/pdf" }));
  if (file.length === 0) form.append("file", new File([], ""));
  return new Request(ORIGINE + percorso, { method: "POST", headers: { Cookie: chi.cookie, Origin: ORIGINE }, body: form });
}
const scriviAzienda = (id: number, testo: string, file: File_[], chi = mario, csrf?: string) =>
  risposta(() => filoAzienda.action(args(invio(`/domande/${id}/messaggi`, chi, testo, file, csrf), id)));
const scriviSede = (id: number, testo: string, file: File_[], chi = operatore) =>
  risposta(() => filoSede.action(args(invio(`/scrivania/${id}/messaggi`, chi, testo, file), id)));
const documentiDi = (id: number) => db().select().from(allegatiMessaggio).where(eq(allegatiMessaggio.domandaId, id));
const messaggiDi = async (id: number) => (await db().select().from(eventiDomanda).where(eq(eventiDomanda.domandaId, id))).filter((e) => e.tipo === "messaggio");

describe("documenti PDF nei messaggi del filo", () => {
  it("the company and the operator attach PDFs; both sides see them in the thread and download them", async () => {
    const r = await scriviAzienda(caso, "Vi mandiamo l'elenco degli ordini annullati.", [{ nome: "ordini annullati.pdf", bytes: pdfBuono }, { nome: "verbale.pdf", bytes: pdfBuono }]);
    expect(r.status).toBe(303);
    const documenti = await documentiDi(caso);
    expect(documenti.map((d) => d.nomeFile).sort()).toEqual(["ordini annullati.pdf", "verbale.pdf"]);
    const [messaggio] = await messaggiDi(caso);
    expect(documenti.every((d) => d.eventoId === messaggio.id && d.dimensione === pdfBuono.byteLength)).toBe(true);

    expect((await scriviSede(caso, "Grazie, alleghiamo la nota della Sede.", [{ nome: "nota sede.pdf", bytes: pdfBuono }])).status).toBe(303);
    expect(await documentiDi(caso)).toHaveLength(3);

    // The thread lists each message's documents, on both sides.
    const filo = (await (await risposta(() => filoSede.loader(args(get(`/scrivania/${caso}/messaggi`, operatore), caso)))).json()) as {
      voci: Array<{ id: number; allegati: Array<{ id: number; nomeFile: string }> }>;
    };
    expect(filo.voci.find((v) => v.id === messaggio.id)!.allegati.map((a) => a.nomeFile).sort()).toEqual(["ordini annullati.pdf", "verbale.pdf"]);
    const filoCompany = (await (await risposta(() => filoAzienda.loader(args(get(`/domande/${caso}/messaggi`, mario), caso)))).json()) as typeof filo;
    expect(filoCompany.voci.flatMap((v) => v.allegati.map((a) => a.nomeFile)).sort()).toEqual(["nota sede.pdf", "ordini annullati.pdf", "verbale.pdf"]);

    // Downloads: the bytes as stored, as a PDF attachment never sniffed nor cached.
    const doc = documenti.find((d) => d.nomeFile === "ordini annullati.pdf")!;
    for (const [m, percorso, chi] of [
      [scaricaAzienda, `/domande/${caso}/messaggi/allegati/${doc.id}`, mario],
      [scaricaSede, `/scrivania/${caso}/messaggi/allegati/${doc.id}`, operatore],
      [scaricaSede, `/scrivania/${caso}/messaggi/allegati/${doc.id}`, dirigente],
    ] as const) {
      const f = await risposta(() => m.loader(args(get(percorso, chi), caso, doc.id)));
      expect(f.status, percorso).toBe(200);
      expect(f.headers.get("Content-Type")).toBe("application/pdf");
      expect(f.headers.get("X-Content-Type-Options")).toBe("nosniff");
      expect(f.headers.get("Cache-Control")).toBe("private, no-store");
      expect(f.headers.get("Content-Disposition")).toMatch(/^attachment; filename="ordini annullati\.pdf"; filename\*=UTF-8''ordini%20annullati\.pdf$/);
      expect(new Uint8Array(await f.arrayBuffer())).toEqual(pdfBuono);
    }
  });

  it("downloads: 404 for another company, an intermediary without delega, another sede, the wrong side's route, another domanda's id, malformed ids; anonymous to sign-in", async () => {
    const [doc] = await documentiDi(caso);
    const sceltaAzienda = (chi: Identita | undefined, id = caso, allegato = String(doc.id)) =>
      risposta(() => scaricaAzienda.loader({ request: get(`/domande/${id}/messaggi/allegati/${allegato}`, chi), params: { id: String(id), allegatoId: allegato }, context: contesto }));
    const sceltaSede = (chi: Identita | undefined, id = caso, allegato = String(doc.id)) =>
      risposta(() => scaricaSede.loader({ request: get(`/scrivania/${id}/messaggi/allegati/${allegato}`, chi), params: { id: String(id), allegatoId: allegato }, context: contesto }));
    for (const chi of [marioC2, laura, operatore, milano]) expect((await sceltaAzienda(chi)).status).toBe(404);
    for (const chi of [mario, laura, milano]) expect((await sceltaSede(chi)).status).toBe(404);
    // The document belongs to `caso`: asked through another domanda of the same company, not found.
    expect((await sceltaAzienda(mario, altroCaso)).status).toBe(404);
    expect((await sceltaSede(operatore, altroCaso)).status).toBe(404);
    for (const allegato of ["abc", "-1", "0", "99999999999", "1e3"]) expect((await sceltaAzienda(mario, caso, allegato)).status, allegato).toBe(404);
    const anonimo = await sceltaAzienda(undefined);
    expect(anonimo.status).toBe(302);
    expect(anonimo.headers.get("Location")).toMatch(/^\/accedi/);
  });

  it("hostile files are refused in Italian (422) and nothing is stored, neither the message nor a document", async () => {
    const grande = new Uint8Array(LIMITI_ALLEGATI.byteFile + 1024);
    grande.set(Buffer.from("%PDF-1.7\n"));
    const casi: Array<[File_[], RegExp]> = [
      [[{ nome: "fattura.pdf", bytes: new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0]) }], /programma eseguibile/],
      [[{ nome: "bilancio.pdf", bytes: new Uint8Array([0x50, 0x4b, 3, 4, 20, 0, 0, 0]) }], /archivio compresso/],
      [[{ nome: "vuoto.pdf", bytes: new Uint8Array() }], /è vuoto/],
      [[{ nome: "nota.pdf", bytes: new Uint8Array(Buffer.from("solo testo")) }], /non è un PDF/],
      [[{ nome: "script.pdf", bytes: pdfConScript }], /script o azioni automatiche/],
      [[{ nome: "documento.exe", bytes: pdfBuono }], /estensione \.pdf/],
      [[{ nome: "buono.pdf", bytes: pdfBuono }, { nome: "script.pdf", bytes: pdfConScript }], /script o azioni automatiche/],
      [Array.from({ length: 6 }, (_, i) => ({ nome: `doc-${i}.pdf`, bytes: pdfBuono })), /al massimo 5 documenti/],
    ];
    const prima = { documenti: (await documentiDi(altroCaso)).length, messaggi: (await messaggiDi(altroCaso)).length };
    for (const [file, atteso] of casi) {
      const r = await scriviAzienda(altroCaso, "Ecco i documenti.", file);
      expect(r.status, String(atteso)).toBe(422);
      const dati = (await r.json()) as { errori: { file?: string; testo?: string }; testo: string };
      expect(dati.errori.file).toMatch(atteso);
      expect(dati.errori.file).toMatch(/sceglilo di nuovo/);
      expect(dati.testo).toBe("Ecco i documenti."); // the typed text is kept
    }
    // Over 5 MB: the reading stops at the limit (413), the limit named next to the field.
    const troppo = await scriviAzienda(altroCaso, "Ecco i documenti.", [{ nome: "grande.pdf", bytes: grande }]);
    expect(troppo.status).toBe(413);
    expect(((await troppo.json()) as { errori: { file?: string } }).errori.file).toMatch(/limite di 5 MB.*sceglilo di nuovo/);
    // The operator's side is checked the same way.
    expect((await scriviSede(altroCaso, "Nota", [{ nome: "script.pdf", bytes: pdfConScript }])).status).toBe(422);
    // A good file with an empty text: the text's error, the file must be chosen again, nothing stored.
    const vuoto = await scriviAzienda(altroCaso, "   ", [{ nome: "buono.pdf", bytes: pdfBuono }]);
    expect(vuoto.status).toBe(422);
    expect(((await vuoto.json()) as { errori: { testo?: string } }).errori.testo).toBe("Scrivi il testo del messaggio");
    expect((await documentiDi(altroCaso)).length).toBe(prima.documenti);
    expect((await messaggiDi(altroCaso)).length).toBe(prima.messaggi);
  });

  it("the CSRF token travels in the multipart body: wrong or missing, 403 and nothing stored; a side that may not write gets 404", async () => {
    const prima = (await documentiDi(altroCaso)).length;
    expect((await scriviAzienda(altroCaso, "Senza token", [{ nome: "buono.pdf", bytes: pdfBuono }], mario, "sbagliato")).status).toBe(403);
    expect((await scriviAzienda(altroCaso, "Senza delega", [{ nome: "buono.pdf", bytes: pdfBuono }], laura)).status).toBe(404);
    expect((await scriviSede(altroCaso, "Altra sede", [{ nome: "buono.pdf", bytes: pdfBuono }], milano)).status).toBe(404);
    expect((await scriviSede(altroCaso, "Il dirigente legge soltanto", [{ nome: "buono.pdf", bytes: pdfBuono }], dirigente)).status).toBe(404);
    expect((await documentiDi(altroCaso)).length).toBe(prima);
  });
});
