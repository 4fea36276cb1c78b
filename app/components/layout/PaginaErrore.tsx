import { messaggiInterfaccia, type CodiceErrore } from "~/testi/interfaccia";

const m = messaggiInterfaccia.errori;

/**
 * Pagine d'errore note; le altre richieste non valide (405, 411, 415…) si mostrano come 400, ogni altro stato come
 * 500 (nessun dettaglio tecnico all'utente).
 */
export function codiceErrore(stato: number): CodiceErrore {
  if (stato === 403 || stato === 404 || stato === 413 || stato === 503) return stato;
  if (stato >= 400 && stato < 500) return 400;
  return 500;
}

/** Titolo del documento per uno stato d'errore, ad esempio "Pagina non trovata — OMNIA IS". */
export function titoloErrore(stato: number): string {
  return `${m[codiceErrore(stato)].titolo}${messaggiInterfaccia.titoli.suffisso}`;
}

/**
 * Contenuto di una pagina d'errore (va dentro <Pagina>): titolo, spiegazione, cosa fare e link alla home.
 * Il codice resta visibile ma secondario: all'assistenza serve, all'utente no.
 */
export function PaginaErrore({ stato }: { stato: number }) {
  const codice = codiceErrore(stato);
  const testi = m[codice];
  return (
    <div className="testo-leggibile">
      <h1>{testi.titolo}</h1>
      <p className="lead">{testi.testo}</p>
      <p>{testi.suggerimento}</p>
      <p>
        <a href="/">{m.tornaHome}</a>
      </p>
      <p className="text-secondary small">
        {m.codice}: {stato}
      </p>
    </div>
  );
}
