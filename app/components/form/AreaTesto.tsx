import type { ReactNode } from "react";
import { InvolucroCampo } from "./InvolucroCampo";
import { classi, primoErrore, type PropsCampo } from "./comuni";

export interface PropsAreaTesto extends PropsCampo {
  etichetta: ReactNode;
  suggerimento?: ReactNode;
  defaultValue?: string | undefined;
  righe?: number;
  maxLength?: number | undefined;
  required?: boolean | undefined;
  facoltativo?: boolean;
}

/** Area di testo su più righe; stessa struttura di CampoTesto (etichetta, suggerimento, errore, controllo). */
export function AreaTesto({
  // Alike CampoTesto.tsx (duplicates): InvolucroCampo is the shared label/hint/error; the props are destructured here
  // because a textarea takes other attributes than an input
  id,
  name,
  errors,
  etichetta,
  suggerimento,
  defaultValue,
  righe = 5,
  maxLength,
  required,
  facoltativo,
}: PropsAreaTesto) {
  const errore = primoErrore(errors);
  return (
    <InvolucroCampo id={id} errore={errore} etichetta={etichetta} suggerimento={suggerimento} facoltativo={facoltativo}>
      {(aria) => (
        <textarea
          id={id}
          name={name}
          rows={righe}
          className={classi(errore && "is-invalid")}
          defaultValue={defaultValue}
          maxLength={maxLength}
          required={required}
          {...aria}
        />
      )}
    </InvolucroCampo>
  );
}
