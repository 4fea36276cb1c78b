// The portfolio as CSV with the page's filters and order, every page: one row per company.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { rispostaCsv } from "~/http/csv.server";
import { rispostaNonTrovata } from "~/http/risposta.server";
import { richiediContesto } from "~/http/accesso.server";
import { leggiRichiestaPortafoglio, portafoglioCompleto } from "~/services/portafoglio.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const ctx = await richiediContesto(request);
  const p = await portafoglioCompleto(ctx, leggiRichiestaPortafoglio(new URL(request.url).searchParams));
  if (!p) throw rispostaNonTrovata();
  return rispostaCsv(
    `portafoglio-${p.oggi}.csv`,
    ["Azienda", "Matricola", "Comune", "Bozze aperte", "Richieste da rispondere", "Prima scadenza richiesta", "Decisioni nuove", "Messaggi da leggere", "Avvisi di capacità", `Scadenze entro ${p.giorniScadenze} giorni`],
    p.righe.map((r) => [
      r.ragioneSociale, r.matricola, `${r.comune} (${r.provincia})`, r.bozze, r.richieste, r.primaScadenzaRichiesta, r.decisioni, r.nonLetti,
      r.avvisi.map((a) => a.messaggio).join(" | "), r.scadenze.map((s) => `${s.testo}: ${s.scadenza}`).join(" | "),
    ]),
  );
}
