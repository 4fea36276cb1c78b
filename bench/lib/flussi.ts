// (7) UniEmens-Cig flows (issue 12): a flow of N returns (default 100,000, CSV: within the 50 MB cap) is uploaded to
// the production server over HTTP, as payroll software would, and checked end to end (stream parse, registry facts,
// per-batch transactions). Reported beside the parse-only rate of the same bytes with saxes/csv-parse in this process
// (ratio: goal ≥ 0.3; the time runs from the upload to the job's end, since a file above 10,000 returns is stored
// and then checked by a job), the server's peak memory (VmHWM, goal ≤ 256 MB), /healthz latency sampled every 50 ms while the
// file is checked (p99, goal < 100 ms), then a file as large checked without storing ("Verifica senza inviare": parse and
// the database checks, the measure) with its own ratio, memory peak and /healthz, and the synchronous case: K
// uploads of 10,000 returns in XML, p95 (goal < 3 s).
// The direct-payment domanda the returns refer to is sent in this process with the services (the integration
// tests' fixture), on the server's database.
import { readFileSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { asc, eq, sql } from "drizzle-orm";
import { apriPostgres } from "#db/client";
import { flussiCig, unitaProduttive } from "#db/schema";
import { impostaConnessione, righeDi as righeSql } from "#db/connection";
import { MARIO_ESEMPIO } from "#db/seed/index";
import { leggiFlussoCsv } from "~/services/flussi/lettura.server";
import { contestoDi, idAzienda, MATRICOLE } from "../../tests/integrazione/domanda-completa";
import { domandaDiretta, righeDi, type Riga } from "../../tests/integrazione/flusso-cig";
import { sessioneDi } from "../../tests/richieste";
import { cpuBackend, cpuBackendTra, cpuMsProcesso } from "./cpu";

export interface RisultatoFlussi {
  denunce: number;
  byte: number;
  caricoMedio: number;
  /** The median of the three parse-only passes (parseSoloCorse, in their order). */
  parseSoloAlSecondo: number;
  parseSoloCorse: number[];
  endToEndAlSecondo: number;
  rapporto: number;
  /**
   * A file as large checked without storing ("Verifica senza inviare", POST /flussi/verifica): parse and every check
   * against the database, batch by batch, in the request; the report is the answer. The measure ("checked end
   * to end (parse + DB checks)"); `rapporto` above also stores the accepted returns.
   */
  verifica: {
    ms: number;
    alSecondo: number;
    rapporto: number;
    cpuServerUsPerDenuncia: number | null;
    cpuPostgresUsPerDenuncia: number;
    piccoMemoriaServerMb: number | null;
    healthz: LatenzeHealthz;
  };
  /**
   * The same check with the whole report as the answer (`POST /flussi/verifica.csv`): a CSV line per warning or error,
   * written while the file is checked (every bench return has a warning, so 100,000 lines).
   */
  verificaCsv: { ms: number; righe: number; byte: number; piccoMemoriaServerMb: number | null };
  accolte: number;
  scartate: number;
  /** The upload's answer (the file stored, 303 to the progress page): the rest is the job's. */
  caricamentoMs: number;
  /** From the upload to the flow's state "completato" (its returns checked and stored); the total adds the matching. */
  completatoMs: number;
  totaleMs: number;
  /** Resident memory of the server before the upload, and its peak (VmHWM) after it and the matching. */
  memoriaServerPrimaMb: number | null;
  piccoMemoriaServerMb: number | null;
  healthz: LatenzeHealthz;
  sincrono: { file: number; denunce: number; p50Ms: number; p95Ms: number };
  /** Resident memory of the server sampled every 100 ms: its maximum while the large flow ran, and during the synchronous uploads. */
  rssMassimoMb: { grande: number | null; sincrono: number | null };
  /** CPU of the server process (user + system, from /proc) per return, in the large flow and in the synchronous uploads. */
  cpuServerUsPerDenuncia: { grande: number | null; sincrono: number | null };
  /** CPU of the database's PostgreSQL backends per return, likewise. */
  cpuPostgresUsPerDenuncia: { grande: number; sincrono: number };
  /** The two phases on the monotonic clock the server's CPU profile shares (µs), for `--profilo`. */
  finestreUs: { grande: { dal: number; al: number }; verifica: { dal: number; al: number }; sincrono: { dal: number; al: number } };
}

interface LatenzeHealthz {
  campioni: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

const percentile = (v: number[], p: number) => {
  const o = [...v].sort((a, b) => a - b);
  return o[Math.min(o.length - 1, Math.max(0, Math.ceil((p / 100) * o.length) - 1))];
};

/** CPU (ms, from /proc) between two readings, per return, in µs. */
const perDenuncia = (a: number | null, b: number | null, quante: number) => (a === null || b === null ? null : Math.round(((b - a) * 1000) / quante));

const QUALIFICHE = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
/** A distinct classification (Qualifica1-3 + TipoContribuzione) for return i: every return has its own key. */
function inquadramento(i: number, serie: number): [string, string, string, string] {
  const q = (n: number) => QUALIFICHE[n % 36];
  return [q(i), q(Math.floor(i / 36)), q(Math.floor(i / 1296)), `${q(serie)}${q(Math.floor(i / 46656))}`];
}

export function* righeCsv(matricola: string, competenza: string, ticket: string, righe: Riga[], n: number, serie: number): Generator<string> {
  const giorno = righe[0].giorni[0];
  yield `Matricola;AnnoMeseDenuncia;CFLavoratore;Cognome;Nome;Qualifica1;Qualifica2;Qualifica3;TipoContribuzione;OrarioContrattuale;IBAN;Ticket;DetrazLavDip;DetrazCarichiFam;OreCigGG${giorno}\n`;
  for (let i = 0; i < n; i++) {
    const r = righe[i % righe.length];
    const [q1, q2, q3, tc] = inquadramento(Math.floor(i / righe.length), serie);
    yield `${matricola};${competenza};${r.cf};ESEMPIO;LAVORATORE;${q1};${q2};${q3};${tc};${r.orario};${r.iban};${ticket};S;S;1\n`;
  }
}

export function* righeXml(matricola: string, competenza: string, ticket: string, righe: Riga[], n: number, serie: number): Generator<string> {
  const giorno = righe[0].giorni[0];
  yield `<?xml version="1.0" encoding="UTF-8"?><DenunceMensili><Azienda><AnnoMeseDenuncia>${competenza}</AnnoMeseDenuncia><PosContributiva><Matricola>${matricola}</Matricola>`;
  for (let i = 0; i < n; i++) {
    const r = righe[i % righe.length];
    const [q1, q2, q3, tc] = inquadramento(Math.floor(i / righe.length), serie);
    yield `<DenunciaIndividuale><CFLavoratore>${r.cf}</CFLavoratore><Cognome>ESEMPIO</Cognome><Nome>LAVORATORE</Nome><Qualifica1>${q1}</Qualifica1><Qualifica2>${q2}</Qualifica2><Qualifica3>${q3}</Qualifica3><TipoContribuzione>${tc}</TipoContribuzione><OrarioContrattuale>${r.orario}</OrarioContrattuale><IBAN>${r.iban}</IBAN><Ticket>${ticket}</Ticket><DetrazLavDip>S</DetrazLavDip><DetrazCarichiFam>S</DetrazCarichiFam><DatiRetributivi><GiornoCig GG="${giorno}"><OreCig>1</OreCig></GiornoCig></DatiRetributivi></DenunciaIndividuale>`;
  }
  yield "</PosContributiva></Azienda></DenunceMensili>";
}

/** The generated text as 64 KB chunks (as the network would deliver it). */
export function* aPezzi(testi: Iterable<string>): Generator<Uint8Array> {
  let buffer = "";
  for (const t of testi) {
    buffer += t;
    if (buffer.length >= 65_536) {
      yield Buffer.from(buffer);
      buffer = "";
    }
  }
  if (buffer) yield Buffer.from(buffer);
}

function memoriaMb(pid: number | undefined, voce: "VmHWM" | "VmRSS"): number | null {
  try {
    const m = new RegExp(`${voce}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

/** /healthz asked every 50 ms until `ferma`, which gives the latencies (ms). */
function sondaHealthz(base: string): { ferma: () => Promise<number[]> } {
  const latenze: number[] = [];
  let finito = false;
  const giro = (async () => {
    while (!finito) {
      const t = performance.now();
      await fetch(`${base}/healthz`).then((r) => r.arrayBuffer()).catch(() => undefined);
      latenze.push(performance.now() - t);
      await new Promise((ok) => setTimeout(ok, 50));
    }
  })();
  return {
    ferma: async () => {
      finito = true;
      await giro;
      return latenze;
    },
  };
}

const riassumiLatenze = (latenze: number[]): LatenzeHealthz => ({
  campioni: latenze.length,
  p50Ms: Math.round(percentile(latenze, 50)),
  p99Ms: Math.round(percentile(latenze, 99)),
  maxMs: Math.round(Math.max(...latenze)),
});

/** Resets the process's peak of resident memory (VmHWM) to its present size (Linux: clear_refs 5). */
function azzeraPicco(pid: number | undefined): void {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, "5");
  } catch {
    // Not Linux, or not allowed: the peak then runs from the process's start.
  }
}

const adessoUs = () => Number(process.hrtime.bigint() / 1000n);

/** The largest resident memory seen while it runs (sampled every 100 ms). */
function osservaMemoria(pid: number | undefined): { ferma: () => number | null } {
  let massimo: number | null = null;
  const campiona = () => {
    const v = memoriaMb(pid, "VmRSS");
    if (v !== null) massimo = Math.max(massimo ?? 0, v);
  };
  campiona();
  const timer = setInterval(campiona, 100);
  return {
    ferma: () => {
      clearInterval(timer);
      campiona();
      return massimo;
    },
  };
}

/**
 * An upload as the form sends it (multipart, the file streamed in 64 KB chunks), made ready: the file is generated here
 * (~100 ms of this process for 11 MB, and its garbage), so that the returned function only sends chunks already made.
 * The timings and the /healthz probe start after this: this process's own work must not show in them.
 */
function caricamento(
  base: string,
  cookie: string,
  csrf: string,
  nome: string,
  contenuto: () => Generator<Uint8Array>,
  percorso = "/flussi?index",
): () => Promise<{ ms: number; posizione: string | null; stato: number; corpo: string }> {
  const confine = `----omnia${Date.now()}`;
  const testa = Buffer.from(
    `--${confine}\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n${csrf}\r\n--${confine}\r\nContent-Disposition: form-data; name="file"; filename="${nome}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const coda = Buffer.from(`\r\n--${confine}--\r\n`);
  const file = [...contenuto()];
  const lunghezza = testa.length + coda.length + file.reduce((n, p) => n + p.byteLength, 0);
  return async () => {
    let i = 0;
    const corpo = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(testa);
      },
      pull(c) {
        if (i < file.length) c.enqueue(file[i++]);
        else {
          c.enqueue(coda);
          c.close();
        }
      },
    });
    const t0 = performance.now();
    const r = await fetch(`${base}${percorso}`, {
      method: "POST",
      headers: { Cookie: cookie, Origin: base, "Content-Type": `multipart/form-data; boundary=${confine}`, "Content-Length": String(lunghezza) },
      body: corpo,
      redirect: "manual",
      // Node's fetch needs duplex for a streamed body (not in the DOM typings).
      ...({ duplex: "half" } as object),
    });
    const testo = await r.text();
    return { ms: performance.now() - t0, posizione: r.headers.get("Location"), stato: r.status, corpo: testo };
  };
}

export async function misuraFlussi(opzioni: { base: string; databaseUrl: string; pidServer?: number; denunce?: number; sincroni?: number }): Promise<RisultatoFlussi> {
  const n = opzioni.denunce ?? 100_000;
  const k = opzioni.sincroni ?? 5;
  const connessione = await apriPostgres(opzioni.databaseUrl, { max: 4 });
  impostaConnessione(connessione);
  try {
    const c1 = await idAzienda("C1");
    const mario = await sessioneDi(MARIO_ESEMPIO.codiceFiscale, "datore", c1);
    // The demo data keep some of C1's units busy around today (the operators' desk's sent domande): the first unit
    // whose domanda can be sent on these days is used.
    const unita = await connessione.db.select({ id: unitaProduttive.id }).from(unitaProduttive).where(eq(unitaProduttive.aziendaId, c1)).orderBy(asc(unitaProduttive.id));
    const ctx = await contestoDi(mario);
    let d: Awaited<ReturnType<typeof domandaDiretta>> | null = null;
    for (const u of unita) {
      try {
        d = await domandaDiretta(ctx, c1, u.id);
        break;
      } catch (e) {
        console.info(`[bench] flussi: unità ${u.id} occupata (${e instanceof Error ? e.message : e}), provo la successiva`);
      }
    }
    if (!d) throw new Error("nessuna unità di C1 libera per la domanda con pagamento diretto");
    const { competenza, righe } = await righeDi(d);
    const genera = (serie: number, quante: number, formato: "csv" | "xml") => () =>
      aPezzi((formato === "csv" ? righeCsv : righeXml)(MATRICOLE.C1, competenza, d.ticket!, righe, quante, serie));

    // Parse only, same bytes, this process: three passes, the median counts. A single cold pass varied from 29,000 to
    // 53,000 returns/s between runs of the same build on one machine (README, Misure, "Decima finestra"), and with it
    // the ratio, whatever the end-to-end time.
    let byte = 0;
    for (const p of genera(1, n, "csv")()) byte += p.byteLength;
    const parseSoloCorse: number[] = [];
    for (let corsa = 0; corsa < 3; corsa++) {
      let lette = 0;
      const tParse = performance.now();
      const sorgente = genera(1, n, "csv");
      for await (const v of leggiFlussoCsv((async function* () {
        yield* sorgente();
      })())) if (v.tipo === "denuncia") lette++;
      parseSoloCorse.push(Math.round(lette / ((performance.now() - tParse) / 1000)));
    }
    const parseSoloAlSecondo = percentile(parseSoloCorse, 50);

    // End to end over HTTP, with /healthz sampled while the file is checked.
    const memoriaPrima = memoriaMb(opzioni.pidServer, "VmRSS");
    const caricoMedio = Math.round(loadavg()[0] * 100) / 100;
    const invioGrande = caricamento(opzioni.base, mario.cookie, mario.csrf, "grande.csv", genera(2, n, "csv"));
    const sonda = sondaHealthz(opzioni.base);
    const t0 = performance.now();
    const dalGrande = adessoUs();
    const cpuGrande0 = cpuMsProcesso(opzioni.pidServer);
    const pgGrande0 = await cpuBackend(connessione);
    const memoriaGrande = osservaMemoria(opzioni.pidServer);
    const grande = await invioGrande();
    if (grande.stato !== 303 || !grande.posizione) throw new Error(`invio del flusso grande: HTTP ${grande.stato}`);
    const id = Number(grande.posizione.split("/")[2]);
    // Above 10,000 returns the upload answers once the file is stored (303 to the progress page) and a job of the
    // server checks it: the time counted runs to the flow's completion.
    const caricamentoMs = grande.ms;
    let stato = "";
    while (!["completato", "interrotto"].includes(stato)) {
      await new Promise((ok) => setTimeout(ok, 200));
      [{ stato }] = await connessione.db.select({ stato: flussiCig.stato }).from(flussiCig).where(eq(flussiCig.id, id));
    }
    const completatoMs = performance.now() - t0;
    // After its totals the flow's accepted returns are matched to the authorisations (abbinaDopoAccoglienza) in the
    // same job: its end is the job's end in pg-boss's table. (Waiting for the server to go idle never ended on a slower
    // machine: the /healthz probe alone kept it above the threshold.)
    for (;;) {
      const [lavoro] = righeSql<{ state: string }>(
        await connessione.db.execute(sql`select state from pgboss.job where name = 'flusso' and data->>'flussoId' = ${String(id)} order by created_on desc limit 1`),
      );
      // No job at all: the file was within the synchronous limit (--flussi=10000), checked and matched in the upload's
      // request (the job is queued in the transaction that makes a large flow "in_coda", so it exists by now).
      if (!lavoro || ["completed", "failed", "cancelled"].includes(lavoro.state)) break;
      await new Promise((ok) => setTimeout(ok, 200));
    }
    const totaleMs = performance.now() - t0;
    const alGrande = adessoUs();
    const rssGrande = memoriaGrande.ferma();
    const cpuGrande1 = cpuMsProcesso(opzioni.pidServer);
    const pgGrande = cpuBackendTra(pgGrande0, await cpuBackend(connessione));
    const latenze = await sonda.ferma();
    const [{ accolte, scartate }] = await connessione.db.select({ accolte: flussiCig.accolte, scartate: flussiCig.scartate }).from(flussiCig).where(eq(flussiCig.id, id));
    const endToEndAlSecondo = Math.round(n / (completatoMs / 1000));

    // A file of the same size with other workers' months (new keys) checked without storing, with the large flow's
    // returns in the archive: every return passes, as when it is sent. The report page is the answer. Its own peak of
    // resident memory: the peak so far is read and reset first.
    const piccoMemoriaServerMb = memoriaMb(opzioni.pidServer, "VmHWM");
    azzeraPicco(opzioni.pidServer);
    const invioVerifica = caricamento(opzioni.base, mario.cookie, mario.csrf, "verifica.csv", genera(9, n, "csv"), "/flussi/verifica");
    const dalVerifica = adessoUs();
    const cpuVerifica0 = cpuMsProcesso(opzioni.pidServer);
    const pgVerifica0 = await cpuBackend(connessione);
    const sondaVerifica = sondaHealthz(opzioni.base);
    const verificato = await invioVerifica();
    const latenzeVerifica = await sondaVerifica.ferma();
    const pgVerifica = cpuBackendTra(pgVerifica0, await cpuBackend(connessione));
    const cpuVerifica1 = cpuMsProcesso(opzioni.pidServer);
    const piccoVerificaMb = memoriaMb(opzioni.pidServer, "VmHWM");
    const alVerifica = adessoUs();
    if (verificato.stato !== 200) throw new Error(`verifica del flusso grande: HTTP ${verificato.stato}`);
    // The report's totals (read, accepted): every return of the file checked and passed, or the measure is not of this file.
    const totale = (voce: string) => new RegExp(`<dt[^>]*>${voce}</dt><dd[^>]*>([\\d.]+)</dd>`).exec(verificato.corpo)?.[1]?.replaceAll(".", "");
    if (totale("Denunce lette") !== String(n) || totale("Accolte") !== String(n)) {
      throw new Error(`verifica del flusso grande: lette ${totale("Denunce lette")}, accolte ${totale("Accolte")} su ${n}`);
    }
    const verificaAlSecondo = Math.round(n / (verificato.ms / 1000));

    // The same file, the report as a CSV download: its lines are every entry the page counts (listed or not).
    azzeraPicco(opzioni.pidServer);
    const invioVerificaCsv = caricamento(opzioni.base, mario.cookie, mario.csrf, "verifica.csv", genera(9, n, "csv"), "/flussi/verifica.csv");
    const verificatoCsv = await invioVerificaCsv();
    const piccoVerificaCsvMb = memoriaMb(opzioni.pidServer, "VmHWM");
    if (verificatoCsv.stato !== 200) throw new Error(`verifica in CSV del flusso grande: HTTP ${verificatoCsv.stato}`);
    const lineeCsv = verificatoCsv.corpo.split("\r\n").length - 2;
    const conAvvisi = Number(totale("Accolte con avvisi") ?? NaN);
    if (!(lineeCsv >= conAvvisi && conAvvisi >= n)) throw new Error(`verifica in CSV: ${lineeCsv} righe, ${conAvvisi} denunce con avvisi nella pagina`);

    // The synchronous case: K files of 10,000 returns in XML, one after the other.
    const tempi: number[] = [];
    const dalSincrono = adessoUs();
    const cpuSincrono0 = cpuMsProcesso(opzioni.pidServer);
    const pgSincrono0 = await cpuBackend(connessione);
    const memoriaSincrono = osservaMemoria(opzioni.pidServer);
    for (let i = 0; i < k; i++) {
      const r = await caricamento(opzioni.base, mario.cookie, mario.csrf, `sincrono-${i}.xml`, genera(3 + i, 10_000, "xml"))();
      if (r.stato !== 303) throw new Error(`invio sincrono ${i}: HTTP ${r.stato}`);
      tempi.push(r.ms);
    }
    const alSincrono = adessoUs();
    const rssSincrono = memoriaSincrono.ferma();
    const cpuSincrono1 = cpuMsProcesso(opzioni.pidServer);
    const pgSincrono = cpuBackendTra(pgSincrono0, await cpuBackend(connessione));
    return {
      denunce: n, byte, caricoMedio, parseSoloAlSecondo, parseSoloCorse, endToEndAlSecondo,
      rapporto: Math.round((endToEndAlSecondo / parseSoloAlSecondo) * 1000) / 1000,
      verifica: {
        ms: Math.round(verificato.ms),
        alSecondo: verificaAlSecondo,
        rapporto: Math.round((verificaAlSecondo / parseSoloAlSecondo) * 1000) / 1000,
        cpuServerUsPerDenuncia: perDenuncia(cpuVerifica0, cpuVerifica1, n),
        cpuPostgresUsPerDenuncia: Math.round((pgVerifica * 1000) / n),
        piccoMemoriaServerMb: piccoVerificaMb,
        healthz: riassumiLatenze(latenzeVerifica),
      },
      verificaCsv: { ms: Math.round(verificatoCsv.ms), righe: lineeCsv, byte: Buffer.byteLength(verificatoCsv.corpo), piccoMemoriaServerMb: piccoVerificaCsvMb },
      accolte, scartate, caricamentoMs: Math.round(caricamentoMs), completatoMs: Math.round(completatoMs), totaleMs: Math.round(totaleMs),
      memoriaServerPrimaMb: memoriaPrima,
      piccoMemoriaServerMb,
      healthz: riassumiLatenze(latenze),
      sincrono: { file: k, denunce: 10_000, p50Ms: Math.round(percentile(tempi, 50)), p95Ms: Math.round(percentile(tempi, 95)) },
      rssMassimoMb: { grande: rssGrande, sincrono: rssSincrono },
      cpuServerUsPerDenuncia: { grande: perDenuncia(cpuGrande0, cpuGrande1, n), sincrono: perDenuncia(cpuSincrono0, cpuSincrono1, k * 10_000) },
      cpuPostgresUsPerDenuncia: { grande: Math.round((pgGrande * 1000) / n), sincrono: Math.round((pgSincrono * 1000) / (k * 10_000)) },
      finestreUs: { grande: { dal: dalGrande, al: alGrande }, verifica: { dal: dalVerifica, al: alVerifica }, sincrono: { dal: dalSincrono, al: alSincrono } },
    };
  } finally {
    await connessione.chiudi();
  }
}

