// Step 11: the declarations and the submission. The form carries a random idempotency key (chiaveInvio): a double
// click or a resent POST finds the domanda already sent with that key and lands on the same receipt.
import { IntestazionePasso } from "~/components/domanda/IntestazionePasso";
import { analizzaModulo } from "~/http/modulo.server";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ElencoEsiti } from "~/components/domanda/RiepilogoDomanda";
import { daConform, ErrorSummary, erroriDaCampi, GruppoCheckbox, Pulsante, usaModuloServer } from "~/components/form";
import { CampoCsrf } from "~/components/form/CampoCsrf";
import { primoPassoIncompleto } from "~/passi";
import { InvioSchema, messaggiInvio } from "~/passi/schemi/invio";
import { messaggiDomanda } from "~/testi";
import { leggiFormProtetto, richiediContesto, rispostaNonTrovata } from "~/http/accesso.server";
import { caricaDomanda, idDomanda, richiediBozza } from "~/http/domanda.server";
import { didascaliaDomanda } from "~/services/elenco-passi.server";
import { inviaDomandaCaricata, nuovaChiaveInvio } from "~/services/invio.server";
import { esitiAperti } from "~/services/riepilogo.server";

export const handle = { titolo: "Invio della domanda" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await richiediContesto(request);
  const caricata = await caricaDomanda(request, ctx, idDomanda(params.id), "invia_domanda");
  richiediBozza(caricata);
  const incompleto = primoPassoIncompleto(caricata.risposte);
  if (incompleto) throw redirect(`/domande/${caricata.domanda.id}/${incompleto.slug}`);
  const esiti = await esitiAperti(caricata);
  return {
    id: caricata.domanda.id,
    versione: caricata.domanda.versione,
    csrf: ctx.sessione.csrfToken,
    // New on every render: a second tab or a reload after a failed attempt is a new submission attempt.
    chiaveInvio: nuovaChiaveInvio(),
    didascalia: didascaliaDomanda(caricata),
    bloccanti: esiti.filter((e) => e.gravita === "bloccante"),
    avvisi: esiti.filter((e) => e.gravita === "avviso").length,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await richiediContesto(request);
  const id = idDomanda(params.id);
  const caricata = await caricaDomanda(request, ctx, id, "invia_domanda");
  const formData = await leggiFormProtetto(request, ctx.sessione.csrfToken);
  const submission = analizzaModulo(formData, InvioSchema);
  if (submission.status !== "success") return json(submission.reply(), { status: 422 });
  // The domanda loaded and authorised above is the one sent: its answers are parsed once for the whole submission.
  const esito = await inviaDomandaCaricata(ctx, caricata, Number(formData.get("versione")), submission.value.chiaveInvio);
  if (esito.ok) return redirect(`/domande/${id}/ricevuta`, 303);
  switch (esito.motivo) {
    case "non_trovato":
      throw rispostaNonTrovata();
    case "conflitto":
      return json(submission.reply({ formErrors: [messaggiDomanda.conflittoVersione] }), { status: 409 });
    case "incompleta":
      return json(submission.reply({ formErrors: [messaggiInvio.incompleta] }), { status: 422 });
    case "bloccanti":
      // The page is rendered again with the loader's list of blocking outcomes and links to their steps.
      return json(submission.reply({ formErrors: [messaggiInvio.bloccanti] }), { status: 422 });
  }
}

export default function Invio() {
  const d = useLoaderData<typeof loader>();
  const [form, fields] = usaModuloServer("invio-domanda", useActionData<typeof action>());
  const veridicita = daConform(fields.veridicita);
  const privacy = daConform(fields.privacy);
  const bloccata = d.bloccanti.length > 0;
  return (
    <div className="row">
      <div className="col-12 col-lg-9">
        <ErrorSummary errori={erroriDaCampi([veridicita, privacy], form.errors)} />
        <IntestazionePasso pagina="invio" didascalia={d.didascalia} titolo="Invio della domanda" />
        {bloccata ? (
          <>
            <p>
              La domanda non può essere inviata: i controlli automatici hanno rilevato problemi bloccanti. Correggi i
              passi indicati e torna al riepilogo.
            </p>
            <ElencoEsiti
              esiti={d.bloccanti}
              titolo="Problemi che impediscono l'invio"
              idTitolo="titolo-bloccanti"
              domandaId={d.id}
              conLink
            />
            <Link to={`/domande/${d.id}/riepilogo`}>Torna al riepilogo</Link>
          </>
        ) : (
          <>
            <p>
              Stai per inviare la domanda all&apos;INPS. Dopo l&apos;invio riceverai il numero di protocollo e il
              ticket, e non potrai più modificarla.
              {d.avvisi > 0
                ? ` La domanda ha ${d.avvisi === 1 ? "un avviso" : `${d.avvisi} avvisi`}: puoi inviarla, la sede INPS li vedrà.`
                : ""}
            </p>
            <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate replace>
              <CampoCsrf token={d.csrf} />
              <input type="hidden" name="versione" value={d.versione} />
              <input type="hidden" name="chiaveInvio" value={d.chiaveInvio} />
              <GruppoCheckbox
                {...veridicita}
                defaultValue={veridicita.defaultOptions}
                legenda="Dichiarazione di veridicità"
                suggerimento="Ai sensi degli artt. 46 e 47 del DPR 445/2000, consapevole delle sanzioni penali previste dall'art. 76 dello stesso decreto per le dichiarazioni false o mendaci."
                scelte={[
                  {
                    valore: "si",
                    etichetta:
                      "Dichiaro che i dati e le informazioni contenuti nella domanda e nei documenti allegati sono veritieri",
                  },
                ]}
              />
              <GruppoCheckbox
                {...privacy}
                defaultValue={privacy.defaultOptions}
                legenda="Trattamento dei dati personali"
                suggerimento={
                  <>
                    Leggi l&apos;<a href="/privacy">informativa sul trattamento dei dati personali</a> (art. 13 del
                    Regolamento UE 2016/679).
                  </>
                }
                scelte={[{ valore: "si", etichetta: "Dichiaro di aver letto l'informativa sul trattamento dei dati personali" }]}
              />
              <div className="mt-4 d-flex flex-wrap gap-3 align-items-center">
                <Pulsante type="submit">Invia la domanda</Pulsante>
                <Link to={`/domande/${d.id}/riepilogo`}>Torna al riepilogo</Link>
              </div>
            </Form>
          </>
        )}
      </div>
    </div>
  );
}
