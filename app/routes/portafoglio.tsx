// The intermediary's portfolio (other roles: 404): every delegated company in one table, filtered and sorted with a
// plain GET form (works without JavaScript), 25 companies a page; each company links to its cruscotto.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ComeCalcolato } from "~/components/cruscotto/ComeCalcolato";
import { TabellaScorrevole } from "~/components/layout/TabellaScorrevole";
import { formatDataItaliana as it } from "~/domain/date";
import { rispostaNonTrovata } from "~/http/risposta.server";
import { richiediContesto } from "~/http/accesso.server";
import { FILTRI, ORDINAMENTI, leggiRichiestaPortafoglio, portafoglio } from "~/services/portafoglio.server";

export const handle = { titolo: "Portafoglio delle aziende" };

export async function loader({ request }: LoaderFunctionArgs) {
  const ctx = await richiediContesto(request);
  const params = new URL(request.url).searchParams;
  const richiesta = leggiRichiestaPortafoglio(params);
  const p = await portafoglio(ctx, richiesta);
  if (!p) throw rispostaNonTrovata();
  return json(
    { ...p, richiesta, filtri: Object.entries(FILTRI), ordinamenti: Object.entries(ORDINAMENTI) },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

const gg = (n: number) => (n === 0 ? "oggi" : n === 1 ? "tra 1 giorno" : `tra ${n} giorni`);

export default function Portafoglio() {
  const d = useLoaderData<typeof loader>();
  const query = (pagina: number) => {
    const u = new URLSearchParams();
    if (d.richiesta.testo) u.set("q", d.richiesta.testo);
    for (const f of d.richiesta.filtri) u.append("solo", f);
    if (d.richiesta.ordina !== "nome") u.set("ordina", d.richiesta.ordina);
    if (pagina > 1) u.set("pagina", String(pagina));
    const s = u.toString();
    return s ? `?${s}` : "";
  };
  const csv = `/portafoglio.csv${query(1)}`;
  return (
    <>
      <h1>Portafoglio delle aziende</h1>
      <p className="lead">
        Le aziende per cui hai una delega valida oggi, {it(d.oggi)}: bozze, richieste della Sede, decisioni, messaggi da leggere, avvisi e scadenze.
      </p>
      <p>
        {d.visitaPrecedente
          ? `Le decisioni nuove sono quelle prese dopo la tua visita precedente al portafoglio (${new Date(d.visitaPrecedente).toLocaleString("it-IT", { timeZone: "Europe/Rome", dateStyle: "short", timeStyle: "short" })}).`
          : "È la tua prima visita al portafoglio: le decisioni nuove sono quelle degli ultimi 30 giorni."}
      </p>
      <Form method="get" className="mb-4" aria-labelledby="titolo-filtri">
        <h2 id="titolo-filtri" className="h4">
          Filtra e ordina
        </h2>
        <div className="form-group mb-3">
          <label htmlFor="q" className="form-label d-block">
            Cerca per ragione sociale, matricola o codice fiscale
          </label>
          <input id="q" name="q" type="search" className="form-control" defaultValue={d.richiesta.testo ?? ""} maxLength={80} />
        </div>
        <fieldset className="mb-3">
          <legend className="h6">Mostra solo le aziende</legend>
          {d.filtri.map(([valore, etichetta]) => (
            <div key={valore} className="form-check">
              <input className="form-check-input" type="checkbox" id={`solo-${valore}`} name="solo" value={valore} defaultChecked={d.richiesta.filtri.includes(valore as never)} />
              <label className="form-check-label" htmlFor={`solo-${valore}`}>
                {etichetta}
              </label>
            </div>
          ))}
        </fieldset>
        <div className="form-group mb-3">
          <label htmlFor="ordina" className="form-label d-block">
            Ordina per
          </label>
          <select id="ordina" name="ordina" className="form-select" defaultValue={d.richiesta.ordina}>
            {d.ordinamenti.map(([valore, etichetta]) => (
              <option key={valore} value={valore}>
                {etichetta}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn btn-primary">
          Applica
        </button>{" "}
        <Link to="/portafoglio">Azzera i filtri</Link>
      </Form>

      <p role="status">
        {d.totale === 0
          ? "Nessuna azienda corrisponde ai filtri."
          : `${d.totale} ${d.totale === 1 ? "azienda" : "aziende"}; pagina ${d.pagina} di ${d.pagine}.`}
      </p>
      {d.righe.length > 0 ? (
        <TabellaScorrevole etichetta="Portafoglio delle aziende">
          {/* Alike the batch's table (scrivania.pagamenti.lotti.$id._index.tsx) (duplicates): the same table frame; the columns are the portfolio's companies */}
          <table className="table">
            <caption>Aziende delegate: bozze, richieste, decisioni, messaggi da leggere, avvisi e scadenze entro {d.giorniScadenze} giorni</caption>
            <thead>
              <tr>
                <th scope="col">Azienda</th>
                <th scope="col">Bozze aperte</th>
                <th scope="col">Richieste della Sede da rispondere</th>
                <th scope="col">Decisioni nuove</th>
                <th scope="col">Messaggi da leggere</th>
                <th scope="col">Avvisi di capacità</th>
                <th scope="col">Scadenze entro {d.giorniScadenze} giorni</th>
              </tr>
            </thead>
            <tbody>
              {d.righe.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    <Link to={`/aziende/${r.id}/cruscotto`}>{r.ragioneSociale}</Link>
                    <span className="d-block small">
                      {r.matricola} — {r.comune} ({r.provincia})
                    </span>
                  </th>
                  <td>{r.bozze}</td>
                  <td>
                    {r.richieste}
                    {r.primaScadenzaRichiesta ? <span className="d-block small">entro il {it(r.primaScadenzaRichiesta)}</span> : null}
                  </td>
                  <td>{r.decisioni}</td>
                  <td>
                    {r.nonLetti === 0 ? (
                      "0"
                    ) : (
                      <Link to={`/messaggi?azienda=${r.id}&solo=non-letti`}>
                        <strong>{r.nonLetti}</strong>
                        <span className="visually-hidden"> da leggere</span>
                      </Link>
                    )}
                  </td>
                  {/* Alike the deadlines cell below (duplicates): a cell listing explained items (ComeCalcolato); here the capacity warnings, there the deadlines with their dates */}
                  <td>
                    {r.avvisi.length === 0
                      ? "Nessuno"
                      : r.avvisi.map((a) => (
                          <div key={a.messaggio}>
                            <span className="small">{a.messaggio}</span>
                            <ComeCalcolato spiegazione={a} titolo="Perché" />
                          </div>
                        ))}
                  </td>
                  <td>
                    {r.scadenze.length === 0
                      ? "Nessuna"
                      : r.scadenze.map((s) => (
                          <div key={`${s.testo}-${s.scadenza}`}>
                            <span className="small">
                              {s.testo}: {it(s.scadenza)} ({gg(s.giorni)})
                            </span>
                            <ComeCalcolato spiegazione={s.spiegazione} titolo="Perché" />
                          </div>
                        ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TabellaScorrevole>
      ) : null}
      {d.pagine > 1 ? (
        <nav aria-label="Pagine del portafoglio">
          <ul className="list-inline">
            {d.pagina > 1 ? (
              <li className="list-inline-item">
                <Link to={`/portafoglio${query(d.pagina - 1)}`}>Pagina precedente</Link>
              </li>
            ) : null}
            {d.pagina < d.pagine ? (
              <li className="list-inline-item">
                <Link to={`/portafoglio${query(d.pagina + 1)}`}>Pagina successiva</Link>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
      <p>
        <a href={csv} download>
          Scarica il portafoglio con questi filtri (CSV, tutte le pagine)
        </a>
      </p>
    </>
  );
}
