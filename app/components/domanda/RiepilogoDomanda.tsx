// The read-only summary of a domanda, shared by the check-your-answers page (with "Modifica" links), its print
// preview, and the detail page of a sent domanda (as submitted). GOV.UK summary cards: one card per step with its
// title and action, rows of key and value in a <dl>.
import { Link } from "@remix-run/react";
import type {
  AllegatoRiepilogo,
  EsitoRiepilogo,
  Intestazione,
  LavoratoreRiepilogo,
  SezioneRiepilogo,
} from "~/services/riepilogo.server";
import { TabellaScorrevole } from "~/components/layout/TabellaScorrevole";
import { ListaEsiti } from "./Esiti";

export interface PropsRiepilogoDomanda {
  intestazione: Intestazione;
  sezioni: SezioneRiepilogo[];
  lavoratori: LavoratoreRiepilogo[];
  allegati: AllegatoRiepilogo[];
  /** With "Modifica" links to each step that come back to the summary (a draft, not in print preview). */
  modificabile?: boolean;
  /** Attachment names link to their download (the Sede's case page; the route authorises the reader). */
  scaricabili?: boolean;
}

function RigheRiepilogo({ righe }: { righe: Array<{ etichetta: string; valore: string[] }> }) {
  return (
    <dl className="mb-0">
      {righe.map((r, i) => (
        <div key={`${r.etichetta}-${i}`} className="row border-bottom py-2 mx-0">
          <dt className="col-sm-5 ps-0">{r.etichetta}</dt>
          <dd className="col-sm-7 mb-0 ps-0 text-break">
            {r.valore.length === 1 ? (
              r.valore[0]
            ) : (
              <ul className="list-unstyled mb-0">
                {r.valore.map((v, j) => (
                  <li key={j}>{v}</li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function RiepilogoDomanda({ intestazione: i, sezioni, lavoratori, allegati, modificabile, scaricabili }: PropsRiepilogoDomanda) {
  const generali = [
    { etichetta: "Prestazione", valore: [i.prestazione] },
    { etichetta: "Azienda", valore: [i.azienda.ragioneSociale] },
    { etichetta: "Codice fiscale dell'azienda", valore: [i.azienda.codiceFiscale] },
    { etichetta: "Matricola", valore: [i.azienda.matricola] },
    { etichetta: "Unità produttiva", valore: [i.unita] },
    { etichetta: "Periodo", valore: [i.periodo] },
    { etichetta: "Stato", valore: [i.stato] },
    ...(i.protocollo ? [{ etichetta: "Protocollo", valore: [i.protocollo] }] : []),
    ...(i.inviataIl ? [{ etichetta: "Inviata il", valore: [i.inviataIl] }] : []),
    ...(i.ticket ? [{ etichetta: "Ticket", valore: [i.ticket] }] : []),
  ];
  return (
    <div className="riepilogo-domanda">
      <section aria-labelledby="riepilogo-generali" className="card-wrapper mb-4">
        <h2 id="riepilogo-generali" className="h4">
          Dati generali
        </h2>
        <RigheRiepilogo righe={generali} />
      </section>
      {sezioni.map((s) => (
        <section key={s.slug} aria-labelledby={`riepilogo-${s.slug}`} className="mb-4">
          <div className="d-flex justify-content-between align-items-baseline flex-wrap gap-2">
            <h2 id={`riepilogo-${s.slug}`} className="h4">
              {s.titolo}
            </h2>
            {modificabile ? (
              <Link className="d-print-none" to={`/domande/${i.id}/${s.slug}?ritorno=riepilogo`}>
                Modifica<span className="visually-hidden"> {s.titolo.toLowerCase()}</span>
              </Link>
            ) : null}
          </div>
          <RigheRiepilogo righe={s.righe} />
        </section>
      ))}
      <section aria-labelledby="riepilogo-elenco-lavoratori" className="mb-4">
        <div className="d-flex justify-content-between align-items-baseline flex-wrap gap-2">
          <h2 id="riepilogo-elenco-lavoratori" className="h4">
            Elenco dei lavoratori beneficiari
          </h2>
          {modificabile ? (
            <Link className="d-print-none" to={`/domande/${i.id}/lavoratori?ritorno=riepilogo`}>
              Modifica<span className="visually-hidden"> l&apos;elenco dei lavoratori</span>
            </Link>
          ) : null}
        </div>
        {/* Alike the case's tables (scrivania.$id._index.tsx) and the attachments below (duplicates): a section with its heading, the empty case and a table of its own columns; the frame is TabellaScorrevole */}
        {lavoratori.length === 0 ? (
          <p>Nessun lavoratore indicato.</p>
        ) : (
          <TabellaScorrevole etichetta="Lavoratori beneficiari">
            <table className="table table-sm">
              <caption>Lavoratori beneficiari: {lavoratori.length}</caption>
              <thead>
                <tr>
                  <th scope="col">Codice fiscale</th>
                  <th scope="col">Cognome e nome</th>
                  <th scope="col">Qualifica</th>
                </tr>
              </thead>
              <tbody>
                {lavoratori.map((l) => (
                  <tr key={l.codiceFiscale}>
                    <th scope="row">{l.codiceFiscale}</th>
                    <td>{l.nominativo}</td>
                    <td>{l.qualifica}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TabellaScorrevole>
        )}
      </section>
      <section aria-labelledby="riepilogo-elenco-allegati" className="mb-4">
        <h2 id="riepilogo-elenco-allegati" className="h4">
          Documenti allegati
        </h2>
        {allegati.length === 0 ? (
          <p>Nessun documento allegato.</p>
        ) : (
          <TabellaScorrevole etichetta="Documenti allegati">
            {/* Alike privacy.tsx's tables (duplicates): the same table markup (header cells, one row per item); the columns and cells are this table's own */}
            <table className="table table-sm">
              <caption>Documenti allegati: {allegati.length}</caption>
              <thead>
                <tr>
                  <th scope="col">Nome del file</th>
                  <th scope="col">Tipo</th>
                  <th scope="col">Dimensione</th>
                </tr>
              </thead>
              <tbody>
                {allegati.map((a) => (
                  <tr key={a.id}>
                    <th scope="row" className="text-break">
                      {scaricabili ? (
                        <a href={`/domande/${i.id}/allegati/${a.id}`} download>
                          <span className="visually-hidden">Scarica </span>
                          {a.nomeFile}
                        </a>
                      ) : (
                        a.nomeFile
                      )}
                    </th>
                    <td>{a.tipo}</td>
                    <td>{a.dimensione}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TabellaScorrevole>
        )}
      </section>
    </div>
  );
}

/** The rule outcomes with their severity and explanation; a link to the step to correct when `conLink`. */
export function ElencoEsiti({
  esiti,
  titolo,
  idTitolo,
  domandaId,
  conLink,
}: {
  esiti: EsitoRiepilogo[];
  titolo: string;
  idTitolo: string;
  domandaId: number;
  conLink?: boolean;
}) {
  return (
    <section aria-labelledby={idTitolo} className="mb-4">
      <h2 id={idTitolo} className="h4">
        {titolo}
      </h2>
      {esiti.length === 0 ? (
        <p>Nessun avviso: i controlli automatici non hanno rilevato problemi.</p>
      ) : (
        <ListaEsiti
          esiti={esiti}
          dopo={(_, i) => {
            const e = esiti[i];
            return conLink && e.slug ? (
              <Link className="d-print-none" to={`/domande/${domandaId}/${e.slug}?ritorno=riepilogo`}>
                Vai al passo<span className="visually-hidden"> {e.titoloPasso}</span>
              </Link>
            ) : null;
          }}
        />
      )}
    </section>
  );
}

/** The domanda's timeline, oldest first: the same for the company's side and the Sede's (one history, both sides). */
export function CronologiaDomanda({ eventi }: { eventi: ReadonlyArray<{ id: number; quando: string; descrizione: string }> }) {
  return (
    <section aria-labelledby="titolo-cronologia" className="mb-4">
      <h2 id="titolo-cronologia" className="h4">
        Cronologia
      </h2>
      <TabellaScorrevole etichetta="Cronologia della domanda">
        {/* Alike the other tables of this page (duplicates): the same table markup (header cells, one row per item); the columns and cells are this table's own (Eventi della domanda, dal più vecchio) */}
        <table className="table table-sm">
          <caption>Eventi della domanda, dal più vecchio</caption>
          <thead>
            <tr>
              <th scope="col">Data e ora</th>
              <th scope="col">Evento</th>
            </tr>
          </thead>
          <tbody>
            {eventi.map((e) => (
              <tr key={e.id}>
                <th scope="row">{e.quando}</th>
                <td>{e.descrizione}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TabellaScorrevole>
    </section>
  );
}
