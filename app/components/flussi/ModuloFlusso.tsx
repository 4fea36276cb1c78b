// The upload form of a UniEmens-Cig flow: the token first (the server checks it before reading the file), the file,
// then two buttons that post to two addresses: "Verifica senza inviare" (nothing stored) and "Invia il flusso".
// Plain HTML: works without JavaScript.
import { Link } from "@remix-run/react";
import { ErrorSummary, Pulsante } from "~/components/form";
import { CampoCsrf } from "~/components/form/CampoCsrf";
import { classi, descrittoDa, MessaggioErrore } from "~/components/form/comuni";
import { messaggiFlussi as m } from "~/testi";

export function ModuloFlusso({ csrf, errore }: { csrf: string; errore?: string | null }) {
  return (
    <>
      {errore ? <ErrorSummary errori={[{ id: "flusso-file", messaggio: errore }]} /> : null}
      <form method="post" action="/flussi?index" encType="multipart/form-data" className="mb-4">
        <CampoCsrf token={csrf} />
        <div className={classi("form-group", "campo", errore && "campo-errore")}>
          <label htmlFor="flusso-file" className="active">
            {m.etichettaFile}
          </label>
          <div id="flusso-file-hint" className="form-text">
            {m.suggerimentoFile}
          </div>
          {errore ? <MessaggioErrore id="flusso-file" messaggio={errore} /> : null}
          <input
            id="flusso-file"
            name="file"
            type="file"
            accept=".xml,.csv,application/xml,text/xml,text/csv"
            className={classi("form-control", errore && "is-invalid")}
            aria-describedby={descrittoDa("flusso-file", true, Boolean(errore))}
            aria-invalid={errore ? true : undefined}
          />
        </div>
        <p>{m.spiegazioneVerifica}</p>
        <div className="d-flex flex-wrap gap-3">
          <button type="submit" className="btn btn-outline-primary" formAction="/flussi/verifica">
            {m.pulsanteVerifica}
          </button>
          <Pulsante>{m.pulsanteInvia}</Pulsante>
        </div>
      </form>
      <p className="small">
        <Link to="/flussi/catalogo">{m.schemaEDocumentazione}</Link>
      </p>
    </>
  );
}
