// Steps 10 and 11 on a real database: the summary and its print preview, the submission with protocol and ticket
// (unique and consecutive under concurrency, idempotent on a resent POST, refused on a stale version), the receipt
// page and the PDF receipt, and 404 for whoever may not see the domanda.
import { and, eq } from "drizzle-orm";
import { execFileSync } from "node:child_process";
import { PDFArray, PDFBool, PDFDict, PDFDocument, PDFName, PDFRef, PDFString } from "pdf-lib";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { auditLog, contatoriProtocollo, domandaLavoratori, domande, eventiDomanda } from "#db/schema";
import { db } from "#db/connection";
import { LAURA_CONSULENTE, MARIO_ESEMPIO, OPERATORE_PADOVA } from "#db/seed/index";
import type { EsitoPasso } from "~/services/controlli-domanda.server";
import Invio, * as invio from "~/routes/domande.$id.invio";
import * as ricevuta from "~/routes/domande.$id.ricevuta";
import * as ricevutaPdf from "~/routes/domande.$id.ricevuta[.pdf]";
import * as riepilogo from "~/routes/domande.$id.riepilogo";
import { messaggiDomanda } from "~/testi";
import { messaggiInvio } from "~/passi/schemi/invio";
import { PASSI } from "~/passi";
import { ETICHETTE_PERIODO } from "~/passi/schemi/periodo";
import { salvaPasso } from "~/services/domande.server";
import { annoRoma, inviaDomanda, nuovaChiaveInvio } from "~/services/invio.server";
import type { Contesto } from "~/services/accesso.server";
import { usaDatabaseDiTest } from "../database";
import { pagina } from "../pagina";
import { paginaResa } from "../remix-lato-server";
import { contesto, get, post, risposta, sessioneDi, type Identita } from "../richieste";
import { bozzaCompleta, contestoDi, idAzienda } from "./domanda-completa";

// The invio page is rendered on the server in the tests that read it by role and label.
vi.mock("@remix-run/react", () => import("../remix-lato-server").then((m) => m.remixLatoServer()));

// The rule modules of the steps land one by one: one test needs a blocking outcome whatever is registered, so the
// aggregator can be told to add one for a given domanda (every other call goes to the real one).
const forzati = vi.hoisted(() => new Map<number, EsitoPasso[]>());
vi.mock("~/services/controlli-domanda.server", async (importOriginal) => {
  const vero = await importOriginal<typeof import("~/services/controlli-domanda.server")>();
  return {
    ...vero,
    controlliDomanda: async (c: Parameters<typeof vero.controlliDomanda>[0]) => [
      ...(await vero.controlliDomanda(c)),
      ...(forzati.get(c.domanda.id) ?? []),
    ],
    // What the submission computes in its transaction, read there (with the pool instead, 5 submissions at once on
    // 4 connections would wait for each other).
    controlliSenzaAltreDomande: async (...a: Parameters<typeof vero.controlliSenzaAltreDomande>) => [
      ...(await vero.controlliSenzaAltreDomande(...a)),
      ...(forzati.get(a[0].domanda.id) ?? []),
    ],
  };
});

usaDatabaseDiTest();

let mario: Identita;
let ctxMario: Contesto;
let c1: number;

beforeAll(async () => {
  c1 = await idAzienda("C1");
  mario = await sessioneDi(MARIO_ESEMPIO.codiceFiscale, "datore", c1);
  ctxMario = await contestoDi(mario);
});

const args = (request: Request, id: number) => ({ request, params: { id: String(id) }, context: contesto });

async function leggiDomanda(id: number) {
  const [d] = await db().select().from(domande).where(eq(domande.id, id));
  return d;
}

async function datiInvio(id: number, chi = mario) {
  const r = await risposta(() => invio.loader(args(get(`/domande/${id}/invio`, chi), id)));
  expect(r.status).toBe(200);
  return (await r.json()) as { versione: number; chiaveInvio: string; bloccanti: unknown[] };
}

function postInvio(id: number, campi: Record<string, string>, chi = mario, opzioni?: Parameters<typeof post>[3]) {
  return risposta(() => invio.action(args(post(`/domande/${id}/invio`, campi, chi, opzioni), id)));
}

async function contaLavoratori(id: number): Promise<number> {
  return (await db().select().from(domandaLavoratori).where(eq(domandaLavoratori.domandaId, id))).length;
}

const PROTOCOLLO = /^INPS\.OMNIA\.(\d{4})\.(\d{7})$/;

describe("riepilogo", () => {
  it("sends a deep link with an incomplete step to the first incomplete step", async () => {
    const id = await bozzaCompleta(ctxMario, c1, { finoA: "relazioneTecnica" });
    const r = await risposta(() => riepilogo.loader(args(get(`/domande/${id}/riepilogo`, mario), id)));
    expect(r.status).toBe(302);
    expect(r.headers.get("Location")).toBe(`/domande/${id}/relazione-tecnica`);
  });

  it("shows every step's answers with its Modifica target, the workers and the attachments", async () => {
    const id = await bozzaCompleta(ctxMario, c1);
    const r = await risposta(() => riepilogo.loader(args(get(`/domande/${id}/riepilogo`, mario), id)));
    expect(r.status).toBe(200);
    const d = await r.json();
    expect(d.stampa).toBe(false);
    expect(d.riepilogo.sezioni.map((s: { slug: string }) => s.slug)).toEqual([
      "azienda", "unita-produttiva", "periodo", "lavoratori", "relazione-tecnica", "informativa", "pagamento", "allegati",
    ]);
    // Each answer under the label of its form (the step contract, app/passi).
    const azienda = d.riepilogo.sezioni[0].righe;
    expect(azienda).toContainEqual({ etichetta: "PEC dell'azienda", valore: ["ufficio@pec.esempio.it"] });
    const relazione = d.riepilogo.sezioni[4].righe;
    // Stored as typed, rendered by React as text (never as markup).
    expect(relazione).toContainEqual({ etichetta: "Come vuoi presentare la relazione tecnica?", valore: ["Compilata nei campi della domanda"] });
    expect(relazione).toContainEqual({
      etichetta: "Attività dell'azienda e cause della sospensione o riduzione",
      valore: ["<script>alert('x')</script> calo degli ordini"],
    });
    // Amounts stored in cents are shown in euro, one period per line.
    const indicatori = relazione.find((x: { etichetta: string }) => x.etichetta === "Indicatori economico-finanziari").valore;
    expect(indicatori).toEqual(["2025: fatturato 1.250.000,00 €; ordini in portafoglio 0,00 €; risultato operativo -1.234,56 €"]);
    // Internal ids are not answers.
    expect(d.riepilogo.sezioni[1].righe).toContainEqual({ etichetta: "Quale unità produttiva è interessata?", valore: [expect.stringMatching(/\(.+\)$/)] });
    const periodo = d.riepilogo.sezioni[2].righe;
    expect(periodo.find((x: { etichetta: string }) => x.etichetta === "Data di inizio").valore[0]).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    const n = await contaLavoratori(id);
    expect(n).toBeGreaterThan(0);
    expect(d.riepilogo.lavoratori).toHaveLength(n);
    expect(d.riepilogo.lavoratori[0].codiceFiscale).toMatch(/^[A-Z0-9]{16}$/);
    expect(d.riepilogo.allegati).toEqual([]);
    expect(d.riepilogo.intestazione.periodo).toMatch(/^dal \d{2}\/\d{2}\/\d{4} al \d{2}\/\d{2}\/\d{4}$/);
    expect(Array.isArray(d.esiti)).toBe(true);

    const stampa = await risposta(() => riepilogo.loader(args(get(`/domande/${id}/riepilogo?stampa=1`, mario), id)));
    expect((await stampa.json()).stampa).toBe(true);
  });

  it("refuses to store answers that do not match the step's schema, and asks again a stored answer of unknown shape", async () => {
    const id = await bozzaCompleta(ctxMario, c1);
    const { versione, dati } = await leggiDomanda(id);
    const strano = { a: null, b: [1, { c: [true, "2026-02-31"] }], tanti: Array.from({ length: 50 }, (_, i) => i) };
    await expect(salvaPasso(ctxMario, id, versione, { chiave: "pagamento", valore: strano })).rejects.toThrow();
    expect((await leggiDomanda(id)).versione).toBe(versione);
    // A document written by an older shape (here: forced into the row) is read as a step to answer again.
    await db().update(domande).set({ dati: { ...dati, pagamento: strano } }).where(eq(domande.id, id));
    const r = await risposta(() => riepilogo.loader(args(get(`/domande/${id}/riepilogo`, mario), id)));
    expect(r.status).toBe(302);
    expect(r.headers.get("Location")).toBe(`/domande/${id}/pagamento`);
  });
});

describe("invio", () => {
  it("refuses without the declarations (422) and changes nothing", async () => {
    const id = await bozzaCompleta(ctxMario, c1);
    const datiLoader = await datiInvio(id);
    const { versione, chiaveInvio, bloccanti } = datiLoader;
    expect(bloccanti).toEqual([]);
    const r = await postInvio(id, { versione: String(versione), chiaveInvio });
    expect(r.status).toBe(422);
    // The page as the reader meets it: both declarations in the summary, in the order of the form, each linked to its
    // group and said on the group too.
    const p = pagina(paginaResa(Invio, datiLoader, await r.json()));
    expect(p.riepilogoErrori().voci.map((v) => v.testo)).toEqual([messaggiInvio.veridicita, messaggiInvio.privacy]);
    for (const [legenda, messaggio] of [["Dichiarazione di veridicità", messaggiInvio.veridicita], ["Trattamento dei dati personali", messaggiInvio.privacy]]) {
      const g = p.erroreGruppo(legenda);
      expect(g.riepilogo).toBe(messaggio);
      expect(g.descrizione).toContain(messaggio);
    }
    expect((await leggiDomanda(id)).stato).toBe("bozza");
  });

  it("refuses a POST without CSRF token (403) and changes nothing", async () => {
    const id = await bozzaCompleta(ctxMario, c1);
    const { versione, chiaveInvio } = await datiInvio(id);
    const r = await postInvio(id, { versione: String(versione), chiaveInvio, veridicita: "si", privacy: "si" }, mario, { senzaCsrf: true });
    expect(r.status).toBe(403);
    expect((await leggiDomanda(id)).stato).toBe("bozza");
  });

  it("sends: protocol, ticket, state, frozen outcomes, timeline and audit; a resent POST lands on the same receipt", async () => {
    const id = await bozzaCompleta(ctxMario, c1);
    const { versione, chiaveInvio } = await datiInvio(id);
    const campi = { versione: String(versione), chiaveInvio, veridicita: "si", privacy: "si" };
    const r = await postInvio(id, campi);
    expect(r.status).toBe(303);
    expect(r.headers.get("Location")).toBe(`/domande/${id}/ricevuta`);
    const d = await leggiDomanda(id);
    expect(d.stato).toBe("inviata");
    expect(d.protocollo).toMatch(PROTOCOLLO);
    expect(Number(PROTOCOLLO.exec(d.protocollo!)![1])).toBe(annoRoma(d.inviataIl!));
    expect(d.ticket).toMatch(/^[A-Z0-9]{10}$/);
    expect(d.chiaveInvio).toBe(chiaveInvio);
    expect(d.inviataIl).toBeInstanceOf(Date);
    expect(Array.isArray(d.esitiInvio)).toBe(true);

    // Double click / resend: same key → same domanda, same protocol, no second event, counter untouched.
    const [contatorePrima] = await db().select().from(contatoriProtocollo);
    const di = await postInvio(id, campi);
    expect(di.status).toBe(303);
    expect(di.headers.get("Location")).toBe(`/domande/${id}/ricevuta`);
    const dopo = await leggiDomanda(id);
    expect(dopo.protocollo).toBe(d.protocollo);
    expect(dopo.ticket).toBe(d.ticket);
    const [contatoreDopo] = await db().select().from(contatoriProtocollo).where(eq(contatoriProtocollo.anno, contatorePrima.anno));
    expect(contatoreDopo.ultimo).toBe(contatorePrima.ultimo);
    const eventi = await db().select().from(eventiDomanda).where(and(eq(eventiDomanda.domandaId, id), eq(eventiDomanda.tipo, "inviata")));
    expect(eventi).toHaveLength(1);
    expect(eventi[0].descrizione).toContain(d.protocollo!);
    const audit = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.azione, "invia_domanda"), eq(auditLog.oggettoId, String(id)), eq(auditLog.esito, "ok")));
    expect(audit).toHaveLength(1);

    // The summary of a sent domanda is its detail page now.
    const rie = await risposta(() => riepilogo.loader(args(get(`/domande/${id}/riepilogo`, mario), id)));
    expect(rie.headers.get("Location")).toBe(`/domande/${id}/dettaglio`);
  });

  it("detects another tab: a stale version answers 409 with the conflict message and sends nothing", async () => {
    const id = await bozzaCompleta(ctxMario, c1);
    const { versione, chiaveInvio } = await datiInvio(id);
    // The other tab saves a step after this form was shown.
    expect((await salvaPasso(ctxMario, id, versione, { chiave: "pagamento", valore: { modalita: "conguaglio" } })).ok).toBe(true);
    const r = await postInvio(id, { versione: String(versione), chiaveInvio, veridicita: "si", privacy: "si" });
    expect(r.status).toBe(409);
    expect((await r.json()).error[""]).toEqual([messaggiDomanda.conflittoVersione]);
    const d = await leggiDomanda(id);
    expect(d.stato).toBe("bozza");
    expect(d.protocollo).toBeNull();
  });

  it("answers 409 to a second tab submitting with its own key after the first one sent", async () => {
    const id = await bozzaCompleta(ctxMario, c1);
    const tabA = await datiInvio(id);
    const tabB = await datiInvio(id);
    expect(tabA.chiaveInvio).not.toBe(tabB.chiaveInvio);
    const base = { veridicita: "si", privacy: "si" };
    expect((await postInvio(id, { ...base, versione: String(tabA.versione), chiaveInvio: tabA.chiaveInvio })).status).toBe(303);
    const protocollo = (await leggiDomanda(id)).protocollo;
    expect((await postInvio(id, { ...base, versione: String(tabB.versione), chiaveInvio: tabB.chiaveInvio })).status).toBe(409);
    expect((await leggiDomanda(id)).protocollo).toBe(protocollo);
  });

  it("does not accept a key already spent on another domanda", async () => {
    const prima = await bozzaCompleta(ctxMario, c1);
    const seconda = await bozzaCompleta(ctxMario, c1);
    const chiave = nuovaChiaveInvio();
    expect((await inviaDomanda(ctxMario, prima, (await leggiDomanda(prima)).versione, chiave)).ok).toBe(true);
    const r = await postInvio(seconda, { versione: String((await leggiDomanda(seconda)).versione), chiaveInvio: chiave, veridicita: "si", privacy: "si" });
    expect(r.status).toBe(409);
    expect((await leggiDomanda(seconda)).stato).toBe("bozza");
  });

  it("refuses while a blocking outcome is open, and the page says which and where", async () => {
    const id = await bozzaCompleta(ctxMario, c1);
    forzati.set(id, [
      // (Not a periodo outcome: those are computed again inside the submit transaction, past this mock.)
      { passo: "lavoratori", regola: "test.bloccante", riferimento: "art. 1 d.lgs. 148/2015", gravita: "bloccante", messaggio: "Lavoratore non ammesso", dati: {}, provvisorio: false },
    ]);
    const { versione, chiaveInvio, bloccanti } = await datiInvio(id);
    expect(bloccanti).toContainEqual(expect.objectContaining({ gravita: "bloccante", slug: "lavoratori", messaggio: "Lavoratore non ammesso" }));
    const r = await postInvio(id, { versione: String(versione), chiaveInvio, veridicita: "si", privacy: "si" });
    expect(r.status).toBe(422);
    expect((await r.json()).error[""]).toEqual([messaggiInvio.bloccanti]);
    expect((await leggiDomanda(id)).stato).toBe("bozza");
    forzati.delete(id);
  });

  it("gives distinct consecutive protocol numbers to concurrent submissions, and one protocol per key", async () => {
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push(await bozzaCompleta(ctxMario, c1, { lavoratori: 1 }));
    const versioni = await Promise.all(ids.map(async (id) => (await leggiDomanda(id)).versione));
    const esiti = await Promise.all(ids.map((id, i) => inviaDomanda(ctxMario, id, versioni[i], nuovaChiaveInvio())));
    const numeri = esiti.map((e) => {
      if (!e.ok) throw new Error("invio rifiutato");
      return Number(PROTOCOLLO.exec(e.protocollo)![2]);
    });
    const ordinati = [...numeri].sort((a, b) => a - b);
    expect(new Set(numeri).size).toBe(5);
    expect(ordinati[4] - ordinati[0]).toBe(4);
    expect(new Set(esiti.map((e) => (e.ok ? e.ticket : ""))).size).toBe(5);

    // The same key twice at once (double click): one submission, the other finds it done.
    const id = await bozzaCompleta(ctxMario, c1, { lavoratori: 1 });
    const { versione } = await leggiDomanda(id);
    const chiave = nuovaChiaveInvio();
    const [a, b] = await Promise.all([inviaDomanda(ctxMario, id, versione, chiave), inviaDomanda(ctxMario, id, versione, chiave)]);
    expect(a.ok && b.ok).toBe(true);
    if (a.ok && b.ok) {
      expect(a.protocollo).toBe(b.protocollo);
      expect([a.giaInviata, b.giaInviata].sort()).toEqual([false, true]);
      expect(Number(PROTOCOLLO.exec(a.protocollo)![2])).toBe(ordinati[4] + 1);
    }
  });
});

/**
 * The text of the PDF as a reader extracts it, in reading order (`pdftotext` of poppler-utils, installed by .ci/run):
 * the receipt embeds its font, whose glyph codes only the font's ToUnicode map turns back into text.
 */
async function testoPdf(bytes: Uint8Array): Promise<string> {
  return execFileSync("pdftotext", ["-layout", "-", "-"], { input: bytes, encoding: "utf8", maxBuffer: 32 * 1024 * 1024 });
}

/** `pdfinfo` of poppler-utils: "Tagged: yes" is how a reader sees a tagged PDF. */
function infoPdf(bytes: Uint8Array): Record<string, string> {
  const uscita = execFileSync("pdfinfo", ["-"], { input: bytes, encoding: "utf8" });
  return Object.fromEntries(uscita.split("\n").filter((r) => r.includes(":")).map((r) => [r.slice(0, r.indexOf(":")).trim(), r.slice(r.indexOf(":") + 1).trim()]));
}

/** The structure types of the tagged PDF's tree, depth first from StructTreeRoot (reading order). */
function tipiStruttura(pdf: PDFDocument): string[] {
  const tipi: string[] = [];
  const visita = (o: unknown) => {
    const v = o instanceof PDFRef ? pdf.context.lookup(o) : o;
    if (v instanceof PDFArray) v.asArray().forEach(visita);
    else if (v instanceof PDFDict) {
      const s = v.get(PDFName.of("S"));
      if (s instanceof PDFName) tipi.push(s.decodeText());
      visita(v.get(PDFName.of("K")));
    }
  };
  const radice = pdf.catalog.lookup(PDFName.of("StructTreeRoot"), PDFDict);
  visita(radice.get(PDFName.of("K")));
  return tipi;
}

describe("ricevuta", () => {
  let id: number;
  beforeAll(async () => {
    id = await bozzaCompleta(ctxMario, c1, { lavoratori: 3 });
    const { versione } = await leggiDomanda(id);
    const e = await inviaDomanda(ctxMario, id, versione, nuovaChiaveInvio());
    expect(e.ok).toBe(true);
  });

  it("shows protocol, date and time in Rome, company, unit, period, benefit, workers and ticket", async () => {
    const d = await leggiDomanda(id);
    const r = await risposta(() => ricevuta.loader(args(get(`/domande/${id}/ricevuta`, mario), id)));
    expect(r.status).toBe(200);
    const { intestazione, numeroLavoratori } = await r.json();
    expect(intestazione.protocollo).toBe(d.protocollo);
    expect(intestazione.ticket).toBe(d.ticket);
    const ora = new Intl.DateTimeFormat("it-IT", { timeZone: "Europe/Rome", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(d.inviataIl!);
    expect(intestazione.inviataIl).toMatch(new RegExp(`^\\d{2}/\\d{2}/\\d{4} alle ${ora}$`));
    expect(intestazione.azienda.matricola).toBe("4712345601");
    expect(intestazione.prestazione).toBe("CIGO");
    expect(intestazione.unita).not.toBe("Non indicata");
    expect(numeroLavoratori).toBe(await contaLavoratori(id));
    expect(numeroLavoratori).toBeGreaterThan(0);
  });

  it("gives the PDF receipt with protocol, company and workers", async () => {
    const d = await leggiDomanda(id);
    const r = await risposta(() => ricevutaPdf.loader(args(get(`/domande/${id}/ricevuta.pdf`, mario), id)));
    expect(r.status).toBe(200);
    expect(r.headers.get("Content-Type")).toBe("application/pdf");
    expect(r.headers.get("Content-Disposition")).toBe(`attachment; filename="ricevuta-${d.protocollo}.pdf"`);
    const bytes = new Uint8Array(await r.arrayBuffer());
    expect(Buffer.from(bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getTitle()).toContain(d.protocollo!);
    const testo = await testoPdf(bytes);
    expect(testo).toContain(d.protocollo!);
    expect(testo).toContain(d.ticket!);
    expect(testo).toContain("Officine Meccaniche Brenta");
    expect(testo).toContain("4712345601");
    expect(testo).toContain(`Lavoratori beneficiari (${await contaLavoratori(id)})`);
    const [primo] = await db().select().from(domandaLavoratori).where(eq(domandaLavoratori.domandaId, id));
    expect(testo).toContain(primo.codiceFiscale);
    expect(testo).toContain(d.dataInizio!.split("-").reverse().join("/"));
  });

  it("is a tagged PDF: structure tree in reading order, language, title shown, header as artifact, fonts embedded", async () => {
    const d = await leggiDomanda(id);
    const r = await risposta(() => ricevutaPdf.loader(args(get(`/domande/${id}/ricevuta.pdf`, mario), id)));
    const bytes = new Uint8Array(await r.arrayBuffer());
    const info = infoPdf(bytes);
    expect(info.Tagged).toBe("yes");
    expect(info.Title).toBe(`Ricevuta della domanda ${d.protocollo}`);
    const pdf = await PDFDocument.load(bytes);
    const catalogo = pdf.catalog;
    expect(catalogo.lookup(PDFName.of("MarkInfo"), PDFDict).get(PDFName.of("Marked"))).toBe(PDFBool.True);
    expect(catalogo.lookup(PDFName.of("Lang"), PDFString).decodeText()).toBe("it-IT");
    expect(catalogo.lookup(PDFName.of("ViewerPreferences"), PDFDict).get(PDFName.of("DisplayDocTitle"))).toBe(PDFBool.True);
    const tipi = tipiStruttura(pdf);
    // Reading order: the heading, the submission data, the company, the workers' table (header cells first), the notes.
    expect(tipi[0]).toBe("Document");
    expect(tipi[1]).toBe("H1");
    // Submission data, company, one heading per step of the form (in its order), open alerts, notes.
    expect(tipi.filter((t) => t === "H2")).toHaveLength(4 + PASSI.length);
    expect(tipi.indexOf("Table")).toBeGreaterThan(tipi.indexOf("H2"));
    expect(tipi.filter((t) => t === "TH")).toHaveLength(3);
    expect(tipi.filter((t) => t === "TD")).toHaveLength(3 * (await contaLavoratori(id)));
    // The running header is outside the structure (an artifact), the text is in the structure once.
    const testo = await testoPdf(bytes);
    expect(testo.indexOf("Protocollo")).toBeLessThan(testo.indexOf("Ragione sociale"));
    expect(testo.indexOf("Ragione sociale")).toBeLessThan(testo.indexOf("Lavoratori beneficiari"));
    // The steps' answers under the forms' labels, in the forms' order, with codes in words.
    const intestazione = (t: string) => new RegExp(`^\\s*${t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}( \\(\\d+\\))?\\s*$`, "m");
    const posizioni = PASSI.map((p) => testo.search(intestazione(p.titolo)));
    expect(posizioni.every((x) => x >= 0)).toBe(true);
    expect([...posizioni].sort((a, b) => a - b)).toEqual(posizioni);
    expect(testo.indexOf(ETICHETTE_PERIODO.dataInizio)).toBeLessThan(testo.indexOf(ETICHETTE_PERIODO.dataFine));
    expect(testo).not.toMatch(/mancanza_lavoro|crisi_mercato|\bsospensione\b:/);
    const fonts = execFileSync("pdffonts", ["-"], { input: bytes, encoding: "utf8" }).split("\n").slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f).toMatch(/\byes\s+yes\s+yes\b/); // embedded, subset, ToUnicode map
  });

  it("continues the workers' list on more pages for a large unit", async () => {
    const grande = await bozzaCompleta(ctxMario, c1, { lavoratori: 2 });
    // 120 more workers from an uploaded list (not in the registry): far more than one A4 page holds.
    const { versione } = await leggiDomanda(grande);
    expect((await inviaDomanda(ctxMario, grande, versione, nuovaChiaveInvio())).ok).toBe(true);
    const primi = (await db().select().from(domandaLavoratori).where(eq(domandaLavoratori.domandaId, grande))).length;
    // The seeded unit is small: the long list is written straight into the sent domanda (the registry check of each
    // worker is the step's business, not the receipt's).
    const elenco = Array.from({ length: 120 }, (_, i) => `TSTLVR80A01H${String(i).padStart(3, "0")}Z`);
    await db().insert(domandaLavoratori).values(
      elenco.map((codiceFiscale) => ({ domandaId: grande, codiceFiscale, qualifica: "operaio" as const, origine: "elenco" })),
    );
    const r = await risposta(() => ricevutaPdf.loader(args(get(`/domande/${grande}/ricevuta.pdf`, mario), grande)));
    const bytes = new Uint8Array(await r.arrayBuffer());
    expect((await PDFDocument.load(bytes)).getPageCount()).toBeGreaterThan(2);
    const testo = await testoPdf(bytes);
    expect(testo).toContain(`Lavoratori beneficiari (${primi + 120})`);
    for (const cf of elenco) expect(testo).toContain(cf);
    // The table header is repeated on the pages the list continues on.
    expect(testo.split("\n").filter((x) => /^\s*Codice fiscale\s+Cognome e nome\s+Qualifica\s*$/.test(x)).length).toBeGreaterThan(2);
  });

  it("has no receipt for a draft", async () => {
    const bozza = await bozzaCompleta(ctxMario, c1);
    expect((await risposta(() => ricevutaPdf.loader(args(get(`/domande/${bozza}/ricevuta.pdf`, mario), bozza)))).status).toBe(404);
    const pagina = await risposta(() => ricevuta.loader(args(get(`/domande/${bozza}/ricevuta`, mario), bozza)));
    expect(pagina.headers.get("Location")).toBe(`/domande/${bozza}`);
  });
});

describe("accesso", () => {
  it("answers 404 to an intermediary whose delega on the company expired, and to an operator", async () => {
    const c2 = await idAzienda("C2");
    const marioC2 = await contestoDi(await sessioneDi(MARIO_ESEMPIO.codiceFiscale, "datore", c2));
    const bozza = await bozzaCompleta(marioC2, c2);
    const inviata = await bozzaCompleta(marioC2, c2);
    const { versione } = await leggiDomanda(inviata);
    expect((await inviaDomanda(marioC2, inviata, versione, nuovaChiaveInvio())).ok).toBe(true);

    const laura = await sessioneDi(LAURA_CONSULENTE.codiceFiscale, "intermediario");
    const operatore = await sessioneDi(OPERATORE_PADOVA.codiceFiscale, "operatore_sede");
    for (const chi of [laura, operatore]) {
      expect((await risposta(() => riepilogo.loader(args(get(`/domande/${bozza}/riepilogo`, chi), bozza)))).status).toBe(404);
      expect((await risposta(() => invio.loader(args(get(`/domande/${bozza}/invio`, chi), bozza)))).status).toBe(404);
      const r = await postInvio(bozza, { versione: "1", chiaveInvio: nuovaChiaveInvio(), veridicita: "si", privacy: "si" }, chi);
      expect(r.status).toBe(404);
      expect((await risposta(() => ricevuta.loader(args(get(`/domande/${inviata}/ricevuta`, chi), inviata)))).status).toBe(404);
      expect((await risposta(() => ricevutaPdf.loader(args(get(`/domande/${inviata}/ricevuta.pdf`, chi), inviata)))).status).toBe(404);
      // The service refuses on its own too, not only the route.
      expect(await inviaDomanda(await contestoDi(chi), bozza, 1, nuovaChiaveInvio())).toEqual({ ok: false, motivo: "non_trovato" });
    }
    expect((await leggiDomanda(bozza)).stato).toBe("bozza");
    const negati = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.oggettoId, String(bozza)), eq(auditLog.esito, "negato")));
    expect(negati.length).toBeGreaterThanOrEqual(6);
  });
});
