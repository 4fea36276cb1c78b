// "Elimina una denuncia": the user names an accepted return by its key, as in the INPS service; the action finds it
// among the companies the user may send flows for and moves on to the confirmation page (PRG). Nothing is withdrawn
// here: the withdrawal is the confirmation page's button.
import { analizzaModulo } from "~/http/modulo.server";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CampoTesto, ErrorSummary, Pulsante, daConform, erroriDaCampi, usaModuloServer } from "~/components/form";
import { CampoCsrf } from "~/components/form/CampoCsrf";
import { rispostaFallimento } from "~/http/risposta.server";
import { richiediMittenteFlussi } from "~/http/flusso-caricato.server";
import { ETICHETTE_ELIMINAZIONE as E, EliminazioneDenunciaSchema, messaggiEliminazione } from "~/passi/schemi/eliminazione-denuncia";
import { leggiFormProtetto } from "~/http/accesso.server";
import { cercaDenuncia } from "~/services/flussi/eliminazione.server";
import { messaggiFlussi as m } from "~/testi";

export const handle = { titolo: m.titoloEliminazione };

export async function loader({ request }: LoaderFunctionArgs) {
  const ctx = await richiediMittenteFlussi(request);
  return json({ csrf: ctx.sessione.csrfToken }, { headers: { "Cache-Control": "no-store" } });
}

export async function action({ request }: ActionFunctionArgs) {
  const ctx = await richiediMittenteFlussi(request);
  const formData = await leggiFormProtetto(request, ctx.sessione.csrfToken);
  const submission = analizzaModulo(formData, EliminazioneDenunciaSchema);
  if (submission.status !== "success") return json(submission.reply(), { status: 422 });
  const trovata = await cercaDenuncia(ctx, submission.value, messaggiEliminazione.nessunaDenuncia);
  if (!trovata.ok) return rispostaFallimento(trovata, formData);
  return redirect(`/flussi/denunce/${trovata.valore.id}/elimina`, 303);
}

export default function EliminazioneDenuncia() {
  const d = useLoaderData<typeof loader>();
  const risultato = useActionData<typeof action>();
  const [form, fields] = usaModuloServer("eliminazione-denuncia", risultato);
  const campi = {
    matricola: daConform(fields.matricola),
    cfLavoratore: daConform(fields.cfLavoratore),
    competenza: daConform(fields.competenza),
    qualifica1: daConform(fields.qualifica1),
    qualifica2: daConform(fields.qualifica2),
    qualifica3: daConform(fields.qualifica3),
    tipoContribuzione: daConform(fields.tipoContribuzione),
  };
  return (
    <div className="row">
      <div className="col-12 col-lg-9">
        <ErrorSummary errori={erroriDaCampi(Object.values(campi), form.errors)} />
        <h1>{m.titoloEliminazione}</h1>
        <p className="lead">{m.introEliminazione}</p>
        <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate replace>
          <CampoCsrf token={d.csrf} />
          <CampoTesto {...campi.matricola} etichetta={E.matricola} larghezza={10} inputMode="numeric" spellCheck={false} />
          <CampoTesto {...campi.cfLavoratore} etichetta={E.cfLavoratore} larghezza={20} spellCheck={false} autoComplete="off" />
          <CampoTesto {...campi.competenza} etichetta={E.competenza} suggerimento="Mese e anno, ad esempio 03/2026" larghezza={10} />
          <fieldset className="mb-4">
            <legend className="h6">Qualifiche e contribuzione, come scritte nel flusso</legend>
            <CampoTesto {...campi.qualifica1} etichetta={E.qualifica1} larghezza={4} spellCheck={false} />
            <CampoTesto {...campi.qualifica2} etichetta={E.qualifica2} larghezza={4} spellCheck={false} />
            <CampoTesto {...campi.qualifica3} etichetta={E.qualifica3} larghezza={4} spellCheck={false} />
            <CampoTesto {...campi.tipoContribuzione} etichetta={E.tipoContribuzione} larghezza={4} spellCheck={false} />
          </fieldset>
          <div className="mt-4 d-flex flex-wrap gap-3 align-items-center">
            <Pulsante type="submit">Cerca la denuncia</Pulsante>
            <Link to="/flussi">{m.tornaAiFlussi}</Link>
          </div>
        </Form>
      </div>
    </div>
  );
}
