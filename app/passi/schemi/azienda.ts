// Step "Dati dell'azienda": the contacts the user may change; the rest comes from the INPS registries.
import { z } from "zod";
import { schema } from "../schema";
import { riga, type RigaRiepilogo } from "../righe";
import { testoFacoltativo } from "./comuni";

export const messaggiAzienda = {
  pecVuota: "Inserisci l'indirizzo PEC dell'azienda",
  pecFormato: "Inserisci un indirizzo PEC nel formato nome@dominio.it",
  telefonoFormato: "Inserisci un numero di telefono di sole cifre, con eventuale prefisso +39",
  emailFormato: "Inserisci un indirizzo e-mail nel formato nome@dominio.it",
} as const;

export const AziendaSchema = /* @__PURE__ */ schema(() =>
  z.object({
    pec: z
      .string({ required_error: messaggiAzienda.pecVuota })
      .trim()
      .toLowerCase()
      .max(254, messaggiAzienda.pecFormato)
      .email(messaggiAzienda.pecFormato),
    telefono: z
      .string()
      .trim()
      .regex(/^\+?[0-9 ]{6,20}$/, messaggiAzienda.telefonoFormato)
      .optional(),
    referente: testoFacoltativo({ massimo: 120, nome: "Il nome del referente" }),
    emailReferente: z.string().trim().max(254, messaggiAzienda.emailFormato).email(messaggiAzienda.emailFormato).optional(),
  }),
);

/** The form's labels: the summary and the receipt show the answers under the same words. */
export const ETICHETTE_AZIENDA = {
  pec: "PEC dell'azienda",
  telefono: "Telefono",
  referente: "Referente per la domanda",
  emailReferente: "E-mail del referente",
} as const;

/** The stored answers, version 1. */
export const RisposteAziendaSchema = /* @__PURE__ */ schema(() =>
  z.object({
    pec: z.string(),
    telefono: z.string().optional(),
    referente: z.string().optional(),
    emailReferente: z.string().optional(),
  }),
);

export type DatiAzienda = z.infer<typeof RisposteAziendaSchema>;

export function righeAzienda(d: DatiAzienda): RigaRiepilogo[] {
  const e = ETICHETTE_AZIENDA;
  return [riga(e.pec, d.pec), riga(e.telefono, d.telefono), riga(e.referente, d.referente), riga(e.emailReferente, d.emailReferente)];
}
