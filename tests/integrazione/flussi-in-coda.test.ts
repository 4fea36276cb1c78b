// Flows above the synchronous limit (issue 12): the upload stores the whole file and answers 303 to a progress page
// (meta refresh while the job runs, none once done, then the report); the job checks the stored file; a job stopped
// after some batches resumes from the last committed one and never accepts a return twice; who may see the progress.
// Real requests on the route modules, the job's function run here as the queue would run it.
import { and, eq, sql } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { denunceCig, fileFlussiCig, flussiCig, flussiCigDomande, scartiFlussoCig, type Domanda } from "#db/schema";
import { db } from "#db/connection";
import { DIRIGENTE_PADOVA, LAURA_CONSULENTE, MARIO_ESEMPIO, OPERATORE_MILANO, OPERATORE_PADOVA } from "#db/seed/index";
import * as elenco from "~/routes/flussi._index";
import * as rapporto from "~/routes/flussi.$id";
import * as avanzamento from "~/routes/flussi.$id_.avanzamento";
import type { Contesto } from "~/services/accesso.server";
import { BLOCCO_TICKET, elaboraFlussoInCoda, riceviFlusso, rimuoviCaricamentiInterrotti, riprendiFlussiFermi } from "~/services/flussi/invio-flusso.server";
import { leggiFlussoCsv } from "~/services/flussi/lettura.server";
import { chiaveDenuncia, type DenunciaCig } from "~/domain/flussi/denuncia";
import { avviaLavori } from "~/services/lavori/avvio.server";
import { connessioneCorrente, righeDi as righeSql } from "#db/connection";
import { usaDatabaseDiTest } from "../database";
import { contesto, get, ORIGINE, risposta, sessioneDi, type Identita } from "../richieste";
import { contestoDi, idAzienda, MATRICOLE } from "./domanda-completa";
import { domandaDiretta, righeDi, type Riga } from "./flusso-cig";

usaDatabaseDiTest();

let mario: Identita;
let ctxMario: Contesto;
let c1: number;

beforeAll(async () => {
  c1 = await idAzienda("C1");
  mario = await sessioneDi(MARIO_ESEMPIO.codiceFiscale, "datore", c1);
  ctxMario = await contestoDi(mario);
});

afterEach(() => {
  delete process.env.OMNIA_FLUSSI_LIMITE_SINCRONO;
});

const QUALIFICHE = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
/** A classification of its own for return i of a series: every good return has its own key. */
function inquadramento(i: number, serie: number): string {
  const q = (n: number) => QUALIFICHE[n % 36];
  return `${q(i)};${q(Math.floor(i / 36))};${q(Math.floor(i / 1296))};${q(serie)}${q(Math.floor(i / 46656))}`;
}

/**
 * A CSV flow of n returns on the domanda's workers: good ones (one hundredth of an hour each, a key of their own), a
 * rejected one every 7th (a worker not in the domanda) and, if asked, the repetition of an earlier return's key.
 */
function csv(d: Domanda, competenza: string, righe: Riga[], n: number, serie: number, ripeti: Array<[numero: number, di: number]> = []): string {
  const giorno = righe[0].giorni[0];
  const linee = [`Matricola;AnnoMeseDenuncia;CFLavoratore;Cognome;Nome;Qualifica1;Qualifica2;Qualifica3;TipoContribuzione;OrarioContrattuale;IBAN;Ticket;DetrazLavDip;DetrazCarichiFam;OreCigGG${giorno}`];
  const riga = (i: number) => {
    const r = righe[i % righe.length];
    const cf = i % 7 === 6 ? "RSSMRA85T10A562S" : r.cf;
    return `${MATRICOLE.C1};${competenza};${cf};ESEMPIO;LAVORATORE;${inquadramento(Math.floor(i / righe.length) * 10 + (i % righe.length), serie)};${r.orario};${r.iban};${d.ticket};S;S;1`;
  };
  const ripetute = new Map(ripeti);
  for (let i = 0; i < n; i++) linee.push(riga(ripetute.get(i) ?? i));
  return linee.join("\n") + "\n";
}

function carica(testo: string, nome: string, chi: Identita): Request {
  const form = new FormData();
  form.set("csrf", chi.csrf);
  form.append("file", new File([testo], nome, { type: "text/csv" }));
  return new Request(`${ORIGINE}/flussi?index`, { method: "POST", headers: { Cookie: chi.cookie, Origin: ORIGINE }, body: form });
}
const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: contesto });

async function* pezzi(testo: string): AsyncGenerator<Uint8Array> {
  const b = Buffer.from(testo);
  for (let i = 0; i < b.byteLength; i += 65_536) yield b.subarray(i, i + 65_536);
}

async function flusso(id: number) {
  const [f] = await db().select().from(flussiCig).where(eq(flussiCig.id, id));
  return f;
}

async function pagina(id: number, chi: Identita, ricerca = "") {
  return risposta(() => avanzamento.loader(args(get(`/flussi/${id}/avanzamento${ricerca}`, chi), { id: String(id) })));
}

function metaDi(dati: unknown) {
  return avanzamento.meta({ data: dati } as Parameters<typeof avanzamento.meta>[0]);
}

describe("flussi oltre il limite sincrono", () => {
  it("più di 10.000 denunce: salvato per intero, 303 alla pagina di avanzamento che si ricarica da sola; il lavoro lo controlla, poi il rapporto", async () => {
    const d = await domandaDiretta(ctxMario, c1);
    const { competenza, righe } = await righeDi(d);
    const testo = csv(d, competenza, righe, 10_001, 1);
    const r = await risposta(() => elenco.action(args(carica(testo, "grande.csv", mario))));
    expect(r.status).toBe(303);
    const posizione = r.headers.get("Location")!;
    expect(posizione).toMatch(/^\/flussi\/\d+\/avanzamento$/);
    const id = Number(posizione.split("/")[2]);

    // Stored whole before any return is checked, and queued.
    const f = await flusso(id);
    expect(f).toMatchObject({ stato: "in_coda", denunce: 0, denunceAttese: 10_001 });
    const parti = await db().select({ dati: fileFlussiCig.dati }).from(fileFlussiCig).where(eq(fileFlussiCig.flussoId, id)).orderBy(fileFlussiCig.parte);
    expect(Buffer.concat(parti.map((p) => p.dati)).toString()).toBe(testo);
    const lavori = (await db().execute(sql`select data from pgboss.job where name = 'flusso'`)) as unknown;
    const righeLavori = (Array.isArray(lavori) ? lavori : (lavori as { rows: unknown[] }).rows) as Array<{ data: { flussoId: number } }>;
    expect(righeLavori.map((l) => l.data.flussoId)).toContain(id);

    // The progress page while the job has not run: 0 of 10,001; it reloads itself (meta refresh) only once the user
    // asked for it (WCAG 2.2.1); the report sends back to it.
    const inAttesa = await (await pagina(id, mario)).json();
    expect(inAttesa).toMatchObject({ inCorso: true, automatico: false, fatte: 0, totale: 10_001, stato: "In attesa del controllo" });
    expect(metaDi(inAttesa)).toEqual([]);
    const automatica = await (await pagina(id, mario, "?aggiorna=automatico")).json();
    expect(automatica).toMatchObject({ inCorso: true, automatico: true });
    expect(metaDi(automatica)).toEqual([{ httpEquiv: "refresh", content: "5" }]);
    const prima = await risposta(() => rapporto.loader(args(get(`/flussi/${id}`, mario), { id: String(id) })));
    expect(prima.status).toBe(303);
    expect(prima.headers.get("Location")).toBe(`/flussi/${id}/avanzamento`);

    // Halfway (the job stopped after two batches): the page says how many are done.
    await expect(elaboraFlussoInCoda(id, { dopoLotto: (n) => { if (n === 2) throw new Error("arresto simulato"); } })).rejects.toThrow("arresto simulato");
    const aMeta = await (await pagina(id, mario)).json();
    expect(aMeta).toMatchObject({ inCorso: true, fatte: 1_000, totale: 10_001, stato: "In elaborazione" });

    await elaboraFlussoInCoda(id);
    const fatto = await (await pagina(id, mario)).json();
    const scartate = Math.floor((10_001 + 1) / 7);
    expect(fatto).toMatchObject({ inCorso: false, fatte: 10_001, accolte: 10_001 - scartate, scartate, stato: "Completato", mittente: true });
    expect(metaDi(fatto)).toEqual([]);
    // Done: no reload even if it was asked for.
    expect(metaDi(await (await pagina(id, mario, "?aggiorna=automatico")).json())).toEqual([]);
    const esito = await (await risposta(() => rapporto.loader(args(get(`/flussi/${id}`, mario), { id: String(id) })))).json();
    expect(esito.esito).toMatchObject({ denunce: 10_001, accolte: 10_001 - scartate, scartate });
    // The stored file is gone; every accepted return is there once.
    expect(await db().$count(fileFlussiCig, eq(fileFlussiCig.flussoId, id))).toBe(0);
    expect(await db().$count(denunceCig, eq(denunceCig.flussoId, id))).toBe(10_001 - scartate);
  }, 240_000);

  it("un lavoro interrotto dopo alcuni lotti riprende dall'ultimo scritto: stesse accolte e stessi scarti di un controllo senza interruzioni, nessuna denuncia due volte", async () => {
    process.env.OMNIA_FLUSSI_LIMITE_SINCRONO = "100";
    const d = await domandaDiretta(ctxMario, c1);
    const { competenza, righe } = await righeDi(d);
    // 1,700 returns (four batches), the key of return 10 repeated at 1,200 (after the stop): rejected as a duplicate.
    const testo = csv(d, competenza, righe, 1_700, 2, [[1_200, 10]]);
    // The reference: the same file checked without sending, nothing stored.
    const prova = await riceviFlusso(ctxMario, { nome: "grande.csv", formato: "csv", contenuto: pezzi(testo) }, { prova: true });
    if (!prova.ok) throw new Error("la prova non riesce");
    expect(prova.valore.scarti.some((s) => s.riga === 1_202)).toBe(true);

    const r = await risposta(() => elenco.action(args(carica(testo, "grande.csv", mario))));
    expect(r.status).toBe(303);
    const id = Number(r.headers.get("Location")!.split("/")[2]);
    // A crash after two batches (the third never committed), then the job again: twice stopped, then to the end.
    await expect(elaboraFlussoInCoda(id, { dopoLotto: (n) => { if (n === 2) throw new Error("arresto simulato"); } })).rejects.toThrow();
    expect(await flusso(id)).toMatchObject({ stato: "in_corso", denunce: 1_000 });
    await expect(elaboraFlussoInCoda(id, { dopoLotto: () => { throw new Error("arresto simulato"); } })).rejects.toThrow();
    expect(await flusso(id)).toMatchObject({ stato: "in_corso", denunce: 1_500 });
    await elaboraFlussoInCoda(id);
    // A job that runs again on a completed flow does nothing.
    await elaboraFlussoInCoda(id);

    const f = await flusso(id);
    expect(f).toMatchObject({ stato: "completato", denunce: 1_700, accolte: prova.valore.accolte, scartate: prova.valore.scartate, conAvvisi: prova.valore.conAvvisi });
    const accolte = await db().select({ chiave: denunceCig.chiave, riga: denunceCig.riga }).from(denunceCig).where(eq(denunceCig.flussoId, id));
    expect(accolte).toHaveLength(prova.valore.accolte);
    expect(new Set(accolte.map((a) => a.chiave)).size).toBe(accolte.length);
    const scarti = await db().select({ riga: scartiFlussoCig.riga, codice: scartiFlussoCig.codice }).from(scartiFlussoCig).where(eq(scartiFlussoCig.flussoId, id)).orderBy(scartiFlussoCig.riga);
    expect(scarti).toEqual(prova.valore.scarti.map((s) => ({ riga: s.riga, codice: s.codice })));
    expect(await db().$count(scartiFlussoCig, and(eq(scartiFlussoCig.flussoId, id), eq(scartiFlussoCig.riga, 1_202)))).toBe(1);
  }, 240_000);

  it("due lavori sullo stesso flusso insieme (uno ripreso dopo la scadenza): uno lo conclude, l'altro si ferma senza scrivere; ogni denuncia una volta", async () => {
    process.env.OMNIA_FLUSSI_LIMITE_SINCRONO = "100";
    const d = await domandaDiretta(ctxMario, c1);
    const { competenza, righe } = await righeDi(d);
    const testo = csv(d, competenza, righe, 1_200, 4);
    const r = await riceviFlusso(ctxMario, { nome: "doppio.csv", formato: "csv", contenuto: pezzi(testo) }, { prova: false });
    if (!r.ok || !r.valore.inCoda) throw new Error("il flusso non va in coda");
    const id = r.valore.flussoId!;
    await Promise.all([elaboraFlussoInCoda(id), elaboraFlussoInCoda(id)]);
    const f = await flusso(id);
    expect(f).toMatchObject({ stato: "completato", denunce: 1_200 });
    const accolte = await db().select({ chiave: denunceCig.chiave }).from(denunceCig).where(eq(denunceCig.flussoId, id));
    expect(accolte).toHaveLength(f.accolte);
    expect(new Set(accolte.map((a) => a.chiave)).size).toBe(accolte.length);
    expect(await db().$count(scartiFlussoCig, eq(scartiFlussoCig.flussoId, id))).toBe(f.scartate);
  }, 240_000);

  it("all'avvio i flussi fermi a metà hanno di nuovo un lavoro", async () => {
    process.env.OMNIA_FLUSSI_LIMITE_SINCRONO = "10";
    const d = await domandaDiretta(ctxMario, c1);
    const { competenza, righe } = await righeDi(d);
    const r = await riceviFlusso(ctxMario, { nome: "fermo.csv", formato: "csv", contenuto: pezzi(csv(d, competenza, righe, 30, 3)) }, { prova: false });
    if (!r.ok || !r.valore.inCoda) throw new Error("il flusso non va in coda");
    const id = r.valore.flussoId!;
    const conta = async () => {
      const x = (await db().execute(sql`select count(*)::int as n from pgboss.job where name = 'flusso' and (data->>'flussoId')::int = ${id}`)) as unknown;
      return Number(((Array.isArray(x) ? x : (x as { rows: unknown[] }).rows) as Array<{ n: number }>)[0].n);
    };
    expect(await conta()).toBe(1);
    expect(await riprendiFlussiFermi()).toBeGreaterThanOrEqual(1);
    expect(await conta()).toBe(2);
    await elaboraFlussoInCoda(id);
    expect((await flusso(id)).stato).toBe("completato");
  });

  it("la pagina di avanzamento: chi ha inviato e gli uffici della sede competente per le aziende del flusso; nessun altro", async () => {
    process.env.OMNIA_FLUSSI_LIMITE_SINCRONO = "10";
    const d = await domandaDiretta(ctxMario, c1);
    const { competenza, righe } = await righeDi(d);
    const r = await riceviFlusso(ctxMario, { nome: "accessi.csv", formato: "csv", contenuto: pezzi(csv(d, competenza, righe, 30, 4)) }, { prova: false });
    if (!r.ok) throw new Error("il flusso non si invia");
    const id = r.valore.flussoId!;
    const operatore = await sessioneDi(OPERATORE_PADOVA.codiceFiscale, "operatore_sede");
    const dirigente = await sessioneDi(DIRIGENTE_PADOVA.codiceFiscale, "dirigente_sede");
    const milano = await sessioneDi(OPERATORE_MILANO.codiceFiscale, "operatore_sede");
    const laura = await sessioneDi(LAURA_CONSULENTE.codiceFiscale, "intermediario");
    // Before the job has read a return the flow's companies are not known: the office does not see it yet.
    expect((await pagina(id, operatore)).status).toBe(404);
    await elaboraFlussoInCoda(id);
    expect((await pagina(id, mario)).status).toBe(200);
    const vistaUfficio = await (await pagina(id, operatore)).json();
    expect(vistaUfficio).toMatchObject({ mittente: false, inCorso: false, fatte: 30 });
    expect((await pagina(id, dirigente)).status).toBe(200);
    expect((await pagina(id, milano)).status).toBe(404);
    expect((await pagina(id, laura)).status).toBe(404);
    expect((await risposta(() => avanzamento.loader(args(get(`/flussi/${id}/avanzamento`), { id: String(id) })))).headers.get("Location")).toMatch(/^\/accedi/);
    expect((await pagina(Number.MAX_SAFE_INTEGER, mario)).status).toBe(404);
    expect((await risposta(() => avanzamento.loader(args(get("/flussi/abc/avanzamento", mario), { id: "abc" })))).status).toBe(404);
  });
});

describe("lotti di un flusso e altri flussi dello stesso ticket", () => {
  const suPostgres = inject("modelloDb").tipo === "postgres";

  // Each batch reads the returns other flows accepted only once it holds its tickets' lock. Another flow's batch holds
  // the lock of the ticket and accepts a return the file also carries; it commits only once this flow waits for the
  // lock: that return must then be refused as already accepted, never written twice (with the reads before the lock,
  // the batch missed it and its COPY failed on the unique key).
  it.skipIf(!suPostgres)("un lotto legge le denunce degli altri flussi solo dopo aver preso il lock del ticket", async () => {
    const d = await domandaDiretta(ctxMario, c1);
    const { competenza, righe } = await righeDi(d);
    // 1,200 returns, three batches.
    const testo = csv(d, competenza, righe, 1_200, 7);
    const lette: DenunciaCig[] = [];
    for await (const v of leggiFlussoCsv(pezzi(testo))) if (v.tipo === "denuncia" && v.lettura.ok) lette.push(v.lettura.denuncia);
    const doppia = lette[3];

    let rilascia!: () => void;
    const cancello = new Promise<void>((r) => (rilascia = r));
    let bloccato!: () => void;
    const preso = new Promise<void>((r) => (bloccato = r));
    const altro = db().transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${BLOCCO_TICKET}::int, hashtext(${d.ticket}))`);
      const [f] = await tx.insert(flussiCig).values({ inviatoDa: ctxMario.utente.id, ruolo: "datore", nomeFile: "altro.csv", formato: "csv", versioneSchema: "1", stato: "completato" }).returning({ id: flussiCig.id });
      await tx.insert(flussiCigDomande).values({ flussoId: f.id, domandaId: d.id, aziendaId: c1 });
      await tx.insert(denunceCig).values({
        flussoId: f.id, riga: 2, chiave: chiaveDenuncia(doppia), aziendaId: c1, domandaId: d.id, ticket: d.ticket!, codiceFiscale: doppia.cfLavoratore,
        competenza: `${competenza}-01`, oreCentesimi: 1, iban: doppia.iban!, dati: doppia,
      });
      bloccato();
      await cancello;
    });
    await preso;
    const invio = riceviFlusso(ctxMario, { nome: "insieme.csv", formato: "csv", contenuto: pezzi(testo) }, { prova: false });
    // The flow's first batch waits for the ticket's lock (PostgreSQL shows it waiting), then the other flow commits.
    for (let i = 0; i < 200; i++) {
      const [attese] = righeSql<{ n: number }>(await db().execute(sql`select count(*)::int as n from pg_locks where locktype = 'advisory' and not granted`));
      if (attese.n > 0) break;
      await new Promise((ok) => setTimeout(ok, 25));
    }
    rilascia();
    await altro;

    const r = await invio;
    if (!r.ok) throw new Error("il flusso non si invia");
    const scartate = Math.floor((1_200 + 1) / 7) + 1;
    expect(r.valore).toMatchObject({ denunce: 1_200, accolte: 1_200 - scartate, scartate });
    expect(r.valore.scarti.find((x) => x.riga === doppia.riga)?.codice).toBe("UNI41-E070");
    expect(await db().$count(denunceCig, eq(denunceCig.chiave, chiaveDenuncia(doppia)))).toBe(1);
  }, 120_000);
});

describe("caricamenti interrotti", () => {
  /** The upload page's multipart body, cut off (the stream errors, as the server's adapter does when the client goes) after `taglio` bytes of the file. */
  function caricaInterrotto(testo: string, taglio: number, chi: Identita, primaDelTaglio?: () => Promise<void>): Request {
    const confine = "----confine-di-prova";
    const testa = `--${confine}\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n${chi.csrf}\r\n--${confine}\r\nContent-Disposition: form-data; name="file"; filename="interrotto.csv"\r\nContent-Type: text/csv\r\n\r\n`;
    const file = Buffer.from(testo).subarray(0, taglio);
    let inviati = 0;
    const corpo = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(Buffer.from(testa));
      },
      async pull(c) {
        if (inviati >= file.byteLength) {
          await primaDelTaglio?.();
          c.error(new Error("aborted"));
          return;
        }
        c.enqueue(file.subarray(inviati, inviati + 65_536));
        inviati += 65_536;
      },
    });
    return new Request(`${ORIGINE}/flussi?index`, {
      method: "POST",
      headers: { Cookie: chi.cookie, Origin: ORIGINE, "Content-Type": `multipart/form-data; boundary=${confine}` },
      body: corpo,
      duplex: "half",
    } as RequestInit);
  }

  it("un invio che si interrompe a metà mentre il file è salvato non lascia né il flusso né le sue parti; la risposta è 400", async () => {
    process.env.OMNIA_FLUSSI_LIMITE_SINCRONO = "100";
    const d = await domandaDiretta(ctxMario, c1);
    const { competenza, righe } = await righeDi(d);
    const testo = csv(d, competenza, righe, 20_000, 6);
    const flussiPrima = await db().$count(flussiCig);
    // Cut after 2.5 MB: past the synchronous limit, with two 1 MB parts already stored when the client goes.
    let partiAlTaglio = 0;
    const r = await risposta(() =>
      elenco.action(args(caricaInterrotto(testo, 2_500_000, mario, async () => {
        partiAlTaglio = await db().$count(fileFlussiCig);
      }))),
    );
    expect(partiAlTaglio).toBe(2);
    expect(r.status).toBe(400);
    expect(await db().$count(flussiCig)).toBe(flussiPrima);
    expect(await db().$count(fileFlussiCig)).toBe(0);
    // The CSV path too: a body that breaks before the limit is read leaves nothing either.
    process.env.OMNIA_FLUSSI_LIMITE_SINCRONO = "100000";
    expect((await risposta(() => elenco.action(args(caricaInterrotto(testo, 200_000, mario))))).status).toBe(400);
    expect(await db().$count(flussiCig)).toBe(flussiPrima);
  });

  it("un caricamento rimasto a metà da un processo fermato è tolto dal lavoro orario con le sue parti dopo un'ora; gli altri flussi restano", async () => {
    const base = { inviatoDa: ctxMario.utente.id, ruolo: "datore", aziendaId: c1, formato: "csv" as const, versioneSchema: "omnia-uniemens-cig-1.0" };
    const ora = new Date();
    const fa = (minuti: number) => new Date(ora.getTime() - minuti * 60_000);
    const [vecchio, recente, inCoda] = await db()
      .insert(flussiCig)
      .values([
        { ...base, nomeFile: "fermo.csv", stato: "caricamento", ricevutoIl: fa(61) },
        { ...base, nomeFile: "in-arrivo.csv", stato: "caricamento", ricevutoIl: fa(2) },
        { ...base, nomeFile: "in-coda.csv", stato: "in_coda", denunceAttese: 1, ricevutoIl: fa(120) },
      ])
      .returning({ id: flussiCig.id });
    for (const f of [vecchio, recente, inCoda]) {
      await db().insert(fileFlussiCig).values([0, 1].map((parte) => ({ flussoId: f.id, parte, dati: Buffer.from("Matricola;...") })));
    }
    expect(await rimuoviCaricamentiInterrotti(ora)).toBe(1);
    expect(await flusso(vecchio.id)).toBeUndefined();
    expect(await db().$count(fileFlussiCig, eq(fileFlussiCig.flussoId, vecchio.id))).toBe(0);
    expect((await flusso(recente.id)).stato).toBe("caricamento");
    expect(await db().$count(fileFlussiCig, eq(fileFlussiCig.flussoId, recente.id))).toBe(2);
    expect((await flusso(inCoda.id)).stato).toBe("in_coda");
    expect(await db().$count(fileFlussiCig, eq(fileFlussiCig.flussoId, inCoda.id))).toBe(2);
    // The job again finds nothing more to do; an hour later the other upload goes too.
    expect(await rimuoviCaricamentiInterrotti(ora)).toBe(0);
    expect(await rimuoviCaricamentiInterrotti(new Date(ora.getTime() + 60 * 60_000))).toBe(1);
    await db().delete(flussiCig).where(eq(flussiCig.id, inCoda.id));
  });
});

describe("il lavoro nella coda dell'app", () => {
  it("i lavori del processo (pg-boss) prendono il flusso in coda e lo concludono", async () => {
    process.env.OMNIA_FLUSSI_LIMITE_SINCRONO = "10";
    const d = await domandaDiretta(ctxMario, c1);
    const { competenza, righe } = await righeDi(d);
    const r = await risposta(() => elenco.action(args(carica(csv(d, competenza, righe, 40, 5), "coda.csv", mario))));
    const id = Number(r.headers.get("Location")!.split("/")[2]);
    const lavori = await avviaLavori(connessioneCorrente(), { intervalloSecondi: 0.5, pianificazioni: false, riprendiFlussi: false });
    try {
      const fine = Date.now() + 60_000;
      while ((await flusso(id)).stato !== "completato" && Date.now() < fine) await new Promise((ok) => setTimeout(ok, 250));
    } finally {
      await lavori.ferma();
    }
    expect(await flusso(id)).toMatchObject({ stato: "completato", denunce: 40, scartate: Math.floor(41 / 7) });
  }, 90_000);

  it("il lavoratore del processo prende il flusso appena caricato, senza aspettare il suo prossimo giro della coda", async () => {
    process.env.OMNIA_FLUSSI_LIMITE_SINCRONO = "10";
    const d = await domandaDiretta(ctxMario, c1);
    const { competenza, righe } = await righeDi(d);
    // A poll every 60 s: the worker has just looked at the empty queue when the file arrives.
    const lavori = await avviaLavori(connessioneCorrente(), { intervalloSecondi: 60, pianificazioni: false, riprendiFlussi: false });
    try {
      await new Promise((ok) => setTimeout(ok, 500));
      const r = await risposta(() => elenco.action(args(carica(csv(d, competenza, righe, 40, 6), "sveglia.csv", mario))));
      const id = Number(r.headers.get("Location")!.split("/")[2]);
      const fine = Date.now() + 20_000;
      while ((await flusso(id)).stato !== "completato" && Date.now() < fine) await new Promise((ok) => setTimeout(ok, 100));
      expect(await flusso(id)).toMatchObject({ stato: "completato", denunce: 40 });
    } finally {
      await lavori.ferma();
    }
  }, 90_000);
});
