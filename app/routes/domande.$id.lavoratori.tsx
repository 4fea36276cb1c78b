import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { IntestazionePasso } from "~/components/domanda/IntestazionePasso";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { CampoFile, ErrorSummary, Pulsante, type VoceErrore } from "~/components/form";
import { formatDataItaliana } from "~/domain/date";
import {
  ELENCO_MAX_BYTE,
  ELENCO_MAX_RIGHE,
  SelezioneSchema,
  messaggiLavoratori as m,
  testoRicercaLavoratori,
  type RigaScartata,
} from "~/passi/schemi/lavoratori";
import { messaggiDomanda } from "~/testi";
import { leggiFormProtetto } from "~/http/accesso.server";
import { eMultipart, leggiMultipart } from "~/http/corpo-richiesta.server";
import { dopoIlPasso } from "~/services/domande.server";
import { apriPasso } from "~/http/domanda.server";
import { aggiornaSelezione, caricaElenco, confermaLavoratori, paginaLavoratori } from "~/services/lavoratori.server";
import { TabellaScorrevole } from "~/components/layout/TabellaScorrevole";

export const handle = { titolo: "Lavoratori beneficiari" };

const ID_TABELLA = "lavoratori-tabella";
const ID_FILE = "elenco";

function leggiPagina(valore: string | null): number {
  return valore && /^[1-9][0-9]{0,4}$/.test(valore) ? Number(valore) : 1;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { caricata, pagina } = await apriPasso(request, params, "lavoratori");
  const url = new URL(request.url);
  const q = testoRicercaLavoratori(url.searchParams.get("q") ?? "");
  const caricati = url.searchParams.get("caricati");
  const elenco = await paginaLavoratori(caricata, { q, pagina: leggiPagina(url.searchParams.get("pagina")) });
  return {
    ...pagina,
    unita: caricata.risposte.unitaProduttiva?.denominazione ?? "",
    confermato: caricata.risposte.lavoratori != null,
    caricati: caricati && /^[0-9]{1,5}$/.test(caricati) ? Number(caricati) : null,
    q,
    ...elenco,
  };
}

type EsitoAzione = { status: "error"; errori: VoceErrore[]; scartate?: RigaScartata[]; caricati?: number };

function errore(errori: VoceErrore[], stato: number, extra: Partial<EsitoAzione> = {}) {
  return json<EsitoAzione>({ status: "error", errori, ...extra }, { status: stato });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx, caricata, id } = await apriPasso(request, params, "lavoratori");
  let grezzo: FormData | undefined;
  if (eMultipart(request)) {
    // The upload form sends the file and a handful of short fields (token, version, intent, return page).
    const letto = await leggiMultipart(request, { byteParte: ELENCO_MAX_BYTE, parti: 20 });
    // Nothing is read or stored from an oversized upload; the token check cannot run without the parsed form.
    if (!letto.ok) return errore([{ id: ID_FILE, messaggio: m.fileTroppoGrande }], 422);
    grezzo = letto.formData;
  }
  const formData = await leggiFormProtetto(request, ctx.sessione.csrfToken, grezzo);
  const versione = Number(formData.get("versione"));
  const base = `/domande/${id}/lavoratori`;
  const ritorno = formData.get("ritorno") === "riepilogo" ? "ritorno=riepilogo" : "";

  if (formData.get("intent") === "carica") {
    const file = formData.get(ID_FILE);
    if (!(file instanceof Blob) || file.size === 0) return errore([{ id: ID_FILE, messaggio: m.fileAssente }], 422);
    const esito = await caricaElenco(ctx, caricata, versione, new Uint8Array(await file.arrayBuffer()));
    if (!esito.ok) {
      return errore([{ id: ID_FILE, messaggio: "conflitto" in esito ? m.conflitto : esito.erroreFile }], "conflitto" in esito ? 409 : 422);
    }
    if (esito.scartate.length > 0) {
      // Nothing is stored from a file with bad rows: each one is reported with its line so the user can fix the file.
      return errore([{ id: ID_FILE, messaggio: m.righeDaCorreggere(esito.scartate.length) }], 422, {
        scartate: esito.scartate.slice(0, 500),
        caricati: 0,
      });
    }
    if (esito.caricati === 0) return errore([{ id: ID_FILE, messaggio: m.nessunaRigaValida }], 422, { caricati: 0 });
    return redirect(`${base}?caricati=${esito.caricati}${ritorno ? `&${ritorno}` : ""}`, 303);
  }

  const parsed = SelezioneSchema.safeParse({
    intent: formData.get("intent"),
    cf: formData.getAll("cf"),
    paginaCf: formData.getAll("paginaCf"),
    q: formData.get("q") ?? "",
  });
  if (!parsed.success) return errore([{ messaggio: m.richiestaNonValida }], 422);
  const { intent, q } = parsed.data;
  const pagina = leggiPagina(String(formData.get("pagina") ?? "1"));
  const azione =
    intent === "tutti" || intent === "nessuno"
      ? { tipo: intent as "tutti" | "nessuno", q }
      : { tipo: "pagina" as const, paginaCf: parsed.data.paginaCf, cf: parsed.data.cf };
  const aggiornata = await aggiornaSelezione(ctx, caricata, versione, azione);
  if (!aggiornata.ok) return errore([{ messaggio: messaggiDomanda.conflittoVersione }], 409);

  if (intent === "salva") {
    // The page's selection was just written: confirm against the version it produced.
    const confermata = await confermaLavoratori(ctx, caricata, versioneDopo(aggiornata, versione));
    if (!confermata.ok) {
      if ("nessuno" in confermata) return errore([{ id: ID_TABELLA, messaggio: m.nessunoSelezionato }], 422);
      return errore([{ messaggio: messaggiDomanda.conflittoVersione }], 409);
    }
    return redirect(dopoIlPasso(id, "lavoratori", formData), 303);
  }
  const vai = intent.startsWith("pagina-") ? Number(intent.slice(7)) : intent === "aggiorna" ? pagina : 1;
  const query = new URLSearchParams();
  if (q) query.set("q", q);
  if (vai > 1) query.set("pagina", String(vai));
  if (ritorno) query.set("ritorno", "riepilogo");
  const s = query.toString();
  return redirect(s ? `${base}?${s}` : base, 303);
}

function versioneDopo(esito: { ok: true; versione: number } | { ok: true; invariata: true }, prima: number): number {
  return "versione" in esito ? esito.versione : prima;
}

export default function PassoLavoratori() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
  const errori = a?.errori ?? [];
  // The list's errors are the file's: said on the field too, not only in the summary (GOV.UK).
  const erroreFile = errori.find((e) => e.id === ID_FILE)?.messaggio;
  const pagine = Array.from({ length: d.pagine }, (_, i) => i + 1);
  return (
    <div className="row">
      <div className="col-12 col-lg-10">
        <ErrorSummary errori={errori} />
        <IntestazionePasso pagina="lavoratori" didascalia={d.didascalia} titolo="Lavoratori beneficiari" />
        <p>
          Lavoratori dell&apos;unità produttiva {d.unita} occupati nel periodo secondo le denunce UniEmens: {d.totale}, di
          cui {d.ammissibili} ammissibili. Selezionati: <strong>{d.selezionati}</strong>.
          {d.confermato ? " La selezione è confermata." : null}
        </p>
        {d.caricati !== null ? <p role="status">Elenco caricato: {d.caricati} lavoratori selezionati.</p> : null}
        {a?.scartate && a.scartate.length > 0 ? (
          <TabellaScorrevole etichetta="Righe dell'elenco scartate">
          {/* Alike the cookies table (privacy.tsx) (duplicates): the same three-column table frame; the rows are the workers' list lines to correct */}
          <table className="table">
            <caption>Righe dell&apos;elenco da correggere</caption>
            <thead>
              <tr>
                <th scope="col">Riga</th>
                <th scope="col">Contenuto</th>
                <th scope="col">Motivo</th>
              </tr>
            </thead>
            <tbody>
              {a.scartate.map((r) => (
                <tr key={r.riga}>
                  <th scope="row">{r.riga}</th>
                  <td>{r.valore}</td>
                  <td>{r.motivo}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </TabellaScorrevole>
        ) : null}

        <h2 className="h4">Scegli dalle denunce UniEmens</h2>
        <Form method="get" className="d-flex flex-wrap gap-2 align-items-end mb-3">
          <div className="form-group campo mb-0">
            <label htmlFor="filtro" className="active">Cerca per nome o codice fiscale</label>
            <input id="filtro" name="q" type="search" className="form-control" defaultValue={d.q} maxLength={100} />
          </div>
          {d.ritorno ? <input type="hidden" name="ritorno" value={d.ritorno} /> : null}
          <Pulsante variante="secondario">Cerca</Pulsante>
        </Form>

        {/* Keyed on the draft's version: after a client-side save the checkboxes must show the saved selection,
            which an uncontrolled input would not pick up from a new defaultChecked. */}
        <Form method="post" id="passo-lavoratori" key={d.versione} noValidate replace>
          <input type="hidden" name="csrf" value={d.csrf} />
          <input type="hidden" name="versione" value={d.versione} />
          <input type="hidden" name="q" value={d.q} />
          <input type="hidden" name="pagina" value={d.pagina} />
          {d.ritorno ? <input type="hidden" name="ritorno" value={d.ritorno} /> : null}
          <TabellaScorrevole etichetta="Lavoratori dell'unità produttiva">
          {/* Alike domande._index.tsx, flussi.chiavi.tsx's tables (duplicates): the same table markup (header cells, one row per item); the columns and cells are this table's own */}
          <table className="table" id={ID_TABELLA} tabIndex={-1}>
            <caption>
              Lavoratori {d.q ? `che corrispondono a "${d.q}" ` : ""}— pagina {d.pagina} di {d.pagine} ({d.trovati}{" "}
              lavoratori)
            </caption>
            <thead>
              <tr>
                <th scope="col">Seleziona</th>
                <th scope="col">Lavoratore</th>
                <th scope="col">Codice fiscale</th>
                <th scope="col">Qualifica</th>
                <th scope="col">Assunto il</th>
                <th scope="col">Esito</th>
              </tr>
            </thead>
            <tbody>
              {d.righe.map((l) => (
                <tr key={l.cf}>
                  <td>
                    <input type="hidden" name="paginaCf" value={l.cf} />
                    <input
                      type="checkbox"
                      name="cf"
                      value={l.cf}
                      id={`cf-${l.cf}`}
                      defaultChecked={l.selezionato && l.ammissibile}
                      disabled={!l.ammissibile}
                      aria-describedby={`esito-${l.cf}`}
                    />
                    <label htmlFor={`cf-${l.cf}`} className="visually-hidden">
                      Seleziona {l.nominativo}
                    </label>
                  </td>
                  <th scope="row">{l.nominativo}</th>
                  <td>{l.cf}</td>
                  <td>{l.qualifica}</td>
                  <td>{formatDataItaliana(l.dataAssunzione)}</td>
                  <td id={`esito-${l.cf}`}>
                    <strong>{l.ammissibile ? "Ammissibile" : "Non ammissibile"}</strong>
                    {l.ammissibile ? null : <>: {l.motivo}</>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          </TabellaScorrevole>
          {d.pagine > 1 ? (
            <nav aria-label="Pagine dell'elenco dei lavoratori" className="mb-3">
              <p className="form-text">Cambiando pagina la selezione di questa pagina viene salvata.</p>
              <ul className="list-inline">
                {pagine.map((n) => (
                  <li key={n} className="list-inline-item">
                    {n === d.pagina ? (
                      <span aria-current="page">Pagina {n}</span>
                    ) : (
                      <Pulsante variante="secondario" name="intent" value={`pagina-${n}`}>
                        Pagina {n}
                      </Pulsante>
                    )}
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
          <div className="d-flex flex-wrap gap-3 align-items-center">
            <Pulsante name="intent" value="salva">
              {d.ritorno === "riepilogo" ? messaggiDomanda.tornaAlRiepilogo : "Conferma i lavoratori"}
            </Pulsante>
            <Pulsante variante="secondario" name="intent" value="aggiorna">
              Salva la selezione della pagina
            </Pulsante>
            <Pulsante variante="secondario" name="intent" value="tutti">
              Seleziona tutti gli ammissibili{d.q ? " trovati" : ""}
            </Pulsante>
            <Pulsante variante="secondario" name="intent" value="nessuno">
              Deseleziona tutti{d.q ? " i trovati" : ""}
            </Pulsante>
          </div>
        </Form>

        <h2 className="h4 mt-5">Oppure carica l&apos;elenco dei lavoratori</h2>
        <Form method="post" encType="multipart/form-data" replace>
          <input type="hidden" name="csrf" value={d.csrf} />
          <input type="hidden" name="versione" value={d.versione} />
          {d.ritorno ? <input type="hidden" name="ritorno" value={d.ritorno} /> : null}
          <CampoFile
            id={ID_FILE}
            name={ID_FILE}
            etichetta="File CSV dell'elenco"
            suggerimento={
              <>
                Una riga per lavoratore: codice fiscale e qualifica separati da punto e virgola (ad esempio SMPMRC80C12G224X;operaio),
                come nell&apos;Allegato 3 al messaggio INPS 4653/2022. Intestazione facoltativa. Qualifiche: operaio, impiegato, quadro,
                apprendista, dirigente, oti, otd. File in codifica UTF-8, al massimo 1 MB e {ELENCO_MAX_RIGHE.toLocaleString("it-IT")}{" "}
                righe. L&apos;elenco sostituisce la selezione.
              </>
            }
            errors={erroreFile ? [erroreFile] : undefined}
            accept=".csv,text/csv"
          />
          <Pulsante variante="secondario" name="intent" value="carica">
            Carica l&apos;elenco
          </Pulsante>
        </Form>
      </div>
    </div>
  );
}
