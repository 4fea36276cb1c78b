// The office's inbox: the threads of the sent domande of the sedi the assignment rule gives this operator or manager,
// with what the company wrote and the office has not read yet.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Casella } from "~/components/comunicazioni/Casella";
import { richiediContesto, richiediSede } from "~/http/accesso.server";
import { casellaSede, totaleNonLetti } from "~/services/comunicazioni/filo.server";

export const handle = { titolo: "Messaggi delle aziende" };

export async function loader({ request }: LoaderFunctionArgs) {
  const ctx = await richiediContesto(request);
  richiediSede(ctx);
  const soloNonLetti = new URL(request.url).searchParams.get("solo") === "non-letti";
  const [righe, totale] = await Promise.all([casellaSede(ctx, { soloNonLetti }), totaleNonLetti(ctx)]);
  return { righe, soloNonLetti, totale };
}

export default function MessaggiSede() {
  const { righe, soloNonLetti, totale } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Messaggi delle aziende</h1>
      <Casella righe={righe} soloNonLetti={soloNonLetti} totale={totale} collegamento={(id) => `/scrivania/${id}/messaggi`} />
      <p>
        <Link to="/scrivania">Torna alle domande da istruire</Link>
      </p>
    </>
  );
}
