// (8) The cruscotto and the intermediary's portfolio on PostgreSQL with 1,000 more delegated companies
// (db/seed/portafoglio.ts: drafts, authorised domande with their acts, requests of the Sede, domande waiting): the
// portfolio's first page, the portfolio filtered and sorted by the nearest request, the cruscotto of a company with
// its authorisation and fruito (C2, employer) and of a generated company (intermediary). Each against a bare
// node:http server sending the same bytes (ratio), at N connections and at 1 (latency without queueing).
import type { ServerAvviato } from "../../e2e/support/server";
import { accediDemo, richiesta } from "./http";
import { misuraSsr, type RisultatoSsr } from "./ssr";

export interface RisultatoCruscotti {
  aziendeGenerate: Record<string, number>;
  pagine: Array<{ pagina: string } & RisultatoSsr>;
}

export async function preparaPortafoglio(databaseUrl: string, aziende: number): Promise<Record<string, number>> {
  const { apriPostgres } = await import("../../db/client");
  const { seedPortafoglio } = await import("../../db/seed/portafoglio");
  const c = await apriPostgres(databaseUrl, { max: 2 });
  try {
    return await seedPortafoglio(c.db, { aziende });
  } finally {
    await c.chiudi();
  }
}

export async function misuraCruscotti(server: ServerAvviato, durataS: number, connessioni: number): Promise<RisultatoCruscotti["pagine"]> {
  const base = server.url;
  const laura = await accediDemo(base, /Laura Consulente/, /^Intermediario/);
  const mario = await accediDemo(base, /Mario Esempio/, /Edil Costruzioni Adige/);
  // The employer's company from /cruscotto (a redirect), a generated company from the portfolio's search.
  const verso = (await richiesta(base, "/cruscotto", mario.biscotti)).headers.get("location") ?? "";
  const portafoglio = await (await richiesta(base, "/portafoglio?q=Portafoglio+Esempio+0500", laura.biscotti)).text();
  const generata = /href="(\/aziende\/[0-9]+\/cruscotto)"/.exec(portafoglio)?.[1];
  if (!/^\/aziende\/[0-9]+\/cruscotto$/.test(verso) || !generata) throw new Error("cruscotto o portafoglio non trovati: seed del portafoglio mancante?");
  const risultati: RisultatoCruscotti["pagine"] = [];
  for (const [pagina, percorso, biscotti] of [
    ["portafoglio, prima pagina (1.031 aziende)", "/portafoglio", laura.biscotti],
    ["portafoglio filtrato e ordinato per richiesta", "/portafoglio?solo=richieste&ordina=richieste", laura.biscotti],
    ["cruscotto del datore (C2, Cantiere Lungadige)", verso, mario.biscotti],
    ["cruscotto di un'azienda del portafoglio", generata, laura.biscotti],
  ] as const) {
    risultati.push({ pagina, ...(await misuraSsr({ base, percorso, biscotti, connessioni, durataS, unaConnessione: true, pidServer: server.processo.pid })) });
  }
  return risultati;
}
