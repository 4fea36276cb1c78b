// A sent domanda as submitted: its data, the timeline of events, the receipt and the alerts open at submission.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CronologiaDomanda, ElencoEsiti, RiepilogoDomanda } from "~/components/domanda/RiepilogoDomanda";
import { transizionePossibile } from "~/domain/stati";
import { richiediContesto } from "~/http/accesso.server";
import { caricaDomanda, idDomanda } from "~/http/domanda.server";
import { datiRiepilogo, esitiAllInvio, eventiDellaDomanda } from "~/services/riepilogo.server";
import { RichiesteIstruttoria } from "~/components/istruttoria/RichiesteIstruttoria";
import { formatDataItaliana } from "~/domain/date";
import { richiesteDellaDomanda } from "~/services/istruttoria/interlocuzione.server";
import { attiDellaDomanda } from "~/services/istruttoria/decisione.server";
import { DecisioneDomanda } from "~/components/istruttoria/DecisioneDomanda";
import { euro } from "~/domain/formati";
import { riepilogoImporti } from "~/services/pagamenti/importi-azienda.server";
import { latoDelRuolo } from "~/domain/comunicazioni";
import { nonLettiDomanda } from "~/services/comunicazioni/filo.server";

export const handle = { titolo: "Dettaglio della domanda" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await richiediContesto(request);
  const caricata = await caricaDomanda(request, ctx, idDomanda(params.id));
  if (caricata.domanda.stato === "bozza") throw redirect(`/domande/${caricata.domanda.id}`);
  const aziendale = ctx.ruolo === "datore" || ctx.ruolo === "intermediario";
  const [riepilogo, eventi, richieste, atti, importi, nonLetti] = await Promise.all([
    datiRiepilogo(caricata),
    eventiDellaDomanda(caricata.domanda.id),
    richiesteDellaDomanda(caricata.domanda.id),
    attiDellaDomanda(caricata.domanda),
    // The per-worker amounts of the direct payment: the company's side downloads them (the Sede has its desk).
    aziendale ? riepilogoImporti(caricata.domanda.id) : null,
    nonLettiDomanda(latoDelRuolo(ctx.ruolo), caricata.domanda.id),
  ]);
  const url = new URL(request.url);
  return json({
    riepilogo,
    eventi,
    richieste,
    atti,
    nonLetti,
    rispostaInviata: url.searchParams.get("risposta") === "inviata",
    // Only the company's side answers; the office reads the same page.
    puoRispondere: ctx.ruolo === "datore" || ctx.ruolo === "intermediario",
    importi: importi ? { ...importi, nettoPagato: euro(importi.nettoPagatoCentesimi) } : null,
    esiti: esitiAllInvio(caricata),
    rinunciabile: transizionePossibile(caricata.domanda.stato, "rinuncia"),
  });
}

export default function Dettaglio() {
  const { riepilogo, eventi, esiti, rinunciabile, richieste, atti, rispostaInviata, puoRispondere, importi, nonLetti } = useLoaderData<typeof loader>();
  const i = riepilogo.intestazione;
  const aperta = richieste.find((r) => r.stato === "aperta");
  return (
    <div className="row">
      <div className="col-12 col-lg-9">
        <p className="text-muted mb-1">
          {i.prestazione} — {i.azienda.ragioneSociale}
        </p>
        {rispostaInviata ? (
          <div className="alert alert-success" role="status">
            La tua risposta è stata inviata alla Sede INPS, che riprende l&apos;esame della domanda.
          </div>
        ) : null}
        <h1>Domanda {i.protocollo}</h1>
        <p>
          Stato: <strong>{i.stato}</strong>. Inviata il {i.inviataIl}.
        </p>
        {aperta ? (
          <div className="alert alert-warning" role="region" aria-labelledby="titolo-richiesta-aperta">
            <h2 id="titolo-richiesta-aperta" className="h4">
              La Sede INPS ti chiede {aperta.tipo === "documentale" ? "dei documenti" : "delle informazioni"}
            </h2>
            <p>
              {aperta.nomeTipo} del {formatDataItaliana(aperta.ricevutaIl)}: rispondi entro il{" "}
              <strong>{formatDataItaliana(aperta.scadenza)}</strong>. Fino alla risposta la domanda è sospesa.
            </p>
            {puoRispondere ? (
              <p className="mb-0">
                <Link to={`/domande/${i.id}/risposta`}>Leggi la richiesta e rispondi</Link>
              </p>
            ) : null}
          </div>
        ) : null}
        <ul className="d-print-none">
          <li>
            <a href={`/domande/${i.id}/ricevuta.pdf`} download>
              Scarica la ricevuta in PDF
            </a>
          </li>
          {puoRispondere ? (
            <li>
              <Link to={`/domande/${i.id}/messaggi`}>
                Messaggi con la Sede{nonLetti > 0 ? ` (${nonLetti === 1 ? "1 da leggere" : `${nonLetti} da leggere`})` : ""}
              </Link>
            </li>
          ) : null}
          {rinunciabile ? (
            <li>
              <Link to={`/domande/${i.id}/rinuncia`}>Rinuncia alla domanda</Link>
            </li>
          ) : null}
          <li>
            <Link to="/domande">Torna a Le tue domande</Link>
          </li>
        </ul>
        <DecisioneDomanda atti={atti} linkPdf={(atto) => `/domande/${i.id}/provvedimento.pdf?atto=${atto}`} />
        {importi ? (
          <section aria-labelledby="titolo-importi" className="mb-4">
            <h2 id="titolo-importi" className="h4">
              Pagamento diretto ai lavoratori
            </h2>
            <p>
              Importi calcolati dalle denunce UniEmens-Cig: {importi.numero} (lavoratore e mese), di cui {importi.pagati} pagati dall&apos;INPS
              per {importi.nettoPagato}.
            </p>
            <p>
              <a href={`/domande/${i.id}/importi.csv`} download>
                Scarica gli importi per lavoratore (CSV per il programma paghe)
              </a>
            </p>
          </section>
        ) : null}
        <RichiesteIstruttoria
          richieste={richieste}
          titolo="Richieste della Sede e risposte"
          idTitolo="titolo-richieste"
          linkAllegato={null}
        />
        <CronologiaDomanda eventi={eventi} />
        <ElencoEsiti
          esiti={esiti}
          titolo="Avvisi aperti al momento dell'invio"
          idTitolo="titolo-avvisi-invio"
          domandaId={i.id}
        />
        <RiepilogoDomanda {...riepilogo} />
      </div>
    </div>
  );
}
