// The parts every list page shares (Le tue domande, the Sede's queue): the filter form and the page links. Both are
// plain GET forms and links, so they work without JavaScript and a filtered page can be bookmarked.
import type { ReactNode } from "react";
import { Form, Link } from "@remix-run/react";
import { Pulsante } from "~/components/form";

/**
 * "Cerca e filtra": the list's fields (each in a `CellaFiltro`), "Applica", and "Togli i filtri" back to `percorso`
 * when any filter is on.
 */
export function FiltriElenco({ percorso, filtrato, children }: { percorso: string; filtrato: boolean; children: ReactNode }) {
  return (
    <Form method="get" className="mb-4" aria-labelledby="titolo-filtri">
      <h2 id="titolo-filtri" className="h4">
        Cerca e filtra
      </h2>
      <div className="row">{children}</div>
      <div className="d-flex flex-wrap gap-3 align-items-center">
        <Pulsante type="submit" variante="secondario">
          Applica
        </Pulsante>
        {filtrato ? <Link to={percorso}>Togli i filtri</Link> : null}
      </div>
    </Form>
  );
}

/** One field of the filters' grid: a column on wide screens, the whole width on a phone. */
export function CellaFiltro({ children }: { children: ReactNode }) {
  return <div className="col-md-6 col-lg-4">{children}</div>;
}

/** A page link (`href`), or the page being read (`attuale`, no link). */
export type VocePaginazione = { etichetta: string; href: string } | { etichetta: string; attuale: true };

/** Page links under a list; `voci` without the ones that do not apply (null). Nothing when there is one page. */
export function Paginazione({ etichetta, voci }: { etichetta: string; voci: ReadonlyArray<VocePaginazione | null> }) {
  const presenti = voci.filter((v): v is VocePaginazione => v !== null);
  if (!presenti.some((v) => "href" in v)) return null;
  return (
    <nav className="pagination-wrapper" aria-label={etichetta}>
      <ul className="pagination">
        {presenti.map((v) => (
          <li key={v.etichetta} className="page-item">
            {"href" in v ? (
              <Link className="page-link" to={v.href}>
                {v.etichetta}
              </Link>
            ) : (
              <span className="page-link" aria-current="page">
                {v.etichetta}
              </span>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
