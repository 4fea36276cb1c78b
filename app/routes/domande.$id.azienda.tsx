import { analizzaModulo } from "~/http/modulo.server";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { CampoTesto, daConform } from "~/components/form";
import { ModuloPasso, usaModuloPasso } from "~/components/domanda/ModuloPasso";
import { AziendaSchema, ETICHETTE_AZIENDA as E } from "~/passi/schemi/azienda";
import { rispostaFallimento } from "~/http/risposta.server";
import { leggiFormProtetto } from "~/http/accesso.server";
import { dopoIlPasso, salvaPasso } from "~/services/domande.server";
import { apriPasso } from "~/http/domanda.server";
import { descrizioneSede } from "~/services/registri.server";

export const handle = { titolo: "Dati dell'azienda" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { caricata, pagina } = await apriPasso(request, params, "azienda");
  const { azienda } = caricata;
  const salvati = caricata.risposte.azienda ?? null;
  return {
    ...pagina,
    registro: {
      ragioneSociale: azienda.ragioneSociale,
      codiceFiscale: azienda.codiceFiscale,
      matricola: azienda.matricola ?? azienda.cida ?? "",
      csc: azienda.csc ?? "—",
      ca: azienda.codiciAutorizzazione.join(", ") || "nessuno",
      sede: await descrizioneSede(azienda.sedeCodice),
      indirizzo: `${azienda.indirizzo}, ${azienda.cap} ${azienda.comune} (${azienda.provincia})`,
      legaleRappresentante: azienda.cfLegaleRappresentante,
      forzaMedia: azienda.forzaMediaSemestre,
      ccnl: azienda.ccnl ?? "non indicato",
    },
    valori: salvati ?? { pec: azienda.pec, telefono: azienda.telefono ?? undefined },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx, id } = await apriPasso(request, params, "azienda");
  const formData = await leggiFormProtetto(request, ctx.sessione.csrfToken);
  const submission = analizzaModulo(formData, AziendaSchema);
  if (submission.status !== "success") return json(submission.reply(), { status: 422 });
  const esito = await salvaPasso(ctx, id, Number(formData.get("versione")), {
    chiave: "azienda",
    valore: submission.value,
  });
  if (!esito.ok) return rispostaFallimento(esito, formData);
  return redirect(dopoIlPasso(id, "azienda", formData), 303);
}

export default function PassoAzienda() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { fields, cornice } = usaModuloPasso("azienda", d, { id: "passo-azienda", lastResult, defaultValue: d.valori });
  const campi = [fields.pec, fields.telefono, fields.referente, fields.emailReferente].map((f) => daConform(f));
  const [pec, telefono, referente, emailReferente] = campi;
  const r = d.registro;
  return (
    <ModuloPasso
      {...cornice(campi)}
      titolo="Dati dell'azienda"
      prima={
        <section aria-labelledby="titolo-registro" className="mb-4">
          <h2 id="titolo-registro" className="h4">
            Dati presenti negli archivi INPS
          </h2>
          <p>Questi dati provengono dalle banche dati dell&apos;Istituto e non si modificano qui.</p>
          <dl className="row">
            <dt className="col-sm-5">Ragione sociale</dt>
            <dd className="col-sm-7">{r.ragioneSociale}</dd>
            <dt className="col-sm-5">Codice fiscale</dt>
            <dd className="col-sm-7">{r.codiceFiscale}</dd>
            <dt className="col-sm-5">Matricola</dt>
            <dd className="col-sm-7">{r.matricola}</dd>
            <dt className="col-sm-5">Codice statistico contributivo (CSC)</dt>
            <dd className="col-sm-7">{r.csc}</dd>
            <dt className="col-sm-5">Codici di autorizzazione</dt>
            <dd className="col-sm-7">{r.ca}</dd>
            <dt className="col-sm-5">Sede INPS competente</dt>
            <dd className="col-sm-7">{r.sede}</dd>
            <dt className="col-sm-5">Sede legale</dt>
            <dd className="col-sm-7">{r.indirizzo}</dd>
            <dt className="col-sm-5">Codice fiscale del legale rappresentante</dt>
            <dd className="col-sm-7">{r.legaleRappresentante}</dd>
            <dt className="col-sm-5">Dipendenti medi nel semestre precedente</dt>
            <dd className="col-sm-7">{r.forzaMedia}</dd>
            <dt className="col-sm-5">Contratto collettivo applicato</dt>
            <dd className="col-sm-7">{r.ccnl}</dd>
          </dl>
        </section>
      }
    >
      <h2 className="h4">Recapiti per questa domanda</h2>
      <CampoTesto {...pec} etichetta={E.pec} type="email" autoComplete="email" spellCheck={false} />
      <CampoTesto {...telefono} etichetta={E.telefono} type="tel" autoComplete="tel" facoltativo larghezza={20} />
      <CampoTesto {...referente} etichetta={E.referente} autoComplete="name" facoltativo />
      <CampoTesto
        {...emailReferente}
        etichetta={E.emailReferente}
        type="email"
        autoComplete="email"
        spellCheck={false}
        facoltativo
      />
    </ModuloPasso>
  );
}
