// One amount of the direct payment: how it was computed (the rule's explanation, provisional where a parameter is
// uncertain) and, for an exception, the decision of a person of the Sede: approve or reject, always with a reason
// (audited). An amount that cannot be computed can only be rejected.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { AreaTesto, ErrorSummary, GruppoRadio, Pulsante, daConform, erroriDaCampi, usaModuloServer } from "~/components/form";
import { CampoCsrf } from "~/components/form/CampoCsrf";
import { StoricoEsiti } from "~/components/pagamenti/StoricoEsiti";
import { euro } from "~/domain/formati";
import { rispostaFallimento } from "~/http/risposta.server";
import { leggiFormProtetto, richiediContesto, richiediSede, rispostaNonTrovata } from "~/http/accesso.server";
import { ETICHETTE_STATO_IMPORTO, dettaglioImporto, risolviEccezione } from "~/services/pagamenti/scrivania.server";

export const handle = { titolo: "Importo del pagamento diretto" };

// Alike scrivania.pagamenti.lotti.$id._index.tsx's opening (duplicates): the routes' pattern (title, apri = context,
// Sede's authorisation, id); each route opens its own object (here a payment amount)
async function apri(request: Request, id: string | undefined) {
  const ctx = await richiediContesto(request);
  richiediSede(ctx);
  const n = Number(id);
  const dettaglio = Number.isSafeInteger(n) ? await dettaglioImporto(ctx, n) : null;
  if (!dettaglio) throw rispostaNonTrovata();
  return { ctx, dettaglio };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx, dettaglio } = await apri(request, params.id);
  const i = dettaglio.importo;
  return {
    csrf: ctx.sessione.csrfToken,
    puoDecidere: ctx.ruolo === "operatore_sede" && i.stato === "eccezione",
    id: i.id,
    stato: ETICHETTE_STATO_IMPORTO[i.stato],
    nominativo: i.nominativo,
    codiceFiscale: i.codiceFiscale,
    iban: i.iban,
    mese: `${i.competenza.slice(5, 7)}/${i.competenza.slice(0, 4)}`,
    ore: (i.oreCentesimi / 100).toLocaleString("it-IT"),
    cifre: [
      ["Retribuzione persa (100%)", euro(i.retribuzionePersaCentesimi)],
      ["Importo lordo", euro(i.lordoCentesimi)],
      ["Importo lordo entro il massimale", euro(i.lordoLimitatoCentesimi)],
      ["Riduzione del 5,84%", euro(i.riduzioneCentesimi)],
      ["Importo netto", euro(i.nettoCentesimi)],
    ],
    azienda: dettaglio.azienda,
    numero: dettaglio.numero,
    spiegazione: dettaglio.spiegazione,
    eccezioni: dettaglio.eccezioni,
    soloRespinta: dettaglio.soloRespinta,
    risolto: i.risoltoIl ? { da: dettaglio.risoltoDa, motivo: i.motivoRisoluzione } : null,
    contributo: dettaglio.contributo
      ? { importo: dettaglio.contributo.importoCentesimi === null ? null : euro(dettaglio.contributo.importoCentesimi), messaggio: dettaglio.contributo.messaggio }
      : null,
    esiti: dettaglio.esiti,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx, dettaglio } = await apri(request, params.id);
  const formData = await leggiFormProtetto(request, ctx.sessione.csrfToken);
  const decisione = formData.get("decisione");
  const motivo = formData.get("motivo");
  const esito = await risolviEccezione(ctx, dettaglio.importo.id, {
    decisione: decisione === "approva" || decisione === "respingi" ? decisione : null,
    motivo: typeof motivo === "string" ? motivo : "",
  });
  if (!esito.ok) return rispostaFallimento(esito, formData);
  return redirect("/scrivania/pagamenti", 303);
}

export default function ImportoPagamento() {
  const d = useLoaderData<typeof loader>();
  const risultato = useActionData<typeof action>();
  const [form, fields] = usaModuloServer("decisione-eccezione", risultato);
  const decisione = daConform(fields.decisione);
  const motivo = daConform(fields.motivo);
  return (
    <div className="row">
      <div className="col-12 col-lg-9">
        <ErrorSummary errori={erroriDaCampi([decisione, motivo], form.errors)} />
        <p className="text-muted mb-1">
          {d.azienda} — autorizzazione n. {d.numero}
        </p>
        <h1>
          Importo di {d.nominativo} per {d.mese}
        </h1>
        <p>
          Stato: <strong>{d.stato}</strong>.
        </p>
        <dl>
          {[["Codice fiscale", d.codiceFiscale], ["IBAN della denuncia", d.iban], ["Ore integrate", d.ore], ...d.cifre].map(([etichetta, valore]) => (
            <div key={etichetta}>
              <dt>{etichetta}</dt>
              <dd>{valore}</dd>
            </div>
          ))}
        </dl>
        <h2 className="h4">Come è calcolato</h2>
        <p>{d.spiegazione}</p>
        {d.contributo ? (
          <>
            <h2 className="h4">Contributo addizionale dell&apos;autorizzazione</h2>
            <p>
              {d.contributo.importo ? <strong>{d.contributo.importo}. </strong> : null}
              {d.contributo.messaggio}
            </p>
          </>
        ) : null}
        {d.eccezioni.length ? (
          <section aria-labelledby="titolo-eccezioni" className="mb-4">
            <h2 id="titolo-eccezioni" className="h4">
              Eccezioni
            </h2>
            <ul>
              {d.eccezioni.map((e) => (
                <li key={e.codice}>
                  <strong>{e.titolo}</strong>: {e.messaggio} {e.verifica} <span className="small text-muted">({e.riferimento})</span>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {d.esiti.length ? <StoricoEsiti esiti={d.esiti} per="bonifico" /> : null}
        {d.risolto ? (
          <p>
            Deciso da {d.risolto.da}: {d.risolto.motivo}
          </p>
        ) : null}
        {d.puoDecidere ? (
          <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate replace>
            <CampoCsrf token={d.csrf} />
            <GruppoRadio
              {...decisione}
              legenda="Decisione"
              scelte={[
                ...(d.soloRespinta ? [] : [{ valore: "approva", etichetta: "Approva: l'importo va nel prossimo lotto di pagamento" }]),
                { valore: "respingi", etichetta: "Respingi: l'importo non sarà pagato" },
              ]}
            />
            <AreaTesto {...motivo} etichetta="Motivo della decisione" suggerimento="Che cosa hai verificato. Resta nel registro delle attività." righe={4} />
            <div className="mt-4 d-flex flex-wrap gap-3 align-items-center">
              <Pulsante type="submit">Registra la decisione</Pulsante>
              <Link to="/scrivania/pagamenti">Torna ai pagamenti diretti</Link>
            </div>
          </Form>
        ) : (
          <p>
            <Link to="/scrivania/pagamenti">Torna ai pagamenti diretti</Link>
          </p>
        )}
      </div>
    </div>
  );
}
