// An inbox: one row per domanda's thread, most recent activity first, with the unread count; a filter "solo da leggere"
// as a plain GET form (works without JavaScript).
import { Form, Link } from "@remix-run/react";
import { TabellaScorrevole } from "~/components/layout/TabellaScorrevole";
import { messaggiComunicazioni as m } from "~/testi";
import { quandoLeggibile } from "./Filo";

export interface RigaCasella {
  domandaId: number;
  protocollo: string | null;
  prestazione: string;
  azienda: string;
  ultima: string;
  ultimaDescrizione: string;
  nonLetti: number;
}

export function Casella({
  righe,
  soloNonLetti,
  collegamento,
  totale,
  aziendaId = null,
}: {
  righe: readonly RigaCasella[];
  soloNonLetti: boolean;
  collegamento: (id: number) => string;
  totale: number;
  /** The inbox of one company (the portfolio's link): kept by the filter form. */
  aziendaId?: number | null;
}) {
  return (
    <>
      <p>
        {totale === 0 ? "Nessun messaggio da leggere." : totale === 1 ? "1 messaggio da leggere." : `${totale} messaggi da leggere.`}
      </p>
      <Form method="get" className="mb-3 d-flex flex-wrap gap-3 align-items-center">
        {aziendaId !== null ? <input type="hidden" name="azienda" value={aziendaId} /> : null}
        <div className="form-check">
          <input className="form-check-input" type="checkbox" id="solo-non-letti" name="solo" value="non-letti" defaultChecked={soloNonLetti} />
          <label className="form-check-label" htmlFor="solo-non-letti">
            Solo le domande con messaggi da leggere
          </label>
        </div>
        <button type="submit" className="btn btn-outline-primary btn-sm">
          Filtra
        </button>
      </Form>
      {righe.length === 0 ? (
        <p>{soloNonLetti ? m.casellaVuotaNonLetti : m.casellaVuota}</p>
      ) : (
        <TabellaScorrevole etichetta="Messaggi per domanda">
          <table className="table">
            <caption>{righe.length === 1 ? "1 domanda" : `${righe.length} domande`}, dall&apos;attività più recente</caption>
            <thead>
              <tr>
                <th scope="col">Domanda</th>
                <th scope="col">Azienda</th>
                <th scope="col">Ultimo messaggio o evento</th>
                <th scope="col">Da leggere</th>
              </tr>
            </thead>
            <tbody>
              {righe.map((r) => {
                const nome = r.protocollo ? `Domanda ${r.protocollo}` : `Bozza n. ${r.domandaId}`;
                return (
                  <tr key={r.domandaId}>
                    <th scope="row">
                      <Link to={collegamento(r.domandaId)}>{nome}</Link>
                      <br />
                      <span className="small">{r.prestazione}</span>
                    </th>
                    <td>{r.azienda}</td>
                    <td>
                      <time dateTime={r.ultima}>{quandoLeggibile(r.ultima)}</time>: {r.ultimaDescrizione}
                    </td>
                    <td>{r.nonLetti > 0 ? <strong>{r.nonLetti}</strong> : "0"}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TabellaScorrevole>
      )}
    </>
  );
}
