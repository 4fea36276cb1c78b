// Deletion of a draft: GET asks for confirmation, POST deletes it with its workers and attachments (the audit log
// keeps the id). A sent domanda is never deleted: it can only be withdrawn.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Pulsante } from "~/components/form";
import { leggiFormProtetto, richiediContesto } from "~/http/accesso.server";
import { caricaDomanda, idDomanda, richiediBozza } from "~/http/domanda.server";
import { didascaliaDomanda } from "~/services/elenco-passi.server";
import { eliminaBozza } from "~/services/rinuncia.server";

export const handle = { titolo: "Elimina la bozza" };

const NON_ELIMINABILE =
  "La domanda non è più una bozza e non può essere eliminata. Se è stata inviata, puoi rinunciarvi dalla pagina di dettaglio.";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await richiediContesto(request);
  const caricata = await caricaDomanda(request, ctx, idDomanda(params.id), "elimina_bozza");
  richiediBozza(caricata);
  return { id: caricata.domanda.id, csrf: ctx.sessione.csrfToken, didascalia: didascaliaDomanda(caricata) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  // Alike domande.$id.rinuncia.tsx's action (duplicates): the actions' opening (context, id, domanda loaded for the
  // authorised action); what follows is the deletion's own
  const ctx = await richiediContesto(request);
  const id = idDomanda(params.id);
  const caricata = await caricaDomanda(request, ctx, id, "elimina_bozza");
  await leggiFormProtetto(request, ctx.sessione.csrfToken);
  const esito = await eliminaBozza(ctx, caricata);
  if (!esito.ok) return json({ status: "error" as const, errore: NON_ELIMINABILE }, { status: 409 });
  return redirect("/domande", 303);
}

// Alike flussi.denunce.$id.elimina.tsx (duplicates): only the loader/action hooks are alike; the confirmation text and
// the form are the draft's own
export default function Elimina() {
  const d = useLoaderData<typeof loader>();
  const risultato = useActionData<typeof action>();
  return (
    <div className="row">
      <div className="col-12 col-lg-9">
        {risultato?.errore ? <ErrorSummary errori={[{ messaggio: risultato.errore }]} /> : null}
        <p className="text-muted mb-1">{d.didascalia}</p>
        <h1>Vuoi eliminare la bozza?</h1>
        <p>
          La bozza n. {d.id} sarà eliminata con tutte le risposte, i lavoratori indicati e i documenti allegati.
          L&apos;operazione non si può annullare.
        </p>
        <Form method="post" replace>
          <input type="hidden" name="csrf" value={d.csrf} />
          <div className="d-flex flex-wrap gap-3 align-items-center">
            <Pulsante type="submit">Sì, elimina la bozza</Pulsante>
            <Link to={`/domande/${d.id}`}>No, torna alla domanda</Link>
          </div>
        </Form>
      </div>
    </div>
  );
}
