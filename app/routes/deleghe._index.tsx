// /deleghe: the intermediary's deleghe, or (legal representative) the company's deleghe and enabled employees, with
// the buttons that move them. Each button is a small POST form (CSRF, PRG); the service decides who may (one module).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CampoCsrf } from "~/components/form/CampoCsrf";
import { ErrorSummary, Pulsante } from "~/components/form";
import { TabellaScorrevole } from "~/components/layout/TabellaScorrevole";
import { formatDataItaliana } from "~/domain/date";
import { leggiFormProtetto, richiediContesto, rispostaNonTrovata } from "~/http/accesso.server";
import { decidiDelega, revocaAbilitazione, vistaDeleghe } from "~/services/deleghe.server";
import { messaggiDeleghe as m } from "~/testi";

export const handle = { titolo: m.titolo };

const ESITI = Object.keys(m.esiti) as Array<keyof typeof m.esiti>;

export async function loader({ request }: LoaderFunctionArgs) {
  const ctx = await richiediContesto(request);
  const vista = await vistaDeleghe(ctx);
  if (!vista) throw rispostaNonTrovata();
  const esito = new URL(request.url).searchParams.get("esito");
  return {
    vista,
    csrf: ctx.sessione.csrfToken,
    esito: ESITI.find((e) => e === esito) ?? null,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const ctx = await richiediContesto(request);
  const formData = await leggiFormProtetto(request, ctx.sessione.csrfToken);
  const intent = String(formData.get("intent") ?? "");
  const id = Number(formData.get("id"));
  if (intent === "revoca_abilitazione") {
    const r = await revocaAbilitazione(ctx, id);
    if (!r.ok) throw rispostaNonTrovata();
    return redirect("/deleghe?esito=abilitazioneRevocata", 303);
  }
  if (intent !== "conferma" && intent !== "rifiuta" && intent !== "revoca" && intent !== "ritira") throw rispostaNonTrovata();
  const r = await decidiDelega(ctx, id, intent);
  if (!r.ok) {
    if (r.motivo === "conflitto") return json({ errore: m.conflitto }, { status: 409 });
    throw rispostaNonTrovata();
  }
  return redirect(`/deleghe?esito=${intent}`, 303);
}

function Bottone({ csrf, id, intent, testo, descrizione }: { csrf: string; id: number; intent: string; testo: string; descrizione: string }) {
  return (
    <Form method="post" className="d-inline-block me-2 mb-1">
      <CampoCsrf token={csrf} />
      <input type="hidden" name="id" value={id} />
      <Pulsante variante="secondario" className="btn-sm" name="intent" value={intent}>
        {testo}
        <span className="visually-hidden"> {descrizione}</span>
      </Pulsante>
    </Form>
  );
}

const data = (d: string | null) => (d ? formatDataItaliana(d) : "senza scadenza");

export default function Deleghe() {
  const { vista, csrf, esito } = useLoaderData<typeof loader>();
  const errore = useActionData<typeof action>();
  const legale = vista.tipo === "legale";
  return (
    <>
      <ErrorSummary errori={errore?.errore ? [{ messaggio: errore.errore }] : []} />
      {esito ? (
        <div className="alert alert-success" role="status">
          {m.esiti[esito]}
        </div>
      ) : null}
      <h1>{m.titolo}</h1>
      <p className="lead">
        {legale ? `${m.introLegale} Azienda: ${vista.azienda.ragioneSociale}.` : m.introIntermediario}
      </p>
      <p>
        {legale ? <Link to="/deleghe/abilita">{m.abilitaDipendente}</Link> : <Link to="/deleghe/nuova">{m.richiediNuova}</Link>}
      </p>
      {/* Alike the abilitazioni table below (duplicates): the same section frame (heading, empty text, TabellaScorrevole, caption with the count), but this table's columns are the delegations' (intermediary, period, state) */}
      <h2>{m.tabellaDeleghe}</h2>
      {vista.deleghe.length === 0 ? (
        <p>{m.nessunaDelega}</p>
      ) : (
        <TabellaScorrevole etichetta={m.tabellaDeleghe}>
          <table className="table">
            <caption>
              {m.tabellaDeleghe} ({vista.deleghe.length})
            </caption>
            <thead>
              <tr>
                <th scope="col">{legale ? "Intermediario" : "Azienda"}</th>
                <th scope="col">Stato</th>
                <th scope="col">Periodo</th>
                <th scope="col">Azioni</th>
              </tr>
            </thead>
            <tbody>
              {vista.deleghe.map((d) => {
                const chi = legale
                  ? `${d.intermediario.nome} ${d.intermediario.cognome} (${d.intermediario.codiceFiscale})`
                  : `${d.azienda.ragioneSociale} (matricola ${d.azienda.matricola ?? "—"})`;
                return (
                  <tr key={d.id} id={`delega-${d.id}`}>
                    <th scope="row">{chi}</th>
                    <td>
                      {m.stati[d.stato]}
                      {d.modalita && d.stato !== "richiesta" ? <span className="d-block small">{m.modalita[d.modalita]}</span> : null}
                    </td>
                    <td>
                      dal {formatDataItaliana(d.validaDal)} al {data(d.validaAl)}
                    </td>
                    <td>
                      {legale && d.stato === "richiesta" ? (
                        <>
                          <Bottone csrf={csrf} id={d.id} intent="conferma" testo={m.azioni.conferma} descrizione={chi} />
                          <Bottone csrf={csrf} id={d.id} intent="rifiuta" testo={m.azioni.rifiuta} descrizione={chi} />
                        </>
                      ) : null}
                      {!legale && d.stato === "richiesta" ? (
                        <Bottone csrf={csrf} id={d.id} intent="ritira" testo={m.azioni.ritira} descrizione={chi} />
                      ) : null}
                      {d.stato === "attiva" ? <Bottone csrf={csrf} id={d.id} intent="revoca" testo={m.azioni.revoca} descrizione={chi} /> : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TabellaScorrevole>
      )}
      {legale ? (
        <>
          {/* Alike the deleghe table above (duplicates): the same section frame, but the columns are the employees' enablements, shown only to the legal representative */}
          <h2>{m.tabellaAbilitazioni}</h2>
          {vista.abilitazioni.length === 0 ? (
            <p>{m.nessunaAbilitazione}</p>
          ) : (
            <TabellaScorrevole etichetta={m.tabellaAbilitazioni}>
              <table className="table">
                <caption>
                  {m.tabellaAbilitazioni} ({vista.abilitazioni.length})
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Dipendente</th>
                    <th scope="col">Stato</th>
                    <th scope="col">Periodo</th>
                    <th scope="col">Azioni</th>
                  </tr>
                </thead>
                <tbody>
                  {vista.abilitazioni.map((a) => {
                    const chi = `${a.dipendente.nome} ${a.dipendente.cognome} (${a.dipendente.codiceFiscale})`;
                    return (
                      <tr key={a.id}>
                        <th scope="row">{chi}</th>
                        <td>{a.attiva ? m.stati.attiva : m.stati.revocata}</td>
                        <td>
                          dal {formatDataItaliana(a.validaDal)} al {data(a.validaAl)}
                        </td>
                        <td>
                          {a.attiva ? (
                            <Bottone csrf={csrf} id={a.id} intent="revoca_abilitazione" testo={m.revocaAbilitazione} descrizione={chi} />
                          ) : null}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </TabellaScorrevole>
          )}
        </>
      ) : null}
    </>
  );
}
