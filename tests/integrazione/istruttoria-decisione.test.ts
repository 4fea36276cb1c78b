// The decision on a real database: full, partial (a worker excluded with its reason) and rejected, through the form,
// the confirmation page and the final act; the rejection for lack of elements refused until a supplemento istruttorio
// is over; a rettifica is a new act linked to the first, which never changes; two operators deciding at once: one
// act; a late domanda authorised from the first coverable day; the provvedimento PDF tagged, with the reasons and the
// appeal; access: only the operator of the assignment acts, the manager reads, other companies get 404.
import { execFileSync } from "node:child_process";
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, domandaLavoratori, domande, eventiDomanda, provvedimenti, provvedimentiLavoratori } from "#db/schema";
import { db } from "#db/connection";
import { DIRIGENTE_PADOVA, LAURA_CONSULENTE, MARIO_ESEMPIO, OPERATORE_MILANO, OPERATORE_PADOVA } from "#db/seed/index";
import { addDays, formatDataItaliana as gma, oggiRoma } from "~/domain/date";
import type { Domanda } from "#db/schema";
import * as pagDecisione from "~/routes/scrivania_.$id.decisione";
import * as pdfSede from "~/routes/scrivania_.$id.provvedimento[.pdf]";
import * as pdfAzienda from "~/routes/domande.$id.provvedimento[.pdf]";
import * as dettaglio from "~/routes/domande.$id.dettaglio";
import type { Contesto } from "~/services/accesso.server";
import { decidiDomanda, type InputDecisione } from "~/services/istruttoria/decisione.server";
import { richiediInformazioni, riprendiIstruttoria } from "~/services/istruttoria/interlocuzione.server";
import { usaDatabaseDiTest } from "../database";
import { contesto, get, post, risposta, sessioneDi, type Identita } from "../richieste";
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

beforeAll(async () => {
  c1 = await idAzienda("C1");
  mario = await sessioneDi(MARIO_ESEMPIO.codiceFiscale, "datore", c1);
  ctxMario = await contestoDi(mario);
  operatore = await sessioneDi(OPERATORE_PADOVA.codiceFiscale, "operatore_sede");
  ctxOperatore = await contestoDi(operatore);
  milano = await sessioneDi(OPERATORE_MILANO.codiceFiscale, "operatore_sede");
  dirigente = await sessioneDi(DIRIGENTE_PADOVA.codiceFiscale, "dirigente_sede");
  laura = await sessioneDi(LAURA_CONSULENTE.codiceFiscale, "intermediario");
});

const args = (request: Request, id: number) => ({ request, params: { id: String(id) }, context: contesto });
const MOTIVAZIONE = "Esaminati la relazione tecnica e gli ordini: la contrazione è temporanea e non imputabile all'azienda.";

async function lavoratoriDi(id: number): Promise<string[]> {
  return (await db().select().from(domandaLavoratori).where(eq(domandaLavoratori.domandaId, id))).map((l) => l.codiceFiscale).sort();
}

function campiPieni(caso: Domanda, extra: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  const periodo = (caso.dati as { periodo: { dataInizio: string; dataFine: string; oreRichieste: number } }).periodo;
  return {
    versione: String(caso.versione),
    esito: "autorizzata",
    dataInizio: gma(periodo.dataInizio),
    dataFine: gma(periodo.dataFine),
    oreAutorizzate: String(periodo.oreRichieste),
    modalitaPagamento: "conguaglio",
    motivazione: MOTIVAZIONE,
    ...extra,
  };
}

async function invia(id: number, campi: Record<string, string | string[]>, intent: string, chi = operatore) {
  return risposta(() => pagDecisione.action(args(post(`/scrivania/${id}/decisione`, { ...campi, intent }, chi), id)));
}

const attiDi = (id: number) => db().select().from(provvedimenti).where(eq(provvedimenti.domandaId, id)).orderBy(provvedimenti.id);

function infoPdf(bytes: Uint8Array): Record<string, string> {
  const uscita = execFileSync("pdfinfo", ["-"], { input: bytes, encoding: "utf8" });
  return Object.fromEntries(uscita.split("\n").filter((r) => r.includes(":")).map((r) => [r.slice(0, r.indexOf(":")).trim(), r.slice(r.indexOf(":") + 1).trim()]));
}
const testoPdf = (bytes: Uint8Array) => execFileSync("pdftotext", ["-", "-"], { input: bytes, encoding: "utf8" }).replace(/\s+/g, " ");

describe("decisione", () => {
  it("authorises in full: form with a suggested motivazione, confirmation page, then one final act with its number", async () => {
    const caso = await casoInIstruttoria(ctxMario, c1, ctxOperatore);
    const pagina = await (await risposta(() => pagDecisione.loader(args(get(`/scrivania/${caso.id}/decisione`, operatore), caso.id)))).json();
    expect(pagina.modo).toBe("decidi");
    expect(pagina.valori.motivazione).toContain("Esaminata la domanda di");
    expect(pagina.caso.lavoratori.length).toBeGreaterThan(0);

    const conferma = await invia(caso.id, campiPieni(caso), "verifica");
    expect(conferma.status).toBe(200);
    const c = await conferma.json();
    expect(c.fase).toBe("conferma");
    expect(c.riepilogo.righe).toContainEqual(["Esito", "Autorizzata"]);
    expect((await leggiDomanda(caso.id)).stato).toBe("in_istruttoria");

    const r = await invia(caso.id, campiPieni(caso), "conferma");
    expect(r.status).toBe(303);
    const d = await leggiDomanda(caso.id);
    expect(d.stato).toBe("autorizzata");
    expect(d.decisaIl).not.toBeNull();
    const [atto] = await attiDi(caso.id);
    expect(atto).toMatchObject({ numero: `${caso.ticket}-01`, esito: "autorizzata", motivazione: MOTIVAZIONE, oreAutorizzate: 40, modalitaPagamento: "conguaglio", rettificaDi: null });
    expect(r.headers.get("Location")).toBe(`/scrivania/${caso.id}/decisione?emesso=${encodeURIComponent(atto.numero)}`);
    const autorizzati = await db().select().from(provvedimentiLavoratori).where(eq(provvedimentiLavoratori.provvedimentoId, atto.id));
    expect(autorizzati.map((l) => l.codiceFiscale).sort()).toEqual(await lavoratoriDi(caso.id));
    expect(await db().select().from(eventiDomanda).where(and(eq(eventiDomanda.domandaId, caso.id), eq(eventiDomanda.tipo, "decisa")))).toHaveLength(1);
    const audit = await db().select().from(auditLog).where(and(eq(auditLog.azione, "decidi_domanda"), eq(auditLog.oggettoId, String(caso.id))));
    expect(audit.map((a) => a.esito)).toEqual(["ok"]);

    // The same confirmation sent again: a conflict page with the new state, no second act.
    const di = await invia(caso.id, campiPieni(caso), "conferma");
    expect(di.status).toBe(409);
    expect(await attiDi(caso.id)).toHaveLength(1);
  });

  it("authorises in part: an excluded worker needs a reason and the partial outcome; the act keeps what and why", async () => {
    const caso = await casoInIstruttoria(ctxMario, c1, ctxOperatore, { lavoratori: 3 });
    const [escluso, ...altri] = await lavoratoriDi(caso.id);
    const senzaMotivo = await invia(caso.id, campiPieni(caso, { esito: "autorizzata_parziale", esclusi: escluso }), "verifica");
    expect(senzaMotivo.status).toBe(422);
    expect((await senzaMotivo.json()).errori).toHaveProperty(`motivo-${escluso}`);
    const nonParziale = await invia(caso.id, campiPieni(caso, { esclusi: escluso, [`motivo-${escluso}`]: "Assunto da meno di 30 giorni" }), "verifica");
    expect(nonParziale.status).toBe(422);
    expect(JSON.stringify((await nonParziale.json()).errori.esito)).toContain("Autorizzata parzialmente");

    const campi = campiPieni(caso, { esito: "autorizzata_parziale", esclusi: escluso, [`motivo-${escluso}`]: "Assunto da meno di 30 giorni all'unità produttiva" });
    expect((await (await invia(caso.id, campi, "verifica")).json()).riepilogo.esclusioni[0]).toContain("Assunto da meno di 30 giorni");
    expect((await invia(caso.id, campi, "conferma")).status).toBe(303);
    const [atto] = await attiDi(caso.id);
    expect(atto.esito).toBe("autorizzata_parziale");
    expect(atto.esclusioni).toEqual([{ tipo: "lavoratore", codiceFiscale: escluso, motivo: "Assunto da meno di 30 giorni all'unità produttiva" }]);
    const autorizzati = await db().select().from(provvedimentiLavoratori).where(eq(provvedimentiLavoratori.provvedimentoId, atto.id));
    expect(autorizzati.map((l) => l.codiceFiscale).sort()).toEqual(altri);

    // The company sees the decision, what was excluded and why, the appeal deadline, and downloads the tagged PDF.
    const det = await (await risposta(() => dettaglio.loader(args(get(`/domande/${caso.id}/dettaglio`, mario), caso.id)))).json();
    expect(det.atti[0]).toMatchObject({ numero: atto.numero, esito: "autorizzata_parziale", ricorso: { ammesso: true, scadenza: addDays(oggiRoma(new Date()), 30) } });
    expect(det.atti[0].esclusioni[0]).toContain("Assunto da meno di 30 giorni");
    const pdf = await risposta(() => pdfAzienda.loader(args(get(`/domande/${caso.id}/provvedimento.pdf`, mario), caso.id)));
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("Cache-Control")).toContain("no-store");
    const bytes = new Uint8Array(await pdf.arrayBuffer());
    expect(infoPdf(bytes)).toMatchObject({ Tagged: "yes" });
    const testo = testoPdf(bytes);
    expect(testo).toContain(`Numero di autorizzazione: ${atto.numero}`);
    expect(testo).toContain("Assunto da meno di 30 giorni");
    expect(testo).toContain("Come presentare ricorso");
    expect(testo).toContain("Comitato amministratore");
    expect(testo).toContain("entro 30 giorni");
  });

  it("refuses a rejection for lack of elements until a supplemento istruttorio is over, then rejects", async () => {
    const caso = await casoInIstruttoria(ctxMario, c1, ctxOperatore);
    const rigetto = { versione: String(caso.versione), esito: "respinta", perCarenzaElementi: "si", motivazione: MOTIVAZIONE };
    const rifiutato = await invia(caso.id, rigetto, "conferma");
    expect(rifiutato.status).toBe(422);
    expect(JSON.stringify((await rifiutato.json()).errori.esito)).toContain("supplemento istruttorio");
    expect(await attiDi(caso.id)).toHaveLength(0);

    // A supplemento asked and closed by the operator: now the rejection is possible.
    const r = await richiediInformazioni(ctxOperatore, caso.id, caso.versione, { tipo: "supplemento_istruttorio", testo: "Mancano gli ordini del trimestre", documenti: [] });
    expect(r.ok).toBe(true);
    const ripresa = await riprendiIstruttoria(ctxOperatore, caso.id, (await leggiDomanda(caso.id)).versione);
    expect(ripresa.ok).toBe(true);
    const d = await leggiDomanda(caso.id);
    const ok = await invia(caso.id, { ...rigetto, versione: String(d.versione) }, "conferma");
    expect(ok.status).toBe(303);
    const [atto] = await attiDi(caso.id);
    expect(atto).toMatchObject({ esito: "respinta", perCarenzaElementi: true, periodoInizio: null, oreAutorizzate: null });
    expect((await leggiDomanda(caso.id)).stato).toBe("respinta");
    const pdf = await risposta(() => pdfSede.loader(args(get(`/scrivania/${caso.id}/provvedimento.pdf`, operatore), caso.id)));
    expect(pdf.status).toBe(200);
    const testo = testoPdf(new Uint8Array(await pdf.arrayBuffer()));
    expect(testo).toContain("Esito: respinta");
    expect(testo).toContain(MOTIVAZIONE.slice(0, 40));
  });

  it("a rettifica is a new act linked to the first, which stays as issued", async () => {
    const caso = await casoInIstruttoria(ctxMario, c1, ctxOperatore);
    expect((await invia(caso.id, campiPieni(caso), "conferma")).status).toBe(303);
    const decisa = await leggiDomanda(caso.id);
    const pagina = await (await risposta(() => pagDecisione.loader(args(get(`/scrivania/${caso.id}/decisione`, operatore), caso.id)))).json();
    expect(pagina.modo).toBe("rettifica");
    const [primo] = await attiDi(caso.id);
    const campi = campiPieni(decisa, { esito: "autorizzata_parziale", oreAutorizzate: "30", motivoOre: "Le ore lavorate nel periodo risultano dai flussi UniEmens" });
    expect((await invia(caso.id, campi, "conferma")).status).toBe(303);
    const atti = await attiDi(caso.id);
    expect(atti).toHaveLength(2);
    expect(atti[0]).toEqual(primo);
    expect(atti[1]).toMatchObject({ numero: `${caso.ticket}-02`, rettificaDi: primo.id, esito: "autorizzata_parziale", oreAutorizzate: 30 });
    expect((await leggiDomanda(caso.id)).stato).toBe("autorizzata_parziale");
    expect(testoPdf(atti[1].pdf)).toContain(`rettifica il provvedimento n. ${primo.numero}`);
    // The issued act cannot be changed or deleted, not even by the application.
    await expect(db().update(provvedimenti).set({ motivazione: "cambiata" }).where(eq(provvedimenti.id, primo.id))).rejects.toThrow();
    await expect(db().execute(sql`delete from provvedimenti where id = ${primo.id}`)).rejects.toThrow();
  });

  it("two operators deciding at once: one act, the other gets a conflict", async () => {
    const caso = await casoInIstruttoria(ctxMario, c1, ctxOperatore);
    const periodo = (caso.dati as { periodo: { dataInizio: string; dataFine: string; oreRichieste: number } }).periodo;
    const input: InputDecisione = {
      esito: "autorizzata", motivazione: MOTIVAZIONE, perCarenzaElementi: false,
      periodo: { inizio: periodo.dataInizio, fine: periodo.dataFine }, oreAutorizzate: periodo.oreRichieste,
      esclusi: [], giorniEsclusi: [], motivoGiorni: "", motivoPeriodo: "", motivoOre: "", modalitaPagamento: "conguaglio",
    };
    const altro = await contestoDi(await sessioneDi(OPERATORE_PADOVA.codiceFiscale, "operatore_sede"));
    const esiti = await Promise.all([decidiDomanda(ctxOperatore, caso.id, caso.versione, input), decidiDomanda(altro, caso.id, caso.versione, { ...input, esito: "respinta" })]);
    expect(esiti.filter((e) => e.ok)).toHaveLength(1);
    expect(esiti.find((e) => !e.ok)).toMatchObject({ motivo: "conflitto" });
    expect(await attiDi(caso.id)).toHaveLength(1);
  });

  it("a late domanda is authorised from the first coverable day, not before", async () => {
    const caso = await casoInIstruttoria(ctxMario, c1, ctxOperatore);
    // The period started a month before sending: the domanda is late and covers at most one week before sending.
    const inviataIl = oggiRoma(caso.inviataIl!);
    const inizio = addDays(inviataIl, -30);
    const periodo = { ...(caso.dati as { periodo: object }).periodo, dataInizio: inizio, dataFine: addDays(inviataIl, 10) };
    await db().update(domande).set({ dati: sql`jsonb_set(${domande.dati}, '{periodo}', ${JSON.stringify(periodo)}::jsonb)`, dataInizio: inizio, dataFine: addDays(inviataIl, 10) }).where(eq(domande.id, caso.id));
    const aggiornato = await leggiDomanda(caso.id);
    const pagina = await (await risposta(() => pagDecisione.loader(args(get(`/scrivania/${caso.id}/decisione`, operatore), caso.id)))).json();
    expect(pagina.caso.tardiva).toBe(true);
    const primo = addDays(inviataIl, -7);
    expect(pagina.valori.dataInizio).toBe(gma(primo));
    const troppoPresto = await invia(caso.id, campiPieni(aggiornato, { dataInizio: gma(inizio) }), "verifica");
    expect(troppoPresto.status).toBe(422);
    expect(JSON.stringify((await troppoPresto.json()).errori.dataInizio)).toContain("tardiva");
    expect((await invia(caso.id, campiPieni(aggiornato, { dataInizio: gma(primo) }), "conferma")).status).toBe(303);
    expect((await attiDi(caso.id))[0]).toMatchObject({ esito: "autorizzata", periodoInizio: primo });
  });

  it("only the operator of the assignment decides; the manager reads the PDF; other companies get 404", async () => {
    const caso = await casoInIstruttoria(ctxMario, c1, ctxOperatore);
    for (const chi of [dirigente, milano, mario, laura]) {
      expect((await invia(caso.id, campiPieni(caso), "conferma", chi)).status).toBe(404);
      expect((await risposta(() => pagDecisione.loader(args(get(`/scrivania/${caso.id}/decisione`, chi), caso.id)))).status).toBe(404);
    }
    expect(await attiDi(caso.id)).toHaveLength(0);
    expect((await invia(caso.id, campiPieni(caso), "conferma")).status).toBe(303);
    expect((await risposta(() => pdfSede.loader(args(get(`/scrivania/${caso.id}/provvedimento.pdf`, dirigente), caso.id)))).status).toBe(200);
    for (const chi of [milano, mario]) {
      expect((await risposta(() => pdfSede.loader(args(get(`/scrivania/${caso.id}/provvedimento.pdf`, chi), caso.id)))).status).toBe(404);
    }
    expect((await risposta(() => pdfAzienda.loader(args(get(`/domande/${caso.id}/provvedimento.pdf`, laura), caso.id)))).status).toBe(404);
    expect((await risposta(() => pdfAzienda.loader(args(get(`/domande/${caso.id}/provvedimento.pdf?atto=abc`, mario), caso.id)))).status).toBe(404);
  });
});
