// The published catalogue of the flows' errors and warnings (public: payroll software houses read it), with the
// schema and the examples to download. Each code has an anchor, so a report links to its explanation.
import { useLoaderData } from "@remix-run/react";
import { CATALOGO_ERRORI_FLUSSI } from "~/domain/flussi/catalogo-errori";
import { MAPPATURA_IN_USO } from "~/domain/flussi/mappatura";

export const handle = { titolo: "Flussi UniEmens-Cig: schema e catalogo degli errori" };

export function loader() {
  return { voci: Object.entries(CATALOGO_ERRORI_FLUSSI).map(([codice, v]) => ({ codice, ...v })), versione: MAPPATURA_IN_USO.versione };
}

export default function CatalogoFlussi() {
  const d = useLoaderData<typeof loader>();
  return (
    <div className="row">
      <div className="col-12 col-lg-9">
        <h1>Flussi UniEmens-Cig: schema e catalogo degli errori</h1>
        <p>
          Lo schema della piattaforma (versione {d.versione}) usa l&apos;involucro e i nomi noti della famiglia UniEmens; dove
          i nomi dell&apos;INPS non sono pubblici usa nomi propri, dichiarati nello schema: <code>IBAN</code>, <code>Ticket</code>,{" "}
          <code>GiornoCig</code> e <code>OreCig</code>. I codici qui sotto sono della piattaforma: quelli dei controlli in
          accoglienza dell&apos;INPS non sono pubblici.
        </p>
        <ul>
          <li>
            <a href="/flussi/uniemens-cig-omnia-1.0.xsd">Schema XSD</a>
          </li>
          <li>
            <a href="/flussi/esempi/flusso-c3-marzo-2026.xml">Esempio XML</a> e{" "}
            <a href="/flussi/esempi/flusso-c3-marzo-2026.csv">lo stesso contenuto in CSV</a>
          </li>
        </ul>
        <h2 className="h3 mt-4">Errori e avvisi</h2>
        {d.voci.map((v) => (
          <section key={v.codice} id={v.codice} className="mb-4" aria-labelledby={`${v.codice}-titolo`}>
            <h3 className="h5" id={`${v.codice}-titolo`}>
              {v.codice} · {v.gravita === "errore" ? "Errore" : "Avviso"}: {v.titolo}
            </h3>
            <p className="mb-1">
              <strong>Perché:</strong> {v.causa}
            </p>
            <p className="mb-1">
              <strong>Che cosa fare:</strong> {v.rimedio}
            </p>
            <p className="small text-secondary">Riferimento: {v.riferimento}</p>
          </section>
        ))}
      </div>
    </div>
  );
}
