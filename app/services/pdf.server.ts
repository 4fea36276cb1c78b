// Checks on an uploaded PDF by its content, never by its name: an executable or an archive renamed .pdf, an empty
// or truncated file, an encrypted one, or one carrying active content is refused before anything is stored.
import { EncryptedPDFError, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, type PDFObject } from "pdf-lib";
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

// Actions a viewer may run on its own (scripts, program launches, embedded forms that submit): refused as a
// precaution, the Sede never needs them to read a document.
const NOMI_ATTIVI = new Set(["JavaScript", "JS", "Launch", "SubmitForm", "ImportData", "RichMedia"]);

function posizioneIntestazione(bytes: Uint8Array): number {
  const limite = Math.min(bytes.length - PDF.length, FINESTRA_INTESTAZIONE);
  for (let i = 0; i <= limite; i++) if (inizia(bytes, PDF, i)) return i;
  return -1;
}

/** Active content named anywhere in the raw bytes, also written with #xx escapes (e.g. /J#61vaScript). */
function nomiAttiviNelTesto(bytes: Uint8Array): boolean {
  const testo = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  const nomi = testo.match(/\/[A-Za-z0-9#]{2,40}/g) ?? [];
  return nomi.some((n) => NOMI_ATTIVI.has(n.slice(1).replace(/#([0-9A-Fa-f]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16)))));
}

/** Active content in the parsed objects: also catches names hidden inside compressed object streams. */
function nomiAttiviNegliOggetti(doc: PDFDocument): boolean {
  const visti = new Set<PDFObject>();
  const attivo = (o: PDFObject | undefined): boolean => {
    if (!o || visti.has(o)) return false;
    visti.add(o);
    if (o instanceof PDFName) return NOMI_ATTIVI.has(o.decodeText());
    if (o instanceof PDFDict) {
      for (const [k, v] of o.entries()) if (NOMI_ATTIVI.has(k.decodeText()) || attivo(v)) return true;
      return false;
    }
    if (o instanceof PDFArray) return o.asArray().some(attivo);
    if (o instanceof PDFRawStream) return attivo(o.dict);
    return false;
  };
  return doc.context.enumerateIndirectObjects().some(([, o]) => attivo(o)) || attivo(doc.catalog);
}

/** Is this a real, readable, passive PDF within the per-file limit? The name is only used in messages. */
export async function verificaPdf(bytes: Uint8Array, nome: string): Promise<EsitoVerificaPdf> {
  const m = messaggiPdf;
  if (bytes.byteLength === 0) return { ok: false, messaggio: m.vuoto(nome) };
  if (bytes.byteLength > LIMITI_ALLEGATI.byteFile) return { ok: false, messaggio: m.troppoGrande(nome) };
  if (inizia(bytes, MZ) || inizia(bytes, ELF)) return { ok: false, messaggio: m.eseguibile(nome) };
  if (inizia(bytes, PK)) return { ok: false, messaggio: m.archivio(nome) };
  if (posizioneIntestazione(bytes) < 0) return { ok: false, messaggio: m.nonPdf(nome) };
  if (nomiAttiviNelTesto(bytes)) return { ok: false, messaggio: m.contenutoAttivo(nome) };
  let pagine: number;
  let attivo: boolean;
  try {
    const doc = await PDFDocument.load(bytes, { ignoreEncryption: false, throwOnInvalidObject: true, updateMetadata: false });
    attivo = nomiAttiviNegliOggetti(doc);
    // A document without a readable page tree (truncated, forged) throws here rather than in load.
    pagine = doc.getPageCount();
  } catch (e) {
    // pdf-lib is compiled to ES5, where `instanceof` on Error subclasses fails: recognise it by name or message.
    if (e instanceof Error && (e.constructor === EncryptedPDFError || /is encrypted/.test(e.message))) return { ok: false, messaggio: m.cifrato(nome) };
    return { ok: false, messaggio: m.illeggibile(nome) };
  }
  if (attivo) return { ok: false, messaggio: m.contenutoAttivo(nome) };
  if (pagine === 0) return { ok: false, messaggio: m.senzaPagine(nome) };
  return { ok: true, pagine };
}
