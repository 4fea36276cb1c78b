// All the rule outcomes of a domanda, tagged with the step they belong to. The task list ("con avvisi"),
// the summary and the submission read them from here; each step contributes its own checks
// (one module per step in ./controlli, listed below).
import type { Esito } from "~/domain/esito";
import type { ChiavePasso } from "~/passi";
import type { DomandaCaricata } from "./domande.server";
import { controlliPeriodo, esitiPeriodo, type Lettore } from "./controlli/periodo.server";
import { controlliLavoratori } from "./controlli/lavoratori.server";
import { controlliInformativa } from "./controlli/informativa.server";
import { controlliPagamento } from "./controlli/pagamento.server";

export type EsitoPasso = Esito & { passo: ChiavePasso };
/** A step's checks; those that read the database read by `lettore` (the pool unless given: Lettore). */
export type ControlloPasso = (caricata: DomandaCaricata, lettore?: Lettore) => Promise<EsitoPasso[]>;

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

/**
 * The outcomes that do not read other domande (every step but those of PASSI_TRA_DOMANDE); with the others
 * (controlliTraDomande), what the submission computes in its transaction, from what it reads there.
 */
export async function controlliSenzaAltreDomande(caricata: DomandaCaricata, lettore?: Lettore): Promise<EsitoPasso[]> {
  const risultati = await Promise.all(controlli.filter((c) => c !== controlliPeriodo).map((c) => c(caricata, lettore)));
  return risultati.flat().filter((e) => !PASSI_TRA_DOMANDE.includes(e.passo));
}

/**
 * The steps whose outcomes depend on the unit's other domande (overlaps, biennio and one-third limits, FIS and fund
 * weeks, CISOA days): the submission computes them again inside its transaction, under the unit's lock.
 */
export const PASSI_TRA_DOMANDE: readonly ChiavePasso[] = ["periodo"];

export async function controlliTraDomande(caricata: DomandaCaricata, lettore: Lettore, adesso: Date): Promise<EsitoPasso[]> {
  return (await esitiPeriodo(caricata, adesso, lettore)).map((e) => ({ ...e, passo: "periodo" as const }));
}
