// "Verifica senza inviare": the same checks as sending, nothing stored; the report is the answer to the POST. Opened
// with GET (a bookmark, a reload) it shows the upload form.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { EsitoFlusso } from "~/components/flussi/EsitoFlusso";
import { ModuloFlusso } from "~/components/flussi/ModuloFlusso";
import { ERRORI_CARICAMENTO, leggiFlussoCaricato, richiediMittenteFlussi } from "~/http/flusso-caricato.server";
import { messaggiFlussi as m } from "~/testi";

export const handle = { titolo: m.titoloVerifica };


export async function loader({ request }: LoaderFunctionArgs) {
  const ctx = await richiediMittenteFlussi(request);
  // Back from the CSV report's address (flussi.verifica[.csv].tsx) with a problem of the upload: its message.
  const codice = new URL(request.url).searchParams.get("errore");
  const errore = ERRORI_CARICAMENTO.find((c) => c === codice);
  return { csrf: ctx.sessione.csrfToken, errore: errore ? m[errore] : null };
}

export async function action({ request }: ActionFunctionArgs) {
  const ctx = await richiediMittenteFlussi(request);
  const esito = await leggiFlussoCaricato(request, ctx, { prova: true });
  if (!esito.ok) return json({ status: "error" as const, errore: esito.errore, csrf: ctx.sessione.csrfToken, rapporto: null }, { status: 422 });
  return json({ status: "ok" as const, errore: null, csrf: ctx.sessione.csrfToken, rapporto: esito.rapporto }, { headers: { "Cache-Control": "no-store" } });
}

export default function VerificaFlusso() {
  const { csrf, errore } = useLoaderData<typeof loader>();
  const d = useActionData<typeof action>() ?? { rapporto: null, errore, csrf };
  return (
    <div className="row">
      <div className="col-12 col-lg-9">
        {d.rapporto ? (
          <>
            <h1>{m.titoloVerifica}</h1>
            <EsitoFlusso esito={d.rapporto} />
            <h2 className="h3 mt-5">Invia il flusso</h2>
            <ModuloFlusso csrf={d.csrf} />
          </>
        ) : (
          <>
            <h1>{m.titoloElenco}</h1>
            <ModuloFlusso csrf={d.csrf} errore={d.errore} />
          </>
        )}
        <p>
          <Link to="/flussi">{m.tornaAiFlussi}</Link>
        </p>
      </div>
    </div>
  );
}
