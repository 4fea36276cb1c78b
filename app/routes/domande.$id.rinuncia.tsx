// Withdrawal of a sent domanda before the Sede decides: GET asks for confirmation, POST does it (one transaction).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Pulsante } from "~/components/form";
import { ETICHETTE_STATO, transizionePossibile } from "~/domain/stati";
import { leggiFormProtetto, richiediContesto } from "~/http/accesso.server";
import { caricaDomanda, idDomanda } from "~/http/domanda.server";
import { didascaliaDomanda } from "~/services/elenco-passi.server";
import { rinunciaDomanda } from "~/services/rinuncia.server";

export const handle = { titolo: "Rinuncia alla domanda" };

function nonRinunciabile(stato: string) {
  return `Non è più possibile rinunciare alla domanda: il suo stato è "${stato}". La rinuncia è possibile solo prima della decisione della sede INPS.`;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await richiediContesto(request);
  const caricata = await caricaDomanda(request, ctx, idDomanda(params.id), "rinuncia_domanda");
  const { domanda } = caricata;
  if (domanda.stato === "bozza") throw redirect(`/domande/${domanda.id}/elimina`);
  return {
    id: domanda.id,
    protocollo: domanda.protocollo,
    csrf: ctx.sessione.csrfToken,
    didascalia: didascaliaDomanda(caricata),
    ammessa: transizionePossibile(domanda.stato, "rinuncia"),
    stato: ETICHETTE_STATO[domanda.stato],
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  // Alike domande.$id.elimina.tsx's action (duplicates): the actions' opening (context, id, domanda loaded for the
  // authorised action); what follows is the withdrawal's own
  const ctx = await richiediContesto(request);
  const id = idDomanda(params.id);
  const caricata = await caricaDomanda(request, ctx, id, "rinuncia_domanda");
  await leggiFormProtetto(request, ctx.sessione.csrfToken);
  const esito = await rinunciaDomanda(ctx, caricata);
  if (!esito.ok) {
    const stato = esito.stato ? ETICHETTE_STATO[esito.stato] : "sconosciuto";
    return json({ status: "error" as const, errore: nonRinunciabile(stato) }, { status: 409 });
  }
  return redirect(`/domande/${id}/dettaglio`, 303);
}

export default function Rinuncia() {
  const d = useLoaderData<typeof loader>();
  const risultato = useActionData<typeof action>();
  const errore = risultato?.errore ?? (d.ammessa ? null : nonRinunciabile(d.stato));
  return (
    <div className="row">
      <div className="col-12 col-lg-9">
        {risultato?.errore ? <ErrorSummary errori={[{ messaggio: risultato.errore }]} /> : null}
        <p className="text-muted mb-1">{d.didascalia}</p>
        <h1>Confermi la rinuncia?</h1>
        {errore && !risultato ? <p>{errore}</p> : null}
        {d.ammessa && !risultato ? (
          <>
            <p>
              Stai per rinunciare alla domanda con protocollo <strong>{d.protocollo}</strong>. La sede INPS non la
              esaminerà più. La rinuncia non si può annullare: per chiedere di nuovo la prestazione dovrai presentare
              una nuova domanda.
            </p>
            <Form method="post" replace>
              <input type="hidden" name="csrf" value={d.csrf} />
              <div className="d-flex flex-wrap gap-3 align-items-center">
                <Pulsante type="submit">Sì, rinuncio alla domanda</Pulsante>
                <Link to={`/domande/${d.id}/dettaglio`}>No, torna al dettaglio</Link>
              </div>
            </Form>
          </>
        ) : (
          <Link to={`/domande/${d.id}/dettaglio`}>Torna al dettaglio della domanda</Link>
        )}
      </div>
    </div>
  );
}
