// Le pagine dei flussi UniEmens-Cig con richieste vere: invio (303 al rapporto), verifica senza invio (rapporto nella
// risposta, nulla salvato), errori del modulo (nessun file, formato), CSRF prima del file, rapporto a pagine e CSV
// degli scarti solo a chi ha inviato, nessun accesso per l'operatore.
import { beforeAll, describe, expect, it } from "vitest";
import { denunceCig, flussiCig } from "#db/schema";
import { db } from "#db/connection";
import { MARIO_ESEMPIO, OPERATORE_PADOVA, LAURA_CONSULENTE } from "#db/seed/index";
import * as elenco from "~/routes/flussi._index";
import * as verifica from "~/routes/flussi.verifica";
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
