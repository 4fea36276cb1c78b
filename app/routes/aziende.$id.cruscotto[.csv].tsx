// Every table of the cruscotto as CSV (?tabella=unita|capacita|domande|scadenze|cisoa&unita=N): the same rows as the
// page, figures as bare numbers. Same access as the page (404 otherwise).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { rispostaCsv } from "~/http/csv.server";
import { rispostaNonTrovata } from "~/http/risposta.server";
import { richiediContesto } from "~/http/accesso.server";
import { cruscottoAzienda } from "~/services/cruscotto.server";

const r2 = (n: number | null) => (n === null ? null : Math.round(n * 100) / 100);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await richiediContesto(request);
  const aziendaId = params.id && /^[1-9][0-9]{0,9}$/.test(params.id) ? Number(params.id) : null;
  if (aziendaId === null) throw rispostaNonTrovata();
  const url = new URL(request.url);
  const u = url.searchParams.get("unita");
  const unitaId = u === null || u === "" ? null : /^[1-9][0-9]{0,9}$/.test(u) ? Number(u) : -1;
  const tabella = url.searchParams.get("tabella") ?? "domande";
  const c = await cruscottoAzienda(ctx, aziendaId, { unitaId });
  if (!c || c.nonTrovata) throw rispostaNonTrovata();
  const nome = (t: string) => `cruscotto-${aziendaId}${c.unita ? `-up${c.unita.id}` : ""}-${t}-${c.oggi}.csv`;
  switch (tabella) {
    case "unita":
      return rispostaCsv(nome("unita"), ["Unità produttiva", "Comune", "Domande", "Ore autorizzate", "Ore fruite", "Settimane autorizzate", "Settimane fruite"],
        c.perUnita.map((x) => [x.denominazione, x.comune, x.domande, r2(x.oreAutorizzate), r2(x.oreFruite), r2(x.settimaneAutorizzate), r2(x.settimaneFruite)]));
    case "capacita":
      if (!c.unita) break;
      return rispostaCsv(nome("capacita"), ["Prestazione", "Biennio dal", "Biennio al", "Settimane utilizzate", "Settimane massime", "Settimane residue", "Ore limite 1/3", "Ore autorizzate nel biennio", "Ore residue 1/3", "Nuova domanda dal", "Si può presentare", "Capacità esaurita il (stima)", "Ritmo ultime settimane"],
        c.capacita.map((x) => [x.nome, x.finestra.inizio, x.finestra.fine, r2(x.settimaneUtilizzate), r2(x.settimaneMassime), r2(x.settimaneResidue), r2(x.terzoOre?.limite ?? null), r2(x.terzoOre?.autorizzate ?? null), r2(x.terzoOre?.residue ?? null), x.dal, x.puoPresentare ? "sì" : "no", x.esaurimento, r2(x.ritmo)]));
    case "domande":
      if (!c.unita) break;
      return rispostaCsv(nome("domande"), ["Domanda", "Prestazione", "Stato", "Autorizzazione", "Inizio", "Fine", "Lavoratori", "Ore autorizzate", "Ore fruite", "Ore residue", "Giorni autorizzati", "Giorni fruiti", "Settimane autorizzate", "Settimane fruite"],
        c.righe.map((x) => [x.domanda, x.nomePrestazione, x.stato, x.numero, x.inizio, x.fine, x.lavoratori, r2(x.oreAutorizzate), r2(x.oreFruite), r2(x.oreResidue), x.giorniAutorizzati, x.giorniFruiti, r2(x.settimaneAutorizzate), r2(x.settimaneFruite)]));
    case "scadenze":
      if (!c.unita) break;
      return rispostaCsv(nome("scadenze"), ["Autorizzazione", "Domanda", "Tipo", "Mese di competenza", "Scadenza", "Giorni rimanenti", "Dati già esposti"],
        c.scadenze.map((x) => [x.numero, x.domanda, x.tipo, x.competenza, x.scadenza, x.giorniRimanenti, x.datiInviati ? "sì" : "no"]));
    case "cisoa":
      if (!c.cisoa) break;
      return rispostaCsv(nome("cisoa"), ["Lavoratore", "Codice fiscale", "Anno", "Giorni computati", "Giorni in deroga", "Giorni residui"],
        c.cisoa.righe.map((x) => [x.nominativo, x.cf, x.anno, x.giorniComputati, x.giorniInDeroga, x.residui]));
  }
  throw rispostaNonTrovata();
}
