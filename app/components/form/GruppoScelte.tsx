import type { ReactNode } from "react";
import { classi, descrittoDa, MessaggioErrore, primoErrore, Suggerimento, TestoEtichetta, type PropsCampo } from "./comuni";

export interface Scelta {
  valore: string;
  etichetta: ReactNode;
  /** Spiegazione della singola scelta, collegata con aria-describedby. */
  suggerimento?: ReactNode;
}

export interface PropsGruppo extends PropsCampo {
  /** Testo della legenda: la domanda a cui il gruppo risponde. */
  legenda: ReactNode;
  suggerimento?: ReactNode;
  scelte: readonly Scelta[];
  /** Scelte affiancate invece che in colonna (solo per due o tre scelte brevi, ad esempio Sì/No). */
  inLinea?: boolean;
  required?: boolean | undefined;
  facoltativo?: boolean;
}

/** Id della scelta i-esima: la prima prende l'id del campo, così il link del riepilogo errori la raggiunge. */
export const idScelta = (id: string, indice: number) => (indice === 0 ? id : `${id}-${indice + 1}`);

/** Fieldset con legenda, suggerimento ed errore comune a GruppoRadio e GruppoCheckbox. */
export function GruppoScelte({
  id,
  name,
  errors,
  legenda,
  suggerimento,
  scelte,
  inLinea,
  required,
  facoltativo,
  tipo,
  selezionata,
}: PropsGruppo & { tipo: "radio" | "checkbox"; selezionata: (valore: string) => boolean }) {
  const errore = primoErrore(errors);
  return (
    <fieldset
      className={classi("form-group", "campo", errore && "campo-errore")}
      aria-describedby={descrittoDa(id, Boolean(suggerimento), Boolean(errore))}
    >
      <legend>
        <TestoEtichetta facoltativo={facoltativo}>{legenda}</TestoEtichetta>
      </legend>
      {suggerimento ? <Suggerimento id={id}>{suggerimento}</Suggerimento> : null}
      {errore ? <MessaggioErrore id={id} messaggio={errore} /> : null}
      {scelte.map((scelta, i) => {
        const idInput = idScelta(id, i);
        const idSpiegazione = scelta.suggerimento ? `${idInput}-item-hint` : undefined;
        return (
          <div key={scelta.valore} className={classi("form-check", inLinea && "form-check-inline")}>
            <input
              id={idInput}
              name={name}
              type={tipo}
              value={scelta.valore}
              defaultChecked={selezionata(scelta.valore)}
              // Per i radio `required` su uno vale per il gruppo; per le checkbox obbligherebbe a spuntarle tutte.
              required={tipo === "radio" ? required : undefined}
              aria-describedby={idSpiegazione}
            />
            <label htmlFor={idInput}>{scelta.etichetta}</label>
            {scelta.suggerimento ? (
              <div id={idSpiegazione} className="form-text">
                {scelta.suggerimento}
              </div>
            ) : null}
          </div>
        );
      })}
    </fieldset>
  );
}
