// The office's side of a case's thread: what the company wrote (messages, answers), the Sede's own entries and the
// system's; the operator writes to the company from here (the company is told by e-mail). Opening it as the operator
// marks the entries as read for the office; the read-only manager reads without marking.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ElencoFilo, ModuloMessaggio, type EsitoMessaggio } from "~/components/comunicazioni/Filo";
import { caricaFilo, inviaMessaggio } from "~/http/filo.server";
import { richiediContesto, richiediSede } from "~/http/accesso.server";
import { messaggiComunicazioni as m } from "~/testi";

export const handle = { titolo: "Messaggi della pratica" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await richiediContesto(request);
  richiediSede(ctx);
  return { ...(await caricaFilo(ctx, params.id)), inviato: new URL(request.url).searchParams.has("inviato") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await richiediContesto(request);
  richiediSede(ctx);
  return inviaMessaggio(request, ctx, params.id, (id) => `/scrivania/${id}/messaggi`);
}

export default function MessaggiPratica() {
  const { domanda, voci, puoScrivere, nonLetti, csrf, inviato } = useLoaderData<typeof loader>();
  const esito = useActionData<typeof action>() as EsitoMessaggio | undefined;
  // Alike domande.$id.messaggi.tsx (duplicates): the Sede's view of the thread; the thread itself is Filo, and the page
  // frame (caption, title, return link) is this side's own
  return (
    <div className="row">
      <div className="col-12 col-lg-9">
        <p className="text-muted mb-1">
          {domanda.prestazione} — {domanda.azienda}
        </p>
        <h1>Messaggi: domanda {domanda.protocollo}</h1>
        {inviato && !esito ? (
          <div className="alert alert-success" role="status">
            {m.inviato}
          </div>
        ) : null}
        <p>
          {nonLetti === 0 ? "Nessun messaggio nuovo dall'azienda." : nonLetti === 1 ? "1 messaggio nuovo dall'azienda." : `${nonLetti} messaggi nuovi dall'azienda.`}
        </p>
        <ElencoFilo voci={voci} collegamentoAllegato={(a) => `/scrivania/${domanda.id}/messaggi/allegati/${a}`} />
        {puoScrivere ? <ModuloMessaggio csrf={csrf} esito={esito} destinatario="all'azienda" /> : null}
        <p className="mt-4">
          <Link to={`/scrivania/${domanda.id}`}>Torna alla pratica</Link>
          {" · "}
          <Link to="/scrivania/messaggi">Tutti i messaggi</Link>
        </p>
      </div>
    </div>
  );
}
