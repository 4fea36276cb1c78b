// The progress of a flow above the synchronous limit, checked by a job: how many returns are done out of how many.
// Without JavaScript the page reloads itself (meta refresh) while the job runs, once the user asks for it (a page that
// reloads by itself unasked is a failure of WCAG 2.2.1, technique F41): the choice is in the address
// (?aggiorna=automatico), with a link to stop it; the reloads stop once the flow is done; then it shows the totals
// and, to whoever sent the flow, the link to its report. The sender and the office staff of a
// sede competent for the flow's companies see it; anyone else finds nothing (404).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PaginaFlusso, TotaliFlusso } from "~/components/flussi/EsitoFlusso";
import { formatNumero } from "~/domain/formati";
import { rispostaNonTrovata } from "~/http/risposta.server";
import { richiediContesto } from "~/http/accesso.server";
import { avanzamentoFlusso, flussoInAttesa } from "~/services/flussi/rapporto.server";
import { messaggiFlussi as m } from "~/testi";

export const handle = { titolo: m.titoloAvanzamento };

/** Seconds between reloads while the job runs. */
const RICARICA_SECONDI = 5;

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data?.inCorso && data.automatico ? [{ httpEquiv: "refresh", content: String(RICARICA_SECONDI) }] : [];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await richiediContesto(request);
  const r = await avanzamentoFlusso(ctx, Number(params.id));
  if (!r.ok) throw rispostaNonTrovata();
  const { flusso: f, mittente } = r.valore;
  const inCorso = flussoInAttesa(f);
  const automatico = new URL(request.url).searchParams.get("aggiorna") === "automatico";
  return json(
    {
      id: f.id,
      nomeFile: f.nomeFile,
      stato: m.statoFlusso[f.stato],
      inCorso,
      automatico,
      fatte: f.denunce,
      // The count made while the file was stored is an estimate: never show fewer than already done.
      totale: Math.max(f.denunceAttese ?? f.denunce, f.denunce),
      accolte: f.accolte,
      scartate: f.scartate,
      conAvvisi: f.conAvvisi,
      mittente,
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export default function AvanzamentoFlusso() {
  const d = useLoaderData<typeof loader>();
  return (
    <PaginaFlusso nomeFile={d.nomeFile} stato={d.stato} titolo={m.titoloAvanzamento}>
      {d.inCorso ? (
        <>
          <p>{m.introAvanzamento}</p>
          <p className="lead" id="avanzamento-testo">
            Denunce controllate: <strong>{formatNumero(d.fatte)}</strong> di {formatNumero(d.totale)}
          </p>
          <progress className="w-100" max={d.totale || 1} value={d.fatte} aria-labelledby="avanzamento-testo" />
          <p className="small text-secondary">{d.automatico ? m.aggiornamentoAutomatico : m.aggiornamentoManuale}</p>
          <ul className="list-unstyled d-flex flex-wrap gap-3">
            <li>
              <Link to={`/flussi/${d.id}/avanzamento${d.automatico ? "?aggiorna=automatico" : ""}`}>{m.aggiornaOra}</Link>
            </li>
            <li>
              {d.automatico ? (
                <Link to={`/flussi/${d.id}/avanzamento`}>{m.fermaAggiornamento}</Link>
              ) : (
                <Link to={`/flussi/${d.id}/avanzamento?aggiorna=automatico`}>{m.attivaAggiornamento}</Link>
              )}
            </li>
          </ul>
        </>
      ) : (
        <>
          <div className="alert alert-success" role="status">
            <p className="mb-0">{m.controlloConcluso}</p>
          </div>
          <TotaliFlusso totali={{ denunce: d.fatte, accolte: d.accolte, scartate: d.scartate, conAvvisi: d.conAvvisi }} />
        </>
      )}
      <ul className="list-unstyled d-flex flex-wrap gap-3">
        {d.mittente && !d.inCorso ? (
          <li>
            <Link to={`/flussi/${d.id}`}>{m.vaiAlRapporto}</Link>
          </li>
        ) : null}
        {d.mittente ? (
          <li>
            <Link to="/flussi">{m.tornaAiFlussi}</Link>
          </li>
        ) : null}
      </ul>
    </PaginaFlusso>
  );
}
