import type { ReactNode } from "react";
import { messaggiInterfaccia } from "~/testi/interfaccia";

const m = messaggiInterfaccia;

export interface UtenteIntestazione {
  nome: string;
  /** Descrizione del profilo in uso, ad esempio "Datore di lavoro — Officine Meccaniche Brenta S.r.l.". */
  profilo: string | null;
  /** The profile's inbox and its entries not read yet (none without a chosen profile). */
  messaggi?: { href: string; nonLetti: number } | null;
}

export interface PropsPagina {
  utente: UtenteIntestazione | null;
  csrfToken: string | null;
  children: ReactNode;
}

// Link e modulo sono elementi HTML semplici, non <Link>/<Form> di Remix: l'involucro funziona senza JS e anche
// nell'ErrorBoundary della root, dove il router potrebbe non essere utilizzabile.

/**
 * Involucro di ogni pagina: skip link, intestazione Bootstrap Italia (slim + center, senza menu che richiedano
 * JS), `<main id="contenuto">` e piè di pagina con i link ai documenti.
 */
export function Pagina({ utente, csrfToken, children }: PropsPagina) {
  return (
    <>
      <div className="skiplinks d-print-none">
        <a className="visually-hidden-focusable" href="#contenuto">
          {m.intestazione.vaiAlContenuto}
        </a>
      </div>
      <header className="it-header-wrapper d-print-none">
        {/* Alike the header's centre row below (duplicates): Bootstrap Italia's header markup, nested as the design system documents it (slim row with the sign-in, centre row with the brand) */}
        <div className="it-header-slim-wrapper">
          <div className="container">
            <div className="it-header-slim-wrapper-content">
              <a className="navbar-brand" href="https://www.inps.it">
                {m.ente}
              </a>
              <div className="it-header-slim-right-zone">
                {utente ? (
                  <AreaUtente utente={utente} csrfToken={csrfToken} />
                ) : (
                  <div className="it-access-top-wrapper">
                    <a className="btn btn-primary btn-sm" href="/accedi">
                      {m.intestazione.accedi}
                    </a>
                  </div>
                )}
              </div>
            </div>
          </div>
        </div>
        <div className="it-nav-wrapper">
          {/* Alike the slim row above (duplicates): Bootstrap Italia's header markup, nested as the design system documents it */}
          <div className="it-header-center-wrapper">
            <div className="container">
              <div className="it-header-center-content-wrapper">
                <div className="it-brand-wrapper">
                  <a href="/">
                    <div className="it-brand-text">
                      <div className="it-brand-title">{m.nomeServizio}</div>
                      <div className="it-brand-tagline">{m.taglineServizio}</div>
                    </div>
                  </a>
                </div>
              </div>
            </div>
          </div>
        </div>
      </header>
      {/* tabIndex -1: il link "Vai al contenuto principale" sposta davvero il focus qui (Safari, screen reader). */}
      <main id="contenuto" tabIndex={-1}>
        <div className="container">{children}</div>
      </main>
      <footer className="it-footer d-print-none">
        <div className="it-footer-main">
          <div className="container">
            <div className="it-brand-wrapper">
              <p className="fw-bold mb-1">{m.nomeServizio}</p>
              <p className="mb-0">{m.piede.titolare}</p>
            </div>
          </div>
        </div>
        <div className="it-footer-small-prints clearfix">
          <div className="container">
            <nav aria-label={m.piede.etichettaNavigazione}>
              <ul className="it-footer-small-prints-list list-inline mb-0 d-flex flex-column flex-md-row">
                {(
                  [
                    ["/", m.piede.home],
                    ["/documenti", m.piede.documenti],
                    ["/prestazioni/cigo/tempi", m.piede.tempi],
                    ["/dichiarazione-accessibilita", m.piede.accessibilita],
                    ["/privacy", m.piede.privacy],
                  ] as const
                ).map(([href, testo]) => (
                  <li key={href} className="list-inline-item">
                    <a href={href}>{testo}</a>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
        </div>
      </footer>
    </>
  );
}

/** Chi è collegato e come chi opera; "Esci" è un POST con token CSRF, mai un link (un GET non cambia stato). */
function AreaUtente({ utente, csrfToken }: { utente: UtenteIntestazione; csrfToken: string | null }) {
  return (
    <div className="area-utente">
      <p className="mb-0">
        <span className="visually-hidden">{m.intestazione.etichettaAreaUtente}: </span>
        <span className="area-utente-nome">{utente.nome}</span>
        <span className="visually-hidden">, {m.intestazione.profilo}: </span>
        <span aria-hidden="true"> · </span>
        <span>{utente.profilo ?? m.intestazione.nessunProfilo}</span>
      </p>
      {utente.messaggi ? (
        <a href={utente.messaggi.href}>
          {m.intestazione.messaggi}
          {utente.messaggi.nonLetti > 0 ? ` (${m.intestazione.daLeggere(utente.messaggi.nonLetti)})` : ""}
        </a>
      ) : null}
      <a href="/profilo">{m.intestazione.cambiaProfilo}</a>
      <form method="post" action="/esci">
        {csrfToken ? <input type="hidden" name="csrf" value={csrfToken} /> : null}
        <button type="submit" className="btn btn-esci">
          {m.intestazione.esci}
        </button>
      </form>
    </div>
  );
}
