// Flussi UniEmens-Cig: the flows the user sent and the form to send one (or to check it without sending).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ModuloFlusso } from "~/components/flussi/ModuloFlusso";
import { TabellaScorrevole } from "~/components/layout/TabellaScorrevole";
import { formatNumero } from "~/domain/formati";
import { leggiFlussoCaricato, richiediMittenteFlussi } from "~/http/flusso-caricato.server";
import { elencoFlussi } from "~/services/flussi/rapporto.server";
import { messaggiFlussi as m } from "~/testi";

export const handle = { titolo: m.titoloElenco };


export async function loader({ request }: LoaderFunctionArgs) {
  const ctx = await richiediMittenteFlussi(request);
  const flussi = await elencoFlussi(ctx);
  return json(
    {
      csrf: ctx.sessione.csrfToken,
      flussi: flussi.map((f) => ({
        id: f.id, nomeFile: f.nomeFile, stato: m.statoFlusso[f.stato], denunce: f.denunce, accolte: f.accolte, scartate: f.scartate,
        ricevutoIl: f.ricevutoIl.toLocaleString("it-IT", { timeZone: "Europe/Rome", dateStyle: "short", timeStyle: "short" }),
      })),
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export async function action({ request }: ActionFunctionArgs) {
  const ctx = await richiediMittenteFlussi(request);
  const esito = await leggiFlussoCaricato(request, ctx, { prova: false });
  if (!esito.ok) return json({ status: "error" as const, errore: esito.errore }, { status: 422 });
  // A file above the synchronous limit is stored and checked by a job: its progress page, then its report.
  return redirect(esito.rapporto.inCoda ? `/flussi/${esito.rapporto.flussoId}/avanzamento` : `/flussi/${esito.rapporto.flussoId}`, 303);
}

export default function Flussi() {
  // Alike domande.$id.elimina.tsx and flussi.denunce.$id.elimina.tsx (duplicates): only the loader/action hooks are
  // alike; the page is the flows' own
  const d = useLoaderData<typeof loader>();
  const risultato = useActionData<typeof action>();
  return (
    <div className="row">
      <div className="col-12 col-lg-9">
        <h1>{m.titoloElenco}</h1>
        <p className="lead">{m.introElenco}</p>
        <p className="small text-secondary">Riferimento normativo: {m.notaNormativa}</p>
        <ModuloFlusso csrf={d.csrf} errore={risultato?.errore} />
        <p className="mt-4">
          <Link to="/flussi/eliminazione">{m.linkEliminazione}</Link> · <Link to="/flussi/chiavi">Chiavi per i programmi paghe</Link>
        </p>
        <h2 className="h3 mt-5">I tuoi flussi</h2>
        {d.flussi.length === 0 ? (
          <p>{m.nessunFlusso}</p>
        ) : (
          // Alike flussi.chiavi.tsx's and scrivania.carichi.tsx's tables (duplicates): the same table frame; the columns
          // are the sent flows' own (file, state, rows accepted and discarded)
          <TabellaScorrevole etichetta="Flussi inviati">
            <table className="table">
              <caption>Ultimi flussi inviati</caption>
              <thead>
                <tr>
                  <th scope="col">File</th>
                  <th scope="col">Ricevuto</th>
                  <th scope="col">Stato</th>
                  <th scope="col">Denunce</th>
                  <th scope="col">Accolte</th>
                  <th scope="col">Scartate</th>
                </tr>
              </thead>
              {/* Alike flussi.chiavi.tsx's rows and table end (duplicates): the same row-and-close frame; the cells are the flows' */}
              <tbody>
                {d.flussi.map((f) => (
                  <tr key={f.id}>
                    <th scope="row">
                      <Link to={`/flussi/${f.id}`}>{f.nomeFile}</Link>
                    </th>
                    <td>{f.ricevutoIl}</td>
                    <td>{f.stato}</td>
                    <td>{formatNumero(f.denunce)}</td>
                    <td>{formatNumero(f.accolte)}</td>
                    <td>{formatNumero(f.scartate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TabellaScorrevole>
        )}
      </div>
    </div>
  );
}
