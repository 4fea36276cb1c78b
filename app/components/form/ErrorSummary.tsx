import { useEffect, useRef } from "react";
import { messaggiInterfaccia } from "~/testi/interfaccia";
import { primoErrore, type PropsCampo } from "./comuni";

export interface VoceErrore {
  /** Id del campo da raggiungere; senza id (errore del modulo intero) la voce è solo testo. */
  id?: string;
  messaggio: string;
}

export interface PropsErrorSummary {
  errori: readonly VoceErrore[];
  /** Id del riquadro, per spostarvi il focus con JavaScript dopo un invio non valido. */
  id?: string;
  titolo?: string;
}

/**
 * Riepilogo degli errori in cima alla pagina (govuk-frontend error-summary): contenitore focalizzabile,
 * `role="alert"` interno, titolo "C'è un problema" e un link per errore che porta al campo.
 * Senza errori non rende nulla.
 *
 * Lo stesso comportamento con e senza JavaScript (GOV.UK): il riepilogo riceve il focus e il titolo del documento
 * comincia con "Errore: ". Senza JS: `autofocus` nell'HTML del server e il titolo da TitoloDocumento. Con JS gli
 * errori possono nascere nel browser (validazione di conform, che sposta il focus sul primo campo): l'effetto qui
 * sotto, dopo che conform ha finito, riporta il focus sul riepilogo e aggiunge il prefisso al titolo.
 */
export function ErrorSummary({ errori, id = "riepilogo-errori", titolo }: PropsErrorSummary) {
  const riquadro = useRef<HTMLDivElement>(null);
  const chiave = errori.map((e) => `${e.id ?? ""}:${e.messaggio}`).join("|");
  useEffect(() => {
    if (!chiave) return;
    const prefisso = messaggiInterfaccia.titoli.prefissoErrore;
    const timer = window.setTimeout(() => {
      riquadro.current?.focus();
      if (!document.title.startsWith(prefisso)) document.title = `${prefisso}${document.title}`;
    }, 0);
    return () => {
      window.clearTimeout(timer);
      if (document.title.startsWith(prefisso)) document.title = document.title.slice(prefisso.length);
    };
  }, [chiave]);
  if (errori.length === 0) return null;
  return (
    <div id={id} className="riepilogo-errori" tabIndex={-1} ref={riquadro} autoFocus>
      <div role="alert">
        <h2 className="riepilogo-errori-titolo">
          {titolo ?? messaggiInterfaccia.moduli.titoloRiepilogoErrori}
        </h2>
        <ul>
          {errori.map((errore, i) => (
            <li key={`${errore.id ?? ""}-${i}`}>
              {errore.id ? <a href={`#${errore.id}`}>{errore.messaggio}</a> : errore.messaggio}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/**
 * Voci del riepilogo dai campi (props semplici o `daConform(field)`), nell'ordine dei campi nella pagina;
 * `erroriModulo` (ad esempio `form.errors` di conform) vanno in testa, senza link.
 */
export function erroriDaCampi(
  campi: ReadonlyArray<Pick<PropsCampo, "id" | "errors">>,
  erroriModulo: readonly string[] = [],
): VoceErrore[] {
  const voci: VoceErrore[] = erroriModulo.map((messaggio) => ({ messaggio }));
  for (const campo of campi) {
    const messaggio = primoErrore(campo.errors);
    if (messaggio) voci.push({ id: campo.id, messaggio });
  }
  return voci;
}
