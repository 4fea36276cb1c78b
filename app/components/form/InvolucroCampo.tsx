import type { ReactNode } from "react";
import { classi, descrittoDa, MessaggioErrore, Suggerimento, TestoEtichetta } from "./comuni";

/** What the control inside the wrapper carries so that its label's hint and error are read with it. */
export interface AriaCampo {
  "aria-describedby": string | undefined;
  "aria-invalid": true | undefined;
}

export interface PropsInvolucroCampo {
  /** Id del controllo: l'etichetta vi punta (`for`), suggerimento ed errore ne derivano il loro. */
  id: string;
  errore: string | undefined;
  etichetta: ReactNode;
  suggerimento?: ReactNode;
  facoltativo?: boolean | undefined;
  /** Campo in una cella di tabella: etichetta nascosta alla vista (la mostra l'intestazione), nessun margine. */
  inTabella?: boolean | undefined;
  /** Il controllo (input, textarea, select), con gli attributi aria ricevuti. */
  children: (aria: AriaCampo) => ReactNode;
}

/**
 * Il gruppo di un campo alla maniera GOV.UK, uno per tutti i controlli singoli (CampoTesto, AreaTesto, Selezione,
 * CampoFile): etichetta (classe `active` già sul server, senza il JS di Bootstrap Italia un'etichetta flottante
 * coprirebbe il valore), suggerimento `<id>-hint`, errore `<id>-error` con il prefisso nascosto, e il controllo
 * collegato a entrambi con aria-describedby e aria-invalid.
 */
export function InvolucroCampo({ id, errore, etichetta, suggerimento, facoltativo, inTabella, children }: PropsInvolucroCampo) {
  return (
    <div className={classi(inTabella ? "campo campo-tabella" : "form-group campo", errore && "campo-errore")}>
      <label htmlFor={id} className={inTabella ? "active visually-hidden" : "active"}>
        <TestoEtichetta facoltativo={facoltativo}>{etichetta}</TestoEtichetta>
      </label>
      {suggerimento ? <Suggerimento id={id}>{suggerimento}</Suggerimento> : null}
      {errore ? <MessaggioErrore id={id} messaggio={errore} /> : null}
      {children({ "aria-describedby": descrittoDa(id, Boolean(suggerimento), Boolean(errore)), "aria-invalid": errore ? true : undefined })}
    </div>
  );
}
