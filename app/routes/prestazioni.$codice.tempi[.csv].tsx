// The public service-time figures of one benefit as CSV: the page's rows, with the bare values beside the words.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { rispostaCsv } from "~/http/csv.server";
import { rispostaNonTrovata } from "~/http/risposta.server";
import { leggiTempiServizio, prestazioneDaCodice } from "~/services/tempi-servizio.server";
import { righeTempi } from "~/services/tempi-servizio-vista";

export async function loader({ params }: LoaderFunctionArgs) {
  const prestazione = prestazioneDaCodice(params.codice);
  if (!prestazione) throw rispostaNonTrovata();
  const t = await leggiTempiServizio(prestazione);
  return rispostaCsv(
    `tempi-${params.codice}-${t.finestra.fine}.csv`,
    ["Misura", "Valore", "Dato", "Come è calcolato", "Riferimento"],
    righeTempi(t).map((r) => [r.misura, r.valore, r.grezzo, t.esiti[r.chiave].messaggio, t.esiti[r.chiave].riferimento]),
    false,
  );
}
