// The report of a flow (or of a dry run): totals, then the rejected rows with line, code and message, in a table
// that scrolls in its own box on a phone. Warnings of accepted rows are listed apart: they do not stop a return.
import type { ReactNode } from "react";
import { TabellaScorrevole } from "~/components/layout/TabellaScorrevole";
import { formatNumero } from "~/domain/formati";
import { messaggiFlussi as m } from "~/testi";

export interface DatiEsitoFlusso {
  denunce: number;
  accolte: number;
  scartate: number;
  conAvvisi: number;
  interrotto: { riga: number; messaggio: string } | null;
  scarti: ReadonlyArray<{ riga: number; codice: string; messaggio: string }>;
  avvisi?: ReadonlyArray<{ riga: number; codice: string; messaggio: string }>;
  /** A dry run's entries beyond those listed (the stored flow's report lists every rejected row, paged). */
  nonElencate?: { scarti: number; avvisi: number };
}

// Alike the tables of scrivania._index.tsx and scrivania.pagamenti._index.tsx (duplicates): the frame is
// TabellaScorrevole with the title as caption; the columns (row, code, message of a discarded line) are this report's
// own
function Righe({ titolo, righe }: { titolo: string; righe: DatiEsitoFlusso["scarti"] }) {
  return (
    <TabellaScorrevole etichetta={titolo}>
      <table className="table">
        <caption>{titolo}</caption>
        <thead>
          <tr>
            <th scope="col">Riga</th>
            <th scope="col">Codice</th>
            <th scope="col">Che cosa non va</th>
          </tr>
        </thead>
        <tbody>
          {righe.map((s, i) => (
            <tr key={`${s.riga}-${s.codice}-${i}`}>
              <th scope="row">{s.riga > 0 ? formatNumero(s.riga) : "—"}</th>
              <td>
                {/* A plain anchor: the catalogue is a static page, and a report can hold a thousand rows, which Link
                    (router context, href resolution per row) took twice as long to render, holding the event loop. */}
                <a href={`/flussi/catalogo#${s.codice}`}>{s.codice}</a>
              </td>
              <td>{s.messaggio}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TabellaScorrevole>
  );
}

/** A flow's totals: returns read, accepted, rejected, accepted with warnings (the report and the progress page). */
export function TotaliFlusso({ totali: t }: { totali: Pick<DatiEsitoFlusso, "denunce" | "accolte" | "scartate" | "conAvvisi"> }) {
  return (
    <dl className="row">
      <dt className="col-7 col-md-4">Denunce lette</dt>
      <dd className="col-5 col-md-8">{formatNumero(t.denunce)}</dd>
      <dt className="col-7 col-md-4">Accolte</dt>
      <dd className="col-5 col-md-8">{formatNumero(t.accolte)}</dd>
      <dt className="col-7 col-md-4">Scartate</dt>
      <dd className="col-5 col-md-8">{formatNumero(t.scartate)}</dd>
      <dt className="col-7 col-md-4">Accolte con avvisi</dt>
      <dd className="col-5 col-md-8">{formatNumero(t.conAvvisi)}</dd>
    </dl>
  );
}

/** The page of one flow: its file name and state above the title, then the page's content and its links. */
export function PaginaFlusso({ nomeFile, stato, titolo, children }: { nomeFile: string; stato: string; titolo: string; children: ReactNode }) {
  return (
    <div className="row">
      <div className="col-12 col-lg-9">
        <p className="text-muted mb-1">
          {nomeFile} · {stato}
        </p>
        <h1>{titolo}</h1>
        {children}
      </div>
    </div>
  );
}

export function EsitoFlusso({ esito }: { esito: DatiEsitoFlusso }) {
  return (
    <>
      <TotaliFlusso totali={esito} />
      {esito.interrotto ? (
        <div className="alert alert-warning" role="status">
          <p className="mb-0">
            <strong>Lettura interrotta{esito.interrotto.riga > 0 ? ` alla riga ${formatNumero(esito.interrotto.riga)}` : ""}.</strong>{" "}
            {esito.interrotto.messaggio} Le denunce lette prima sono state valutate; correggi il file e invia le restanti.
          </p>
        </div>
      ) : null}
      {esito.scarti.length ? <Righe titolo="Righe scartate" righe={esito.scarti} /> : null}
      {esito.nonElencate?.scarti ? <p>{m.scartiNonElencati(formatNumero(esito.scarti.length), formatNumero(esito.nonElencate.scarti))}</p> : null}
      {esito.avvisi?.length ? <Righe titolo="Avvisi sulle righe accolte" righe={esito.avvisi} /> : null}
      {esito.nonElencate?.avvisi ? <p>{m.avvisiNonElencati(formatNumero(esito.avvisi?.length ?? 0), formatNumero(esito.nonElencate.avvisi))}</p> : null}
    </>
  );
}
