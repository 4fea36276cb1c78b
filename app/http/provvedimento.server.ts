// HTTP answer for the download of an issued act: the stored PDF, never in a shared cache (personal data), 404 for an act of another
// domanda or a malformed id. The caller has authorised the reader on the domanda.
import { rispostaNonTrovata } from "./risposta.server";
import { pdfProvvedimento } from "~/services/istruttoria/decisione.server";

export async function rispostaPdfProvvedimento(domandaId: number, atto: string | null): Promise<Response> {
  if (atto !== null && !/^[1-9][0-9]{0,9}$/.test(atto)) throw rispostaNonTrovata();
  const p = await pdfProvvedimento(domandaId, atto === null ? undefined : Number(atto));
  if (!p) throw rispostaNonTrovata();
  return new Response(new Uint8Array(p.pdf), {
    status: 200,
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="provvedimento-${p.numero}.pdf"`,
      "Content-Length": String(p.pdf.byteLength),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
