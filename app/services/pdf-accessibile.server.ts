// What every PDF the platform writes shares (the receipt, the provvedimento; docs/decisions/012): a tagged PDF 1.7 in
// A4 with the document language it-IT and the title shown in the viewer's title bar, the site's Titillium Web
// embedded (every character prints, screen readers get real Unicode text), a running header on every page marked as
// an artifact (assistive technologies skip it: it repeats the title), a structure tree under one Document element,
// and label/value paragraphs. EN 301 549 §10 asks documents offered for download to be accessible; PDF/UA
// (ISO 14289-1) is how a PDF is.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { create, type Font } from "fontkit";
import PDFDocument from "pdfkit";

export const MARGINE = 50;
export const CORPO = 10;

// The site's own fonts (public/fonts, SIL Open Font License), read and parsed once per process. Parsing a WOFF2 file
// (brotli, then rebuilding its glyph tables) took more CPU than the rest of a provvedimento's PDF, on the event loop,
// inside the decision's transaction, at every PDF (profile of `npm run bench:cluster -- --profilo`): pdfkit takes the
// parsed font instead (its subset and layout are per document; the parsed tables are only read).
let caratteri: { normale: Font; grassetto: Font } | undefined;
export function fonts() {
  const cartella = join(process.cwd(), "public", "fonts");
  caratteri ??= {
    normale: create(readFileSync(join(cartella, "titillium-web-v10-latin-ext_latin-regular.woff2"))),
    grassetto: create(readFileSync(join(cartella, "titillium-web-v10-latin-ext_latin-700.woff2"))),
  };
  return caratteri;
}

// pdfkit 0.20 accepts a parsed fontkit Font in registerFont (its changelog; PDFFontFactory.open), its types do not say so.
const comeFont = (f: Font) => f as unknown as PDFKit.Mixins.PDFFontSource;

/** Control characters never print; anything else is in the embedded font or falls back to its .notdef glyph. */
export const pulito = (t: string) => t.normalize("NFC").replace(/[\u0000-\u001f\u007f]/g, " ");

export interface PdfAccessibile {
  doc: PDFKit.PDFDocument;
  /** The Document structure element: every heading, paragraph, list and table goes under it, in reading order. */
  radice: PDFKit.PDFStructureElement;
  /** Label and value in one paragraph ("Protocollo: …"): read in that order, and wrapped as one text. */
  campo: (etichetta: string, valore: string) => void;
  /** Closes the structure and the document: the PDF's bytes. */
  bytes: () => Promise<Uint8Array>;
}

/** A new tagged PDF with its first page; `intestazione` is the running header printed at the top of every page. */
export function nuovoPdfAccessibile(meta: { titolo: string; soggetto: string; data: Date; intestazione: string }): PdfAccessibile {
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGINE,
    pdfVersion: "1.7",
    tagged: true,
    lang: "it-IT",
    displayTitle: true,
    info: { Title: meta.titolo, Subject: meta.soggetto, Author: "INPS - OMNIA IS", CreationDate: meta.data },
    autoFirstPage: false,
  });
  const f = fonts();
  doc.registerFont("normale", comeFont(f.normale));
  doc.registerFont("grassetto", comeFont(f.grassetto));
  doc.on("pageAdded", () => {
    const { x, y } = doc;
    doc.markContent("Artifact", { type: "Pagination" });
    doc.font("normale").fontSize(8).fillColor("#404040").text(meta.intestazione, MARGINE, MARGINE / 2, { lineBreak: false });
    doc.endMarkedContent();
    doc.fillColor("black");
    doc.x = x;
    doc.y = y;
  });
  doc.addPage();
  const radice = doc.struct("Document");
  doc.addStructure(radice);

  const campo = (etichetta: string, valore: string) => {
    const el = doc.struct("P", {}, () => {
      doc
        .font("grassetto")
        .fontSize(CORPO)
        .text(`${pulito(etichetta)}: `, MARGINE, doc.y, { continued: true })
        .font("normale")
        .text(pulito(valore || "-"));
    });
    radice.add(el);
    el.end();
  };

  const bytes = async () => {
    radice.end();
    const pezzi: Buffer[] = [];
    doc.on("data", (b: Buffer) => pezzi.push(b));
    const fine = new Promise<void>((ok, ko) => {
      doc.on("end", () => ok());
      doc.on("error", ko);
    });
    doc.end();
    await fine;
    return new Uint8Array(Buffer.concat(pezzi));
  };
  return { doc, radice, campo, bytes };
}
