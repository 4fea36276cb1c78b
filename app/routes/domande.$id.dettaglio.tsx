// A sent domanda as submitted: its data, the timeline of events, the receipt and the alerts open at submission.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ElencoEsiti, RiepilogoDomanda } from "~/components/domanda/RiepilogoDomanda";
import { transizionePossibile } from "~/domain/stati";
import { richiediContesto } from "~/services/accesso.server";
import { caricaDomanda, idDomanda } from "~/services/domande.server";
import { datiRiepilogo, esitiAllInvio, eventiDellaDomanda } from "~/services/riepilogo.server";
import { TabellaScorrevole } from "~/components/layout/TabellaScorrevole";

export const handle = { titolo: "Dettaglio della domanda" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await richiediContesto(request);
  const caricata = await caricaDomanda(request, ctx, idDomanda(params.id));
  if (caricata.domanda.stato === "bozza") throw redirect(`/domande/${caricata.domanda.id}`);
  const [riepilogo, eventi] = await Promise.all([datiRiepilogo(caricata), eventiDellaDomanda(caricata.domanda.id)]);
  return json({
    riepilogo,
    eventi,
    esiti: esitiAllInvio(caricata),
    rinunciabile: transizionePossibile(caricata.domanda.stato, "rinuncia"),
  });
}

export default function Dettaglio() {
  const { riepilogo, eventi, esiti, rinunciabile } = useLoaderData<typeof loader>();
  const i = riepilogo.intestazione;
  return (
    <div className="row">
      <div className="col-12 col-lg-9">
        <p className="text-muted mb-1">
          {i.prestazione} — {i.azienda.ragioneSociale}
        </p>
        <h1>Domanda {i.protocollo}</h1>
        <p>
          Stato: <strong>{i.stato}</strong>. Inviata il {i.inviataIl}.
        </p>
        <ul className="d-print-none">
          <li>
            <a href={`/domande/${i.id}/ricevuta.pdf`} download>
              Scarica la ricevuta in PDF
            </a>
          </li>
          {rinunciabile ? (
            <li>
              <Link to={`/domande/${i.id}/rinuncia`}>Rinuncia alla domanda</Link>
            </li>
          ) : null}
          <li>
            <Link to="/domande">Torna a Le tue domande</Link>
          </li>
        </ul>
        <section aria-labelledby="titolo-cronologia" className="mb-4">
          <h2 id="titolo-cronologia" className="h4">
            Cronologia
          </h2>
          <TabellaScorrevole etichetta="Cronologia della domanda">
            <table className="table table-sm">
              <caption>Eventi della domanda, dal più vecchio</caption>
              <thead>
                <tr>
                  <th scope="col">Data e ora</th>
                  <th scope="col">Evento</th>
                </tr>
              </thead>
              <tbody>
                {eventi.map((e) => (
                  <tr key={e.id}>
                    <th scope="row">{e.quando}</th>
                    <td>{e.descrizione}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TabellaScorrevole>
        </section>
        <ElencoEsiti
          esiti={esiti}
          titolo="Avvisi aperti al momento dell'invio"
          idTitolo="titolo-avvisi-invio"
          domandaId={i.id}
        />
        <RiepilogoDomanda {...riepilogo} />
      </div>
    </div>
  );
}
