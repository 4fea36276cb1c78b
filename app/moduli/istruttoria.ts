// The Sede's forms on a case (checklist item, internal note): one zod schema per form, read by the action with
// parseWithZod and by the page for the HTML constraints. Validation happens on the server, the same with and without
// JavaScript (no client bundle of zod for these pages).
import { z } from "zod";
import { schema } from "~/passi/schema";
import { STATI_VOCE, type StatoVoce } from "~/domain/istruttoria/checklist";
import { messaggiIstruttoria as m } from "~/testi/istruttoria";

export const MAX_NOTA_CHECKLIST = 2000;
export const MAX_NOTA = 4000;

const testo = (max: number, lunga: string) =>
  z
    .string()
    .transform((s) => s.replace(/\r\n/g, "\n").trim())
    .pipe(z.string().max(max, lunga));

export const VoceChecklistSchema = /* @__PURE__ */ schema(() =>
  z.object({
    chiave: z.string().regex(/^[a-z_]{1,24}(:[0-9]{4}-[0-9]{2}-[0-9]{2})?$/, m.checklist.voce),
    stato: z.enum(STATI_VOCE as [StatoVoce, ...StatoVoce[]], { errorMap: () => ({ message: m.checklist.stato }) }),
    nota: testo(MAX_NOTA_CHECKLIST, m.checklist.notaLunga).optional(),
    versione: z.coerce.number().int().min(0).max(2_147_483_647),
  }),
);

export const NotaSchema = /* @__PURE__ */ schema(() =>
  z.object({
    testo: z
      .string({ required_error: m.nota.vuota })
      .transform((s) => s.replace(/\r\n/g, "\n").trim())
      .pipe(z.string().min(1, m.nota.vuota).max(MAX_NOTA, m.nota.lunga)),
  }),
);

export const PresaInCaricoSchema = /* @__PURE__ */ schema(() =>
  z.object({
    versione: z.coerce.number().int().min(1).max(2_147_483_647),
  }),
);

/** The id of a checklist item's fields on the page ("meteo:2026-07-14" → "voce-meteo-2026-07-14"). */
export function idVoce(chiave: string): string {
  return `voce-${chiave.replace(/[^a-z0-9_-]/gi, "-")}`;
}
