// The report of a flow sent: totals and the rejected rows, 50 a page (GET link "Righe successive", no JS needed),
// with the CSV of every rejected row.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { EsitoFlusso, PaginaFlusso } from "~/components/flussi/EsitoFlusso";
import { rispostaNonTrovata } from "~/http/risposta.server";
import { richiediContesto } from "~/http/accesso.server";
import { flussoInAttesa, rapportoFlusso } from "~/services/flussi/rapporto.server";
import { messaggiFlussi as m } from "~/testi";

export const handle = { titolo: m.titoloRapporto };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await richiediContesto(request);
  const dopo = Number(new URL(request.url).searchParams.get("dopo") ?? 0);
  const r = await rapportoFlusso(ctx, Number(params.id), Number.isSafeInteger(dopo) && dopo >= 0 ? dopo : 0);
  if (!r.ok) throw rispostaNonTrovata();
  const { flusso, scarti, dopo: prossima } = r.valore;
  // A large flow still being checked by its job: the report is not ready, its progress is.
  if (flussoInAttesa(flusso)) throw redirect(`/flussi/${flusso.id}/avanzamento`, 303);
  const interrotto = flusso.stato === "interrotto" ? scarti.find((s) => s.codice === "UNI41-E001" || s.codice === "UNI41-E002") ?? null : null;
  return json(
    {
      id: flusso.id,
      nomeFile: flusso.nomeFile,
      stato: m.statoFlusso[flusso.stato],
      esito: {
        denunce: flusso.denunce, accolte: flusso.accolte, scartate: flusso.scartate, conAvvisi: flusso.conAvvisi,
        interrotto: interrotto ? { riga: interrotto.riga, messaggio: interrotto.messaggio } : null,
        scarti,
      },
      prossima,
      primaPagina: dopo === 0,
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export default function RapportoFlusso() {
  const d = useLoaderData<typeof loader>();
  return (
    <PaginaFlusso nomeFile={d.nomeFile} stato={d.stato} titolo={m.titoloRapporto}>
      <EsitoFlusso esito={d.esito} />
      <ul className="list-unstyled d-flex flex-wrap gap-3">
        {d.prossima ? (
          <li>
            <Link to={`/flussi/${d.id}?dopo=${d.prossima}`}>Righe scartate successive</Link>
          </li>
        ) : null}
        {!d.primaPagina ? (
          <li>
            <Link to={`/flussi/${d.id}`}>Prime righe scartate</Link>
          </li>
        ) : null}
        {d.esito.scartate > 0 ? (
          <li>
            <a href={`/flussi/${d.id}/scarti.csv`} download>
              {m.scaricaScarti}
            </a>
          </li>
        ) : null}
        <li>
          <Link to="/flussi">{m.tornaAiFlussi}</Link>
        </li>
      </ul>
    </PaginaFlusso>
  );
}
