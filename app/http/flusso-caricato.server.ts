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
import { riceviFlusso, type RapportoFlusso } from "~/services/flussi/invio-flusso.server";
import { rispostaNonTrovata } from "./risposta.server";
import { messaggiFlussi as m } from "~/testi";

/** Small fields of the form (the token): read whole, within this size. */
const MAX_CAMPO = 4 * 1024;
export const CAMPO_FILE_FLUSSO = "file";

/** The signed-in user, if their profile sends flows (the company's side); anyone else finds no such page (404). */
export async function richiediMittenteFlussi(request: Request): Promise<Contesto> {
  const ctx = await richiediContesto(request);
  if (!ruoloPuo(ctx.ruolo, "invia_flusso")) throw rispostaNonTrovata();
  return ctx;
}

export type FlussoCaricato =
  | { ok: true; rapporto: RapportoFlusso }
  | { ok: false; errore: string };

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

export async function leggiFlussoCaricato(request: Request, ctx: Contesto, opzioni: { prova: boolean }): Promise<FlussoCaricato> {
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
      esito = { ok: false, errore: m.unSoloFile };
    } else if (!parte.filename) {
      esito = { ok: false, errore: m.fileMancante };
    } else if (!formato) {
      esito = { ok: false, errore: m.formatoFile };
    } else {
      let r: Awaited<ReturnType<typeof riceviFlusso>>;
      try {
        r = await riceviFlusso(ctx, { nome: parte.filename, formato, contenuto: sorgente }, { prova: opzioni.prova });
      } catch (e) {
        // The service removed what it had stored of the file; a broken body is answered like any other (400).
        if (e instanceof CorpoInterrotto) throw e;
        throw new ErroreServizio(e);
      }
      esito = r.ok ? { ok: true, rapporto: r.valore } : { ok: false, errore: m.fileMancante };
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
    return { ok: false, errore: m.fileMancante };
  }
  return esito;
}
