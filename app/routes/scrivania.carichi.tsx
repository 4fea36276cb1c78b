// The office manager's read-only view of the sede: workload per operator, cases by state and age, median days to
// decision, cases past the decision time limit. Other roles: 404.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { TabellaScorrevole } from "~/components/layout/TabellaScorrevole";
import { richiediContesto, rispostaNonTrovata } from "~/http/accesso.server";
import { carichiUfficio } from "~/services/istruttoria/carichi.server";

export const handle = { titolo: "Carichi di lavoro dell'ufficio" };

export async function loader({ request }: LoaderFunctionArgs) {
  const ctx = await richiediContesto(request);
  const dati = await carichiUfficio(ctx);
  if (!dati) throw rispostaNonTrovata();
  return dati;
}

function giorni(n: number | null): string {
  if (n === null) return "Nessuna domanda decisa";
  const v = n.toLocaleString("it-IT", { maximumFractionDigits: 1 });
  return n === 1 ? "1 giorno" : `${v} giorni`;
}

export default function Carichi() {
  const d = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Carichi di lavoro dell&apos;ufficio</h1>
      <p>
        Sedi: {d.sedi.join(", ")}. Domande inviate: {d.totale}. Vista in sola lettura.
      </p>
      <ul>
        <li>
          <Link to="/scrivania">Domande da istruire</Link>
        </li>
      </ul>
      <section aria-labelledby="titolo-sintesi" className="mb-4">
        <h2 id="titolo-sintesi" className="h4">
          In sintesi
        </h2>
        <dl className="row">
          <dt className="col-sm-6">Domande aperte oltre il termine per decidere</dt>
          <dd className="col-sm-6">{d.oltreTermine}</dd>
          <dt className="col-sm-6">Domande decise oltre il termine</dt>
          <dd className="col-sm-6">{d.deciseOltreTermine}</dd>
          <dt className="col-sm-6">Mediana dei giorni dall&apos;invio alla decisione</dt>
          <dd className="col-sm-6">{giorni(d.mediana)}</dd>
          <dt className="col-sm-6">Domande aperte non ancora prese in carico</dt>
          <dd className="col-sm-6">{d.nonAssegnate}</dd>
        </dl>
      </section>
      <section aria-labelledby="titolo-operatori" className="mb-4">
        <h2 id="titolo-operatori" className="h4">
          Carico per operatore
        </h2>
        {d.perOperatore.length === 0 ? (
          <p>Nessuna domanda è stata ancora presa in carico.</p>
        ) : (
          // Alike flussi._index.tsx's table (duplicates): the same table frame; the columns are the operators' workload
          <TabellaScorrevole etichetta="Carico per operatore">
            <table className="table">
              <caption>Domande per operatore</caption>
              <thead>
                <tr>
                  <th scope="col">Operatore</th>
                  <th scope="col">In istruttoria</th>
                  <th scope="col">Sospese</th>
                  <th scope="col">Decise</th>
                </tr>
              </thead>
              <tbody>
                {/* Alike the dashboards' tables (aziende.$id.cruscotto.tsx) (duplicates): the same frame with this page's own columns */}
                {d.perOperatore.map((o) => (
                  <tr key={o.operatore}>
                    <th scope="row">{o.operatore}</th>
                    <td>{o.inIstruttoria}</td>
                    <td>{o.sospese}</td>
                    <td>{o.decise}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TabellaScorrevole>
        )}
      </section>
      <section aria-labelledby="titolo-stati" className="mb-4">
        <h2 id="titolo-stati" className="h4">
          Domande per stato
        </h2>
        <TabellaScorrevole etichetta="Domande per stato">
          {/* Alike privacy.tsx's table (duplicates): the same table frame; the rows are the sent domande by state */}
          <table className="table">
            <caption>Domande inviate per stato</caption>
            <thead>
              <tr>
                <th scope="col">Stato</th>
                <th scope="col">Domande</th>
              </tr>
            </thead>
            <tbody>
              {d.perStato.map((s) => (
                <tr key={s.stato}>
                  <th scope="row">{s.stato}</th>
                  <td>{s.domande}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TabellaScorrevole>
      </section>
      <section aria-labelledby="titolo-eta" className="mb-4">
        <h2 id="titolo-eta" className="h4">
          Domande aperte per età
        </h2>
        <TabellaScorrevole etichetta="Domande aperte per età">
          {/* Alike the other tables of this page (duplicates): the same table markup (header cells, one row per item); the columns and cells are this table's own (Domande aperte per giorni dall'invio) */}
          <table className="table">
            <caption>Domande aperte per giorni dall&apos;invio</caption>
            <thead>
              <tr>
                <th scope="col">Giorni dall&apos;invio</th>
                <th scope="col">Domande</th>
              </tr>
            </thead>
            <tbody>
              {d.perEta.map((e) => (
                <tr key={e.etichetta}>
                  <th scope="row">{e.etichetta}</th>
                  <td>{e.domande}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TabellaScorrevole>
      </section>
    </>
  );
}
