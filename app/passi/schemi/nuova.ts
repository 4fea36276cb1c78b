// Step "Nuova domanda": the company and the benefit. One schema for client and server.
import { z } from "zod";
import { schema } from "../schema";
import { FORMATO_CODICE_AZIENDA, normalizzaCodice } from "~/domain/validatori/normalizza";

export const PRESTAZIONI = ["CIGO", "AIS_FIS", "AIS_FONDO", "CISOA"] as const;

export const messaggiNuova = {
  cercaVuoto: "Inserisci il codice fiscale, la matricola o la ragione sociale dell'azienda",
  cercaFormato:
    "Inserisci un codice fiscale di 11 cifre o di 16 caratteri, oppure una matricola INPS di 10 cifre",
  cercaCaratteri: "La ricerca contiene caratteri non ammessi: scrivi il codice o la ragione sociale",
  cercaNomeCorto: "Inserisci almeno 3 caratteri della ragione sociale",
  cercaNomeLungo: "La ragione sociale può contenere al massimo 100 caratteri",
  cercaNonTrovata:
    "Non risulta alcuna azienda con questo codice fiscale, matricola o ragione sociale tra quelle per cui puoi operare oggi",
  cercaRisultati: (n: number, troppi: boolean) =>
    troppi
      ? `Più di ${n} aziende corrispondono alla ricerca: sono elencate le prime ${n}. Scrivi più parole della ragione sociale per restringerla.`
      : n === 1
        ? "Una azienda corrisponde alla ricerca."
        : `${n} aziende corrispondono alla ricerca.`,
  prestazione: "Scegli la prestazione da richiedere",
  conferma:
    "Per richiedere una prestazione non suggerita conferma di aver letto i motivi dell'incompatibilità",
} as const;

/** At most this many companies are listed for a search by name (the query is bounded too). */
export const CERCA_MAX_RISULTATI = 20;

/**
 * What the user typed in the one search field: a code (codice fiscale, partita IVA or matricola, typed with spaces,
 * hyphens, the "IT" prefix or in small letters: normalised before the check) or part of the company name.
 * Only digits that are not a code are a mistyped code; anything else with letters is searched as a name.
 */
export const CercaAziendaSchema = /* @__PURE__ */ schema(() =>
  z.object({
    cerca: z
      .string({ required_error: messaggiNuova.cercaVuoto })
      .trim()
      .min(1, messaggiNuova.cercaVuoto)
      .transform((testo, ctx) => {
        const codice = normalizzaCodice(testo);
        if (FORMATO_CODICE_AZIENDA.test(codice)) return { tipo: "codice" as const, valore: codice };
        if (/^(IT)?[0-9]*$/.test(codice)) {
          ctx.addIssue({ code: "custom", message: messaggiNuova.cercaFormato });
          return z.NEVER;
        }
        const nome = testo.replace(/\s+/g, " ");
        // Control characters never belong to a name (and a NUL byte would reach the database).
        if (/[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/.test(nome)) {
          ctx.addIssue({ code: "custom", message: messaggiNuova.cercaCaratteri });
          return z.NEVER;
        }
        if (nome.length < 3 || nome.length > 100) {
          ctx.addIssue({ code: "custom", message: nome.length < 3 ? messaggiNuova.cercaNomeCorto : messaggiNuova.cercaNomeLungo });
          return z.NEVER;
        }
        return { tipo: "nome" as const, valore: nome };
      }),
  }),
);

export type RicercaAzienda = z.output<typeof CercaAziendaSchema>["cerca"];

export const NuovaDomandaSchema = /* @__PURE__ */ schema(() =>
  z.object({
    aziendaId: z.coerce.number().int().positive(),
    prestazione: z.enum(PRESTAZIONI, { errorMap: () => ({ message: messaggiNuova.prestazione }) }),
    conferma: z.literal("si").optional(),
  }),
);
