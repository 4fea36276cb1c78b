// Flows API: GET the flows the key's user sent; POST a flow as the request body (XML or CSV), checked and stored
// like the page's upload, or only checked with ?prova=true (with `Accept: text/csv`, the whole report as CSV). The body
// streams into the reader (never whole in memory).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { PROBLEMI, problema, richiediPersonaApi } from "~/http/api.server";
import { concludiCsv, rapportoCsvVerifica } from "~/http/flusso-caricato.server";
import { riceviFlusso } from "~/services/flussi/invio-flusso.server";
import { elencoFlussi } from "~/services/flussi/rapporto.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const persona = await richiediPersonaApi(request);
  const flussi = await elencoFlussi(persona);
  return json(
    {
      flussi: flussi.map((f) => ({
        id: f.id, nomeFile: f.nomeFile, stato: f.stato, ricevutoIl: f.ricevutoIl.toISOString(),
        denunce: f.denunce, accolte: f.accolte, scartate: f.scartate, conAvvisi: f.conAvvisi, rapporto: `/api/v1/flussi/${f.id}`,
      })),
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

function formatoDi(tipo: string | null): "xml" | "csv" | null {
  const t = (tipo ?? "").split(";")[0].trim().toLowerCase();
  return t === "application/xml" || t === "text/xml" ? "xml" : t === "text/csv" ? "csv" : null;
}

/** The file's name as the program gives it, for the user's list: no path, no control characters, at most 255. */
function nomeFile(intestazione: string | null, formato: "xml" | "csv"): string {
  const nome = (intestazione ?? "").split(/[\\/]/).pop()!.replace(/[^\p{L}\p{N} ._()-]/gu, "").trim().slice(0, 255);
  return nome || `flusso.${formato}`;
}

/** The body as the reader takes it, a piece at a time; a reader that stops early cancels the rest. */
async function* pezzi(corpo: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const lettore = corpo.getReader();
  try {
    for (;;) {
      const { done, value } = await lettore.read();
      if (done) return;
      yield value;
    }
  } finally {
    await lettore.cancel().catch(() => undefined);
  }
}

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return problema({ status: 405, title: "Metodo non ammesso", detail: "Usa POST per inviare un flusso." }, { Allow: "GET, POST" });
  const persona = await richiediPersonaApi(request);
  const formato = formatoDi(request.headers.get("Content-Type"));
  if (!formato || !request.body) return problema(PROBLEMI.tipo);
  const prova = new URL(request.url).searchParams.get("prova") === "true";
  if (prova && /\btext\/csv\b/i.test(request.headers.get("Accept") ?? "")) {
    // The whole report as CSV, written while the file is checked (the JSON lists the first 1,000 of each kind). A
    // failure after the start breaks the answer: a program never takes a cut report for a whole one.
    const { csv, segnalazioni } = rapportoCsvVerifica();
    concludiCsv(csv, riceviFlusso(persona, { nome: nomeFile(request.headers.get("X-Nome-File"), formato), formato, contenuto: pezzi(request.body) }, { prova, segnalazioni }), request);
    return csv.risposta("verifica-flusso.csv");
  }
  const r = await riceviFlusso(persona, { nome: nomeFile(request.headers.get("X-Nome-File"), formato), formato, contenuto: pezzi(request.body) }, { prova });
  if (!r.ok) return problema(PROBLEMI.nonTrovato);
  const x = r.valore;
  const corpo = {
    id: x.flussoId, prova: x.prova, denunce: x.denunce, accolte: x.accolte, scartate: x.scartate, conAvvisi: x.conAvvisi,
    interrotto: x.interrotto, scarti: x.scarti, avvisi: x.avvisi, nonElencate: x.nonElencate,
    rapporto: x.flussoId === null ? null : `/api/v1/flussi/${x.flussoId}`,
  };
  if (x.flussoId === null) return json(corpo, { headers: { "Cache-Control": "no-store" } });
  // Above 10,000 returns the file is stored and checked by a job: 202, the report's state says when it is done.
  if (x.inCoda) return json({ ...corpo, stato: "in_coda" }, { status: 202, headers: { Location: `/api/v1/flussi/${x.flussoId}`, "Cache-Control": "no-store" } });
  return json(corpo, { status: 201, headers: { Location: `/api/v1/flussi/${x.flussoId}`, "Cache-Control": "no-store" } });
}
