// Completezza della relazione tecnica rispetto alla causale (art. 2 D.M. 95442/2016): descrizione, misure adottate e
// prospettive di ripresa, oppure la relazione in PDF; per le causali di mercato gli indicatori economico-finanziari;
// i documenti che la causale rende obbligatori (per l'ordine dell'autorità, il provvedimento); per gli eventi meteo i
// giorni e la lavorazione in corso (msg INPS 1856/2017). Quali requisiti valgono per la causale lo decide chi chiama,
// con gli stessi dati che usa il modulo della domanda. docs/regole.md §14.
import type { DataISO } from "./date";
import { esito, type Esito } from "./esito";

export type RelazioneDichiarata =
  | { modalita: "pdf"; pdfPresente: boolean }
  | { modalita: "strutturata"; descrizione?: string; misure?: string; prospettive?: string; numeroIndicatori: number };

export interface InputRelazioneTecnica {
  /** Etichetta della causale, per i messaggi. */
  causale: string;
  relazione: RelazioneDichiarata | null;
  /** Causale di mercato (mancanza di commesse, crisi): gli indicatori sono il cuore della relazione. */
  indicatoriObbligatori: boolean;
  /** Almeno un documento di uno di questi tipi è necessario (nomi leggibili dei tipi); null se nessuno. */
  documentiObbligatori: readonly string[] | null;
  /** Nomi leggibili dei tipi di documento allegati. */
  documentiPresenti: readonly string[];
  meteo: boolean;
  giorniMeteo?: readonly DataISO[];
  tipoLavoro?: string | null;
}

const RIF = "art. 2 D.M. 95442/2016";

function vuoto(t: string | undefined | null): boolean {
  return !t || t.trim() === "";
}

export function verificaRelazioneTecnica(input: InputRelazioneTecnica): Esito[] {
  const r = input.relazione;
  const mancanti: string[] = [];
  if (!r) mancanti.push("la relazione tecnica");
  else if (r.modalita === "pdf") {
    if (!r.pdfPresente) mancanti.push("il PDF della relazione tecnica");
  } else {
    if (vuoto(r.descrizione)) mancanti.push("la descrizione dell'attività e delle cause");
    if (vuoto(r.misure)) mancanti.push("le misure adottate");
    if (vuoto(r.prospettive)) mancanti.push("le prospettive di ripresa");
    if (input.indicatoriObbligatori && r.numeroIndicatori === 0) mancanti.push("gli indicatori economico-finanziari");
  }
  const esiti: Esito[] = [
    esito({
      regola: "relazione.completezza",
      riferimento: RIF,
      gravita: mancanti.length ? "bloccante" : "informazione",
      messaggio: mancanti.length
        ? `Per la causale «${input.causale}» mancano: ${mancanti.join(", ")}.`
        : r?.modalita === "pdf"
          ? `La relazione tecnica è allegata in PDF: la Sede ne verifica il contenuto rispetto alla causale «${input.causale}».`
          : `La relazione tecnica contiene descrizione, misure e prospettive${input.indicatoriObbligatori ? ", con gli indicatori richiesti per le causali di mercato" : ""}.`,
      dati: { causale: input.causale, modalita: r?.modalita ?? null, mancanti, indicatoriObbligatori: input.indicatoriObbligatori },
    }),
  ];
  if (input.documentiObbligatori?.length) {
    const presente = input.documentiObbligatori.some((d) => input.documentiPresenti.includes(d));
    esiti.push(
      esito({
        regola: "relazione.documenti",
        riferimento: "art. 8 D.M. 95442/2016",
        gravita: presente ? "informazione" : "bloccante",
        messaggio: presente
          ? `È allegato il documento richiesto per la causale «${input.causale}».`
          : `Per la causale «${input.causale}» manca il documento obbligatorio: ${input.documentiObbligatori.join(" oppure ")}.`,
        dati: { obbligatori: input.documentiObbligatori, presenti: input.documentiPresenti },
      }),
    );
  }
  if (input.meteo) {
    const giorni = input.giorniMeteo?.length ?? 0;
    const lavoro = !vuoto(input.tipoLavoro);
    esiti.push(
      esito({
        regola: "relazione.meteo",
        riferimento: "art. 11 d.lgs. 148/2015; msg INPS 1856/2017",
        gravita: giorni > 0 && lavoro ? "informazione" : "bloccante",
        messaggio: giorni > 0 && lavoro
          ? `Evento meteo: indicati ${giorni === 1 ? "1 giorno" : `${giorni} giorni`} e la lavorazione in corso; la Sede verifica i bollettini giorno per giorno.`
          : `Evento meteo: mancano ${[giorni === 0 ? "i giorni interessati" : null, lavoro ? null : "la lavorazione in corso"].filter(Boolean).join(" e ")}.`,
        dati: { giorni: input.giorniMeteo ?? [], tipoLavoro: input.tipoLavoro ?? null },
      }),
    );
  }
  return esiti;
}
