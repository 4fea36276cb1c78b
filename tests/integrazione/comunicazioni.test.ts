// Communications on a real database (issue 13): the thread of a domanda and the inboxes on every route for each side
// (own company yes, another company 404, an intermediary whose delega expired 404, an operator of another sede 404, the
// manager reads but does not write), unread counts per side, e-mails enqueued in the same transaction as the request,
// the decision and the Sede's message, reminders written once however often the job runs.
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { domande, eventiDomanda, richiesteIstruttoria } from "#db/schema";
import { db } from "#db/connection";
import { DIRIGENTE_PADOVA, LAURA_CONSULENTE, MARIO_ESEMPIO, OPERATORE_MILANO, OPERATORE_PADOVA } from "#db/seed/index";
import { addDays, oggiRoma } from "~/domain/date";
import * as filoAzienda from "~/routes/domande.$id.messaggi";
import * as filoSede from "~/routes/scrivania_.$id.messaggi";
import * as casellaAzienda from "~/routes/messaggi";
import * as casellaSede from "~/routes/scrivania.messaggi";
import * as sviluppoPosta from "~/routes/sviluppo.posta";
import type { Contesto } from "~/services/accesso.server";
import { conteggiNonLetti, nonLettiDomanda } from "~/services/comunicazioni/filo.server";
import { promemoria } from "~/services/comunicazioni/promemoria.server";
import { decidiDomanda, type InputDecisione } from "~/services/istruttoria/decisione.server";
import { richiediInformazioni } from "~/services/istruttoria/interlocuzione.server";
import { usaDatabaseDiTest } from "../database";
import { contesto, get, post, risposta, sessioneDi, type Identita } from "../richieste";
import { contestoDi, idAzienda } from "./domanda-completa";
import { casoInIstruttoria, inviata, leggiDomanda } from "./istruttoria-caso";

usaDatabaseDiTest();

let mario: Identita;
let marioC2: Identita;
let ctxMario: Contesto;
let operatore: Identita;
let ctxOperatore: Contesto;
let milano: Identita;
let dirigente: Identita;
let laura: Identita;
let c1: number;
let c2: number;
/** A sent CIGO of C1 (sede Padova) taken by the operator of Padova. */
let caso: number;
/** A sent domanda of C2, on which Laura's delega expired on 31/12/2025. */
let casoC2: number;

const args = (request: Request, id?: number) => ({ request, params: id === undefined ? {} : { id: String(id) }, context: contesto });

async function lavoriNotifica(domandaId: number): Promise<Array<{ a: string[]; oggetto: string; testo: string; voceId: number }>> {
  const r = (await db().execute(sql`select data from pgboss.job where name = 'notifica' and (data->>'domandaId')::int = ${domandaId} order by created_on`)) as unknown;
  const righe = (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows) as Array<{ data: unknown }>;
  return righe.map((x) => (typeof x.data === "string" ? JSON.parse(x.data) : x.data));
}

beforeAll(async () => {
  [c1, c2] = [await idAzienda("C1"), await idAzienda("C2")];
  mario = await sessioneDi(MARIO_ESEMPIO.codiceFiscale, "datore", c1);
  marioC2 = await sessioneDi(MARIO_ESEMPIO.codiceFiscale, "datore", c2);
  ctxMario = await contestoDi(mario);
  operatore = await sessioneDi(OPERATORE_PADOVA.codiceFiscale, "operatore_sede");
  ctxOperatore = await contestoDi(operatore);
  milano = await sessioneDi(OPERATORE_MILANO.codiceFiscale, "operatore_sede");
  dirigente = await sessioneDi(DIRIGENTE_PADOVA.codiceFiscale, "dirigente_sede");
  laura = await sessioneDi(LAURA_CONSULENTE.codiceFiscale, "intermediario");
  caso = (await casoInIstruttoria(ctxMario, c1, ctxOperatore)).id;
  casoC2 = (await inviata(await contestoDi(marioC2), c2)).id;
}, 120_000);

async function scriviAzienda(id: number, testo: string, chi = mario) {
  return risposta(() => filoAzienda.action(args(post(`/domande/${id}/messaggi`, { testo }, chi), id)));
}
async function scriviSede(id: number, testo: string, chi = operatore) {
  return risposta(() => filoSede.action(args(post(`/scrivania/${id}/messaggi`, { testo }, chi), id)));
}

describe("accesso al filo e alle caselle", () => {
  it("the company's side reads and writes its own thread; another company, an expired delega and the office get 404", async () => {
    expect((await risposta(() => filoAzienda.loader(args(get(`/domande/${caso}/messaggi`, mario), caso)))).status).toBe(200);
    expect((await scriviAzienda(caso, "Buongiorno, quando sarà decisa la domanda?")).status).toBe(303);
    // Laura holds no delega on C1; her delega on C2 expired on 31/12/2025.
    for (const [id, chi] of [[caso, laura], [casoC2, laura], [caso, marioC2]] as const) {
      expect((await risposta(() => filoAzienda.loader(args(get(`/domande/${id}/messaggi`, chi), id)))).status).toBe(404);
      expect((await scriviAzienda(id, "Messaggio non ammesso", chi)).status).toBe(404);
    }
    // The office has its own page for the thread.
    expect((await risposta(() => filoAzienda.loader(args(get(`/domande/${caso}/messaggi`, operatore), caso)))).status).toBe(404);
    expect((await scriviAzienda(caso, "Messaggio non ammesso", operatore)).status).toBe(404);
    const scritti = await db().select().from(eventiDomanda).where(and(eq(eventiDomanda.tipo, "messaggio"), eq(eventiDomanda.testo, "Messaggio non ammesso")));
    expect(scritti).toHaveLength(0);
  });

  it("the office by the assignment rule: Padova's operator writes, its manager reads only, Milan and the company's side get 404", async () => {
    expect((await risposta(() => filoSede.loader(args(get(`/scrivania/${caso}/messaggi`, operatore), caso)))).status).toBe(200);
    expect((await scriviSede(caso, "Buongiorno, la domanda è in esame.")).status).toBe(303);
    const letturaDirigente = await risposta(() => filoSede.loader(args(get(`/scrivania/${caso}/messaggi`, dirigente), caso)));
    expect(letturaDirigente.status).toBe(200);
    expect(((await letturaDirigente.json()) as { puoScrivere: boolean }).puoScrivere).toBe(false);
    expect((await scriviSede(caso, "Il dirigente non scrive", dirigente)).status).toBe(404);
    for (const chi of [milano, mario, laura]) {
      expect((await risposta(() => filoSede.loader(args(get(`/scrivania/${caso}/messaggi`, chi), caso)))).status).toBe(404);
      expect((await scriviSede(caso, "Messaggio non ammesso", chi)).status).toBe(404);
    }
  });

  it("inboxes: each side its own page, only its own domande", async () => {
    const aperta = async (m: typeof casellaAzienda | typeof casellaSede, percorso: string, chi: Identita) =>
      risposta(() => m.loader(args(get(percorso, chi))));
    const diMario = await aperta(casellaAzienda, "/messaggi", mario);
    expect(diMario.status).toBe(200);
    const righe = ((await diMario.json()) as { righe: Array<{ domandaId: number }> }).righe.map((r) => r.domandaId);
    expect(righe).toContain(caso);
    expect(righe).not.toContain(casoC2);
    const diLaura = ((await (await aperta(casellaAzienda, "/messaggi", laura)).json()) as { righe: Array<{ domandaId: number }> }).righe;
    expect(diLaura.map((r) => r.domandaId)).not.toContain(casoC2);
    expect((await aperta(casellaAzienda, "/messaggi", operatore)).status).toBe(404);
    const padova = ((await (await aperta(casellaSede, "/scrivania/messaggi", operatore)).json()) as { righe: Array<{ domandaId: number }> }).righe;
    expect(padova.map((r) => r.domandaId)).toContain(caso);
    const diMilano = ((await (await aperta(casellaSede, "/scrivania/messaggi", milano)).json()) as { righe: Array<{ domandaId: number }> }).righe;
    expect(diMilano.map((r) => r.domandaId)).not.toContain(caso);
    expect((await aperta(casellaSede, "/scrivania/messaggi", mario)).status).toBe(404);
  });

  it("a message that is empty or too long is refused with the GOV.UK error state (422), nothing written", async () => {
    const prima = await db().select().from(eventiDomanda).where(eq(eventiDomanda.domandaId, caso));
    const vuoto = await scriviAzienda(caso, "   ");
    expect(vuoto.status).toBe(422);
    expect(await vuoto.json()).toMatchObject({ conErrori: true, errori: { testo: "Scrivi il testo del messaggio" } });
    expect((await scriviAzienda(caso, "x".repeat(4001))).status).toBe(422);
    expect(await db().select().from(eventiDomanda).where(eq(eventiDomanda.domandaId, caso))).toHaveLength(prima.length);
  });

  it("the development mail page answers 404 unless the sink runs and the request is local", async () => {
    expect((await risposta(() => sviluppoPosta.loader({ request: get("/sviluppo/posta"), params: {}, context: { ...contesto, locale: true } }))).status).toBe(404);
    expect((await risposta(() => sviluppoPosta.loader({ request: get("/sviluppo/posta"), params: {}, context: contesto }))).status).toBe(404);
  });
});

describe("letti e non letti", () => {
  it("counts per side: a message of the Sede is new for the company until it opens the thread, and the other way round", async () => {
    const d = (await casoInIstruttoria(ctxMario, c1, ctxOperatore)).id;
    // Open both sides once: from here on, only what follows is new.
    await risposta(() => filoAzienda.loader(args(get(`/domande/${d}/messaggi`, mario), d)));
    await risposta(() => filoSede.loader(args(get(`/scrivania/${d}/messaggi`, operatore), d)));
    expect(await nonLettiDomanda("azienda", d)).toBe(0);
    expect(await nonLettiDomanda("sede", d)).toBe(0);
    const totaleMario = (await conteggiNonLetti(ctxMario)).totale;

    await scriviSede(d, "Serve una precisazione sulle ore richieste.");
    await scriviSede(d, "Grazie.");
    expect(await nonLettiDomanda("azienda", d)).toBe(2);
    expect(await nonLettiDomanda("sede", d)).toBe(0);
    const conteggi = await conteggiNonLetti(ctxMario);
    expect(conteggi.totale).toBe(totaleMario + 2);
    expect(conteggi.perAzienda[c1]).toBeGreaterThanOrEqual(2);
    // Laura's profile sees none of C1's (no delega): her count does not move.
    expect((await conteggiNonLetti(await contestoDi(laura))).perAzienda[c1]).toBeUndefined();

    const aperta = (await (await risposta(() => filoAzienda.loader(args(get(`/domande/${d}/messaggi`, mario), d)))).json()) as {
      voci: Array<{ nuova: boolean; testo: string | null }>;
      nonLetti: number;
    };
    expect(aperta.nonLetti).toBe(2);
    expect(aperta.voci.filter((v) => v.nuova).map((v) => v.testo)).toEqual(["Serve una precisazione sulle ore richieste.", "Grazie."]);
    expect(await nonLettiDomanda("azienda", d)).toBe(0);
    expect((await conteggiNonLetti(ctxMario)).totale).toBe(totaleMario);

    await scriviAzienda(d, "Le ore sono 40 per settimana.");
    expect(await nonLettiDomanda("sede", d)).toBe(1);
    // The manager's reading leaves it new for the operators.
    await risposta(() => filoSede.loader(args(get(`/scrivania/${d}/messaggi`, dirigente), d)));
    expect(await nonLettiDomanda("sede", d)).toBe(1);
    await risposta(() => filoSede.loader(args(get(`/scrivania/${d}/messaggi`, operatore), d)));
    expect(await nonLettiDomanda("sede", d)).toBe(0);
  });
});

describe("notifiche e-mail accodate", () => {
  const MOTIVAZIONE = "La contrazione degli ordini è documentata e transitoria: ricorrono i presupposti della causale.";

  it("the Sede's request, its message and the decision each enqueue one e-mail to the company's side, in their transaction", async () => {
    const d = await casoInIstruttoria(ctxMario, c1, ctxOperatore);
    expect(await lavoriNotifica(d.id)).toHaveLength(0);
    const richiesta = await richiediInformazioni(ctxOperatore, d.id, d.versione, { tipo: "supplemento_istruttorio", testo: "Inviate l'elenco degli ordini annullati nel trimestre.", documenti: [] });
    expect(richiesta.ok).toBe(true);
    const [prima] = await lavoriNotifica(d.id);
    expect(prima.oggetto).toContain("Richiesta di informazioni della Sede INPS");
    expect(prima.a).toContain("officinebrenta@pec.esempio.it");
    expect(prima.testo).toContain(`/domande/${d.id}/messaggi`);
    expect(prima.testo).toContain("risposta attesa entro il");
    // No text of the request (it may hold personal data): it is read on the platform.
    expect(prima.testo).not.toContain("ordini annullati");

    await scriviSede(d.id, "Vi ricordiamo la richiesta.");
    const dopoMessaggio = await lavoriNotifica(d.id);
    expect(dopoMessaggio).toHaveLength(2);
    expect(dopoMessaggio[1].oggetto).toContain("Nuovo messaggio della Sede INPS");
    expect(dopoMessaggio[1].testo).not.toContain("Vi ricordiamo");
    // What the company writes is not e-mailed back to it.
    await scriviAzienda(d.id, "Ricevuto, inviamo a breve.");
    expect(await lavoriNotifica(d.id)).toHaveLength(2);

    const caso2 = await casoInIstruttoria(ctxMario, c1, ctxOperatore);
    const periodo = (caso2.dati as { periodo: { dataInizio: string; dataFine: string; oreRichieste: number } }).periodo;
    const input: InputDecisione = {
      esito: "autorizzata", motivazione: MOTIVAZIONE, perCarenzaElementi: false,
      periodo: { inizio: periodo.dataInizio, fine: periodo.dataFine }, oreAutorizzate: periodo.oreRichieste,
      esclusi: [], giorniEsclusi: [], motivoGiorni: "", motivoPeriodo: "", motivoOre: "", modalitaPagamento: "conguaglio",
    };
    expect((await decidiDomanda(ctxOperatore, caso2.id, caso2.versione, input)).ok).toBe(true);
    const decisione = await lavoriNotifica(caso2.id);
    expect(decisione).toHaveLength(1);
    expect(decisione[0].oggetto).toContain("Decisione sulla domanda");
    expect(decisione[0].testo).toContain("Domanda autorizzata: provvedimento n.");

    // A refused decision (stale version) rolls back: no e-mail.
    expect((await decidiDomanda(ctxOperatore, caso2.id, caso2.versione, input)).ok).toBe(false);
    expect(await lavoriNotifica(caso2.id)).toHaveLength(1);
  });
});

describe("promemoria", () => {
  it("a draft untouched for 7 days is reminded once, in its thread and by e-mail; changed and left again, once more", async () => {
    const bozza = (await db().insert(domande).values({ aziendaId: c1, prestazione: "CIGO", creataDa: ctxMario.utente.id }).returning())[0];
    const oggi = new Date();
    await db().update(domande).set({ aggiornataIl: new Date(oggi.getTime() - 6 * 86_400_000) }).where(eq(domande.id, bozza.id));
    await promemoria(oggi);
    expect(await promemoriaDi(bozza.id)).toHaveLength(0);
    await db().update(domande).set({ aggiornataIl: new Date(oggi.getTime() - 8 * 86_400_000) }).where(eq(domande.id, bozza.id));
    await promemoria(oggi);
    await promemoria(oggi);
    await Promise.all([promemoria(oggi), promemoria(oggi)]);
    const scritti = await promemoriaDi(bozza.id);
    expect(scritti).toHaveLength(1);
    expect(scritti[0].descrizione).toContain("la bozza non è stata modificata dal");
    expect(scritti[0].lato).toBe("sistema");
    expect(await lavoriNotifica(bozza.id)).toHaveLength(1);
    // The company sees it as new in the thread.
    expect(await nonLettiDomanda("azienda", bozza.id)).toBe(1);
    // Changed again and left for 7 more days: a second reminder.
    await db().update(domande).set({ aggiornataIl: new Date(Date.now() + 60_000) }).where(eq(domande.id, bozza.id));
    await promemoria(new Date(oggi.getTime() + 6 * 86_400_000));
    expect(await promemoriaDi(bozza.id)).toHaveLength(1);
    const dopo = new Date(oggi.getTime() + 8 * 86_400_000);
    await promemoria(dopo);
    await promemoria(dopo);
    expect(await promemoriaDi(bozza.id)).toHaveLength(2);
  });

  it("the Sede's request is reminded 5 days and 1 day before its deadline, each once, and not after it", async () => {
    const d = await casoInIstruttoria(ctxMario, c1, ctxOperatore);
    expect((await richiediInformazioni(ctxOperatore, d.id, d.versione, { tipo: "documentale", testo: "Inviate le buste paga di gennaio dei lavoratori.", documenti: ["Buste paga"] })).ok).toBe(true);
    const [r] = await db().select().from(richiesteIstruttoria).where(eq(richiesteIstruttoria.domandaId, d.id));
    const giorno = (delta: number) => new Date(`${addDays(r.scadenza, delta)}T10:00:00+01:00`);
    await promemoria(giorno(-6));
    expect(await promemoriaDi(d.id)).toHaveLength(0);
    await promemoria(giorno(-5));
    await promemoria(giorno(-4));
    await promemoria(giorno(-2));
    expect((await promemoriaDi(d.id)).map((p) => p.chiave)).toEqual([`richiesta:${r.id}:T-5`]);
    await promemoria(giorno(-1));
    await promemoria(giorno(0));
    await promemoria(giorno(1));
    const scritti = await promemoriaDi(d.id);
    expect(scritti.map((p) => p.chiave)).toEqual([`richiesta:${r.id}:T-5`, `richiesta:${r.id}:T-1`]);
    expect(scritti[1].descrizione).toContain("manca 1 giorno");
    // One e-mail for the request, one per reminder.
    expect((await lavoriNotifica(d.id)).map((l) => l.oggetto.split(":")[0])).toEqual([
      "OMNIA IS — Richiesta di informazioni della Sede INPS",
      "OMNIA IS — Promemoria",
      "OMNIA IS — Promemoria",
    ]);
  });

  it("the conguaglio of an authorisation is reminded 15 days before its decadence, once", async () => {
    const d = await casoInIstruttoria(ctxMario, c1, ctxOperatore);
    const periodo = (d.dati as { periodo: { dataInizio: string; dataFine: string; oreRichieste: number } }).periodo;
    const input: InputDecisione = {
      esito: "autorizzata", motivazione: "La contrazione degli ordini è documentata e transitoria: ricorrono i presupposti.", perCarenzaElementi: false,
      periodo: { inizio: periodo.dataInizio, fine: periodo.dataFine }, oreAutorizzate: periodo.oreRichieste,
      esclusi: [], giorniEsclusi: [], motivoGiorni: "", motivoPeriodo: "", motivoOre: "", modalitaPagamento: "conguaglio",
    };
    expect((await decidiDomanda(ctxOperatore, d.id, d.versione, input)).ok).toBe(true);
    const { scadenzaConguaglio } = await import("~/domain/scadenze-flussi");
    const decisa = await leggiDomanda(d.id);
    const scadenza = scadenzaConguaglio({ fineAutorizzazione: periodo.dataFine, dataProvvedimento: oggiRoma(decisa.decisaIl!), oggi: oggiRoma(new Date()) }).scadenza;
    const giorno = (delta: number) => new Date(`${addDays(scadenza, delta)}T10:00:00+01:00`);
    await promemoria(giorno(-16));
    expect((await promemoriaDi(d.id)).filter((p) => p.chiave?.startsWith("conguaglio:"))).toHaveLength(0);
    await promemoria(giorno(-15));
    await promemoria(giorno(-3));
    const scritti = (await promemoriaDi(d.id)).filter((p) => p.chiave?.startsWith("conguaglio:"));
    expect(scritti).toHaveLength(1);
    expect(scritti[0].descrizione).toContain("Il conguaglio dell'autorizzazione va esposto entro il");
  });

  it("the direct-payment data of an authorisation are reminded 15 days before their decadence, once per month", async () => {
    const d = await casoInIstruttoria(ctxMario, c1, ctxOperatore);
    const periodo = (d.dati as { periodo: { dataInizio: string; dataFine: string; oreRichieste: number } }).periodo;
    // An act in force with direct payment (the decision's own checks are the istruttoria tests'), decided today.
    const decisaIl = new Date();
    await db().execute(sql`
      insert into provvedimenti (domanda_id, numero, ticket, esito, motivazione, periodo_inizio, periodo_fine, ore_autorizzate, modalita_pagamento, data_decisione, deciso_da, pdf, pdf_sha256)
      select id, ticket || '-PD', ticket, 'autorizzata', 'Prova del promemoria.', ${periodo.dataInizio}, ${periodo.dataFine}, ${periodo.oreRichieste}, 'diretto',
             ${oggiRoma(decisaIl)}, ${ctxOperatore.utente.id}, '\\x00'::bytea, repeat('0', 64)
      from domande where id = ${d.id}`);
    const { scadenzaPagamentoDiretto } = await import("~/domain/scadenze-flussi");
    const mese = `${periodo.dataInizio.slice(0, 7)}-01`;
    const scadenza = scadenzaPagamentoDiretto({ competenza: mese, dataNotificaAutorizzazione: oggiRoma(decisaIl), oggi: oggiRoma(new Date()) }).scadenza;
    const giorno = (delta: number) => new Date(`${addDays(scadenza, delta)}T10:00:00+01:00`);
    const delMese = async () => (await promemoriaDi(d.id)).filter((p) => p.chiave?.startsWith("pagamento-diretto:") && p.chiave.endsWith(`:${mese.slice(0, 7)}`));
    await promemoria(giorno(-16));
    expect(await delMese()).toHaveLength(0);
    await promemoria(giorno(-15));
    await promemoria(giorno(-3));
    const scritti = await delMese();
    expect(scritti).toHaveLength(1);
    expect(scritti[0].descrizione).toMatch(/^Promemoria: /);
    // Its e-mail, in the same transaction as the thread entry.
    expect((await lavoriNotifica(d.id)).some((l) => l.oggetto.startsWith("OMNIA IS — Promemoria"))).toBe(true);
  });
});

function promemoriaDi(domandaId: number) {
  return db()
    .select()
    .from(eventiDomanda)
    .where(and(eq(eventiDomanda.domandaId, domandaId), eq(eventiDomanda.tipo, "promemoria")))
    .orderBy(eventiDomanda.id);
}
