import type { ReactNode } from "react";
import { classi, descrittoDa, MessaggioErrore, primoErrore, Suggerimento, TestoEtichetta, type PropsCampo } from "./comuni";

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
    <div className={classi("form-group", "campo", errore && "campo-errore")}>
      <label htmlFor={id} className="active">
        <TestoEtichetta facoltativo={facoltativo}>{etichetta}</TestoEtichetta>
      </label>
      {suggerimento ? <Suggerimento id={id}>{suggerimento}</Suggerimento> : null}
      {errore ? <MessaggioErrore id={id} messaggio={errore} /> : null}
      <textarea
        id={id}
        name={name}
        rows={righe}
        className={classi(errore && "is-invalid")}
        defaultValue={defaultValue}
        maxLength={maxLength}
        required={required}
        aria-describedby={descrittoDa(id, Boolean(suggerimento), Boolean(errore))}
        aria-invalid={errore ? true : undefined}
      />
    </div>
  );
}
