// Security finding: malformed requests answered 500 (and in development showed the stack trace). Bodies that are
// not forms, multipart without boundary or truncated, hostile file names and too many parts now answer 4xx, which
// the error page shows in Italian ("Richiesta non valida", "Dati inviati troppo grandi"); nothing is stored.
import { eq } from "drizzle-orm";
import { PDFDocument } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { allegati, domande } from "#db/schema";
import { db } from "#db/connection";
import { MARIO_ESEMPIO } from "#db/seed/index";
import * as accedi from "~/routes/accedi";
import * as passoAllegati from "~/routes/domande.$id.allegati";
import * as passoLavoratori from "~/routes/domande.$id.lavoratori";
import * as passoPeriodo from "~/routes/domande.$id.periodo";
import type { Contesto } from "~/services/accesso.server";
import { codiceErrore } from "~/components/layout/PaginaErrore";
import { usaDatabaseDiTest } from "../database";
import { bozzaCompleta, contestoDi, idAzienda } from "../integrazione/domanda-completa";
import { contesto, ORIGINE, risposta, sessioneDi, type Identita } from "../richieste";

usaDatabaseDiTest();

let mario: Identita;
let ctxMario: Contesto;
let c1: number;
let pdf: Uint8Array;

beforeAll(async () => {
  c1 = await idAzienda("C1");
  mario = await sessioneDi(MARIO_ESEMPIO.codiceFiscale, "datore", c1);
  ctxMario = await contestoDi(mario);
  const doc = await PDFDocument.create();
  doc.addPage().drawText("Verbale di accordo", { x: 50, y: 700 });
  pdf = await doc.save();
});

const args = (request: Request, id: number) => ({ request, params: { id: String(id) }, context: contesto });

async function leggi(id: number) {
  const [d] = await db().select().from(domande).where(eq(domande.id, id));
  return d;
}

function richiesta(percorso: string, corpo: BodyInit | null, tipo: string | null, chi: Identita | null = mario, altre: Record<string, string> = {}) {
  const headers: Record<string, string> = { Origin: ORIGINE, ...altre };
  if (chi) headers.Cookie = chi.cookie;
  if (tipo) headers["Content-Type"] = tipo;
  return new Request(ORIGINE + percorso, { method: "POST", headers, body: corpo });
}

/** A multipart body written by hand, as a hostile client would. */
function multipart(confine: string, parti: Array<{ nome: string; valore: string | Uint8Array; file?: string }>, chiudi = true): Uint8Array<ArrayBuffer> {
  const pezzi: Buffer[] = [];
  for (const p of parti) {
    const disposizione = `form-data; name="${p.nome}"${p.file !== undefined ? `; filename="${p.file}"` : ""}`;
    const tipo = p.file !== undefined ? "Content-Type: application/pdf\r\n" : "";
    pezzi.push(Buffer.from(`--${confine}\r\nContent-Disposition: ${disposizione}\r\n${tipo}\r\n`, "latin1"));
    pezzi.push(typeof p.valore === "string" ? Buffer.from(p.valore, "utf8") : Buffer.from(p.valore));
    pezzi.push(Buffer.from("\r\n"));
  }
  if (chiudi) pezzi.push(Buffer.from(`--${confine}--\r\n`));
  return new Uint8Array(Buffer.concat(pezzi));
}

/** Runs the action; the status of the answer (returned or thrown), never a 500 for bad input. */
async function stato(esegui: () => Promise<unknown>): Promise<number> {
  return (await risposta(esegui)).status;
}

describe("richieste malformate: 4xx con pagina in italiano, nulla salvato", () => {
  it("corpi che non sono moduli al passo Periodo: JSON, testo semplice, nessun Content-Type", async () => {
    const id = await bozzaCompleta(ctxMario, c1, { finoA: "periodo" });
    const prima = await leggi(id);
    const campi = { csrf: mario.csrf, versione: String(prima.versione), causale: "mancanza_lavoro" };
    const casi: Array<[BodyInit, string | null]> = [
      [JSON.stringify(campi), "application/json"],
      [new URLSearchParams(campi).toString(), "text/plain"],
      [new URLSearchParams(campi).toString(), "text/plain;charset=UTF-8"],
      [new URLSearchParams(campi).toString(), null],
      ["<?xml version='1.0'?><a/>", "application/xml"],
    ];
    for (const [corpo, tipo] of casi) {
      const s = await stato(() => passoPeriodo.action(args(richiesta(`/domande/${id}/periodo`, corpo, tipo), id)));
      expect(s, `Content-Type ${tipo}`).toBe(415);
      expect(codiceErrore(s)).toBe(400);
    }
    expect(await leggi(id)).toEqual(prima);
  });

  it("multipart senza boundary agli Allegati e ai Lavoratori", async () => {
    const id = await bozzaCompleta(ctxMario, c1, { finoA: "allegati" });
    const prima = await leggi(id);
    const corpo = multipart("X", [{ nome: "csrf", valore: mario.csrf }, { nome: "versione", valore: String(prima.versione) }]);
    expect(await stato(() => passoAllegati.action(args(richiesta(`/domande/${id}/allegati`, corpo, "multipart/form-data"), id)))).toBe(400);
    expect(await stato(() => passoLavoratori.action(args(richiesta(`/domande/${id}/lavoratori`, corpo, "multipart/form-data"), id)))).toBe(400);
    expect(await stato(() => passoPeriodo.action(args(richiesta(`/domande/${id}/periodo`, corpo, "multipart/form-data"), id)))).toBe(400);
    expect(await leggi(id)).toEqual(prima);
    expect(await db().select().from(allegati).where(eq(allegati.domandaId, id))).toEqual([]);
  });

  it("multipart troncato o con boundary diverso da quello dichiarato", async () => {
    const id = await bozzaCompleta(ctxMario, c1, { finoA: "allegati" });
    const prima = await leggi(id);
    const campi = [
      { nome: "csrf", valore: mario.csrf },
      { nome: "versione", valore: String(prima.versione) },
      { nome: "intent", valore: "carica" },
      { nome: "tipo", valore: "altro" },
      { nome: "file", valore: pdf, file: "verbale.pdf" },
    ];
    const troncato = multipart("confine", campi, false).subarray(0, 400);
    for (const [corpo, tipo] of [
      [troncato, "multipart/form-data; boundary=confine"],
      [multipart("altro", campi), "multipart/form-data; boundary=confine"],
    ] as const) {
      const s = await stato(() => passoAllegati.action(args(richiesta(`/domande/${id}/allegati`, corpo, tipo), id)));
      expect([400, 403]).toContain(s);
    }
    expect(await leggi(id)).toEqual(prima);
    expect(await db().select().from(allegati).where(eq(allegati.domandaId, id))).toEqual([]);
  });

  it("multipart malformato ad /accedi (prima dell'accesso)", async () => {
    const token = "0123456789abcdef0123456789abcdef";
    const altre = { Cookie: `omnia_csrf=${token}` };
    const senzaConfine = multipart("X", [{ nome: "csrf", valore: token }]);
    const casi: Array<[BodyInit, string]> = [
      [senzaConfine, "multipart/form-data"],
      [senzaConfine.subarray(0, 20), "multipart/form-data; boundary=X"],
      ["{}", "application/json"],
    ];
    for (const [corpo, tipo] of casi) {
      const s = await stato(() => accedi.action({ request: richiesta("/accedi", corpo, tipo, null, altre), params: {}, context: contesto }));
      expect(s, tipo).toBeGreaterThanOrEqual(400);
      expect(s, tipo).toBeLessThan(500);
    }
  });

  it("un nome di file ostile è rifiutato o ripulito, mai eseguito né causa di un 500", async () => {
    const id = await bozzaCompleta(ctxMario, c1, { finoA: "allegati" });
    const prima = await leggi(id);
    const corpo = multipart("confine", [
      { nome: "csrf", valore: mario.csrf },
      { nome: "versione", valore: String(prima.versione) },
      { nome: "intent", valore: "carica" },
      { nome: "tipo", valore: "altro" },
      { nome: "file", valore: pdf, file: "<img src=x onerror=alert(1)>.pdf" },
    ]);
    const r = await risposta(() =>
      passoAllegati.action(args(richiesta(`/domande/${id}/allegati`, corpo, "multipart/form-data; boundary=confine"), id)),
    );
    expect(r.status).toBeLessThan(500);
    const salvati = await db().select().from(allegati).where(eq(allegati.domandaId, id));
    for (const a of salvati) expect(a.nomeFile).not.toMatch(/[<>]/);
    if (r.status !== 303) expect(salvati).toEqual([]);
  });

  it("troppe parti in un multipart: 413 senza leggere oltre", async () => {
    const id = await bozzaCompleta(ctxMario, c1, { finoA: "allegati" });
    const prima = await leggi(id);
    const parti = [{ nome: "csrf", valore: mario.csrf }, ...Array.from({ length: 120 }, (_, i) => ({ nome: `p${i}`, valore: "x".repeat(1000) }))];
    const corpo = multipart("confine", parti);
    const tipo = "multipart/form-data; boundary=confine";
    expect(await stato(() => passoAllegati.action(args(richiesta(`/domande/${id}/allegati`, corpo, tipo), id)))).toBe(413);
    expect(await stato(() => passoLavoratori.action(args(richiesta(`/domande/${id}/lavoratori`, corpo, tipo), id)))).toBe(413);
    expect(codiceErrore(413)).toBe(413);
    expect(await leggi(id)).toEqual(prima);
  });
});
