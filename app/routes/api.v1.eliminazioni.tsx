// Flows API: the "Eliminazione" of an accepted return by its key (the same checks and service as the page).
import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { corpoJson, PROBLEMI, problema, richiediPersonaApi } from "~/http/api.server";
import { EliminazioneDenunciaSchema, messaggiEliminazione } from "~/passi/schemi/eliminazione-denuncia";
import { cercaDenuncia, eliminaDenuncia } from "~/services/flussi/eliminazione.server";
import { messaggiFlussi as m } from "~/testi";

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return problema({ status: 405, title: "Metodo non ammesso", detail: "Usa POST per eliminare una denuncia." }, { Allow: "POST" });
  const persona = await richiediPersonaApi(request);
  const letta = EliminazioneDenunciaSchema.safeParse(await corpoJson(request));
  if (!letta.success) {
    const errori: Record<string, string[]> = {};
    for (const e of letta.error.issues) (errori[String(e.path[0] ?? "")] ??= []).push(e.message);
    return problema({ status: 422, title: "Dati non validi", detail: "Correggi i campi indicati in «errori».", errori });
  }
  const trovata = await cercaDenuncia(persona, letta.data, messaggiEliminazione.nessunaDenuncia);
  if (!trovata.ok) return problema({ ...PROBLEMI.nonTrovato, detail: messaggiEliminazione.nessunaDenuncia });
  const esito = await eliminaDenuncia(persona, trovata.valore.id, { inPagamento: m.denunciaInPagamento });
  if (!esito.ok) {
    if (esito.motivo === "conflitto") return problema({ status: 409, title: "Già eliminata", detail: m.denunciaGiaEliminata });
    if (esito.motivo === "non_valido") return problema({ status: 409, title: "Già in pagamento", detail: m.denunciaInPagamento });
    return problema(PROBLEMI.nonTrovato);
  }
  return json({ id: trovata.valore.id, eliminata: true }, { headers: { "Cache-Control": "no-store" } });
}
