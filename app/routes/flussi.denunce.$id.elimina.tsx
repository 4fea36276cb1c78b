// The confirmation of a withdrawal: what the return is (company, worker, month, hours, the flow that brought it) and
// the button that withdraws it. After the withdrawal the same page says when it was withdrawn (PRG); a second click
// from another tab gets the conflict message, never a second withdrawal.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Pulsante } from "~/components/form";
import { CampoCsrf } from "~/components/form/CampoCsrf";
import { formatNumero } from "~/domain/formati";
import { rispostaNonTrovata } from "~/http/risposta.server";
import { richiediMittenteFlussi } from "~/http/flusso-caricato.server";
import { leggiFormProtetto } from "~/http/accesso.server";
import { denunciaDaEliminare, eliminaDenuncia } from "~/services/flussi/eliminazione.server";
import { messaggiFlussi as m } from "~/testi";

export const handle = { titolo: m.titoloConfermaEliminazione };

const orario = (iso: string) => new Date(iso).toLocaleString("it-IT", { timeZone: "Europe/Rome", dateStyle: "long", timeStyle: "short" });
const mese = (competenza: string) => `${competenza.slice(5, 7)}/${competenza.slice(0, 4)}`;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await richiediMittenteFlussi(request);
  const r = await denunciaDaEliminare(ctx, Number(params.id));
  if (!r.ok) throw rispostaNonTrovata();
  const x = r.valore;
  return json(
    {
      csrf: ctx.sessione.csrfToken,
      id: x.id,
      azienda: `${x.denominazione} (matricola ${x.matricola})`,
      lavoratore: `${x.lavoratore} — ${x.cfLavoratore}`,
      mese: mese(x.competenza),
      ticket: x.ticket,
      ore: formatNumero(x.oreCentesimi / 100, 2),
      flusso: { id: x.flusso.id, nomeFile: x.flusso.nomeFile, riga: x.flusso.riga, ricevutoIl: orario(x.flusso.ricevutoIl) },
      eliminataIl: x.eliminataIl ? orario(x.eliminataIl) : null,
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await richiediMittenteFlussi(request);
  await leggiFormProtetto(request, ctx.sessione.csrfToken);
  const id = Number(params.id);
  const esito = await eliminaDenuncia(ctx, id, { inPagamento: m.denunciaInPagamento });
  if (!esito.ok) {
    if (esito.motivo === "conflitto") return json({ errore: m.denunciaGiaEliminata }, { status: 409 });
    if (esito.motivo === "non_valido") return json({ errore: esito.modulo[0] }, { status: 422 });
    throw rispostaNonTrovata();
  }
  return redirect(`/flussi/denunce/${id}/elimina`, 303);
}

// Alike domande.$id.elimina.tsx (duplicates): only the loader/action hooks are alike; the confirmation text and the form
// are the flow report's own
export default function ConfermaEliminazione() {
  const d = useLoaderData<typeof loader>();
  const risultato = useActionData<typeof action>();
  return (
    <div className="row">
      <div className="col-12 col-lg-9">
        {risultato?.errore ? <ErrorSummary errori={[{ messaggio: risultato.errore }]} /> : null}
        <h1>{d.eliminataIl ? m.titoloDenunciaEliminata : m.titoloConfermaEliminazione}</h1>
        {d.eliminataIl ? (
          <div className="callout callout-success" role="status">
            <p className="mb-0">
              Denuncia eliminata il {d.eliminataIl}. Se serve, puoi inviarla di nuovo corretta in un nuovo flusso.
            </p>
          </div>
        ) : (
          <p className="lead">{m.spiegazioneEliminazione}</p>
        )}
        <dl className="row">
          <dt className="col-12 col-md-4">Azienda</dt>
          <dd className="col-12 col-md-8">{d.azienda}</dd>
          <dt className="col-12 col-md-4">Lavoratore</dt>
          <dd className="col-12 col-md-8">{d.lavoratore}</dd>
          <dt className="col-12 col-md-4">Mese di competenza</dt>
          <dd className="col-12 col-md-8">{d.mese}</dd>
          <dt className="col-12 col-md-4">Ticket</dt>
          <dd className="col-12 col-md-8">{d.ticket}</dd>
          <dt className="col-12 col-md-4">Ore di integrazione</dt>
          <dd className="col-12 col-md-8">{d.ore}</dd>
          <dt className="col-12 col-md-4">Flusso</dt>
          <dd className="col-12 col-md-8">
            <Link to={`/flussi/${d.flusso.id}`}>{d.flusso.nomeFile}</Link>, riga {d.flusso.riga}, ricevuto il {d.flusso.ricevutoIl}
          </dd>
        </dl>
        {d.eliminataIl ? (
          <p>
            <Link to="/flussi">{m.tornaAiFlussi}</Link>
          </p>
        ) : (
          <Form method="post" replace>
            <CampoCsrf token={d.csrf} />
            <div className="mt-4 d-flex flex-wrap gap-3 align-items-center">
              <Pulsante type="submit">Elimina la denuncia</Pulsante>
              <Link to="/flussi/eliminazione">Non eliminare, cerca un&apos;altra denuncia</Link>
            </div>
          </Form>
        )}
      </div>
    </div>
  );
}
