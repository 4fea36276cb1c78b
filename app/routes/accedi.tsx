import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { messaggiAccesso as m } from "~/testi";
import { accedi, ritornoSicuro } from "~/services/autenticazione.server";
import { CampoCsrf } from "~/components/form/CampoCsrf";
import { ErroreCsrf, tokenCsrfAnonimo, verificaCsrfAnonimo } from "~/services/csrf.server";
import { rispostaCsrf } from "~/services/accesso.server";
import { leggiForm } from "~/services/corpo-richiesta.server";
import { fornitoreDimostrativo, fornitoreDimostrativoAttivo } from "~/services/identita/fornitore.server";
import { sessioneDaRichiesta } from "~/services/sessione.server";

export const handle = { titolo: "Accedi" };

export async function loader({ request }: LoaderFunctionArgs) {
  if (await sessioneDaRichiesta(request)) throw redirect("/area-riservata");
  const { token, setCookie } = tokenCsrfAnonimo(request);
  const attivo = fornitoreDimostrativoAttivo();
  const identita = attivo ? await fornitoreDimostrativo.elenco() : [];
  const ritorno = ritornoSicuro(new URL(request.url).searchParams.get("ritorno"));
  return json(
    { csrf: token, attivo, identita, ritorno },
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
  if (!fornitoreDimostrativoAttivo()) {
    return json({ errore: m.fornitoreDimostrativoDisattivato }, { status: 403 });
  }
  const identita = await fornitoreDimostrativo.verifica(formData);
  if (!identita) return json({ errore: m.identitaNonValida }, { status: 422 });
  return accedi(request, identita, ritornoSicuro(formData.get("ritorno")));
}

export default function Accedi() {
  const { csrf, attivo, identita, ritorno } = useLoaderData<typeof loader>();
  const esito = useActionData<typeof action>();
  return (
    <div className="row">
      <div className="col-12 col-lg-8">
        {esito?.errore ? (
          <div className="alert alert-danger" role="alert" tabIndex={-1}>
            <h2 className="h5">C&apos;è un problema</h2>
            <p className="mb-0">{esito.errore}</p>
          </div>
        ) : null}
        <h1>{m.accediConIdentitaDigitale}</h1>
        <p className="lead">{m.introAccedi}</p>
        <ul className="list-unstyled d-flex flex-wrap gap-2" aria-label="Identità digitali">
          <li>
            <span className="btn btn-primary disabled" aria-disabled="true">Entra con SPID</span>
          </li>
          <li>
            <span className="btn btn-primary disabled" aria-disabled="true">Entra con CIE</span>
          </li>
          <li>
            <span className="btn btn-primary disabled" aria-disabled="true">Entra con CNS</span>
          </li>
        </ul>
        <p className="text-muted small">I fornitori SPID, CIE e CNS saranno collegati in una prossima versione.</p>
        <h2 className="h3 mt-5">{m.fornitoreDimostrativo}</h2>
        {attivo ? (
          <>
            <p>{m.fornitoreDimostrativoSpiegazione}</p>
            <ul className="list-unstyled">
              {identita.map((i) => (
                <li key={i.codiceFiscale} className="mb-3">
                  <Form method="post" replace>
                    <CampoCsrf token={csrf} />
                    <input type="hidden" name="codiceFiscale" value={i.codiceFiscale} />
                    {ritorno ? <input type="hidden" name="ritorno" value={ritorno} /> : null}
                    <button type="submit" className="btn btn-outline-primary text-start">
                      Accedi come {i.nome} {i.cognome}
                      <span className="d-block small">
                        {i.ruoli.join(", ")} — codice fiscale {i.codiceFiscale}
                      </span>
                    </button>
                  </Form>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p>{m.fornitoreDimostrativoDisattivato}</p>
        )}
      </div>
    </div>
  );
}
