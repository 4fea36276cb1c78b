// The company's side's inbox: the threads of the domande of the companies this profile acts for today, with the
// entries not read yet.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Casella } from "~/components/comunicazioni/Casella";
import { richiediAzione, richiediContesto } from "~/http/accesso.server";
import { casellaAzienda, conteggiNonLetti, totaleNonLetti } from "~/services/comunicazioni/filo.server";

export const handle = { titolo: "Messaggi" };

export async function loader({ request }: LoaderFunctionArgs) {
  const ctx = await richiediContesto(request);
  richiediAzione(ctx, "rispondi_richiesta");
  const params = new URL(request.url).searchParams;
  const soloNonLetti = params.get("solo") === "non-letti";
  // ?azienda=N (the portfolio's link): one company's threads; an id this profile may not act for gives an empty list.
  const grezzo = params.get("azienda");
  const aziendaId = grezzo && /^[1-9][0-9]{0,9}$/.test(grezzo) && Number(grezzo) <= 2_147_483_647 ? Number(grezzo) : undefined;
  const [righe, totale] = await Promise.all([
    casellaAzienda(ctx, { soloNonLetti, aziendaId }),
    aziendaId === undefined ? totaleNonLetti(ctx) : conteggiNonLetti(ctx).then((c) => c.perAzienda[aziendaId] ?? 0),
  ]);
  return { righe, soloNonLetti, aziendaId: aziendaId ?? null, totale };
}

export default function Messaggi() {
  const { righe, soloNonLetti, totale, aziendaId } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Messaggi</h1>
      {aziendaId !== null ? (
        <p>
          {righe[0] ? `Solo le domande di ${righe[0].azienda}.` : "Solo le domande di un'azienda."} <Link to="/messaggi">Mostra i messaggi di tutte le aziende</Link>
        </p>
      ) : null}
      <Casella righe={righe} soloNonLetti={soloNonLetti} totale={totale} aziendaId={aziendaId} collegamento={(id) => `/domande/${id}/messaggi`} />
      <p>
        <Link to="/domande">Torna a Le tue domande</Link>
      </p>
    </>
  );
}
