// Files in and out of the platform: the form data of an upload POST (multipart read within the attachment limits,
// then the CSRF check on its fields), the PDFs chosen in it, and the download of a stored PDF.
import { LIMITI_ALLEGATI, messaggiAllegati } from "~/passi/schemi/allegati";
import { MAX_PERIODI } from "~/passi/schemi/relazione-tecnica";
import { leggiFormProtetto } from "./accesso.server";
import { eMultipart, leggiMultipart } from "./corpo-richiesta.server";
import { verificaFileCaricato, type FileVerificato } from "~/services/allegati.server";

// The upload forms send one file and short fields: the relazione tecnica's, the longest, has four per indicator row
// (at most MAX_PERIODI, a few more are reported as an error) and about ten others.
const PARTI_MASSIME = 4 * (MAX_PERIODI + 4) + 20;

/**
 * The form data of an upload POST, with the CSRF check (403) on the parsed fields: the token travels inside the
 * multipart body. The server has already refused a body over the route's cap before reading it (413); a file over
 * the per-file limit is reported next to the field.
 */
export async function leggiFormConFile(
  request: Request,
  tokenCsrf: string,
  /** How many fields the form sends at most besides the file (a form with a table of rows sends more). */
  parti = PARTI_MASSIME,
): Promise<{ ok: true; formData: FormData } | { ok: false; messaggio: string }> {
  if (!eMultipart(request)) return { ok: true, formData: await leggiFormProtetto(request, tokenCsrf) };
  const letto = await leggiMultipart(request, { byteParte: LIMITI_ALLEGATI.byteFile, parti });
  if (!letto.ok) return { ok: false, messaggio: messaggiAllegati.richiestaTroppoGrande };
  return { ok: true, formData: await leggiFormProtetto(request, tokenCsrf, letto.formData) };
}


/**
 * The PDFs chosen in a form's multiple file field ("file"; a field left empty sends one nameless, empty part), each
 * checked by content: the checked files, or one message per refused file (or the `troppi` message over `massimo`).
 */
export async function fileScelti(
  formData: FormData,
  massimo: number,
  troppi: string,
): Promise<{ file: FileVerificato[]; errori: string[] }> {
  const scelti = formData.getAll("file").filter((f): f is File => f instanceof File && !(f.name === "" && f.size === 0));
  if (scelti.length > massimo) return { file: [], errori: [troppi] };
  const file: FileVerificato[] = [];
  const errori: string[] = [];
  for (const f of scelti) {
    const v = await verificaFileCaricato(f);
    if (v.ok) file.push(v.file);
    else errori.push(`${f.name}: ${v.messaggio}`);
  }
  return { file, errori };
}

/**
 * The download of a stored PDF: the ASCII name for old clients and the UTF-8 one that keeps accented letters; never
 * sniffed as another type, never cached by a shared cache.
 */
export function rispostaPdfScaricato(nomeFile: string, contenuto: Uint8Array): Response {
  // Quotes and backslashes would end or escape the quoted name (stored names have none; kept safe anyway).
  const ascii = nomeFile.replace(/[^\x20-\x7E]/g, "_").replace(/["\\]/g, "_");
  return new Response(new Uint8Array(contenuto), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(contenuto.byteLength),
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(nomeFile)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
