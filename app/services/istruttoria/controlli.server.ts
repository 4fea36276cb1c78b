// The automatic checks of the istruttoria: the rules the domanda's form applies, run again on the case with the same
// input gatherers (the steps' check modules in ../controlli), then summarised per check by the rules module
// (app/domain/istruttoria/controlli.ts: superato / avviso / non superato, explanation, legal reference). Nothing here
// decides an outcome. Called after authorisation.
import type { Esito } from "~/domain/esito";
import { inquadramentoDa } from "~/domain/inquadramento";
import { instrada, registraScelta } from "~/domain/instradamento";
import { controlliDaEsiti, esitiEseguibili, type ControlloIstruttoria } from "~/domain/istruttoria/controlli";
import { trovaCausale } from "~/domain/causali";
import { verificaRelazioneTecnica } from "~/domain/relazione-tecnica";
import { fondoDaCodice } from "~/domain/inquadramento";
import { CATALOGO_DOCUMENTI, NOMI_TIPI_ALLEGATO, tipoCausaleDocumenti } from "~/passi/schemi/allegati";
import { dataPresentazione, esitiPeriodo } from "../controlli/periodo.server";
import { valutaInformativa } from "../controlli/informativa.server";
import { controlliPagamento } from "../controlli/pagamento.server";
import type { DomandaCaricata } from "../domande.server";
import { lavoratoriValutati, selezionati } from "../lavoratori.server";
import { allegatiDomanda } from "../riepilogo.server";

function instradamento(caricata: DomandaCaricata): Esito[] {
  const { domanda, azienda } = caricata;
  const data = dataPresentazione(caricata);
  return esitiEseguibili("instradamento", () => {
    const causale = trovaCausale(caricata.risposte.periodo?.causale ?? "");
    const r = instrada(inquadramentoDa(azienda), { data, causaleStraordinaria: causale?.straordinaria ?? false });
    return [registraScelta(r, { prestazione: domanda.prestazione, fondo: fondoDaCodice(domanda.fondoCodice) }).esito];
  });
}

async function relazioneTecnica(caricata: DomandaCaricata): Promise<Esito[]> {
  const { periodo, relazioneTecnica: r } = caricata.risposte;
  if (!periodo) return [];
  const causale = trovaCausale(periodo.causale);
  const tipo = tipoCausaleDocumenti(periodo.causale);
  const presenti = (await allegatiDomanda(caricata.domanda.id)).map((a) => a.tipo);
  const obbligatori = CATALOGO_DOCUMENTI[tipo].obbligatorio;
  return esitiEseguibili("relazione_tecnica", () =>
    verificaRelazioneTecnica({
      causale: causale?.etichetta ?? periodo.causale,
      relazione: !r
        ? null
        : r.modalita === "pdf"
          ? { modalita: "pdf", pdfPresente: presenti.includes(NOMI_TIPI_ALLEGATO.relazione_tecnica) || r.nomeFile !== "" }
          : { modalita: "strutturata", descrizione: r.descrizione, misure: r.misure, prospettive: r.prospettive, numeroIndicatori: r.indicatori.length },
      indicatoriObbligatori: tipo === "mercato",
      documentiObbligatori: obbligatori ? obbligatori.map((t) => NOMI_TIPI_ALLEGATO[t]) : null,
      documentiPresenti: presenti,
      meteo: periodo.meteo,
      giorniMeteo: periodo.giorni ?? [],
      tipoLavoro: periodo.tipoLavoro ?? null,
    }),
  );
}

async function lavoratori(caricata: DomandaCaricata): Promise<{ esaminati: number; esiti: Esito[] }> {
  const scelti = await selezionati(caricata.domanda.id);
  const valutati = await lavoratoriValutati(caricata);
  const esiti: Esito[] = [];
  const presenti = new Set<string>();
  for (const l of valutati) {
    if (!scelti.has(l.cf)) continue;
    presenti.add(l.cf);
    esiti.push(...l.esiti);
  }
  for (const cf of scelti.keys()) {
    if (presenti.has(cf)) continue;
    esiti.push({
      regola: "lavoratori.presenza",
      riferimento: "art. 1 c. 2 d.lgs. 148/2015: presenza all'unità produttiva secondo UniEmens",
      gravita: "bloccante",
      messaggio: `${cf} non risulta occupato presso l'unità produttiva nel periodo richiesto.`,
      dati: { cf },
      provvisorio: false,
    });
  }
  return { esaminati: scelti.size, esiti };
}

/** Every automatic check on the case as it is today (the other domande of the unit included). */
export async function controlliDelCaso(caricata: DomandaCaricata): Promise<ControlloIstruttoria[]> {
  const [periodo, elenco, relazione, liquidita] = await Promise.all([
    // A parameter not in force on the day becomes an "avviso" to check by hand; any other error is a real one.
    esitiPeriodo(caricata).catch((e: unknown) => esitiEseguibili("durata", () => {
      throw e;
    })),
    lavoratori(caricata),
    relazioneTecnica(caricata),
    controlliPagamento(caricata),
  ]);
  return controlliDaEsiti({
    instradamento: instradamento(caricata),
    periodo,
    lavoratori: elenco,
    informativa: esitiEseguibili("informativa", () => valutaInformativa(caricata)?.esiti ?? []),
    relazioneTecnica: relazione,
    liquidita: liquidita.map(({ passo: _passo, ...e }) => e),
  });
}
