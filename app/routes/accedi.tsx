// Sign-in: one button that starts the OpenID Connect sign-in with SPID or CIE (ADR 018). A plain POST form with the
// anonymous CSRF token; the action stores the sign-in in progress and sends the browser to the provider.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { messaggiAccesso as m, messaggiIdentita as mi } from "~/testi";
import { ritornoSicuro } from "~/services/autenticazione.server";
import { CampoCsrf } from "~/components/form/CampoCsrf";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { ErroreCsrf, tokenCsrfAnonimo, verificaCsrfAnonimo } from "~/http/csrf.server";
import { rispostaCsrf } from "~/http/accesso.server";
import { leggiForm } from "~/http/corpo-richiesta.server";
import { avviaAccessoDaRichiesta } from "~/http/identita.server";
import { sessioneDaRichiesta } from "~/http/sessione.server";
import { impostazioniOidc } from "~/services/identita/oidc.server";

export const handle = { titolo: "Accedi" };

export async function loader({ request }: LoaderFunctionArgs) {
  if (await sessioneDaRichiesta(request)) throw redirect("/area-riservata");
  const { token, setCookie } = tokenCsrfAnonimo(request);
  const impostazioni = impostazioniOidc(new URL(request.url).origin);
  const ritorno = ritornoSicuro(new URL(request.url).searchParams.get("ritorno"));
  return json(
    { csrf: token, configurato: impostazioni !== null, prova: impostazioni?.prova ?? false, ritorno },
    { headers: setCookie ? { "Set-Cookie": setCookie } : {} },
  );
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await leggiForm(request);
  try {
    verificaCsrfAnonimo(request, formData);
  } catch (e) {
    if (e instanceof ErroreCsrf) throw rispostaCsrf();
    throw e;
  }
  const avvio = await avviaAccessoDaRichiesta(request, ritornoSicuro(formData.get("ritorno")));
  if (!avvio.ok) return json({ errore: avvio.messaggio }, { status: avvio.stato });
  return redirect(avvio.url, { status: 303, headers: { "Set-Cookie": avvio.setCookie, "Cache-Control": "no-store" } });
}

export default function Accedi() {
  const { csrf, configurato, prova, ritorno } = useLoaderData<typeof loader>();
  const esito = useActionData<typeof action>();
  return (
    <div className="row">
      <div className="col-12 col-lg-8">
        <ErrorSummary errori={esito?.errore ? [{ messaggio: esito.errore }] : []} />
        <h1>{m.accediConIdentitaDigitale}</h1>
        <p className="lead">{m.introAccedi}</p>
        {configurato ? (
          <Form method="post" reloadDocument>
            <CampoCsrf token={csrf} />
            {ritorno ? <input type="hidden" name="ritorno" value={ritorno} /> : null}
            <button type="submit" className="btn btn-primary">
              {mi.entraConSpidCie}
            </button>
            <p className="small mt-2">{mi.notaLivello}</p>
          </Form>
        ) : (
          <p>{mi.fornitoreNonConfigurato}</p>
        )}
        {prova ? (
          <>
            <h2 className="h3 mt-5">{m.fornitoreDimostrativo}</h2>
            <p>{mi.fornitoreProva}</p>
          </>
        ) : null}
      </div>
    </div>
  );
}
