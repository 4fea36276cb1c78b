// The parts every list page shares (Le tue domande, the Sede's queue): the filter form and the page links. Both are
// plain GET forms and links, so they work without JavaScript and a filtered page can be bookmarked.
import type { ReactNode } from "react";
import { Form, Link } from "@remix-run/react";
import { CampoTesto, Pulsante, Selezione, type Opzione } from "~/components/form";

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

/** The free-text search of a list, in its cell (the name "cerca" is the lists' query parameter). */
// Alike deleghe.abilita.tsx's fields and domande.$id.allegati.tsx's ModuloPasso props (duplicates): only the shape of
// props passed by name to a shared component; the values are the search's own
export function FiltroCerca(p: { etichetta: string; suggerimento?: string; valore: string | undefined; maxLength: number }) {
  return (
    <CellaFiltro>
      <CampoTesto
        id="cerca"
        name="cerca"
        etichetta={p.etichetta}
        suggerimento={p.suggerimento}
        defaultValue={p.valore}
        maxLength={p.maxLength}
        spellCheck={false}
        facoltativo
      />
    </CellaFiltro>
  );
}

/** A filter chosen from a list, in its cell; the first choice, `tutte`, applies none (the empty value). */
export function FiltroScelta(p: { nome: string; etichetta: string; opzioni: readonly Opzione[]; valore: string | null | undefined; tutte: string }) {
  return (
    <CellaFiltro>
      <Selezione id={p.nome} name={p.nome} etichetta={p.etichetta} opzioni={p.opzioni} defaultValue={p.valore ?? ""} vuota={p.tutte} facoltativo />
    </CellaFiltro>
  );
}

/** The list's order ("ordine"), in its cell: always one of the options, no empty choice. */
export function FiltroOrdine(p: { etichetta: string; opzioni: readonly Opzione[]; valore: string }) {
  return (
    <CellaFiltro>
      <Selezione id="ordine" name="ordine" etichetta={p.etichetta} opzioni={p.opzioni} defaultValue={p.valore} vuota={false} />
    </CellaFiltro>
  );
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
