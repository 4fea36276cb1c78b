// Public page (no sign-in): how long the INPS takes to decide one benefit's domande, from the decisions of the last
// 90 days; every figure with "Come è calcolato"; the same figures as CSV. Only counts and dates, never a company.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ComeCalcolato, spiegazione } from "~/components/cruscotto/ComeCalcolato";
import { TabellaScorrevole } from "~/components/layout/TabellaScorrevole";
import { formatDataItaliana as it } from "~/domain/date";
import { nomePrestazione } from "~/domain/tipi";
import { rispostaNonTrovata } from "~/http/risposta.server";
import { CODICI_PUBBLICI, leggiTempiServizio, prestazioneDaCodice } from "~/services/tempi-servizio.server";
import { righeTempi } from "~/services/tempi-servizio-vista";

export const handle = { titolo: "Tempi di risposta" };

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Tempi di risposta: ${data.nome} — OMNIA IS` : "Tempi di risposta — OMNIA IS" },
];

export async function loader({ params }: LoaderFunctionArgs) {
  const prestazione = prestazioneDaCodice(params.codice);
  if (!prestazione) throw rispostaNonTrovata();
  const t = await leggiTempiServizio(prestazione);
  const altre = Object.entries(CODICI_PUBBLICI).map(([codice, p]) => ({ codice, nome: nomePrestazione(p), attuale: p === prestazione }));
  return json(
    {
      codice: params.codice!,
      nome: nomePrestazione(prestazione),
      finestra: t.finestra,
      soglia: t.soglia,
      righe: righeTempi(t).map((r) => ({ misura: r.misura, valore: r.valore, spiegazione: spiegazione(t.esiti[r.chiave]) })),
      altre,
    },
    { headers: { "Cache-Control": "public, max-age=300" } },
  );
}

export default function TempiServizio() {
  const d = useLoaderData<typeof loader>();
  return (
    <div className="row">
      <div className="col-12 col-lg-9">
        <h1>Tempi di risposta: {d.nome}</h1>
        <p className="lead">
          Quanto tempo impiega l&apos;INPS a decidere le domande, calcolato sulle decisioni dal {it(d.finestra.inizio)} al{" "}
          {it(d.finestra.fine)}. I dati sono aggregati: nessuna azienda e nessuna persona è riconoscibile. Le misure con meno
          di {d.soglia} domande non si pubblicano.
        </p>
        <nav aria-label="Altre prestazioni">
          <ul className="list-inline">
            {d.altre.map((a) => (
              <li key={a.codice} className="list-inline-item">
                {a.attuale ? (
                  <span aria-current="page">{a.nome}</span>
                ) : (
                  <Link to={`/prestazioni/${a.codice}/tempi`}>{a.nome}</Link>
                )}
              </li>
            ))}
          </ul>
        </nav>
        <TabellaScorrevole etichetta={`Tempi di risposta: ${d.nome}`}>
          {/* Alike the capacity table (aziende.$id.cruscotto.tsx) and the requests table (domande.richieste.tsx) (duplicates): the same TabellaScorrevole frame and Misura/Valore header; the rows are this benefit's response times with their explanation */}
          <table className="table">
            <caption>Tempi di risposta: {d.nome}</caption>
            <thead>
              <tr>
                <th scope="col">Misura</th>
                <th scope="col">Valore</th>
              </tr>
            </thead>
            <tbody>
              {d.righe.map((r) => (
                <tr key={r.misura}>
                  <th scope="row">{r.misura}</th>
                  <td>
                    <p className="mb-1">{r.valore}</p>
                    <ComeCalcolato spiegazione={r.spiegazione} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TabellaScorrevole>
        <p>
          <a href={`/prestazioni/${d.codice}/tempi.csv`} download>
            Scarica questi dati (CSV)
          </a>
        </p>
      </div>
    </div>
  );
}
