// Il massimale maggiorato del 20% per le intemperie stagionali nei settori edile e lapideo (art. 3 d.lgs. 148/2015;
// importi pubblicati ogni anno con il massimale ordinario: circ. INPS 25/2025 e 4/2026). Quando vale è un parametro
// datato: prestazione, attività dell'azienda (dall'inquadramento) e causale della domanda; le temperature elevate sono
// un parametro a parte, incerto, così solo i loro importi sono provvisori. docs/regole.md §22.
import type { DataISO } from "../date";
import { parametro, type VersioneParametroApplicata } from "../parametri";
import type { AttivitaInquadramento, Prestazione } from "../tipi";

export interface DomandaPerMassimale {
  prestazione: Prestazione;
  attivita: AttivitaInquadramento;
  /** Codice della causale (app/domain/causali.ts); null se la domanda non la porta. */
  causale: string | null;
}

export interface DecisioneIntemperie {
  /** Vero: si usa il massimale maggiorato pubblicato (mai ricavato dal 20%). */
  applica: boolean;
  /** I parametri che hanno deciso: entrano nell'esito dell'importo (un parametro incerto lo rende provvisorio). */
  parametri: VersioneParametroApplicata<unknown>[];
}

export const CAUSALE_TEMPERATURE_ELEVATE = "temperature_elevate";

/** Se l'importo di un mese di competenza `data` usa il massimale maggiorato per intemperie stagionali. */
export function massimaleIntemperie(domanda: DomandaPerMassimale, data: DataISO): DecisioneIntemperie {
  const ambito = parametro("massimale.intemperie", data);
  const settore = ambito.valore.prestazioni.includes(domanda.prestazione) && ambito.valore.attivita.includes(domanda.attivita);
  if (!settore || domanda.causale === null) return { applica: false, parametri: [] };
  if (ambito.valore.causali.includes(domanda.causale)) return { applica: true, parametri: [ambito] };
  if (domanda.causale !== CAUSALE_TEMPERATURE_ELEVATE) return { applica: false, parametri: [] };
  const caldo = parametro("massimale.intemperie.temperatureElevate", data);
  return { applica: caldo.valore, parametri: [ambito, caldo] };
}
