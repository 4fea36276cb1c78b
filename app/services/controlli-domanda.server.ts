// All the rule outcomes of a domanda, tagged with the step they belong to. The task list ("con avvisi"),
// the summary and the submission read them from here; each step contributes its own checks
// (one module per step in ./controlli, listed below).
import type { Esito } from "~/domain/esito";
import type { ChiavePasso } from "~/passi";
import type { DomandaCaricata } from "./domande.server";
import { controlliPeriodo } from "./controlli/periodo.server";
import { controlliLavoratori } from "./controlli/lavoratori.server";
import { controlliInformativa } from "./controlli/informativa.server";
import { controlliPagamento } from "./controlli/pagamento.server";

export type EsitoPasso = Esito & { passo: ChiavePasso };
export type ControlloPasso = (caricata: DomandaCaricata) => Promise<EsitoPasso[]>;

const controlli: ControlloPasso[] = [
  // one line per step module, e.g. controlliPeriodo,
  controlliPeriodo,
  controlliLavoratori,
  controlliInformativa,
  controlliPagamento,
];

export async function controlliDomanda(caricata: DomandaCaricata): Promise<EsitoPasso[]> {
  const risultati = await Promise.all(controlli.map((c) => c(caricata)));
  return risultati.flat();
}
