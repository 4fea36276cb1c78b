// /deleghe/abilita: the legal representative enables an employee to act for the company (sub-abilitazione).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ModuloDelega } from "~/components/deleghe/ModuloDelega";
import { CampoData, CampoTesto } from "~/components/form";
import { leggiFormProtetto, richiediContesto, rispostaNonTrovata } from "~/http/accesso.server";
import { abilitaDipendente, vistaDeleghe } from "~/services/deleghe.server";
import { messaggiDeleghe as m } from "~/testi";

export const handle = { titolo: m.titoloAbilita };

async function richiediLegale(request: Request) {
  const ctx = await richiediContesto(request);
  const vista = await vistaDeleghe(ctx);
  if (vista?.tipo !== "legale") throw rispostaNonTrovata();
  return { ctx, azienda: vista.azienda };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx, azienda } = await richiediLegale(request);
  return { csrf: ctx.sessione.csrfToken, azienda: azienda.ragioneSociale };
}

export async function action({ request }: ActionFunctionArgs) {
  const { ctx } = await richiediLegale(request);
  const formData = await leggiFormProtetto(request, ctx.sessione.csrfToken);
  const r = await abilitaDipendente(ctx, formData);
  if (!r.ok) {
    if (r.motivo !== "non_valido") throw rispostaNonTrovata();
    const valori = Object.fromEntries(["codiceFiscale", "nome", "cognome", "validaAl"].map((k) => [k, String(formData.get(k) ?? "")]));
    return json({ errori: r.campi, valori, conErrori: true }, { status: 422 });
  }
  return redirect("/deleghe?esito=abilitato", 303);
}

const ORDINE = ["codiceFiscale", "nome", "cognome", "validaAl"] as const;

export default function AbilitaDipendente() {
  const { csrf, azienda } = useLoaderData<typeof loader>();
  const esito = useActionData<typeof action>();
  const errori = esito?.errori ?? {};
  const valori = esito?.valori ?? {};
  return (
    <ModuloDelega titolo={m.titoloAbilita} intro={`${m.introAbilita} Azienda: ${azienda}.`} csrf={csrf} errori={errori} ordine={ORDINE} pulsante={m.abilita}>
      {/* Alike the other fields below and deleghe.nuova.tsx's (duplicates): CampoTesto/CampoData are the shared pieces; every field is its own question, written one by one in the order the form asks */}
      <CampoTesto
        id="codiceFiscale"
        name="codiceFiscale"
        etichetta={m.codiceFiscale}
        defaultValue={valori.codiceFiscale}
        errors={errori.codiceFiscale}
        maxLength={16}
        larghezza={20}
        autoComplete="off"
        spellCheck={false}
        required
      />
      <CampoTesto id="nome" name="nome" etichetta={m.nome} defaultValue={valori.nome} errors={errori.nome} maxLength={80} required />
      <CampoTesto id="cognome" name="cognome" etichetta={m.cognome} defaultValue={valori.cognome} errors={errori.cognome} maxLength={80} required />
      <CampoData
        id="validaAl"
        name="validaAl"
        etichetta={m.validaAl}
        suggerimento={m.validaAlSuggerimento}
        defaultValue={valori.validaAl}
        errors={errori.validaAl}
        facoltativo
      />
    </ModuloDelega>
  );
}
