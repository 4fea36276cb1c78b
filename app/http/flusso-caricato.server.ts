// The upload of a UniEmens-Cig flow, read as it arrives: the multipart body is parsed part by part and the file's
// bytes go straight to the flow service (riceviFlusso), which reads them as a stream (up to 50 MB, 100,000 returns)
// and never holds the file. The form sends the CSRF token before the file, so the token is checked before a single
// byte of the file is read; a file after a missing or wrong token is never processed (403). The server caps the
// body before this (server/richieste.ts).
import { unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";
import { ruoloPuo } from "~/domain/autorizzazione";
import type { Contesto } from "~/services/accesso.server";
import { richiediContesto, rispostaCsrf } from "./accesso.server";
import { eMultipart, rispostaRichiestaNonValida } from "~/http/corpo-richiesta.server";
import { ErroreCsrf, verificaCsrf } from "~/http/csrf.server";
import { riceviFlusso, type OpzioniElaborazione, type RapportoFlusso } from "~/services/flussi/invio-flusso.server";
import { rispostaNonTrovata } from "./risposta.server";
import { messaggiFlussi as m } from "~/testi";
import { CsvInScrittura } from "./csv.server";

/** Small fields of the form (the token): read whole, within this size. */
const MAX_CAMPO = 4 * 1024;
export const CAMPO_FILE_FLUSSO = "file";

/** The signed-in user, if their profile sends flows (the company's side); anyone else finds no such page (404). */
export async function richiediMittenteFlussi(request: Request): Promise<Contesto> {
  const ctx = await richiediContesto(request);
  if (!ruoloPuo(ctx.ruolo, "invia_flusso")) throw rispostaNonTrovata();
  return ctx;
}

/** What can be wrong with the upload itself (the messages' keys in the catalogue). */
export const ERRORI_CARICAMENTO = ["fileMancante", "formatoFile", "unSoloFile"] as const;
export type ErroreCaricamento = (typeof ERRORI_CARICAMENTO)[number];

export type FlussoCaricato =
  | { ok: true; rapporto: RapportoFlusso }
  | { ok: false; codice: ErroreCaricamento; errore: string };

const errore = (codice: ErroreCaricamento): FlussoCaricato => ({ ok: false, codice, errore: m[codice] });

class CampoTroppoGrande extends Error {}
/** The body broke while the file was being read (the client went away, a truncated multipart): not the service's fault. */
class CorpoInterrotto extends Error {}
/** An error of the flow service (e.g. the database unreachable), kept apart from the errors of a broken body. */
class ErroreServizio extends Error {
  constructor(readonly causa: unknown) {
    super("errore del servizio dei flussi");
  }
}

async function testoDi(data: AsyncIterable<Uint8Array>): Promise<string> {
  const pezzi: Uint8Array[] = [];
  let n = 0;
  for await (const p of data) {
    n += p.byteLength;
    if (n > MAX_CAMPO) throw new CampoTroppoGrande();
    pezzi.push(p);
  }
  return Buffer.concat(pezzi).toString("utf8");
}

function formatoDi(nome: string): "xml" | "csv" | null {
  const estensione = nome.toLowerCase().split(".").pop();
  return estensione === "xml" ? "xml" : estensione === "csv" ? "csv" : null;
}

export async function leggiFlussoCaricato(
  request: Request,
  ctx: Contesto,
  opzioni: {
    prova: boolean;
    /** Called once the token and the file's name are good, just before the file is checked. */
    allInizio?: () => void;
    /** A dry run's entries as they are found (riceviFlusso). */
    segnalazioni?: OpzioniElaborazione["segnalazioni"];
  },
): Promise<FlussoCaricato> {
  if (!eMultipart(request) || !/;\s*boundary=/i.test(request.headers.get("Content-Type") ?? "")) throw rispostaRichiestaNonValida(415);
  const campi = new FormData();
  let esito: FlussoCaricato | null = null;
  const gestore: UploadHandler = async (parte) => {
    if (parte.name !== CAMPO_FILE_FLUSSO || parte.filename === undefined) {
      campi.append(parte.name, await testoDi(parte.data));
      return undefined;
    }
    // The token must have arrived before the file (the form puts it first).
    verificaCsrf(request, campi, ctx.sessione.csrfToken);
    const dati = parte.data[Symbol.asyncIterator]();
    // Without a `return`, a reader that stops early (a fatal error in the file) does not close the body: the rest
    // is drained below, so the multipart parser can finish.
    const sorgente: AsyncIterable<Uint8Array> = {
      [Symbol.asyncIterator]: () => ({
        next: () =>
          dati.next().catch((e: unknown) => {
            throw new CorpoInterrotto("corpo interrotto", { cause: e });
          }),
      }),
    };
    const formato = formatoDi(parte.filename);
    if (esito) {
      esito = errore("unSoloFile");
    } else if (!parte.filename) {
      esito = errore("fileMancante");
    } else if (!formato) {
      esito = errore("formatoFile");
    } else {
      let r: Awaited<ReturnType<typeof riceviFlusso>>;
      opzioni.allInizio?.();
      try {
        r = await riceviFlusso(ctx, { nome: parte.filename, formato, contenuto: sorgente }, { prova: opzioni.prova, segnalazioni: opzioni.segnalazioni });
      } catch (e) {
        // The service removed what it had stored of the file; a broken body is answered like any other (400).
        if (e instanceof CorpoInterrotto) throw e;
        throw new ErroreServizio(e);
      }
      esito = r.ok ? { ok: true, rapporto: r.valore } : errore("fileMancante");
    }
    for (;;) if ((await dati.next()).done) break;
    return undefined;
  };
  try {
    await unstable_parseMultipartFormData(request, gestore);
  } catch (e) {
    if (e instanceof ErroreCsrf) throw rispostaCsrf();
    if (e instanceof ErroreServizio) throw e.causa;
    // Anything else is the body: a part too large, a truncated or malformed multipart.
    throw rispostaRichiestaNonValida(400);
  }
  if (!esito) {
    // No file part at all: the token is checked all the same, so a forged post learns nothing.
    try {
      verificaCsrf(request, campi, ctx.sessione.csrfToken);
    } catch (e) {
      if (e instanceof ErroreCsrf) throw rispostaCsrf();
      throw e;
    }
    return errore("fileMancante");
  }
  return esito;
}

/**
 * A dry run's whole report as a CSV written while the file is checked (the page's form and the API's `Accept:
 * text/csv`): the download, and the sink riceviFlusso writes every error and warning to, in the file's order.
 */
export function rapportoCsvVerifica(): { csv: CsvInScrittura; segnalazioni: NonNullable<OpzioniElaborazione["segnalazioni"]> } {
  const csv = new CsvInScrittura(["Riga", "Tipo", "Codice", "Messaggio"]);
  return { csv, segnalazioni: (righe) => csv.scrivi(righe.map((r) => [r.riga, r.tipo === "errore" ? m.tipoErrore : m.tipoAvviso, r.codice, r.messaggio])) };
}

/**
 * The end of the work that writes a streamed CSV report: the file closes when it succeeds and breaks when it fails, so
 * a cut report never looks whole. The failure is logged unless the client went away (its body broken, the request
 * aborted): that is not the platform's error.
 */
export function concludiCsv(csv: CsvInScrittura, lavoro: Promise<unknown>, request: Request): void {
  lavoro.then(
    () => csv.chiudi(),
    (e: unknown) => {
      csv.interrompi(e);
      if (!request.signal.aborted) console.error(e);
    },
  );
}

/**
 * "Verifica e scarica il rapporto (CSV)": a dry run whose whole report (every error and warning, where the page lists the
 * first 1,000 of each) is the answer, a CSV written while the file is checked, in the file's order; nothing is stored.
 * The answer starts only once the token and the file's name are good: a problem with the upload itself comes back as
 * `ok: false`, for the form page to show, and a refusal (403, 400) is thrown as before.
 */
export async function verificaFlussoInCsv(request: Request, ctx: Contesto): Promise<{ ok: true; risposta: Response } | Extract<FlussoCaricato, { ok: false }>> {
  const { csv, segnalazioni } = rapportoCsvVerifica();
  let avvia!: () => void;
  const avvio = new Promise<"avviata">((ok) => (avvia = () => ok("avviata")));
  const lavoro = leggiFlussoCaricato(request, ctx, { prova: true, allInizio: () => avvia(), segnalazioni });
  // Its failure after the start is handled by concludiCsv; before it, by the race below.
  lavoro.catch(() => undefined);
  const primo = await Promise.race([avvio, lavoro]);
  if (primo !== "avviata" && !primo.ok) return primo;
  concludiCsv(
    csv,
    lavoro.then((esito) => {
      // A second file part after the first one's report: the download cannot say so, it breaks.
      if (!esito.ok) throw new Error(esito.errore);
    }),
    request,
  );
  return { ok: true, risposta: csv.risposta("verifica-flusso.csv") };
}
