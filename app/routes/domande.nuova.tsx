import { getFormProps } from "@conform-to/react";
import { analizzaModulo } from "~/http/modulo.server";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CampoTesto, ErrorSummary, GruppoCheckbox, Pulsante, type VoceErrore, usaModuloServer } from "~/components/form";
import { CercaAziendaSchema, messaggiNuova, NuovaDomandaSchema } from "~/passi/schemi/nuova";
import { elencoAziendeAccessibili } from "~/services/accesso.server";
import { leggiFormProtetto, richiediAzienda, richiediContesto, richiediAzione } from "~/http/accesso.server";
import { avviaDomanda, cercaAziende, instradamentoAzienda, type AziendaTrovata } from "~/services/nuova-domanda.server";

export const handle = { titolo: "Nuova domanda" };

export async function loader({ request }: LoaderFunctionArgs) {
  const ctx = await richiediContesto(request);
  richiediAzione(ctx, "crea_domanda");
  const url = new URL(request.url);
  let aziendaId = url.searchParams.has("azienda") ? Number(url.searchParams.get("azienda")) : null;
  let erroreCerca: string | null = null;
  let cerca = url.searchParams.get("cerca");
  let trovate: { aziende: AziendaTrovata[]; troppi: boolean } | null = null;
  if (cerca !== null) {
    const esito = CercaAziendaSchema.safeParse({ cerca: cerca || undefined });
    if (!esito.success) erroreCerca = esito.error.issues[0].message;
    else {
      // The field shows what was searched: a code as normalised (no spaces or hyphens, capitals).
      cerca = esito.data.cerca.valore;
      const ricerca = await cercaAziende(ctx, esito.data.cerca);
      if (ricerca.tipo === "una") aziendaId = ricerca.aziendaId;
      else if (ricerca.tipo === "elenco") trovate = { aziende: ricerca.aziende, troppi: ricerca.troppi };
      else erroreCerca = messaggiNuova.cercaNonTrovata;
    }
  }
  const scelta = aziendaId !== null ? instradamentoAzienda(await richiediAzienda(ctx, aziendaId)) : null;
  const aziende = scelta || trovate ? [] : await elencoAziendeAccessibili(ctx);
  return json(
    {
      csrf: ctx.sessione.csrfToken,
      cerca: cerca ?? "",
      erroreCerca,
      conErrori: Boolean(erroreCerca),
      aziende,
      trovate,
      scelta: scelta && {
        azienda: {
          id: scelta.azienda.id,
          ragioneSociale: scelta.azienda.ragioneSociale,
          codiceFiscale: scelta.azienda.codiceFiscale,
          matricola: scelta.azienda.matricola ?? scelta.azienda.cida,
          forzaMedia: scelta.azienda.forzaMediaSemestre,
        },
        opzioni: scelta.opzioni,
      },
    },
    { status: erroreCerca ? 422 : 200 },
  );
}

export async function action({ request }: ActionFunctionArgs) {
  const ctx = await richiediContesto(request);
  richiediAzione(ctx, "crea_domanda");
  const formData = await leggiFormProtetto(request, ctx.sessione.csrfToken);
  const submission = analizzaModulo(formData, NuovaDomandaSchema);
  if (submission.status !== "success") return json(submission.reply(), { status: 422 });
  const { aziendaId, prestazione, conferma } = submission.value;
  const azienda = await richiediAzienda(ctx, aziendaId);
  const { opzioni } = instradamentoAzienda(azienda);
  const opzione = opzioni.find((o) => o.valore === prestazione);
  if (!opzione?.selezionabile) {
    return json(submission.reply({ fieldErrors: { prestazione: [messaggiNuova.prestazione] } }), { status: 422 });
  }
  if (!opzione.suggerita && conferma !== "si") {
    return json(submission.reply({ fieldErrors: { conferma: [messaggiNuova.conferma] } }), { status: 422 });
  }
  const { id } = await avviaDomanda(ctx, azienda, prestazione);
  return redirect(`/domande/${id}/azienda`, 303);
}

function ElencoAziende({ aziende }: { aziende: Array<{ id: number; ragioneSociale: string; codiceFiscale: string; matricola: string | null; cida?: string | null }> }) {
  return (
    <ul>
      {aziende.map((a) => (
        <li key={a.id}>
          <Link to={`?azienda=${a.id}`}>{a.ragioneSociale}</Link> — matricola {a.matricola ?? a.cida}, codice fiscale{" "}
          {a.codiceFiscale}
        </li>
      ))}
    </ul>
  );
}

export default function NuovaDomanda() {
  const { csrf, cerca, erroreCerca, aziende, trovate, scelta } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = usaModuloServer("nuova-domanda", lastResult);
  const errori: VoceErrore[] = [];
  if (erroreCerca) errori.push({ id: "cerca", messaggio: erroreCerca });
  if (fields.prestazione.errors?.[0]) errori.push({ id: "prestazione", messaggio: fields.prestazione.errors[0] });
  if (fields.conferma.errors?.[0]) errori.push({ id: "conferma", messaggio: fields.conferma.errors[0] });
  const prestazioneScelta = fields.prestazione.value ?? scelta?.opzioni.find((o) => o.suggerita)?.valore;

  return (
    <div className="row">
      <div className="col-12 col-lg-9">
        <ErrorSummary errori={errori} />
        <h1>Nuova domanda</h1>
        {!scelta ? (
          <>
            <p className="lead">
              Indica l&apos;azienda per cui presentare la domanda: la piattaforma ti indica la prestazione richiedibile in
              base all&apos;inquadramento risultante dalle banche dati dell&apos;Istituto.
            </p>
            <Form method="get" className="mb-5">
              <CampoTesto
                id="cerca"
                name="cerca"
                etichetta="Codice fiscale, matricola INPS o ragione sociale dell'azienda"
                suggerimento="Codice fiscale di 11 cifre (o di 16 caratteri per le ditte individuali), anche con spazi o trattini, oppure matricola di 10 cifre, oppure almeno 3 caratteri della ragione sociale"
                defaultValue={cerca}
                errors={erroreCerca ? [erroreCerca] : undefined}
                larghezza={30}
                autoComplete="off"
                spellCheck={false}
              />
              <Pulsante type="submit" variante="secondario">
                Cerca
              </Pulsante>
            </Form>
            {trovate ? (
              <section aria-labelledby="titolo-risultati" className="mb-5">
                <h2 id="titolo-risultati" className="h4">
                  Risultati della ricerca
                </h2>
                <p role="status">{messaggiNuova.cercaRisultati(trovate.aziende.length, trovate.troppi)}</p>
                <ElencoAziende aziende={trovate.aziende} />
                <p>
                  <Link to="/domande/nuova">Mostra tutte le tue aziende</Link>
                </p>
              </section>
            ) : (
              <>
                <h2 className="h4">Oppure scegli tra le tue aziende</h2>
                {aziende.length === 0 ? <p>Non ci sono aziende per cui puoi operare oggi.</p> : <ElencoAziende aziende={aziende} />}
              </>
            )}
          </>
        ) : (
          <>
            <dl className="row">
              <dt className="col-sm-4">Azienda</dt>
              <dd className="col-sm-8">{scelta.azienda.ragioneSociale}</dd>
              <dt className="col-sm-4">Codice fiscale</dt>
              <dd className="col-sm-8">{scelta.azienda.codiceFiscale}</dd>
              <dt className="col-sm-4">Matricola</dt>
              <dd className="col-sm-8">{scelta.azienda.matricola}</dd>
              <dt className="col-sm-4">Dipendenti medi nel semestre precedente</dt>
              <dd className="col-sm-8">{scelta.azienda.forzaMedia}</dd>
            </dl>
            <p>
              <Link to="/domande/nuova">Scegli un&apos;altra azienda</Link>
            </p>
            <Form method="post" {...getFormProps(form)} noValidate>
              <input type="hidden" name="csrf" value={csrf} />
              <input type="hidden" name="aziendaId" value={scelta.azienda.id} />
              <fieldset
                className="form-group"
                aria-describedby={fields.prestazione.errors ? "prestazione-hint prestazione-error" : "prestazione-hint"}
              >
                <legend className="h4">Quale prestazione vuoi richiedere?</legend>
                <p id="prestazione-hint" className="form-text">
                  &quot;Suggerita&quot; indica la prestazione coerente con l&apos;inquadramento dell&apos;azienda;
                  &quot;Non compatibile&quot; le altre, con il motivo.
                </p>
                {fields.prestazione.errors ? (
                  <p id="prestazione-error" className="campo-messaggio-errore text-danger">
                    <span className="visually-hidden">Errore:</span> {fields.prestazione.errors[0]}
                  </p>
                ) : null}
                {scelta.opzioni.map((o, i) => (
                  <div className="form-check mb-3" key={o.valore}>
                    <input
                      className="form-check-input"
                      type="radio"
                      name="prestazione"
                      id={i === 0 ? "prestazione" : `prestazione-${i + 1}`}
                      value={o.valore}
                      disabled={!o.selezionabile}
                      defaultChecked={o.valore === prestazioneScelta}
                      aria-describedby={`prestazione-${o.valore}-motivi`}
                    />
                    <label className="form-check-label" htmlFor={i === 0 ? "prestazione" : `prestazione-${i + 1}`}>
                      {o.nome}{" "}
                      <span className={`badge ${o.suggerita ? "bg-success" : "bg-secondary"}`}>
                        {o.suggerita ? "Suggerita" : "Non compatibile"}
                      </span>
                    </label>
                    <ul id={`prestazione-${o.valore}-motivi`} className="small mb-0">
                      {o.motivi.map((motivo) => (
                        <li key={motivo}>{motivo}</li>
                      ))}
                    </ul>
                  </div>
                ))}
              </fieldset>
              <GruppoCheckbox
                id="conferma"
                name="conferma"
                legenda="Conferma per una prestazione non suggerita"
                suggerimento="Necessaria solo se scegli una prestazione non compatibile con l'inquadramento: la scelta sarà segnalata alla Sede INPS."
                facoltativo
                errors={fields.conferma.errors}
                scelte={[
                  {
                    valore: "si",
                    etichetta: "Ho letto i motivi e confermo di voler richiedere la prestazione non suggerita",
                  },
                ]}
              />
              <Pulsante type="submit">Crea la bozza di domanda</Pulsante>
            </Form>
          </>
        )}
      </div>
    </div>
  );
}
