// The company's side of a domanda's thread: the Sede's requests, decisions, system events, reminders and the free
// messages both ways; opening it marks the entries as read for the company's side.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ElencoFilo, ModuloMessaggio, type EsitoMessaggio } from "~/components/comunicazioni/Filo";
import { caricaFilo, inviaMessaggio } from "~/http/filo.server";
import { richiediAzione, richiediContesto } from "~/http/accesso.server";
import { messaggiComunicazioni as m } from "~/testi";

export const handle = { titolo: "Messaggi della domanda" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await richiediContesto(request);
  richiediAzione(ctx, "rispondi_richiesta");
  return { ...(await caricaFilo(ctx, params.id)), inviato: new URL(request.url).searchParams.has("inviato") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await richiediContesto(request);
  richiediAzione(ctx, "rispondi_richiesta");
  return inviaMessaggio(request, ctx, params.id, (id) => `/domande/${id}/messaggi`);
}

export default function MessaggiDomanda() {
  const { domanda, voci, puoScrivere, nonLetti, csrf, inviato } = useLoaderData<typeof loader>();
  const esito = useActionData<typeof action>() as EsitoMessaggio | undefined;
  const titolo = domanda.protocollo ? `Domanda ${domanda.protocollo}` : `Bozza n. ${domanda.id}`;
  // Alike scrivania_.$id.messaggi.tsx (duplicates): the company's view of the thread; the thread itself is Filo, and the
  // page frame (caption, title, return link) is this side's own
  return (
    <div className="row">
      <div className="col-12 col-lg-9">
        <p className="text-muted mb-1">
          {domanda.prestazione} — {domanda.azienda}
        </p>
        <h1>Messaggi: {titolo}</h1>
        {inviato && !esito ? (
          <div className="alert alert-success" role="status">
            {m.inviato}
          </div>
        ) : null}
        <p>
          {nonLetti === 0 ? "Nessun messaggio nuovo." : nonLetti === 1 ? "1 messaggio nuovo." : `${nonLetti} messaggi nuovi.`} {m.notaFilo}
        </p>
        <ElencoFilo voci={voci} collegamentoAllegato={(a) => `/domande/${domanda.id}/messaggi/allegati/${a}`} />
        {puoScrivere ? <ModuloMessaggio csrf={csrf} esito={esito} destinatario="alla Sede INPS" /> : null}
        <p className="mt-4">
          <Link to={domanda.protocollo ? `/domande/${domanda.id}/dettaglio` : `/domande/${domanda.id}`}>Torna alla domanda</Link>
          {" · "}
          <Link to="/messaggi">Tutti i messaggi</Link>
        </p>
      </div>
    </div>
  );
}
