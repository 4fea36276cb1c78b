import type { SubmissionResult } from "@conform-to/react";
import { analizzaModulo } from "~/http/modulo.server";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ModuloPasso, usaModuloPasso } from "~/components/domanda/ModuloPasso";
import { AreaTesto, CampoFile, CampoTesto, GruppoCheckbox, GruppoRadio, daConform } from "~/components/form";
import { MessaggioErrore } from "~/components/form/comuni";
import { LIMITI_ALLEGATI, messaggiAllegati, tipoCausaleDocumenti } from "~/passi/schemi/allegati";
import {
  LIMITI_TESTO_RELAZIONE,
  MAX_PERIODI,
  creaSchemaRelazione,
  ETICHETTE_GRANULARITA,
  ETICHETTE_MODALITA_RELAZIONE,
  ETICHETTE_RELAZIONE as E,
  datiRelazione,
  messaggiRelazione as m,
  valoriModuloRelazione,
  type ValoriModuloRelazione,
} from "~/passi/schemi/relazione-tecnica";
import { ErroreAllegato, elencoAllegati, inserisciAllegato, rimuoviAllegatiDiTipo, verificaFileCaricato, type FileVerificato } from "~/services/allegati.server";
import { leggiFormConFile } from "~/http/allegati.server";
import { rispostaFallimento } from "~/http/risposta.server";
import { type DomandaCaricata, dopoIlPasso, salvaPasso } from "~/services/domande.server";
import { apriPasso } from "~/http/domanda.server";
import { TabellaScorrevole } from "~/components/layout/TabellaScorrevole";

export const handle = { titolo: "Relazione tecnica" };

// Market causes (lack of orders, crisis) rest on the trend of turnover and orders: the indicators are required there.
function indicatoriObbligatori({ risposte }: DomandaCaricata): boolean {
  return tipoCausaleDocumenti(risposte.periodo?.causale) === "mercato";
}

async function pdfEsistente(domandaId: number) {
  return (await elencoAllegati(domandaId)).find((a) => a.tipo === "relazione_tecnica") ?? null;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { caricata, pagina } = await apriPasso(request, params, "relazione-tecnica");
  const { domanda } = caricata;
  const pdf = await pdfEsistente(domanda.id);
  return {
    ...pagina,
    indicatoriObbligatori: indicatoriObbligatori(caricata),
    pdf: pdf ? { id: pdf.id, nomeFile: pdf.nomeFile } : null,
    valori: valoriModuloRelazione(caricata.risposte.relazioneTecnica ?? undefined),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx, caricata, id } = await apriPasso(request, params, "relazione-tecnica");
  // The report's form sends its text fields and up to MAX_PERIODI rows of four indicators next to the optional file.
  const letto = await leggiFormConFile(request, ctx.sessione.csrfToken, 20 + 4 * MAX_PERIODI);
  if (!letto.ok) {
    const risultato: SubmissionResult<string[]> = { status: "error", error: { file: [`${letto.messaggio}. ${messaggiAllegati.sceglieDiNuovo}`] } };
    return json(risultato, { status: 422 });
  }
  const formData = letto.formData;
  const schema = creaSchemaRelazione({ indicatoriObbligatori: indicatoriObbligatori(caricata) });
  const submission = analizzaModulo(formData, schema);
  // "Aggiungi periodo" / "Rimuovi": the same page again with one row more or less and every typed value; nothing saved.
  if (submission.status === undefined) return json(submission.reply(), { status: 200 });
  if (submission.status !== "success") return json(submission.reply(), { status: 422 });

  const v = submission.value;
  let nuovoPdf: FileVerificato | null = null;
  let nomeFile: string | null = null;
  if (v.modalita === "pdf") {
    const file = formData.get("file");
    const scelto = file instanceof File && !(file.name === "" && file.size === 0);
    const esistente = await pdfEsistente(id);
    if (scelto) {
      const verificato = await verificaFileCaricato(file);
      if (!verificato.ok) {
        return json(submission.reply({ fieldErrors: { file: [`${verificato.messaggio}. ${messaggiAllegati.sceglieDiNuovo}`] } }), { status: 422 });
      }
      nuovoPdf = verificato.file;
      nomeFile = verificato.file.nome;
    } else if (esistente) {
      nomeFile = esistente.nomeFile;
    } else {
      return json(submission.reply({ fieldErrors: { file: [m.pdfMancante] } }), { status: 422 });
    }
  }
  try {
    const esito = await salvaPasso(
      ctx,
      id,
      Number(formData.get("versione")),
      { chiave: "relazioneTecnica", valore: datiRelazione(v, nomeFile) },
      async (tx) => {
        // The structured report replaces a PDF given earlier; a new PDF replaces the previous one.
        if (v.modalita === "strutturata" || nuovoPdf) await rimuoviAllegatiDiTipo(tx, id, "relazione_tecnica");
        if (nuovoPdf) await inserisciAllegato(tx, ctx, id, "relazione_tecnica", nuovoPdf);
      },
    );
    if (!esito.ok) return rispostaFallimento(esito, formData);
  } catch (e) {
    if (e instanceof ErroreAllegato) {
      return json(submission.reply({ fieldErrors: { file: [`${e.messaggio}. ${messaggiAllegati.sceglieDiNuovo}`] } }), { status: 422 });
    }
    throw e;
  }
  return redirect(dopoIlPasso(id, "relazione-tecnica", formData), 303);
}

const COLONNE = [
  { chiave: "periodo", intestazione: "Periodo", larghezza: 10 },
  { chiave: "fatturato", intestazione: "Fatturato (€)", larghezza: undefined },
  { chiave: "ordini", intestazione: "Ordini in portafoglio (€)", larghezza: undefined },
  { chiave: "risultatoOperativo", intestazione: "Risultato operativo (€)", larghezza: undefined },
] as const;

export default function PassoRelazioneTecnica() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { form, fields, cornice } = usaModuloPasso<ValoriModuloRelazione>("relazione-tecnica", d, { id: "passo-relazione", lastResult, defaultValue: d.valori as ValoriModuloRelazione });
  const righe = fields.indicatori.getFieldList();
  const [modalita, descrizione, misure, prospettive, granularita, dichiarazione] = [
    fields.modalita,
    fields.descrizione,
    fields.misure,
    fields.prospettive,
    fields.granularita,
    fields.dichiarazione,
  ].map((f) => daConform(f));
  const celle = righe.map((r) => {
    const c = r.getFieldset();
    return [c.periodo, c.fatturato, c.ordini, c.risultatoOperativo].map((f) => daConform(f));
  });
  const file = daConform(fields.file);
  const elencoIndicatori = { id: "indicatori", name: fields.indicatori.name, errors: fields.indicatori.errors };
  const campiInOrdine = [modalita, descrizione, misure, prospettive, granularita, elencoIndicatori, ...celle.flat(), { ...file, id: "relazione-file" }, dichiarazione];
  const mb = LIMITI_ALLEGATI.byteFile / (1024 * 1024);
  return (
    <ModuloPasso
      {...cornice(campiInOrdine)}
      titolo="Relazione tecnica"
      encType="multipart/form-data"
      prima={
        <p>
          La relazione spiega perché l&apos;attività è sospesa o ridotta e mostra con elementi oggettivi che l&apos;azienda
          resta operativa sul mercato. La Sede valuta la situazione al momento in cui è iniziata la sospensione.
        </p>
      }
    >
      {/* Alike domande.$id.periodo.tsx's and domande.$id.pagamento.tsx's GruppoRadio (duplicates): GruppoRadio is the shared piece; the legend and choices are this question's own */}
      <GruppoRadio
        {...modalita}
        legenda={E.modalita}
        scelte={[
          { valore: "strutturata", etichetta: ETICHETTE_MODALITA_RELAZIONE.strutturata },
          { valore: "pdf", etichetta: ETICHETTE_MODALITA_RELAZIONE.pdf },
        ]}
      />

      <fieldset className="mb-4">
        <legend className="h4">Relazione nei campi della domanda</legend>
        <p className="form-text">Compila questa parte se hai scelto di compilare i campi.</p>
        <AreaTesto
          {...descrizione}
          etichetta={E.descrizione}
          suggerimento={`Al massimo ${LIMITI_TESTO_RELAZIONE.descrizione} caratteri.`}
          maxLength={LIMITI_TESTO_RELAZIONE.descrizione}
        />
        <AreaTesto
          {...misure}
          etichetta={E.misure}
          suggerimento={`Al massimo ${LIMITI_TESTO_RELAZIONE.misure} caratteri.`}
          maxLength={LIMITI_TESTO_RELAZIONE.misure}
        />
        <AreaTesto
          {...prospettive}
          etichetta={E.prospettive}
          suggerimento={`Ad esempio nuovi ordini, partecipazione a gare, contratti. Al massimo ${LIMITI_TESTO_RELAZIONE.prospettive} caratteri.`}
          maxLength={LIMITI_TESTO_RELAZIONE.prospettive}
        />
        <GruppoRadio
          {...granularita}
          legenda={E.granularita}
          inLinea
          facoltativo={!d.indicatoriObbligatori}
          scelte={[
            { valore: "anno", etichetta: ETICHETTE_GRANULARITA.anno },
            { valore: "trimestre", etichetta: ETICHETTE_GRANULARITA.trimestre },
          ]}
        />
        <div id="indicatori" tabIndex={-1}>
          {fields.indicatori.errors?.[0] ? <MessaggioErrore id="indicatori" messaggio={fields.indicatori.errors[0]} /> : null}
          <TabellaScorrevole etichetta="Indicatori economico-finanziari">
            {/* Alike the tables of domande.$id.allegati.tsx and domande.richieste.tsx (duplicates): the same table frame with a hidden Azioni column; the columns are the indicators' periods */}
            <table className="table">
              <caption>
                Indicatori economico-finanziari, in euro con la virgola per i decimali
                {d.indicatoriObbligatori ? "" : " (facoltativi per questa causale)"}; il risultato operativo può essere
                negativo. Al massimo {MAX_PERIODI} periodi.
              </caption>
              <thead>
                <tr>
                  {COLONNE.map((c) => (
                    <th key={c.chiave} scope="col">
                      {c.intestazione}
                    </th>
                  ))}
                  <th scope="col">
                    <span className="visually-hidden">Azioni</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {righe.map((riga, i) => (
                  // A row added by "Aggiungi periodo" without JS comes back from the server's reply with no key.
                  <tr key={riga.key ?? `nuova-${i}`}>
                    {celle[i].map((campo, j) => (
                      <td key={campo.id}>
                        <CampoTesto
                          id={campo.id}
                          name={campo.name}
                          errors={campo.errors}
                          defaultValue={campo.defaultValue}
                          etichetta={`${COLONNE[j].intestazione}, riga ${i + 1}`}
                          inputMode={j === 0 ? undefined : "decimal"}
                          maxLength={j === 0 ? 7 : 24}
                          spellCheck={false}
                          autoComplete="off"
                          larghezza={COLONNE[j].larghezza}
                          inTabella
                        />
                      </td>
                    ))}
                    <td>
                      <button
                        className="btn btn-outline-primary btn-sm"
                        {...form.remove.getButtonProps({ name: fields.indicatori.name as string, index: i })}
                      >
                        Rimuovi<span className="visually-hidden">{` la riga ${i + 1}`}</span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TabellaScorrevole>
          {righe.length < MAX_PERIODI ? (
            <button className="btn btn-outline-primary" {...form.insert.getButtonProps({ name: fields.indicatori.name as string })}>
              Aggiungi periodo
            </button>
          ) : null}
        </div>
      </fieldset>

      <fieldset className="mb-4">
        <legend className="h4">Relazione in PDF</legend>
        {d.pdf ? (
          <p>
            Hai già allegato{" "}
            <a href={`/domande/${d.id}/allegati/${d.pdf.id}`} download>
              {d.pdf.nomeFile}
            </a>
            : sceglie un nuovo file solo se vuoi sostituirlo.
          </p>
        ) : null}
        <CampoFile
          id="relazione-file"
          name={file.name}
          etichetta="File PDF della relazione tecnica, firmata dal legale rappresentante"
          suggerimento={`Solo se hai scelto di allegare la relazione. Un file PDF di al massimo ${mb} MB. Dopo un errore il file va scelto di nuovo.`}
          errors={file.errors}
          accept="application/pdf,.pdf"
        />
      </fieldset>

      <GruppoCheckbox
        {...dichiarazione}
        defaultValue={dichiarazione.defaultOptions ?? dichiarazione.defaultValue}
        legenda={E.dichiarazione}
        suggerimento="Chi dichiara il falso è punito ai sensi dell'art. 76 del DPR 445/2000 e decade dai benefici ottenuti."
        scelte={[
          {
            valore: "si",
            etichetta:
              "Dichiaro, ai sensi dell'art. 47 del DPR 445/2000, che quanto indicato nella relazione tecnica corrisponde al vero",
          },
        ]}
      />
    </ModuloPasso>
  );
}
