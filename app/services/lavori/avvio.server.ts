// The job queue inside the app process (ADR 020): pg-boss works the queues and runs the schedules. With several
// server processes on PostgreSQL each one works the queues (jobs are taken with SKIP LOCKED: one process per job) and
// pg-boss's timekeeper sends each scheduled job once per tick across all of them. SIGTERM: stop taking jobs, let the
// running ones finish (up to a timeout), close pg-boss's pool.
import type PgBoss from "pg-boss";
import type { Connessione } from "#db/client";
import { creaCoda } from "#db/coda";
import { inviaEmail } from "../posta/invio.server";
import type { LavoroNotifica } from "../comunicazioni/notifiche.server";
import { scadenzeInterlocuzione } from "../istruttoria/interlocuzione.server";
import { promemoria } from "../comunicazioni/promemoria.server";
import { elaboraFlussoInCoda, rimuoviCaricamentiInterrotti, riprendiFlussiFermi, type LavoroFlusso } from "../flussi/invio-flusso.server";
import { adesso } from "../orologio.server";
import { aggiornaAvvisiCapacita } from "../avvisi-capacita.server";
import { rotazioneProgrammata } from "../identita/chiavi.server";
import { rinnovaCatene } from "../identita/rinnovo-catene.server";
import { politicaDaAmbiente } from "~/domain/rotazione-chiavi";
import { registraSveglia } from "./sveglia.server";

/** The schedules (cron, Europe/Rome). Each job is idempotent, so running hourly catches up after a stop. */
export const PIANIFICAZIONI = {
  "scadenze-interlocuzione": "5 * * * *",
  promemoria: "20 * * * *",
  // Once a day at night: a new key is announced a day ahead, so the hour does not matter to the providers.
  "chiavi-rotazione": "40 3 * * *",
  "caricamenti-interrotti": "35 * * * *",
  // Hourly: chains expiring within three hours are renewed (ANTICIPO_RINNOVO_MS), so each gets several tries.
  "catene-rinnovo": "50 * * * *",
  // The day's capacity warnings soon after midnight, then those of the companies written since (ADR 027).
  "avvisi-capacita": "*/5 * * * *",
} as const;

export interface Lavori {
  coda: PgBoss;
  ferma(): Promise<void>;
}

export async function avviaLavori(
  connessione: Connessione,
  opzioni: {
    intervalloSecondi?: number;
    /** false: no schedules (the e2e server: its fixed day must not move cases). */
    pianificazioni?: boolean;
    /** false: do not re-queue stopped flows at start (tests that stop flows on purpose). */
    riprendiFlussi?: boolean;
  } = {},
): Promise<Lavori> {
  const coda = creaCoda(connessione, { attiva: true });
  coda.on("error", (e) => console.warn("Coda dei lavori:", e instanceof Error ? e.message : e));
  await coda.start();
  const polling = { pollingIntervalSeconds: opzioni.intervalloSecondi ?? 2 };
  await coda.work<LavoroNotifica>("notifica", { ...polling, batchSize: 1 }, async ([lavoro]) => {
    await inviaEmail({ a: lavoro.data.a, oggetto: lavoro.data.oggetto, testo: lavoro.data.testo, messageId: `<${lavoro.id}@omnia-is.invalid>` });
  });
  // One large flow at a time per process (batchSize 1): the pages of this process keep answering meanwhile.
  const lavoratoreFlussi = await coda.work<LavoroFlusso>("flusso", { ...polling, batchSize: 1 }, async ([lavoro]) => {
    await elaboraFlussoInCoda(lavoro.data.flussoId);
  });
  registraSveglia("flusso", () => coda.notifyWorker(lavoratoreFlussi));
  // Flows left queued or half done by a process that stopped (crash, restart) get a job again: the job resumes from
  // the last committed batch, and a second job on a flow still running elsewhere stops at its first batch.
  if (opzioni.riprendiFlussi !== false) await riprendiFlussiFermi();
  await coda.work("scadenze-interlocuzione", polling, async () => {
    await scadenzeInterlocuzione(adesso());
  });
  await coda.work("promemoria", polling, async () => {
    await promemoria(adesso());
  });
  // The real clock, not the rules' (OMNIA_ORA_FISSA): keys and the tokens they sign live in real time.
  await coda.work("chiavi-rotazione", polling, async () => {
    await rotazioneProgrammata(new Date(), politicaDaAmbiente(process.env));
  });
  // Large uploads cut off by a process that stopped mid-transfer: the flow and its stored parts go. The real clock
  // too: the upload's time is the database's.
  await coda.work("caricamenti-interrotti", polling, async () => {
    await rimuoviCaricamentiInterrotti(new Date());
  });
  // The real clock: statements expire in real time.
  await coda.work("catene-rinnovo", polling, async () => {
    await rinnovaCatene(new Date());
  });
  // The rules' clock (OMNIA_ORA_FISSA in demos and tests): the warnings are for the platform's today.
  await coda.work("avvisi-capacita", polling, async () => {
    await aggiornaAvvisiCapacita();
  });
  for (const [nome, cron] of Object.entries(PIANIFICAZIONI)) {
    if (opzioni.pianificazioni === false) await coda.unschedule(nome);
    else await coda.schedule(nome, cron, {}, { tz: "Europe/Rome" });
  }
  return {
    coda,
    ferma: () => {
      registraSveglia("flusso", undefined);
      return coda.stop({ graceful: true, timeout: 10_000, close: true });
    },
  };
}
