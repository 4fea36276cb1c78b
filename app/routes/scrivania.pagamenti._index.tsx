// The desk of direct payments: the amounts matched and ready to pay, the exceptions that wait for a person, the
// batches. An operator runs the matching of returns accepted before the decision and prepares the day's SEPA batch of
// a sede (another operator approves it: the batch page). Works without JavaScript (plain forms, PRG).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Pulsante } from "~/components/form";
import { CampoCsrf } from "~/components/form/CampoCsrf";
import { TabellaScorrevole } from "~/components/layout/TabellaScorrevole";
import { formatDataItaliana } from "~/domain/date";
import { euro } from "~/domain/formati";
import { leggiFormProtetto, richiediContesto, richiediSede, rispostaNonTrovata } from "~/http/accesso.server";
import { abbinaDenunce } from "~/services/pagamenti/abbinamento.server";
import { preparaLotto } from "~/services/pagamenti/lotti.server";
import { ETICHETTE_STATO_LOTTO, panoramicaPagamenti, type RigaImporto } from "~/services/pagamenti/scrivania.server";
import { ECCEZIONI, type CodiceEccezione } from "~/domain/pagamenti/eccezioni";

export const handle = { titolo: "Scrivania: pagamenti diretti" };

const ESITI = {
  abbinate: (n: string | null) => `Abbinamento eseguito: ${n ?? "0"} nuovi importi.`,
  nessuno: () => "Non ci sono importi approvati da pagare per questa sede: nessun lotto preparato.",
} as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const ctx = await richiediContesto(request);
  richiediSede(ctx);
  const p = await panoramicaPagamenti(ctx);
  if (!p) throw rispostaNonTrovata();
  const url = new URL(request.url);
  const esito = url.searchParams.get("esito");
  return {
    ...p,
    // Labels from the loader: the component runs in the browser too, where *.server modules are empty.
    lotti: p.lotti.map((l) => ({ ...l, etichettaStato: ETICHETTE_STATO_LOTTO[l.stato] })),
    csrf: ctx.sessione.csrfToken,
    messaggio: esito === "abbinate" ? ESITI.abbinate(url.searchParams.get("n")) : esito === "nessuno" ? ESITI.nessuno() : null,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const ctx = await richiediContesto(request);
  richiediSede(ctx);
  const formData = await leggiFormProtetto(request, ctx.sessione.csrfToken);
  const intent = formData.get("intent");
  if (intent === "abbina") {
    if (ctx.ruolo !== "operatore_sede") throw rispostaNonTrovata();
    const r = await abbinaDenunce(ctx, {});
    if (!r.ok) throw rispostaNonTrovata();
    return redirect(`/scrivania/pagamenti?esito=abbinate&n=${r.valore.abbinate}`, 303);
  }
  if (intent === "prepara") {
    const sede = formData.get("sede");
    const r = await preparaLotto(ctx, typeof sede === "string" ? sede : "");
    if (!r.ok) throw rispostaNonTrovata();
    if (!r.valore) return redirect("/scrivania/pagamenti?esito=nessuno", 303);
    return redirect(`/scrivania/pagamenti/lotti/${r.valore.lottoId}`, 303);
  }
  throw new Response("Richiesta non valida", { status: 400 });
}

// Alike EsitoFlusso.tsx's and scrivania._index.tsx's tables (duplicates): the frame is TabellaScorrevole with the title
// as caption; the columns are the payment amounts' own
function TabellaImporti({ titolo, righe, eccezioni }: { titolo: string; righe: RigaImporto[]; eccezioni: boolean }) {
  return (
    <TabellaScorrevole etichetta={titolo}>
      <table className="table">
        <caption>{titolo}</caption>
        <thead>
          <tr>
            <th scope="col">Lavoratore</th>
            <th scope="col">Azienda e autorizzazione</th>
            <th scope="col">Mese</th>
            <th scope="col">Ore</th>
            <th scope="col">Importo netto</th>
            {eccezioni ? <th scope="col">Da verificare</th> : null}
          </tr>
        </thead>
        <tbody>
          {righe.map((r) => (
            <tr key={r.id}>
              <th scope="row">
                <Link to={`/scrivania/pagamenti/importi/${r.id}`}>
                  <span className="visually-hidden">Apri l&apos;importo di </span>
                  {r.nominativo}
                </Link>
                <br />
                <span className="text-muted">{r.codiceFiscale}</span>
              </th>
              <td>
                {r.azienda}
                <br />
                <span className="text-muted">n. {r.numero}</span>
              </td>
              <td>{r.competenza.slice(5, 7)}/{r.competenza.slice(0, 4)}</td>
              <td>{(r.oreCentesimi / 100).toLocaleString("it-IT")}</td>
              <td>{euro(r.nettoCentesimi)}</td>
              {eccezioni ? <td>{r.eccezioni.map((e) => ECCEZIONI[e.codice as CodiceEccezione]?.titolo ?? e.codice).join("; ")}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TabellaScorrevole>
  );
}

export default function ScrivaniaPagamenti() {
  const d = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Pagamenti diretti</h1>
      <p>
        Le denunce UniEmens-Cig accolte sono abbinate alle autorizzazioni e gli importi sono calcolati in automatico. Gli
        importi senza eccezioni sono pronti da pagare; quelli con un&apos;eccezione aspettano la tua decisione. Un lotto
        preparato da un operatore è approvato da un altro (controllo a quattro occhi).
      </p>
      {d.messaggio ? (
        <div className="alert alert-info" role="status">
          {d.messaggio}
        </div>
      ) : null}

      <section aria-labelledby="titolo-abbinamento" className="mb-4">
        <h2 id="titolo-abbinamento" className="h4">
          Denunce da abbinare
        </h2>
        <p>
          Denunce accolte non ancora abbinate a un&apos;autorizzazione (in attesa della decisione o non abbinabili):{" "}
          <strong>{d.inAttesa}</strong>.
        </p>
        {d.puoLavorare ? (
          <Form method="post">
            <CampoCsrf token={d.csrf} />
            <Pulsante variante="secondario" name="intent" value="abbina">
              Abbina ora le denunce accolte
            </Pulsante>
          </Form>
        ) : null}
      </section>

      <section aria-labelledby="titolo-da-pagare" className="mb-4">
        <h2 id="titolo-da-pagare" className="h4">
          Importi da pagare
        </h2>
        <p>
          {d.totaleDaPagare.numero === 0
            ? "Nessun importo approvato da pagare."
            : `${d.totaleDaPagare.numero} importi approvati, in tutto ${euro(d.totaleDaPagare.centesimi)}.`}
        </p>
        {d.daPagare.length ? <TabellaImporti titolo="Importi approvati da pagare" righe={d.daPagare} eccezioni={false} /> : null}
        {d.puoLavorare && d.totaleDaPagare.numero > 0
          ? d.sedi.map((s) => (
              <Form method="post" key={s.codice} className="mb-2">
                <CampoCsrf token={d.csrf} />
                <input type="hidden" name="sede" value={s.codice} />
                <Pulsante name="intent" value="prepara">
                  Prepara il lotto di oggi per la sede di {s.nome}
                </Pulsante>
              </Form>
            ))
          : null}
      </section>

      {/* Alike the batches' section below (duplicates): a section labelled by its heading; the contents are the exceptions */}
      <section aria-labelledby="titolo-eccezioni" className="mb-4">
        <h2 id="titolo-eccezioni" className="h4">
          Eccezioni da esaminare
        </h2>
        {d.eccezioni.length ? (
          <TabellaImporti titolo="Importi con eccezioni da esaminare" righe={d.eccezioni} eccezioni />
        ) : (
          <p>Nessuna eccezione da esaminare.</p>
        )}
      </section>

      {/* Alike the exceptions' section above (duplicates): a section labelled by its heading; the contents are the batches */}
      <section aria-labelledby="titolo-lotti" className="mb-4">
        <h2 id="titolo-lotti" className="h4">
          Lotti di pagamento
        </h2>
        {d.lotti.length ? (
          <TabellaScorrevole etichetta="Lotti di pagamento">
            <table className="table">
              <caption>Lotti di pagamento, dal più recente</caption>
              <thead>
                <tr>
                  <th scope="col">Lotto</th>
                  <th scope="col">Giorno</th>
                  <th scope="col">Stato</th>
                  <th scope="col">Bonifici</th>
                  <th scope="col">Totale</th>
                </tr>
              </thead>
              <tbody>
                {d.lotti.map((l) => (
                  <tr key={l.id}>
                    <th scope="row">
                      <Link to={`/scrivania/pagamenti/lotti/${l.id}`}>{l.messaggioId}</Link>
                    </th>
                    <td>{formatDataItaliana(l.giorno)}</td>
                    <td>{l.etichettaStato}</td>
                    <td>{l.disposizioni}</td>
                    <td>{euro(l.totaleCentesimi)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TabellaScorrevole>
        ) : (
          <p>Nessun lotto di pagamento.</p>
        )}
      </section>
      <p>
        <Link to="/scrivania">Torna alle domande da istruire</Link>
      </p>
    </>
  );
}
