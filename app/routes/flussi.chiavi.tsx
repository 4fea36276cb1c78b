// "Chiavi per i programmi paghe": the keys of the flows API (docs/api/README.md). A new key is shown once, on the
// page the creation redirects to (PRG: the key travels in a short-lived cookie for this page only, then is gone);
// only its fingerprint is stored. Revoking stops every call with that key at once.
import { analizzaModulo } from "~/http/modulo.server";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CampoTesto, ErrorSummary, Pulsante, daConform, erroriDaCampi, usaModuloServer } from "~/components/form";
import { CampoCsrf } from "~/components/form/CampoCsrf";
import { TabellaScorrevole } from "~/components/layout/TabellaScorrevole";
import { richiediMittenteFlussi } from "~/http/flusso-caricato.server";
import { rispostaFallimento } from "~/http/risposta.server";
import { ChiaveApiSchema, messaggiChiaviApi } from "~/passi/schemi/chiavi-api";
import { leggiFormProtetto } from "~/http/accesso.server";
import { chiaviDi, creaChiave, revocaChiave } from "~/services/chiavi-api.server";
import { intestazioneCookie, leggiCookie } from "~/http/cookie.server";

export const handle = { titolo: "Chiavi per i programmi paghe" };

const COOKIE_NUOVA = "omnia_chiave_nuova";
const PERCORSO = "/flussi/chiavi";

function cookieNuova(request: Request, valore: string, durata: number): string {
  return intestazioneCookie(request, COOKIE_NUOVA, valore, { percorso: PERCORSO, sameSite: "Strict", maxAge: durata });
}

const quando = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString("it-IT", { timeZone: "Europe/Rome", dateStyle: "short", timeStyle: "short" }) : "—";

export async function loader({ request }: LoaderFunctionArgs) {
  const ctx = await richiediMittenteFlussi(request);
  const nuova = leggiCookie(request, COOKIE_NUOVA);
  const chiavi = await chiaviDi(ctx);
  return json(
    {
      csrf: ctx.sessione.csrfToken,
      nuova: nuova && /^omnia_[a-z0-9]{20,80}$/.test(nuova) ? nuova : null,
      chiavi: chiavi.map((c) => ({ ...c, creataIl: quando(c.creataIl), ultimoUsoIl: quando(c.ultimoUsoIl), revocataIl: c.revocataIl ? quando(c.revocataIl) : null })),
    },
    { headers: { "Cache-Control": "no-store", ...(nuova ? { "Set-Cookie": cookieNuova(request, "", 0) } : {}) } },
  );
}

export async function action({ request }: ActionFunctionArgs) {
  const ctx = await richiediMittenteFlussi(request);
  const formData = await leggiFormProtetto(request, ctx.sessione.csrfToken);
  if (formData.get("intent") === "revoca") {
    const esito = await revocaChiave(ctx, Number(formData.get("chiave")));
    if (!esito.ok && esito.motivo === "conflitto") return json({ status: "error" as const, revocata: messaggiChiaviApi.giaRevocata }, { status: 409 });
    if (!esito.ok) return rispostaFallimento(esito, formData);
    return redirect(PERCORSO, 303);
  }
  const submission = analizzaModulo(formData, ChiaveApiSchema);
  if (submission.status !== "success") return json(submission.reply(), { status: 422 });
  const creata = await creaChiave(ctx, submission.value.nome, messaggiChiaviApi);
  if (!creata.ok) return rispostaFallimento(creata, formData);
  return redirect(PERCORSO, { status: 303, headers: { "Set-Cookie": cookieNuova(request, creata.valore.chiave, 120) } });
}

export default function ChiaviApi() {
  const d = useLoaderData<typeof loader>();
  const risultato = useActionData<typeof action>();
  const modulo = risultato && !("revocata" in risultato) ? risultato : undefined;
  const [form, fields] = usaModuloServer("nuova-chiave", modulo);
  const nome = daConform(fields.nome);
  const errori = risultato && "revocata" in risultato ? [{ messaggio: risultato.revocata }] : erroriDaCampi([nome], form.errors);
  return (
    <div className="row">
      <div className="col-12 col-lg-9">
        <ErrorSummary errori={errori} />
        <h1>Chiavi per i programmi paghe</h1>
        <p className="lead">
          Con una chiave il tuo programma paghe invia i flussi UniEmens-Cig, li verifica e legge i rapporti senza passare
          da queste pagine, con il profilo che stai usando ora. La chiave vale per le stesse aziende per cui puoi inviare
          flussi: se una delega scade, la chiave smette di valere per quell&apos;azienda.
        </p>
        <p>
          <a href="/api/v1/openapi.json">Descrizione dell&apos;API (OpenAPI)</a> · <Link to="/flussi">Torna ai flussi</Link>
        </p>
        {d.nuova ? (
          <div className="callout callout-success" role="status">
            <h2 className="h5">La tua nuova chiave</h2>
            <p>Copiala ora nel programma paghe: per sicurezza non la mostreremo più. Se la perdi, revocala e creane un&apos;altra.</p>
            <p className="text-break">
              <code>{d.nuova}</code>
            </p>
          </div>
        ) : null}
        <h2 className="h3 mt-4">Crea una chiave</h2>
        <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate replace>
          <CampoCsrf token={d.csrf} />
          <CampoTesto {...nome} etichetta="Nome della chiave" suggerimento="Ad esempio il nome del programma paghe che la userà." larghezza={30} />
          <Pulsante type="submit" name="intent" value="crea">
            Crea la chiave
          </Pulsante>
        </Form>
        <h2 className="h3 mt-5">Le tue chiavi</h2>
        {d.chiavi.length === 0 ? (
          <p>Non hai ancora creato chiavi.</p>
        ) : (
          // Alike flussi._index.tsx's table (duplicates): the same table frame; the columns are the API keys' own
          <TabellaScorrevole etichetta="Chiavi create">
            <table className="table">
              <caption>Chiavi create, dalla più recente</caption>
              <thead>
                <tr>
                  <th scope="col">Nome</th>
                  <th scope="col">Inizia con</th>
                  <th scope="col">Creata</th>
                  <th scope="col">Ultimo uso</th>
                  <th scope="col">Stato</th>
                </tr>
              </thead>
              <tbody>
                {d.chiavi.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">{c.nome}</th>
                    <td>
                      <code>{c.prefisso}…</code>
                    </td>
                    <td>{c.creataIl}</td>
                    <td>{c.ultimoUsoIl}</td>
                    <td>
                      {c.revocataIl ? (
                        `Revocata il ${c.revocataIl}`
                      ) : (
                        <Form method="post" replace>
                          <CampoCsrf token={d.csrf} />
                          <input type="hidden" name="chiave" value={c.id} />
                          <Pulsante type="submit" name="intent" value="revoca" variante="secondario">
                            Revoca <span className="visually-hidden">la chiave {c.nome}</span>
                          </Pulsante>
                        </Form>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TabellaScorrevole>
        )}
      </div>
    </div>
  );
}
