// The OpenID Connect callback (redirect_uri): the provider's answer is checked (app/services/identita/oidc.server.ts);
// a valid one signs the person in with a new session, anything else shows why, in Italian, and signs nobody in.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { messaggiIdentita as mi } from "~/testi";
import { accedi } from "~/services/autenticazione.server";
import { completaAccessoDaRichiesta } from "~/http/identita.server";
import { cookieSessione, sessioneDaRichiesta } from "~/http/sessione.server";

export const handle = { titolo: mi.titoloErrore };

export async function loader({ request }: LoaderFunctionArgs) {
  const { esito, setCookie } = await completaAccessoDaRichiesta(request);
  const headers = { "Set-Cookie": setCookie, "Cache-Control": "no-store" };
  if (!esito.ok) {
    const stato = esito.motivo === "livello_insufficiente" ? 403 : 400;
    return json({ errore: esito.messaggio }, { status: stato, headers });
  }
  const precedente = await sessioneDaRichiesta(request);
  const accesso = await accedi(
    precedente?.sessione.id ?? null,
    { codiceFiscale: esito.codiceFiscale, fornitore: esito.emittente, livello: esito.livello },
    esito.ritorno,
  );
  if (accesso) {
    // The sign-in's transaction cookie is cleared together with the new session's cookie.
    const cookie = new Headers();
    for (const c of [setCookie, cookieSessione(request, accesso.token, accesso.scadeIl)]) cookie.append("Set-Cookie", c);
    throw redirect(accesso.destinazione, { status: 303, headers: cookie });
  }
  return json({ errore: mi.utenteSconosciuto }, { status: 403, headers });
}

export default function RitornoAccesso() {
  const { errore } = useLoaderData<typeof loader>();
  return (
    <div className="row">
      <div className="col-12 col-lg-8">
        <h1>{mi.titoloErrore}</h1>
        <div className="alert alert-danger" role="alert">
          <p className="mb-0">{errore}</p>
        </div>
        <p>
          <Link to="/accedi" reloadDocument>
            {mi.riprova}
          </Link>
        </p>
      </div>
    </div>
  );
}
