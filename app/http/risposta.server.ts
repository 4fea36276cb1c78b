// From a service's result to HTTP: the one place that decides status codes for failures (docs/decisions/006 and
// 011). 422 with conform's reply for invalid input, 409 with the conflict message for a stale version, 404 for
// "not found or not allowed". The reply carries the typed values back, so nothing the user typed is lost.
import { analizzaModulo } from "~/http/modulo.server";
import { json } from "@remix-run/node";
import { z } from "zod";
import type { Fallimento } from "~/services/risultato";
import { messaggiDomanda } from "~/testi";

const QUALSIASI = z.record(z.unknown());

export function rispostaNonTrovata(): Response {
  return new Response("Pagina non trovata", { status: 404 });
}

/** The HTTP answer to a failed service call on a form post; throws the 404 (Remix renders the error page). */
export function rispostaFallimento(fallimento: Fallimento, formData: FormData) {
  if (fallimento.motivo === "non_trovato") throw rispostaNonTrovata();
  const submission = analizzaModulo(formData, QUALSIASI);
  if (fallimento.motivo === "conflitto") {
    return json(submission.reply({ formErrors: [messaggiDomanda.conflittoVersione] }), { status: 409 });
  }
  return json(submission.reply({ formErrors: fallimento.modulo, fieldErrors: fallimento.campi }), { status: 422 });
}
