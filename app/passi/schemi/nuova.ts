// Step "Nuova domanda": the company and the benefit. One schema for client and server.
import { z } from "zod";

export const PRESTAZIONI = ["CIGO", "AIS_FIS", "AIS_FONDO", "CISOA"] as const;

export const messaggiNuova = {
  cercaVuoto: "Inserisci il codice fiscale o la matricola dell'azienda",
  cercaFormato:
    "Inserisci un codice fiscale di 11 cifre o di 16 caratteri, oppure una matricola INPS di 10 cifre",
  cercaNonTrovata:
    "Non risulta alcuna azienda con questo codice fiscale o matricola tra quelle per cui puoi operare oggi",
  prestazione: "Scegli la prestazione da richiedere",
  conferma:
    "Per richiedere una prestazione non suggerita conferma di aver letto i motivi dell'incompatibilità",
} as const;

export const CercaAziendaSchema = z.object({
  cerca: z
    .string({ required_error: messaggiNuova.cercaVuoto })
    .trim()
    .toUpperCase()
    .pipe(z.string().regex(/^([0-9]{10,11}|[A-Z0-9]{16})$/, messaggiNuova.cercaFormato)),
});

export const NuovaDomandaSchema = z.object({
  aziendaId: z.coerce.number().int().positive(),
  prestazione: z.enum(PRESTAZIONI, { errorMap: () => ({ message: messaggiNuova.prestazione }) }),
  conferma: z.literal("si").optional(),
});
