// Step "Relazione tecnica" (D.M. 95442/2016 art. 2): structured fields with the economic-financial
// indicators per year or per quarter, or a PDF instead; always the declaration under art. 47 DPR 445/2000.
// Amounts are typed in euro with comma decimals and kept as integer cents.
import { z } from "zod";
import { schema } from "../schema";
import { euro, formatImporto, leggiImporto } from "~/domain/formati";
import { riga, type RigaRiepilogo } from "../righe";
import { CentesimiSchema, testo } from "./comuni";

export const MODALITA_RELAZIONE = ["strutturata", "pdf"] as const;
export const GRANULARITA = ["anno", "trimestre"] as const;
export const MAX_PERIODI = 12;
export const LIMITI_TESTO_RELAZIONE = { descrizione: 4000, misure: 3000, prospettive: 3000 } as const;

export const messaggiRelazione = {
  modalita: "Scegli se compilare la relazione nei campi della domanda o allegarla in PDF",
  descrizione: "Descrivi l'attività dell'azienda e le cause della sospensione o riduzione",
  misure: "Descrivi le misure adottate per fronteggiare la situazione",
  prospettive: "Descrivi le prospettive di ripresa e gli elementi che le dimostrano",
  granularita: "Scegli se indicare gli indicatori per anno o per trimestre",
  nessunPeriodo: "Indica gli indicatori economico-finanziari di almeno un periodo",
  troppiPeriodi: `Puoi indicare al massimo ${MAX_PERIODI} periodi`,
  periodoVuoto: "Inserisci il periodo",
  periodoAnno: "Inserisci l'anno con quattro cifre, ad esempio 2025",
  periodoTrimestre: "Inserisci il trimestre nella forma anno-trimestre, ad esempio 2025-Q1",
  periodoFormato: "Inserisci il periodo come anno, ad esempio 2025, o come anno-trimestre, ad esempio 2025-Q1",
  periodoDuplicato: "Questo periodo compare in più righe: indicalo una volta sola",
  importoVuoto: (voce: string) => `Inserisci ${voce} in euro, ad esempio 125.000,00`,
  importoFormato: (voce: string) =>
    `Inserisci ${voce} in euro con al massimo due decimali dopo la virgola, ad esempio 125.000,00`,
  importoNegativo: (voce: string) => `${voce[0].toUpperCase()}${voce.slice(1)} non può essere negativo`,
  importoEnorme: (voce: string) => `${voce[0].toUpperCase()}${voce.slice(1)} non può superare 999.999.999.999,99 euro`,
  dichiarazione:
    "Per proseguire dichiara, ai sensi dell'art. 47 del DPR 445/2000, che quanto indicato nella relazione corrisponde al vero",
  pdfMancante: "Scegli il file PDF della relazione tecnica",
  periodoAggiunto: "Periodo aggiunto: compila la nuova riga",
} as const;

const m = messaggiRelazione;

export const VOCI_INDICATORE = {
  fatturato: "il fatturato",
  ordini: "il valore degli ordini in portafoglio",
  risultatoOperativo: "il risultato operativo",
} as const;

const MAX_CENTESIMI = 99_999_999_999_999;

function importo(voce: string, negativoAmmesso: boolean) {
  return z
    .string({ required_error: m.importoVuoto(voce) })
    .trim()
    .min(1, m.importoVuoto(voce))
    .max(24, m.importoFormato(voce))
    .transform((v, ctx) => {
      const c = leggiImporto(v);
      const problema =
        c === null ? m.importoFormato(voce) : c < 0 && !negativoAmmesso ? m.importoNegativo(voce) : Math.abs(c) > MAX_CENTESIMI ? m.importoEnorme(voce) : null;
      if (problema) {
        ctx.addIssue({ code: "custom", message: problema });
        return z.NEVER;
      }
      return c!;
    });
}

const RigaIndicatoreSchema = /* @__PURE__ */ schema(() =>
  z.object({
    periodo: z
      .string({ required_error: m.periodoVuoto })
      .trim()
      .min(1, m.periodoVuoto)
      .toUpperCase()
      .pipe(z.string().regex(/^20[0-9]{2}(-Q[1-4])?$/, m.periodoFormato)),
    fatturato: importo(VOCI_INDICATORE.fatturato, false),
    ordini: importo(VOCI_INDICATORE.ordini, false),
    // The operating result may be a loss: it is the one amount that can be negative.
    risultatoOperativo: importo(VOCI_INDICATORE.risultatoOperativo, true),
  }),
);

const RigaIndicatoreSalvataSchema = /* @__PURE__ */ schema(() =>
  z.object({
    periodo: z.string(),
    fatturatoCentesimi: CentesimiSchema,
    ordiniCentesimi: CentesimiSchema,
    risultatoOperativoCentesimi: CentesimiSchema,
  }),
);
export type RigaIndicatore = z.infer<typeof RigaIndicatoreSalvataSchema>;

/** The stored answers, version 1: the report typed in the fields, or the name of the attached PDF. */
export const RisposteRelazioneSchema = /* @__PURE__ */ schema(() =>
  z.discriminatedUnion("modalita", [
    z.object({
      modalita: z.literal("strutturata"),
      descrizione: z.string(),
      misure: z.string(),
      prospettive: z.string(),
      granularita: z.enum(GRANULARITA),
      indicatori: z.array(RigaIndicatoreSalvataSchema),
      dichiarazione: z.literal(true),
    }),
    z.object({ modalita: z.literal("pdf"), nomeFile: z.string(), dichiarazione: z.literal(true) }),
  ]),
);

// Alike the other steps' schemas (pagamento.ts) (duplicates): each step exports its data type and its own labels; the
// shape is the step contract, the words are this form's
export type DatiRelazioneTecnica = z.infer<typeof RisposteRelazioneSchema>;

/** The form's labels: the summary and the receipt show the answers under the same words. */
export const ETICHETTE_RELAZIONE = {
  modalita: "Come vuoi presentare la relazione tecnica?",
  descrizione: "Attività dell'azienda e cause della sospensione o riduzione",
  misure: "Misure adottate",
  prospettive: "Prospettive di ripresa e relativi elementi di prova",
  granularita: "Indicatori economico-finanziari per",
  nomeFile: "Relazione tecnica in PDF",
  dichiarazione: "Dichiarazione sostitutiva di atto di notorietà (art. 47 DPR 445/2000)",
} as const;

export const ETICHETTE_MODALITA_RELAZIONE: Record<(typeof MODALITA_RELAZIONE)[number], string> = {
  strutturata: "Compilo i campi qui sotto",
  pdf: "Allego la relazione in un file PDF",
};

export const ETICHETTE_GRANULARITA: Record<(typeof GRANULARITA)[number], string> = {
  anno: "Anno (ad esempio 2025)",
  trimestre: "Trimestre (ad esempio 2025-Q1)",
};

export function righeRelazione(d: DatiRelazioneTecnica): RigaRiepilogo[] {
  const e = ETICHETTE_RELAZIONE;
  const dichiarazione = riga(e.dichiarazione, d.dichiarazione ? "Resa" : null);
  if (d.modalita === "pdf") return [riga(e.modalita, "Allegata in PDF"), riga(e.nomeFile, d.nomeFile), dichiarazione];
  return [
    riga(e.modalita, "Compilata nei campi della domanda"),
    riga(e.descrizione, d.descrizione),
    riga(e.misure, d.misure),
    riga(e.prospettive, d.prospettive),
    riga(e.granularita, d.granularita === "anno" ? "Anno" : "Trimestre"),
    riga(
      "Indicatori economico-finanziari",
      d.indicatori.map(
        (r) =>
          `${r.periodo}: fatturato ${euro(r.fatturatoCentesimi)}; ordini in portafoglio ${euro(r.ordiniCentesimi)}; risultato operativo ${euro(r.risultatoOperativoCentesimi)}`,
      ),
    ),
    dichiarazione,
  ];
}

function rigaVuotaANull(riga: unknown): unknown {
  if (riga == null) return null;
  if (typeof riga === "object" && Object.values(riga).every((x) => x == null || x === "")) return null;
  return riga;
}

const ANNO = /^(20[0-9]{2})$/;
const TRIMESTRE = /^(20[0-9]{2})-Q([1-4])$/;

/**
 * The schema of the step. `indicatoriObbligatori`: the causale is about the market (lack of orders, crisis), where
 * the trend of turnover and orders is the core of the report (D.M. 95442/2016 art. 2).
 */
export function creaSchemaRelazione(opzioni: { indicatoriObbligatori: boolean }) {
  return z
    .object({
      modalita: z.enum(MODALITA_RELAZIONE, { errorMap: () => ({ message: m.modalita }) }),
      descrizione: testo({ obbligatorio: m.descrizione, massimo: LIMITI_TESTO_RELAZIONE.descrizione, nome: "La descrizione" }).optional(),
      misure: testo({ obbligatorio: m.misure, massimo: LIMITI_TESTO_RELAZIONE.misure, nome: "La descrizione delle misure" }).optional(),
      prospettive: testo({ obbligatorio: m.prospettive, massimo: LIMITI_TESTO_RELAZIONE.prospettive, nome: "La descrizione delle prospettive" }).optional(),
      granularita: z.enum(GRANULARITA, { errorMap: () => ({ message: m.granularita }) }).optional(),
      // A row left completely empty counts as absent; it stays in the array so error paths keep the rows' indices.
      indicatori: z.array(z.preprocess(rigaVuotaANull, RigaIndicatoreSchema.nullable())).max(MAX_PERIODI, m.troppiPeriodi).optional(),
      dichiarazione: z.literal("si", { errorMap: () => ({ message: m.dichiarazione }) }),
      // The PDF alternative: checked on the server by content (app/services/pdf.server.ts), named here for the form.
      file: z.unknown().optional(),
    })
    .superRefine((v, ctx) => {
      if (v.modalita !== "strutturata") return;
      if (!v.descrizione) ctx.addIssue({ code: "custom", message: m.descrizione, path: ["descrizione"] });
      if (!v.misure) ctx.addIssue({ code: "custom", message: m.misure, path: ["misure"] });
      if (!v.prospettive) ctx.addIssue({ code: "custom", message: m.prospettive, path: ["prospettive"] });
      const righe = v.indicatori ?? [];
      const compilate = righe.filter((r) => r !== null);
      if (compilate.length > 0 && !v.granularita) ctx.addIssue({ code: "custom", message: m.granularita, path: ["granularita"] });
      if (compilate.length === 0 && opzioni.indicatoriObbligatori) {
        ctx.addIssue({ code: "custom", message: m.nessunPeriodo, path: ["indicatori"] });
      }
      const visti = new Set<string>();
      righe.forEach((r, i) => {
        if (r === null) return;
        const formato = v.granularita === "trimestre" ? TRIMESTRE : ANNO;
        if (v.granularita && !formato.test(r.periodo)) {
          ctx.addIssue({
            code: "custom",
            message: v.granularita === "trimestre" ? m.periodoTrimestre : m.periodoAnno,
            path: ["indicatori", i, "periodo"],
          });
        } else if (visti.has(r.periodo)) {
          ctx.addIssue({ code: "custom", message: m.periodoDuplicato, path: ["indicatori", i, "periodo"] });
        }
        visti.add(r.periodo);
      });
    });
}

/** The saved answers of a valid submission (the PDF's name comes from the uploaded file). */
export function datiRelazione(
  v: z.output<ReturnType<typeof creaSchemaRelazione>>,
  nomeFile: string | null,
): DatiRelazioneTecnica {
  if (v.modalita === "pdf") return { modalita: "pdf", nomeFile: nomeFile ?? "", dichiarazione: true };
  const indicatori = (v.indicatori ?? [])
    .filter((r) => r !== null)
    .map((r) => ({
      periodo: r.periodo,
      fatturatoCentesimi: r.fatturato,
      ordiniCentesimi: r.ordini,
      risultatoOperativoCentesimi: r.risultatoOperativo,
    }))
    .sort((a, b) => a.periodo.localeCompare(b.periodo));
  return {
    modalita: "strutturata",
    descrizione: v.descrizione!,
    misure: v.misure!,
    prospettive: v.prospettive!,
    granularita: v.granularita ?? "anno",
    indicatori,
    dichiarazione: true,
  };
}

/** The form's fields as text, the shape conform works on. */
export interface ValoriModuloRelazione {
  modalita?: string;
  descrizione?: string;
  misure?: string;
  prospettive?: string;
  granularita?: string;
  indicatori: Array<{ periodo?: string; fatturato?: string; ordini?: string; risultatoOperativo?: string }>;
  dichiarazione?: string;
  /** Only named for conform: the server reads the File itself. */
  file?: string;
}

/** What the form shows for saved answers (amounts back to euro text). */
export function valoriModuloRelazione(d: DatiRelazioneTecnica | undefined): ValoriModuloRelazione {
  if (!d) return { modalita: undefined, indicatori: [{}] };
  if (d.modalita === "pdf") return { modalita: "pdf", dichiarazione: "si", indicatori: [{}] };
  return {
    modalita: "strutturata",
    descrizione: d.descrizione,
    misure: d.misure,
    prospettive: d.prospettive,
    granularita: d.granularita,
    dichiarazione: "si",
    indicatori: d.indicatori.length
      ? d.indicatori.map((r) => ({
          periodo: r.periodo,
          fatturato: formatImporto(r.fatturatoCentesimi),
          ordini: formatImporto(r.ordiniCentesimi),
          risultatoOperativo: formatImporto(r.risultatoOperativoCentesimi),
        }))
      : [{}],
  };
}
