// The decision as the company reads it on its domanda: the outcome, the authorisation number, what is authorised, for a
// partial authorisation exactly what was excluded and why, the motivazione, the provvedimento to download and the
// deadline to appeal. A rettifica is shown above the act it corrects, which stays listed.
import { formatDataItaliana as it } from "~/domain/date";
import { formatNumero } from "~/domain/formati";

export interface AttoMostrato {
  id: number;
  numero: string;
  esito: string;
  etichettaEsito: string;
  dataDecisione: string;
  motivazione: string;
  periodo: { inizio: string; fine: string } | null;
  giorni: string[] | null;
  oreAutorizzate: number | null;
  modalitaPagamento: string | null;
  lavoratoriAutorizzati: number;
  esclusioni: string[];
  rettificaDi: { numero: string } | null;
  rettificatoDa: { numero: string } | null;
  ricorso: { ammesso: boolean; scadenza: string | null; messaggio: string };
}

export function DecisioneDomanda({ atti, linkPdf }: { atti: readonly AttoMostrato[]; linkPdf: (atto: number) => string }) {
  if (atti.length === 0) return null;
  return (
    <section aria-labelledby="titolo-decisione" className="mb-4">
      <h2 id="titolo-decisione" className="h4">
        Decisione della Sede INPS
      </h2>
      {atti.map((a) => (
        <article key={a.id} className="border rounded p-3 mb-3" aria-labelledby={`atto-${a.id}`}>
          <h3 id={`atto-${a.id}`} className="h5">
            {a.rettificaDi ? "Rettifica: " : ""}
            {a.etichettaEsito} — provvedimento n. {a.numero} del {it(a.dataDecisione)}
          </h3>
          {a.rettificatoDa ? (
            <p className="fw-semibold">Questo provvedimento è stato rettificato dal n. {a.rettificatoDa.numero}.</p>
          ) : null}
          {a.rettificaDi ? <p>Rettifica il provvedimento n. {a.rettificaDi.numero}, che resta agli atti.</p> : null}
          {a.esito !== "respinta" ? (
            <ul>
              <li>Numero di autorizzazione: {a.numero}</li>
              {a.periodo ? (
                <li>
                  Periodo autorizzato: dal {it(a.periodo.inizio)} al {it(a.periodo.fine)}
                </li>
              ) : null}
              {a.giorni?.length ? <li>Giorni autorizzati: {a.giorni.map(it).join(", ")}</li> : null}
              {a.oreAutorizzate ? <li>Ore autorizzate: {formatNumero(a.oreAutorizzate)}</li> : null}
              <li>Lavoratori autorizzati: {a.lavoratoriAutorizzati}</li>
              {a.modalitaPagamento ? (
                <li>Modalità di pagamento: {a.modalitaPagamento === "diretto" ? "pagamento diretto dell'INPS" : "conguaglio con UniEmens"}</li>
              ) : null}
            </ul>
          ) : null}
          {a.esclusioni.length ? (
            <>
              <p className="mb-1 fw-semibold">Che cosa è escluso e perché:</p>
              {/* Alike RichiesteIstruttoria.tsx's list of documents (duplicates): a plain list of strings; here the exclusions of a partial decision */}
              <ul>
                {a.esclusioni.map((e, i) => (
                  <li key={i}>{e}</li>
                ))}
              </ul>
            </>
          ) : null}
          <p className="mb-1 fw-semibold">Motivazione:</p>
          <p className="testo-libero">{a.motivazione}</p>
          {a.ricorso.ammesso && !a.rettificatoDa ? (
            <div className="alert alert-info" role="note">
              <strong>Ricorso{a.ricorso.scadenza ? ` entro il ${it(a.ricorso.scadenza)}` : ""}.</strong> {a.ricorso.messaggio}
            </div>
          ) : null}
          <p className="mb-0">
            <a href={linkPdf(a.id)} download>
              Scarica il provvedimento n. {a.numero} in PDF
            </a>
          </p>
        </article>
      ))}
    </section>
  );
}
