// "Come è calcolato": every figure explains itself with the rule's own sentence (formula and inputs), its legal
// reference and, if the rule rests on an unconfirmed parameter, the note that says so (in the message). A native
// <details>: opens with the keyboard and without JavaScript.
import { messaggiRegole as m } from "~/testi/regole";

export interface Spiegazione {
  messaggio: string;
  riferimento: string;
  provvisorio: boolean;
}

export function ComeCalcolato({ spiegazione, titolo = "Come è calcolato" }: { spiegazione: Spiegazione; titolo?: string }) {
  return (
    <details className="come-calcolato small">
      <summary>{titolo}</summary>
      <p className="mb-1">{spiegazione.messaggio}</p>
      <p className="mb-0">
        {m.riferimento}: {spiegazione.riferimento}
        {spiegazione.provvisorio ? <> — stima basata su un valore non confermato</> : null}
      </p>
    </details>
  );
}

/** Only what the page needs of an Esito (never its internal data). */
export function spiegazione(e: Spiegazione): Spiegazione {
  return { messaggio: e.messaggio, riferimento: e.riferimento, provvisorio: e.provvisorio };
}
