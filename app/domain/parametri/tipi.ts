import type { DataISO } from "../date";

/** certo = testo primario o più fonti concordi; probabile = una fonte secondaria; incerto = ipotesi da confermare. */
export type Confidenza = "certo" | "probabile" | "incerto";

export interface VersioneParametro<T> {
  valore: T;
  /** Primo giorno di validità (incluso). */
  validoDal: DataISO;
  /** Ultimo giorno di validità (incluso); null = fino a nuova versione. */
  validoAl: DataISO | null;
  /** Da dove viene il valore (legge, decreto, circolare o messaggio INPS, oppure "ipotesi di progetto"). */
  fonte: string;
  /** Riferimento normativo. */
  riferimento: string;
  confidenza: Confidenza;
  nota?: string;
}

export interface VersioneParametroApplicata<T> extends VersioneParametro<T> {
  nome: string;
}

/** Percentuale in punti base (1/100 di punto percentuale): 5,84% = 584, 80% = 8000. */
export type PuntiBase = number;

/** Frazione esatta, per evitare i decimali: ⅔ = { numeratore: 2, denominatore: 3 }. */
export interface Frazione {
  numeratore: number;
  denominatore: number;
}
