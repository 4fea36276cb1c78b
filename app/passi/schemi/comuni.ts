// Field schemas reused by several steps. Text fields refuse control characters and overlong input.
import { z } from "zod";
import { schema } from "../schema";

// Never legitimate in a form field: C0 control characters except tab/newline/carriage return, DEL, the C1 controls
// (U+0080–U+009F, e.g. U+0085 "next line") and the bidirectional overrides and isolates (U+202A–U+202E,
// U+2066–U+2069), which make the text read differently on screen from what is stored ("Trojan Source").
const CONTROLLO = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

export function testo(opzioni: { obbligatorio: string; massimo: number; nome: string }) {
  return z
    .string({ required_error: opzioni.obbligatorio })
    .trim()
    .min(1, opzioni.obbligatorio)
    .max(opzioni.massimo, `${opzioni.nome} può contenere al massimo ${opzioni.massimo} caratteri`)
    .refine((v) => !CONTROLLO.test(v), `${opzioni.nome} contiene caratteri non ammessi`);
}

export function testoFacoltativo(opzioni: { massimo: number; nome: string }) {
  return z
    .string()
    .trim()
    .max(opzioni.massimo, `${opzioni.nome} può contenere al massimo ${opzioni.massimo} caratteri`)
    .refine((v) => !CONTROLLO.test(v), `${opzioni.nome} contiene caratteri non ammessi`)
    .optional();
}

/** The version of the draft the form was built on (optimistic locking). */
export const VersioneSchema = /* @__PURE__ */ schema(() => z.coerce.number().int().positive());

/** A date as stored in a domanda's answers (ISO, yyyy-mm-dd). */
export const DataIsoSchema = /* @__PURE__ */ schema(() => z.string().regex(/^\d{4}-\d{2}-\d{2}$/));

/** Integer cents (money is never a float). */
export const CentesimiSchema = /* @__PURE__ */ schema(() => z.number().int());
