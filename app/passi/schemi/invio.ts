// The declarations before submission and the idempotency key of the submit form.
import { z } from "zod";
import { schema } from "../schema";

export const messaggiInvio = {
  veridicita:
    "Seleziona la dichiarazione di veridicità: senza questa dichiarazione la domanda non può essere inviata",
  privacy: "Conferma di aver letto l'informativa sul trattamento dei dati personali",
  chiaveNonValida: "Il modulo non è valido: ricarica la pagina e invia di nuovo la domanda",
  bloccanti:
    "La domanda non può essere inviata finché ci sono problemi bloccanti: correggi i passi indicati e torna qui",
  statoNonInviabile: "La domanda non è più una bozza: non può essere inviata di nuovo",
  incompleta: "Completa tutti i passi prima di inviare la domanda",
} as const;

/** A random key rendered in each submit form: the same key twice is the same submission (double click, resend). */
export const ChiaveInvioSchema = /* @__PURE__ */ schema(() =>
  z
    .string({ required_error: messaggiInvio.chiaveNonValida })
    .regex(/^[A-Za-z0-9_-]{16,64}$/, messaggiInvio.chiaveNonValida),
);

export const InvioSchema = /* @__PURE__ */ schema(() =>
  z.object({
    veridicita: z.literal("si", {
      errorMap: () => ({ message: messaggiInvio.veridicita }),
    }),
    privacy: z.literal("si", {
      errorMap: () => ({ message: messaggiInvio.privacy }),
    }),
    chiaveInvio: ChiaveInvioSchema,
  }),
);

export type DatiInvio = z.infer<typeof InvioSchema>;
