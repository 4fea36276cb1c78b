// Step "Periodo e causale": the causale (from the benefit's catalogue), suspension or reduction, the dates, the hours
// and, for weather causes, the exact days and the work in progress. Dates are typed gg/mm/aaaa and read strictly.
import { z } from "zod";
import { schema } from "../schema";
import { formatNumero } from "~/domain/formati";
import { formatDataItaliana, giorniInclusi, parseDataItaliana, type DataISO } from "~/domain/date";
import { trovaCausale } from "~/domain/causali";
import { data as dataRiga, numero, riga, siNo, type RigaRiepilogo } from "../righe";
import { DataIsoSchema, testo } from "./comuni";

export const messaggiPeriodo = {
  causale: "Scegli la causale della sospensione o riduzione",
  tipo: "Indica se l'attività è sospesa o ridotta",
  oreRidotteVuote: "Inserisci le ore settimanali lavorate durante la riduzione",
  oreRidotteFormato: "Inserisci le ore settimanali lavorate durante la riduzione, da 1 a 59, ad esempio 24",
  inizioVuoto: "Inserisci la data di inizio",
  inizioFormato: "Inserisci la data di inizio nel formato gg/mm/aaaa, con le barre: giorno, mese e anno",
  inizioInesistente: "La data di inizio non esiste: controlla il giorno e il mese (ad esempio, febbraio ha 28 o 29 giorni)",
  fineVuota: "Inserisci la data di fine",
  fineFormato: "Inserisci la data di fine nel formato gg/mm/aaaa, con le barre: giorno, mese e anno",
  fineInesistente: "La data di fine non esiste: controlla il giorno e il mese (ad esempio, febbraio ha 28 o 29 giorni)",
  fineDopoInizio: "La data di fine deve essere uguale o successiva alla data di inizio",
  periodoTroppoLungo: "Il periodo non può superare un anno: per periodi più lunghi presenta una nuova domanda",
  oreVuote: "Inserisci il numero di ore di integrazione richieste",
  oreFormato: "Inserisci le ore richieste come numero intero da 1 a 1.000.000",
  giorniVuoti: "Per gli eventi meteo indica i giorni di sospensione o riduzione, uno per riga",
  giornoFormato: (riga: number) => `Riga ${riga} dei giorni: inserisci una data nel formato gg/mm/aaaa`,
  giornoFuori: (riga: number) => `Riga ${riga} dei giorni: la data deve essere compresa tra la data di inizio e la data di fine`,
  giornoDuplicato: (riga: number) => `Riga ${riga} dei giorni: la data è già indicata in un'altra riga`,
  troppiGiorni: "Puoi indicare al massimo 366 giorni",
  tipoLavoroVuoto: "Per gli eventi meteo descrivi la lavorazione in corso in quei giorni",
  oreRidotteOltreOrario: (orario: string) =>
    `Le ore lavorate durante la riduzione devono essere meno dell'orario settimanale del contratto (${orario} ore, dai dati dell'unità produttiva): se non si lavora affatto, scegli "Sospensione"`,
  oreOltreMassimo: (massimo: number, lavoratori: number, settimane: number) =>
    `Le ore richieste sono più di quelle che tutti i lavoratori dell'unità produttiva possono lavorare nel periodo: al massimo ${formatNumero(massimo)} ore (${lavoratori} lavoratori per ${settimane} ${settimane === 1 ? "settimana" : "settimane"}). Controlla il totale`,
} as const;

/** Weekly hours and workers of the unit (step "Unità produttiva"): bounds for the hours of the period. */
export interface OrariUnita {
  orarioSettimanale: number;
  lavoratori: number;
}

/**
 * The most hours the unit's workers can lose in the period: every worker, at the full weekly hours, for every
 * (started) week. A request above it cannot be right, whatever the rules on the hours that can be paid.
 */
export function oreMassimePeriodo(unita: readonly OrariUnita[], inizio: DataISO, fine: DataISO) {
  const settimane = Math.ceil(giorniInclusi({ inizio, fine }) / 7);
  const lavoratori = unita.reduce((t, r) => t + r.lavoratori, 0);
  return { massimo: Math.floor(oreSettimanaliUnita(unita) * settimane), lavoratori, settimane };
}

/** All the unit's workers at their weekly hours: the hours of one week. */
export function oreSettimanaliUnita(unita: readonly OrariUnita[]): number {
  return unita.reduce((t, r) => t + r.lavoratori * r.orarioSettimanale, 0);
}

const m = messaggiPeriodo;
export const TIPI_RIDUZIONE = ["sospensione", "riduzione"] as const;

/** The stored answers, version 1. EONE, weather and extraordinary follow from the causale when it is saved. */
export const RispostePeriodoSchema = /* @__PURE__ */ schema(() =>
  z.object({
    causale: z.string(),
    eone: z.boolean(),
    meteo: z.boolean(),
    straordinaria: z.boolean(),
    tipo: z.enum(TIPI_RIDUZIONE),
    oreSettimanaliRidotte: z.number().optional(),
    dataInizio: DataIsoSchema,
    dataFine: DataIsoSchema,
    oreRichieste: z.number(),
    giorni: z.array(DataIsoSchema).optional(),
    tipoLavoro: z.string().optional(),
  }),
);

// Alike the other steps' schemas (informativa.ts) (duplicates): each step exports its data type and its own labels; the
// shape is the step contract, the words are this form's
export type DatiPeriodo = z.infer<typeof RispostePeriodoSchema>;

/** The form's labels: the summary and the receipt show the answers under the same words. */
export const ETICHETTE_PERIODO = {
  causale: "Causale",
  eone: "Evento oggettivamente non evitabile (EONE)",
  tipo: "L'attività è sospesa o ridotta?",
  oreSettimanaliRidotte: "Ore settimanali lavorate durante la riduzione",
  dataInizio: "Data di inizio",
  dataFine: "Data di fine",
  oreRichieste: "Ore di integrazione richieste",
  giorni: "Giorni di sospensione o riduzione",
  tipoLavoro: "Lavorazione in corso in quei giorni",
} as const;

export const ETICHETTE_TIPO_RIDUZIONE: Record<(typeof TIPI_RIDUZIONE)[number], string> = {
  sospensione: "Sospensione (zero ore)",
  riduzione: "Riduzione dell'orario",
};

export function righePeriodo(d: DatiPeriodo): RigaRiepilogo[] {
  const e = ETICHETTE_PERIODO;
  return [
    riga(e.causale, trovaCausale(d.causale)?.etichetta ?? d.causale),
    riga(e.eone, siNo(d.eone)),
    riga(e.tipo, ETICHETTE_TIPO_RIDUZIONE[d.tipo]),
    ...(d.tipo === "riduzione" ? [riga(e.oreSettimanaliRidotte, d.oreSettimanaliRidotte == null ? null : numero(d.oreSettimanaliRidotte))] : []),
    riga(e.dataInizio, dataRiga(d.dataInizio)),
    riga(e.dataFine, dataRiga(d.dataFine)),
    riga(e.oreRichieste, numero(d.oreRichieste)),
    ...(d.meteo ? [riga(e.giorni, (d.giorni ?? []).map((g) => dataRiga(g) ?? g)), riga(e.tipoLavoro, d.tipoLavoro)] : []),
  ];
}

const eIso = (v: unknown): v is DataISO => typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v);

/** gg/mm/aaaa written right but naming a day that is not in the calendar (31/02, 31/04…). */
const FORMA_DATA = /^\d{2}\/\d{2}\/\d{4}$/;

const data = (vuota: string, formato: string, inesistente: string) =>
  z
    .string({ required_error: vuota })
    .trim()
    .min(1, vuota)
    .max(10, formato)
    .transform((v, ctx) => {
      const iso = parseDataItaliana(v);
      if (!iso) {
        ctx.addIssue({ code: "custom", message: FORMA_DATA.test(v) ? inesistente : formato });
        return z.NEVER;
      }
      return iso;
    });

/** The days of a weather cause, one per line, as the user typed them. */
export function righeGiorni(testoGiorni: string | undefined): string[] {
  return (testoGiorni ?? "").split(/\r?\n/).map((r) => r.trim()).filter((r) => r !== "");
}

/** The weather days typed one per line, as sorted ISO dates (lines that are not dates were refused by the schema). */
export function giorniDaTesto(testoGiorni: string | undefined): DataISO[] {
  return righeGiorni(testoGiorni)
    .map(parseDataItaliana)
    .filter((g): g is DataISO => g !== null)
    .sort();
}

export function creaSchemaPeriodo(
  causali: ReadonlyArray<{ codice: string; meteo: boolean }>,
  unita: readonly OrariUnita[] = [],
) {
  const orarioContratto = unita.length > 0 ? Math.max(...unita.map((r) => r.orarioSettimanale)) : null;
  const codici = causali.map((c) => c.codice);
  return z
    .object({
      causale: z.string({ required_error: m.causale }).refine((c) => codici.includes(c), m.causale),
      tipo: z.enum(TIPI_RIDUZIONE, { errorMap: () => ({ message: m.tipo }) }),
      oreSettimanaliRidotte: z.string().trim().max(5, m.oreRidotteFormato).optional(),
      dataInizio: data(m.inizioVuoto, m.inizioFormato, m.inizioInesistente),
      dataFine: data(m.fineVuota, m.fineFormato, m.fineInesistente),
      oreRichieste: z
        .string({ required_error: m.oreVuote })
        .trim()
        .min(1, m.oreVuote)
        .regex(/^[0-9]{1,7}$/, m.oreFormato)
        .transform(Number)
        .refine((n) => n >= 1 && n <= 1_000_000, m.oreFormato),
      giorni: z.string().max(5000, m.troppiGiorni).optional(),
      tipoLavoro: testo({ obbligatorio: m.tipoLavoroVuoto, massimo: 500, nome: "La descrizione della lavorazione" }).optional(),
    })
    .superRefine((v, ctx) => {
      if (v.tipo === "riduzione") {
        const t = v.oreSettimanaliRidotte ?? "";
        if (t === "") ctx.addIssue({ code: "custom", message: m.oreRidotteVuote, path: ["oreSettimanaliRidotte"] });
        else if (!/^[0-9]{1,2}$/.test(t) || Number(t) < 1 || Number(t) > 59) {
          ctx.addIssue({ code: "custom", message: m.oreRidotteFormato, path: ["oreSettimanaliRidotte"] });
        } else if (orarioContratto !== null && Number(t) >= orarioContratto) {
          ctx.addIssue({
            code: "custom",
            message: m.oreRidotteOltreOrario(formatNumero(orarioContratto, 2)),
            path: ["oreSettimanaliRidotte"],
          });
        }
      }
      // zod runs this refinement even when a date failed to parse: compare only real ISO dates.
      if (!eIso(v.dataInizio) || !eIso(v.dataFine)) return;
      if (unita.length > 0 && typeof v.oreRichieste === "number" && v.dataFine >= v.dataInizio) {
        const { massimo, lavoratori, settimane } = oreMassimePeriodo(unita, v.dataInizio, v.dataFine);
        if (massimo > 0 && v.oreRichieste > massimo) {
          ctx.addIssue({ code: "custom", message: m.oreOltreMassimo(massimo, lavoratori, settimane), path: ["oreRichieste"] });
        }
      }
      if (v.dataFine < v.dataInizio) ctx.addIssue({ code: "custom", message: m.fineDopoInizio, path: ["dataFine"] });
      else if (v.dataFine > `${Number(v.dataInizio.slice(0, 4)) + 1}${v.dataInizio.slice(4)}`) {
        ctx.addIssue({ code: "custom", message: m.periodoTroppoLungo, path: ["dataFine"] });
      }
      const meteo = causali.find((c) => c.codice === v.causale)?.meteo ?? false;
      if (!meteo) return;
      if (!v.tipoLavoro) ctx.addIssue({ code: "custom", message: m.tipoLavoroVuoto, path: ["tipoLavoro"] });
      const righe = righeGiorni(v.giorni);
      if (righe.length === 0) {
        ctx.addIssue({ code: "custom", message: m.giorniVuoti, path: ["giorni"] });
        return;
      }
      if (righe.length > 366) {
        ctx.addIssue({ code: "custom", message: m.troppiGiorni, path: ["giorni"] });
        return;
      }
      const visti = new Set<string>();
      for (const [i, r] of righe.entries()) {
        const iso = parseDataItaliana(r);
        const messaggio = !iso
          ? m.giornoFormato(i + 1)
          : iso < v.dataInizio || iso > v.dataFine
            ? m.giornoFuori(i + 1)
            : visti.has(iso)
              ? m.giornoDuplicato(i + 1)
              : null;
        if (messaggio) {
          ctx.addIssue({ code: "custom", message: messaggio, path: ["giorni"] });
          return;
        }
        visti.add(iso!);
      }
    });
}

/** What the form shows for saved answers (dates back to gg/mm/aaaa). */
export function valoriModuloPeriodo(d: DatiPeriodo) {
  return {
    causale: d.causale,
    tipo: d.tipo,
    oreSettimanaliRidotte: d.oreSettimanaliRidotte === undefined ? undefined : String(d.oreSettimanaliRidotte),
    dataInizio: formatDataItaliana(d.dataInizio),
    dataFine: formatDataItaliana(d.dataFine),
    oreRichieste: String(d.oreRichieste),
    giorni: d.giorni?.map(formatDataItaliana).join("\n"),
    tipoLavoro: d.tipoLavoro,
  };
}
