// Flows API: one flow's report, with its rejected rows 50 at a time (keyset: `successivi` is the next page's address).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { PROBLEMI, problema, richiediPersonaApi } from "~/http/api.server";
import { rapportoFlusso } from "~/services/flussi/rapporto.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const persona = await richiediPersonaApi(request);
  const dopo = Number(new URL(request.url).searchParams.get("dopo") ?? 0);
  const r = await rapportoFlusso(persona, Number(params.id), Number.isSafeInteger(dopo) && dopo >= 0 ? dopo : 0);
  if (!r.ok) return problema(PROBLEMI.nonTrovato);
  const { flusso: f, scarti, dopo: prossima } = r.valore;
  return json(
    {
      id: f.id, nomeFile: f.nomeFile, stato: f.stato, ricevutoIl: f.ricevutoIl.toISOString(), completatoIl: f.completatoIl?.toISOString() ?? null,
      denunce: f.denunce, accolte: f.accolte, scartate: f.scartate, conAvvisi: f.conAvvisi,
      scarti: scarti.map((s) => ({ riga: s.riga, codice: s.codice, messaggio: s.messaggio })),
      successivi: prossima === null ? null : `/api/v1/flussi/${f.id}?dopo=${prossima}`,
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}
