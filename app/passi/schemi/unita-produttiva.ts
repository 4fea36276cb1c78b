// Step "Unità produttiva": the unit among the company's ones, and the workers employed on average in the previous
// semester split by contractual weekly hours (pre-filled from UniEmens; a change needs a reason).
import { z } from "zod";
import { schema } from "../schema";
import { riga, siNo, type RigaRiepilogo } from "../righe";
import { testoFacoltativo } from "./comuni";

export const messaggiUnitaProduttiva = {
  unita: "Scegli l'unità produttiva interessata dalla sospensione o riduzione",
  unitaNonValida: "Scegli una delle unità produttive dell'azienda elencate",
  orarioFormato: "Inserisci l'orario settimanale in ore, ad esempio 40 oppure 37,5 (da 1 a 60)",
  lavoratoriFormato: "Inserisci il numero di lavoratori come numero intero da 0 a 100.000",
  rigaIncompleta: "Compila sia l'orario settimanale sia il numero di lavoratori, oppure lascia vuota la riga",
  orarioDuplicato: "Questo orario settimanale compare in più righe: somma i lavoratori in una sola riga",
  nessunaRiga: "Indica almeno una riga con orario settimanale e numero di lavoratori",
  motivazione:
    "Spiega perché i lavoratori occupati in media sono diversi da quelli risultanti dalle denunce UniEmens",
  nessunaUnita: "L'azienda non ha unità produttive registrate negli archivi INPS: contatta la sede INPS competente",
  mediaDopoLaScelta:
    "Dopo la scelta vedrai i lavoratori occupati in media nel semestre precedente nell'unità, secondo le denunce UniEmens, e potrai correggerli.",
  mediaDaControllare:
    "L'unità produttiva è stata salvata. Controlla i lavoratori occupati in media nel semestre precedente: correggili se serve, poi premi «Salva e continua».",
} as const;

export const RIGHE_MEDIA = 6;

const RigaMediaSchema = /* @__PURE__ */ schema(() => z.object({ orarioSettimanale: z.number(), lavoratori: z.number().int() }));
export type RigaMedia = z.infer<typeof RigaMediaSchema>;

/** The stored answers, version 1. */
export const RisposteUnitaProduttivaSchema = /* @__PURE__ */ schema(() =>
  z.object({
    unitaProduttivaId: z.number().int(),
    codice: z.string(),
    denominazione: z.string(),
    mediaOccupati: z.array(RigaMediaSchema),
    /** The UniEmens figures at the time of saving, kept for the Sede when the user changed them. */
    mediaUniemens: z.array(RigaMediaSchema),
    modificata: z.boolean(),
    motivazione: z.string().optional(),
  }),
);

// Alike the other steps' schemas (periodo.ts, informativa.ts, pagamento.ts, relazione-tecnica.ts) (duplicates): each
// step exports its data type and its own labels
export type DatiUnitaProduttiva = z.infer<typeof RisposteUnitaProduttivaSchema>;

/** The form's labels: the summary and the receipt show the answers under the same words. */
export const ETICHETTE_UNITA = {
  unita: "Quale unità produttiva è interessata?",
  media: "Lavoratori occupati in media nel semestre precedente",
  mediaUniemens: "Lavoratori occupati in media secondo UniEmens",
  modificata: "Dati UniEmens corretti",
  motivazione: "Motivo della correzione",
} as const;

export function righeUnitaProduttiva(d: DatiUnitaProduttiva): RigaRiepilogo[] {
  const e = ETICHETTE_UNITA;
  return [
    riga(e.unita, `${d.denominazione} (${d.codice})`),
    riga(e.media, descriviMedia(d.mediaOccupati)),
    riga(e.modificata, siNo(d.modificata)),
    ...(d.modificata ? [riga(e.mediaUniemens, descriviMedia(d.mediaUniemens)), riga(e.motivazione, d.motivazione)] : []),
  ];
}

const m = messaggiUnitaProduttiva;

/** "37,5" → 37.5; hours with at most two decimals, 1–60 (UniEmens keeps hundredths). */
export function leggiOrario(testo: string): number | null {
  const t = testo.trim().replace(",", ".");
  if (!/^[0-9]{1,2}(\.[0-9]{1,2})?$/.test(t)) return null;
  const n = Number(t);
  return n >= 1 && n <= 60 ? n : null;
}

export function formatOrario(ore: number): string {
  return ore.toLocaleString("it-IT", { maximumFractionDigits: 2 });
}

/** "30 × 40 h, 2 × 20 h" */
export function descriviMedia(righe: readonly RigaMedia[]): string {
  if (righe.length === 0) return "nessun lavoratore nelle denunce UniEmens del semestre";
  return righe.map((r) => `${r.lavoratori} × ${formatOrario(r.orarioSettimanale)} h`).join(", ");
}

export function stessaMedia(a: readonly RigaMedia[], b: readonly RigaMedia[]): boolean {
  const chiave = (x: readonly RigaMedia[]) =>
    x.filter((r) => r.lavoratori > 0).map((r) => `${r.orarioSettimanale}:${r.lavoratori}`).sort().join("|");
  return chiave(a) === chiave(b);
}

const RigaSchema = /* @__PURE__ */ schema(() =>
  z.object({
    orario: z.string().trim().max(10, m.orarioFormato).optional(),
    lavoratori: z.string().trim().max(10, m.lavoratoriFormato).optional(),
  }),
);

/**
 * One schema for client and server, built from the company's units as the loader gives them: a unit not in the list
 * (posted by hand) is refused, and the reason becomes mandatory when the rows differ from UniEmens for that unit.
 */
export function creaSchemaUnita(unita: ReadonlyArray<{ id: number; mediaUniemens: RigaMedia[] }>) {
  return z
    .object({
      unitaProduttivaId: z.coerce
        .number({ required_error: m.unita, invalid_type_error: m.unitaNonValida })
        .int(m.unitaNonValida)
        .refine((id) => unita.some((u) => u.id === id), m.unitaNonValida),
      // The unit the table was pre-filled for: a different choice takes that unit's UniEmens figures.
      unitaTabella: z.coerce.number().int().optional(),
      righe: z.array(RigaSchema).max(RIGHE_MEDIA * 2).default([]),
      motivazione: testoFacoltativo({ massimo: 1000, nome: "La motivazione" }),
    })
    .superRefine((v, ctx) => {
      const scelta = unita.find((u) => u.id === v.unitaProduttivaId);
      if (!scelta || v.unitaTabella !== v.unitaProduttivaId) return;
      const lette: RigaMedia[] = [];
      const visti = new Set<number>();
      let errori = false;
      const errore = (message: string, i: number, campo: "orario" | "lavoratori") => {
        errori = true;
        ctx.addIssue({ code: "custom", message, path: ["righe", i, campo] });
      };
      v.righe.forEach((r, i) => {
        const o = r.orario ?? "";
        const l = r.lavoratori ?? "";
        if (o === "" && l === "") return;
        if (o === "" || l === "") {
          errore(m.rigaIncompleta, i, o === "" ? "orario" : "lavoratori");
          return;
        }
        const orario = leggiOrario(o);
        if (orario === null) {
          errore(m.orarioFormato, i, "orario");
          return;
        }
        if (!/^[0-9]{1,6}$/.test(l) || Number(l) > 100_000) {
          errore(m.lavoratoriFormato, i, "lavoratori");
          return;
        }
        if (visti.has(orario)) {
          errore(m.orarioDuplicato, i, "orario");
          return;
        }
        visti.add(orario);
        lette.push({ orarioSettimanale: orario, lavoratori: Number(l) });
      });
      if (errori) return;
      if (!lette.some((r) => r.lavoratori > 0)) {
        ctx.addIssue({ code: "custom", message: m.nessunaRiga, path: ["righe", 0, "orario"] });
        return;
      }
      if (!stessaMedia(lette, scelta.mediaUniemens) && !v.motivazione) {
        ctx.addIssue({ code: "custom", message: m.motivazione, path: ["motivazione"] });
      }
    });
}

/** The rows the user typed, once the schema accepted them (blank rows dropped). */
export function righeLette(righe: ReadonlyArray<{ orario?: string; lavoratori?: string }>): RigaMedia[] {
  return righe
    .filter((r) => (r.orario ?? "") !== "" && (r.lavoratori ?? "") !== "")
    .map((r) => ({ orarioSettimanale: leggiOrario(r.orario!)!, lavoratori: Number(r.lavoratori) }))
    .filter((r) => r.lavoratori > 0)
    .sort((a, b) => b.orarioSettimanale - a.orarioSettimanale);
}
