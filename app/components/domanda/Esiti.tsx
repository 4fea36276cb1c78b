// One way to show the outcome of an automatic check (GOV.UK "warning text" shape): the severity said in words with an
// icon next to it (never by colour alone, WCAG 1.4.1), the message in plain Italian, the legal reference as a small
// note. Used by the steps, the summary, the submission and the detail page.
import type { ReactNode } from "react";
import type { Gravita } from "~/domain/esito";
import { messaggiRegole as m } from "~/testi/regole";

/** A glyph per severity, hidden from assistive technology: the label says the same in words. */
const ICONA: Record<Gravita, string> = { bloccante: "✕", avviso: "!", informazione: "i" };

/** Literal class names (purgecss reads them in the source). */
const CLASSE: Record<Gravita, string> = {
  bloccante: "esito esito-bloccante",
  avviso: "esito esito-avviso",
  informazione: "esito esito-informazione",
};

export function EtichettaGravita({ gravita }: { gravita: Gravita }) {
  return (
    <strong className="esito-gravita">
      <span className="esito-icona" aria-hidden="true">
        {ICONA[gravita]}
      </span>{" "}
      {m.gravita[gravita]}
    </strong>
  );
}

export interface PropsVoceEsito {
  gravita: Gravita;
  messaggio: string;
  riferimento: string;
  /** The step the outcome belongs to, e.g. "Periodo e causale". */
  titoloPasso?: string | null;
  /** After the reference, e.g. a link to the step. */
  dopo?: ReactNode;
}

/** The content of one outcome; the caller chooses the element (a list item, a section). */
export function ContenutoEsito({ gravita, messaggio, riferimento, titoloPasso, dopo }: PropsVoceEsito) {
  return (
    <>
      <p className="mb-1">
        <EtichettaGravita gravita={gravita} />
        {titoloPasso ? <> — {titoloPasso}</> : null}
      </p>
      <p className="mb-1">{messaggio}</p>
      <p className="small mb-0">
        {m.riferimento}: {riferimento}
        {dopo ? <> {dopo}</> : null}
      </p>
    </>
  );
}

/** A list of outcomes, worst first as given. */
export function ListaEsiti({ esiti, dopo }: { esiti: PropsVoceEsito[]; dopo?: (e: PropsVoceEsito, i: number) => ReactNode }) {
  return (
    <ul className="list-unstyled">
      {esiti.map((e, i) => (
        <li key={i} className={`${CLASSE[e.gravita]} mb-3`}>
          <ContenutoEsito {...e} dopo={dopo?.(e, i)} />
        </li>
      ))}
    </ul>
  );
}
