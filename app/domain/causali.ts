// Catalogo delle causali per prestazione (art. 11 d.lgs. 148/2015, D.M. 95442/2016; L. 457/1972 per la CISOA; docs/regole.md). Dati puri: la causale decide se l'evento
// è oggettivamente non evitabile (EONE: termine, informativa, limiti, anzianità), se servono i giorni esatti e il tipo
// di lavorazione (eventi meteo) e se è straordinaria (FIS e fondi: solo fino a 15 dipendenti medi).
import type { DataISO } from "./date";
import { parametro } from "./parametri";
import type { Prestazione } from "./tipi";

export interface Causale {
  codice: string;
  etichetta: string;
  prestazioni: readonly Prestazione[];
  /** Evento oggettivamente non evitabile. */
  eone: boolean;
  /** Evento meteo: la domanda indica i giorni esatti e la lavorazione in corso (msg INPS 1856/2017). */
  meteo: boolean;
  /** Causale straordinaria (causali CIGS): per FIS e fondi solo fino alla soglia di dipendenti. */
  straordinaria: boolean;
  riferimento: string;
}

const ORDINARIE: readonly Prestazione[] = ["CIGO", "AIS_FIS", "AIS_FONDO"];
const SOLO_AIS: readonly Prestazione[] = ["AIS_FIS", "AIS_FONDO"];
const DM = "art. 11 d.lgs. 148/2015; D.M. 95442/2016";

export const CAUSALI: readonly Causale[] = [
  { codice: "mancanza_lavoro", etichetta: "Mancanza di lavoro o di commesse", prestazioni: ORDINARIE, eone: false, meteo: false, straordinaria: false, riferimento: DM },
  { codice: "crisi_mercato", etichetta: "Crisi di mercato", prestazioni: ORDINARIE, eone: false, meteo: false, straordinaria: false, riferimento: DM },
  { codice: "fine_cantiere", etichetta: "Fine cantiere, fine lavoro o fine fase lavorativa", prestazioni: ORDINARIE, eone: false, meteo: false, straordinaria: false, riferimento: DM },
  { codice: "perizia_variante", etichetta: "Perizia di variante e suppletiva al progetto", prestazioni: ORDINARIE, eone: false, meteo: false, straordinaria: false, riferimento: DM },
  { codice: "mancanza_materie_prime", etichetta: "Mancanza di materie prime o componenti", prestazioni: ORDINARIE, eone: false, meteo: false, straordinaria: false, riferimento: DM },
  { codice: "sciopero", etichetta: "Sciopero di un reparto o di altra impresa", prestazioni: ORDINARIE, eone: false, meteo: false, straordinaria: false, riferimento: DM },
  { codice: "eventi_meteo", etichetta: "Eventi meteo (intemperie stagionali)", prestazioni: ORDINARIE, eone: true, meteo: true, straordinaria: false, riferimento: `${DM}; INPS msg 1856/2017` },
  { codice: "temperature_elevate", etichetta: "Eventi meteo – temperature elevate (oltre 35 °C, anche percepite)", prestazioni: ORDINARIE, eone: true, meteo: true, straordinaria: false, riferimento: `${DM}; INPS msg 2999/2022` },
  { codice: "incendio_alluvione_sisma", etichetta: "Incendio, alluvione, sisma o crollo", prestazioni: ORDINARIE, eone: true, meteo: false, straordinaria: false, riferimento: "art. 8 D.M. 95442/2016" },
  { codice: "mancanza_energia", etichetta: "Mancanza di energia elettrica", prestazioni: ORDINARIE, eone: true, meteo: false, straordinaria: false, riferimento: "art. 8 D.M. 95442/2016" },
  { codice: "impraticabilita_locali", etichetta: "Impraticabilità dei locali, anche per ordine di pubblica autorità", prestazioni: ORDINARIE, eone: true, meteo: false, straordinaria: false, riferimento: "art. 8 D.M. 95442/2016" },
  { codice: "ordine_autorita", etichetta: "Sospensione o riduzione dell'attività per ordine di pubblica autorità", prestazioni: ORDINARIE, eone: true, meteo: false, straordinaria: false, riferimento: "art. 8 D.M. 95442/2016" },
  { codice: "guasti_macchinari", etichetta: "Guasti ai macchinari e manutenzione straordinaria", prestazioni: ORDINARIE, eone: true, meteo: false, straordinaria: false, riferimento: DM },
  { codice: "riorganizzazione", etichetta: "Riorganizzazione aziendale (causale straordinaria)", prestazioni: SOLO_AIS, eone: false, meteo: false, straordinaria: true, riferimento: "art. 21 c.1 lett. a) e art. 29 d.lgs. 148/2015" },
  { codice: "crisi_aziendale", etichetta: "Crisi aziendale (causale straordinaria)", prestazioni: SOLO_AIS, eone: false, meteo: false, straordinaria: true, riferimento: "art. 21 c.1 lett. b) e art. 29 d.lgs. 148/2015" },
  { codice: "contratto_solidarieta", etichetta: "Contratto di solidarietà (causale straordinaria)", prestazioni: SOLO_AIS, eone: false, meteo: false, straordinaria: true, riferimento: "art. 21 c.1 lett. c) e art. 29 d.lgs. 148/2015" },
  { codice: "cisoa_intemperie", etichetta: "Intemperie stagionali", prestazioni: ["CISOA"], eone: true, meteo: true, straordinaria: false, riferimento: "art. 8 L. 457/1972" },
  { codice: "cisoa_altre_cause", etichetta: "Altre cause non imputabili al datore di lavoro né ai lavoratori", prestazioni: ["CISOA"], eone: false, meteo: false, straordinaria: false, riferimento: "art. 8 L. 457/1972" },
];

export function trovaCausale(codice: string): Causale | undefined {
  return CAUSALI.find((c) => c.codice === codice);
}

/**
 * Le causali che l'azienda può scegliere per la prestazione alla data: le straordinarie solo per FIS e fondi e solo
 * fino alla soglia di dipendenti medi del semestre precedente (oltre, la prestazione è la CIGS, fuori da OMNIA IS).
 */
export function causaliDisponibili(prestazione: Prestazione, opzioni: { dipendentiMedi: number; data: DataISO }): Causale[] {
  const soglia = parametro("durata.fis", opzioni.data).valore.sogliaCauseStraordinarie;
  return CAUSALI.filter(
    (c) => c.prestazioni.includes(prestazione) && (!c.straordinaria || opzioni.dipendentiMedi <= soglia),
  );
}
