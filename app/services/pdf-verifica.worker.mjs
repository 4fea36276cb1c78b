// The content checks of an uploaded PDF, run in a worker thread (started by pdf.server.ts with a time and memory
// budget) so that parsing a hostile file never blocks the server's event loop. Plain JavaScript: the worker is
// loaded by Node as it is, under tsx, vitest and the built server alike.
//
// Answers one of: { esito: "ok", pagine } | { esito: "attivo" | "incorporati" | "xfa" | "cifrato" |
// "illeggibile" | "troppo_complesso" }.
import { parentPort } from "node:worker_threads";
import { constants, inflateSync } from "node:zlib";
import pdfLib from "pdf-lib";

const { EncryptedPDFError, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream } = pdfLib;

// Actions a viewer may run on its own (scripts, program launches, forms that submit, embedded media): refused as a
// precaution, the Sede never needs them to read a document.
const NOMI_ATTIVI = new Set(["JavaScript", "JS", "Launch", "SubmitForm", "ImportData", "RichMedia", "GoToE"]);
// Files carried inside the PDF (an executable can travel as an attachment) and file-attachment annotations.
const NOMI_INCORPORATI = new Set(["EmbeddedFile", "EmbeddedFiles", "FileAttachment"]);
// XFA forms: a second, XML document inside the PDF, with its own scripts.
const NOMI_XFA = new Set(["XFA"]);

/**
 * The most the object and cross-reference streams may inflate to, all together. Those are the streams the parser
 * must decompress to read the document; they hold only the objects' dictionaries, a few hundred KB even in large
 * documents. A "decompression bomb" (100 KB inflating to 100 MB) is refused before the parser touches it.
 */
const INFLAZIONE_MASSIMA = 16 * 1024 * 1024;

const decodificaNome = (n) => n.replace(/#([0-9A-Fa-f]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16)));

function classifica(nome) {
  if (NOMI_ATTIVI.has(nome)) return "attivo";
  if (NOMI_INCORPORATI.has(nome)) return "incorporati";
  if (NOMI_XFA.has(nome)) return "xfa";
  return null;
}

/** Refused names anywhere in the raw bytes, also written with #xx escapes (e.g. /J#61vaScript). */
function nomiNelTesto(testo) {
  for (const n of testo.match(/\/[A-Za-z0-9#]{2,40}/g) ?? []) {
    const trovato = classifica(decodificaNome(n.slice(1)));
    if (trovato) return trovato;
  }
  return null;
}

/** Does inflating the object and xref streams stay within the budget? Checked with zlib, which stops at the cap. */
function inflazioneEntroIlLimite(bytes, testo) {
  let totale = 0;
  const inizio = /stream\r?\n/g;
  let m;
  while ((m = inizio.exec(testo)) !== null) {
    if (testo.startsWith("end", m.index - 3)) continue;
    const dizionario = decodificaNome(testo.slice(Math.max(0, testo.lastIndexOf("obj", m.index)), m.index));
    if (!/\/Type\s*\/(ObjStm|XRef)\b/.test(dizionario) || !/\/FlateDecode\b/.test(dizionario)) continue;
    const dati = m.index + m[0].length;
    const lunghezza = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dizionario);
    const fine = lunghezza ? Math.min(bytes.length, dati + Number(lunghezza[1])) : testo.indexOf("endstream", dati);
    try {
      const piano = inflateSync(bytes.subarray(dati, fine < 0 ? bytes.length : fine), {
        maxOutputLength: INFLAZIONE_MASSIMA - totale + 1,
        finishFlush: constants.Z_SYNC_FLUSH,
      });
      totale += piano.byteLength;
    } catch (e) {
      if (e instanceof RangeError || e?.code === "ERR_BUFFER_TOO_LARGE") return false;
      // Damaged data: the parser decides whether the document can be read at all.
    }
    if (totale > INFLAZIONE_MASSIMA) return false;
    inizio.lastIndex = Math.max(inizio.lastIndex, fine);
  }
  return true;
}

/** Refused names in the parsed objects: also those hidden inside compressed object streams. */
function nomiNegliOggetti(doc) {
  const visti = new Set();
  const cerca = (o) => {
    if (!o || visti.has(o)) return null;
    visti.add(o);
    if (o instanceof PDFName) return classifica(o.decodeText());
    if (o instanceof PDFDict) {
      for (const [k, v] of o.entries()) {
        const trovato = classifica(k.decodeText()) ?? cerca(v);
        if (trovato) return trovato;
      }
      return null;
    }
    if (o instanceof PDFArray) {
      for (const x of o.asArray()) {
        const trovato = cerca(x);
        if (trovato) return trovato;
      }
      return null;
    }
    if (o instanceof PDFRawStream) return cerca(o.dict);
    return null;
  };
  for (const [, o] of doc.context.enumerateIndirectObjects()) {
    const trovato = cerca(o);
    if (trovato) return trovato;
  }
  return cerca(doc.catalog);
}

async function verifica(bytes) {
  const testo = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  const nelTesto = nomiNelTesto(testo);
  if (nelTesto) return { esito: nelTesto };
  if (!inflazioneEntroIlLimite(bytes, testo)) return { esito: "troppo_complesso" };
  let doc;
  let pagine;
  try {
    doc = await PDFDocument.load(bytes, { ignoreEncryption: false, throwOnInvalidObject: true, updateMetadata: false });
    // A document without a readable page tree (truncated, forged) throws here rather than in load.
    pagine = doc.getPageCount();
  } catch (e) {
    // pdf-lib is compiled to ES5, where `instanceof` on Error subclasses fails: recognise it by name or message.
    if (e instanceof Error && (e.constructor === EncryptedPDFError || /is encrypted/.test(e.message))) return { esito: "cifrato" };
    return { esito: "illeggibile" };
  }
  const negliOggetti = nomiNegliOggetti(doc);
  if (negliOggetti) return { esito: negliOggetti };
  return { esito: "ok", pagine };
}

// One check per message, in turn: the worker is kept between checks (loading pdf-lib costs more than a check).
parentPort.on("message", async (bytes) => {
  parentPort.postMessage(await verifica(bytes));
});
