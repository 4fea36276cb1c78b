// The requests of the Sede to the company and the answers, as both sides see them: the deadline, the state today, the
// documents asked, the answer (highlighted) with its documents. Internal notes are never part of this.
import { formatDataItaliana as it } from "~/domain/date";
import { dimensioneFile } from "~/domain/formati";

export interface RichiestaMostrata {
  id: number;
  nomeTipo: string;
  testo: string;
  documentiRichiesti: string[];
  ricevutaIl: string;
  scadenza: string;
  stato: string;
  situazione: { stato: string; messaggio: string; rispostaTardiva: boolean };
  rispostaTesto: string | null;
  rispostaIl: string | null;
  rispostaDa: string | null;
  allegati: Array<{ id: number; nomeFile: string; dimensione: number }>;
}

const ETICHETTA_STATO: Record<string, string> = {
  aperta: "In attesa di risposta",
  risposta: "Risposta ricevuta",
  scaduta: "Scaduta senza risposta",
  chiusa: "Chiusa dalla Sede",
};

export function RichiesteIstruttoria({
  richieste,
  titolo,
  idTitolo,
  linkAllegato,
}: {
  richieste: readonly RichiestaMostrata[];
  titolo: string;
  idTitolo: string;
  /** Where a document of an answer is downloaded (null: listed without a link). */
  linkAllegato: ((allegatoId: number) => string) | null;
}) {
  if (richieste.length === 0) return null;
  return (
    <section aria-labelledby={idTitolo} className="mb-4">
      <h2 id={idTitolo} className="h4">
        {titolo}
      </h2>
      {richieste.map((r) => (
        <article key={r.id} className="border rounded p-3 mb-3" aria-labelledby={`richiesta-${r.id}-titolo`}>
          <h3 id={`richiesta-${r.id}-titolo`} className="h5">
            {r.nomeTipo} del {it(r.ricevutaIl)}
          </h3>
          <p className="mb-1">
            Stato: <strong>{ETICHETTA_STATO[r.situazione.stato] ?? r.situazione.stato}</strong>. Termine per rispondere:{" "}
            <strong>{it(r.scadenza)}</strong>.
          </p>
          <p className="text-muted">{r.situazione.messaggio}</p>
          <p className="testo-libero">
            {r.testo}
          </p>
          {r.documentiRichiesti.length ? (
            <>
              <p className="mb-1">Documenti richiesti:</p>
              {/* Alike DecisioneDomanda.tsx's list of exclusions (duplicates): a plain list of strings; here the documents requested */}
              <ul>
                {r.documentiRichiesti.map((d, i) => (
                  <li key={i}>{d}</li>
                ))}
              </ul>
            </>
          ) : null}
          {r.rispostaTesto ? (
            <div className="alert alert-info" role="region" aria-label={`Risposta dell'azienda del ${it(r.rispostaIl!)}`}>
              <p className="fw-semibold mb-1">
                Risposta dell&apos;azienda del {it(r.rispostaIl!)}
                {r.rispostaDa ? `, inviata da ${r.rispostaDa}` : ""}
                {r.situazione.rispostaTardiva ? " (oltre il termine)" : ""}
              </p>
              <p className="testo-libero">{r.rispostaTesto}</p>
              {r.allegati.length ? (
                <ul className="mb-0">
                  {r.allegati.map((a) => (
                    <li key={a.id}>
                      {linkAllegato ? (
                        <a href={linkAllegato(a.id)} download>
                          {a.nomeFile}
                        </a>
                      ) : (
                        a.nomeFile
                      )}{" "}
                      ({dimensioneFile(a.dimensione)})
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="mb-0">Nessun documento allegato.</p>
              )}
            </div>
          ) : null}
        </article>
      ))}
    </section>
  );
}
