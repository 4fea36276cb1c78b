import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import type { loader as loaderRadice } from "~/root";
import { messaggiAccesso } from "~/testi";
import { elencoAziendeAccessibili, sediUtente } from "~/services/accesso.server";
import { richiediContesto } from "~/http/accesso.server";
import { TabellaScorrevole } from "~/components/layout/TabellaScorrevole";

export const handle = { titolo: "Area riservata" };

export async function loader({ request }: LoaderFunctionArgs) {
  const ctx = await richiediContesto(request);
  const operatore = ctx.ruolo === "operatore_sede" || ctx.ruolo === "dirigente_sede";
  return {
    ruolo: messaggiAccesso.ruoli[ctx.ruolo],
    operatore,
    dirigente: ctx.ruolo === "dirigente_sede",
    intermediario: ctx.ruolo === "intermediario",
    aziende: operatore ? [] : await elencoAziendeAccessibili(ctx),
    sedi: operatore ? await sediUtente(ctx.utente.id) : [],
  };
}

export default function AreaRiservata() {
  const { ruolo, operatore, dirigente, intermediario, aziende, sedi } = useLoaderData<typeof loader>();
  // The count of the header (root loader), not read twice.
  const nonLetti = useRouteLoaderData<typeof loaderRadice>("root")?.utente?.messaggi?.nonLetti ?? 0;
  const daLeggere = nonLetti > 0 ? ` (${nonLetti === 1 ? "1 da leggere" : `${nonLetti} da leggere`})` : "";
  return (
    <>
      <h1>Area riservata</h1>
      <p className="lead">Stai operando come {ruolo.toLowerCase()}.</p>
      {operatore ? (
        <section aria-labelledby="titolo-sedi">
          <h2 id="titolo-sedi">Le tue sedi</h2>
          <ul>
            {sedi.map((s) => (
              <li key={s.codice}>
                {s.nome} ({s.regione}) — codice sede {s.codice}
              </li>
            ))}
          </ul>
          <ul>
            <li>
              <Link to="/scrivania">Domande da istruire</Link>
            </li>
            <li>
              <Link to="/scrivania/pagamenti">Pagamenti diretti: importi, eccezioni e lotti</Link>
            </li>
            <li>
              <Link to="/scrivania/messaggi">Messaggi delle aziende{daLeggere}</Link>
            </li>
            {dirigente ? (
              <li>
                <Link to="/scrivania/carichi">Carichi di lavoro e tempi dell&apos;ufficio</Link>
              </li>
            ) : null}
            <li>
              <Link to="/profilo">Cambia profilo</Link>
            </li>
          </ul>
        </section>
      ) : (
        <section aria-labelledby="titolo-aziende">
          <h2 id="titolo-aziende">Aziende per cui puoi operare</h2>
          {aziende.length === 0 ? (
            <p>Non ci sono aziende per cui puoi operare oggi.</p>
          ) : (
            <TabellaScorrevole etichetta="Aziende per cui puoi operare">
              {/* Alike domande.richieste.tsx, privacy.tsx, scrivania._index.tsx, scrivania.pagamenti._index.tsx's tables (duplicates): the same table markup (header cells, one row per item); the columns and cells are this table's own */}
              <table className="table">
                <caption>Aziende per cui puoi presentare e consultare domande ({aziende.length}): apri il cruscotto di ciascuna</caption>
                <thead>
                  <tr>
                    <th scope="col">Ragione sociale</th>
                    <th scope="col">Matricola</th>
                    <th scope="col">Codice fiscale</th>
                    <th scope="col">Sede legale</th>
                  </tr>
                </thead>
                <tbody>
                  {aziende.map((a) => (
                    <tr key={a.id}>
                      <th scope="row">
                        <Link to={`/aziende/${a.id}/cruscotto`}>{a.ragioneSociale}</Link>
                      </th>
                      <td>{a.matricola ?? a.cida}</td>
                      <td>{a.codiceFiscale}</td>
                      <td>
                        {a.comune} ({a.provincia})
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TabellaScorrevole>
          )}
          <ul>
            <li>
              <Link to="/domande">Le tue domande</Link>
            </li>
            <li>
              <Link to="/messaggi">Messaggi{daLeggere}</Link>
            </li>
            <li>
              <Link to="/domande/nuova">Nuova domanda</Link>
            </li>
            <li>
              <Link to="/flussi">Flussi UniEmens-Cig per il pagamento diretto</Link>
            </li>
            {intermediario ? (
              <li>
                <Link to="/portafoglio">Portafoglio delle aziende delegate: bozze, richieste, decisioni e scadenze</Link>
              </li>
            ) : (
              <li>
                <Link to="/cruscotto">Cruscotto: autorizzato, fruito, capacità residua e scadenze</Link>
              </li>
            )}
            <li>
              <Link to="/deleghe">Deleghe e abilitazioni</Link>
            </li>
            <li>
              <Link to="/profilo">Cambia profilo</Link>
            </li>
          </ul>
        </section>
      )}
    </>
  );
}
