// The form of the "Eliminazione" of a UniEmens-Cig return: the return is named by its key, as in the INPS service
// (matricola, worker, month of competence, Qualifica1-3, TipoContribuzione: app/domain/flussi/denuncia.ts). One schema
// for the page and the action; the lookup and the withdrawal are app/services/flussi/eliminazione.server.ts.
import { z } from "zod";
import { schema } from "../schema";

export const ETICHETTE_ELIMINAZIONE = {
  matricola: "Matricola INPS dell'azienda",
  cfLavoratore: "Codice fiscale del lavoratore",
  competenza: "Mese di competenza",
  qualifica1: "Qualifica1",
  qualifica2: "Qualifica2",
  qualifica3: "Qualifica3",
  tipoContribuzione: "TipoContribuzione",
} as const;

export const messaggiEliminazione = {
  matricola: "Scrivi la matricola INPS: 10 cifre, ad esempio 1234567890",
  cfLavoratore: "Scrivi il codice fiscale del lavoratore: 16 lettere e cifre",
  competenza: "Scrivi il mese di competenza come mese e anno, ad esempio 03/2026",
  qualifica: (nome: string) => `Scrivi ${nome}: un carattere, lettera o cifra, come nel flusso`,
  tipoContribuzione: "Scrivi TipoContribuzione: due caratteri, come nel flusso",
  nessunaDenuncia:
    "Non c'è una denuncia accolta con questi dati tra quelle delle aziende per cui puoi inviare flussi: controlla i dati, come sono scritti nel flusso",
} as const;

const maiuscolo = (v: unknown) => (typeof v === "string" ? v.replace(/\s+/g, "").toUpperCase() : v);

/** "03/2026", "3/2026" or "2026-03" → "2026-03"; anything else stays as typed (and fails the check). */
export function meseCompetenza(v: unknown): unknown {
  if (typeof v !== "string") return v;
  const t = v.trim();
  const it = /^(\d{1,2})\s*\/\s*(\d{4})$/.exec(t);
  if (it && Number(it[1]) >= 1 && Number(it[1]) <= 12) return `${it[2]}-${it[1].padStart(2, "0")}`;
  return t;
}

function campo(re: RegExp, messaggio: string) {
  return z.preprocess(maiuscolo, z.string({ required_error: messaggio }).regex(re, messaggio));
}

export const EliminazioneDenunciaSchema = /* @__PURE__ */ schema(() =>
  z.object({
    matricola: campo(/^\d{10}$/, messaggiEliminazione.matricola),
    cfLavoratore: campo(/^[A-Z0-9]{16}$/, messaggiEliminazione.cfLavoratore),
    competenza: z.preprocess(
      meseCompetenza,
      z.string({ required_error: messaggiEliminazione.competenza }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, messaggiEliminazione.competenza),
    ),
    qualifica1: campo(/^[0-9A-Z]$/, messaggiEliminazione.qualifica("Qualifica1")),
    qualifica2: campo(/^[0-9A-Z]$/, messaggiEliminazione.qualifica("Qualifica2")),
    qualifica3: campo(/^[0-9A-Z]$/, messaggiEliminazione.qualifica("Qualifica3")),
    tipoContribuzione: campo(/^[0-9A-Z]{2}$/, messaggiEliminazione.tipoContribuzione),
  }),
);
