// The acts of the demo seeds issued before the platform's PDF service: a minimal valid one-page PDF with a line of
// text (offsets computed, so readers accept it). Demo data only.
/** A minimal one-page PDF standing in for the act issued before the platform's PDF service (demo data only). */
export function pdfDimostrativo(testo: string): Buffer {
  const contenuto = `BT /F1 12 Tf 72 720 Td (${testo.replace(/[()\\]/g, "")}) Tj ET`;
  const oggetti = [
    "<< /Type /Catalog /Pages 2 0 R /Lang (it-IT) >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${contenuto.length} >>\nstream\n${contenuto}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let corpo = "%PDF-1.7\n";
  const posizioni: number[] = [];
  oggetti.forEach((o, i) => {
    posizioni.push(corpo.length);
    corpo += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = corpo.length;
  corpo += `xref\n0 ${oggetti.length + 1}\n0000000000 65535 f \n${posizioni.map((p) => `${String(p).padStart(10, "0")} 00000 n \n`).join("")}`;
  corpo += `trailer\n<< /Size ${oggetti.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(corpo, "latin1");
}
