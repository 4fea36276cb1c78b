// /deleghe/nuova: an intermediary asks a company for a delega, or declares one (plain form, CSRF, PRG, GOV.UK errors).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CampoCsrf } from "~/components/form/CampoCsrf";
import { CampoData, CampoTesto, ErrorSummary, GruppoCheckbox, GruppoRadio, Pulsante, type VoceErrore } from "~/components/form";
import { leggiFormProtetto, richiediAzione, richiediContesto } from "~/http/accesso.server";
import { richiediDelega } from "~/services/deleghe.server";
import { messaggiDeleghe as m } from "~/testi";

export const handle = { titolo: m.titoloNuova };

export async function loader({ request }: LoaderFunctionArgs) {
  const ctx = await richiediContesto(request);
  richiediAzione(ctx, "richiedi_delega");
  return json({ csrf: ctx.sessione.csrfToken });
}

export async function action({ request }: ActionFunctionArgs) {
  const ctx = await richiediContesto(request);
  richiediAzione(ctx, "richiedi_delega");
  const formData = await leggiFormProtetto(request, ctx.sessione.csrfToken);
  const r = await richiediDelega(ctx, formData);
  if (!r.ok) {
    if (r.motivo !== "non_valido") throw new Response("Pagina non trovata", { status: 404 });
    const valori = {
      matricola: String(formData.get("matricola") ?? ""),
      validaAl: String(formData.get("validaAl") ?? ""),
      modalita: String(formData.get("modalita") ?? ""),
      dichiarazione: formData.get("dichiarazione") === "si",
    };
    return json({ errori: r.campi, valori, conErrori: true }, { status: 422 });
  }
  return redirect(`/deleghe?esito=${r.valore.stato === "attiva" ? "dichiarata" : "richiesta"}`, 303);
}

const ORDINE = ["matricola", "validaAl", "modalita", "dichiarazione"] as const;

export default function NuovaDelega() {
  const { csrf } = useLoaderData<typeof loader>();
  const esito = useActionData<typeof action>();
  const errori = esito?.errori ?? {};
  const voci: VoceErrore[] = ORDINE.filter((c) => errori[c]?.length).map((c) => ({ id: c, messaggio: errori[c][0] }));
  return (
    <div className="row">
      <div className="col-12 col-lg-8">
        <ErrorSummary errori={voci} />
        <h1>{m.titoloNuova}</h1>
        <Form method="post" noValidate>
          <CampoCsrf token={csrf} />
          <CampoTesto
            id="matricola"
            name="matricola"
            etichetta={m.matricola}
            suggerimento={m.matricolaSuggerimento}
            defaultValue={esito?.valori.matricola}
            errors={errori.matricola}
            inputMode="numeric"
            maxLength={10}
            larghezza={10}
            required
          />
          <CampoData
            id="validaAl"
            name="validaAl"
            etichetta={m.validaAl}
            suggerimento={m.validaAlSuggerimento}
            defaultValue={esito?.valori.validaAl}
            errors={errori.validaAl}
            facoltativo
          />
          <GruppoRadio
            id="modalita"
            name="modalita"
            legenda={m.modalitaLegenda}
            scelte={[
              { valore: "conferma", etichetta: m.modalitaConferma },
              { valore: "dichiarazione", etichetta: m.modalitaDichiarazione },
            ]}
            defaultValue={esito?.valori.modalita ?? "conferma"}
            errors={errori.modalita}
          />
          <GruppoCheckbox
            id="dichiarazione"
            name="dichiarazione"
            legenda={m.dichiarazioneLegenda}
            scelte={[{ valore: "si", etichetta: m.dichiarazioneTesto }]}
            defaultValue={esito?.valori.dichiarazione ? ["si"] : []}
            errors={errori.dichiarazione}
            facoltativo
          />
          <Pulsante>{m.invia}</Pulsante>
        </Form>
        <p className="mt-4">
          <Link to="/deleghe">{m.titolo}</Link>
        </p>
      </div>
    </div>
  );
}
