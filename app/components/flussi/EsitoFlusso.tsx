// The report of a flow (or of a dry run): totals, then the rejected rows with line, code and message, in a table
// that scrolls in its own box on a phone. Warnings of accepted rows are listed apart: they do not stop a return.
import { Link } from "@remix-run/react";
import { TabellaScorrevole } from "~/components/layout/TabellaScorrevole";
import { formatNumero } from "~/domain/formati";

export interface DatiEsitoFlusso {
  denunce: number;
  accolte: number;
  scartate: number;
  conAvvisi: number;
  interrotto: { riga: number; messaggio: string } | null;
  scarti: ReadonlyArray<{ riga: number; codice: string; messaggio: string }>;
  avvisi?: ReadonlyArray<{ riga: number; codice: string; messaggio: string }>;
}

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
                <Link to={`/flussi/catalogo#${s.codice}`}>{s.codice}</Link>
              </td>
              <td>{s.messaggio}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TabellaScorrevole>
  );
}

export function EsitoFlusso({ esito }: { esito: DatiEsitoFlusso }) {
  return (
    <>
      <dl className="row">
        <dt className="col-7 col-md-4">Denunce lette</dt>
        <dd className="col-5 col-md-8">{formatNumero(esito.denunce)}</dd>
        <dt className="col-7 col-md-4">Accolte</dt>
        <dd className="col-5 col-md-8">{formatNumero(esito.accolte)}</dd>
        <dt className="col-7 col-md-4">Scartate</dt>
        <dd className="col-5 col-md-8">{formatNumero(esito.scartate)}</dd>
        <dt className="col-7 col-md-4">Accolte con avvisi</dt>
        <dd className="col-5 col-md-8">{formatNumero(esito.conAvvisi)}</dd>
      </dl>
      {esito.interrotto ? (
        <div className="alert alert-warning" role="status">
          <p className="mb-0">
            <strong>Lettura interrotta{esito.interrotto.riga > 0 ? ` alla riga ${formatNumero(esito.interrotto.riga)}` : ""}.</strong>{" "}
            {esito.interrotto.messaggio} Le denunce lette prima sono state valutate; correggi il file e invia le restanti.
          </p>
        </div>
      ) : null}
      {esito.scarti.length ? <Righe titolo="Righe scartate" righe={esito.scarti} /> : null}
      {esito.avvisi?.length ? <Righe titolo="Avvisi sulle righe accolte" righe={esito.avvisi} /> : null}
    </>
  );
}
