// A domanda from the request's `:id`, authorised for the action the route performs: the opening of every domanda
// route. A refusal is a 404 (indistinguishable from "does not exist", docs/decisions/011); a step that cannot be
// opened redirects to where the user must go (deviazionePasso in app/services/domande.server.ts).
import { redirect } from "@remix-run/node";
import type { SlugPasso } from "~/passi";
import type { Contesto } from "~/services/accesso.server";
import { domandaAutorizzata, type Azione } from "~/services/autorizzazione.server";
import { deviazionePasso, type DomandaCaricata } from "~/services/domande.server";
import { didascaliaDomanda } from "~/services/elenco-passi.server";
import { richiediContesto } from "./accesso.server";
import { rispostaNonTrovata } from "./risposta.server";

const cache = new WeakMap<Request, Map<string, Promise<DomandaCaricata>>>();

/** Parses the `:id` route parameter; anything that is not a positive integer is a 404. */
export function idDomanda(param: string | undefined): number {
  const id = Number(param);
  if (!param || !/^[1-9][0-9]{0,9}$/.test(param) || !Number.isSafeInteger(id)) throw rispostaNonTrovata();
  return id;
}

/**
 * The domanda if this profile may do `azione` on it (app/services/autorizzazione.server.ts), else 404 with an audit
 * entry. Nested loaders of one request share one lookup per action.
 */
export function caricaDomanda(request: Request, ctx: Contesto, id: number, azione: Azione = "vedi_domanda"): Promise<DomandaCaricata> {
  let perRichiesta = cache.get(request);
  if (!perRichiesta) {
    perRichiesta = new Map();
    cache.set(request, perRichiesta);
  }
  const chiave = `${id}:${azione}`;
  let p = perRichiesta.get(chiave);
  if (!p) {
    p = domandaAutorizzata(ctx, azione, id).then((c) => {
      if (!c) throw rispostaNonTrovata();
      return c;
    });
    perRichiesta.set(chiave, p);
  }
  return p;
}

/** Steps can be changed only while the domanda is a draft; otherwise the user goes to its detail page. */
export function richiediBozza(caricata: DomandaCaricata): void {
  const altrove = deviazionePasso(caricata);
  if (altrove) throw redirect(altrove);
}

/** A deep link to a step whose earlier steps are incomplete goes to the first incomplete step. */
export function guardiaPasso(caricata: DomandaCaricata, slug: SlugPasso): void {
  const altrove = deviazionePasso(caricata, slug);
  if (altrove) throw redirect(altrove);
}

/**
 * The common opening of a step's loader and action: who asks, the draft (authorised), the step guard; `pagina`, what
 * every step's page needs from its loader (ModuloPasso: the domanda, its version, the CSRF token, the caption, and
 * whether the user came from the summary and goes back to it).
 */
export async function apriPasso(request: Request, params: { id?: string }, slug: SlugPasso) {
  const ctx = await richiediContesto(request);
  const caricata = await caricaDomanda(request, ctx, idDomanda(params.id), "compila_domanda");
  guardiaPasso(caricata, slug);
  const pagina = {
    id: caricata.domanda.id,
    versione: caricata.domanda.versione,
    csrf: ctx.sessione.csrfToken,
    didascalia: didascaliaDomanda(caricata),
    ritorno: new URL(request.url).searchParams.get("ritorno") === "riepilogo" ? ("riepilogo" as const) : null,
  };
  return { ctx, caricata, id: caricata.domanda.id, pagina };
}
