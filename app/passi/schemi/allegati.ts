// Step "Allegati": the documents the causale needs (D.M. 95442/2016 art. 2; circ. INPS 139/2016), the limits, and the messages.
// Plain module: the page states the limits from here and the server enforces the same numbers.
import { z } from "zod";
import { schema } from "../schema";
import { numero, riga, type RigaRiepilogo } from "../righe";

const MB = 1024 * 1024;

export const LIMITI_ALLEGATI = {
  byteFile: 5 * MB,
  byteTotali: 20 * MB,
  numeroFile: 10,
  caratteriNome: 120,
} as const;

export const TIPI_ALLEGATO = [
  "relazione_tecnica",
  "verbale_vigili_fuoco",
  "attestazione_gestore",
  "ordinanza",
  "dichiarazione_sicurezza",
  "bollettino_meteo",
  "documentazione_economica",
  "verbale_accordo",
  "altro",
] as const;
// Alike lavoratori.ts's qualifications (duplicates): a closed list and its labels; the values are the attachment types
export type TipoAllegato = (typeof TIPI_ALLEGATO)[number];

export const NOMI_TIPI_ALLEGATO: Record<TipoAllegato, string> = {
  relazione_tecnica: "Relazione tecnica (PDF)",
  verbale_vigili_fuoco: "Verbale dei vigili del fuoco",
  attestazione_gestore: "Attestazione del gestore dell'energia o del servizio",
  ordinanza: "Ordinanza o provvedimento dell'autorità pubblica",
  dichiarazione_sicurezza: "Dichiarazione del responsabile della sicurezza (RSPP)",
  bollettino_meteo: "Bollettino meteorologico",
  documentazione_economica: "Documentazione economica (bilanci, ordini, contratti)",
  verbale_accordo: "Verbale di esame congiunto o accordo sindacale",
  altro: "Altro documento",
};

/**
 * Kinds of causale as far as documents are concerned. The periodo step's causale codes map onto these through
 * `tipoCausaleDocumenti` below; an unknown code falls back to "altra" (only optional documents).
 */
export type TipoCausaleDocumenti = "meteo" | "evento_improvviso" | "ordine_autorita" | "mercato" | "altra";

export interface CatalogoDocumenti {
  /** Types offered in the upload form, in this order ("altro" is always last). */
  tipi: readonly TipoAllegato[];
  /** At least one file of one of these types is needed to complete the step. */
  obbligatorio: readonly TipoAllegato[] | null;
  /** Explanation shown above the form. */
  nota: string;
}

// D.M. 95442/2016 art. 8: the fire brigade's or the utility's statement for sudden events; the authority's order
// when the cause is the order itself. For weather INPS obtains the bulletins on its own (msg INPS 1856/2017).
export const CATALOGO_DOCUMENTI: Record<TipoCausaleDocumenti, CatalogoDocumenti> = {
  meteo: {
    tipi: ["dichiarazione_sicurezza", "bollettino_meteo", "altro"],
    obbligatorio: null,
    nota: "Per gli eventi meteo l'INPS acquisisce da sé i bollettini: non è necessario allegarli. Per le temperature elevate puoi allegare la dichiarazione del responsabile della sicurezza.",
  },
  evento_improvviso: {
    tipi: ["verbale_vigili_fuoco", "attestazione_gestore", "ordinanza", "altro"],
    obbligatorio: null,
    nota: "Per incendi, alluvioni, sisma, crolli, mancanza di energia o impraticabilità dei locali allega, se disponibili, il verbale dei vigili del fuoco, l'attestazione del gestore o l'ordinanza: mostrano che l'evento non è imputabile all'azienda.",
  },
  ordine_autorita: {
    tipi: ["ordinanza", "altro"],
    obbligatorio: ["ordinanza"],
    nota: "Per la sospensione disposta dall'autorità pubblica o per l'impraticabilità dei locali su suo ordine, allega l'ordinanza o il provvedimento: è obbligatorio.",
  },
  mercato: {
    tipi: ["documentazione_economica", "verbale_accordo", "altro"],
    obbligatorio: null,
    nota: "Per mancanza di lavoro, di commesse o crisi di mercato puoi allegare documenti che mostrano l'andamento e le prospettive di ripresa (ordini, contratti, bilanci).",
  },
  altra: {
    tipi: ["verbale_accordo", "altro"],
    obbligatorio: null,
    nota: "Puoi allegare i documenti che ritieni utili all'istruttoria della Sede.",
  },
};

/** The causale codes of app/domain/causali.ts that need a document kind other than "altra". */
const CAUSALI_PER_TIPO: Readonly<Record<string, TipoCausaleDocumenti>> = {
  eventi_meteo: "meteo",
  temperature_elevate: "meteo",
  cisoa_intemperie: "meteo",
  incendio_alluvione_sisma: "evento_improvviso",
  mancanza_energia: "evento_improvviso",
  impraticabilita_locali: "evento_improvviso",
  ordine_autorita: "ordine_autorita",
  mancanza_lavoro: "mercato",
  crisi_mercato: "mercato",
  riorganizzazione: "mercato",
  crisi_aziendale: "mercato",
  contratto_solidarieta: "mercato",
};

export function tipoCausaleDocumenti(causale: string | null | undefined): TipoCausaleDocumenti {
  return (causale && CAUSALI_PER_TIPO[causale]) || "altra";
}

const mb = (byte: number) => `${byte / MB} MB`;

export const messaggiPdf = {
  vuoto: (nome: string) => `Il file «${nome}» è vuoto: scegli un file PDF con il documento`,
  troppoGrande: (nome: string) =>
    `Il file «${nome}» supera il limite di ${mb(LIMITI_ALLEGATI.byteFile)}: riducine la dimensione (ad esempio con una scansione a risoluzione più bassa) e caricalo di nuovo`,
  eseguibile: (nome: string) =>
    `Il file «${nome}» è un programma eseguibile, non un PDF: per sicurezza non è stato caricato`,
  archivio: (nome: string) =>
    `Il file «${nome}» è un archivio compresso (ZIP o simile), non un PDF: carica direttamente il documento in formato PDF`,
  nonPdf: (nome: string) => `Il file «${nome}» non è un PDF: carica un documento in formato PDF`,
  illeggibile: (nome: string) =>
    `Il file «${nome}» non è un PDF leggibile (forse è danneggiato o incompleto): salvalo di nuovo come PDF e riprova`,
  cifrato: (nome: string) =>
    `Il file «${nome}» è protetto da password: salvalo senza protezione e caricalo di nuovo`,
  contenutoAttivo: (nome: string) =>
    `Il file «${nome}» contiene script o azioni automatiche: per sicurezza non è accettato. Stampalo in un nuovo PDF e caricalo di nuovo`,
  fileIncorporati: (nome: string) =>
    `Il file «${nome}» contiene altri file al suo interno (allegati incorporati): per sicurezza non è accettato. Carica ogni documento come PDF separato`,
  moduloXfa: (nome: string) =>
    `Il file «${nome}» è un modulo interattivo XFA, che non tutti i programmi sanno aprire: stampalo in un nuovo PDF e caricalo di nuovo`,
  troppoComplesso: (nome: string) =>
    `Il file «${nome}» contiene dati compressi troppo grandi o è troppo complesso da verificare: per sicurezza non è accettato. Stampalo in un nuovo PDF e caricalo di nuovo`,
  senzaPagine: (nome: string) => `Il file «${nome}» non contiene pagine`,
} as const;

export const messaggiAllegati = {
  fileMancante: "Scegli il file PDF da caricare",
  tipo: "Scegli il tipo di documento",
  estensione: "Il file deve avere estensione .pdf",
  nomeNonValido: "Il nome del file contiene caratteri non ammessi: rinominalo con lettere, cifre, spazi o trattini",
  troppiFile: `Hai già caricato il numero massimo di ${LIMITI_ALLEGATI.numeroFile} documenti: rimuovine uno prima di aggiungerne un altro`,
  totaleSuperato: `Con questo file gli allegati supererebbero il limite complessivo di ${mb(LIMITI_ALLEGATI.byteTotali)}: rimuovi o riduci qualche documento`,
  richiestaTroppoGrande: `Il file supera il limite di ${mb(LIMITI_ALLEGATI.byteFile)}: riducine la dimensione e caricalo di nuovo`,
  sceglieDiNuovo: "Per sicurezza il file non è stato conservato: sceglilo di nuovo dopo aver corretto il problema.",
  obbligatorioMancante: (tipi: string) => `Per questa causale allega almeno un documento di tipo: ${tipi}`,
  caricato: (nome: string) => `Il file «${nome}» è stato caricato`,
  rimosso: (nome: string) => `Il file «${nome}» è stato rimosso`,
  allegatoNonTrovato: "Il documento da rimuovere non esiste più: forse è stato rimosso in un'altra scheda",
  limiti: `Solo file PDF, al massimo ${mb(LIMITI_ALLEGATI.byteFile)} ciascuno, ${mb(LIMITI_ALLEGATI.byteTotali)} in tutto e ${LIMITI_ALLEGATI.numeroFile} documenti.`,
} as const;

// Control characters, path separators and characters that break a Content-Disposition header.
const NOME_VIETATO = /[\u0000-\u001F\u007F"\\/<>|:*?]/;

/** The name to store and show: no path, no control characters, bounded length, .pdf extension required. */
export function nomeFileAllegato(nome: string): { ok: true; nome: string } | { ok: false; messaggio: string } {
  const base = nome.split(/[/\\]/).pop()?.trim() ?? "";
  if (base === "") return { ok: false, messaggio: messaggiAllegati.fileMancante };
  if (NOME_VIETATO.test(base)) return { ok: false, messaggio: messaggiAllegati.nomeNonValido };
  if (!/\.pdf$/i.test(base)) return { ok: false, messaggio: messaggiAllegati.estensione };
  const max = LIMITI_ALLEGATI.caratteriNome;
  const corto = base.length > max ? `${base.slice(0, max - 4)}.pdf` : base;
  return { ok: true, nome: corto };
}

/** The upload form's non-file fields. */
export const CaricaAllegatoSchema = /* @__PURE__ */ schema(() =>
  z.object({
    tipo: z.enum(TIPI_ALLEGATO, { errorMap: () => ({ message: messaggiAllegati.tipo }) }),
  }),
);

/** The stored answers, version 1: the step was confirmed with this many documents (the files are rows of allegati). */
export const RisposteAllegatiSchema = /* @__PURE__ */ schema(() => z.object({ numero: z.number().int() }));

export type DatiAllegati = z.infer<typeof RisposteAllegatiSchema>;

export function righeAllegati(d: DatiAllegati): RigaRiepilogo[] {
  return [riga("Documenti allegati", numero(d.numero))];
}
