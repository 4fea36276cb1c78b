// The flows API for payroll software, with real requests on a real database: the key made on its page and shown
// once, every call refused without a valid key (401 with the scheme), a flow sent as the body (201 and its report),
// checked without sending (nothing stored), a return withdrawn by its key, the key revoked (401 from then on). The
// OpenAPI document is valid and names exactly the API's routes.
import { readdirSync } from "node:fs";
import { Validator } from "@seriousme/openapi-schema-validator";
import { and, eq, isNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { chiaviApi, denunceCig, flussiCig } from "#db/schema";
import { db } from "#db/connection";
import { LAURA_CONSULENTE, MARIO_ESEMPIO, OPERATORE_PADOVA } from "#db/seed/index";
import { DOCUMENTO_OPENAPI } from "~/http/openapi";
import * as pagina from "~/routes/flussi.chiavi";
import * as flussi from "~/routes/api.v1.flussi";
import * as rapporto from "~/routes/api.v1.flussi.$id";
import * as eliminazioni from "~/routes/api.v1.eliminazioni";
import * as documento from "~/routes/api.v1.openapi[.json]";
import type { Contesto } from "~/services/accesso.server";
import { usaDatabaseDiTest } from "../database";
import { contesto, get, ORIGINE, post, risposta, sessioneDi, type Identita } from "../richieste";
import { contestoDi, idAzienda, MATRICOLE } from "./domanda-completa";
import { domandaDiretta, righeDi, xml } from "./flusso-cig";

usaDatabaseDiTest();

let mario: Identita;
let ctxMario: Contesto;
let c1: number;

const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: contesto });

beforeAll(async () => {
  c1 = await idAzienda("C1");
  mario = await sessioneDi(MARIO_ESEMPIO.codiceFiscale, "datore", c1);
  ctxMario = await contestoDi(mario);
});

/** Makes a key on the page, as the user does, and reads it from the page it redirects to. */
async function nuovaChiave(chi: Identita, nome = "Paghe Esempio"): Promise<string> {
  const creata = await risposta(() => pagina.action(args(post("/flussi/chiavi", { intent: "crea", nome }, chi))));
  expect(creata.status).toBe(303);
  const cookie = creata.headers.get("Set-Cookie")!;
  expect(cookie).toMatch(/HttpOnly/);
  expect(cookie).toMatch(/Path=\/flussi\/chiavi/);
  const flash = cookie.split(";")[0];
  const vista = await risposta(() => pagina.loader(args(new Request(`${ORIGINE}/flussi/chiavi`, { headers: { Cookie: `${chi.cookie}; ${flash}` } }))));
  const dati = await vista.json();
  expect(vista.headers.get("Set-Cookie")).toMatch(/Max-Age=0/);
  expect(dati.nuova).toMatch(/^omnia_[a-z0-9]+$/);
  return dati.nuova;
}

function chiamata(percorso: string, chiave: string | null, init: RequestInit = {}): Request {
  const headers = new Headers(init.headers);
  if (chiave) headers.set("Authorization", `Bearer ${chiave}`);
  return new Request(ORIGINE + percorso, { ...init, headers });
}

async function flussoDiC1() {
  const d = await domandaDiretta(ctxMario, c1);
  const { competenza, righe } = await righeDi(d);
  const q3 = `${Math.floor(Math.random() * 10)}`;
  return { testo: xml(MATRICOLE.C1, competenza, d.ticket!, righe, undefined, q3), righe, competenza, q3 };
}

describe("API dei flussi per i programmi paghe", () => {
  it("il documento OpenAPI è valido e descrive esattamente le rotte dell'API", async () => {
    const esito = await new Validator().validate(JSON.parse(JSON.stringify(DOCUMENTO_OPENAPI)));
    expect(esito.errors ?? []).toEqual([]);
    expect(esito.valid).toBe(true);
    const servito = await (await risposta(() => Promise.resolve(documento.loader()))).json();
    expect(servito.openapi).toBe("3.1.0");
    const rotte = readdirSync("app/routes").filter((f) => f.startsWith("api.v1.")).map((f) => f.replace(/\.tsx$/, "")).sort();
    const percorsi = Object.keys(DOCUMENTO_OPENAPI.paths)
      .map((p) => `api.v1.${p.slice("/api/v1/".length).replace(/\{(\w+)\}/g, "$$$1").replace(/\//g, ".").replace(/\.json$/, "[.json]")}`)
      .sort();
    expect(percorsi).toEqual(rotte);
  });

  it("senza chiave, con una chiave inventata o con un'intestazione storta: 401 con lo schema Bearer e il problema in italiano", async () => {
    for (const chiave of [null, "omnia_inventata0000000000000000", "non-una-chiave"]) {
      const r = await risposta(() => flussi.loader(args(chiamata("/api/v1/flussi", chiave))));
      expect(r.status).toBe(401);
      expect(r.headers.get("WWW-Authenticate")).toMatch(/^Bearer /);
      expect(r.headers.get("Content-Type")).toMatch(/^application\/problem\+json/);
      expect((await r.json()).title).toBe("Chiave mancante o non valida");
    }
  });

  it("invia un flusso con la chiave: 201 con il rapporto; la prova non salva nulla; un formato diverso è 415", async () => {
    const chiave = await nuovaChiave(mario);
    const { testo, righe } = await flussoDiC1();

    const primaProva = await db().$count(flussiCig);
    const prova = await risposta(() =>
      flussi.action(args(chiamata("/api/v1/flussi?prova=true", chiave, { method: "POST", headers: { "Content-Type": "application/xml" }, body: testo }))),
    );
    expect(prova.status).toBe(200);
    expect(await prova.json()).toMatchObject({ id: null, prova: true, accolte: righe.length, scartate: 0, nonElencate: { scarti: 0, avvisi: 0 } });
    expect(await db().$count(flussiCig)).toBe(primaProva);

    const inviato = await risposta(() =>
      flussi.action(args(chiamata("/api/v1/flussi", chiave, { method: "POST", headers: { "Content-Type": "application/xml; charset=utf-8", "X-Nome-File": "../paghe/marzo.xml" }, body: testo }))),
    );
    expect(inviato.status).toBe(201);
    const esito = await inviato.json();
    expect(esito).toMatchObject({ prova: false, denunce: righe.length, accolte: righe.length, scartate: 0 });
    expect(inviato.headers.get("Location")).toBe(`/api/v1/flussi/${esito.id}`);

    const letto = await (await risposta(() => rapporto.loader(args(chiamata(`/api/v1/flussi/${esito.id}`, chiave), { id: String(esito.id) })))).json();
    expect(letto).toMatchObject({ id: esito.id, nomeFile: "marzo.xml", stato: "completato", accolte: righe.length, scarti: [], successivi: null });
    const elenco = await (await risposta(() => flussi.loader(args(chiamata("/api/v1/flussi", chiave))))).json();
    expect(elenco.flussi[0]).toMatchObject({ id: esito.id, rapporto: `/api/v1/flussi/${esito.id}` });

    const pdf = await risposta(() => flussi.action(args(chiamata("/api/v1/flussi", chiave, { method: "POST", headers: { "Content-Type": "application/pdf" }, body: "%PDF-1.4" }))));
    expect(pdf.status).toBe(415);
    const [{ ultimoUsoIl }] = await db().select().from(chiaviApi).where(eq(chiaviApi.prefisso, chiave.slice(0, 12)));
    expect(ultimoUsoIl).not.toBeNull();
  });

  it("il rapporto di un flusso di un altro utente non esiste per la chiave (404); la chiave di un intermediario senza delega su C1 non gli invia denunce", async () => {
    const chiaveMario = await nuovaChiave(mario);
    const { testo } = await flussoDiC1();
    const inviato = await (await risposta(() => flussi.action(args(chiamata("/api/v1/flussi", chiaveMario, { method: "POST", headers: { "Content-Type": "application/xml" }, body: testo }))))).json();
    const laura = await sessioneDi(LAURA_CONSULENTE.codiceFiscale, "intermediario");
    const chiaveLaura = await nuovaChiave(laura);
    const r = await risposta(() => rapporto.loader(args(chiamata(`/api/v1/flussi/${inviato.id}`, chiaveLaura), { id: String(inviato.id) })));
    expect(r.status).toBe(404);
    const altro = (await flussoDiC1()).testo;
    const tentativo = await (await risposta(() =>
      flussi.action(args(chiamata("/api/v1/flussi?prova=true", chiaveLaura, { method: "POST", headers: { "Content-Type": "application/xml" }, body: altro }))),
    )).json();
    expect(tentativo.accolte).toBe(0);
    expect(tentativo.scarti[0].codice).toMatch(/^UNI41-E0/);
  });

  it("verifica con Accept: text/csv: ogni segnalazione in CSV, anche oltre le 1.000 del JSON; nulla salvato", async () => {
    const chiave = await nuovaChiave(mario);
    const d = await domandaDiretta(ctxMario, c1);
    const { competenza, righe } = await righeDi(d);
    // 1.002 righe di un lavoratore che non è nella domanda: ognuna scartata.
    const testo = xml(MATRICOLE.C1, competenza, d.ticket!, [...righe, ...Array.from({ length: 1_002 }, () => ({ ...righe[0], cf: "RSSMRA85T10A562S" }))]);
    const verifica = (accept: string) =>
      risposta(() => flussi.action(args(chiamata("/api/v1/flussi?prova=true", chiave, { method: "POST", headers: { "Content-Type": "application/xml", Accept: accept }, body: testo }))));
    const prima = [await db().$count(flussiCig), await db().$count(denunceCig)];

    const csv = await verifica("text/csv");
    expect(csv.status).toBe(200);
    expect(csv.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const linee = (await csv.text()).replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(linee[0]).toBe("Riga;Tipo;Codice;Messaggio");
    expect(linee.filter((l) => /^\d+;Errore;UNI41-E031;/.test(l))).toHaveLength(1_002);

    const json = await (await verifica("application/json")).json();
    expect(json.scarti).toHaveLength(1_000);
    expect(json.nonElencate.scarti).toBe(2);
    expect([await db().$count(flussiCig), await db().$count(denunceCig)]).toEqual(prima);

    // A client that goes away halfway through its body (the server aborts the request): the CSV answer breaks too, it
    // never ends as if the report were whole.
    const meta = new TextEncoder().encode(testo.slice(0, Math.floor(testo.length / 2)));
    const via = new AbortController();
    let interrompi!: () => void;
    const corpoRotto = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(meta);
        interrompi = () => {
          via.abort();
          c.error(new Error("connessione interrotta"));
        };
      },
    });
    const rotta = await risposta(() =>
      flussi.action(args(chiamata("/api/v1/flussi?prova=true", chiave, { method: "POST", headers: { "Content-Type": "application/xml", Accept: "text/csv" }, body: corpoRotto, duplex: "half", signal: via.signal } as RequestInit))),
    );
    expect(rotta.status).toBe(200);
    const lettura = rotta.text();
    interrompi();
    await expect(lettura).rejects.toThrow();
  });

  it("elimina una denuncia per chiave: 200, poi 404; campi sbagliati 422 con gli errori per campo; un corpo non JSON 415", async () => {
    const chiave = await nuovaChiave(mario);
    const { testo, righe, competenza, q3 } = await flussoDiC1();
    await risposta(() => flussi.action(args(chiamata("/api/v1/flussi", chiave, { method: "POST", headers: { "Content-Type": "application/xml" }, body: testo }))));
    const corpo = { matricola: MATRICOLE.C1, cfLavoratore: righe[0].cf, competenza, qualifica1: "1", qualifica2: "F", qualifica3: q3, tipoContribuzione: "00" };
    const elimina = (b: unknown, tipo = "application/json") =>
      risposta(() => eliminazioni.action(args(chiamata("/api/v1/eliminazioni", chiave, { method: "POST", headers: { "Content-Type": tipo }, body: JSON.stringify(b) }))));
    const ok = await elimina(corpo);
    expect(ok.status).toBe(200);
    const { id } = await ok.json();
    const [riga] = await db().select().from(denunceCig).where(eq(denunceCig.id, id));
    expect(riga.eliminataIl).not.toBeNull();
    expect((await elimina(corpo)).status).toBe(404);

    const sbagliata = await elimina({ ...corpo, matricola: "12", competenza: "2026-13" });
    expect(sbagliata.status).toBe(422);
    expect(Object.keys((await sbagliata.json()).errori).sort()).toEqual(["competenza", "matricola"]);
    expect((await elimina(corpo, "text/plain")).status).toBe(415);
  });

  it("revocata, la chiave non vale più (401); revocarla di nuovo è un conflitto; l'operatore non ha la pagina delle chiavi", async () => {
    const chiave = await nuovaChiave(mario, "Da revocare");
    const [riga] = await db().select().from(chiaviApi).where(and(eq(chiaviApi.prefisso, chiave.slice(0, 12)), isNull(chiaviApi.revocataIl)));
    expect(riga.hash).not.toContain(chiave);
    const revoca = () => risposta(() => pagina.action(args(post("/flussi/chiavi", { intent: "revoca", chiave: String(riga.id) }, mario))));
    expect((await revoca()).status).toBe(303);
    expect((await risposta(() => flussi.loader(args(chiamata("/api/v1/flussi", chiave))))).status).toBe(401);
    expect((await revoca()).status).toBe(409);
    const laura = await sessioneDi(LAURA_CONSULENTE.codiceFiscale, "intermediario");
    const altrui = await risposta(() => pagina.action(args(post("/flussi/chiavi", { intent: "revoca", chiave: String(riga.id) }, laura))));
    expect(altrui.status).toBe(404);
    const operatore = await sessioneDi(OPERATORE_PADOVA.codiceFiscale, "operatore_sede");
    expect((await risposta(() => pagina.loader(args(get("/flussi/chiavi", operatore))))).status).toBe(404);
  });

  it("un nome vuoto: 422 con il messaggio del campo; al massimo 10 chiavi attive", async () => {
    const laura = await sessioneDi(LAURA_CONSULENTE.codiceFiscale, "intermediario");
    const vuoto = await risposta(() => pagina.action(args(post("/flussi/chiavi", { intent: "crea", nome: " " }, laura))));
    expect(vuoto.status).toBe(422);
    expect((await vuoto.json()).error.nome[0]).toMatch(/Scrivi un nome per la chiave/);
    const attive = await db().$count(chiaviApi, and(eq(chiaviApi.utenteId, (await contestoDi(laura)).utente.id), isNull(chiaviApi.revocataIl)));
    for (let i = attive; i < 10; i++) await nuovaChiave(laura, `Programma ${i}`);
    const undicesima = await risposta(() => pagina.action(args(post("/flussi/chiavi", { intent: "crea", nome: "Troppe" }, laura))));
    expect(undicesima.status).toBe(422);
    expect((await undicesima.json()).error[""][0]).toMatch(/Hai già 10 chiavi attive/);
  });
});
