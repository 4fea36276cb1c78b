// The HTTP side of the OpenID Connect sign-in (ADR 018): the cookie that ties the browser to its sign-in in progress,
// and the request's origin and query. The client itself (app/services/identita/oidc.server.ts) takes plain values.
import { PERCORSO_RITORNO } from "~/services/identita/prova-comune";
import { avviaAccesso, completaAccesso, DURATA_TRANSAZIONE_MS, type RitornoAccesso } from "~/services/identita/oidc.server";
import { intestazioneCookie, leggiCookie } from "./cookie.server";

const COOKIE_TRANSAZIONE = "omnia_accesso";

function cookieTransazione(request: Request, valore: string, maxAge: number): string {
  return intestazioneCookie(request, COOKIE_TRANSAZIONE, valore, { percorso: PERCORSO_RITORNO, maxAge });
}

export type AvvioAccessoHttp = { ok: true; url: string; setCookie: string } | { ok: false; messaggio: string; stato: 400 | 502 | 503 };

/** Starts a sign-in for this browser with `fornitore` (null: the configured one): the provider's URL and the cookie the callback will read. */
export async function avviaAccessoDaRichiesta(request: Request, ritorno: string | null, fornitore: string | null = null): Promise<AvvioAccessoHttp> {
  const avvio = await avviaAccesso(new URL(request.url).origin, ritorno, new Date(), fornitore);
  if (!avvio.ok) return avvio;
  return { ok: true, url: avvio.url, setCookie: cookieTransazione(request, avvio.token, DURATA_TRANSAZIONE_MS / 1000) };
}

/** The callback: the outcome, and the cookie clearing the sign-in in progress (one use, whatever the outcome). */
export async function completaAccessoDaRichiesta(request: Request): Promise<{ esito: RitornoAccesso; setCookie: string }> {
  const url = new URL(request.url);
  const esito = await completaAccesso({ token: leggiCookie(request, COOKIE_TRANSAZIONE), origine: url.origin, parametri: url.search });
  return { esito, setCookie: cookieTransazione(request, "", 0) };
}
