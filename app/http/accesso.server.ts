// Who is asking, and as whom, from the HTTP request: every loader and action of the reserved area opens with these.
// They answer in HTTP (redirect to sign-in or to the profile choice, 404, 403 for CSRF); the services they lead to
// take the resulting Contesto and return results (app/services/risultato.ts).
import { redirect } from "@remix-run/node";
import { messaggiAccesso } from "~/testi";
import { ruoloPuo, ruoloSede, type Azione } from "~/domain/autorizzazione";
import type { Contesto } from "~/services/accesso.server";
import { aziendaAutorizzata } from "~/services/autorizzazione.server";
import { oggi } from "~/services/orologio.server";
import { leggiForm } from "./corpo-richiesta.server";
import { ErroreCsrf, verificaCsrf } from "./csrf.server";
import { rispostaNonTrovata } from "./risposta.server";
import { sessioneDaRichiesta } from "./sessione.server";

export { rispostaNonTrovata };

function percorsoDi(request: Request): string {
  const url = new URL(request.url);
  return url.pathname + url.search;
}

/** The signed-in user with a chosen profile, or a redirect to sign-in or to the profile choice. */
export async function richiediContesto(request: Request): Promise<Contesto> {
  const valida = await sessioneDaRichiesta(request);
  if (!valida) {
    throw redirect(`/accedi?ritorno=${encodeURIComponent(percorsoDi(request))}`);
  }
  const { sessione, utente } = valida;
  if (!sessione.ruoloAttivo) throw redirect("/profilo");
  return { utente, sessione, ruolo: sessione.ruoloAttivo, aziendaAttivaId: sessione.aziendaAttivaId };
}

/** Pages of one side (e.g. the company's "Le tue domande"): 404 for a role the policy never allows `azione`. */
export function richiediAzione(ctx: Contesto, azione: Azione): void {
  if (!ruoloPuo(ctx.ruolo, azione)) throw rispostaNonTrovata();
}

/** Pages of the Sede's desk: 404 for the company's side (the case is theirs, the desk is not). */
export function richiediSede(ctx: Contesto): void {
  if (!ruoloSede(ctx.ruolo)) throw rispostaNonTrovata();
}

/** A company this profile may start a domanda for (the authorisation module decides), or 404 with an audit entry. */
export async function richiediAzienda(ctx: Contesto, aziendaId: number, data = oggi()) {
  const azienda = await aziendaAutorizzata(ctx, "crea_domanda", aziendaId, data);
  if (!azienda) throw rispostaNonTrovata();
  return azienda;
}

/**
 * The form data of a POST after the CSRF check (403, nothing changed, on failure); a body that is not a readable
 * form answers 4xx (see leggiForm).
 */
export async function leggiFormProtetto(request: Request, tokenAtteso: string, formData?: FormData): Promise<FormData> {
  const dati = formData ?? (await leggiForm(request));
  try {
    verificaCsrf(request, dati, tokenAtteso);
  } catch (e) {
    if (e instanceof ErroreCsrf) throw rispostaCsrf();
    throw e;
  }
  return dati;
}

export function rispostaCsrf(): Response {
  return new Response(messaggiAccesso.csrfTesto, { status: 403, statusText: "CSRF" });
}
