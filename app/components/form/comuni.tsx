import type { ReactNode } from "react";
import { messaggiInterfaccia } from "~/testi/interfaccia";

const m = messaggiInterfaccia.moduli;

/** Props comuni a ogni campo: le stesse che `daConform(field)` ricava dai metadati di conform. */
export interface PropsCampo {
  /** Id del controllo (o del primo controllo di un gruppo): il riepilogo errori vi punta con `#id`. */
  id: string;
  name: string;
  /** Messaggi di errore del campo; si mostra il primo, come GOV.UK. */
  errors?: readonly string[] | undefined;
}

export const idSuggerimento = (id: string) => `${id}-hint`;
export const idErrore = (id: string) => `${id}-error`;

export function primoErrore(errors: readonly string[] | undefined): string | undefined {
  return errors?.find((e) => e.trim() !== "");
}

/** Valore di aria-describedby: suggerimento ed errore, nell'ordine in cui compaiono sullo schermo. */
export function descrittoDa(id: string, conSuggerimento: boolean, conErrore: boolean): string | undefined {
  const ids = [conSuggerimento ? idSuggerimento(id) : null, conErrore ? idErrore(id) : null].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

export function classi(...nomi: Array<string | false | null | undefined>): string {
  return nomi.filter(Boolean).join(" ");
}

export function Suggerimento({ id, children }: { id: string; children: ReactNode }) {
  return (
    <div id={idSuggerimento(id)} className="form-text">
      {children}
    </div>
  );
}

/** Messaggio sotto l'etichetta; il prefisso nascosto fa dire "Errore:" allo screen reader prima del testo. */
export function MessaggioErrore({ id, messaggio }: { id: string; messaggio: string }) {
  return (
    <p id={idErrore(id)} className="messaggio-errore">
      <span className="visually-hidden">{m.prefissoErrore} </span>
      {messaggio}
    </p>
  );
}

/** Etichetta con "(facoltativo)" quando serve: in GOV.UK si marcano i facoltativi, non gli obbligatori. */
export function TestoEtichetta({ children, facoltativo }: { children: ReactNode; facoltativo?: boolean }) {
  return (
    <>
      {children}
      {facoltativo ? ` ${m.facoltativo}` : null}
    </>
  );
}

/** Larghezze fisse disponibili (classi in app/styles/_omnia.scss, scritte per intero per purgecss). */
export type Larghezza = 4 | 10 | 20 | 30;
export const classeLarghezza: Record<Larghezza, string> = {
  4: "larghezza-4ch",
  10: "larghezza-10ch",
  20: "larghezza-20ch",
  30: "larghezza-30ch",
};
