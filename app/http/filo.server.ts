// The thread pages of both sides share their loader and action: read the thread (marking it read), post a message
// (303 back to the thread, or 422 with the GOV.UK error state and the typed text kept).
import { json, redirect } from "@remix-run/node";
import type { Contesto } from "~/services/accesso.server";
import { leggiFormProtetto, rispostaNonTrovata } from "./accesso.server";
import { filoDomanda, scriviMessaggio } from "~/services/comunicazioni/filo.server";
import { idDomanda } from "~/http/domanda.server";

export async function caricaFilo(ctx: Contesto, idGrezzo: string | undefined) {
  const esito = await filoDomanda(ctx, idDomanda(idGrezzo));
  if (!esito.ok) throw rispostaNonTrovata();
  return { ...esito.valore, csrf: ctx.sessione.csrfToken };
}

export async function inviaMessaggio(request: Request, ctx: Contesto, idGrezzo: string | undefined, ritorno: (id: number) => string) {
  const id = idDomanda(idGrezzo);
  const dati = await leggiFormProtetto(request, ctx.sessione.csrfToken);
  const testo = String(dati.get("testo") ?? "");
  const esito = await scriviMessaggio(ctx, id, testo);
  if (!esito.ok) {
    if (esito.motivo !== "non_valido") throw rispostaNonTrovata();
    return json({ conErrori: true as const, errore: esito.campi.testo?.[0] ?? "", testo }, { status: 422 });
  }
  return redirect(`${ritorno(id)}?inviato=1#voce-${esito.valore.voceId}`, 303);
}
