// Step 10: check your answers. Every step's answers with a "Modifica" link that comes back here, the workers, the
// attachments and every open rule outcome; `?stampa=1` is the print preview (same content, no actions).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { IntestazionePasso } from "~/components/domanda/IntestazionePasso";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ElencoEsiti, RiepilogoDomanda } from "~/components/domanda/RiepilogoDomanda";
import { primoPassoIncompleto } from "~/passi";
import { richiediContesto } from "~/http/accesso.server";
import { caricaDomanda, idDomanda, richiediBozza } from "~/http/domanda.server";
import { didascaliaDomanda } from "~/services/elenco-passi.server";
import { datiRiepilogo, esitiAperti } from "~/services/riepilogo.server";

export const handle = { titolo: "Riepilogo della domanda" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await richiediContesto(request);
  const caricata = await caricaDomanda(request, ctx, idDomanda(params.id));
  richiediBozza(caricata);
  const incompleto = primoPassoIncompleto(caricata.risposte);
  if (incompleto) throw redirect(`/domande/${caricata.domanda.id}/${incompleto.slug}`);
  const [riepilogo, esiti] = await Promise.all([datiRiepilogo(caricata), esitiAperti(caricata)]);
  return {
    didascalia: didascaliaDomanda(caricata),
    stampa: new URL(request.url).searchParams.get("stampa") === "1",
    riepilogo,
    esiti,
    bloccanti: esiti.filter((e) => e.gravita === "bloccante").length,
  };
}

export default function Riepilogo() {
  const { didascalia, stampa, riepilogo, esiti, bloccanti } = useLoaderData<typeof loader>();
  const id = riepilogo.intestazione.id;
  return (
    <div className="row">
      <div className="col-12 col-lg-9">
        <IntestazionePasso
          pagina="riepilogo"
          didascalia={didascalia}
          titolo={stampa ? "Anteprima di stampa della domanda" : "Riepilogo della domanda"}
        />
        {stampa ? (
          <p className="d-print-none">
            Questa è la versione stampabile della bozza n. {id}. Usa il comando Stampa del browser.{" "}
            <Link to={`/domande/${id}/riepilogo`}>Torna al riepilogo</Link>
          </p>
        ) : (
          <>
            <p>Controlla le risposte prima di inviare la domanda. Puoi modificare ogni sezione e tornare qui.</p>
            <p className="d-print-none">
              <Link to={`/domande/${id}/riepilogo?stampa=1`}>Anteprima di stampa</Link>
            </p>
          </>
        )}
        <ElencoEsiti
          esiti={esiti}
          titolo="Avvisi dei controlli automatici"
          idTitolo="titolo-avvisi"
          domandaId={id}
          conLink={!stampa}
        />
        <RiepilogoDomanda {...riepilogo} modificabile={!stampa} />
        {stampa ? null : (
          <div className="d-print-none mt-4 d-flex flex-wrap gap-3 align-items-center">
            {bloccanti > 0 ? (
              <p className="mb-0">
                Ci sono {bloccanti === 1 ? "un problema bloccante" : `${bloccanti} problemi bloccanti`}: correggili
                prima di inviare la domanda.
              </p>
            ) : (
              <Link className="btn btn-primary" to={`/domande/${id}/invio`}>
                Continua all&apos;invio
              </Link>
            )}
            <Link to={`/domande/${id}`}>Torna all&apos;elenco dei passi</Link>
          </div>
        )}
      </div>
    </div>
  );
}
