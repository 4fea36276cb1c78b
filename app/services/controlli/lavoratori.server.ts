// Rule outcomes of the step "Lavoratori beneficiari": the eligibility of each selected worker, recomputed on the
// current data (the period or the filing date may have changed since the selection), plus a warning if none is left.
import type { EsitoPasso } from "../controlli-domanda.server";
import type { DomandaCaricata } from "../domande.server";
import { lavoratoriSceltiValutati } from "../lavoratori.server";
import type { Lettore } from "./periodo.server";

export async function controlliLavoratori(caricata: DomandaCaricata, lettore?: Lettore): Promise<EsitoPasso[]> {
  if (caricata.risposte.lavoratori == null) return [];
  const { scelti, valutati } = await lavoratoriSceltiValutati(caricata, undefined, lettore);
  const esiti: EsitoPasso[] = [];
  for (const l of valutati) {
    for (const e of l.esiti) if (e.gravita !== "informazione") esiti.push({ ...e, passo: "lavoratori" });
  }
  // A selected worker no longer employed at the unit in the period (e.g. the dates changed after the selection).
  const presenti = new Set(valutati.map((l) => l.cf));
  for (const cf of scelti) {
    if (presenti.has(cf)) continue;
    esiti.push({
      regola: "lavoratori.presenza",
      riferimento: "art. 1 c. 2 d.lgs. 148/2015: presenza all'unità produttiva secondo UniEmens",
      gravita: "bloccante",
      messaggio: `${cf} non risulta occupato presso l'unità produttiva nel periodo richiesto: toglilo dall'elenco dei lavoratori.`,
      dati: { cf },
      provvisorio: false,
      passo: "lavoratori",
    });
  }
  return esiti;
}
