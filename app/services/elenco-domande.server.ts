// "Le tue domande": the domande of the companies this profile may act for today, drafts and sent ones, filtered,
// searched, sorted by last change and paginated 25 at a time. Offset pagination bounded to MAX_PAGINE: with the
// (azienda_id, aggiornata_il) index and the company filter the database reads a few pages of index, not the table.
import { and, asc, count, desc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import { aziende, domande, unitaProduttive, type StatoDomanda } from "#db/schema";
import { preparata } from "#db/connection";
import { formatDataItaliana } from "~/domain/date";
import { nomePrestazione, type Fondo, type Prestazione } from "~/domain/tipi";
import { CLASSI_STATO, ETICHETTE_STATO, prossimaAzione, STATI_DOMANDA, statoDomandaValido } from "~/domain/stati";
import { aziendeDaId, idAziendeAccessibili, type Contesto } from "./accesso.server";
import { dataOraRoma } from "./riepilogo.server";

export const PER_PAGINA = 25;
/** Deeper than this nobody pages: the filters and the search are the way to find an old domanda. */
export const MAX_PAGINE = 200;
/** Up to this many companies the filter offers them in a list; beyond, the search by codice fiscale. */
export const MAX_AZIENDE_IN_ELENCO = 50;

const PRESTAZIONI: readonly Prestazione[] = ["CIGO", "AIS_FIS", "AIS_FONDO", "CISOA"];

export interface Filtri {
  stato: StatoDomanda | null;
  prestazione: Prestazione | null;
  aziendaId: number | null;
  cerca: string;
  ordine: "recenti" | "meno_recenti";
  pagina: number;
}

/** Reads the GET form; anything unknown is ignored (a bookmarked or hand-edited URL never errors). */
export function leggiFiltri(params: URLSearchParams): Filtri {
  const stato = params.get("stato") ?? "";
  const prestazione = params.get("prestazione") ?? "";
  const azienda = params.get("azienda") ?? "";
  const pagina = Number(params.get("pagina") ?? "1");
  // Protocols and codici fiscali are short: a longer search is not one of them.
  const cerca = (params.get("cerca") ?? "").replace(/[\u0000-\u001f\u007f]/g, "").trim().slice(0, 32);
  return {
    stato: statoDomandaValido(stato) ? stato : null,
    prestazione: (PRESTAZIONI as readonly string[]).includes(prestazione) ? (prestazione as Prestazione) : null,
    aziendaId: /^[1-9][0-9]{0,9}$/.test(azienda) ? Number(azienda) : null,
    cerca,
    ordine: params.get("ordine") === "meno_recenti" ? "meno_recenti" : "recenti",
    pagina: Number.isInteger(pagina) && pagina >= 1 ? Math.min(pagina, MAX_PAGINE) : 1,
  };
}

export interface RigaElenco {
  id: number;
  protocollo: string | null;
  azienda: string;
  codiceFiscaleAzienda: string;
  unita: string;
  prestazione: string;
  periodo: string;
  stato: string;
  classeStato: string;
  aggiornataIl: string;
  azione: { etichetta: string; href: string };
}

/** The WHERE of the list for the filters that are set, with placeholders for their values (see elencoDomande). */
function condizioniElenco(filtri: Filtri): SQL {
  const condizioni: SQL[] = [sql`${domande.aziendaId} = any(${sql.placeholder("aziende")})`];
  if (filtri.stato) condizioni.push(eq(domande.stato, sql.placeholder("stato") as unknown as StatoDomanda));
  if (filtri.prestazione) condizioni.push(eq(domande.prestazione, sql.placeholder("prestazione") as unknown as Prestazione));
  if (filtri.cerca) {
    condizioni.push(
      or(eq(aziende.codiceFiscale, sql.placeholder("cerca")), ilike(domande.protocollo, sql.placeholder("cercaProtocollo"))) as SQL,
    );
  }
  return and(...condizioni) as SQL;
}

function escapeLike(testo: string): string {
  return testo.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export async function elencoDomande(ctx: Contesto, filtri: Filtri) {
  const ids = await idAziendeAccessibili(ctx);
  // A list of a few companies is a choice; a studio with hundreds finds one by its codice fiscale in the search (a
  // select of 1,000 options is neither usable nor cheap: 190 KB of page for the 1,000 companies of --scale).
  const aziendeVisibili = ids.length <= MAX_AZIENDE_IN_ELENCO ? await aziendeDaId(ids) : null;
  const opzioni = {
    aziende: aziendeVisibili?.map((a) => ({ valore: String(a.id), etichetta: `${a.ragioneSociale} (${a.codiceFiscale})` })) ?? null,
    stati: STATI_DOMANDA.map((s) => ({ valore: s, etichetta: ETICHETTE_STATO[s] })),
    prestazioni: PRESTAZIONI.map((p) => ({ valore: p, etichetta: nomePrestazione(p) })),
  };
  // A company filter outside the visible ones matches nothing (it never widens access).
  const aziendeFiltro = filtri.aziendaId == null ? ids : ids.filter((id) => id === filtri.aziendaId);
  if (aziendeFiltro.length === 0) return { righe: [] as RigaElenco[], totale: 0, pagine: 0, pagina: 1, opzioni };

  // One prepared statement per shape of the form (which filters are set, which order): 16 shapes at most, each built
  // once per connection instead of on every view (drizzle's query building was the page's largest CPU cost: README,
  // Misure). The values travel as parameters, the companies as one array.
  const forma = `${filtri.stato ? "s" : "-"}${filtri.prestazione ? "p" : "-"}${filtri.cerca ? "c" : "-"}${filtri.ordine === "recenti" ? "r" : "m"}`;
  const cerca = filtri.cerca.toUpperCase();
  const valori = {
    aziende: aziendeFiltro,
    stato: filtri.stato ?? "",
    prestazione: filtri.prestazione ?? "",
    cerca,
    cercaProtocollo: `%${escapeLike(cerca)}%`,
  };
  const conteggio = preparata(`elenco_domande_conteggio_${forma}`, (d) => {
    const dove = condizioniElenco(filtri);
    // The company table is joined only when the search needs its codice fiscale: the count reads the domande index alone.
    const q = filtri.cerca
      ? d.select({ totale: count() }).from(domande).innerJoin(aziende, eq(aziende.id, domande.aziendaId)).where(dove)
      : d.select({ totale: count() }).from(domande).where(dove);
    return q.prepare(`elenco_domande_conteggio_${forma}`);
  });
  const verso = filtri.ordine === "recenti" ? desc : asc;
  const pagineDomande = preparata(`elenco_domande_${forma}`, (d) =>
    d
      .select({
        id: domande.id,
        protocollo: domande.protocollo,
        stato: domande.stato,
        prestazione: domande.prestazione,
        fondo: domande.fondoCodice,
        dataInizio: domande.dataInizio,
        dataFine: domande.dataFine,
        aggiornataIl: domande.aggiornataIl,
        // Alike the columns of coda.server.ts and interlocuzione.server.ts (duplicates): each list selects its own
        // columns of the same tables
        azienda: aziende.ragioneSociale,
        cfAzienda: aziende.codiceFiscale,
        unita: unitaProduttive.denominazione,
      })
      .from(domande)
      .innerJoin(aziende, eq(aziende.id, domande.aziendaId))
      .leftJoin(unitaProduttive, eq(unitaProduttive.id, domande.unitaProduttivaId))
      .where(condizioniElenco(filtri))
      // id breaks ties, so a row never appears on two pages.
      .orderBy(verso(domande.aggiornataIl), verso(domande.id))
      .limit(PER_PAGINA)
      .offset(sql.placeholder("salta"))
      .prepare(`elenco_domande_${forma}`),
  );
  const righeDellaPagina = (n: number) => pagineDomande.execute({ ...valori, salta: (n - 1) * PER_PAGINA });
  // The count and the asked page at once; only a page past the end (a stale link) costs a second read.
  const [[{ totale }], righeChieste] = await Promise.all([conteggio.execute(valori), righeDellaPagina(filtri.pagina)]);
  const pagine = Math.min(Math.ceil(totale / PER_PAGINA), MAX_PAGINE);
  const pagina = Math.min(filtri.pagina, Math.max(pagine, 1));
  const righe = pagina === filtri.pagina ? righeChieste : await righeDellaPagina(pagina);
  return {
    righe: righe.map((r): RigaElenco => {
      const azione = prossimaAzione(r.stato);
      return {
        id: r.id,
        protocollo: r.protocollo,
        azienda: r.azienda,
        codiceFiscaleAzienda: r.cfAzienda,
        unita: r.unita ?? "Non ancora scelta",
        prestazione: nomePrestazione(r.prestazione, (r.fondo?.toUpperCase() as Fondo) ?? null),
        periodo:
          r.dataInizio && r.dataFine
            ? `${formatDataItaliana(r.dataInizio)} – ${formatDataItaliana(r.dataFine)}`
            : "Non ancora indicato",
        stato: ETICHETTE_STATO[r.stato],
        classeStato: CLASSI_STATO[r.stato],
        aggiornataIl: dataOraRoma(r.aggiornataIl),
        azione: { etichetta: azione.etichetta, href: `/domande/${r.id}${azione.percorso ? `/${azione.percorso}` : ""}` },
      };
    }),
    totale,
    pagine,
    pagina,
    opzioni,
  };
}
