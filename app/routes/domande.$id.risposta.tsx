// The company answers the Sede's open request from its domanda: text and PDFs (checked by content like the domanda's
// attachments), in one multipart POST read within the route's byte cap. The case goes back to the operator.
import { analizzaModulo } from "~/http/modulo.server";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { AreaTesto, CampoFile, ErrorSummary, Pulsante, daConform, erroriDaCampi, usaModuloServer } from "~/components/form";
import { CampoCsrf } from "~/components/form/CampoCsrf";
import { RichiesteIstruttoria } from "~/components/istruttoria/RichiesteIstruttoria";
import { formatDataItaliana } from "~/domain/date";
import { messaggiAllegati } from "~/passi/schemi/allegati";
import { LIMITI_RISPOSTA, messaggiRisposta, RispostaSchema } from "~/passi/schemi/istruttoria";
import { richiediContesto } from "~/http/accesso.server";
import { fileScelti, leggiFormConFile } from "~/http/allegati.server";
import { caricaDomanda, idDomanda } from "~/http/domanda.server";
import { didascaliaDomanda } from "~/services/elenco-passi.server";
import { richiestaAperta, rispondiRichiesta } from "~/services/istruttoria/interlocuzione.server";

export const handle = { titolo: "Rispondi alla richiesta della Sede" };

// Alike scrivania_.$id.richiesta.tsx's opening (duplicates): the routes' pattern (title, apri = context, authorisation,
// domanda); here the company answers a request
async function apri(request: Request, id?: string) {
  const ctx = await richiediContesto(request);
  const caricata = await caricaDomanda(request, ctx, idDomanda(id), "rispondi_richiesta");
  return { ctx, caricata };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx, caricata } = await apri(request, params.id);
  const { domanda } = caricata;
  const aperta = domanda.stato === "sospesa" ? await richiestaAperta(domanda.id) : null;
  return {
    id: domanda.id,
    versione: domanda.versione,
    csrf: ctx.sessione.csrfToken,
    didascalia: `${didascaliaDomanda(caricata)} — domanda ${domanda.protocollo ?? ""}`,
    aperta,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx, caricata } = await apri(request, params.id);
  const id = caricata.domanda.id;
  const letto = await leggiFormConFile(request, ctx.sessione.csrfToken, LIMITI_RISPOSTA.numeroFile + 10);
  if (!letto.ok) {
    const vuoto = analizzaModulo(new FormData(), RispostaSchema);
    return json(vuoto.reply({ fieldErrors: { file: [`${letto.messaggio}. ${messaggiAllegati.sceglieDiNuovo}`] } }), { status: 413 });
  }
  const formData = letto.formData;
  const submission = analizzaModulo(formData, RispostaSchema);
  const { file, errori: erroriFile } = await fileScelti(formData, LIMITI_RISPOSTA.numeroFile, messaggiRisposta.troppiFile);
  if (submission.status !== "success" || erroriFile.length) {
    const errori: Record<string, string[]> = {};
    if (submission.status !== "success") {
      for (const [k, m] of Object.entries(submission.error ?? {})) if (m) errori[k] = m;
    }
    if (erroriFile.length) errori.file = [`${erroriFile.join("; ")}. ${messaggiAllegati.sceglieDiNuovo}`];
    return json(submission.reply({ fieldErrors: errori }), { status: 422 });
  }
  const v = submission.value;
  const esito = await rispondiRichiesta(ctx, id, v.richiesta, v.versione, { testo: v.testo, file });
  if (!esito.ok) {
    if (esito.motivo === "non_trovato") throw new Response("Pagina non trovata", { status: 404 });
    if (esito.motivo === "conflitto") return json(submission.reply({ formErrors: [messaggiRisposta.nonAperta] }), { status: 409 });
    return json(submission.reply({ fieldErrors: esito.campi, formErrors: esito.modulo }), { status: 422 });
  }
  return redirect(`/domande/${id}/dettaglio?risposta=inviata`, 303);
}

export default function RispostaRichiesta() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = usaModuloServer("risposta-richiesta", lastResult);
  const testo = daConform(fields.testo);
  const erroreFile = (lastResult as { error?: Record<string, string[] | null> } | undefined)?.error?.file?.[0];
  const voci = erroriDaCampi([testo], form.errors);
  if (erroreFile) voci.push({ id: "risposta-file", messaggio: erroreFile });
  return (
    <div className="row">
      <div className="col-12 col-lg-9">
        <ErrorSummary errori={voci} />
        <p className="text-muted mb-1">{d.didascalia}</p>
        <h1>Rispondi alla richiesta della Sede</h1>
        {d.aperta ? (
          <>
            <RichiesteIstruttoria richieste={[d.aperta]} titolo="La richiesta" idTitolo="titolo-richiesta" linkAllegato={null} />
            <p>
              Rispondi entro il <strong>{formatDataItaliana(d.aperta.scadenza)}</strong>. Dopo questa data la Sede può
              decidere con gli elementi che ha.
            </p>
            <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate encType="multipart/form-data" replace>
              <CampoCsrf token={d.csrf} />
              <input type="hidden" name="versione" value={d.versione} />
              <input type="hidden" name="richiesta" value={d.aperta.id} />
              <AreaTesto {...testo} etichetta="La tua risposta" suggerimento="Rispondi a quanto chiesto; allega i documenti richiesti qui sotto." righe={8} />
              <CampoFile
                id="risposta-file"
                name="file"
                etichetta="Documenti PDF"
                facoltativo
                suggerimento={`Fino a ${LIMITI_RISPOSTA.numeroFile} file PDF, ciascuno al massimo di 5 MB e 20 MB in tutto. Puoi sceglierne più di uno insieme.`}
                errors={erroreFile ? [erroreFile] : undefined}
                accept="application/pdf,.pdf"
                multiple
              />
              <div className="mt-4 d-flex flex-wrap gap-3 align-items-center">
                <Pulsante type="submit">Invia la risposta</Pulsante>
                <Link to={`/domande/${d.id}/dettaglio`}>Torna al dettaglio della domanda</Link>
              </div>
            </Form>
          </>
        ) : (
          <p>
            Non ci sono richieste della Sede in attesa di risposta per questa domanda.{" "}
            <Link to={`/domande/${d.id}/dettaglio`}>Torna al dettaglio della domanda</Link>
          </p>
        )}
      </div>
    </div>
  );
}
