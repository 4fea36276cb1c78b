import type { ReactNode } from "react";
import { messaggiInterfaccia } from "~/testi/interfaccia";
import { CampoTesto } from "./CampoTesto";
import type { PropsCampo } from "./comuni";

export interface PropsCampoData extends PropsCampo {
  etichetta: ReactNode;
  /** Testo prima dell'esempio, ad esempio "Il primo giorno di sospensione."; l'esempio si aggiunge sempre. */
  suggerimento?: ReactNode;
  /** Valore nel formato gg/mm/aaaa (il campo mostra ciò che l'utente ha scritto, anche se non valido). */
  defaultValue?: string | undefined;
  required?: boolean | undefined;
  autoComplete?: string;
  facoltativo?: boolean;
  /** An example date in gg/mm/aaaa, computed by the loader from today (hints with fixed dates go stale). */
  esempio?: string | undefined;
}

/**
 * Data in un solo campo gg/mm/aaaa (si legge con `parseDataItaliana` di app/domain/date.ts).
 * Niente `type="date"`: il selettore nativo cambia da browser a browser e con le tecnologie assistive.
 * Niente `inputMode="numeric"`: su alcune tastiere numeriche manca la barra "/".
 */
export function CampoData({ suggerimento, autoComplete = "off", esempio: data, ...props }: PropsCampoData) {
  const m = messaggiInterfaccia.moduli;
  const esempio = data ? m.esempioData(data) : m.formatoDataSenzaEsempio;
  return (
    <CampoTesto
      {...props}
      type="text"
      autoComplete={autoComplete}
      maxLength={10}
      spellCheck={false}
      larghezza={10}
      suggerimento={
        suggerimento ? (
          <>
            {suggerimento} {esempio}
          </>
        ) : (
          esempio
        )
      }
    />
  );
}
