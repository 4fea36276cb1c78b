// The upload form of a UniEmens-Cig flow: the token first (the server checks it before reading the file), the file,
// then buttons that post to three addresses: "Verifica senza inviare" (nothing stored, the report as a page), the same
// with the whole report as a CSV download, and "Invia il flusso".
// Plain HTML: works without JavaScript.
import { Link } from "@remix-run/react";
import { CampoFile, ErrorSummary, Pulsante } from "~/components/form";
import { CampoCsrf } from "~/components/form/CampoCsrf";
import { messaggiFlussi as m } from "~/testi";

export function ModuloFlusso({ csrf, errore }: { csrf: string; errore?: string | null }) {
  return (
    <>
      {errore ? <ErrorSummary errori={[{ id: "flusso-file", messaggio: errore }]} /> : null}
      <form method="post" action="/flussi?index" encType="multipart/form-data" className="mb-4">
        <CampoCsrf token={csrf} />
        {/* Alike Filo.tsx's file field (duplicates): CampoFile is the shared piece; the props are this flow's own file (XML or CSV) */}
        <CampoFile
          id="flusso-file"
          name="file"
          etichetta={m.etichettaFile}
          suggerimento={m.suggerimentoFile}
          errors={errore ? [errore] : undefined}
          accept=".xml,.csv,application/xml,text/xml,text/csv"
        />
        <p>{m.spiegazioneVerifica}</p>
        <div className="d-flex flex-wrap gap-3">
          <button type="submit" className="btn btn-outline-primary" formAction="/flussi/verifica">
            {m.pulsanteVerifica}
          </button>
          <button type="submit" className="btn btn-outline-primary" formAction="/flussi/verifica.csv">
            {m.pulsanteVerificaCsv}
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
