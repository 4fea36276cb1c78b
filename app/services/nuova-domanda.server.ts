// Step 0 of a domanda: find the company among those the profile may act for, route it, create the draft.
import { and, eq, inArray, or } from "drizzle-orm";
import { aziende } from "#db/schema";
import { db } from "#db/connection";
import { oggi } from "./orologio.server";
import { instrada, registraScelta, verdettoPer, type EsitoInstradamento } from "~/domain/instradamento";
import { nomePrestazione, type Prestazione } from "~/domain/tipi";
import { inquadramentoDa } from "~/domain/inquadramento";
import { idAziendeAccessibili, richiediAzienda, type Contesto } from "./accesso.server";
import { creaBozza } from "./domande.server";

/** The accessible company with this CF or matricola, or null (never reveals companies outside the profile). */
export async function cercaAzienda(ctx: Contesto, codice: string): Promise<number | null> {
  const ids = await idAziendeAccessibili(ctx);
  if (ids.length === 0) return null;
  const [a] = await db()
    .select({ id: aziende.id })
    .from(aziende)
    .where(and(inArray(aziende.id, ids), or(eq(aziende.codiceFiscale, codice), eq(aziende.matricola, codice))))
    .limit(1);
  return a?.id ?? null;
}

export interface OpzionePrestazione {
  valore: Prestazione;
  nome: string;
  suggerita: boolean;
  /** False for the fund family when the company belongs to no fund: there is no fund to ask. */
  selezionabile: boolean;
  motivi: string[];
}

export async function instradamentoAzienda(ctx: Contesto, aziendaId: number) {
  const azienda = await richiediAzienda(ctx, aziendaId);
  const fondo = inquadramentoDa(azienda).fondo;
  const esito: EsitoInstradamento = instrada(inquadramentoDa(azienda), { data: oggi() });
  const opzioni: OpzionePrestazione[] = [];
  for (const valore of ["CIGO", "AIS_FIS", "AIS_FONDO", "CISOA"] as const) {
    if (valore === "AIS_FONDO" && !fondo) {
      opzioni.push({
        valore,
        nome: nomePrestazione(valore, null),
        suggerita: false,
        selezionabile: false,
        motivi: ["Non compatibile: l'azienda non risulta aderente ad alcun fondo di solidarietà bilaterale gestito dall'INPS."],
      });
      continue;
    }
    const v = verdettoPer(esito, valore, valore === "AIS_FONDO" ? fondo : null);
    opzioni.push({
      valore,
      nome: nomePrestazione(v.prestazione, v.fondo),
      suggerita: v.verdetto === "suggerita",
      selezionabile: true,
      motivi: v.esiti.map((e) => e.messaggio),
    });
  }
  return { azienda, esito, opzioni };
}

export async function avviaDomanda(
  ctx: Contesto,
  aziendaId: number,
  prestazione: Prestazione,
): Promise<{ id: number; suggerita: boolean }> {
  const { azienda, esito } = await instradamentoAzienda(ctx, aziendaId);
  const fondo = prestazione === "AIS_FONDO" ? inquadramentoDa(azienda).fondo : null;
  const scelta = registraScelta(esito, { prestazione, fondo });
  const id = await creaBozza(ctx, { aziendaId, prestazione, fondo, nonSuggerita: !scelta.suggerita });
  return { id, suggerita: scelta.suggerita };
}
