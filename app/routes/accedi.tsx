// Sign-in: the OpenID Connect sign-in with SPID or CIE (ADR 018). A plain POST form with the anonymous CSRF token; the
// action stores the sign-in in progress and sends the browser to the provider. When the federation lists several
// providers (ADR 025: each one's trust chain verified) the person chooses one in a radio group first, GOV.UK style:
// a fieldset with a question as legend, one option per line (360 px), no JavaScript needed.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { messaggiAccesso as m, messaggiIdentita as mi } from "~/testi";
import { ritornoSicuro } from "~/services/autenticazione.server";
import { CampoCsrf } from "~/components/form/CampoCsrf";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { GruppoRadio } from "~/components/form/GruppoRadio";
import { ErroreCsrf, tokenCsrfAnonimo, verificaCsrfAnonimo } from "~/http/csrf.server";
import { rispostaCsrf } from "~/http/accesso.server";
import { leggiForm } from "~/http/corpo-richiesta.server";
import { avviaAccessoDaRichiesta } from "~/http/identita.server";
import { sessioneDaRichiesta } from "~/http/sessione.server";
import { elencoFornitori, impostazioniOidc } from "~/services/identita/oidc.server";

export const handle = { titolo: "Accedi" };

const CAMPO_FORNITORE = "fornitore";

export async function loader({ request }: LoaderFunctionArgs) {
  if (await sessioneDaRichiesta(request)) throw redirect("/area-riservata");
  const { token, setCookie } = tokenCsrfAnonimo(request);
  const impostazioni = impostazioniOidc(new URL(request.url).origin);
  const ritorno = ritornoSicuro(new URL(request.url).searchParams.get("ritorno"));
  const fornitori = impostazioni ? await elencoFornitori(new URL(request.url).origin) : [];
  return json(
    // With Trust Anchors only (no default provider) there is nothing to sign in with until the federation lists one.
    { csrf: token, configurato: impostazioni !== null && (impostazioni.emittente !== null || fornitori.length > 0), senzaElenco: impostazioni?.emittente === null && fornitori.length === 0, prova: impostazioni?.prova ?? false, ritorno, fornitori },
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
  const scelto = formData.get("fornitore");
  const avvio = await avviaAccessoDaRichiesta(request, ritornoSicuro(formData.get("ritorno")), typeof scelto === "string" && scelto ? scelto : null);
  // 400: the provider chosen is not one the federation lists (an error of the field); else an error of the sign-in.
  if (!avvio.ok) return json(avvio.stato === 400 ? { errore: avvio.messaggio, campo: CAMPO_FORNITORE } : { errore: avvio.messaggio }, { status: avvio.stato });
  return redirect(avvio.url, { status: 303, headers: { "Set-Cookie": avvio.setCookie, "Cache-Control": "no-store" } });
}

export default function Accedi() {
  const { csrf, configurato, senzaElenco = false, prova, ritorno, fornitori = [] } = useLoaderData<typeof loader>();
  const esito = useActionData<typeof action>();
  const erroreFornitore = esito && "campo" in esito ? esito.errore : undefined;
  return (
    <div className="row">
      <div className="col-12 col-lg-8">
        <ErrorSummary errori={esito?.errore ? [{ messaggio: esito.errore, ...(erroreFornitore ? { id: CAMPO_FORNITORE } : {}) }] : []} />
        <h1>{m.accediConIdentitaDigitale}</h1>
        <p className="lead">{m.introAccedi}</p>
        {configurato ? (
          <Form method="post" reloadDocument>
            <CampoCsrf token={csrf} />
            {ritorno ? <input type="hidden" name="ritorno" value={ritorno} /> : null}
            {fornitori.length > 1 ? (
              <GruppoRadio
                id={CAMPO_FORNITORE}
                name={CAMPO_FORNITORE}
                legenda={mi.sceltaFornitore}
                suggerimento={mi.sceltaFornitoreSuggerimento}
                scelte={fornitori.map((f) => ({ valore: f.id, etichetta: f.nome }))}
                errors={erroreFornitore ? [erroreFornitore] : undefined}
                required
              />
            ) : fornitori.length === 1 ? (
              <p>
                {mi.accediCon} <strong>{fornitori[0].nome}</strong>.<input type="hidden" name={CAMPO_FORNITORE} value={fornitori[0].id} />
              </p>
            ) : null}
            <button type="submit" className="btn btn-primary">
              {mi.entraConSpidCie}
            </button>
            <p className="small mt-2">{mi.notaLivello}</p>
          </Form>
        ) : (
          <p>{senzaElenco ? mi.nessunFornitoreElencato : mi.fornitoreNonConfigurato}</p>
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
