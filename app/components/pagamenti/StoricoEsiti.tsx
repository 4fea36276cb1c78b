import { Link } from "@remix-run/react";
import { TabellaScorrevole } from "~/components/layout/TabellaScorrevole";
import type { EsitoDiBonifico } from "~/services/pagamenti/esiti-banca.server";

/**
 * The bank's outcomes, oldest first: of a batch (one row per transfer, rejected ones included though they left the
 * batch) or of one transfer (one row per batch it was in).
 */
export function StoricoEsiti({ esiti, per }: { esiti: readonly EsitoDiBonifico[]; per: "lotto" | "bonifico" }) {
  const titolo = per === "lotto" ? "Esiti della banca per bonifico" : "Storico degli esiti della banca";
  return (
    <section aria-labelledby="titolo-esiti-banca" className="mb-4">
      <h2 id="titolo-esiti-banca" className="h4">
        {titolo}
      </h2>
      {esiti.length === 0 ? (
        <p>Nessun esito della banca registrato.</p>
      ) : (
        <TabellaScorrevole etichetta={titolo}>
          <table className="table">
            <caption>
              {titolo} ({esiti.length}), dal più vecchio
            </caption>
            <thead>
              <tr>
                <th scope="col">{per === "lotto" ? "Lavoratore" : "Lotto"}</th>
                <th scope="col">Esito</th>
                <th scope="col">Motivo (stato ISO 20022)</th>
                <th scope="col">File della banca</th>
                <th scope="col">Registrato</th>
              </tr>
            </thead>
            <tbody>
              {esiti.map((e) => (
                <tr key={`${e.importoId}-${e.lottoId}`}>
                  <th scope="row">
                    {per === "lotto" ? (
                      <>
                        <Link to={`/scrivania/pagamenti/importi/${e.importoId}`}>{e.nominativo}</Link>
                        <br />
                        <span className="text-muted">{e.codiceFiscale}</span>
                      </>
                    ) : (
                      <Link to={`/scrivania/pagamenti/lotti/${e.lottoId}`}>{e.lotto}</Link>
                    )}
                  </th>
                  <td>{e.esito === "pagato" ? "Pagato" : "Respinto"}</td>
                  <td>
                    {e.descrizione} ({e.stato})
                  </td>
                  <td>{e.file}</td>
                  <td>
                    {e.registratoIl}, {e.registratoDa}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TabellaScorrevole>
      )}
    </section>
  );
}
