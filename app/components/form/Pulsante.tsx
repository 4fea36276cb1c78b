import type { ReactNode } from "react";
import { classi } from "./comuni";

export interface PropsPulsante {
  children: ReactNode;
  /** primario: l'azione principale della pagina (una sola); secondario: le altre. */
  variante?: "primario" | "secondario";
  type?: "submit" | "button" | "reset";
  /** Con `name="intent"` e `value` un modulo con più pulsanti funziona senza JS: l'action legge il valore. */
  name?: string;
  value?: string;
  /** Salta la validazione nativa del browser (ad esempio "Salva bozza"). */
  formNoValidate?: boolean;
  disabled?: boolean;
  className?: string;
}

const classeVariante = { primario: "btn btn-primary", secondario: "btn btn-outline-primary" } as const;

/** Pulsante di invio di Bootstrap Italia. */
export function Pulsante({
  children,
  variante = "primario",
  type = "submit",
  name,
  value,
  formNoValidate,
  disabled,
  className,
}: PropsPulsante) {
  return (
    <button
      type={type}
      className={classi(classeVariante[variante], className)}
      name={name}
      value={value}
      formNoValidate={formNoValidate}
      disabled={disabled}
    >
      {children}
    </button>
  );
}
