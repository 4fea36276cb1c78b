import type { ReactNode } from "react";
import { InvolucroCampo } from "./InvolucroCampo";
import { classi, primoErrore, type PropsCampo } from "./comuni";

export interface PropsCampoFile extends PropsCampo {
  etichetta: ReactNode;
  /** Formati e limiti: il browser non li dice, e un file sbagliato si scopre solo dopo l'invio. */
  suggerimento?: ReactNode;
  /** Tipi accettati dal selettore del browser (il server controlla comunque il contenuto). */
  accept: string;
  multiple?: boolean;
  facoltativo?: boolean;
}

/**
 * Scelta di un file, con etichetta, suggerimento ed errore come ogni campo. Dopo un errore il browser non può
 * riproporre il file scelto: il messaggio del server lo dice ("sceglilo di nuovo").
 */
export function CampoFile({ id, name, errors, etichetta, suggerimento, accept, multiple, facoltativo }: PropsCampoFile) {
  const errore = primoErrore(errors);
  return (
    <InvolucroCampo id={id} errore={errore} etichetta={etichetta} suggerimento={suggerimento} facoltativo={facoltativo}>
      {(aria) => <input id={id} name={name} type="file" multiple={multiple} accept={accept} className={classi("form-control", errore && "is-invalid")} {...aria} />}
    </InvolucroCampo>
  );
}
