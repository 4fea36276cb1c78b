// (6) Concurrent submissions on PostgreSQL (issue 8, point 7): N drafts that can each be sent, among them pairs on the
// same unit and the same days, are posted to /domande/:id/invio at the same instant over HTTP, each with its own
// idempotency key, as N browsers would. Reported: latency of each POST (p50, p99, max), how many were stored, lost
// (acknowledged with 303 but not sent in the database), protocol numbers given twice, and for each overlapping pair
// whether exactly one won. The drafts are made in this process with the services the step routes use (the fixture
// of the integration tests), on the same database the server uses; nothing is timed while they are made.
import { connect, type Socket } from "node:net";
import { loadavg } from "node:os";
import { and, asc, eq, inArray, isNull, lte, or, gte } from "drizzle-orm";
import { apriPostgres, type Connessione } from "#db/client";
import { impostaConnessione } from "#db/connection";
import { aziende, deleghe, domande, unitaProduttive, utenti } from "#db/schema";
import { LAURA_CONSULENTE, MARIO_ESEMPIO } from "#db/seed/index";
import { addDays } from "~/domain/date";
import { inviabile } from "~/domain/esito";
import { leggiRisposte } from "~/passi";
import { controlliDomanda } from "~/services/controlli-domanda.server";
import { nuovaChiaveInvio } from "~/services/invio.server";
import { oggi } from "~/services/orologio.server";
import type { Contesto } from "~/services/accesso.server";
import { bozzaCompleta, contestoDi } from "../../tests/integrazione/domanda-completa";
import { sessioneDi, type Identita } from "../../tests/richieste";
import { cpuBackend, cpuBackendTra, cpuMsProcessi, discendenti } from "./cpu";

export interface RisultatoInvii {
  database: string;
  invii: number;
  coppie: number;
  /** Load average (1 min) when the burst started. */
  caricoMedio: number;
  secondiTotali: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Server processes that shared the burst (the supervisor's workers; 1 = server.ts alone). */
  processi: number;
  /** Submissions of other drafts sent before the burst, not measured (--riscaldamento=N; 0: a cold start). */
  riscaldamento: number;
  /** Sent one at a time (--in-serie), not at the same instant: CPU per submission without concurrency. */
  inSerie: boolean;
  /**
   * CPU time of the server processes (the supervisor and its workers) during the burst, per submission (user +
   * system): comparable across machine loads.
   */
  cpuMsPerInvio: number | null;
  /**
   * CPU of the PostgreSQL backends serving the bench's database during the burst, per submission (null without
   * /proc or when the server runs elsewhere): with the server's and the load generator's, what the 2 cores share.
   */
  cpuPostgresMsPerInvio: number | null;
  /** CPU of this process (the 200 HTTP clients) during the burst, per submission. */
  cpuClientMsPerInvio: number;
  /** The burst on the monotonic clock the server processes' CPU profiles share (µs), to summarise only it. */
  finestraUs: { dal: number; al: number };
  /** HTTP status → count. */
  stati: Record<string, number>;
  /** Drafts sent (stato "inviata") after the burst. */
  memorizzate: number;
  /** Acknowledged (303 to the receipt) but not sent in the database. */
  perse: number;
  /** Protocol numbers held by more than one domanda. */
  protocolliDuplicati: number;
  /** Protocol numbers of the year without a gap from the first to the last issued in the burst. */
  protocolliContigui: boolean;
  /** Overlapping pairs where exactly one was sent and the other refused with 422. */
  coppieRifiutateCorrettamente: number;
  /** Overlapping pairs where both were sent (a broken rule) or none. */
  coppieErrate: number;
}

export interface Bozza {
  id: number;
  versione: number;
  chi: Identita;
  /** Who sends it: the intermediary (Laura) or the employer (Mario). */
  mittente: "intermediario" | "datore";
  aziendaId: number;
  coppia?: number;
}

const percentile = (ordinati: number[], p: number) => ordinati[Math.min(ordinati.length - 1, Math.ceil((p / 100) * ordinati.length) - 1)];

/** Sessions and contexts of the users who send: Mario for each of his companies, Laura for the companies she holds. */
type Mittente = { chi: Identita; ctx: Contesto; aziendaId: number; mittente: Bozza["mittente"] };

async function mittenti(connessione: Connessione): Promise<Mittente[]> {
  const db = connessione.db;
  const out: Mittente[] = [];
  const [laura] = await db.select({ id: utenti.id }).from(utenti).where(eq(utenti.codiceFiscale, LAURA_CONSULENTE.codiceFiscale));
  const oggiIso = oggi();
  const suo = await db
    .select({ aziendaId: deleghe.aziendaId })
    .from(deleghe)
    .where(and(eq(deleghe.intermediarioId, laura.id), lte(deleghe.validaDal, oggiIso), or(isNull(deleghe.validaAl), gte(deleghe.validaAl, oggiIso))))
    .orderBy(asc(deleghe.aziendaId));
  const chiLaura = await sessioneDi(LAURA_CONSULENTE.codiceFiscale, "intermediario");
  const ctxLaura = await contestoDi(chiLaura);
  for (const { aziendaId } of suo) out.push({ chi: chiLaura, ctx: ctxLaura, aziendaId, mittente: "intermediario" });
  for (const matricola of ["4712345601", "4723456702"]) {
    const [a] = await db.select({ id: aziende.id }).from(aziende).where(eq(aziende.matricola, matricola));
    const chi = await sessioneDi(MARIO_ESEMPIO.codiceFiscale, "datore", a.id);
    out.push({ chi, ctx: await contestoDi(chi), aziendaId: a.id, mittente: "datore" });
  }
  return out;
}

async function versioneSeInviabile(connessione: Connessione, id: number): Promise<number | null> {
  const [riga] = await connessione.db
    .select({ domanda: domande, azienda: aziende })
    .from(domande)
    .innerJoin(aziende, eq(aziende.id, domande.aziendaId))
    .where(eq(domande.id, id));
  const esiti = await controlliDomanda({ ...riga, risposte: leggiRisposte(riga.domanda.dati) });
  return inviabile(esiti) ? riga.domanda.versione : null;
}

/**
 * The drafts: round robin over every (sender, unit) with a CIGO draft a week apart per unit, so no two of them touch;
 * `coppie` of them get a twin on the same unit and days. Drafts that could not be sent alone (a company with no CIGO,
 * a unit with no eligible worker) are skipped, and their unit with them.
 */
export async function preparaBozze(connessione: Connessione, numero: number, coppie: number): Promise<Bozza[]> {
  const chi = await mittenti(connessione);
  const posti: Array<Mittente & { unitaId: number; settimane: number }> = [];
  for (const m of chi) {
    const unita = await connessione.db
      .select({ id: unitaProduttive.id })
      .from(unitaProduttive)
      .where(eq(unitaProduttive.aziendaId, m.aziendaId))
      .orderBy(asc(unitaProduttive.id));
    for (const u of unita) posti.push({ ...m, unitaId: u.id, settimane: 0 });
  }
  const scartati = new Set<number>();
  const bozze: Bozza[] = [];
  const inizioBase = addDays(oggi(), 1);
  let coppieFatte = 0;
  for (let i = 0; bozze.length < numero && scartati.size < posti.length && i < numero * 20; i++) {
    const posto = posti[i % posti.length];
    if (scartati.has(posto.unitaId)) continue;
    const dataInizio = addDays(inizioBase, 7 * posto.settimane);
    const periodo = {
      causale: "mancanza_lavoro",
      eone: false,
      meteo: false,
      straordinaria: false,
      tipo: "sospensione",
      dataInizio,
      dataFine: addDays(dataInizio, 4),
      oreRichieste: 8,
    };
    const gemella = coppieFatte < coppie && bozze.length + 2 <= numero;
    let id: number;
    try {
      id = await bozzaCompleta(posto.ctx, posto.aziendaId, { unitaProduttivaId: posto.unitaId, periodo, lavoratori: 1 });
    } catch {
      scartati.add(posto.unitaId);
      continue;
    }
    const versione = await versioneSeInviabile(connessione, id);
    if (versione === null) {
      scartati.add(posto.unitaId);
      continue;
    }
    posto.settimane++;
    if (gemella) {
      const idGemella = await bozzaCompleta(posto.ctx, posto.aziendaId, { unitaProduttivaId: posto.unitaId, periodo, lavoratori: 1 });
      const versioneGemella = await versioneSeInviabile(connessione, idGemella);
      if (versioneGemella !== null) {
        coppieFatte++;
        bozze.push(
          { id, versione, chi: posto.chi, mittente: posto.mittente, aziendaId: posto.aziendaId, coppia: coppieFatte },
          { id: idGemella, versione: versioneGemella, chi: posto.chi, mittente: posto.mittente, aziendaId: posto.aziendaId, coppia: coppieFatte },
        );
        continue;
      }
    }
    bozze.push({ id, versione, chi: posto.chi, mittente: posto.mittente, aziendaId: posto.aziendaId });
  }
  if (bozze.length < numero) throw new Error(`solo ${bozze.length} bozze inviabili su ${numero}`);
  if (coppieFatte < coppie) throw new Error(`solo ${coppieFatte} coppie sovrapposte su ${coppie}`);
  return bozze;
}

/**
 * A simulated browser: its own keep-alive connection to the server, as each user's browser has, written as raw
 * HTTP/1.1 on a TCP socket. The load generator shares the bench machine's 2 cores with the server and PostgreSQL:
 * node:http's client cost 1.3–2.1 ms of CPU per submission here, about a tenth of the server's, for the same bytes on
 * the wire (fetch/undici cost more still).
 */
interface Browser {
  socket: Socket | null;
  destroy(): void;
}

function nuovoBrowser(): Browser {
  return {
    socket: null,
    destroy() {
      this.socket?.destroy();
      this.socket = null;
    },
  };
}

const FINE_INTESTAZIONI = Buffer.from("\r\n\r\n");
const FINE_CHUNKED = Buffer.from("0\r\n\r\n");

/**
 * One submission as the browser sends the form: session cookie, CSRF token and its own idempotency key in the body,
 * the Origin of the page; the redirect not followed. The answer is read to its end (Content-Length or the last chunk).
 */
function invia(base: string, b: Bozza, browser: Browser): Promise<{ bozza: Bozza; stato: number; ms: number; luogo: string | null }> {
  const corpo = new URLSearchParams({ csrf: b.chi.csrf, versione: String(b.versione), chiaveInvio: nuovaChiaveInvio(), veridicita: "si", privacy: "si" }).toString();
  const url = new URL(`/domande/${b.id}/invio`, base);
  const testo =
    `POST ${url.pathname} HTTP/1.1\r\nHost: ${url.host}\r\n` +
    "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8\r\nAccept-Encoding: gzip, deflate\r\nAccept-Language: it-IT,it;q=0.9\r\n" +
    `Cookie: ${b.chi.cookie}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${Buffer.byteLength(corpo)}\r\n` +
    `Origin: ${base}\r\nReferer: ${url.href}\r\nUser-Agent: omnia-bench\r\nConnection: keep-alive\r\n\r\n${corpo}`;
  const inizio = performance.now();
  return new Promise((risolvi, rifiuta) => {
    const socket = connect(Number(url.port), url.hostname);
    browser.socket = socket;
    socket.setNoDelay(true);
    socket.setTimeout(60_000, () => socket.destroy(new Error("nessuna risposta entro 60 s")));
    let ricevuto: Buffer = Buffer.alloc(0);
    let intestazioni: { stato: number; luogo: string | null; lunghezza: number | null; inizioCorpo: number } | null = null;
    const leggi = (pezzo: Buffer) => {
      ricevuto = ricevuto.length === 0 ? pezzo : Buffer.concat([ricevuto, pezzo]);
      if (!intestazioni) {
        const fine = ricevuto.indexOf(FINE_INTESTAZIONI);
        if (fine < 0) return;
        const righe = ricevuto.subarray(0, fine).toString("latin1").split("\r\n");
        const campo = (nome: string) => righe.find((r) => r.toLowerCase().startsWith(`${nome}:`))?.slice(nome.length + 1).trim() ?? null;
        const lunghezza = campo("content-length");
        intestazioni = { stato: Number(righe[0].split(" ")[1]), luogo: campo("location"), lunghezza: lunghezza === null ? null : Number(lunghezza), inizioCorpo: fine + 4 };
      }
      const completa =
        intestazioni.lunghezza !== null
          ? ricevuto.length - intestazioni.inizioCorpo >= intestazioni.lunghezza
          : ricevuto.subarray(ricevuto.length - FINE_CHUNKED.length).equals(FINE_CHUNKED);
      if (!completa) return;
      socket.off("data", leggi);
      socket.setTimeout(0);
      risolvi({ bozza: b, stato: intestazioni.stato, ms: performance.now() - inizio, luogo: intestazioni.luogo });
    };
    socket.on("data", leggi);
    socket.on("error", rifiuta);
    socket.on("close", () => rifiuta(new Error("connessione chiusa prima della risposta completa")));
    socket.write(testo);
  });
}

/** Enough at once for every worker's pool (10 connections each, db/client.ts) to open all its connections. */
const RISCALDAMENTO_GRUPPO = 40;

const adessoUs = () => Number(process.hrtime.bigint() / 1000n);

export async function misuraInvii(opzioni: {
  base: string;
  databaseUrl: string;
  /** The server process (server.ts, or the supervisor: its workers are counted with it). */
  pidServer?: number;
  processi: number;
  numero?: number;
  coppie?: number;
  /**
   * Drafts of other units sent before the burst, RISCALDAMENTO_GRUPPO at a time, not measured: the server processes
   * have then run the submission's code (compiled by V8) and opened their pools, whose connections have prepared the
   * submission's statements, as on a platform up for a while. 0 (default): the burst is the first work of freshly
   * started processes.
   */
  riscaldamento?: number;
  /** One at a time, each after the previous answer: the CPU of a submission alone, to compare versions of the code. */
  inSerie?: boolean;
}): Promise<RisultatoInvii> {
  const numero = opzioni.numero ?? 200;
  const coppie = opzioni.coppie ?? 10;
  const riscaldamento = opzioni.riscaldamento ?? 0;
  const connessione = await apriPostgres(opzioni.databaseUrl, { max: 4 });
  impostaConnessione(connessione);
  try {
    console.info(`[bench] invii: preparo ${numero} bozze inviabili (${coppie} coppie sulla stessa unità e gli stessi giorni)…`);
    const tutte = await preparaBozze(connessione, numero + riscaldamento, coppie);
    // The pairs are made first: the warm-up takes drafts from the end, each alone on its unit and week.
    const bozze = tutte.slice(0, numero);
    if (riscaldamento > 0) {
      console.info(`[bench] invii: riscaldamento, ${riscaldamento} invii di altre bozze (${RISCALDAMENTO_GRUPPO} alla volta, non misurati)…`);
      const altre = tutte.slice(numero);
      for (let i = 0; i < altre.length; i += RISCALDAMENTO_GRUPPO) {
        const gruppo = altre.slice(i, i + RISCALDAMENTO_GRUPPO).map((b) => ({ b, browser: nuovoBrowser() }));
        const stati = await Promise.all(gruppo.map(({ b, browser }) => invia(opzioni.base, b, browser).then((e) => e.stato)));
        for (const { browser } of gruppo) browser.destroy();
        if (stati.some((s) => s !== 303)) throw new Error(`riscaldamento: risposte ${stati.join(", ")}`);
      }
    }
    const caricoMedio = Math.round(loadavg()[0] * 100) / 100;
    console.info(`[bench] invii: ${bozze.length} POST /domande/:id/invio nello stesso istante…`);
    const pids = opzioni.pidServer === undefined ? [] : [opzioni.pidServer, ...discendenti(opzioni.pidServer)];
    const locale = /@(127\.0\.0\.1|localhost)[:/]/.test(opzioni.databaseUrl);
    const backend0 = locale ? await cpuBackend(connessione) : null;
    const cpu0 = pids.length > 0 ? cpuMsProcessi(pids) : null;
    const client0 = process.cpuUsage();
    const dal = adessoUs();
    const t0 = performance.now();
    // 200 users, 200 browsers: each opens its own connection for its submission (none is left from the warm-up).
    const browser = bozze.map(() => nuovoBrowser());
    const esiti: Awaited<ReturnType<typeof invia>>[] = [];
    if (opzioni.inSerie) for (const [i, b] of bozze.entries()) esiti.push(await invia(opzioni.base, b, browser[i]));
    else esiti.push(...(await Promise.all(bozze.map((b, i) => invia(opzioni.base, b, browser[i])))));
    const secondiTotali = (performance.now() - t0) / 1000;
    const al = adessoUs();
    const cpu1 = pids.length > 0 ? cpuMsProcessi(pids) : null;
    const client = process.cpuUsage(client0);
    const backend1 = backend0 ? await cpuBackend(connessione) : null;
    const cpuPostgres = backend0 && backend1 && backend1.size > 0 ? cpuBackendTra(backend0, backend1) : null;
    const perInvio = (ms: number) => Math.round((ms / bozze.length) * 10) / 10;
    const cpuMsPerInvio = cpu0 === null || cpu1 === null ? null : Math.round(((cpu1 - cpu0) / bozze.length) * 10) / 10;
    for (const b of browser) b.destroy();
    const tempi = esiti.map((e) => e.ms).sort((a, b) => a - b);
    const stati: Record<string, number> = {};
    for (const e of esiti) stati[e.stato] = (stati[e.stato] ?? 0) + 1;

    const righe = await connessione.db
      .select({ id: domande.id, stato: domande.stato, protocollo: domande.protocollo })
      .from(domande)
      .where(inArray(domande.id, bozze.map((b) => b.id)));
    const perId = new Map(righe.map((r) => [r.id, r]));
    const inviate = righe.filter((r) => r.stato === "inviata");
    const perse = esiti.filter((e) => e.stato === 303 && perId.get(e.bozza.id)?.stato !== "inviata").length;
    const protocolli = inviate.map((r) => r.protocollo!);
    const protocolliDuplicati = protocolli.length - new Set(protocolli).size;
    const numeri = protocolli.map((p) => Number(p.slice(-7))).sort((a, b) => a - b);
    const protocolliContigui = numeri.every((n, i) => i === 0 || n === numeri[i - 1] + 1);
    let coppieRifiutateCorrettamente = 0;
    let coppieErrate = 0;
    for (let c = 1; c <= coppie; c++) {
      const due = esiti.filter((e) => e.bozza.coppia === c);
      const vinte = due.filter((e) => e.stato === 303 && perId.get(e.bozza.id)?.stato === "inviata").length;
      const rifiutate = due.filter((e) => e.stato === 422 && perId.get(e.bozza.id)?.stato === "bozza").length;
      if (vinte === 1 && rifiutate === 1) coppieRifiutateCorrettamente++;
      else coppieErrate++;
    }
    return {
      database: opzioni.databaseUrl.replace(/\/\/[^@]*@/, "//"),
      invii: bozze.length,
      coppie,
      caricoMedio,
      secondiTotali: Math.round(secondiTotali * 100) / 100,
      p50Ms: Math.round(percentile(tempi, 50)),
      p99Ms: Math.round(percentile(tempi, 99)),
      maxMs: Math.round(tempi[tempi.length - 1]),
      processi: opzioni.processi,
      riscaldamento,
      inSerie: opzioni.inSerie ?? false,
      cpuMsPerInvio,
      cpuPostgresMsPerInvio: cpuPostgres === null ? null : perInvio(cpuPostgres),
      cpuClientMsPerInvio: perInvio((client.user + client.system) / 1000),
      finestraUs: { dal, al },
      stati,
      memorizzate: inviate.length,
      perse,
      protocolliDuplicati,
      protocolliContigui,
      coppieRifiutateCorrettamente,
      coppieErrate,
    };
  } finally {
    impostaConnessione(undefined);
    await connessione.chiudi();
  }
}
