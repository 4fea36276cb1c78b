// The bank's status report (pain.002.001.03) for a sent batch: an operator of the batch's sede, not the one who
// prepared it, uploads the file; paid transfers stay paid, rejected ones go back to the exceptions with the bank's
// reason, the batch gets its outcome. The same file twice changes nothing. Plain form: works without JavaScript.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { CampoFile, ErrorSummary, Pulsante } from "~/components/form";
import { CampoCsrf } from "~/components/form/CampoCsrf";
import { LIMITI_ESITO } from "~/domain/pagamenti/esito-banca";
import { leggiMultipart } from "~/http/corpo-richiesta.server";
import { rispostaFallimento } from "~/http/risposta.server";
import { leggiFormProtetto, richiediContesto, richiediSede, rispostaNonTrovata } from "~/http/accesso.server";
import { registraEsitoBanca } from "~/services/pagamenti/esiti-banca.server";
import { dettaglioLotto } from "~/services/pagamenti/lotti.server";

export const handle = { titolo: "Esito della banca" };

const MESSAGGI = {
  file: "Scegli il file dell'esito della banca (XML pain.002.001.03)",
  troppoGrande: `Il file supera i ${LIMITI_ESITO.byte / 1024 / 1024} MB ammessi per un esito`,
} as const;

async function apri(request: Request, id: string | undefined) {
  const ctx = await richiediContesto(request);
  richiediSede(ctx);
  const n = Number(id);
  const lotto = ctx.ruolo === "operatore_sede" && Number.isSafeInteger(n) ? await dettaglioLotto(ctx, n) : null;
  if (!lotto || (lotto.lotto.stato !== "inviato" && lotto.lotto.stato !== "esito_ricevuto")) throw rispostaNonTrovata();
  return { ctx, lotto };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx, lotto } = await apri(request, params.id);
  return { csrf: ctx.sessione.csrfToken, id: lotto.lotto.id, messaggioId: lotto.lotto.messaggioId, preparatoDaMe: lotto.lotto.preparatoDa === ctx.utente.id };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx, lotto } = await apri(request, params.id);
  const letto = await leggiMultipart(request, { byteParte: LIMITI_ESITO.byte, parti: 4 });
  if (!letto.ok) return json({ status: "error", error: { file: [MESSAGGI.troppoGrande] } }, { status: 422 });
  const formData = await leggiFormProtetto(request, ctx.sessione.csrfToken, letto.formData);
  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0) return json({ status: "error", error: { file: [MESSAGGI.file] } }, { status: 422 });
  const esito = await registraEsitoBanca(ctx, lotto.lotto.id, { nome: file.name, contenuto: file.stream() as unknown as AsyncIterable<Uint8Array> });
  if (!esito.ok) return rispostaFallimento(esito, formData);
  return redirect(`/scrivania/pagamenti/lotti/${lotto.lotto.id}`, 303);
}

export default function EsitoBanca() {
  const d = useLoaderData<typeof loader>();
  const risultato = useActionData<typeof action>() as { error?: Record<string, string[] | undefined> } | undefined;
  const errore = risultato?.error?.file?.[0] ?? risultato?.error?.[""]?.[0] ?? null;
  return (
    <div className="row">
      <div className="col-12 col-lg-9">
        {errore ? <ErrorSummary errori={[{ id: "esito-file", messaggio: errore }]} /> : null}
        <p className="text-muted mb-1">Lotto {d.messaggioId}</p>
        <h1>Registra l&apos;esito della banca</h1>
        <p>
          Carica il file di esito (pain.002.001.03) che la banca ha restituito per questo lotto. I bonifici accettati restano
          pagati; quelli respinti tornano tra le eccezioni con il motivo della banca, per una decisione di un operatore.
          Caricare di nuovo lo stesso file non cambia nulla.
        </p>
        {d.preparatoDaMe ? (
          <div className="alert alert-info" role="note">
            Hai preparato tu questo lotto: l&apos;esito deve registrarlo un altro operatore della sede (controllo a quattro occhi).
          </div>
        ) : null}
        <form method="post" encType="multipart/form-data" className="mb-4">
          <CampoCsrf token={d.csrf} />
          <CampoFile
            id="esito-file"
            name="file"
            etichetta="File di esito della banca"
            suggerimento={`XML pain.002.001.03, in UTF-8, fino a ${LIMITI_ESITO.byte / 1024 / 1024} MB.`}
            errors={errore ? [errore] : undefined}
            accept=".xml,application/xml,text/xml"
          />
          <Pulsante>Registra l&apos;esito</Pulsante>
        </form>
        <p>
          <Link to={`/scrivania/pagamenti/lotti/${d.id}`}>Torna al lotto</Link>
        </p>
      </div>
    </div>
  );
}
