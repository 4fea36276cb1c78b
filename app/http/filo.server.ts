// The thread pages of both sides share their loader and action: read the thread (marking it read), post a message
// with optional PDFs (303 back to the thread, or 422/413 with the GOV.UK error state and the typed text kept), download
// a message's PDF (404 to anyone who may not read the thread, and for a document of another domanda).
import { json, redirect } from "@remix-run/node";
import type { Contesto } from "~/services/accesso.server";
import { rispostaNonTrovata } from "./accesso.server";
import { fileScelti, leggiFormConFile, rispostaPdfScaricato } from "./allegati.server";
import { idDomanda } from "./domanda.server";
import { filoDomanda, leggiAllegatoMessaggio, scriviMessaggio } from "~/services/comunicazioni/filo.server";
import { LIMITI_ALLEGATI_MESSAGGIO } from "~/domain/comunicazioni";
import { messaggiAllegati } from "~/passi/schemi/allegati";
import { messaggiComunicazioni } from "~/testi";

export async function caricaFilo(ctx: Contesto, idGrezzo: string | undefined) {
  const esito = await filoDomanda(ctx, idDomanda(idGrezzo));
  if (!esito.ok) throw rispostaNonTrovata();
  return { ...esito.valore, csrf: ctx.sessione.csrfToken };
}

export interface EsitoInvioMessaggio {
  conErrori: true;
  errori: { testo?: string; file?: string };
  testo: string;
}

const conErrori = (errori: EsitoInvioMessaggio["errori"], testo: string, status: number) =>
  json<EsitoInvioMessaggio>({ conErrori: true, errori, testo }, { status });

export async function inviaMessaggio(request: Request, ctx: Contesto, idGrezzo: string | undefined, ritorno: (id: number) => string) {
  const id = idDomanda(idGrezzo);
  // A plain form or a multipart one with the files; the CSRF token is checked in both (403, nothing stored).
  const letto = await leggiFormConFile(request, ctx.sessione.csrfToken, LIMITI_ALLEGATI_MESSAGGIO.numeroFile + 10);
  // A file over the per-file limit stops the reading (nothing kept): 413 with the limit named next to the field.
  if (!letto.ok) return conErrori({ file: `${letto.messaggio}. ${messaggiAllegati.sceglieDiNuovo}` }, "", 413);
  const dati = letto.formData;
  const testo = String(dati.get("testo") ?? "");
  const { file, errori: erroriFile } = await fileScelti(dati, LIMITI_ALLEGATI_MESSAGGIO.numeroFile, messaggiComunicazioni.troppiFile);
  if (erroriFile.length) {
    // The text is checked too, so that one submission shows every problem.
    const errori: EsitoInvioMessaggio["errori"] = { file: `${erroriFile.join("; ")}. ${messaggiAllegati.sceglieDiNuovo}` };
    if (!testo.trim()) errori.testo = messaggiComunicazioni.testoVuoto;
    return conErrori(errori, testo, 422);
  }
  const esito = await scriviMessaggio(ctx, id, testo, file);
  if (!esito.ok) {
    if (esito.motivo !== "non_valido") throw rispostaNonTrovata();
    const errori: EsitoInvioMessaggio["errori"] = {};
    if (esito.campi.testo?.[0]) errori.testo = esito.campi.testo[0];
    if (esito.campi.file?.[0]) errori.file = `${esito.campi.file[0]}. ${messaggiAllegati.sceglieDiNuovo}`;
    else if (file.length) errori.file = messaggiAllegati.sceglieDiNuovo;
    return conErrori(errori, testo, 422);
  }
  return redirect(`${ritorno(id)}?inviato=1#voce-${esito.valore.voceId}`, 303);
}

const INTERO_MASSIMO = 2_147_483_647;

export async function scaricaAllegatoMessaggio(ctx: Contesto, idGrezzo: string | undefined, allegatoGrezzo: string | undefined) {
  const id = idDomanda(idGrezzo);
  const allegatoId = idDomanda(allegatoGrezzo);
  if (id > INTERO_MASSIMO || allegatoId > INTERO_MASSIMO) throw rispostaNonTrovata();
  const esito = await leggiAllegatoMessaggio(ctx, id, allegatoId);
  if (!esito.ok) throw rispostaNonTrovata();
  return rispostaPdfScaricato(esito.valore.nomeFile, esito.valore.contenuto);
}
