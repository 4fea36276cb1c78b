// The Sede's requests waiting for an answer, for the companies this profile acts for: nearest deadline first, each
// with the way to answer it.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { TabellaScorrevole } from "~/components/layout/TabellaScorrevole";
import { formatDataItaliana } from "~/domain/date";
import { richiediAzione, richiediContesto } from "~/http/accesso.server";
import { richiesteInAttesa } from "~/services/istruttoria/interlocuzione.server";

export const handle = { titolo: "Richieste della Sede in attesa di risposta" };

export async function loader({ request }: LoaderFunctionArgs) {
  const ctx = await richiediContesto(request);
  richiediAzione(ctx, "rispondi_richiesta");
  return { richieste: await richiesteInAttesa(ctx) };
}

function restano(n: number | null): string {
  if (n === null) return "Termine scaduto";
  return n === 0 ? "Scade oggi" : n === 1 ? "Resta 1 giorno" : `Restano ${n} giorni`;
}

export default function RichiesteInAttesa() {
  const { richieste } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Richieste della Sede in attesa di risposta</h1>
      {richieste.length === 0 ? (
        <p>Non ci sono richieste della Sede in attesa di risposta.</p>
      ) : (
        <TabellaScorrevole etichetta="Richieste in attesa di risposta">
          {/* Alike the tables of aziende.$id.cruscotto.tsx, prestazioni.$codice.tempi.tsx, domande.$id.allegati.tsx and domande.$id.relazione-tecnica.tsx (duplicates): the same table frame (caption, header, hidden Azioni column); the columns and the answer link are this page's own */}
          <table className="table">
            <caption>
              {richieste.length === 1 ? "1 richiesta" : `${richieste.length} richieste`}, dalla scadenza più vicina
            </caption>
            <thead>
              <tr>
                <th scope="col">Domanda</th>
                <th scope="col">Azienda</th>
                <th scope="col">Richiesta</th>
                <th scope="col">Rispondi entro</th>
                <th scope="col">
                  <span className="visually-hidden">Azioni</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {richieste.map((r) => (
                <tr key={r.domandaId}>
                  <th scope="row">
                    {r.protocollo}
                    <br />
                    <span className="small">{r.prestazione}</span>
                  </th>
                  <td>{r.azienda}</td>
                  <td>
                    {r.nomeTipo} del {formatDataItaliana(r.ricevutaIl)}
                  </td>
                  <td>
                    {formatDataItaliana(r.scadenza)} ({restano(r.giorniRimanenti)})
                  </td>
                  <td>
                    <Link to={`/domande/${r.domandaId}/risposta`}>
                      Rispondi<span className="visually-hidden"> alla richiesta sulla domanda {r.protocollo}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TabellaScorrevole>
      )}
      <p>
        <Link to="/domande">Torna a Le tue domande</Link>
      </p>
    </>
  );
}
