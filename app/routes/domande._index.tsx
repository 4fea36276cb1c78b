// "Le tue domande": drafts and sent domande of the companies this profile may act for, with filters, search,
// sort and pagination in a plain GET form (works without JavaScript, and every view has its own URL).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { FiltriElenco, FiltroCerca, FiltroOrdine, FiltroScelta, Paginazione } from "~/components/layout/Elenco";
import { richiediContesto, richiediAzione } from "~/http/accesso.server";
import { elencoDomande, leggiFiltri, type Filtri } from "~/services/elenco-domande.server";
import { numeroRichiesteInAttesa } from "~/services/istruttoria/interlocuzione.server";
import { TabellaScorrevole } from "~/components/layout/TabellaScorrevole";

export const handle = { titolo: "Le tue domande" };

export async function loader({ request }: LoaderFunctionArgs) {
  const ctx = await richiediContesto(request);
  richiediAzione(ctx, "crea_domanda");
  const filtri = leggiFiltri(new URL(request.url).searchParams);
  const [elenco, richiesteInAttesa] = await Promise.all([elencoDomande(ctx, filtri), numeroRichiesteInAttesa(ctx)]);
  return { filtri, ...elenco, richiesteInAttesa };
}

function urlPagina(filtri: Filtri, pagina: number): string {
  const p = new URLSearchParams();
  if (filtri.stato) p.set("stato", filtri.stato);
  if (filtri.prestazione) p.set("prestazione", filtri.prestazione);
  if (filtri.aziendaId) p.set("azienda", String(filtri.aziendaId));
  if (filtri.cerca) p.set("cerca", filtri.cerca);
  if (filtri.ordine !== "recenti") p.set("ordine", filtri.ordine);
  if (pagina > 1) p.set("pagina", String(pagina));
  const q = p.toString();
  return q ? `/domande?${q}` : "/domande";
}

export default function LeTueDomande() {
  const { filtri, righe, totale, pagine, pagina, opzioni, richiesteInAttesa } = useLoaderData<typeof loader>();
  const filtrato = Boolean(filtri.stato || filtri.prestazione || filtri.aziendaId || filtri.cerca);
  return (
    <>
      <h1>Le tue domande</h1>
      {richiesteInAttesa > 0 ? (
        <div className="alert alert-warning" role="status">
          {richiesteInAttesa === 1
            ? "La Sede INPS ti ha chiesto informazioni o documenti su una domanda: "
            : `La Sede INPS ti ha chiesto informazioni o documenti su ${richiesteInAttesa} domande: `}
          <Link to="/domande/richieste">vedi le richieste in attesa di risposta</Link>.
        </div>
      ) : null}
      <p>
        <Link className="btn btn-primary" to="/domande/nuova">
          Nuova domanda
        </Link>
      </p>
      <FiltriElenco percorso="/domande" filtrato={filtrato}>
        <FiltroCerca etichetta="Protocollo o codice fiscale dell'azienda" valore={filtri.cerca} maxLength={32} />
        <FiltroScelta nome="stato" etichetta="Stato" opzioni={opzioni.stati} valore={filtri.stato} tutte="Tutti gli stati" />
        <FiltroScelta nome="prestazione" etichetta="Prestazione" opzioni={opzioni.prestazioni} valore={filtri.prestazione} tutte="Tutte le prestazioni" />
        {opzioni.aziende ? (
          <FiltroScelta nome="azienda" etichetta="Azienda" opzioni={opzioni.aziende} valore={filtri.aziendaId ? String(filtri.aziendaId) : ""} tutte="Tutte le aziende" />
        ) : filtri.aziendaId ? (
          <input type="hidden" name="azienda" value={String(filtri.aziendaId)} />
        ) : null}
        <FiltroOrdine
          etichetta="Ordina per ultima modifica"
          opzioni={[
            { valore: "recenti", etichetta: "Dalla più recente" },
            { valore: "meno_recenti", etichetta: "Dalla meno recente" },
          ]}
          valore={filtri.ordine}
        />
      </FiltriElenco>
      {righe.length === 0 ? (
        <p>{filtrato ? "Nessuna domanda corrisponde ai filtri scelti." : "Non hai ancora domande."}</p>
      ) : (
        <TabellaScorrevole etichetta="Elenco delle domande">
          {/* Alike RiepilogoDomanda.tsx, domande.$id.lavoratori.tsx, flussi.chiavi.tsx, privacy.tsx, scrivania.pagamenti.lotti.$id._index.tsx's tables (duplicates): the same table markup (header cells, one row per item); the columns and cells are this table's own */}
          <table className="table">
            <caption>
              Domande: {totale}
              {pagine > 1 ? `, pagina ${pagina} di ${pagine}` : ""}
            </caption>
            <thead>
              <tr>
                <th scope="col">Protocollo</th>
                <th scope="col">Azienda</th>
                <th scope="col">Unità produttiva</th>
                <th scope="col">Prestazione</th>
                <th scope="col">Periodo</th>
                <th scope="col">Stato</th>
                <th scope="col">Ultima modifica</th>
                <th scope="col">Azione</th>
              </tr>
            </thead>
            <tbody>
              {righe.map((r) => (
                <tr key={r.id}>
                  <th scope="row">{r.protocollo ?? `Bozza n. ${r.id}`}</th>
                  <td>
                    {r.azienda}
                    <br />
                    <span className="text-muted">{r.codiceFiscaleAzienda}</span>
                  </td>
                  <td>{r.unita}</td>
                  <td>{r.prestazione}</td>
                  <td>{r.periodo}</td>
                  <td>
                    <span className={`badge ${r.classeStato}`}>{r.stato}</span>
                  </td>
                  <td>{r.aggiornataIl}</td>
                  <td>
                    <Link to={r.azione.href}>
                      {r.azione.etichetta}
                      <span className="visually-hidden"> — {r.protocollo ?? `bozza n. ${r.id}`}</span>
                    </Link>
                    {r.protocollo ? null : (
                      <>
                        <br />
                        <Link to={`/domande/${r.id}/elimina`}>
                          Elimina<span className="visually-hidden"> la bozza n. {r.id}</span>
                        </Link>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TabellaScorrevole>
      )}
      <Paginazione
        etichetta="Pagine dell'elenco"
        voci={[
          pagina > 1 ? { etichetta: "Pagina precedente", href: urlPagina(filtri, pagina - 1) } : null,
          { etichetta: `Pagina ${pagina} di ${pagine}`, attuale: true },
          pagina < pagine ? { etichetta: "Pagina successiva", href: urlPagina(filtri, pagina + 1) } : null,
        ]}
      />
    </>
  );
}
