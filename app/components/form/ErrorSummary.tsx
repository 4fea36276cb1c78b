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
 */
export function ErrorSummary({ errori, id = "riepilogo-errori", titolo }: PropsErrorSummary) {
  if (errori.length === 0) return null;
  return (
    <div id={id} className="riepilogo-errori" tabIndex={-1}>
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
