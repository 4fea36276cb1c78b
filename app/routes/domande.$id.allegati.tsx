import { dimensioneFile } from "~/domain/formati";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ModuloPasso } from "~/components/domanda/ModuloPasso";
import { CampoFile, Pulsante, Selezione, type VoceErrore } from "~/components/form";
import {
  CaricaAllegatoSchema,
  LIMITI_ALLEGATI,
  messaggiAllegati,
  NOMI_TIPI_ALLEGATO,
  type DatiAllegati,
} from "~/passi/schemi/allegati";
import { VersioneSchema } from "~/passi/schemi/comuni";
import { messaggiDomanda } from "~/testi";
import { richiediContesto } from "~/http/accesso.server";
import { caricaAllegato, catalogoPerDomanda, elencoAllegati, obbligatoriMancanti, rimuoviAllegato, verificaFileCaricato } from "~/services/allegati.server";
import { leggiFormConFile } from "~/http/allegati.server";
import { dopoIlPasso, salvaPasso } from "~/services/domande.server";
import { apriPasso, caricaDomanda } from "~/http/domanda.server";

export const handle = { titolo: "Allegati" };

interface ErroriAllegati {
  status: "error";
  errori: { file?: string; tipo?: string; modulo?: string };
  tipo: string | null;
}

const errore = (errori: ErroriAllegati["errori"], tipo: string | null = null, status = 422) =>
  json<ErroriAllegati>({ status: "error", errori, tipo }, { status });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { caricata, pagina } = await apriPasso(request, params, "allegati");
  const url = new URL(request.url);
  const catalogo = catalogoPerDomanda(caricata);
  const elenco = await elencoAllegati(caricata.domanda.id);
  return {
    ...pagina,
    fatto: url.searchParams.get("fatto"),
    catalogo: { ...catalogo, tipi: catalogo.tipi.map((t) => ({ valore: t, etichetta: NOMI_TIPI_ALLEGATO[t] })) },
    elenco: elenco.map((a) => ({ ...a, caricatoIl: a.caricatoIl.toISOString() })),
    spazioUsato: elenco.reduce((s, a) => s + a.dimensione, 0),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx, caricata, id } = await apriPasso(request, params, "allegati");
  const letto = await leggiFormConFile(request, ctx.sessione.csrfToken);
  if (!letto.ok) return errore({ file: `${letto.messaggio}. ${messaggiAllegati.sceglieDiNuovo}` });
  const formData = letto.formData;
  const versione = VersioneSchema.safeParse(formData.get("versione"));
  if (!versione.success) return errore({ modulo: messaggiDomanda.conflittoVersione }, null, 409);
  const intent = String(formData.get("intent") ?? "salva");
  const qui = `/domande/${id}/allegati${formData.get("ritorno") === "riepilogo" ? "?ritorno=riepilogo&" : "?"}`;

  if (intent.startsWith("rimuovi:")) {
    const allegatoId = Number(intent.slice("rimuovi:".length));
    if (!Number.isSafeInteger(allegatoId) || allegatoId <= 0) return errore({ modulo: messaggiAllegati.allegatoNonTrovato });
    const esito = await rimuoviAllegato(ctx, id, versione.data, allegatoId);
    if (!esito.ok) return "conflitto" in esito ? errore({ modulo: messaggiDomanda.conflittoVersione }, null, 409) : errore({ modulo: esito.messaggio });
    return redirect(`${qui}fatto=rimosso`, 303);
  }

  const file = formData.get("file");
  const sceltoFile = file instanceof File && !(file.name === "" && file.size === 0);
  if (intent === "carica" || sceltoFile) {
    const tipo = CaricaAllegatoSchema.safeParse({ tipo: formData.get("tipo") ?? undefined });
    const tipoAmmesso = tipo.success && catalogoPerDomanda(caricata).tipi.includes(tipo.data.tipo);
    const verificato = await verificaFileCaricato(file instanceof File ? file : null);
    const tipoScelto = typeof formData.get("tipo") === "string" ? String(formData.get("tipo")) : null;
    if (!tipoAmmesso || !verificato.ok) {
      return errore(
        {
          tipo: tipoAmmesso ? undefined : messaggiAllegati.tipo,
          file: verificato.ok ? undefined : `${verificato.messaggio}. ${messaggiAllegati.sceglieDiNuovo}`,
        },
        tipoScelto,
      );
    }
    const esito = await caricaAllegato(ctx, id, versione.data, tipo.data!.tipo, verificato.file);
    if (!esito.ok) {
      return "conflitto" in esito
        ? errore({ modulo: messaggiDomanda.conflittoVersione }, tipoScelto, 409)
        : errore({ file: `${esito.messaggio}. ${messaggiAllegati.sceglieDiNuovo}` }, tipoScelto);
    }
    if (intent === "carica") return redirect(`${qui}fatto=caricato`, 303);
    // "Salva e continua" with a chosen file: the file is kept, then the step completes on the next version.
    return completa(ctx, id, versione.data + 1, formData, caricata);
  }
  return completa(ctx, id, versione.data, formData, caricata);
}

async function completa(
  ctx: Awaited<ReturnType<typeof richiediContesto>>,
  id: number,
  versione: number,
  formData: FormData,
  caricata: Awaited<ReturnType<typeof caricaDomanda>>,
) {
  const elenco = (await elencoAllegati(id)).filter((a) => a.tipo !== "relazione_tecnica");
  const mancanti = obbligatoriMancanti(catalogoPerDomanda(caricata), elenco);
  if (mancanti) return errore({ tipo: mancanti });
  const valore: DatiAllegati = { numero: elenco.length };
  const esito = await salvaPasso(ctx, id, versione, { chiave: "allegati", valore });
  if (!esito.ok) return errore({ modulo: messaggiDomanda.conflittoVersione }, null, 409);
  return redirect(dopoIlPasso(id, "allegati", formData), 303);
}

export default function PassoAllegati() {
  const d = useLoaderData<typeof loader>();
  const risposta = useActionData<typeof action>() as ErroriAllegati | undefined;
  const e = risposta?.errori ?? {};
  const pieno = d.elenco.length >= LIMITI_ALLEGATI.numeroFile;
  const voci: VoceErrore[] = [
    ...(e.modulo ? [{ messaggio: e.modulo }] : []),
    ...(e.tipo ? [{ id: "allegato-tipo", messaggio: e.tipo }] : []),
    // With ten documents the form to add one is not shown: the error is text, not a link to a missing field.
    ...(e.file ? [{ id: pieno ? undefined : "allegato-file", messaggio: e.file }] : []),
  ];
  const mb = (byte: number) => (byte / (1024 * 1024)).toLocaleString("it-IT", { maximumFractionDigits: 1 });
  return (
    <ModuloPasso
      passo="allegati"
      idModulo="passo-allegati"
      domandaId={d.id}
      titolo="Allegati"
      didascalia={d.didascalia}
      csrf={d.csrf}
      versione={d.versione}
      ritorno={d.ritorno}
      errori={voci}
      encType="multipart/form-data"
      prima={
        <>
          {d.fatto === "caricato" || d.fatto === "rimosso" ? (
            <div className="alert alert-success" role="status">
              {d.fatto === "caricato" ? "Il documento è stato caricato." : "Il documento è stato rimosso."}
            </div>
          ) : null}
          <p>{d.catalogo.nota}</p>
          <p id="limiti-allegati">{messaggiAllegati.limiti}</p>
        </>
      }
    >
      {/* Alike the tables of domande.$id.relazione-tecnica.tsx and domande.richieste.tsx (duplicates): the same table frame with a hidden Azioni column; the columns are the attachments' own */}
      <table className="table">
        <caption>
          Documenti caricati: {d.elenco.length} di {LIMITI_ALLEGATI.numeroFile}, {mb(d.spazioUsato)} MB di{" "}
          {mb(LIMITI_ALLEGATI.byteTotali)} MB
        </caption>
        <thead>
          <tr>
            <th scope="col">Documento</th>
            <th scope="col">Tipo</th>
            <th scope="col">Dimensione</th>
            <th scope="col">
              <span className="visually-hidden">Azioni</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {d.elenco.length === 0 ? (
            <tr>
              <td colSpan={4}>Nessun documento caricato.</td>
            </tr>
          ) : (
            d.elenco.map((a) => (
              <tr key={a.id}>
                <th scope="row">
                  <Link to={`/domande/${d.id}/allegati/${a.id}`} reloadDocument>
                    {a.nomeFile}
                  </Link>
                </th>
                <td>{a.nomeTipo}</td>
                <td>{dimensioneFile(a.dimensione)}</td>
                <td>
                  {a.tipo === "relazione_tecnica" ? (
                    <Link to={`/domande/${d.id}/relazione-tecnica`}>Cambia nel passo Relazione tecnica</Link>
                  ) : (
                    <Pulsante variante="secondario" name="intent" value={`rimuovi:${a.id}`} className="btn-sm">
                      Rimuovi<span className="visually-hidden"> {a.nomeFile}</span>
                    </Pulsante>
                  )}
                </td>
              </tr>
            ))
          )}
        </tbody>
      </table>

      {pieno ? (
        <p>{messaggiAllegati.troppiFile}.</p>
      ) : (
        <fieldset className="mb-3">
          <legend className="h4">Aggiungi un documento</legend>
          <Selezione
            id="allegato-tipo"
            name="tipo"
            etichetta="Tipo di documento"
            opzioni={d.catalogo.tipi}
            defaultValue={risposta?.tipo ?? undefined}
            errors={e.tipo ? [e.tipo] : undefined}
          />
          <CampoFile
            id="allegato-file"
            name="file"
            etichetta="File PDF"
            suggerimento={messaggiAllegati.limiti}
            errors={e.file ? [e.file] : undefined}
            accept="application/pdf,.pdf"
          />
          <Pulsante variante="secondario" name="intent" value="carica">
            Carica il documento
          </Pulsante>
        </fieldset>
      )}
      <p>
        {d.catalogo.obbligatorio
          ? "Quando hai caricato i documenti richiesti, scegli «Salva e continua»."
          : "Gli allegati sono facoltativi per questa causale: se non ne hai, scegli «Salva e continua»."}
      </p>
    </ModuloPasso>
  );
}
