// The company's side's inbox: the threads of the domande of the companies this profile acts for today, with the
// entries not read yet.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Casella } from "~/components/comunicazioni/Casella";
import { richiediAzione, richiediContesto } from "~/services/accesso.server";
import { casellaAzienda, conteggiNonLetti } from "~/services/comunicazioni/filo.server";

export const handle = { titolo: "Messaggi" };

export async function loader({ request }: LoaderFunctionArgs) {
  const ctx = await richiediContesto(request);
  richiediAzione(ctx, "rispondi_richiesta");
  const soloNonLetti = new URL(request.url).searchParams.get("solo") === "non-letti";
  const [righe, conteggi] = await Promise.all([casellaAzienda(ctx, { soloNonLetti }), conteggiNonLetti(ctx)]);
  return json({ righe, soloNonLetti, totale: conteggi.totale });
}

export default function Messaggi() {
  const { righe, soloNonLetti, totale } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Messaggi</h1>
      <Casella righe={righe} soloNonLetti={soloNonLetti} totale={totale} collegamento={(id) => `/domande/${id}/messaggi`} />
      <p>
        <Link to="/domande">Torna a Le tue domande</Link>
      </p>
    </>
  );
}
