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
}

/**
 * Data in un solo campo gg/mm/aaaa (si legge con `parseDataItaliana` di app/domain/date.ts).
 * Niente `type="date"`: il selettore nativo cambia da browser a browser e con le tecnologie assistive.
 * Niente `inputMode="numeric"`: su alcune tastiere numeriche manca la barra "/".
 */
export function CampoData({ suggerimento, autoComplete = "off", ...props }: PropsCampoData) {
  const esempio = messaggiInterfaccia.moduli.esempioData;
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
