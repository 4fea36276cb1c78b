import type { HTMLAttributes, ReactNode } from "react";
import {
  classeLarghezza,
  classi,
  descrittoDa,
  MessaggioErrore,
  primoErrore,
  Suggerimento,
  TestoEtichetta,
  type Larghezza,
  type PropsCampo,
} from "./comuni";

export interface PropsCampoTesto extends PropsCampo {
  etichetta: ReactNode;
  suggerimento?: ReactNode;
  defaultValue?: string | undefined;
  type?: "text" | "email" | "tel" | "url" | "number" | "password" | "search";
  inputMode?: HTMLAttributes<HTMLInputElement>["inputMode"];
  autoComplete?: string;
  maxLength?: number | undefined;
  required?: boolean | undefined;
  spellCheck?: boolean;
  readOnly?: boolean;
  /** Larghezza in caratteri per campi dalla lunghezza nota (codice fiscale 20, matricola 10…). */
  larghezza?: Larghezza;
  /** Aggiunge "(facoltativo)" all'etichetta. */
  facoltativo?: boolean;
  /**
   * Campo in una cella di tabella: l'intestazione di colonna mostra l'etichetta una volta sola; l'etichetta del campo
   * resta collegata (`<label for>`) ma nascosta alla vista, e il campo non ha il margine dei campi del modulo.
   */
  inTabella?: boolean;
}

/**
 * Campo di testo: etichetta, suggerimento (`<id>-hint`), errore (`<id>-error`) e input collegati da
 * aria-describedby. L'etichetta ha la classe `active` già sul server: senza il JS di Bootstrap Italia
 * un'etichetta flottante coprirebbe il valore.
 */
export function CampoTesto({
  id,
  name,
  errors,
  etichetta,
  suggerimento,
  defaultValue,
  type = "text",
  inputMode,
  autoComplete,
  maxLength,
  required,
  spellCheck,
  readOnly,
  larghezza,
  facoltativo,
  inTabella,
}: PropsCampoTesto) {
  const errore = primoErrore(errors);
  return (
    <div className={classi(inTabella ? "campo campo-tabella" : "form-group campo", errore && "campo-errore")}>
      <label htmlFor={id} className={inTabella ? "active visually-hidden" : "active"}>
        <TestoEtichetta facoltativo={facoltativo}>{etichetta}</TestoEtichetta>
      </label>
      {suggerimento ? <Suggerimento id={id}>{suggerimento}</Suggerimento> : null}
      {errore ? <MessaggioErrore id={id} messaggio={errore} /> : null}
      <input
        id={id}
        name={name}
        type={type}
        className={classi("form-control", errore && "is-invalid", larghezza && classeLarghezza[larghezza])}
        defaultValue={defaultValue}
        inputMode={inputMode}
        autoComplete={autoComplete}
        maxLength={maxLength}
        required={required}
        spellCheck={spellCheck}
        readOnly={readOnly}
        aria-describedby={descrittoDa(id, Boolean(suggerimento), Boolean(errore))}
        aria-invalid={errore ? true : undefined}
      />
    </div>
  );
}
