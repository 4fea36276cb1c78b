// The PDF checks on real files generated with pdf-lib and on hostile bytes (executables, archives, scripts).
import { deflateRawSync } from "node:zlib";
import { PDFDocument, PDFName, PDFString } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { LIMITI_ALLEGATI } from "~/passi/schemi/allegati";
import { verificaPdf } from "./pdf.server";

async function pdfValido(testo = "Relazione tecnica"): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const pagina = doc.addPage();
  pagina.drawText(testo, { x: 50, y: 700 });
  return doc.save();
}

const ascii = (s: string) => new Uint8Array(Buffer.from(s, "latin1"));

describe("verificaPdf", () => {
  it("accetta un PDF vero e ne conta le pagine", async () => {
    expect(await verificaPdf(await pdfValido(), "relazione.pdf")).toEqual({ ok: true, pagine: 1 });
  });

  it("rifiuta un file vuoto", async () => {
    const r = await verificaPdf(new Uint8Array(), "vuoto.pdf");
    expect(r).toEqual({ ok: false, messaggio: expect.stringContaining("è vuoto") });
  });

  it("rifiuta un eseguibile Windows o Linux rinominato .pdf", async () => {
    const mz = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, ...ascii("%PDF-1.7 finto")]);
    const elf = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01]);
    for (const bytes of [mz, elf]) {
      const r = await verificaPdf(bytes, "fattura.pdf");
      expect(r).toEqual({ ok: false, messaggio: expect.stringContaining("programma eseguibile") });
    }
  });

  it("rifiuta un archivio ZIP (anche una zip bomb) rinominato .pdf senza decomprimerlo", async () => {
    // Local file header of a ZIP holding 10 MB of zeros compressed: the check never inflates it.
    const compresso = deflateRawSync(Buffer.alloc(10 * 1024 * 1024));
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...compresso.subarray(0, 1000)]);
    const r = await verificaPdf(zip, "bilancio.pdf");
    expect(r).toEqual({ ok: false, messaggio: expect.stringContaining("archivio compresso") });
  });

  it("rifiuta testo o immagini senza intestazione PDF", async () => {
    const r = await verificaPdf(ascii("<html><script>alert(1)</script></html>"), "pagina.pdf");
    expect(r).toEqual({ ok: false, messaggio: expect.stringContaining("non è un PDF") });
  });

  it("rifiuta un PDF troncato o inventato che non si legge", async () => {
    const buono = await pdfValido();
    const troncato = buono.subarray(0, 40);
    expect(await verificaPdf(troncato, "rotto.pdf")).toEqual({ ok: false, messaggio: expect.stringContaining("non è un PDF leggibile") });
    expect(await verificaPdf(ascii("%PDF-1.4\nniente altro"), "finto.pdf")).toEqual({ ok: false, messaggio: expect.any(String) });
  });

  it("rifiuta un PDF con JavaScript nell'apertura del documento", async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    const azione = doc.context.obj({ Type: "Action", S: "JavaScript", JS: PDFString.of("app.alert('x')") });
    doc.catalog.set(PDFName.of("OpenAction"), doc.context.register(azione));
    const r = await verificaPdf(await doc.save(), "script.pdf");
    expect(r).toEqual({ ok: false, messaggio: expect.stringContaining("script o azioni automatiche") });
  });

  it("rifiuta un'azione /Launch anche nascosta in uno stream di oggetti compresso", async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    const azione = doc.context.obj({ Type: "Action", S: "Launch", F: PDFString.of("calc.exe") });
    doc.catalog.set(PDFName.of("OpenAction"), doc.context.register(azione));
    // useObjectStreams (the default) compresses the dictionaries: "/Launch" is not in the raw bytes.
    const bytes = await doc.save({ useObjectStreams: true });
    expect(Buffer.from(bytes).toString("latin1")).not.toContain("/Launch");
    const r = await verificaPdf(bytes, "lancia.pdf");
    expect(r).toEqual({ ok: false, messaggio: expect.stringContaining("script o azioni automatiche") });
  });

  it("rifiuta un nome attivo scritto con escape esadecimali", async () => {
    const bytes = ascii("%PDF-1.4\n1 0 obj << /S /J#61vaScript >> endobj\n%%EOF");
    const r = await verificaPdf(bytes, "escape.pdf");
    expect(r).toEqual({ ok: false, messaggio: expect.stringContaining("script o azioni automatiche") });
  });

  it("rifiuta un file oltre il limite per file, dichiarato nel messaggio", async () => {
    const grande = new Uint8Array(LIMITI_ALLEGATI.byteFile + 1);
    grande.set(ascii("%PDF-1.7\n"));
    const r = await verificaPdf(grande, "grande.pdf");
    expect(r).toEqual({ ok: false, messaggio: expect.stringContaining("5 MB") });
  });

  it("rifiuta un PDF protetto da password", async () => {
    // A minimal document whose trailer names an /Encrypt dictionary: pdf-lib refuses it with ignoreEncryption false.
    const corpo = [
      "%PDF-1.4",
      "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj",
      "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj",
      "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] >> endobj",
      "4 0 obj << /Filter /Standard /V 1 /R 2 /O (x) /U (y) /P -4 >> endobj",
      "trailer << /Root 1 0 R /Size 5 /Encrypt 4 0 R >>",
      "%%EOF",
    ].join("\n");
    const r = await verificaPdf(ascii(corpo), "protetto.pdf");
    expect(r).toEqual({ ok: false, messaggio: expect.stringContaining("protetto da password") });
  });
});
