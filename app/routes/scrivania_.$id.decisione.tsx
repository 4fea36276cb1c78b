// The decision on a case (or its rettifica once decided): outcome, what is authorised and what is excluded with the
// reason, the motivazione (suggested from the checks, edited by the operator) → a confirmation page (a page, not a
// modal: same without JS) → the act is issued. Someone who acted first leaves a conflict page (409).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { AreaTesto, CampoData, CampoTesto, ErrorSummary, GruppoCheckbox, GruppoRadio, Pulsante, type VoceErrore } from "~/components/form";
import { CampoCsrf } from "~/components/form/CampoCsrf";
import { ConflittoIstruttoria } from "~/components/istruttoria/Conflitto";
import { formatDataItaliana as it, maxData } from "~/domain/date";
import { ETICHETTE_ESITO_DECISIONE, ETICHETTE_STATO_CONTROLLO, verificaRigettoPerCarenzaElementi } from "~/domain/istruttoria";
import { ETICHETTE_STATO, transizionePossibile } from "~/domain/stati";
import { formatNumero } from "~/domain/formati";
import { campoMotivoLavoratore, DecisioneSchema, ETICHETTE_DECISIONE as E, messaggiDecisione } from "~/passi/schemi/istruttoria";
import { leggiFormProtetto, richiediContesto } from "~/http/accesso.server";
import { type DomandaCaricata } from "~/services/domande.server";
import { caricaDomanda, idDomanda } from "~/http/domanda.server";
import { didascaliaDomanda } from "~/services/elenco-passi.server";
import {
  attiDellaDomanda,
  contestoDecisione,
  decidiDomanda,
  rettificaDecisione,
  suggerimento,
  verificaProposta,
  type ContestoDecisione,
  type InputDecisione,
} from "~/services/istruttoria/decisione.server";
import { oggi } from "~/services/orologio.server";

export const handle = { titolo: "Decisione sulla domanda" };

type Valori = Record<string, string | string[]>;

async function apri(request: Request, id?: string) {
  const ctx = await richiediContesto(request);
  const caricata = await caricaDomanda(request, ctx, idDomanda(id), "istruisci_domanda");
  const modo = transizionePossibile(caricata.domanda.stato, "decidi")
    ? ("decidi" as const)
    : transizionePossibile(caricata.domanda.stato, "rettifica")
      ? ("rettifica" as const)
      : null;
  return { ctx, caricata, modo };
}

function valoriIniziali(c: ContestoDecisione): Valori {
  const nonSuperati = c.controlli.some((x) => x.stato === "non_superato");
  return {
    esito: nonSuperati ? "respinta" : "autorizzata",
    dataInizio: it(maxData(c.richiesto.inizioCopertura, c.richiesto.periodo.inizio)),
    dataFine: it(c.richiesto.periodo.fine),
    oreAutorizzate: String(c.richiesto.oreRichieste),
    modalitaPagamento: c.richiesto.modalitaPagamento,
  };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx, caricata, modo } = await apri(request, params.id);
  const { domanda } = caricata;
  const base = {
    id: domanda.id,
    versione: domanda.versione,
    csrf: ctx.sessione.csrfToken,
    didascalia: `${didascaliaDomanda(caricata)} — domanda ${domanda.protocollo ?? ""}`,
    modo,
    etichettaStato: ETICHETTE_STATO[domanda.stato],
    atti: modo === "rettifica" ? await attiDellaDomanda(domanda) : [],
    emesso: new URL(request.url).searchParams.get("emesso"),
  };
  if (!modo) return { ...base, caso: null, valori: {} as Valori };
  const contesto = await contestoDecisione(caricata);
  const valori = valoriIniziali(contesto);
  const motivazione = suggerimento(contesto, caricata, inputDa(valori, contesto), oggi());
  return { ...base, caso: datiCaso(contesto), valori: { ...valori, motivazione } as Valori };
}

function datiCaso(c: ContestoDecisione) {
  const rigetto = verificaRigettoPerCarenzaElementi(c.richieste, oggi());
  return {
    periodo: `dal ${it(c.richiesto.periodo.inizio)} al ${it(c.richiesto.periodo.fine)}`,
    inizioCopertura: it(c.richiesto.inizioCopertura),
    tardiva: c.tardiva,
    ore: c.richiesto.oreRichieste,
    giorni: c.richiesto.giorni ?? null,
    modalita: c.richiesto.modalitaPagamento,
    lavoratori: c.lavoratori,
    controlli: c.controlli.map((x) => ({ titolo: x.titolo, stato: ETICHETTE_STATO_CONTROLLO[x.stato], spiegazione: x.spiegazione.join(" ") })),
    rigettoCarenza: { possibile: rigetto.gravita !== "bloccante", messaggio: rigetto.messaggio },
  };
}

/** The form's values as sent (kept for the page on error and for the confirmation's hidden fields). */
function valoriDa(formData: FormData): Valori {
  const v: Valori = {};
  for (const [k, x] of formData.entries()) {
    if (k === "csrf" || k === "intent" || typeof x !== "string") continue;
    const prima = v[k];
    v[k] = prima === undefined ? x : Array.isArray(prima) ? [...prima, x] : [prima, x];
  }
  return v;
}

const lista = (x: string | string[] | undefined) => (x === undefined ? [] : Array.isArray(x) ? x : [x]);
const uno = (x: string | string[] | undefined) => (Array.isArray(x) ? x[0] : x);

/** Lenient reading for the suggested text: what cannot be read is left out. */
function inputDa(v: Valori, c: ContestoDecisione): InputDecisione {
  const p = DecisioneSchema.partial().safeParse({ ...v, esclusi: lista(v.esclusi), giorniEsclusi: lista(v.giorniEsclusi), versione: undefined });
  const d = p.success ? p.data : {};
  const esito = (["autorizzata", "autorizzata_parziale", "respinta"] as const).find((e) => e === uno(v.esito)) ?? "autorizzata";
  const esclusi = lista(v.esclusi).filter((cf) => c.richiesto.lavoratori.includes(cf));
  return {
    esito,
    motivazione: uno(v.motivazione) ?? "",
    perCarenzaElementi: uno(v.perCarenzaElementi) === "si",
    periodo: d.dataInizio && d.dataFine ? { inizio: d.dataInizio, fine: d.dataFine } : null,
    oreAutorizzate: d.oreAutorizzate ?? null,
    esclusi: esclusi.map((cf) => ({ codiceFiscale: cf, motivo: (uno(v[campoMotivoLavoratore(cf)]) ?? "").trim() })),
    giorniEsclusi: lista(v.giorniEsclusi),
    motivoGiorni: uno(v.motivoGiorni) ?? "",
    motivoPeriodo: uno(v.motivoPeriodo) ?? "",
    motivoOre: uno(v.motivoOre) ?? "",
    modalitaPagamento: d.modalitaPagamento ?? null,
  };
}

/** Strict reading: the schema's errors per field, or the decision input. */
function leggi(formData: FormData, c: ContestoDecisione): { ok: true; input: InputDecisione; versione: number } | { ok: false; errori: Record<string, string[]> } {
  const v = valoriDa(formData);
  const r = DecisioneSchema.safeParse({ ...v, esclusi: lista(v.esclusi), giorniEsclusi: lista(v.giorniEsclusi), ...Object.fromEntries(["esito", "motivazione", "versione", "dataInizio", "dataFine", "oreAutorizzate", "motivoPeriodo", "motivoOre", "motivoGiorni", "modalitaPagamento", "perCarenzaElementi"].map((k) => [k, uno(v[k])])) });
  if (!r.success) {
    const errori: Record<string, string[]> = {};
    for (const i of r.error.issues) {
      const campo = String(i.path[0] ?? "esito");
      (errori[campo] ??= []).push(i.message);
    }
    return { ok: false, errori };
  }
  const esclusi = r.data.esclusi.filter((cf) => c.richiesto.lavoratori.includes(cf));
  const motivi: Record<string, string[]> = {};
  const conMotivo = esclusi.map((cf) => {
    const motivo = (uno(v[campoMotivoLavoratore(cf)]) ?? "").trim();
    if (!motivo && r.data.esito !== "respinta") motivi[campoMotivoLavoratore(cf)] = ["Indica il motivo dell'esclusione di questo lavoratore"];
    return { codiceFiscale: cf, motivo };
  });
  if (Object.keys(motivi).length) return { ok: false, errori: motivi };
  const d = r.data;
  const respinta = d.esito === "respinta";
  if (!respinta && (!d.dataInizio || !d.dataFine)) {
    return { ok: false, errori: { [d.dataInizio ? "dataFine" : "dataInizio"]: [d.dataInizio ? messaggiDecisione.fineFormato : messaggiDecisione.inizioFormato] } };
  }
  return {
    ok: true,
    versione: d.versione,
    input: {
      esito: d.esito,
      motivazione: d.motivazione,
      perCarenzaElementi: respinta && d.perCarenzaElementi === "si",
      periodo: !respinta && d.dataInizio && d.dataFine ? { inizio: d.dataInizio, fine: d.dataFine } : null,
      oreAutorizzate: respinta ? null : (d.oreAutorizzate ?? null),
      esclusi: respinta ? [] : conMotivo,
      giorniEsclusi: respinta ? [] : d.giorniEsclusi,
      motivoGiorni: d.motivoGiorni ?? "",
      motivoPeriodo: d.motivoPeriodo ?? "",
      motivoOre: d.motivoOre ?? "",
      modalitaPagamento: respinta ? null : (d.modalitaPagamento ?? c.richiesto.modalitaPagamento),
    },
  };
}

function errore(valori: Valori, errori: Record<string, string[]>, status = 422) {
  return json({ fase: "modulo" as const, status: "error" as const, valori, errori }, { status });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx, caricata, modo } = await apri(request, params.id);
  const id = caricata.domanda.id;
  const formData = await leggiFormProtetto(request, ctx.sessione.csrfToken);
  if (!modo) return json({ fase: "conflitto" as const, conErrori: true }, { status: 409 });
  const intent = String(formData.get("intent") ?? "verifica");
  const valori = valoriDa(formData);
  const contesto = await contestoDecisione(caricata);
  if (intent === "suggerisci") {
    const testo = suggerimento(contesto, caricata, inputDa(valori, contesto), oggi());
    return json({ fase: "modulo" as const, valori: { ...valori, motivazione: testo }, errori: {} as Record<string, string[]>, suggerito: true });
  }
  if (intent === "modifica") return json({ fase: "modulo" as const, valori, errori: {} as Record<string, string[]> });
  const letto = leggi(formData, contesto);
  if (!letto.ok) return errore(valori, letto.errori);
  if (intent === "conferma") {
    const esegui = modo === "decidi" ? decidiDomanda : rettificaDecisione;
    const esito = await esegui(ctx, id, letto.versione, letto.input);
    if (!esito.ok) {
      if (esito.motivo === "conflitto") return json({ fase: "conflitto" as const, conErrori: true }, { status: 409 });
      if (esito.motivo === "non_trovato") throw new Response("Pagina non trovata", { status: 404 });
      return errore(valori, esito.campi);
    }
    return redirect(`/scrivania/${id}/decisione?emesso=${encodeURIComponent(esito.valore.numero)}`, 303);
  }
  const verifica = await verificaProposta(caricata, letto.input);
  if (!verifica.ok) return errore(valori, verifica.motivo === "non_valido" ? verifica.campi : {});
  return json({ fase: "conferma" as const, valori, riepilogo: riepilogo(letto.input, contesto, caricata) });
}

function riepilogo(input: InputDecisione, c: ContestoDecisione, caricata: DomandaCaricata) {
  const nomi = new Map(c.lavoratori.map((l) => [l.codiceFiscale, l.nominativo]));
  const righe: Array<[string, string]> = [["Esito", ETICHETTE_ESITO_DECISIONE[input.esito]]];
  if (input.esito === "respinta") {
    righe.push(["Rigetto per mancanza di elementi di valutazione", input.perCarenzaElementi ? "Sì" : "No"]);
  } else {
    if (input.periodo) righe.push(["Periodo autorizzato", `dal ${it(input.periodo.inizio)} al ${it(input.periodo.fine)}`]);
    righe.push(["Ore autorizzate", `${formatNumero(input.oreAutorizzate ?? 0)} su ${formatNumero(c.richiesto.oreRichieste)} richieste`]);
    righe.push(["Lavoratori autorizzati", `${c.richiesto.lavoratori.length - input.esclusi.length} su ${c.richiesto.lavoratori.length}`]);
    if (c.richiesto.giorni) {
      const giorni = c.richiesto.giorni.filter((g) => !input.giorniEsclusi.includes(g));
      righe.push(["Giorni autorizzati", giorni.map(it).join(", ") || "nessuno"]);
    }
    righe.push(["Modalità di pagamento", input.modalitaPagamento === "diretto" ? "Pagamento diretto dell'INPS" : "Conguaglio con UniEmens"]);
  }
  const esclusioni = [
    ...input.esclusi.map((e) => `${nomi.get(e.codiceFiscale) ?? e.codiceFiscale} (${e.codiceFiscale}): ${e.motivo}`),
    ...(input.giorniEsclusi.length ? [`Giorni ${input.giorniEsclusi.map(it).join(", ")}: ${input.motivoGiorni}`] : []),
    ...(input.motivoPeriodo.trim() ? [`Periodo: ${input.motivoPeriodo}`] : []),
    ...(input.motivoOre.trim() ? [`Ore: ${input.motivoOre}`] : []),
  ];
  return { righe, esclusioni: input.esito === "respinta" ? [] : esclusioni, motivazione: input.motivazione, protocollo: caricata.domanda.protocollo };
}

const ORDINE_CAMPI = ["esito", "perCarenzaElementi", "dataInizio", "dataFine", "motivoPeriodo", "oreAutorizzate", "motivoOre", "modalitaPagamento", "esclusi", "giorniEsclusi", "motivoGiorni", "motivazione"];

export default function Decisione() {
  const d = useLoaderData<typeof loader>();
  const r = useActionData<typeof action>();
  if (r?.fase === "conflitto") {
    return <ConflittoIstruttoria domandaId={d.id} stato={d.etichettaStato} messaggio={messaggiDecisione.conflitto} />;
  }
  if (!d.modo || !d.caso) {
    return (
      <div className="row">
        <div className="col-12 col-lg-9">
          <p className="text-muted mb-1">{d.didascalia}</p>
          <h1>Decisione sulla domanda</h1>
          <p>
            Stato della domanda: <strong>{d.etichettaStato}</strong>. In questo stato non si può decidere: la domanda va
            prima presa in carico, e se è sospesa si attende la risposta dell&apos;azienda o la scadenza della richiesta.
          </p>
          <Link to={`/scrivania/${d.id}`}>Torna alla pratica</Link>
        </div>
      </div>
    );
  }
  const caso = d.caso;
  const titolo = d.modo === "rettifica" ? "Rettifica della decisione" : "Decisione sulla domanda";
  if (r?.fase === "conferma") {
    return (
      <div className="row">
        <div className="col-12 col-lg-9">
          <p className="text-muted mb-1">{d.didascalia}</p>
          <h1>Controlla la decisione prima di emetterla</h1>
          <p>
            Il provvedimento è definitivo: dopo la conferma si può correggere solo con una rettifica, cioè un nuovo
            atto. L&apos;azienda lo vede subito sulla piattaforma.
          </p>
          <dl className="row">
            {r.riepilogo.righe.map(([k, v]) => (
              <div key={k} className="col-12 d-sm-flex">
                <dt className="col-sm-5">{k}</dt>
                <dd className="col-sm-7">{v}</dd>
              </div>
            ))}
          </dl>
          {r.riepilogo.esclusioni.length ? (
            <>
              <h2 className="h4">Che cosa è escluso e perché</h2>
              <ul>
                {r.riepilogo.esclusioni.map((e, i) => (
                  <li key={i}>{e}</li>
                ))}
              </ul>
            </>
          ) : null}
          <h2 className="h4">Motivazione</h2>
          <p className="testo-libero">{r.riepilogo.motivazione}</p>
          <Form method="post" replace>
            <CampoCsrf token={d.csrf} />
            {Object.entries(r.valori).flatMap(([k, v]) =>
              lista(v).map((x, i) => <input key={`${k}-${i}`} type="hidden" name={k} value={x} />),
            )}
            <div className="mt-4 d-flex flex-wrap gap-3 align-items-center">
              <Pulsante type="submit" name="intent" value="conferma">
                {d.modo === "rettifica" ? "Conferma ed emetti la rettifica" : "Conferma ed emetti il provvedimento"}
              </Pulsante>
              <Pulsante type="submit" name="intent" value="modifica" variante="secondario">
                Modifica la decisione
              </Pulsante>
            </div>
          </Form>
        </div>
      </div>
    );
  }
  const valori: Valori = r && "valori" in r ? r.valori : d.valori;
  const errori: Record<string, string[]> = r && "errori" in r ? r.errori : {};
  const err = (k: string) => errori[k];
  const voci: VoceErrore[] = Object.keys(errori)
    .sort((a, b) => (ORDINE_CAMPI.indexOf(a) === -1 ? 99 : ORDINE_CAMPI.indexOf(a)) - (ORDINE_CAMPI.indexOf(b) === -1 ? 99 : ORDINE_CAMPI.indexOf(b)))
    .map((k) => ({ id: k.startsWith("motivo-") ? `decisione-${k}` : `decisione-${k}`, messaggio: errori[k][0] }));
  const esclusi = lista(valori.esclusi);
  return (
    <div className="row">
      <div className="col-12 col-lg-9">
        <ErrorSummary errori={voci} />
        <p className="text-muted mb-1">{d.didascalia}</p>
        {d.emesso ? (
          <div className="alert alert-success" role="status">
            Provvedimento n. {d.emesso} emesso: l&apos;azienda lo vede sulla sua domanda.
          </div>
        ) : null}
        <h1>{titolo}</h1>
        {d.atti.length ? (
          // Alike scrivania._index.tsx's nav (duplicates): a landmark labelled by its heading; the contents are the
          // issued acts
          <section aria-labelledby="titolo-atti" className="mb-4">
            <h2 id="titolo-atti" className="h4">
              Provvedimenti emessi
            </h2>
            <ul>
              {d.atti.map((a) => (
                <li key={a.id}>
                  <a href={`/scrivania/${d.id}/provvedimento.pdf?atto=${a.id}`} download>
                    Provvedimento n. {a.numero} del {it(a.dataDecisione)} (PDF)
                  </a>
                  : {a.etichettaEsito.toLowerCase()}
                  {a.rettificaDi ? `, rettifica del n. ${a.rettificaDi.numero}` : ""}
                  {a.rettificatoDa ? `, rettificato dal n. ${a.rettificatoDa.numero}` : ""}.
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {r && "suggerito" in r ? (
          <div className="alert alert-info" role="status">
            Il testo suggerito della motivazione è stato aggiornato: controllalo e modificalo.
          </div>
        ) : null}
        {d.modo === "rettifica" && d.atti[0] ? (
          <p>
            Correggi il provvedimento n. <strong>{d.atti[0].numero}</strong> del {it(d.atti[0].dataDecisione)} (
            {d.atti[0].etichettaEsito.toLowerCase()}). L&apos;atto resta agli atti: la rettifica è un nuovo provvedimento
            che lo cita.
          </p>
        ) : null}
        <p>
          Richiesto: periodo {caso.periodo}, {formatNumero(caso.ore)} ore, {caso.lavoratori.length}{" "}
          {caso.lavoratori.length === 1 ? "lavoratore" : "lavoratori"}.
          {caso.tardiva ? ` La domanda è tardiva: il periodo autorizzato può iniziare al più presto il ${caso.inizioCopertura}.` : ""}
        </p>
        <details className="mb-3">
          <summary>Controlli automatici ({caso.controlli.length})</summary>
          <ul>
            {caso.controlli.map((c) => (
              <li key={c.titolo}>
                <strong>{c.titolo}</strong>: {c.stato}. {c.spiegazione}
              </li>
            ))}
          </ul>
        </details>
        <Form method="post" noValidate replace id="modulo-decisione">
          <CampoCsrf token={d.csrf} />
          <input type="hidden" name="versione" value={d.versione} />
          {/* Alike each other (duplicates): every field of the decision is its own question, written one by one in the order the operator reads them */}
          <GruppoRadio
            id="decisione-esito"
            name="esito"
            legenda={E.esito}
            errors={err("esito")}
            defaultValue={uno(valori.esito)}
            scelte={[
              { valore: "autorizzata", etichetta: "Autorizzata", suggerimento: "Tutto ciò che è richiesto, nel periodo copribile." },
              { valore: "autorizzata_parziale", etichetta: "Autorizzata parzialmente", suggerimento: "Meno settimane, ore o giorni, o alcuni lavoratori esclusi: indica il motivo di ogni esclusione." },
              { valore: "respinta", etichetta: "Respinta" },
            ]}
          />
          <GruppoCheckbox
            id="decisione-perCarenzaElementi"
            name="perCarenzaElementi"
            legenda="Solo per il rigetto"
            errors={err("perCarenzaElementi")}
            defaultValue={uno(valori.perCarenzaElementi)}
            suggerimento={caso.rigettoCarenza.messaggio}
            scelte={[{ valore: "si", etichetta: E.perCarenzaElementi }]}
          />
          <fieldset className="mb-3">
            <legend className="h4">Che cosa autorizzi</legend>
            <p className="form-text">Non serve compilare questa parte se respingi la domanda.</p>
            <CampoData id="decisione-dataInizio" name="dataInizio" etichetta={E.dataInizio} errors={err("dataInizio")} defaultValue={uno(valori.dataInizio)} />
            <CampoData id="decisione-dataFine" name="dataFine" etichetta={E.dataFine} errors={err("dataFine")} defaultValue={uno(valori.dataFine)} />
            <CampoTesto id="decisione-motivoPeriodo" name="motivoPeriodo" etichetta={E.motivoPeriodo} facoltativo errors={err("motivoPeriodo")} defaultValue={uno(valori.motivoPeriodo)} suggerimento="Solo se autorizzi un periodo più breve." />
            <CampoTesto id="decisione-oreAutorizzate" name="oreAutorizzate" etichetta={E.oreAutorizzate} inputMode="numeric" larghezza={10} errors={err("oreAutorizzate")} defaultValue={uno(valori.oreAutorizzate)} />
            <CampoTesto id="decisione-motivoOre" name="motivoOre" etichetta={E.motivoOre} facoltativo errors={err("motivoOre")} defaultValue={uno(valori.motivoOre)} suggerimento="Solo se autorizzi meno ore." />
            {caso.modalita === "diretto" ? (
              <GruppoRadio
                id="decisione-modalitaPagamento"
                name="modalitaPagamento"
                legenda={E.modalitaPagamento}
                errors={err("modalitaPagamento")}
                defaultValue={uno(valori.modalitaPagamento)}
                scelte={[
                  { valore: "diretto", etichetta: "Pagamento diretto dell'INPS" },
                  { valore: "conguaglio", etichetta: "Conguaglio con UniEmens", suggerimento: "Se l'azienda non ha dimostrato le difficoltà finanziarie." },
                ]}
              />
            ) : (
              <input type="hidden" name="modalitaPagamento" value="conguaglio" />
            )}
          </fieldset>
          <fieldset className="mb-3" aria-describedby="decisione-esclusi-hint">
            <legend className="h4">{E.esclusi}</legend>
            <p id="decisione-esclusi-hint" className="form-text">
              Spunta chi escludi e scrivi il motivo: l&apos;azienda lo legge nel provvedimento.
            </p>
            {err("esclusi") ? (
              <p id="decisione-esclusi-error" className="messaggio-errore">
                <span className="visually-hidden">Errore: </span>
                {err("esclusi")![0]}
              </p>
            ) : null}
            <span id="decisione-esclusi" tabIndex={-1} />
            {caso.lavoratori.map((l) => (
              <div key={l.codiceFiscale} className="mb-2">
                <div className="form-check">
                  <input
                    id={`escluso-${l.codiceFiscale}`}
                    type="checkbox"
                    name="esclusi"
                    value={l.codiceFiscale}
                    defaultChecked={esclusi.includes(l.codiceFiscale)}
                  />
                  <label htmlFor={`escluso-${l.codiceFiscale}`}>
                    Escludi {l.nominativo} ({l.codiceFiscale}, {l.qualifica})
                  </label>
                </div>
                <CampoTesto
                  id={`decisione-${campoMotivoLavoratore(l.codiceFiscale)}`}
                  name={campoMotivoLavoratore(l.codiceFiscale)}
                  etichetta={`Motivo dell'esclusione di ${l.nominativo}`}
                  facoltativo
                  errors={err(campoMotivoLavoratore(l.codiceFiscale))}
                  defaultValue={uno(valori[campoMotivoLavoratore(l.codiceFiscale)])}
                />
              </div>
            ))}
          </fieldset>
          {caso.giorni ? (
            <>
              <GruppoCheckbox
                id="decisione-giorniEsclusi"
                name="giorniEsclusi"
                legenda={E.giorniEsclusi}
                errors={err("giorniEsclusi")}
                defaultValue={lista(valori.giorniEsclusi)}
                scelte={caso.giorni.map((g) => ({ valore: g, etichetta: it(g) }))}
                facoltativo
              />
              <CampoTesto id="decisione-motivoGiorni" name="motivoGiorni" etichetta={E.motivoGiorni} facoltativo errors={err("motivoGiorni")} defaultValue={uno(valori.motivoGiorni)} />
            </>
          ) : null}
          <AreaTesto
            id="decisione-motivazione"
            name="motivazione"
            etichetta={E.motivazione}
            errors={err("motivazione")}
            defaultValue={uno(valori.motivazione)}
            righe={14}
            suggerimento="Testo suggerito dai controlli e dalle richieste all'azienda: modificalo perché dia conto dei fatti e dei documenti esaminati (art. 11 c.1 D.M. 95442/2016, msg INPS 1396/2018)."
          />
          <p>
            <Pulsante type="submit" name="intent" value="suggerisci" variante="secondario">
              Aggiorna il testo suggerito per l&apos;esito scelto
            </Pulsante>
          </p>
          <div className="mt-4 d-flex flex-wrap gap-3 align-items-center">
            <Pulsante type="submit" name="intent" value="verifica">
              Continua
            </Pulsante>
            <Link to={`/scrivania/${d.id}`}>Torna alla pratica</Link>
          </div>
        </Form>
      </div>
    </div>
  );
}
