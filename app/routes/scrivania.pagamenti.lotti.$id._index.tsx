// A payment batch: its SEPA file (download), its transfers, who prepared, approved and sent it. Four eyes: the
// operator who prepared it cannot approve it (the page says so; the service and the database refuse it too).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Pulsante, erroriDaCampi, usaModuloServer } from "~/components/form";
import { CampoCsrf } from "~/components/form/CampoCsrf";
import { TabellaScorrevole } from "~/components/layout/TabellaScorrevole";
import { StoricoEsiti } from "~/components/pagamenti/StoricoEsiti";
import { formatDataItaliana } from "~/domain/date";
import { euro } from "~/domain/formati";
import { rispostaFallimento } from "~/http/risposta.server";
import { leggiFormProtetto, richiediContesto, richiediSede, rispostaNonTrovata } from "~/http/accesso.server";
import { approvaLotto, dettaglioLotto, segnaLottoInviato } from "~/services/pagamenti/lotti.server";
import { ETICHETTE_ESITO_LOTTO, ETICHETTE_STATO_LOTTO } from "~/services/pagamenti/scrivania.server";

export const handle = { titolo: "Lotto di pagamento" };

// Alike scrivania.pagamenti.importi.$id.tsx's opening (duplicates): the routes' pattern (title, apri = context, Sede's
// authorisation, id); each route opens its own object (here a batch)
async function apri(request: Request, id: string | undefined) {
  const ctx = await richiediContesto(request);
  richiediSede(ctx);
  const n = Number(id);
  const lotto = Number.isSafeInteger(n) ? await dettaglioLotto(ctx, n) : null;
  if (!lotto) throw rispostaNonTrovata();
  return { ctx, lotto };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx, lotto } = await apri(request, params.id);
  const l = lotto.lotto;
  const operatore = ctx.ruolo === "operatore_sede";
  return {
    csrf: ctx.sessione.csrfToken,
    id: l.id,
    messaggioId: l.messaggioId,
    giorno: formatDataItaliana(l.giorno),
    stato: l.stato,
    etichettaStato: ETICHETTE_STATO_LOTTO[l.stato] + (l.esito ? `: ${ETICHETTE_ESITO_LOTTO[l.esito]}` : ""),
    puoRegistrareEsito: operatore && (l.stato === "inviato" || l.stato === "esito_ricevuto"),
    disposizioni: l.disposizioni,
    totale: euro(l.totaleCentesimi),
    preparatoDa: lotto.preparatoDa,
    approvatoDa: lotto.approvatoDa,
    inviatoDa: lotto.inviatoDa,
    sha256: l.xmlSha256,
    preparatoDaMe: l.preparatoDa === ctx.utente.id,
    puoApprovare: operatore && l.stato === "preparato" && l.preparatoDa !== ctx.utente.id,
    puoInviare: operatore && l.stato === "approvato",
    righe: lotto.righe.map((r) => ({ ...r, mese: `${r.competenza.slice(5, 7)}/${r.competenza.slice(0, 4)}`, netto: euro(r.nettoCentesimi) })),
    esiti: lotto.esiti,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx, lotto } = await apri(request, params.id);
  const formData = await leggiFormProtetto(request, ctx.sessione.csrfToken);
  const intent = formData.get("intent");
  const esito =
    intent === "approva" ? await approvaLotto(ctx, lotto.lotto.id) : intent === "invia" ? await segnaLottoInviato(ctx, lotto.lotto.id) : null;
  if (!esito) throw new Response("Richiesta non valida", { status: 400 });
  if (!esito.ok) return rispostaFallimento(esito, formData);
  return redirect(`/scrivania/pagamenti/lotti/${lotto.lotto.id}`, 303);
}

export default function LottoPagamento() {
  const d = useLoaderData<typeof loader>();
  const risultato = useActionData<typeof action>();
  const [form] = usaModuloServer("lotto", risultato);
  return (
    <>
      <ErrorSummary errori={erroriDaCampi([], form.errors)} />
      <p className="text-muted mb-1">Pagamenti diretti</p>
      <h1>Lotto {d.messaggioId}</h1>
      <p>
        Stato: <strong>{d.etichettaStato}</strong>. Giorno {d.giorno}: {d.disposizioni} bonifici SEPA, in tutto{" "}
        <strong>{d.totale}</strong>.
      </p>
      <ul>
        <li>Preparato da {d.preparatoDa}</li>
        <li>{d.approvatoDa ? `Approvato da ${d.approvatoDa}` : "Da approvare da un altro operatore"}</li>
        {d.inviatoDa ? <li>Inviato alla banca da {d.inviatoDa}</li> : null}
      </ul>
      <p>
        <a href={`/scrivania/pagamenti/lotti/${d.id}/file.xml`} download>
          Scarica il file SEPA del lotto (XML pain.001.001.03)
        </a>
        <br />
        <span className="small text-muted">Impronta SHA-256 del file: {d.sha256}</span>
      </p>
      {d.puoRegistrareEsito ? (
        <p>
          <Link to={`/scrivania/pagamenti/lotti/${d.id}/esito`}>Registra l&apos;esito della banca (pain.002)</Link>
        </p>
      ) : null}
      {d.stato === "preparato" && d.preparatoDaMe ? (
        <div className="alert alert-info" role="note">
          Hai preparato tu questo lotto: deve approvarlo un altro operatore della sede (controllo a quattro occhi).
        </div>
      ) : null}
      {d.puoApprovare || d.puoInviare ? (
        <Form method="post" id={form.id} onSubmit={form.onSubmit} replace className="mb-4">
          <CampoCsrf token={d.csrf} />
          {d.puoApprovare ? (
            <Pulsante name="intent" value="approva">
              Approva il lotto
            </Pulsante>
          ) : (
            <Pulsante name="intent" value="invia">
              Segna il lotto come inviato alla banca
            </Pulsante>
          )}
        </Form>
      ) : null}
      <TabellaScorrevole etichetta="Bonifici del lotto">
        {/* Alike portafoglio.tsx's table (duplicates): the same table frame; the columns are the batch's transfers */}
        <table className="table">
          <caption>Bonifici del lotto ({d.disposizioni})</caption>
          <thead>
            <tr>
              <th scope="col">Lavoratore</th>
              <th scope="col">Autorizzazione</th>
              <th scope="col">Mese</th>
              <th scope="col">IBAN</th>
              <th scope="col">Importo</th>
            </tr>
          </thead>
          <tbody>
            {d.righe.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  {r.nominativo}
                  <br />
                  <span className="text-muted">{r.codiceFiscale}</span>
                </th>
                <td>{r.numero}</td>
                <td>{r.mese}</td>
                <td>{r.iban}</td>
                <td>{r.netto}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TabellaScorrevole>
      {d.stato === "inviato" || d.stato === "esito_ricevuto" ? <StoricoEsiti esiti={d.esiti} per="lotto" /> : null}
      <p>
        <Link to="/scrivania/pagamenti">Torna ai pagamenti diretti</Link>
      </p>
    </>
  );
}
