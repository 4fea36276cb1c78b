import type { ReactNode } from "react";
import { messaggiInterfaccia } from "~/testi/interfaccia";
import { InvolucroCampo } from "./InvolucroCampo";
import { classi, primoErrore, type PropsCampo } from "./comuni";

export interface Opzione {
  valore: string;
  etichetta: string;
}

export interface PropsSelezione extends PropsCampo {
  etichetta: ReactNode;
  suggerimento?: ReactNode;
  opzioni: readonly Opzione[];
  defaultValue?: string | undefined;
  /** Prima voce vuota (valore ""), così nessuna scelta è fatta per conto dell'utente. `false` per toglierla. */
  vuota?: string | false;
  required?: boolean | undefined;
  facoltativo?: boolean;
}

/** Elenco a discesa nativo (select): funziona senza JS e con ogni tecnologia assistiva. */
// Alike AreaTesto.tsx and CampoTesto.tsx (duplicates): InvolucroCampo is the shared label/hint/error; the props are
// destructured here because a select takes its options and empty choice
export function Selezione({
  id,
  name,
  errors,
  etichetta,
  suggerimento,
  opzioni,
  defaultValue,
  vuota = messaggiInterfaccia.moduli.selezionaOpzione,
  required,
  facoltativo,
}: PropsSelezione) {
  const errore = primoErrore(errors);
  return (
    <InvolucroCampo id={id} errore={errore} etichetta={etichetta} suggerimento={suggerimento} facoltativo={facoltativo}>
      {(aria) => (
        <select id={id} name={name} className={classi("form-select", errore && "is-invalid")} defaultValue={defaultValue ?? ""} required={required} {...aria}>
          {vuota === false ? null : <option value="">{vuota}</option>}
          {opzioni.map((o) => (
            <option key={o.valore} value={o.valore}>
              {o.etichetta}
            </option>
          ))}
        </select>
      )}
    </InvolucroCampo>
  );
}
