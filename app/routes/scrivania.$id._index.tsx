// The case page of the Sede: the domanda as sent, the registries, the automatic checks run again, the manual checklist
// and internal notes (never shown to the company), the decision time limit, and the next actions. One action with
// `intent`: presa in carico, a checklist item, a note; each a plain form with PRG, the same with and without JavaScript.
// Operators of the assignment change the case; the office manager reads it (no forms); anyone else gets 404.
import { DecisioneDomanda } from "~/components/istruttoria/DecisioneDomanda";
import { RichiesteIstruttoria } from "~/components/istruttoria/RichiesteIstruttoria";
import { analizzaModulo } from "~/http/modulo.server";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Fragment } from "react";
import { AreaTesto, ErrorSummary, GruppoRadio, Pulsante, type VoceErrore } from "~/components/form";
import { CronologiaDomanda, ElencoEsiti, RiepilogoDomanda } from "~/components/domanda/RiepilogoDomanda";
import { TabellaScorrevole } from "~/components/layout/TabellaScorrevole";
import { idVoce, MAX_NOTA, MAX_NOTA_CHECKLIST, NotaSchema, PresaInCaricoSchema, VoceChecklistSchema } from "~/moduli/istruttoria";
import { messaggiIstruttoria as m } from "~/testi/istruttoria";
import { leggiFormProtetto, richiediContesto, rispostaNonTrovata } from "~/http/accesso.server";
import { idDomanda } from "~/http/domanda.server";
import { aggiungiNota, salvaVoceChecklist } from "~/services/istruttoria/checklist.server";
import { casoAutorizzato, paginaCaso } from "~/services/istruttoria/caso.server";
import { prendiInCarico } from "~/services/istruttoria/presa-in-carico.server";
import { nonLettiDomanda } from "~/services/comunicazioni/filo.server";

export const handle = { titolo: "Istruttoria della domanda" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await richiediContesto(request);
  const r = await paginaCaso(ctx, idDomanda(params.id));
  if (!r.ok) throw rispostaNonTrovata();
  const url = new URL(request.url);
  return {
    ...r.valore,
    nonLetti: await nonLettiDomanda("sede", r.valore.id),
    csrf: ctx.sessione.csrfToken,
    conferma: url.searchParams.get("fatto"),
  };
}

// `conErrori` puts "Errore: " in the page title (TitoloDocumento), with and without JavaScript.
type Esito = { conErrori: true } & (
  | { intent: "prendi"; conflitto: true; errore: string }
  | { intent: "checklist"; chiave: string; errore: string; campi: { stato?: string[]; nota?: string[] }; valori: { stato?: string; nota?: string } }
  | { intent: "nota"; errore: string; campi: { testo?: string[] }; valori: { testo?: string } }
);

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await richiediContesto(request);
  const id = idDomanda(params.id);
  // Authorisation first (404 for who may not see the case), then the CSRF token (403), then the form.
  if (!(await casoAutorizzato(ctx, id))) throw rispostaNonTrovata();
  const formData = await leggiFormProtetto(request, ctx.sessione.csrfToken);
  const intent = formData.get("intent");
  if (intent === "prendi") {
    const s = analizzaModulo(formData, PresaInCaricoSchema);
    if (s.status !== "success") return json<Esito>({ conErrori: true, intent: "prendi", conflitto: true, errore: m.conflittoPresa }, { status: 409 });
    const esito = await prendiInCarico(ctx, id, s.value.versione);
    if (!esito.ok && esito.motivo === "non_trovato") throw rispostaNonTrovata();
    if (!esito.ok) return json<Esito>({ conErrori: true, intent: "prendi", conflitto: true, errore: m.conflittoPresa }, { status: 409 });
    return redirect(`/scrivania/${id}?fatto=presa`, 303);
  }
  if (intent === "checklist") {
    const s = analizzaModulo(formData, VoceChecklistSchema);
    const chiave = String(formData.get("chiave") ?? "").slice(0, 40);
    const valori = { stato: String(formData.get("stato") ?? ""), nota: String(formData.get("nota") ?? "").slice(0, MAX_NOTA_CHECKLIST + 100) };
    if (s.status !== "success") {
      const campi = (s.error ?? {}) as Record<string, string[] | null>;
      return json<Esito>(
        { conErrori: true, intent: "checklist", chiave, errore: "", campi: { stato: campi.stato ?? undefined, nota: campi.nota ?? undefined }, valori },
        { status: 422 },
      );
    }
    const esito = await salvaVoceChecklist(ctx, id, s.value);
    if (!esito.ok && esito.motivo === "non_trovato") throw rispostaNonTrovata();
    if (!esito.ok && esito.motivo === "conflitto") {
      return json<Esito>({ conErrori: true, intent: "checklist", chiave, errore: m.conflittoChecklist, campi: {}, valori }, { status: 409 });
    }
    if (!esito.ok) return json<Esito>({ conErrori: true, intent: "checklist", chiave, errore: m.checklist.voce, campi: {}, valori }, { status: 422 });
    return redirect(`/scrivania/${id}?fatto=checklist#${idVoce(s.value.chiave)}`, 303);
  }
  if (intent === "nota") {
    const s = analizzaModulo(formData, NotaSchema);
    const valori = { testo: String(formData.get("testo") ?? "").slice(0, MAX_NOTA + 100) };
    if (s.status !== "success") {
      const campi = (s.error ?? {}) as Record<string, string[] | null>;
      return json<Esito>({ conErrori: true, intent: "nota", errore: "", campi: { testo: campi.testo ?? undefined }, valori }, { status: 422 });
    }
    const esito = await aggiungiNota(ctx, id, s.value.testo);
    if (!esito.ok && esito.motivo === "non_trovato") throw rispostaNonTrovata();
    if (!esito.ok) {
      const campi = esito.motivo === "non_valido" ? esito.campi : {};
      return json<Esito>({ conErrori: true, intent: "nota", errore: "", campi: { testo: campi.testo }, valori }, { status: 422 });
    }
    return redirect(`/scrivania/${id}?fatto=nota#titolo-note`, 303);
  }
  return new Response("Richiesta non valida", { status: 400 });
}

const CLASSI_CONTROLLO = { superato: "badge bg-success", avviso: "badge bg-warning text-dark", non_superato: "badge bg-danger" } as const;

const CONFERME: Record<string, string> = {
  presa: "Hai preso in carico la domanda: ora è in istruttoria a tuo nome.",
  checklist: "Voce della checklist salvata.",
  nota: "Nota interna aggiunta.",
};

function erroriPagina(e: Esito | undefined): VoceErrore[] {
  if (!e) return [];
  if (e.intent === "prendi") return [{ messaggio: e.errore }];
  if (e.intent === "checklist") {
    const id = idVoce(e.chiave);
    return [
      ...(e.errore ? [{ messaggio: e.errore }] : []),
      ...(e.campi.stato ?? []).map((messaggio) => ({ id: `${id}-stato`, messaggio })),
      ...(e.campi.nota ?? []).map((messaggio) => ({ id: `${id}-nota`, messaggio })),
    ];
  }
  return (e.campi.testo ?? []).map((messaggio) => ({ id: "nota-testo", messaggio }));
}

export default function Caso() {
  const d = useLoaderData<typeof loader>();
  const esito = useActionData<typeof action>() as Esito | undefined;
  const errori = erroriPagina(esito);
  const i = d.riepilogo.intestazione;
  const conferma = !esito && d.conferma ? CONFERME[d.conferma] : null;
  return (
    <div className="row">
      <div className="col-12 col-lg-10">
        {errori.length ? <ErrorSummary errori={errori} /> : null}
        {conferma ? (
          <div className="alert alert-success" role="status">
            {conferma}
          </div>
        ) : null}
        <p className="text-muted mb-1">
          {i.prestazione} — {i.azienda.ragioneSociale}
        </p>
        <h1>Domanda {i.protocollo}</h1>
        <dl className="row">
          <dt className="col-sm-4">Stato</dt>
          <dd className="col-sm-8">
            <span className={`badge ${d.classeStato}`}>{d.stato}</span>
          </dd>
          <dt className="col-sm-4">Presa in carico da</dt>
          <dd className="col-sm-8">{d.operatore ?? "Nessuno"}</dd>
          <dt className="col-sm-4">Causale</dt>
          <dd className="col-sm-8">{d.causale ?? "Non indicata"}</dd>
          <dt className="col-sm-4">Inviata il</dt>
          <dd className="col-sm-8">{i.inviataIl}</dd>
          {d.termine ? (
            <>
              <dt className="col-sm-4">Termine per decidere</dt>
              <dd className="col-sm-8">
                {d.termine.scadenza} — {d.termine.urgenza}
                {d.termine.sospeso ? " (sospeso)" : ""}
                <br />
                <span className="small">
                  {d.termine.spiegazione} <span className="text-muted">({d.termine.riferimento})</span>
                  {d.termine.provvisorio ? " Il termine per questa prestazione non è noto con certezza: valore provvisorio." : null}
                </span>
              </dd>
            </>
          ) : null}
        </dl>

        <section aria-labelledby="titolo-azioni" className="mb-4 d-print-none">
          <h2 id="titolo-azioni" className="h4">
            Azioni
          </h2>
          {d.azioni.prendiInCarico ? (
            <Form method="post" replace className="mb-3">
              <input type="hidden" name="csrf" value={d.csrf} />
              <input type="hidden" name="intent" value="prendi" />
              <input type="hidden" name="versione" value={d.versione} />
              <p>Prendendo in carico la domanda diventi il responsabile del procedimento (art. 5 L. 241/1990): l&apos;azienda vede il tuo nome.</p>
              <Pulsante type="submit">Prendi in carico</Pulsante>
            </Form>
          ) : null}
          <ul>
            {d.azioni.richiedi ? (
              <li>
                <Link to={`/scrivania/${d.id}/richiesta`}>Richiedi informazioni o documenti all&apos;azienda</Link>
              </li>
            ) : null}
            {d.azioni.riprendi ? (
              <li>
                <Link to={`/scrivania/${d.id}/richiesta`}>Chiudi la richiesta all&apos;azienda e riprendi l&apos;istruttoria</Link>
              </li>
            ) : null}
            {d.azioni.decidi ? (
              <li>
                <Link to={`/scrivania/${d.id}/decisione`}>Decidi la domanda</Link>
              </li>
            ) : null}
            {d.azioni.rettifica ? (
              <li>
                <Link to={`/scrivania/${d.id}/decisione`}>Rettifica la decisione</Link>
              </li>
            ) : null}
            <li>
              <Link to={`/scrivania/${d.id}/messaggi`}>
                Messaggi con l&apos;azienda{d.nonLetti > 0 ? ` (${d.nonLetti === 1 ? "1 da leggere" : `${d.nonLetti} da leggere`})` : ""}
              </Link>
            </li>
            <li>
              <a href={`/domande/${d.id}/ricevuta.pdf`} download>
                Scarica la ricevuta in PDF
              </a>
            </li>
            <li>
              <Link to="/scrivania">Torna alle domande da istruire</Link>
            </li>
          </ul>
          {!d.azioni.operatore ? <p>Consulti la domanda in sola lettura.</p> : null}
        </section>

        <DecisioneDomanda atti={d.atti} linkPdf={(atto) => `/scrivania/${d.id}/provvedimento.pdf?atto=${atto}`} />
        <RichiesteIstruttoria
          richieste={d.richieste}
          titolo="Richieste all'azienda e risposte"
          idTitolo="titolo-richieste"
          linkAllegato={(a) => `/scrivania/${d.id}/risposte/${a}`}
        />

        <section aria-labelledby="titolo-controlli" className="mb-4">
          <h2 id="titolo-controlli" className="h4">
            Controlli automatici
          </h2>
          <p>
            Le stesse regole del modulo della domanda, eseguite di nuovo oggi sui dati attuali: {d.conteggioControlli.superato} superati,{" "}
            {d.conteggioControlli.avviso} con avviso, {d.conteggioControlli.non_superato} non superati.
          </p>
          <ul className="list-unstyled">
            {d.controlli.map((c) => (
              <li key={c.codice} className="border-start border-4 ps-3 mb-3">
                <h3 className="h6 mb-1">
                  <span className={CLASSI_CONTROLLO[c.stato]}>{c.etichettaStato}</span> {c.titolo}
                </h3>
                {c.spiegazione.map((s, k) => (
                  <p key={k} className="mb-1">
                    {s}
                  </p>
                ))}
                <p className="small text-muted mb-0">
                  Riferimento: {c.riferimenti.join("; ")}
                  {c.provvisorio ? ". Regola con un parametro provvisorio: verifica l'esito." : ""}
                </p>
              </li>
            ))}
          </ul>
        </section>

        <section aria-labelledby="titolo-checklist" className="mb-4">
          <h2 id="titolo-checklist" className="h4">
            Checklist dei controlli manuali
          </h2>
          <p className="small">{m.riservato}</p>
          <p>
            {d.checklist.completa ? "Tutte le voci sono state verificate." : `Voci da verificare: ${d.checklist.daVerificare}.`}
            {d.azioni.operatore && !d.azioni.checklist ? ` ${m.statoNonModificabile}` : ""}
          </p>
          {d.checklist.voci.map((v) => {
            const id = idVoce(v.chiave);
            const errore = esito?.intent === "checklist" && esito.chiave === v.chiave ? esito : null;
            return (
              <div key={v.chiave} id={id} className="border rounded p-3 mb-3">
                <h3 className="h5">{v.titolo}</h3>
                <p className="mb-1">{v.guida}</p>
                <p className="small text-muted">Riferimento: {v.riferimento}</p>
                {d.azioni.checklist ? (
                  <Form method="post" replace>
                    <input type="hidden" name="csrf" value={d.csrf} />
                    <input type="hidden" name="intent" value="checklist" />
                    <input type="hidden" name="chiave" value={v.chiave} />
                    <input type="hidden" name="versione" value={v.versione} />
                    <GruppoRadio
                      id={`${id}-stato`}
                      name="stato"
                      legenda={`Esito della verifica: ${v.titolo}`}
                      scelte={d.statiVoce}
                      defaultValue={errore?.valori.stato || v.stato}
                      errors={errore?.campi.stato}
                    />
                    <AreaTesto
                      id={`${id}-nota`}
                      name="nota"
                      etichetta="Nota sulla verifica"
                      defaultValue={errore ? errore.valori.nota : (v.nota ?? "")}
                      maxLength={MAX_NOTA_CHECKLIST}
                      righe={3}
                      errors={errore?.campi.nota}
                      facoltativo
                    />
                    <Pulsante type="submit" variante="secondario">
                      Salva la voce<span className="visually-hidden"> {v.titolo}</span>
                    </Pulsante>
                  </Form>
                ) : (
                  <p className="mb-0">
                    Esito: <strong>{d.statiVoce.find((s) => s.valore === v.stato)?.etichetta}</strong>
                    {v.nota ? `. Nota: ${v.nota}` : ""}
                  </p>
                )}
                {v.aggiornata ? <p className="small text-muted mb-0 mt-2">Ultima modifica: {v.aggiornata}</p> : null}
              </div>
            );
          })}
        </section>

        <section aria-labelledby="titolo-note" className="mb-4">
          <h2 id="titolo-note" className="h4">
            Note interne
          </h2>
          <p className="small">{m.riservato}</p>
          {d.azioni.note ? (
            <Form method="post" replace className="mb-3">
              <input type="hidden" name="csrf" value={d.csrf} />
              <input type="hidden" name="intent" value="nota" />
              <AreaTesto
                id="nota-testo"
                name="testo"
                etichetta="Nuova nota"
                defaultValue={esito?.intent === "nota" ? esito.valori.testo : ""}
                maxLength={MAX_NOTA}
                righe={4}
                errors={esito?.intent === "nota" ? esito.campi.testo : undefined}
              />
              <Pulsante type="submit" variante="secondario">
                Aggiungi la nota
              </Pulsante>
            </Form>
          ) : null}
          {d.note.length === 0 ? (
            <p>Nessuna nota.</p>
          ) : (
            <ul className="list-unstyled">
              {d.note.map((n) => (
                <li key={n.id} className="border-start border-4 ps-3 mb-3">
                  <p className="small text-muted mb-1">
                    {n.autore}, {n.quando}
                  </p>
                  {n.testo.split("\n").map((riga, k) => (
                    <p key={k} className="mb-0 text-break">
                      {riga}
                    </p>
                  ))}
                </li>
              ))}
            </ul>
          )}
        </section>

        <ElencoEsiti esiti={d.esitiInvio} titolo="Avvisi aperti al momento dell'invio" idTitolo="titolo-avvisi-invio" domandaId={d.id} />

        <section aria-labelledby="titolo-come-inviata" className="mb-4">
          <h2 id="titolo-come-inviata" className="h3">
            La domanda come è stata inviata
          </h2>
          <RiepilogoDomanda {...d.riepilogo} scaricabili />
        </section>

        <section aria-labelledby="titolo-registro" className="mb-4">
          <h2 id="titolo-registro" className="h4">
            Dati dell&apos;azienda negli archivi INPS
          </h2>
          <dl className="row">
            {d.registro.map((r) => (
              <Fragment key={r.etichetta}>
                <dt className="col-sm-4">{r.etichetta}</dt>
                <dd className="col-sm-8 text-break">{r.valore}</dd>
              </Fragment>
            ))}
          </dl>
        </section>

        <section aria-labelledby="titolo-uniemens" className="mb-4">
          <h2 id="titolo-uniemens" className="h4">
            UniEmens dell&apos;unità produttiva{d.unita ? `: ${d.unita}` : ""}
          </h2>
          {d.storico.length === 0 ? (
            <p>Nessun dato UniEmens per l&apos;unità nei 24 mesi precedenti.</p>
          ) : (
            <TabellaScorrevole etichetta="UniEmens dell'unità produttiva">
              {/* Alike the other tables of this page (duplicates): the same table markup (header cells, one row per item); the columns and cells are this table's own (Dati mensili degli ultimi 24 mesi, dal più recente) */}
              <table className="table table-sm">
                <caption>Dati mensili degli ultimi 24 mesi, dal più recente</caption>
                <thead>
                  <tr>
                    <th scope="col">Mese</th>
                    <th scope="col">Lavoratori</th>
                    <th scope="col">Ore lavorabili</th>
                    <th scope="col">Ore lavorate</th>
                    <th scope="col">Ore di integrazione</th>
                  </tr>
                </thead>
                <tbody>
                  {/* Alike RiepilogoDomanda.tsx's tables (duplicates): each section's table has its own columns (history of the unit, earlier domande, workers) */}
                  {d.storico.map((s) => (
                    <tr key={s.mese}>
                      <th scope="row">{s.mese}</th>
                      <td>{s.lavoratori}</td>
                      <td>{s.oreLavorabili}</td>
                      <td>{s.oreLavorate}</td>
                      <td>{s.oreCig}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TabellaScorrevole>
          )}
        </section>

        <section aria-labelledby="titolo-precedenti" className="mb-4">
          <h2 id="titolo-precedenti" className="h4">
            Altre domande della stessa unità produttiva
          </h2>
          {d.precedenti.length === 0 ? (
            <p>Nessun&apos;altra domanda inviata per questa unità.</p>
          ) : (
            <TabellaScorrevole etichetta="Altre domande della stessa unità produttiva">
              {/* Alike flussi._index.tsx, portafoglio.tsx, scrivania.pagamenti._index.tsx, scrivania.pagamenti.lotti.$id._index.tsx, the other tables of this page (duplicates): the same table markup (header cells, one row per item); the columns and cells are this table's own */}
              <table className="table table-sm">
                <caption>Domande inviate per l&apos;unità, dalla più recente: {d.precedenti.length}</caption>
                <thead>
                  <tr>
                    <th scope="col">Protocollo</th>
                    <th scope="col">Prestazione</th>
                    <th scope="col">Periodo richiesto</th>
                    <th scope="col">Stato</th>
                    <th scope="col">Ore fruite (UniEmens)</th>
                  </tr>
                </thead>
                <tbody>
                  {d.precedenti.map((p) => (
                    <tr key={p.id}>
                      <th scope="row">
                        <Link to={`/scrivania/${p.id}`}>{p.protocollo}</Link>
                      </th>
                      <td>{p.prestazione}</td>
                      <td>{p.periodo}</td>
                      <td>{p.stato}</td>
                      <td>{p.oreFruite}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TabellaScorrevole>
          )}
        </section>

        <CronologiaDomanda eventi={d.eventi} />
      </div>
    </div>
  );
}
