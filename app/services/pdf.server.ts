// Checks on an uploaded PDF by its content, never by its name: an executable or an archive renamed .pdf, an empty
// or truncated file, an encrypted one, one carrying active content, embedded files or an XFA form, or a
// decompression bomb is refused before anything is stored. The parsing runs in a worker thread with a time and
// memory budget (pdf-verifica.worker.mjs): the server keeps answering while a hostile file is examined.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { LIMITI_ALLEGATI, messaggiPdf } from "~/passi/schemi/allegati";

export type EsitoVerificaPdf = { ok: true; pagine: number } | { ok: false; messaggio: string };

const inizia = (bytes: Uint8Array, firma: readonly number[], da = 0) => firma.every((b, i) => bytes[da + i] === b);

const MZ = [0x4d, 0x5a];
const ELF = [0x7f, 0x45, 0x4c, 0x46];
const PK = [0x50, 0x4b];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"
// The PDF specification lets the header start within the first 1024 bytes; real files start at 0, but some
// generators put a BOM or a few bytes first.
const FINESTRA_INTESTAZIONE = 1024;

/** Budget of one check: a real document of 5 MB is read in well under a second. */
export const BUDGET_VERIFICA = { millisecondi: 10_000, memoriaMb: 128 } as const;
// At most this many checks at once; the others wait their turn (each worker may use the memory budget).
const VERIFICHE_CONTEMPORANEE = 2;

function posizioneIntestazione(bytes: Uint8Array): number {
  const limite = Math.min(bytes.length - PDF.length, FINESTRA_INTESTAZIONE);
  for (let i = 0; i <= limite; i++) if (inizia(bytes, PDF, i)) return i;
  return -1;
}

// The worker is a plain .mjs file next to this module; in the built server (build/index.js) this module is bundled
// and the file stays in app/services.
const NOME_WORKER = "pdf-verifica.worker.mjs";
function percorsoWorker(): string {
  const candidati = [new URL(`./${NOME_WORKER}`, import.meta.url), new URL(`../app/services/${NOME_WORKER}`, import.meta.url)];
  const trovato = candidati.map((u) => fileURLToPath(u)).find((p) => existsSync(p));
  if (!trovato) throw new Error(`${NOME_WORKER} non trovato`);
  return trovato;
}

type EsitoWorker =
  | { esito: "ok"; pagine: number }
  | { esito: "attivo" | "incorporati" | "xfa" | "cifrato" | "illeggibile" | "troppo_complesso" };

// Idle workers kept for the next check; a worker over its budget is terminated and never reused.
const liberi: Worker[] = [];
let inCorso = 0;
const inAttesa: Array<() => void> = [];

function nuovoWorker(): Worker {
  return new Worker(percorsoWorker(), {
    resourceLimits: { maxOldGenerationSizeMb: BUDGET_VERIFICA.memoriaMb, maxYoungGenerationSizeMb: 32 },
  });
}

/** Runs the content checks in a worker; over the time or memory budget the file is "too complex". */
async function verificaNelWorker(bytes: Uint8Array): Promise<EsitoWorker> {
  if (inCorso >= VERIFICHE_CONTEMPORANEE) await new Promise<void>((avanti) => inAttesa.push(avanti));
  inCorso += 1;
  const worker = liberi.pop() ?? nuovoWorker();
  worker.ref();
  try {
    return await new Promise<EsitoWorker>((risolvi) => {
      let finito = false;
      const fine = (esito: EsitoWorker, riusabile: boolean) => {
        if (finito) return;
        finito = true;
        clearTimeout(timer);
        worker.off("message", messaggio);
        worker.off("error", guasto);
        worker.off("exit", uscita);
        if (riusabile) {
          // An idle worker does not keep the process alive.
          worker.unref();
          liberi.push(worker);
        } else {
          void worker.terminate();
        }
        risolvi(esito);
      };
      const messaggio = (m: EsitoWorker) => fine(m, true);
      // Out of memory (ERR_WORKER_OUT_OF_MEMORY) or any failure inside: refused, never stored.
      const guasto = () => fine({ esito: "troppo_complesso" }, false);
      const uscita = () => fine({ esito: "troppo_complesso" }, false);
      const timer = setTimeout(() => fine({ esito: "troppo_complesso" }, false), BUDGET_VERIFICA.millisecondi);
      worker.on("message", messaggio);
      worker.once("error", guasto);
      worker.once("exit", uscita);
      worker.postMessage(bytes);
    });
  } finally {
    inCorso -= 1;
    inAttesa.shift()?.();
  }
}

/** Is this a real, readable, passive PDF within the per-file limit? The name is only used in messages. */
export async function verificaPdf(bytes: Uint8Array, nome: string): Promise<EsitoVerificaPdf> {
  const m = messaggiPdf;
  if (bytes.byteLength === 0) return { ok: false, messaggio: m.vuoto(nome) };
  if (bytes.byteLength > LIMITI_ALLEGATI.byteFile) return { ok: false, messaggio: m.troppoGrande(nome) };
  if (inizia(bytes, MZ) || inizia(bytes, ELF)) return { ok: false, messaggio: m.eseguibile(nome) };
  if (inizia(bytes, PK)) return { ok: false, messaggio: m.archivio(nome) };
  if (posizioneIntestazione(bytes) < 0) return { ok: false, messaggio: m.nonPdf(nome) };
  const esito = await verificaNelWorker(bytes);
  switch (esito.esito) {
    case "ok":
      return esito.pagine === 0 ? { ok: false, messaggio: m.senzaPagine(nome) } : { ok: true, pagine: esito.pagine };
    // Alike each other (duplicates): each outcome of the PDF check has its own Italian message
    case "attivo":
      return { ok: false, messaggio: m.contenutoAttivo(nome) };
    case "incorporati":
      return { ok: false, messaggio: m.fileIncorporati(nome) };
    case "xfa":
      return { ok: false, messaggio: m.moduloXfa(nome) };
    case "cifrato":
      return { ok: false, messaggio: m.cifrato(nome) };
    case "illeggibile":
      return { ok: false, messaggio: m.illeggibile(nome) };
    case "troppo_complesso":
      return { ok: false, messaggio: m.troppoComplesso(nome) };
  }
}
