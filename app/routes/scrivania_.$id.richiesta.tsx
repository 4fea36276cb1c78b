// The operator asks the company for a supplemento istruttorio (art. 11 c.2 D.M. 95442/2016) or for documents; on a
// suspended case the same page shows the open request and lets the operator close it and resume the istruttoria.
import { analizzaModulo } from "~/http/modulo.server";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { AreaTesto, ErrorSummary, GruppoRadio, Pulsante, daConform, erroriDaCampi, usaModuloServer } from "~/components/form";
import { CampoCsrf } from "~/components/form/CampoCsrf";
import { ConflittoIstruttoria } from "~/components/istruttoria/Conflitto";
import { RichiesteIstruttoria } from "~/components/istruttoria/RichiesteIstruttoria";
import { formatDataItaliana } from "~/domain/date";
import { ETICHETTE_TIPO_RICHIESTA, scadenzaRichiesta } from "~/domain/istruttoria/interlocuzione";
import { ETICHETTE_STATO } from "~/domain/stati";
import { ETICHETTE_RICHIESTA as E, RichiestaSchema, righe } from "~/passi/schemi/istruttoria";
import { VersioneSchema } from "~/passi/schemi/comuni";
import { leggiFormProtetto, richiediContesto } from "~/http/accesso.server";
import { caricaDomanda, idDomanda } from "~/http/domanda.server";
import { didascaliaDomanda } from "~/services/elenco-passi.server";
import { richiediInformazioni, richiesteDellaDomanda, riprendiIstruttoria } from "~/services/istruttoria/interlocuzione.server";
import { oggi } from "~/services/orologio.server";
import { rispostaFallimento } from "~/http/risposta.server";

export const handle = { titolo: "Richiesta all'azienda" };

// Alike domande.$id.risposta.tsx's opening (duplicates): the routes' pattern (title, apri = context, authorisation,
// domanda); here the Sede writes a request
async function apri(request: Request, id?: string) {
  const ctx = await richiediContesto(request);
  const caricata = await caricaDomanda(request, ctx, idDomanda(id), "istruisci_domanda");
  return { ctx, caricata };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx, caricata } = await apri(request, params.id);
  const { domanda } = caricata;
  const richieste = await richiesteDellaDomanda(domanda.id);
  const giorno = oggi();
  return {
    id: domanda.id,
    versione: domanda.versione,
    csrf: ctx.sessione.csrfToken,
    didascalia: `${didascaliaDomanda(caricata)} — domanda ${domanda.protocollo ?? ""}`,
    stato: domanda.stato,
    etichettaStato: ETICHETTE_STATO[domanda.stato],
    richieste,
    scadenze: {
      supplemento_istruttorio: formatDataItaliana(scadenzaRichiesta("supplemento_istruttorio", giorno)),
      documentale: formatDataItaliana(scadenzaRichiesta("documentale", giorno)),
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx, caricata } = await apri(request, params.id);
  const id = caricata.domanda.id;
  const formData = await leggiFormProtetto(request, ctx.sessione.csrfToken);
  if (formData.get("intent") === "riprendi") {
    const versione = VersioneSchema.safeParse(formData.get("versione"));
    const esito = await riprendiIstruttoria(ctx, id, versione.success ? versione.data : -1);
    if (!esito.ok) return conflittoOppure(esito, formData, id);
    return redirect(`/scrivania/${id}`, 303);
  }
  const submission = analizzaModulo(formData, RichiestaSchema);
  if (submission.status !== "success") return json(submission.reply(), { status: 422 });
  const v = submission.value;
  const esito = await richiediInformazioni(ctx, id, v.versione, { tipo: v.tipo, testo: v.testo, documenti: righe(v.documenti) });
  if (!esito.ok) return conflittoOppure(esito, formData, id);
  return redirect(`/scrivania/${id}`, 303);
}

async function conflittoOppure(esito: Parameters<typeof rispostaFallimento>[0], formData: FormData, id: number) {
  if (esito.motivo !== "conflitto") return rispostaFallimento(esito, formData);
  return json({ conflitto: true as const, conErrori: true, id }, { status: 409 });
}

export default function RichiestaAllAzienda() {
  const d = useLoaderData<typeof loader>();
  const risultato = useActionData<typeof action>();
  const [form, fields] = usaModuloServer("richiesta-azienda", risultato && !("conflitto" in risultato) ? risultato : undefined);
  if (risultato && "conflitto" in risultato) {
    return (
      <ConflittoIstruttoria
        domandaId={d.id}
        stato={d.etichettaStato}
        messaggio="Un altro operatore ha agito su questa domanda dopo che hai aperto la pagina: la tua richiesta non è stata registrata."
      />
    );
  }
  const tipo = daConform(fields.tipo);
  const testo = daConform(fields.testo);
  const documenti = daConform(fields.documenti);
  const aperta = d.richieste.find((r) => r.stato === "aperta");
  return (
    <div className="row">
      <div className="col-12 col-lg-9">
        <ErrorSummary errori={erroriDaCampi([tipo, testo, documenti], form.errors)} />
        <p className="text-muted mb-1">{d.didascalia}</p>
        <h1>Richiesta all&apos;azienda</h1>
        <p>
          Stato della domanda: <strong>{d.etichettaStato}</strong>.
        </p>
        {d.stato === "in_istruttoria" ? (
          <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate replace>
            <CampoCsrf token={d.csrf} />
            <input type="hidden" name="versione" value={d.versione} />
            <p>
              L&apos;azienda riceve la richiesta sulla piattaforma oggi e ha 15 giorni per rispondere. Mentre la richiesta è
              aperta la domanda è sospesa e, per il supplemento istruttorio, il termine per decidere non scorre.
            </p>
            {/* Alike domande.$id.pagamento.tsx's GruppoRadio (duplicates): GruppoRadio is the shared piece; the legend and choices are this question's own */}
            <GruppoRadio
              {...tipo}
              legenda={E.tipo}
              scelte={[
                {
                  valore: "supplemento_istruttorio",
                  etichetta: ETICHETTE_TIPO_RICHIESTA.supplemento_istruttorio,
                  suggerimento: `Elementi mancanti della domanda o della relazione tecnica. Risposta entro il ${d.scadenze.supplemento_istruttorio}. È necessario prima di respingere per mancanza di elementi di valutazione.`,
                },
                {
                  valore: "documentale",
                  etichetta: ETICHETTE_TIPO_RICHIESTA.documentale,
                  suggerimento: `Documenti per verificare le dichiarazioni della domanda. Risposta entro il ${d.scadenze.documentale}.`,
                },
              ]}
            />
            <AreaTesto
              {...testo}
              etichetta={E.testo}
              suggerimento="Scrivi in modo semplice che cosa manca e perché serve: l'azienda legge esattamente questo testo."
              righe={6}
            />
            {/* Alike domande.$id.periodo.tsx's text area (duplicates): AreaTesto is the shared piece; the label and hint are this question's own */}
            <AreaTesto
              {...documenti}
              etichetta={E.documenti}
              suggerimento="Un documento per riga, ad esempio: Ordini del secondo trimestre 2026."
              righe={4}
              facoltativo
            />
            <p className="small text-muted">Riferimento: art. 11 c.2 D.M. 95442/2016; msg INPS 1396/2018.</p>
            <div className="mt-4 d-flex flex-wrap gap-3 align-items-center">
              <Pulsante type="submit">Invia la richiesta all&apos;azienda</Pulsante>
              <Link to={`/scrivania/${d.id}`}>Torna alla pratica</Link>
            </div>
          </Form>
        ) : d.stato === "sospesa" && aperta ? (
          <Form method="post" replace>
            <CampoCsrf token={d.csrf} />
            <input type="hidden" name="versione" value={d.versione} />
            <p>
              La domanda è sospesa: la richiesta è aperta fino al {formatDataItaliana(aperta.scadenza)}. Se chiudi la
              richiesta ora, l&apos;istruttoria riprende senza la risposta dell&apos;azienda
              {aperta.situazione.stato === "scaduta" ? " (il termine è già scaduto)" : ""}.
            </p>
            <div className="mt-2 d-flex flex-wrap gap-3 align-items-center">
              <Pulsante type="submit" name="intent" value="riprendi">
                {aperta.situazione.stato === "scaduta" ? "Riprendi l'istruttoria" : "Chiudi la richiesta e riprendi l'istruttoria"}
              </Pulsante>
              <Link to={`/scrivania/${d.id}`}>Torna alla pratica</Link>
            </div>
          </Form>
        ) : (
          <p>
            In questo stato non puoi inviare una richiesta all&apos;azienda. <Link to={`/scrivania/${d.id}`}>Torna alla pratica</Link>
          </p>
        )}
        <RichiesteIstruttoria
          richieste={d.richieste}
          titolo="Richieste già inviate"
          idTitolo="titolo-richieste"
          linkAllegato={(a) => `/scrivania/${d.id}/risposte/${a}`}
        />
      </div>
    </div>
  );
}
