// The operators' queue: the open cases the assignment rule gives this operator or manager, grouped by urgency of the
// decision time limit, filtered and sorted by a plain GET form (works without JavaScript, every view has its URL),
// keyset pages of 25 ("Pagina successiva" carries the last row seen).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { FiltriElenco, FiltroCerca, FiltroOrdine, FiltroScelta, Paginazione } from "~/components/layout/Elenco";
import { TabellaScorrevole } from "~/components/layout/TabellaScorrevole";
import type { GruppoCoda } from "~/domain/istruttoria/termine-decisione";
import { richiediContesto, rispostaNonTrovata } from "~/http/accesso.server";
import { codaIstruttoria, GRUPPI, leggiFiltriCoda, urlCoda, type RigaCoda } from "~/services/istruttoria/coda.server";

export const handle = { titolo: "Scrivania: domande da istruire" };

export async function loader({ request }: LoaderFunctionArgs) {
  const ctx = await richiediContesto(request);
  const filtri = leggiFiltriCoda(new URL(request.url).searchParams);
  const pagina = await codaIstruttoria(ctx, filtri);
  if (!pagina) throw rispostaNonTrovata();
  return {
    filtri,
    ...pagina,
    dirigente: ctx.ruolo === "dirigente_sede",
    // From the loader: the component runs in the browser too, where *.server modules are empty.
    gruppi: GRUPPI,
    prossimaUrl: pagina.prossima ? urlCoda(filtri, pagina.prossima) : null,
    primaUrl: urlCoda(filtri),
    urlGruppi: Object.fromEntries(GRUPPI.map((g) => [g, urlCoda({ ...filtri, gruppo: g, dopo: null })])) as Record<GruppoCoda, string>,
  };
}

const CLASSI_URGENZA = { scaduto: "text-danger fw-semibold", in_scadenza: "fw-semibold", nei_termini: "" } as const;

// Alike EsitoFlusso.tsx's and scrivania.pagamenti._index.tsx's tables (duplicates): the frame is TabellaScorrevole with
// the title as caption; the columns are the queue's own
function Tabella({ titolo, righe }: { titolo: string; righe: RigaCoda[] }) {
  return (
    <TabellaScorrevole etichetta={titolo}>
      <table className="table">
        <caption>{titolo}</caption>
        <thead>
          <tr>
            <th scope="col">Protocollo</th>
            <th scope="col">Azienda</th>
            <th scope="col">Prestazione, causale e periodo</th>
            <th scope="col">Stato</th>
            <th scope="col">Giorni dall&apos;invio</th>
            <th scope="col">Termine per decidere</th>
            <th scope="col">Assegnata a</th>
            <th scope="col">Avvisi all&apos;invio</th>
          </tr>
        </thead>
        <tbody>
          {righe.map((r) => (
            <tr key={r.id}>
              <th scope="row">
                <Link to={`/scrivania/${r.id}`}>
                  <span className="visually-hidden">Apri la domanda </span>
                  {r.protocollo}
                </Link>
              </th>
              <td>
                {r.azienda}
                <br />
                <span className="text-muted">{r.codiceFiscaleAzienda}</span>
              </td>
              <td>
                {r.prestazione}
                <br />
                <span className="text-muted">{r.causale}</span>
                <br />
                <span className="text-muted">{r.periodo}</span>
              </td>
              <td>
                <span className={`badge ${r.classeStato}`}>{r.stato}</span>
              </td>
              <td>{r.giorniDallInvio}</td>
              <td className={CLASSI_URGENZA[r.termine.urgenza]}>{r.termine.testo}</td>
              <td>{r.mia ? "A te" : (r.operatore ?? "Nessuno")}</td>
              <td>{r.avvisi === 0 ? "Nessuno" : r.avvisi}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TabellaScorrevole>
  );
}

export default function Scrivania() {
  const d = useLoaderData<typeof loader>();
  const f = d.filtri;
  const filtrato = Boolean(f.cerca || f.prestazione || f.causale || f.stato || f.assegnazione || f.gruppo || f.avvisi);
  const gruppiPagina = d.gruppi.filter((g) => d.righe.some((r) => r.gruppo === g));
  return (
    <>
      <h1>Domande da istruire</h1>
      <p>
        Le domande inviate alle sedi per cui operi, ordinate per urgenza del termine per decidere.
        {d.dirigente ? " Come dirigente le consulti in sola lettura." : null}
      </p>
      {d.dirigente ? (
        <p>
          <Link to="/scrivania/carichi">Carichi di lavoro e tempi dell&apos;ufficio</Link>
        </p>
      ) : null}
      <p>
        <Link to="/scrivania/pagamenti">Pagamenti diretti: importi, eccezioni e lotti</Link>
      </p>
      {/* Alike the decision's sections (scrivania_.$id.decisione.tsx) (duplicates): a landmark labelled by its heading; the contents are the queue's groups */}
      <nav aria-labelledby="titolo-gruppi" className="mb-4">
        <h2 id="titolo-gruppi" className="h4">
          Per urgenza
        </h2>
        <ul>
          {d.gruppi.map((g) => (
            <li key={g}>
              <Link to={d.urlGruppi[g]} aria-current={f.gruppo === g ? "page" : undefined}>
                {d.etichetteGruppi[g]}: {d.conteggi[g]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <FiltriElenco percorso="/scrivania" filtrato={filtrato}>
        <FiltroCerca etichetta="Azienda o protocollo" suggerimento="Ragione sociale, codice fiscale, matricola o protocollo" valore={f.cerca} maxLength={64} />
        <FiltroScelta nome="prestazione" etichetta="Prestazione" opzioni={d.opzioni.prestazioni} valore={f.prestazione} tutte="Tutte le prestazioni" />
        <FiltroScelta nome="causale" etichetta="Causale" opzioni={d.opzioni.causali} valore={f.causale} tutte="Tutte le causali" />
        <FiltroScelta nome="stato" etichetta="Stato" opzioni={d.opzioni.stati} valore={f.stato} tutte="Tutti gli stati aperti" />
        <FiltroScelta
          nome="assegnazione"
          etichetta="Assegnazione"
          opzioni={[
            { valore: "mie", etichetta: "Prese in carico da me" },
            { valore: "libere", etichetta: "Non ancora prese in carico" },
          ]}
          valore={f.assegnazione}
          tutte="Tutte"
        />
        <FiltroScelta
          nome="gruppo"
          etichetta="Urgenza"
          opzioni={d.gruppi.map((g) => ({ valore: g, etichetta: d.etichetteGruppi[g] }))}
          valore={f.gruppo}
          tutte="Tutte"
        />
        <FiltroScelta
          nome="avvisi"
          etichetta="Avvisi aperti all'invio"
          opzioni={[{ valore: "si", etichetta: "Solo con avvisi" }]}
          valore={f.avvisi ? "si" : ""}
          tutte="Con e senza avvisi"
        />
        <FiltroOrdine
          etichetta="Ordina dentro ogni gruppo"
          opzioni={[
            { valore: "scadenza", etichetta: "Termine più vicino" },
            { valore: "invio_vecchie", etichetta: "Inviate da più tempo" },
            { valore: "invio_recenti", etichetta: "Inviate più di recente" },
          ]}
          valore={f.ordine}
        />
      </FiltriElenco>
      {d.righe.length === 0 ? (
        <p>{filtrato ? "Nessuna domanda corrisponde ai filtri scelti." : "Non ci sono domande da istruire."}</p>
      ) : (
        gruppiPagina.map((g) => (
          <section key={g} aria-labelledby={`gruppo-${g}`} className="mb-4">
            <h2 id={`gruppo-${g}`} className="h4">
              {d.etichetteGruppi[g]} ({d.conteggi[g]})
            </h2>
            <Tabella titolo={`${d.etichetteGruppi[g]}${d.primaPagina ? "" : ", continua"}`} righe={d.righe.filter((r) => r.gruppo === g)} />
          </section>
        ))
      )}
      <Paginazione
        etichetta="Pagine della coda"
        voci={[
          d.primaPagina ? null : { etichetta: "Prima pagina", href: d.primaUrl },
          d.prossimaUrl ? { etichetta: "Pagina successiva", href: d.prossimaUrl } : null,
        ]}
      />
    </>
  );
}
