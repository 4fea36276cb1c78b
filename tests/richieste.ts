// Real Requests for loaders and actions, signed in as a demo identity, with the CSRF token in the form.
import { eq } from "drizzle-orm";
import { utenti, type Ruolo } from "../db/schema";
import { db } from "../db/connection";
import { creaSessione, impostaProfilo } from "../app/services/sessione.server";

export const ORIGINE = "http://localhost:3000";

export interface Identita {
  cookie: string;
  csrf: string;
  sessioneId: string;
}

export async function sessioneDi(codiceFiscale: string, ruolo?: Ruolo, aziendaId: number | null = null): Promise<Identita> {
  const [u] = await db().select().from(utenti).where(eq(utenti.codiceFiscale, codiceFiscale));
  if (!u) throw new Error(`utente di test assente: ${codiceFiscale}`);
  const { token, sessione } = await creaSessione(u.id);
  if (ruolo) await impostaProfilo(sessione.id, ruolo, aziendaId);
  return { cookie: `omnia_sessione=${token}`, csrf: sessione.csrfToken, sessioneId: sessione.id };
}

export function get(percorso: string, chi?: Identita): Request {
  return new Request(ORIGINE + percorso, { headers: chi ? { Cookie: chi.cookie } : {} });
}

export function post(
  percorso: string,
  campi: Record<string, string | string[]>,
  chi?: Identita,
  opzioni: { origine?: string | null; senzaCsrf?: boolean } = {},
): Request {
  const form = new URLSearchParams();
  for (const [k, v] of Object.entries(campi)) {
    for (const x of Array.isArray(v) ? v : [v]) form.append(k, x);
  }
  if (chi && !opzioni.senzaCsrf && !("csrf" in campi)) form.set("csrf", chi.csrf);
  const headers: Record<string, string> = { "Content-Type": "application/x-www-form-urlencoded" };
  if (chi) headers.Cookie = chi.cookie;
  const origine = opzioni.origine === undefined ? ORIGINE : opzioni.origine;
  if (origine) headers.Origin = origine;
  return new Request(ORIGINE + percorso, { method: "POST", headers, body: form });
}

/** Runs a loader or action and returns the Response, whether it was returned or thrown. */
export async function risposta(esegui: () => Promise<unknown>): Promise<Response> {
  try {
    const r = await esegui();
    if (r instanceof Response) return r;
    return new Response(JSON.stringify(r), { status: 200 });
  } catch (e) {
    if (e instanceof Response) return e;
    throw e;
  }
}

export const contesto = { cspNonce: "test" };
