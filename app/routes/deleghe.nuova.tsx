// /deleghe/nuova: an intermediary asks a company for a delega, or declares one (plain form, CSRF, PRG, GOV.UK errors).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ModuloDelega } from "~/components/deleghe/ModuloDelega";
import { CampoData, CampoTesto, GruppoCheckbox, GruppoRadio } from "~/components/form";
import { leggiFormProtetto, richiediAzione, richiediContesto, rispostaNonTrovata } from "~/http/accesso.server";
import { richiediDelega } from "~/services/deleghe.server";
import { messaggiDeleghe as m } from "~/testi";

export const handle = { titolo: m.titoloNuova };

export async function loader({ request }: LoaderFunctionArgs) {
  const ctx = await richiediContesto(request);
  richiediAzione(ctx, "richiedi_delega");
  return { csrf: ctx.sessione.csrfToken };
}

export async function action({ request }: ActionFunctionArgs) {
  const ctx = await richiediContesto(request);
  richiediAzione(ctx, "richiedi_delega");
  const formData = await leggiFormProtetto(request, ctx.sessione.csrfToken);
  const r = await richiediDelega(ctx, formData);
  if (!r.ok) {
    if (r.motivo !== "non_valido") throw rispostaNonTrovata();
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
  return (
    <ModuloDelega titolo={m.titoloNuova} csrf={csrf} errori={errori} ordine={ORDINE} pulsante={m.invia}>
      {/* Alike the other fields below and deleghe.abilita.tsx's (duplicates): CampoTesto/CampoData are the shared pieces; every field is its own question, written one by one in the order the form asks */}
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
    </ModuloDelega>
  );
}
