// The receipt page after submission: protocol, date and time (Rome), company, unit, period, benefit, workers and
// ticket, with the PDF receipt to download.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { richiediContesto } from "~/http/accesso.server";
import { caricaDomanda, idDomanda } from "~/http/domanda.server";
import { intestazioneDomanda, lavoratoriDomanda } from "~/services/riepilogo.server";

export const handle = { titolo: "Domanda inviata" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await richiediContesto(request);
  const caricata = await caricaDomanda(request, ctx, idDomanda(params.id));
  // A draft has no receipt yet: its task list is the page to see.
  if (caricata.domanda.stato === "bozza") throw redirect(`/domande/${caricata.domanda.id}`);
  const [intestazione, lavoratori] = await Promise.all([
    intestazioneDomanda(caricata),
    lavoratoriDomanda(caricata.domanda.id),
  ]);
  return { intestazione, numeroLavoratori: lavoratori.length };
}

export default function Ricevuta() {
  const { intestazione: i, numeroLavoratori } = useLoaderData<typeof loader>();
  const righe: Array<[string, string]> = [
    ["Protocollo", i.protocollo ?? ""],
    ["Data e ora di invio", i.inviataIl ?? ""],
    ["Ticket", i.ticket ?? ""],
    ["Azienda", `${i.azienda.ragioneSociale} (codice fiscale ${i.azienda.codiceFiscale}, matricola ${i.azienda.matricola})`],
    ["Unità produttiva", i.unita],
    ["Periodo", i.periodo],
    ["Prestazione", i.prestazione],
    ["Lavoratori beneficiari", String(numeroLavoratori)],
    ["Stato", i.stato],
  ];
  return (
    <div className="row">
      <div className="col-12 col-lg-9">
        <div className="callout success">
          <div className="callout-title">Domanda inviata</div>
          <p className="mb-0">
            Il numero di protocollo è <strong>{i.protocollo}</strong>.
          </p>
        </div>
        <h1>Domanda inviata</h1>
        <p>
          La domanda è stata protocollata. Indica il ticket <strong>{i.ticket}</strong> nei flussi UniEmens per i
          periodi di sospensione o riduzione di questa domanda.
        </p>
        <dl className="mb-4">
          {righe.map(([k, v]) => (
            <div key={k} className="row border-bottom py-2 mx-0">
              <dt className="col-sm-4 ps-0">{k}</dt>
              <dd className="col-sm-8 mb-0 ps-0">{v}</dd>
            </div>
          ))}
        </dl>
        <p>
          {/* A plain link: the PDF is a resource route, not a page of the app. */}
          <a className="btn btn-primary" href={`/domande/${i.id}/ricevuta.pdf`} download>
            Scarica la ricevuta in PDF
          </a>
        </p>
        <ul>
          <li>
            <Link to={`/domande/${i.id}/dettaglio`}>Vedi il dettaglio della domanda</Link>
          </li>
          <li>
            <Link to="/domande">Torna a Le tue domande</Link>
          </li>
        </ul>
      </div>
    </div>
  );
}
