// Le pagine dei flussi UniEmens-Cig con richieste vere: invio (303 al rapporto), verifica senza invio (rapporto nella
// risposta, nulla salvato; o tutto il rapporto in CSV), errori del modulo (nessun file, formato), CSRF prima del file,
// rapporto a pagine e CSV degli scarti solo a chi ha inviato, nessun accesso per l'operatore.
import { beforeAll, describe, expect, it } from "vitest";
import { denunceCig, flussiCig } from "#db/schema";
import { db } from "#db/connection";
import { MARIO_ESEMPIO, OPERATORE_PADOVA, LAURA_CONSULENTE } from "#db/seed/index";
import * as elenco from "~/routes/flussi._index";
import * as verifica from "~/routes/flussi.verifica";
import * as verificaCsv from "~/routes/flussi.verifica[.csv]";
import * as rapporto from "~/routes/flussi.$id";
import * as csv from "~/routes/flussi.$id.scarti[.csv]";
import type { Contesto } from "~/services/accesso.server";
import { usaDatabaseDiTest } from "../database";
import { contesto, get, ORIGINE, risposta, sessioneDi, type Identita } from "../richieste";
import { contestoDi, idAzienda, MATRICOLE } from "./domanda-completa";
import { domandaDiretta, righeDi, xml } from "./flusso-cig";

usaDatabaseDiTest();

let mario: Identita;
let ctxMario: Contesto;
let c1: number;

beforeAll(async () => {
  c1 = await idAzienda("C1");
  mario = await sessioneDi(MARIO_ESEMPIO.codiceFiscale, "datore", c1);
  ctxMario = await contestoDi(mario);
});

function carica(percorso: string, file: { nome: string; testo: string } | null, chi: Identita, opzioni: { csrfDopo?: boolean; senzaCsrf?: boolean } = {}): Request {
  const form = new FormData();
  if (!opzioni.csrfDopo && !opzioni.senzaCsrf) form.set("csrf", chi.csrf);
  form.append("file", file ? new File([file.testo], file.nome, { type: "application/xml" }) : new File([], ""));
  if (opzioni.csrfDopo) form.set("csrf", chi.csrf);
  return new Request(ORIGINE + percorso, { method: "POST", headers: { Cookie: chi.cookie, Origin: ORIGINE }, body: form });
}
const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: contesto });

async function flussoDiProva(): Promise<{ testo: string; righe: number }> {
  const d = await domandaDiretta(ctxMario, c1);
  const { competenza, righe } = await righeDi(d);
  // Una riga con un lavoratore che non è nella domanda: scartata.
  return { testo: xml(MATRICOLE.C1, competenza, d.ticket!, [...righe, { ...righe[0], cf: "RSSMRA85T10A562S" }]), righe: righe.length };
}

describe("pagine dei flussi UniEmens-Cig", () => {
  it("invia: 303 al rapporto, che mostra i totali e la riga scartata con il suo codice; il CSV la riporta", async () => {
    const { testo, righe } = await flussoDiProva();
    const r = await risposta(() => elenco.action(args(carica("/flussi?index", { nome: "marzo.xml", testo }, mario))));
    expect(r.status).toBe(303);
    const id = r.headers.get("Location")!.split("/").pop()!;
    const pagina = await (await risposta(() => rapporto.loader(args(get(`/flussi/${id}`, mario), { id })))).json();
    expect(pagina.esito).toMatchObject({ denunce: righe + 1, accolte: righe, scartate: 1 });
    expect(pagina.esito.scarti).toEqual([expect.objectContaining({ codice: "UNI41-E031", riga: expect.any(Number) })]);

    const scarico = await risposta(() => csv.loader(args(get(`/flussi/${id}/scarti.csv`, mario), { id })));
    expect(scarico.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const byte = new Uint8Array(await scarico.arrayBuffer());
    expect([...byte.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const righeCsv = new TextDecoder().decode(byte).split("\r\n");
    expect(righeCsv[0]).toBe("Riga;Codice;Messaggio");
    expect(righeCsv[1]).toMatch(/^\d+;UNI41-E031;.*non è tra i lavoratori della domanda\.$/);

    const lista = await (await risposta(() => elenco.loader(args(get("/flussi", mario))))).json();
    expect(lista.flussi[0]).toMatchObject({ nomeFile: "marzo.xml", stato: "Completato", accolte: righe, scartate: 1 });
  });

  it("verifica senza inviare: il rapporto arriva nella risposta e nulla è salvato", async () => {
    const { testo, righe } = await flussoDiProva();
    const prima = [await db().$count(flussiCig), await db().$count(denunceCig)];
    const r = await risposta(() => verifica.action(args(carica("/flussi/verifica", { nome: "marzo.xml", testo }, mario))));
    expect(r.status).toBe(200);
    const dati = await r.json();
    expect(dati.rapporto).toMatchObject({ prova: true, flussoId: null, denunce: righe + 1, accolte: righe, scartate: 1 });
    expect([await db().$count(flussiCig), await db().$count(denunceCig)]).toEqual(prima);
  });

  it("nessun file o un file che non è XML né CSV: 422 con il messaggio del campo; nulla salvato", async () => {
    const prima = await db().$count(flussiCig);
    const vuoto = await risposta(() => elenco.action(args(carica("/flussi?index", null, mario))));
    expect(vuoto.status).toBe(422);
    expect((await vuoto.json()).errore).toBe("Scegli il file del flusso da inviare");
    const pdf = await risposta(() => elenco.action(args(carica("/flussi?index", { nome: "flusso.pdf", testo: "%PDF-1.4" }, mario))));
    expect(pdf.status).toBe(422);
    expect((await pdf.json()).errore).toBe("Il file deve essere un XML (.xml) o un CSV (.csv)");
    expect(await db().$count(flussiCig)).toBe(prima);
  });

  it("CSRF: senza token, o con il token dopo il file, 403 e il file non è letto", async () => {
    const { testo } = await flussoDiProva();
    const prima = await db().$count(flussiCig);
    expect((await risposta(() => elenco.action(args(carica("/flussi?index", { nome: "a.xml", testo }, mario, { senzaCsrf: true }))))).status).toBe(403);
    expect((await risposta(() => elenco.action(args(carica("/flussi?index", { nome: "a.xml", testo }, mario, { csrfDopo: true }))))).status).toBe(403);
    expect(await db().$count(flussiCig)).toBe(prima);
  });

  it("un corpo che non è multipart: 415; un multipart rotto: 400", async () => {
    const json = new Request(`${ORIGINE}/flussi?index`, { method: "POST", headers: { Cookie: mario.cookie, Origin: ORIGINE, "Content-Type": "application/json" }, body: "{}" });
    expect((await risposta(() => elenco.action(args(json)))).status).toBe(415);
    const rotto = new Request(`${ORIGINE}/flussi?index`, { method: "POST", headers: { Cookie: mario.cookie, Origin: ORIGINE, "Content-Type": "multipart/form-data; boundary=x" }, body: "--x\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\nabc" });
    expect((await risposta(() => elenco.action(args(rotto)))).status).toBe(400);
  });

  it("il rapporto e il CSV esistono solo per chi ha inviato; l'operatore non ha la pagina dei flussi", async () => {
    const { testo } = await flussoDiProva();
    const r = await risposta(() => elenco.action(args(carica("/flussi?index", { nome: "b.xml", testo }, mario))));
    const id = r.headers.get("Location")!.split("/").pop()!;
    const laura = await sessioneDi(LAURA_CONSULENTE.codiceFiscale, "intermediario");
    expect((await risposta(() => rapporto.loader(args(get(`/flussi/${id}`, laura), { id })))).status).toBe(404);
    expect((await risposta(() => csv.loader(args(get(`/flussi/${id}/scarti.csv`, laura), { id })))).status).toBe(404);
    const operatore = await sessioneDi(OPERATORE_PADOVA.codiceFiscale, "operatore_sede");
    expect((await risposta(() => elenco.loader(args(get("/flussi", operatore))))).status).toBe(404);
    expect((await risposta(() => rapporto.loader(args(get("/flussi/abc", mario), { id: "abc" })))).status).toBe(404);
  });
});

/** The lines of a CSV answer, without the BOM and the last empty line. */
async function righeDelCsv(r: Response): Promise<string[]> {
  const byte = new Uint8Array(await r.arrayBuffer());
  expect([...byte.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const righe = new TextDecoder().decode(byte.slice(3)).split("\r\n");
  expect(righe.pop()).toBe("");
  return righe;
}

describe("verifica con il rapporto in CSV", () => {
  it("ogni errore e ogni avviso, nell'ordine del file, anche oltre i 1.000 che la pagina elenca; nulla salvato", async () => {
    const d = await domandaDiretta(ctxMario, c1);
    const { competenza, righe } = await righeDi(d);
    // Le righe buone, poi 1.003 righe di un lavoratore che non è nella domanda: ognuna scartata.
    const testo = xml(MATRICOLE.C1, competenza, d.ticket!, [...righe, ...Array.from({ length: 1_003 }, () => ({ ...righe[0], cf: "RSSMRA85T10A562S" }))]);
    const prima = [await db().$count(flussiCig), await db().$count(denunceCig)];

    const r = await risposta(() => verificaCsv.action(args(carica("/flussi/verifica.csv", { nome: "marzo.xml", testo }, mario))));
    expect(r.status).toBe(200);
    expect(r.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(r.headers.get("Content-Disposition")).toBe('attachment; filename="verifica-flusso.csv"');
    expect(r.headers.get("Cache-Control")).toContain("no-store");
    const [intestazione, ...voci] = await righeDelCsv(r);
    expect(intestazione).toBe("Riga;Tipo;Codice;Messaggio");
    const campi = voci.map((v) => v.split(";"));
    const errori = campi.filter((c) => c[1] === "Errore");
    expect(errori.length).toBeGreaterThanOrEqual(1_003);
    expect(errori.every((c) => c[2] === "UNI41-E031")).toBe(true);
    expect(new Set(errori.map((c) => c[0])).size).toBe(1_003);
    const numeri = campi.map((c) => Number(c[0]));
    expect(numeri).toEqual([...numeri].sort((a, b) => a - b));

    // The page's dry run of the same file: its lists and counts add up to the CSV's lines.
    const pagina = (await (await risposta(() => verifica.action(args(carica("/flussi/verifica", { nome: "marzo.xml", testo }, mario))))).json()).rapporto;
    expect(pagina.scarti.length).toBe(1_000);
    expect(pagina.scarti.length + pagina.nonElencate.scarti).toBe(errori.length);
    expect(pagina.avvisi.length + pagina.nonElencate.avvisi).toBe(campi.filter((c) => c[1] === "Avviso").length);
    expect(campi.length).toBe(errori.length + campi.filter((c) => c[1] === "Avviso").length);
    expect([await db().$count(flussiCig), await db().$count(denunceCig)]).toEqual(prima);
  });

  it("un file che si interrompe: le righe lette prima, poi l'errore che ha fermato la lettura", async () => {
    const d = await domandaDiretta(ctxMario, c1);
    const { competenza, righe } = await righeDi(d);
    const testo = xml(MATRICOLE.C1, competenza, d.ticket!, [{ ...righe[0], cf: "RSSMRA85T10A562S" }, ...righe], 1);
    const r = await risposta(() => verificaCsv.action(args(carica("/flussi/verifica.csv", { nome: "tronco.xml", testo }, mario))));
    expect(r.status).toBe(200);
    const [, ...voci] = await righeDelCsv(r);
    expect(voci[0]).toMatch(/^\d+;Errore;UNI41-E031;/);
    expect(voci[voci.length - 1]).toMatch(/^\d+;Errore;UNI41-E001;Il file non è un XML ben formato/);
  });

  it("nessun file o un formato sbagliato: 303 al modulo, che mostra l'errore; un codice inventato non mostra nulla", async () => {
    const prima = await db().$count(flussiCig);
    const pdf = await risposta(() => verificaCsv.action(args(carica("/flussi/verifica.csv", { nome: "flusso.pdf", testo: "%PDF-1.4" }, mario))));
    expect(pdf.status).toBe(303);
    expect(pdf.headers.get("Location")).toBe("/flussi/verifica?errore=formatoFile");
    const vuoto = await risposta(() => verificaCsv.action(args(carica("/flussi/verifica.csv", null, mario))));
    expect(vuoto.headers.get("Location")).toBe("/flussi/verifica?errore=fileMancante");
    const modulo = await (await risposta(() => verifica.loader(args(get("/flussi/verifica?errore=formatoFile", mario))))).json();
    expect(modulo.errore).toBe("Il file deve essere un XML (.xml) o un CSV (.csv)");
    const inventato = await (await risposta(() => verifica.loader(args(get("/flussi/verifica?errore=<script>", mario))))).json();
    expect(inventato.errore).toBeNull();
    expect(await db().$count(flussiCig)).toBe(prima);
  });

  it("CSRF prima del file, un corpo che non è multipart (415) o rotto (400), GET al modulo, nessun accesso per l'operatore", async () => {
    const { testo } = await flussoDiProva();
    expect((await risposta(() => verificaCsv.action(args(carica("/flussi/verifica.csv", { nome: "a.xml", testo }, mario, { senzaCsrf: true }))))).status).toBe(403);
    expect((await risposta(() => verificaCsv.action(args(carica("/flussi/verifica.csv", { nome: "a.xml", testo }, mario, { csrfDopo: true }))))).status).toBe(403);
    const json = new Request(`${ORIGINE}/flussi/verifica.csv`, { method: "POST", headers: { Cookie: mario.cookie, Origin: ORIGINE, "Content-Type": "application/json" }, body: "{}" });
    expect((await risposta(() => verificaCsv.action(args(json)))).status).toBe(415);
    const rotto = new Request(`${ORIGINE}/flussi/verifica.csv`, { method: "POST", headers: { Cookie: mario.cookie, Origin: ORIGINE, "Content-Type": "multipart/form-data; boundary=x" }, body: "--x\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\nabc" });
    expect((await risposta(() => verificaCsv.action(args(rotto)))).status).toBe(400);
    const apri = await risposta(() => verificaCsv.loader(args(get("/flussi/verifica.csv", mario))));
    expect(apri.headers.get("Location")).toBe("/flussi/verifica");
    const operatore = await sessioneDi(OPERATORE_PADOVA.codiceFiscale, "operatore_sede");
    expect((await risposta(() => verificaCsv.action(args(carica("/flussi/verifica.csv", { nome: "a.xml", testo }, operatore))))).status).toBe(404);
  });
});
