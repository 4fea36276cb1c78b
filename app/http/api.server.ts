// The flows API's HTTP conventions (docs/api/README.md): a key in `Authorization: Bearer …` instead of a session
// (so no cookie and no CSRF token: a browser never sends the key by itself), and errors as RFC 9457 problem details
// in Italian. The services are the pages' services; only the way in and the shape of the answers differ.
import { json } from "@remix-run/node";
import type { Persona } from "~/services/accesso.server";
import { personaDaChiave } from "~/services/chiavi-api.server";

export interface Problema {
  status: number;
  title: string;
  detail: string;
  /** Messages per field, for a request that is not valid. */
  errori?: Record<string, string[]>;
}

export function problema(p: Problema, headers: Record<string, string> = {}): Response {
  return json(p, { status: p.status, headers: { "Content-Type": "application/problem+json; charset=utf-8", "Cache-Control": "no-store", ...headers } });
}

export const PROBLEMI = {
  chiave: {
    status: 401,
    title: "Chiave mancante o non valida",
    detail: "Manca la chiave di accesso, oppure è stata revocata. Crea una chiave nella pagina «Chiavi per i programmi paghe» del tuo profilo e inviala nell'intestazione Authorization: Bearer <chiave>.",
  },
  nonTrovato: { status: 404, title: "Non trovato", detail: "La risorsa non esiste, oppure non è tra quelle che la tua chiave può vedere." },
  tipo: {
    status: 415,
    title: "Formato non accettato",
    detail: "Invia il flusso come corpo della richiesta con Content-Type application/xml (schema pubblicato) oppure text/csv.",
  },
  json: { status: 415, title: "Formato non accettato", detail: "Invia un oggetto JSON con Content-Type application/json." },
  corpo: { status: 400, title: "Richiesta non valida", detail: "Il corpo della richiesta non è un JSON leggibile." },
} as const satisfies Record<string, Problema>;

/** The caller of an API route, from its key; otherwise the 401 problem (with the header that names the scheme). */
export async function richiediPersonaApi(request: Request): Promise<Persona> {
  const intestazione = request.headers.get("Authorization") ?? "";
  const m = /^Bearer ([A-Za-z0-9_]{1,100})$/.exec(intestazione.trim());
  const persona = m ? await personaDaChiave(m[1]) : null;
  if (!persona) throw problema(PROBLEMI.chiave, { "WWW-Authenticate": 'Bearer realm="omnia-is", error="invalid_token"' });
  return persona;
}

/** A JSON body of at most the forms' size (the express layer bounds it before this), or the 400/415 problem. */
export async function corpoJson(request: Request): Promise<unknown> {
  if (!/^application\/json\s*(;|$)/i.test(request.headers.get("Content-Type") ?? "")) throw problema(PROBLEMI.json);
  try {
    return await request.json();
  } catch {
    throw problema(PROBLEMI.corpo);
  }
}
