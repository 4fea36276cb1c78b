// Sovrapposizione con domande esistenti per la stessa unità produttiva e la stessa prestazione (docs/regole.md §4).
import { formatDataItaliana as it, intersezione } from "./date";
import { esito, type Esito } from "./esito";
import { nomePrestazione, type PeriodoPrecedente, type PeriodoRichiesto } from "./tipi";

export function verificaSovrapposizioni(richiesta: PeriodoRichiesto, esistenti: PeriodoPrecedente[]): Esito[] {
  const nome = nomePrestazione(richiesta.prestazione, richiesta.fondo);
  const sovrapposte = esistenti
    .filter(
      (e) =>
        e.unitaProduttiva === richiesta.unitaProduttiva &&
        e.prestazione === richiesta.prestazione &&
        (e.fondo ?? null) === (richiesta.fondo ?? null),
    )
    .map((e) => ({ e, comune: intersezione(e, richiesta) }))
    .filter((x) => x.comune !== null)
    .sort((a, b) => (a.comune!.inizio < b.comune!.inizio ? -1 : a.comune!.inizio > b.comune!.inizio ? 1 : 0));
  if (sovrapposte.length === 0) {
    return [
      esito({
        regola: "sovrapposizioni",
        riferimento: "art. 12 d.lgs. 148/2015 (limiti per unità produttiva)",
        gravita: "informazione",
        messaggio: `Il periodo ${it(richiesta.inizio)}–${it(richiesta.fine)} non si sovrappone ad altre domande di ${nome} per la stessa unità produttiva.`,
        dati: { richiesta, domandeConfrontate: esistenti.length },
      }),
    ];
  }
  return sovrapposte.map(({ e, comune }) =>
    esito({
      regola: "sovrapposizioni",
      riferimento: "art. 12 d.lgs. 148/2015 (limiti per unità produttiva)",
      gravita: "bloccante",
      messaggio: `Il periodo richiesto si sovrappone dal ${it(comune!.inizio)} al ${it(comune!.fine)} alla domanda ${e.domanda ?? "già presentata"} di ${nome} per la stessa unità produttiva (${it(e.inizio)}–${it(e.fine)}).`,
      dati: { richiesta, domandaEsistente: e, periodoComune: comune },
    }),
  );
}
