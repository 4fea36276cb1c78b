// Step "Modalità di pagamento" (art. 7 d.lgs. 148/2015; docs/regole.md §8): anticipo e conguaglio, or
// pagamento diretto, decided on submit by the indice di liquidità (app/domain/indice-liquidita.ts) on the
// balance-sheet items typed here. Amounts in euro with comma decimals, kept as integer cents.
import { z } from "zod";
import { schema } from "../schema";
import { data, euro, riga, siNo, type RigaRiepilogo } from "../righe";
import { CentesimiSchema, DataIsoSchema } from "./comuni";
import { formatDataItaliana, parseDataItaliana, type DataISO } from "~/domain/date";
import { formatImporto, leggiImporto } from "~/domain/formati";

export const MODALITA_PAGAMENTO = ["conguaglio", "diretto"] as const;

// Alike istruttoria.ts's constants (duplicates): a closed list and the balance-sheet words of this form
export const VOCI_BILANCIO = {
  disponibilitaLiquide: "le disponibilità liquide",
  creditiBreve: "i crediti esigibili entro l'anno",
  rimanenze: "le rimanenze",
  debitiBreve: "i debiti esigibili entro l'anno",
} as const;

export const messaggiPagamento = {
  modalita: "Scegli la modalità di pagamento",
  dataVuota: "Inserisci la data del bilancio o della situazione contabile",
  dataFormato: "Inserisci la data del bilancio nel formato gg/mm/aaaa, ad esempio 31/12/2025",
  dataFutura: "La data del bilancio non può essere successiva a oggi",
  dataVecchia: "Usa un bilancio o una situazione contabile degli ultimi 24 mesi",
  importoVuoto: (voce: string) => `Inserisci ${voce} in euro, ad esempio 25.000,00 (0 se non ce ne sono)`,
  importoFormato: (voce: string) => `Inserisci ${voce} in euro con al massimo due decimali dopo la virgola, ad esempio 25.000,00`,
  importoNegativo: (voce: string) => `${voce[0].toUpperCase()}${voce.slice(1)} non possono essere negative: inserisci 0 se non ce ne sono`,
  importoEnorme: (voce: string) => `${voce[0].toUpperCase()}${voce.slice(1)} non possono superare 999.999.999.999,99 euro`,
  accettato: "Il pagamento diretto è confermato: l'INPS pagherà l'integrazione direttamente ai lavoratori.",
  nonAccettato:
    "Il pagamento diretto non è stato accettato: la domanda prosegue con anticipo e conguaglio. Il calcolo resta nella domanda per la Sede.",
  nonAccettatoScelta:
    "La modalità di pagamento della domanda ora è «Anticipo e conguaglio», già scelta nel modulo qui sotto: per proseguire premi «Continua». Se i dati del bilancio non sono corretti, scegli «Pagamento diretto da parte dell'INPS», correggili e calcola di nuovo l'indice.",
  ibanNonServe:
    "Non serve indicare qui un IBAN: con il pagamento diretto l'INPS paga sugli IBAN dei lavoratori comunicati con il flusso UniEmens-Cig.",
} as const;

const m = messaggiPagamento;
const MAX_CENTESIMI = 99_999_999_999_999;

function importo(voce: string) {
  return z
    .string({ required_error: m.importoVuoto(voce) })
    .trim()
    .min(1, m.importoVuoto(voce))
    .max(24, m.importoFormato(voce))
    .transform((v, ctx) => {
      const c = leggiImporto(v);
      const problema = c === null ? m.importoFormato(voce) : c < 0 ? m.importoNegativo(voce) : c > MAX_CENTESIMI ? m.importoEnorme(voce) : null;
      if (problema) {
        ctx.addIssue({ code: "custom", message: problema });
        return z.NEVER;
      }
      return c!;
    });
}

const eIso = (v: unknown): v is DataISO => typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v);

const BilancioSchema = /* @__PURE__ */ schema(() =>
  z.object({
    dataRiferimento: DataIsoSchema,
    disponibilitaLiquideCentesimi: CentesimiSchema,
    creditiBreveCentesimi: CentesimiSchema,
    rimanenzeCentesimi: CentesimiSchema,
    debitiBreveCentesimi: CentesimiSchema,
  }),
);
type DatiBilancio = z.infer<typeof BilancioSchema>;

/** The outcome of the liquidity index as saved for the Sede: inputs, formula version, result. */
const EsitoLiquiditaSalvatoSchema = /* @__PURE__ */ schema(() =>
  z.object({
    versione: z.string(),
    formula: z.string(),
    indice: z.string().nullable(),
    accettato: z.boolean(),
    messaggio: z.string(),
    provvisorio: z.boolean(),
    /** The day of the computation: the formula version in force that day. */
    calcolatoIl: DataIsoSchema,
  }),
);
export type EsitoLiquiditaSalvato = z.infer<typeof EsitoLiquiditaSalvatoSchema>;

/**
 * The stored answers, version 1: conguaglio; or direct payment accepted; or direct payment asked for and not
 * accepted, where the domanda continues with conguaglio and the computation is kept for the Sede.
 */
export const RispostePagamentoSchema = /* @__PURE__ */ schema(() =>
  z.union([
    z.object({ modalita: z.literal("diretto"), bilancio: BilancioSchema, liquidita: EsitoLiquiditaSalvatoSchema }),
    z.object({
      modalita: z.literal("conguaglio"),
      richiestoDiretto: z.literal(true),
      bilancio: BilancioSchema,
      liquidita: EsitoLiquiditaSalvatoSchema,
    }),
    z.object({ modalita: z.literal("conguaglio") }),
  ]),
);

// Alike the other steps' schemas (relazione-tecnica.ts) (duplicates): each step exports its data type and its own
// labels; the shape is the step contract, the words are this form's
export type DatiPagamento = z.infer<typeof RispostePagamentoSchema>;

/** The form's labels: the summary and the receipt show the answers under the same words. */
export const ETICHETTE_PAGAMENTO = {
  modalita: "Come vuoi che sia pagata l'integrazione salariale?",
  dataRiferimento: "Data del bilancio o della situazione contabile",
  disponibilitaLiquide: "Disponibilità liquide (cassa e banche)",
  creditiBreve: "Crediti esigibili entro l'anno",
  rimanenze: "Rimanenze di magazzino",
  debitiBreve: "Debiti esigibili entro l'anno",
  indice: "Indice di liquidità",
  accettato: "Pagamento diretto accettato",
} as const;

export const ETICHETTE_MODALITA_PAGAMENTO: Record<(typeof MODALITA_PAGAMENTO)[number], string> = {
  conguaglio: "Anticipo e conguaglio",
  diretto: "Pagamento diretto da parte dell'INPS",
};

export function righePagamento(d: DatiPagamento): RigaRiepilogo[] {
  const e = ETICHETTE_PAGAMENTO;
  const righe = [riga(e.modalita, ETICHETTE_MODALITA_PAGAMENTO[d.modalita])];
  if (!("bilancio" in d)) return righe;
  const b = d.bilancio;
  return [
    ...righe,
    riga(e.dataRiferimento, data(b.dataRiferimento)),
    riga(e.disponibilitaLiquide, euro(b.disponibilitaLiquideCentesimi)),
    riga(e.creditiBreve, euro(b.creditiBreveCentesimi)),
    riga(e.rimanenze, euro(b.rimanenzeCentesimi)),
    riga(e.debitiBreve, euro(b.debitiBreveCentesimi)),
    riga(e.indice, d.liquidita.indice?.replace(".", ",") ?? "Non calcolabile"),
    riga(e.accettato, siNo(d.liquidita.accettato)),
  ];
}

export function creaSchemaPagamento(opzioni: { oggi: DataISO; dataMinima: DataISO }) {
  return z
    .object({
      modalita: z.enum(MODALITA_PAGAMENTO, { errorMap: () => ({ message: m.modalita }) }),
      dataRiferimento: z.string().trim().max(10, m.dataFormato).optional(),
      disponibilitaLiquide: importo(VOCI_BILANCIO.disponibilitaLiquide).optional(),
      creditiBreve: importo(VOCI_BILANCIO.creditiBreve).optional(),
      rimanenze: importo(VOCI_BILANCIO.rimanenze).optional(),
      debitiBreve: importo(VOCI_BILANCIO.debitiBreve).optional(),
    })
    .superRefine((v, ctx) => {
      if (v.modalita !== "diretto") return;
      const data = v.dataRiferimento ? parseDataItaliana(v.dataRiferimento) : null;
      const problemaData = !v.dataRiferimento
        ? m.dataVuota
        : !data
          ? m.dataFormato
          : data > opzioni.oggi
            ? m.dataFutura
            : data < opzioni.dataMinima
              ? m.dataVecchia
              : null;
      if (problemaData) ctx.addIssue({ code: "custom", message: problemaData, path: ["dataRiferimento"] });
      for (const campo of Object.keys(VOCI_BILANCIO) as Array<keyof typeof VOCI_BILANCIO>) {
        if (v[campo] === undefined) ctx.addIssue({ code: "custom", message: m.importoVuoto(VOCI_BILANCIO[campo]), path: [campo] });
      }
    });
}

/** The balance-sheet items of a valid submission with pagamento diretto. */
export function bilancioDa(v: z.output<ReturnType<typeof creaSchemaPagamento>>): DatiBilancio {
  const data = parseDataItaliana(v.dataRiferimento ?? "");
  if (!eIso(data)) throw new Error("data del bilancio non validata");
  return {
    dataRiferimento: data,
    disponibilitaLiquideCentesimi: v.disponibilitaLiquide!,
    creditiBreveCentesimi: v.creditiBreve!,
    rimanenzeCentesimi: v.rimanenze!,
    debitiBreveCentesimi: v.debitiBreve!,
  };
}

export interface ValoriModuloPagamento {
  modalita?: string;
  dataRiferimento?: string;
  disponibilitaLiquide?: string;
  creditiBreve?: string;
  rimanenze?: string;
  debitiBreve?: string;
}

export function valoriModuloPagamento(d: DatiPagamento | undefined): ValoriModuloPagamento {
  // Nothing chosen yet: no radio is pre-selected, the user chooses (GOV.UK radios guidance).
  if (!d) return {};
  if (!("bilancio" in d)) return { modalita: d.modalita };
  const b = d.bilancio;
  return {
    // What the domanda now says: a refused request goes on with conguaglio, and the radio shows it; the figures
    // stay filled in, so the user can choose the direct payment again with corrected figures.
    modalita: d.modalita,
    dataRiferimento: formatDataItaliana(b.dataRiferimento),
    disponibilitaLiquide: formatImporto(b.disponibilitaLiquideCentesimi),
    creditiBreve: formatImporto(b.creditiBreveCentesimi),
    rimanenze: formatImporto(b.rimanenzeCentesimi),
    debitiBreve: formatImporto(b.debitiBreveCentesimi),
  };
}
