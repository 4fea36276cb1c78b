import type { HTMLAttributes, ReactNode } from "react";
import { InvolucroCampo } from "./InvolucroCampo";
import { classeLarghezza, classi, primoErrore, type Larghezza, type PropsCampo } from "./comuni";

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

/** Campo di testo su una riga, nel gruppo di InvolucroCampo (etichetta, suggerimento, errore). */
export function CampoTesto({
  // Alike AreaTesto.tsx (duplicates): InvolucroCampo is the shared label/hint/error; the props are destructured here
  // because an input takes other attributes than a textarea
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
    <InvolucroCampo id={id} errore={errore} etichetta={etichetta} suggerimento={suggerimento} facoltativo={facoltativo} inTabella={inTabella}>
      {(aria) => (
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
          {...aria}
        />
      )}
    </InvolucroCampo>
  );
}
