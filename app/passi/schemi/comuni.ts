// Field schemas reused by several steps. Text fields refuse control characters and overlong input.
import { z } from "zod";

// C0 control characters except tab/newline/carriage return, and DEL: never legitimate in a form field.
const CONTROLLO = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

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
export const VersioneSchema = z.coerce.number().int().positive();
