import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { messaggiAccesso as m } from "~/testi";
import { opzioniProfilo } from "~/services/accesso.server";
import { leggiFormProtetto } from "~/http/accesso.server";
import { ritornoSicuro, scegliProfilo } from "~/services/autenticazione.server";
import { sessioneDaRichiesta } from "~/http/sessione.server";

export const handle = { titolo: "Scegli il profilo" };

async function richiediSessione(request: Request) {
  const valida = await sessioneDaRichiesta(request);
  if (!valida) throw redirect("/accedi");
  return valida;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { utente, sessione } = await richiediSessione(request);
  const opzioni = await opzioniProfilo(utente);
  const attuale =
    opzioni.find((o) => o.ruolo === sessione.ruoloAttivo && o.aziendaId === sessione.aziendaAttivaId)?.valore ?? null;
  return {
    opzioni: opzioni.map(({ valore, etichetta }) => ({ valore, etichetta })),
    attuale,
    csrf: sessione.csrfToken,
    ritorno: ritornoSicuro(new URL(request.url).searchParams.get("ritorno")),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { utente, sessione } = await richiediSessione(request);
  const formData = await leggiFormProtetto(request, sessione.csrfToken);
  const scelta = await scegliProfilo(utente, sessione.id, String(formData.get("profilo") ?? ""));
  if (!scelta) return json({ errore: m.profiloNonValido }, { status: 422 });
  return redirect(ritornoSicuro(formData.get("ritorno")) ?? "/area-riservata", 303);
}

export default function Profilo() {
  const { opzioni, attuale, csrf, ritorno } = useLoaderData<typeof loader>();
  const esito = useActionData<typeof action>();
  const errore = esito?.errore;
  return (
    <div className="row">
      <div className="col-12 col-lg-8">
        {errore ? (
          <div className="alert alert-danger" role="alert" tabIndex={-1}>
            <h2 className="h5">C&apos;è un problema</h2>
            <ul className="mb-0">
              <li>
                <a href="#profilo-0">{errore}</a>
              </li>
            </ul>
          </div>
        ) : null}
        <h1>{m.titoloProfilo}</h1>
        {opzioni.length === 0 ? (
          <p>{m.nessunProfilo}</p>
        ) : (
          <Form method="post">
            {/* A literal name: a value imported from a .server module is undefined in the browser bundle. */}
            <input type="hidden" name="csrf" value={csrf} />
            {ritorno ? <input type="hidden" name="ritorno" value={ritorno} /> : null}
            <fieldset aria-describedby={errore ? "profilo-hint profilo-error" : "profilo-hint"}>
              <legend className="h4">Per conto di chi vuoi operare?</legend>
              <p id="profilo-hint" className="form-text">
                {m.introProfilo}
              </p>
              {errore ? (
                <p id="profilo-error" className="text-danger">
                  <span className="visually-hidden">Errore:</span> {errore}
                </p>
              ) : null}
              {opzioni.map((o, i) => (
                <div className="form-check" key={o.valore}>
                  <input
                    className="form-check-input"
                    type="radio"
                    name="profilo"
                    id={`profilo-${i}`}
                    value={o.valore}
                    defaultChecked={o.valore === attuale}
                    aria-invalid={errore ? true : undefined}
                  />
                  <label className="form-check-label" htmlFor={`profilo-${i}`}>
                    {o.etichetta}
                  </label>
                </div>
              ))}
            </fieldset>
            <button type="submit" className="btn btn-primary mt-3">
              Continua
            </button>
          </Form>
        )}
      </div>
    </div>
  );
}
