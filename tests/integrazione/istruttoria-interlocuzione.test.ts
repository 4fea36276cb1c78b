// Interlocuzione on a real database: the operator's request suspends the case, the company answers with text and PDFs
// and the case goes back to the operator, the operator closes a request and resumes, the expiry job marks missed
// deadlines with the system actor; stale versions conflict; other companies, other sedi and the manager get 404.
import { and, eq } from "drizzle-orm";
import { PDFDocument } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { allegatiRisposta, auditLog, eventiDomanda, richiesteIstruttoria } from "#db/schema";
import { db } from "#db/connection";
import { DIRIGENTE_PADOVA, LAURA_CONSULENTE, MARIO_ESEMPIO, OPERATORE_MILANO, OPERATORE_PADOVA } from "#db/seed/index";
import { addDays, oggiRoma } from "~/domain/date";
import * as pagRichiesta from "~/routes/scrivania_.$id.richiesta";
import * as pagRisposta from "~/routes/domande.$id.risposta";
import * as pagRichieste from "~/routes/domande.richieste";
import * as dettaglio from "~/routes/domande.$id.dettaglio";
import * as allegatoRisposta from "~/routes/scrivania_.$id.risposte.$allegatoId";
import type { Contesto } from "~/services/accesso.server";
import { richiediInformazioni, scadenzeInterlocuzione } from "~/services/istruttoria/interlocuzione.server";
import { usaDatabaseDiTest } from "../database";
import { contesto, get, ORIGINE, post, risposta, sessioneDi, type Identita } from "../richieste";
import { contestoDi, idAzienda } from "./domanda-completa";
import { casoInIstruttoria, leggiDomanda } from "./istruttoria-caso";

usaDatabaseDiTest();

let mario: Identita;
let ctxMario: Contesto;
let operatore: Identita;
let ctxOperatore: Contesto;
let milano: Identita;
let dirigente: Identita;
let laura: Identita;
let c1: number;
let pdf: Uint8Array;

beforeAll(async () => {
  c1 = await idAzienda("C1");
  mario = await sessioneDi(MARIO_ESEMPIO.codiceFiscale, "datore", c1);
  ctxMario = await contestoDi(mario);
  operatore = await sessioneDi(OPERATORE_PADOVA.codiceFiscale, "operatore_sede");
  ctxOperatore = await contestoDi(operatore);
  milano = await sessioneDi(OPERATORE_MILANO.codiceFiscale, "operatore_sede");
  dirigente = await sessioneDi(DIRIGENTE_PADOVA.codiceFiscale, "dirigente_sede");
  laura = await sessioneDi(LAURA_CONSULENTE.codiceFiscale, "intermediario");
  const doc = await PDFDocument.create();
  doc.addPage().drawText("Ordini del secondo trimestre", { x: 50, y: 700 });
  pdf = await doc.save();
});

const args = (request: Request, id: number, extra: Record<string, string> = {}) => ({
  request,
  params: { id: String(id), ...extra },
  context: contesto,
});

const TESTO = "Manca l'elenco degli ordini annullati nel trimestre: inviatelo con una breve spiegazione.";

async function chiedi(id: number, versione: number, chi = operatore, campi: Record<string, string> = {}) {
  return risposta(() =>
    pagRichiesta.action(
      args(post(`/scrivania/${id}/richiesta`, { versione: String(versione), tipo: "supplemento_istruttorio", testo: TESTO, documenti: "Ordini annullati\nLettere dei clienti", ...campi }, chi), id),
    ),
  );
}

function rispondi(id: number, campi: Record<string, string>, file: Array<{ nome: string; bytes: Uint8Array }> = [], chi = mario) {
  const form = new FormData();
  form.set("csrf", chi.csrf);
  for (const [k, v] of Object.entries(campi)) form.set(k, v);
  for (const f of file) form.append("file", new File([new Uint8Array(f.bytes)], f.nome, { type: "application/pdf" }));
  const request = new Request(`${ORIGINE}/domande/${id}/risposta`, { method: "POST", headers: { Cookie: chi.cookie, Origin: ORIGINE }, body: form });
  return risposta(() => pagRisposta.action(args(request, id)));
}

const richiesteDi = (id: number) => db().select().from(richiesteIstruttoria).where(eq(richiesteIstruttoria.domandaId, id));
const auditDi = (id: number, azione: string) =>
  db().select().from(auditLog).where(and(eq(auditLog.azione, azione), eq(auditLog.oggettoId, String(id))));

describe("richiesta all'azienda", () => {
  it("suspends the case with a 15-day deadline, on the timeline and in the audit log", async () => {
    const caso = await casoInIstruttoria(ctxMario, c1, ctxOperatore);
    const pagina = await risposta(() => pagRichiesta.loader(args(get(`/scrivania/${caso.id}/richiesta`, operatore), caso.id)));
    expect(pagina.status).toBe(200);
    expect(await pagina.json()).toMatchObject({ stato: "in_istruttoria", richieste: [] });

    const vuota = await chiedi(caso.id, caso.versione, operatore, { testo: "" });
    expect(vuota.status).toBe(422);
    expect(JSON.stringify(await vuota.json())).toContain("Scrivi che cosa chiedi all'azienda");
    expect((await leggiDomanda(caso.id)).stato).toBe("in_istruttoria");

    const r = await chiedi(caso.id, caso.versione);
    expect(r.status).toBe(303);
    expect(r.headers.get("Location")).toBe(`/scrivania/${caso.id}`);
    const d = await leggiDomanda(caso.id);
    expect(d.stato).toBe("sospesa");
    expect(d.versione).toBe(caso.versione + 1);
    const [req] = await richiesteDi(caso.id);
    const oggi = oggiRoma(new Date());
    expect(req).toMatchObject({ tipo: "supplemento_istruttorio", stato: "aperta", ricevutaIl: oggi, scadenza: addDays(oggi, 15) });
    expect(req.documentiRichiesti).toEqual(["Ordini annullati", "Lettere dei clienti"]);
    // The decision deadline stops running from today (the queue adds the days of the open suspension).
    expect(d.termineSospesoDal).toBe(oggi);
    expect(d.scadenzaDecisione).toBe(caso.scadenzaDecisione);
    const eventi = await db().select().from(eventiDomanda).where(and(eq(eventiDomanda.domandaId, caso.id), eq(eventiDomanda.tipo, "richiesta")));
    expect(eventi).toHaveLength(1);
    expect((await auditDi(caso.id, "richiedi_informazioni")).map((a) => a.esito)).toEqual(["ok"]);

    // The same form sent again (stale version, case already suspended): a conflict page, nothing added.
    const di = await chiedi(caso.id, caso.versione);
    expect(di.status).toBe(409);
    expect(await richiesteDi(caso.id)).toHaveLength(1);
  });

  it("is refused to the manager, to an operator of another sede and to the company (404, nothing changed)", async () => {
    const caso = await casoInIstruttoria(ctxMario, c1, ctxOperatore);
    for (const chi of [dirigente, milano, mario, laura]) {
      const r = await chiedi(caso.id, caso.versione, chi);
      expect(r.status).toBe(404);
      const g = await risposta(() => pagRichiesta.loader(args(get(`/scrivania/${caso.id}/richiesta`, chi), caso.id)));
      expect(g.status).toBe(404);
    }
    expect((await leggiDomanda(caso.id)).stato).toBe("in_istruttoria");
    expect(await richiesteDi(caso.id)).toHaveLength(0);
  });

  it("two operators asking at once: one request, the other gets a conflict", async () => {
    const caso = await casoInIstruttoria(ctxMario, c1, ctxOperatore);
    const nuova = { tipo: "documentale" as const, testo: TESTO, documenti: [] };
    const esiti = await Promise.all([
      richiediInformazioni(ctxOperatore, caso.id, caso.versione, nuova),
      richiediInformazioni(ctxOperatore, caso.id, caso.versione, nuova),
    ]);
    expect(esiti.map((e) => e.ok).sort()).toEqual([false, true]);
    expect(esiti.find((e) => !e.ok)).toMatchObject({ motivo: "conflitto" });
    expect(await richiesteDi(caso.id)).toHaveLength(1);
  });
});

describe("risposta dell'azienda", () => {
  it("shows the request on the domanda and in the pending list, takes text and PDFs, and resumes the case", async () => {
    const caso = await casoInIstruttoria(ctxMario, c1, ctxOperatore);
    expect((await chiedi(caso.id, caso.versione)).status).toBe(303);
    const sospesa = await leggiDomanda(caso.id);

    const det = await (await risposta(() => dettaglio.loader(args(get(`/domande/${caso.id}/dettaglio`, mario), caso.id)))).json();
    expect(det.richieste).toHaveLength(1);
    expect(det.richieste[0]).toMatchObject({ stato: "aperta", testo: TESTO, situazione: { stato: "aperta" } });
    expect(det.puoRispondere).toBe(true);
    const elenco = await (await risposta(() => pagRichieste.loader({ request: get("/domande/richieste", mario), params: {}, context: contesto }))).json();
    expect(elenco.richieste.map((r: { domandaId: number }) => r.domandaId)).toContain(caso.id);
    const form = await (await risposta(() => pagRisposta.loader(args(get(`/domande/${caso.id}/risposta`, mario), caso.id)))).json();
    expect(form.aperta.id).toBeGreaterThan(0);

    // A text is required; a file that is not a PDF is refused by content; nothing is stored.
    const senzaTesto = await rispondi(caso.id, { versione: String(sospesa.versione), richiesta: String(form.aperta.id), testo: "" });
    expect(senzaTesto.status).toBe(422);
    const finto = await rispondi(caso.id, { versione: String(sospesa.versione), richiesta: String(form.aperta.id), testo: "Ecco gli ordini" }, [
      { nome: "ordini.pdf", bytes: new TextEncoder().encode("MZ non sono un pdf") },
    ]);
    expect(finto.status).toBe(422);
    expect((await leggiDomanda(caso.id)).stato).toBe("sospesa");

    const ok = await rispondi(caso.id, { versione: String(sospesa.versione), richiesta: String(form.aperta.id), testo: "Ecco gli ordini annullati." }, [
      { nome: "ordini annullati.pdf", bytes: pdf },
    ]);
    expect(ok.status).toBe(303);
    expect(ok.headers.get("Location")).toBe(`/domande/${caso.id}/dettaglio?risposta=inviata`);
    const d = await leggiDomanda(caso.id);
    expect(d.stato).toBe("in_istruttoria");
    const [req] = await richiesteDi(caso.id);
    expect(req).toMatchObject({ stato: "risposta", rispostaTesto: "Ecco gli ordini annullati." });
    const file = await db().select().from(allegatiRisposta).where(eq(allegatiRisposta.richiestaId, req.id));
    expect(file.map((f) => f.nomeFile)).toEqual(["ordini annullati.pdf"]);

    // The operator opens the document; the company of another delega cannot.
    const scarica = await risposta(() => allegatoRisposta.loader(args(get(`/scrivania/${caso.id}/risposte/${file[0].id}`, operatore), caso.id, { allegatoId: String(file[0].id) })));
    expect(scarica.status).toBe(200);
    expect(scarica.headers.get("Cache-Control")).toContain("no-store");
    for (const chi of [mario, laura, milano]) {
      const no = await risposta(() => allegatoRisposta.loader(args(get(`/scrivania/${caso.id}/risposte/${file[0].id}`, chi), caso.id, { allegatoId: String(file[0].id) })));
      expect(no.status).toBe(404);
    }
    // The answer is on the operator's page, highlighted, and the company's pending list is empty again.
    const op = await (await risposta(() => pagRichiesta.loader(args(get(`/scrivania/${caso.id}/richiesta`, operatore), caso.id)))).json();
    expect(op.richieste[0]).toMatchObject({ rispostaTesto: "Ecco gli ordini annullati.", situazione: { stato: "risposta" } });
    const dopo = await (await risposta(() => pagRichieste.loader({ request: get("/domande/richieste", mario), params: {}, context: contesto }))).json();
    expect(dopo.richieste.map((r: { domandaId: number }) => r.domandaId)).not.toContain(caso.id);

    // A second answer (form sent again) changes nothing.
    const di = await rispondi(caso.id, { versione: String(sospesa.versione), richiesta: String(form.aperta.id), testo: "Di nuovo" });
    expect(di.status).toBe(409);
    expect((await richiesteDi(caso.id))[0].rispostaTesto).toBe("Ecco gli ordini annullati.");
  });

  it("is refused to companies that are not the applicant's and to the office (404)", async () => {
    const caso = await casoInIstruttoria(ctxMario, c1, ctxOperatore);
    expect((await chiedi(caso.id, caso.versione)).status).toBe(303);
    const d = await leggiDomanda(caso.id);
    const [req] = await richiesteDi(caso.id);
    for (const chi of [laura, operatore, dirigente]) {
      const r = await rispondi(caso.id, { versione: String(d.versione), richiesta: String(req.id), testo: "Intrusione" }, [], chi);
      expect(r.status).toBe(404);
    }
    expect((await richiesteDi(caso.id))[0].stato).toBe("aperta");
    expect((await leggiDomanda(caso.id)).stato).toBe("sospesa");
  });
});

describe("ripresa e scadenza", () => {
  it("the operator closes an open request and resumes the istruttoria", async () => {
    const caso = await casoInIstruttoria(ctxMario, c1, ctxOperatore);
    expect((await chiedi(caso.id, caso.versione)).status).toBe(303);
    const d = await leggiDomanda(caso.id);
    const noDirigente = await risposta(() => pagRichiesta.action(args(post(`/scrivania/${caso.id}/richiesta`, { intent: "riprendi", versione: String(d.versione) }, dirigente), caso.id)));
    expect(noDirigente.status).toBe(404);
    const r = await risposta(() => pagRichiesta.action(args(post(`/scrivania/${caso.id}/richiesta`, { intent: "riprendi", versione: String(d.versione) }, operatore), caso.id)));
    expect(r.status).toBe(303);
    expect((await leggiDomanda(caso.id)).stato).toBe("in_istruttoria");
    expect((await richiesteDi(caso.id))[0]).toMatchObject({ stato: "chiusa", chiusaIl: oggiRoma(new Date()) });
  });

  it("the expiry job marks a missed deadline with the system actor and resumes the case; a second run does nothing", async () => {
    const caso = await casoInIstruttoria(ctxMario, c1, ctxOperatore);
    const sedici = new Date(Date.now() - 16 * 86_400_000);
    const nuova = await richiediInformazioni(ctxOperatore, caso.id, caso.versione, { tipo: "supplemento_istruttorio", testo: TESTO, documenti: [] }, sedici);
    expect(nuova.ok).toBe(true);
    // Another case whose request is still within its deadline is left alone.
    const altro = await casoInIstruttoria(ctxMario, c1, ctxOperatore);
    expect((await richiediInformazioni(ctxOperatore, altro.id, altro.versione, { tipo: "documentale", testo: TESTO, documenti: [] })).ok).toBe(true);

    const { scadute } = await scadenzeInterlocuzione();
    expect(scadute).toContain(caso.id);
    expect(scadute).not.toContain(altro.id);
    expect((await leggiDomanda(caso.id)).stato).toBe("in_istruttoria");
    expect((await leggiDomanda(altro.id)).stato).toBe("sospesa");
    expect((await richiesteDi(caso.id))[0]).toMatchObject({ stato: "scaduta", chiusaIl: null });
    // The 16 days of suspension (from receipt to the day after the last one to answer) move the deadline on.
    const ripreso = await leggiDomanda(caso.id);
    expect(ripreso.termineSospesoDal).toBeNull();
    expect(ripreso.scadenzaDecisione).toBe(addDays(caso.scadenzaDecisione!, 16));
    const [audit] = await auditDi(caso.id, "riprendi_istruttoria");
    expect(audit).toMatchObject({ esito: "ok", utenteId: null });
    expect(audit.dettagli).toMatchObject({ sistema: "scadenze-interlocuzione", stato: "scaduta" });
    expect((await scadenzeInterlocuzione()).scadute).not.toContain(caso.id);
  });
});
