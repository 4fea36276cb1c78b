// Testo suggerito della motivazione, dai controlli non superati o con avviso, dalle esclusioni e dalle richieste
// all'azienda. È solo una proposta in italiano semplice che l'operatore modifica: la motivazione deve dare conto dei
// documenti e dei fatti esaminati (art. 11 c.1 D.M. 95442/2016, msg INPS 1396/2018) e, per il rigetto per mancanza di
// elementi, del supplemento istruttorio e del suo esito (art. 11 c.2). docs/regole.md §16.
import { formatDataItaliana as it, type DataISO, type Intervallo } from "../date";
import { nomePrestazione, type Fondo, type Prestazione } from "../tipi";
import type { ControlloIstruttoria } from "./controlli";
import type { EsitoDecisione, Esclusione } from "./decisione";
import { ETICHETTE_TIPO_RICHIESTA, situazioneRichiesta, type RichiestaIstruttoria } from "./interlocuzione";

export interface InputMotivazione {
  esito: EsitoDecisione;
  prestazione: Prestazione;
  fondo?: Fondo | null;
  causale: string;
  periodoRichiesto: Intervallo;
  periodoAutorizzato?: Intervallo | null;
  controlli: readonly ControlloIstruttoria[];
  esclusioni?: readonly Esclusione[];
  richieste?: readonly RichiestaIstruttoria[];
  /** Nome leggibile dei lavoratori, per codice fiscale. */
  nominativi?: Readonly<Record<string, string>>;
  oggi: DataISO;
}

function periodo(p: Intervallo): string {
  return `dal ${it(p.inizio)} al ${it(p.fine)}`;
}

function esclusione(e: Esclusione, nominativi: Readonly<Record<string, string>>): string {
  switch (e.tipo) {
    case "lavoratore":
      return `${nominativi[e.codiceFiscale] ?? e.codiceFiscale}: escluso. ${e.motivo.trim()}`;
    case "giorni":
      return `${e.giorni.length === 1 ? "Giorno" : "Giorni"} ${e.giorni.map(it).join(", ")}: non autorizzat${e.giorni.length === 1 ? "o" : "i"}. ${e.motivo.trim()}`;
    case "periodo":
      return `Periodo ridotto. ${e.motivo.trim()}`;
    case "ore":
      return `Ore ridotte. ${e.motivo.trim()}`;
  }
}

/** Il testo proposto, diviso in paragrafi da una riga vuota. */
export function motivazioneSuggerita(input: InputMotivazione): string {
  const nome = nomePrestazione(input.prestazione, input.fondo);
  const paragrafi: string[] = [];
  paragrafi.push(
    `Esaminata la domanda di ${nome} per la causale «${input.causale}», per il periodo ${periodo(input.periodoRichiesto)}, con i dati dichiarati dall'azienda, la relazione tecnica, gli allegati e i dati degli archivi dell'Istituto.`,
  );
  const richieste = (input.richieste ?? []).filter((r) => r.ricevutaIl <= input.oggi);
  for (const r of richieste) {
    const s = situazioneRichiesta(r, input.oggi);
    const come =
      s.stato === "risposta" ? `l'azienda ha risposto il ${it(r.rispostaIl!)}${s.rispostaTardiva ? " (oltre il termine)" : ""}`
        : s.stato === "scaduta" ? `il termine del ${it(s.scadenza)} è scaduto senza risposta`
          : s.stato === "chiusa" ? `la richiesta è stata chiusa il ${it(r.chiusaIl!)}`
            : `la risposta è attesa entro il ${it(s.scadenza)}`;
    const base = r.tipo === "supplemento_istruttorio" ? " ai sensi dell'art. 11 c.2 del D.M. 95442/2016" : "";
    paragrafi.push(`${ETICHETTE_TIPO_RICHIESTA[r.tipo]}${base} (ricevimento da parte dell'azienda: ${it(r.ricevutaIl)}): ${come}.`);
  }
  const problemi = input.controlli.filter((c) => c.stato !== "superato");
  const nonSuperati = problemi.filter((c) => c.stato === "non_superato");
  if (problemi.length) {
    const righe = problemi.map((c) => `- ${c.titolo}: ${c.spiegazione.join(" ")} (${c.riferimenti.join("; ")})`);
    paragrafi.push(`Dai controlli risulta:\n${righe.join("\n")}`);
  } else {
    paragrafi.push("Tutti i controlli automatici risultano superati.");
  }
  const esclusioni = input.esclusioni ?? [];
  switch (input.esito) {
    case "autorizzata":
      paragrafi.push(
        `Sussistono i requisiti: la domanda è autorizzata${input.periodoAutorizzato ? ` per il periodo ${periodo(input.periodoAutorizzato)}` : ""}.`,
      );
      break;
    case "autorizzata_parziale":
      paragrafi.push(
        `La domanda è autorizzata in parte${input.periodoAutorizzato ? `, per il periodo ${periodo(input.periodoAutorizzato)}` : ""}, con le seguenti esclusioni:\n${esclusioni.map((e) => `- ${esclusione(e, input.nominativi ?? {})}`).join("\n") || "- [indica che cosa è escluso e perché]"}`,
      );
      break;
    case "respinta":
      paragrafi.push(
        nonSuperati.length
          ? `Per i motivi indicati la domanda è respinta: ${nonSuperati.map((c) => c.titolo.toLowerCase()).join("; ")}.`
          : "La domanda è respinta per i seguenti motivi: [indica i fatti e i documenti esaminati e perché non sussistono i requisiti].",
      );
      break;
  }
  return paragrafi.join("\n\n");
}
