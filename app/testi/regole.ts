// Messages of the automatic checks (app/domain): how a provisional rule is said to the user, and the severity labels.
// Users never see a parameter's internal name (e.g. "durata.cigo.oreLavorabili"): each uncertain parameter is told
// in plain Italian, saying what is not yet confirmed; the legal reference is shown apart, as a note.
import type { NomeParametro } from "~/domain/parametri";

export const messaggiRegole = {
  regolaProvvisoria: "Regola provvisoria",
  /** Said when an uncertain parameter has no description below (never its name). */
  incertezzaGenerica: "un valore usato da questo controllo non è ancora confermato da una fonte ufficiale INPS",
  /** What is uncertain, in plain words, for every parameter marked "incerto" (a test checks that none is missing). */
  incertezze: {
    "massimale.proporzionamento":
      "il modo di rapportare il massimale mensile alle ore integrate non è ancora confermato da una fonte ufficiale INPS",
    "importo.divisoreMensile":
      "il modo di ricavare la retribuzione oraria da quella mensile (ore contrattuali del mese = orario settimanale × 52 / 12) non è ancora confermato da una fonte ufficiale INPS",
    "cisoa.percentuale":
      "la percentuale della retribuzione pagata dalla CISOA (la legge dice due terzi, la prassi indica spesso l'80%) è da confermare con l'INPS",
    "durata.cigo.oreLavorabili":
      "il modo di calcolare le ore lavorabili nel biennio mobile, su cui si misura il limite di un terzo, non è ancora confermato da una fonte ufficiale INPS",
    "durata.fondi":
      "la durata massima propria di ciascun fondo di solidarietà non è stata reperita: si applica il minimo di legge di 13 settimane nel biennio mobile",
    "liquidita.formula":
      "la formula e la soglia dell'indice di liquidità non sono ancora pubblicate dall'INPS: la Sede può rivedere l'esito",
    "istruttoria.termineDecisione.AIS_FIS":
      "il termine entro cui l'INPS decide sull'assegno del FIS non è stato reperito: si usa il termine ordinario di 30 giorni",
    "istruttoria.termineDecisione.AIS_FONDO":
      "il termine entro cui l'INPS decide sull'assegno dei fondi di solidarietà non è stato reperito: si usa il termine ordinario di 30 giorni",
    "istruttoria.termineDecisione.CISOA":
      "il termine entro cui l'INPS decide sulla CISOA non è stato reperito: si usa il termine ordinario di 30 giorni",
    "interlocuzione.documentale":
      "il termine per inviare i documenti richiesti non è stato reperito in una fonte: si usano 15 giorni, come per il supplemento istruttorio",
    "limiti.art4.eone":
      "non è confermato se i periodi per eventi oggettivamente non evitabili contano nel limite complessivo di 24 mesi nel quinquennio mobile",
    "ricorso.AIS_FIS":
      "non è confermato se per l'assegno del FIS valga il termine di ricorso di 30 giorni invece di 90",
    "ricorso.AIS_FONDO": "il termine di ricorso per i fondi di solidarietà bilaterali non è confermato",
    "ricorso.CISOA": "il termine di ricorso per la CISOA non è confermato",
    "contributoAddizionale.quinquennio":
      "non è confermato se le settimane del quinquennio mobile si contino per unità produttiva o per l'intera azienda, né il giorno da cui parte la finestra di cinque anni",
    "massimale.intemperie.temperatureElevate":
      "non è confermato che il massimale maggiorato del 20% per le intemperie stagionali valga anche per le temperature elevate",
    "cruscotto.ritmoFruizione":
      "la data in cui finirebbe la capacità è una stima: suppone che l'utilizzo delle ultime 13 settimane continui allo stesso ritmo",
  } satisfies Partial<Record<NomeParametro, string>>,
  gravita: {
    bloccante: "Blocca l'invio",
    avviso: "Avviso",
    informazione: "Informazione",
  },
  riferimento: "Riferimento normativo",
} as const;

/** The plain words for an uncertain parameter: its description, or the generic sentence (never the name). */
export function incertezzaParametro(nome: string): string {
  const incertezze: Record<string, string> = messaggiRegole.incertezze;
  return incertezze[nome] ?? messaggiRegole.incertezzaGenerica;
}
