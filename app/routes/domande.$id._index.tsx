import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ETICHETTE_STATO_PASSO } from "~/passi/percorso";
import { richiediContesto } from "~/http/accesso.server";
import { caricaDomanda, idDomanda, richiediBozza } from "~/http/domanda.server";
import { didascaliaDomanda, elencoPassi } from "~/services/elenco-passi.server";

export const handle = { titolo: "La tua domanda" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await richiediContesto(request);
  const caricata = await caricaDomanda(request, ctx, idDomanda(params.id), "compila_domanda");
  richiediBozza(caricata);
  const { passi, completa } = await elencoPassi(caricata);
  return {
    id: caricata.domanda.id,
    didascalia: didascaliaDomanda(caricata),
    passi: passi.map(({ slug, titolo, stato }) => ({ slug, titolo, stato })),
    completa,
  };
}

const CLASSI_STATO = {
  da_completare: "bg-secondary",
  in_corso: "bg-primary",
  completato: "bg-success",
  con_avvisi: "bg-warning text-dark",
} as const;

export default function ElencoPassi() {
  const { id, didascalia, passi, completa } = useLoaderData<typeof loader>();
  return (
    <div className="row">
      <div className="col-12 col-lg-9">
        <p className="text-muted mb-1">{didascalia}</p>
        <h1>La tua domanda</h1>
        <p>
          Bozza n. {id}. Ogni passo completato viene salvato: puoi interrompere e riprendere in qualsiasi momento, anche da
          un altro dispositivo.
        </p>
        <ol className="list-group list-group-numbered mb-4">
          {passi.map((p) => (
            <li key={p.slug} className="list-group-item d-flex justify-content-between align-items-center">
              <Link to={`/domande/${id}/${p.slug}`} aria-describedby={`stato-${p.slug}`}>
                {p.titolo}
              </Link>
              <span id={`stato-${p.slug}`} className={`badge ${CLASSI_STATO[p.stato]}`}>
                {ETICHETTE_STATO_PASSO[p.stato]}
              </span>
            </li>
          ))}
        </ol>
        {completa ? (
          <Link className="btn btn-primary" to={`/domande/${id}/riepilogo`}>
            Vai al riepilogo
          </Link>
        ) : (
          <p>Completa tutti i passi per vedere il riepilogo e inviare la domanda.</p>
        )}
        <p className="mt-4">
          <Link to={`/domande/${id}/elimina`}>Elimina la bozza</Link>
        </p>
      </div>
    </div>
  );
}
