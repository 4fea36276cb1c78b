import { analizzaModulo } from "~/http/modulo.server";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ModuloPasso, usaModuloPasso } from "~/components/domanda/ModuloPasso";
import { CampoData, CampoTesto, GruppoRadio, daConform } from "~/components/form";
import { formatDataItaliana, type DataISO } from "~/domain/date";
import { dataMinimaBilancio } from "~/domain/indice-liquidita";
import { percorsoDopo } from "~/passi/percorso";
import {
  bilancioDa,
  creaSchemaPagamento,
  ETICHETTE_MODALITA_PAGAMENTO,
  ETICHETTE_PAGAMENTO as E,
  messaggiPagamento as m,
  valoriModuloPagamento,
  type DatiPagamento,
  type ValoriModuloPagamento,
} from "~/passi/schemi/pagamento";
import { messaggioPerUtente } from "~/domain/esito";
import { euro } from "~/domain/formati";
import { rispostaFallimento } from "~/http/risposta.server";
import { leggiFormProtetto } from "~/http/accesso.server";
import { decidiPagamentoDiretto } from "~/services/controlli/pagamento.server";
import { dopoIlPasso, salvaPasso } from "~/services/domande.server";
import { apriPasso } from "~/http/domanda.server";
import { oggi } from "~/services/orologio.server";

export const handle = { titolo: "Modalità di pagamento" };

function schemaAl(giorno: DataISO) {
  return creaSchemaPagamento({ oggi: giorno, dataMinima: dataMinimaBilancio(giorno) });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { caricata, pagina } = await apriPasso(request, params, "pagamento");
  const { domanda } = caricata;
  const url = new URL(request.url);
  const salvati = caricata.risposte.pagamento ?? undefined;
  const ritorno = url.searchParams.get("ritorno") === "riepilogo" ? "riepilogo" : null;
  // Right after a direct-payment request (PRG): the outcome, with formula and inputs, before going on.
  const esito = url.searchParams.get("esito") === "1" && salvati && "bilancio" in salvati ? salvati : null;
  return {
    ...pagina,
    // The platform's today, so the client-side check of the balance-sheet date matches the server's.
    oggi: oggi(),
    prossimo: `/domande/${domanda.id}/${ritorno ?? percorsoDopo("pagamento")}`,
    esito,
    valori: valoriModuloPagamento(salvati),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx, id, caricata } = await apriPasso(request, params, "pagamento");
  const formData = await leggiFormProtetto(request, ctx.sessione.csrfToken);
  const submission = analizzaModulo(formData, schemaAl(oggi()));
  if (submission.status !== "success") return json(submission.reply(), { status: 422 });
  const salvati = caricata.risposte.pagamento;
  // Conguaglio after a refused direct payment keeps the computation for the Sede (the outcome page says so).
  const valore: DatiPagamento =
    submission.value.modalita === "diretto"
      ? decidiPagamentoDiretto(bilancioDa(submission.value), oggi())
      : salvati && "richiestoDiretto" in salvati
        ? salvati
        : { modalita: "conguaglio" };
  const esito = await salvaPasso(ctx, id, Number(formData.get("versione")), { chiave: "pagamento", valore });
  if (!esito.ok) return rispostaFallimento(esito, formData);
  if (submission.value.modalita === "diretto") {
    const ritorno = formData.get("ritorno") === "riepilogo" ? "&ritorno=riepilogo" : "";
    return redirect(`/domande/${id}/pagamento?esito=1${ritorno}`, 303);
  }
  return redirect(dopoIlPasso(id, "pagamento", formData), 303);
}

function EsitoLiquidita({ esito, prossimo }: { esito: Extract<DatiPagamento, { bilancio: unknown }>; prossimo: string }) {
  const { bilancio: b, liquidita: l } = esito;
  return (
    <section aria-labelledby="titolo-esito" className="mb-4">
      <div className={`alert ${l.accettato ? "alert-success" : "alert-warning"}`} role="status">
        <h2 id="titolo-esito" className="h4">
          {l.accettato ? "Pagamento diretto confermato" : "Pagamento diretto non accettato"}
        </h2>
        <p>{l.accettato ? m.accettato : m.nonAccettato}</p>
        <p className={l.accettato ? "mb-0" : undefined}>{messaggioPerUtente(l.messaggio)}</p>
        {l.accettato ? null : <p className="mb-0">{m.nonAccettatoScelta}</p>}
      </div>
      <h3 className="h5">Come è stato calcolato</h3>
      <p>
        Indice di liquidità = {l.formula}. Risultato:{" "}
        <strong>{l.indice === null ? "non calcolabile" : l.indice.replace(".", ",")}</strong>.
      </p>
      {/* Alike each other (duplicates): each row is one entry of the balance sheet with its own label and amount, in the order the formula reads them */}
      <table className="table">
        <caption>Dati del bilancio al {formatDataItaliana(b.dataRiferimento)} usati nel calcolo</caption>
        <thead>
          <tr>
            <th scope="col">Voce</th>
            <th scope="col">Importo</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Disponibilità liquide (liquidità immediate)</th>
            <td>{euro(b.disponibilitaLiquideCentesimi)}</td>
          </tr>
          <tr>
            <th scope="row">Crediti esigibili entro l&apos;anno (liquidità differite)</th>
            <td>{euro(b.creditiBreveCentesimi)}</td>
          </tr>
          <tr>
            <th scope="row">Rimanenze (escluse dalla formula)</th>
            <td>{euro(b.rimanenzeCentesimi)}</td>
          </tr>
          <tr>
            <th scope="row">Debiti esigibili entro l&apos;anno (passività correnti)</th>
            <td>{euro(b.debitiBreveCentesimi)}</td>
          </tr>
        </tbody>
      </table>
      {l.accettato ? <p>Se i dati non sono corretti puoi modificarli qui sotto e calcolare di nuovo l&apos;indice.</p> : null}
      <Link className="btn btn-primary" to={prossimo}>
        Continua
      </Link>
    </section>
  );
}

export default function PassoPagamento() {
  const d = useLoaderData<typeof loader>();
  // With JS, the outcome page after a save (a new version) starts a new form with what the domanda now says: after a
  // refused direct payment the radio shows conguaglio, not the choice just submitted.
  return <ModuloPagamento key={d.versione} d={d} />;
}

// Alike domande.$id.informativa.tsx's form (duplicates): the frame is usaModuloPasso; the list of fields is this step's
// own
function ModuloPagamento({ d }: { d: ReturnType<typeof useLoaderData<typeof loader>> }) {
  const lastResult = useActionData<typeof action>();
  const { fields, cornice } = usaModuloPasso("pagamento", d, { id: "passo-pagamento", lastResult, defaultValue: d.valori as ValoriModuloPagamento });
  const campi = [
    fields.modalita,
    fields.dataRiferimento,
    fields.disponibilitaLiquide,
    fields.creditiBreve,
    fields.rimanenze,
    fields.debitiBreve,
  ].map((f) => daConform(f));
  const [modalita, dataRiferimento, liquide, crediti, rimanenze, debiti] = campi;
  const importo = { inputMode: "decimal" as const, larghezza: 20 as const, spellCheck: false, autoComplete: "off", maxLength: 24 };
  return (
    <ModuloPasso
      {...cornice(campi)}
      titolo="Modalità di pagamento"
      testoInvio={d.esito?.modalita === "diretto" ? "Calcola di nuovo e salva" : undefined}
      prima={d.esito ? <EsitoLiquidita esito={d.esito} prossimo={d.prossimo} /> : null}
    >
      {/* Alike the other GruppoRadio questions (scrivania_.$id.richiesta.tsx, domande.$id.periodo.tsx, domande.$id.relazione-tecnica.tsx) (duplicates): GruppoRadio is the shared piece; the legend and choices are this question's own */}
      <GruppoRadio
        {...modalita}
        legenda={E.modalita}
        scelte={[
          {
            valore: "conguaglio",
            etichetta: ETICHETTE_MODALITA_PAGAMENTO.conguaglio,
            suggerimento: "L'azienda paga i lavoratori e recupera gli importi con la denuncia UniEmens.",
          },
          {
            valore: "diretto",
            etichetta: ETICHETTE_MODALITA_PAGAMENTO.diretto,
            suggerimento:
              "Solo in caso di serie e documentate difficoltà finanziarie: lo verifichiamo subito con l'indice di liquidità calcolato sui dati qui sotto.",
          },
        ]}
      />
      <fieldset className="mb-3">
        <legend className="h4">Dati per l&apos;indice di liquidità</legend>
        <p className="form-text">
          Compila solo se chiedi il pagamento diretto. Importi in euro, con la virgola per i decimali. {m.ibanNonServe}
        </p>
        <CampoData {...dataRiferimento} etichetta={E.dataRiferimento} suggerimento="L'ultimo bilancio approvato o una situazione infrannuale." />
        <CampoTesto {...liquide} {...importo} etichetta={E.disponibilitaLiquide} />
        <CampoTesto {...crediti} {...importo} etichetta={E.creditiBreve} />
        <CampoTesto {...rimanenze} {...importo} etichetta={E.rimanenze} />
        <CampoTesto {...debiti} {...importo} etichetta={E.debitiBreve} />
      </fieldset>
    </ModuloPasso>
  );
}
