// Forms of the istruttoria: the Sede's request to the company (art. 11 c.2 D.M. 95442/2016), the company's answer, the
// decision. One schema per form, used by the page (constraints, client checks) and by the action (parseWithZod); the
// rules that need the case (period within the coverable one, exclusions with reasons, rejection for lack of elements
// only after a supplemento) are app/domain/istruttoria/decisione.ts, checked by the service.
import { z } from "zod";
import { parseDataItaliana, type DataISO } from "~/domain/date";
import { ESITI_DECISIONE } from "~/domain/istruttoria/decisione";
import { schema } from "../schema";
import { testo, testoFacoltativo, VersioneSchema } from "./comuni";

export const LIMITI_RISPOSTA = { numeroFile: 5, caratteri: 4000 } as const;

export const TIPI_RICHIESTA = ["supplemento_istruttorio", "documentale"] as const;

// Alike pagamento.ts's constants (duplicates): a closed list and the messages of this form
export const messaggiRichiesta = {
  tipo: "Scegli il tipo di richiesta",
  testoVuoto: "Scrivi che cosa chiedi all'azienda",
  testoBreve: "Spiega all'azienda che cosa manca in almeno 20 caratteri",
  troppiDocumenti: "Puoi indicare al massimo 20 documenti, uno per riga",
} as const;

export const messaggiRisposta = {
  testoRichiestaVuoto: messaggiRichiesta.testoVuoto,
  testoVuoto: "Scrivi la risposta alla richiesta della Sede",
  troppiFile: `Puoi allegare al massimo ${LIMITI_RISPOSTA.numeroFile} documenti PDF`,
  totaleSuperato: "I documenti insieme superano i 20 MB: allega file più piccoli",
  nonAperta: "La richiesta non è più aperta: la Sede l'ha chiusa o ha ripreso l'istruttoria dopo la scadenza. La tua risposta non è stata inviata.",
} as const;

export const ETICHETTE_RICHIESTA = {
  // Alike chiavi-api.ts's messages (duplicates): the labels of this form, in one object like every schema's
  tipo: "Tipo di richiesta",
  testo: "Che cosa chiedi all'azienda",
  documenti: "Documenti richiesti",
} as const;

export const RichiestaSchema = /* @__PURE__ */ schema(() =>
  z.object({
  versione: VersioneSchema,
  tipo: z.enum(TIPI_RICHIESTA, { errorMap: () => ({ message: messaggiRichiesta.tipo }) }),
  testo: testo({ obbligatorio: messaggiRichiesta.testoVuoto, massimo: 4000, nome: "Il testo" }).refine(
    (v) => v.length >= 20,
    messaggiRichiesta.testoBreve,
  ),
  documenti: testoFacoltativo({ massimo: 2000, nome: "L'elenco dei documenti" }).refine(
    (v) => righe(v).length <= 20,
    messaggiRichiesta.troppiDocumenti,
  ),
  }),
);

export const RispostaSchema = /* @__PURE__ */ schema(() =>
  z.object({
    versione: VersioneSchema,
    richiesta: z.coerce.number().int().positive(),
    testo: testo({ obbligatorio: messaggiRisposta.testoVuoto, massimo: LIMITI_RISPOSTA.caratteri, nome: "La risposta" }),
  }),
);

/** The non-empty lines of a textarea (documents asked, one per line). */
export function righe(v: string | undefined): string[] {
  return (v ?? "").split(/\r?\n/).map((r) => r.trim()).filter(Boolean);
}

// ---- Decision --------------------------------------------------------------------------------------------------

export const messaggiDecisione = {
  esito: "Scegli l'esito della decisione",
  motivazioneVuota: "Scrivi la motivazione: è obbligatoria per ogni esito",
  inizioFormato: "Inserisci la data di inizio del periodo autorizzato nel formato gg/mm/aaaa",
  fineFormato: "Inserisci la data di fine del periodo autorizzato nel formato gg/mm/aaaa",
  oreFormato: "Inserisci le ore autorizzate come numero intero maggiore di zero",
  modalita: "Scegli la modalità di pagamento autorizzata",
  conflitto:
    "Un altro operatore ha agito su questa domanda dopo che hai aperto la pagina: la tua decisione non è stata registrata.",
} as const;

export const ETICHETTE_DECISIONE = {
  esito: "Esito",
  perCarenzaElementi: "Il rigetto è per mancanza di elementi di valutazione",
  motivazione: "Motivazione",
  dataInizio: "Inizio del periodo autorizzato",
  dataFine: "Fine del periodo autorizzato",
  oreAutorizzate: "Ore autorizzate",
  motivoPeriodo: "Perché il periodo è più breve di quello richiesto",
  motivoOre: "Perché le ore sono meno di quelle richieste",
  esclusi: "Lavoratori esclusi",
  giorniEsclusi: "Giorni non autorizzati",
  motivoGiorni: "Perché questi giorni non sono autorizzati",
  modalitaPagamento: "Modalità di pagamento autorizzata",
} as const;

const dataFacoltativa = (messaggio: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v, ctx): DataISO | undefined => {
      if (!v) return undefined;
      const d = parseDataItaliana(v);
      if (!d) {
        ctx.addIssue({ code: "custom", message: messaggio });
        return z.NEVER;
      }
      return d;
    });

const motivo = (nome: string) => testoFacoltativo({ massimo: 1000, nome });

/** The fields every decision form sends; the reasons per excluded worker are read by name (motivo-<codice fiscale>). */
export const DecisioneSchema = /* @__PURE__ */ schema(() =>
  z.object({
  versione: VersioneSchema,
  esito: z.enum(ESITI_DECISIONE, { errorMap: () => ({ message: messaggiDecisione.esito }) }),
  perCarenzaElementi: z.literal("si").optional(),
  motivazione: testo({ obbligatorio: messaggiDecisione.motivazioneVuota, massimo: 20000, nome: "La motivazione" }),
  dataInizio: dataFacoltativa(messaggiDecisione.inizioFormato),
  dataFine: dataFacoltativa(messaggiDecisione.fineFormato),
  oreAutorizzate: z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (!v) return undefined;
      const n = Number(v.replace(/\./g, ""));
      if (!/^[0-9.]+$/.test(v) || !Number.isSafeInteger(n) || n <= 0) {
        ctx.addIssue({ code: "custom", message: messaggiDecisione.oreFormato });
        return z.NEVER;
      }
      return n;
    }),
  motivoPeriodo: motivo("Il motivo del periodo"),
  motivoOre: motivo("Il motivo delle ore"),
  esclusi: z.array(z.string().regex(/^[A-Z0-9]{16}$/)).max(10000).default([]),
  giorniEsclusi: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)).max(366).default([]),
  motivoGiorni: motivo("Il motivo dei giorni"),
  modalitaPagamento: z.enum(["conguaglio", "diretto"], { errorMap: () => ({ message: messaggiDecisione.modalita }) }).optional(),
  }),
);

export type ValoriDecisione = z.infer<typeof DecisioneSchema>;

/** The reason field of one excluded worker. */
export const campoMotivoLavoratore = (codiceFiscale: string) => `motivo-${codiceFiscale}`;
