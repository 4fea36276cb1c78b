import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { titolo } from "~/components/form";
import { messaggiInterfaccia } from "~/testi/interfaccia";

const m = messaggiInterfaccia.home;

export const meta: MetaFunction = () => [
  { title: titolo(messaggiInterfaccia.titoli.home) },
  {
    name: "description",
    content:
      "Il servizio INPS per presentare e seguire le domande di CIGO, assegno di integrazione salariale (FIS e fondi di solidarietà) e CISOA.",
  },
];

/** Pagina iniziale pubblica: cosa fa il servizio (dal comunicato di rilascio) e l'accesso. */
export default function Home() {
  return (
    <div className="testo-leggibile">
      <h1>{messaggiInterfaccia.titoli.home}</h1>
      <p className="lead">{m.introduzione}</p>
      <p>{m.accediSpiegazione}</p>
      <p>
        <Link to="/accedi" className="btn btn-primary btn-lg">
          {m.accedi}
        </Link>
      </p>

      <h2 className="mt-5">{m.titoloDatori}</h2>
      <ul>
        {m.funzioniDatori.map((f) => (
          <li key={f}>{f}</li>
        ))}
      </ul>

      <h2 className="mt-5">{m.titoloOperatori}</h2>
      <ul>
        {m.funzioniOperatori.map((f) => (
          <li key={f}>{f}</li>
        ))}
      </ul>

      <h2 className="mt-5">{m.titoloAiuto}</h2>
      <p>
        {m.testoAiuto} <Link to="/documenti">{m.linkManuale}</Link>.
      </p>
      <p>
        {m.testoTempi} <Link to="/prestazioni/cigo/tempi">{m.linkTempi}</Link>.
      </p>
    </div>
  );
}
