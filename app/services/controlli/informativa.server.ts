// Rule outcomes of the step "Informativa sindacale": whether the art. 14 procedure is due and whether the declared
// dates respect its terms (25 days, 10 up to 50 employees, EONE variant). The rule is the domain's
// (app/domain/informativa-sindacale.ts); this module only gathers its inputs from the earlier steps.
import { diffDays } from "~/domain/date";
import { verificaInformativa, type EsitoInformativa, type InputInformativa } from "~/domain/informativa-sindacale";
import { attivitaDaAteco } from "~/domain/inquadramento";
import type { DatiInformativa } from "~/passi/schemi/informativa";
import type { EsitoPasso } from "../controlli-domanda.server";
import type { DomandaCaricata } from "../domande.server";

// Without a contractual week in the registries, a reduction is measured against the full-time week.
const SETTIMANA_PIENA = 40;

/** The rule's inputs from the periodo and unit steps, plus the declared dates; null before the periodo step. */
export function inputInformativa(
  { domanda, azienda, risposte }: DomandaCaricata,
  dichiarati: Pick<DatiInformativa, "dataComunicazione" | "dataConclusione" | "dataRichiestaEsame"> = {},
): InputInformativa | null {
  const periodo = risposte.periodo;
  if (!periodo) return null;
  const unita = risposte.unitaProduttiva;
  const orarioPieno = Math.max(SETTIMANA_PIENA, ...(unita?.mediaOccupati ?? []).map((r) => r.orarioSettimanale));
  const attivita = attivitaDaAteco(azienda.codiceAteco);
  return {
    prestazione: domanda.prestazione,
    eone: periodo.eone === true,
    ediliziaLapidei: attivita === "edilizia" || attivita === "lapidei_industriali",
    dipendentiMedi: azienda.forzaMediaSemestre,
    inizioSospensione: periodo.dataInizio,
    // Continuous weeks of this domanda; earlier continuous periods of the unit are the periodo step's concern.
    settimaneContinue: Math.ceil((diffDays(periodo.dataFine, periodo.dataInizio) + 1) / 7),
    riduzioneOreSettimanali:
      periodo.tipo === "riduzione" && periodo.oreSettimanaliRidotte !== undefined
        ? Math.max(0, orarioPieno - periodo.oreSettimanaliRidotte)
        : orarioPieno,
    ...(dichiarati.dataComunicazione ? { dataComunicazione: dichiarati.dataComunicazione } : {}),
    ...(dichiarati.dataConclusione ? { dataConclusione: dichiarati.dataConclusione } : {}),
    ...(dichiarati.dataRichiestaEsame ? { dataRichiestaEsame: dichiarati.dataRichiestaEsame } : {}),
  };
}

/** Is the procedure due for this domanda, and what do the declared dates say? Null before the periodo step. */
export function valutaInformativa(caricata: DomandaCaricata): EsitoInformativa | null {
  const salvati = caricata.risposte.informativa;
  const input = inputInformativa(caricata, salvati ?? {});
  return input ? verificaInformativa(input) : null;
}

export async function controlliInformativa(caricata: DomandaCaricata): Promise<EsitoPasso[]> {
  const salvati = caricata.risposte.informativa;
  if (salvati == null) return [];
  const esito = valutaInformativa(caricata);
  if (!esito) return [];
  // Saved as not due while the current answers make it due: the rule's own "missing notice" outcome blocks.
  return esito.esiti.map((e) => ({ ...e, passo: "informativa" }));
}
