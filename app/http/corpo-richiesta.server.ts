// Reading a POST body as a form, bounded and never with a 500: a body that is not a form (JSON, plain text, no
// Content-Type) answers 415, a broken one (multipart without boundary, truncated) 400, too many parts 413; each
// with the Italian error page. The byte cap on the whole body is applied before this, by the server (server/).
import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type UploadHandler,
} from "@remix-run/node";

const URLENCODED = "application/x-www-form-urlencoded";
const MULTIPART = "multipart/form-data";

/** The media type of the body, lower case, without parameters ("" when absent). */
export function tipoCorpo(request: Request): string {
  return (request.headers.get("Content-Type") ?? "").split(";")[0].trim().toLowerCase();
}

export function eMultipart(request: Request): boolean {
  return tipoCorpo(request) === MULTIPART;
}

/** A refusal shown with the error page of its status (400 request not valid, 413 too large). */
export function rispostaRichiestaNonValida(stato: 400 | 413 | 415 = 400): Response {
  return new Response(stato === 413 ? "Dati inviati troppo grandi" : "Richiesta non valida", { status: stato });
}

/** The body of a form without files: urlencoded, or multipart from a form that also sends files. */
export async function leggiForm(request: Request): Promise<FormData> {
  const tipo = tipoCorpo(request);
  if (tipo !== URLENCODED && tipo !== MULTIPART) throw rispostaRichiestaNonValida(415);
  if (tipo === MULTIPART) {
    const letto = await leggiMultipart(request, { byteParte: 64 * 1024, parti: 50 });
    if (!letto.ok) throw rispostaRichiestaNonValida(413);
    return letto.formData;
  }
  try {
    return await request.formData();
  } catch {
    throw rispostaRichiestaNonValida(400);
  }
}

class TroppeParti extends Error {}

export type EsitoMultipart = { ok: true; formData: FormData } | { ok: false; parteTroppoGrande: true };

/**
 * A multipart body read part by part into memory, with a limit on each part's bytes and on the number of parts
 * (the server caps the total). A part over its limit is reported, so the page can say which file is too large;
 * too many parts answer 413 and a broken body 400 (thrown Responses).
 */
export async function leggiMultipart(request: Request, limiti: { byteParte: number; parti: number }): Promise<EsitoMultipart> {
  const intestazione = request.headers.get("Content-Type") ?? "";
  if (tipoCorpo(request) !== MULTIPART || !/;\s*boundary=/i.test(intestazione)) throw rispostaRichiestaNonValida(400);
  const memoria = unstable_createMemoryUploadHandler({ maxPartSize: limiti.byteParte });
  let parti = 0;
  const gestore: UploadHandler = async (parte) => {
    parti += 1;
    if (parti > limiti.parti) throw new TroppeParti();
    return memoria(parte);
  };
  try {
    return { ok: true, formData: await unstable_parseMultipartFormData(request, gestore) };
  } catch (e) {
    if (e instanceof MaxPartSizeExceededError) return { ok: false, parteTroppoGrande: true };
    if (e instanceof TroppeParti) throw rispostaRichiestaNonValida(413);
    throw rispostaRichiestaNonValida(400);
  }
}
