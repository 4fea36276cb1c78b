// Ricorso amministrativo contro il rigetto o l'accoglimento parziale: per la CIGO 30 giorni perentori dal ricevimento
// del provvedimento, al Comitato amministratore della Gestione prestazioni temporanee, solo online (circ. INPS 48/2023,
// per i provvedimenti notificati dal 17/05/2023; prima 60 giorni). Per le altre prestazioni il termine generale di 90
// giorni: che valga anche per l'AIS e la CISOA non è verificato, quindi il parametro è incerto. docs/regole.md §13.
import { addDays, diffDays, formatDataItaliana as it, type DataISO } from "../date";
import { esito, type Esito } from "../esito";
import { parametro } from "../parametri";
import { nomePrestazione, type Prestazione } from "../tipi";

export type EsitoDecisione = "autorizzata" | "autorizzata_parziale" | "respinta";

export interface EsitoRicorso {
  /** Solo contro il rigetto o l'accoglimento parziale. */
  ammesso: boolean;
  giorni: number | null;
  scadenza: DataISO | null;
  organo: string | null;
  modalita: string | null;
  esito: Esito;
}

const PARAMETRO = {
  CIGO: "ricorso.CIGO",
  AIS_FIS: "ricorso.AIS_FIS",
  AIS_FONDO: "ricorso.AIS_FONDO",
  CISOA: "ricorso.CISOA",
} as const;

/** `dataNotifica`: il giorno in cui l'azienda riceve il provvedimento (sulla piattaforma, quello della decisione). */
export function terminiRicorso(input: {
  prestazione: Prestazione;
  decisione: EsitoDecisione;
  dataNotifica: DataISO;
  oggi?: DataISO;
}): EsitoRicorso {
  const p = parametro(PARAMETRO[input.prestazione], input.dataNotifica);
  if (input.decisione === "autorizzata") {
    return {
      ammesso: false, giorni: null, scadenza: null, organo: null, modalita: null,
      esito: esito({
        regola: "istruttoria.ricorso",
        riferimento: p.riferimento,
        gravita: "informazione",
        messaggio: "La domanda è autorizzata per intero: non c'è un rigetto contro cui presentare ricorso.",
        dati: { ...input },
      }),
    };
  }
  const { giorni, organo, modalita } = p.valore;
  const scadenza = addDays(input.dataNotifica, giorni);
  const restano = input.oggi ? diffDays(scadenza, input.oggi) : null;
  const oggetto = input.decisione === "respinta" ? "il rigetto" : "l'accoglimento parziale";
  const quando = restano === null ? "" : restano < 0 ? " Il termine è scaduto." : restano === 0 ? " Il termine scade oggi." : restano === 1 ? " Resta 1 giorno." : ` Restano ${restano} giorni.`;
  return {
    ammesso: true, giorni, scadenza, organo, modalita,
    esito: esito({
      regola: "istruttoria.ricorso",
      riferimento: p.riferimento,
      gravita: "informazione",
      messaggio: `Contro ${oggetto} della domanda di ${nomePrestazione(input.prestazione)} puoi presentare ricorso al ${organo} entro ${giorni} giorni dal ricevimento del provvedimento, cioè entro il ${it(scadenza)}: ${modalita}.${quando}`,
      dati: { ...input, giorni, scadenza, organo, giorniRimanenti: restano },
      parametri: [p],
    }),
  };
}
