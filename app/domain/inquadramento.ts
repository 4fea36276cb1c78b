// From the registry row of a company to the classification the routing rules read.
// The activity comes from the ATECO code: building is ATECO 41–43 and industrial stone 08.11 / 23.70;
// the CSC classes that say the same are not published by INPS, so they are not used (docs/regole.md §1).
import type { InquadramentoAzienda } from "~/domain/instradamento";
import type { AttivitaInquadramento, Fondo } from "~/domain/tipi";
import { FONDI } from "~/domain/tipi";

export interface RigaAzienda {
  csc: string | null;
  codiciAutorizzazione: string[];
  gestione: "privata" | "agricola";
  fondoSolidarietaCodice: string | null;
  forzaMediaSemestre: number;
  codiceAteco: string | null;
}

export function fondoDaCodice(codice: string | null): Fondo | null {
  if (!codice) return null;
  const f = codice.toUpperCase() as Fondo;
  return FONDI.includes(f) ? f : null;
}

export function attivitaDaAteco(ateco: string | null): AttivitaInquadramento {
  if (!ateco) return "altro";
  if (/^4[123]\./.test(ateco)) return "edilizia";
  if (/^08\.11/.test(ateco) || /^23\.70/.test(ateco)) return "lapidei_industriali";
  if (/^51\./.test(ateco) || /^52\.23/.test(ateco)) return "trasporto_aereo";
  if (/^94\.92/.test(ateco)) return "partito_politico";
  return "altro";
}

export function inquadramentoDa(a: RigaAzienda): InquadramentoAzienda {
  return {
    csc: a.csc,
    ca: a.codiciAutorizzazione,
    gestione: a.gestione,
    fondo: fondoDaCodice(a.fondoSolidarietaCodice),
    dipendentiMedi: a.forzaMediaSemestre,
    attivita: attivitaDaAteco(a.codiceAteco),
  };
}

/**
 * CSC sector 1 is industry (the first digit of the codice statistico contributivo is the sector; docs/regole.md
 * rule R1, art. 10 d.lgs. 148/2015). There CIGO for an objectively unavoidable event needs no 30 days of work at
 * the unit (art. 1 c. 2 d.lgs. 148/2015).
 */
export function settoreIndustriale(csc: string | null): boolean {
  return csc?.startsWith("1") ?? false;
}
