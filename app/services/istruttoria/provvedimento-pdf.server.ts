// The provvedimento as a tagged PDF, the same way as the receipt (PDFKit, docs/decisions/012): structure tree in
// reading order (H1, H2 per section, paragraphs, lists as L > LI > LBody), document language it-IT, the title shown in
// the viewer, the running header as an artifact, Titillium Web embedded. The content comes in sections from
// app/domain/istruttoria/provvedimento.ts (what is decided, exclusions with reasons, motivazione, how to appeal).
import type { ContenutoProvvedimento } from "~/domain/istruttoria/provvedimento";
import { CORPO, MARGINE, nuovoPdfAccessibile, pulito } from "../pdf-accessibile.server";

export async function generaPdfProvvedimento(
  contenuto: ContenutoProvvedimento,
  meta: { numero: string; data: Date },
): Promise<Uint8Array> {
  const { doc, radice, bytes } = nuovoPdfAccessibile({
    titolo: contenuto.titolo,
    soggetto: `Provvedimento n. ${meta.numero}`,
    data: meta.data,
    intestazione: `INPS - OMNIA IS - Provvedimento n. ${meta.numero}`,
  });
  const blocco = (
    padre: PDFKit.PDFStructureElement,
    tipo: string,
    testo: string,
    opzioni: { grassetto?: boolean; size?: number; rientro?: number } = {},
  ) => {
    const el = doc.struct(tipo, {}, () => {
      doc
        .font(opzioni.grassetto ? "grassetto" : "normale")
        .fontSize(opzioni.size ?? CORPO)
        .text(pulito(testo), MARGINE + (opzioni.rientro ?? 0), doc.y);
    });
    padre.add(el);
    el.end();
  };
  const elenco = (voci: readonly string[]) => {
    const lista = doc.struct("L");
    radice.add(lista);
    for (const v of voci) {
      const li = doc.struct("LI");
      lista.add(li);
      // The bullet is decoration: the list structure already says it is an item.
      doc.markContent("Artifact");
      doc.font("normale").fontSize(CORPO).text("•", MARGINE + 4, doc.y, { lineBreak: false });
      doc.endMarkedContent();
      blocco(li, "LBody", v, { rientro: 16 });
      li.end();
      doc.moveDown(0.15);
    }
    lista.end();
  };

  blocco(radice, "H1", contenuto.titolo, { grassetto: true, size: 15 });
  doc.moveDown(0.2);
  blocco(radice, "P", "Istituto Nazionale della Previdenza Sociale", { size: 11 });
  for (const sezione of contenuto.sezioni) {
    doc.moveDown(0.6);
    blocco(radice, "H2", sezione.titolo, { grassetto: true, size: 12 });
    doc.moveDown(0.2);
    for (const paragrafo of sezione.paragrafi) {
      // The motivazione keeps its lines ("- controllo: …") as the operator wrote them.
      const righe = paragrafo.split(/\r?\n/).map((r) => r.trim()).filter(Boolean);
      const puntate = righe.filter((r) => r.startsWith("- "));
      if (puntate.length && puntate.length === righe.length - 1 && !righe[0].startsWith("- ")) {
        blocco(radice, "P", righe[0]);
        elenco(puntate.map((r) => r.slice(2)));
      } else {
        for (const r of righe) blocco(radice, "P", r);
      }
      doc.moveDown(0.3);
    }
    if (sezione.elenco?.length) elenco(sezione.elenco);
  }
  return bytes();
}
