// Step 0 of a domanda: find the company among those the profile may act for, route it, create the draft.
import { and, asc, eq, ilike, inArray, or } from "drizzle-orm";
import { aziende } from "#db/schema";
import { db } from "#db/connection";
import { oggi } from "./orologio.server";
import { instrada, registraScelta, verdettoPer, type EsitoInstradamento } from "~/domain/instradamento";
import { nomePrestazione, type Prestazione } from "~/domain/tipi";
import { inquadramentoDa } from "~/domain/inquadramento";
import type { Azienda } from "#db/schema";
import { idAziendeAccessibili, type Contesto } from "./accesso.server";
import { creaBozza } from "./domande.server";
import { CERCA_MAX_RISULTATI, type RicercaAzienda } from "~/passi/schemi/nuova";

/** A company found by the search of "Nuova domanda", as listed to the user. */
export interface AziendaTrovata {
  id: number;
  ragioneSociale: string;
  codiceFiscale: string;
  matricola: string | null;
}

export type EsitoRicerca =
  | { tipo: "una"; aziendaId: number }
  | { tipo: "elenco"; aziende: AziendaTrovata[]; troppi: boolean }
  | { tipo: "nessuna" };

/** LIKE's own wildcards typed by the user are searched as characters. */
function perLike(testo: string): string {
  return testo.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The accessible companies matching a code (CF or matricola, exact) or a name (every word in the ragione sociale,
 * case-insensitive), at most CERCA_MAX_RISULTATI. Only companies the profile may act for today are searched, and
 * "none" reads the same whether a company does not exist or is not the profile's: the search reveals nothing else.
 */
export async function cercaAziende(ctx: Contesto, ricerca: RicercaAzienda): Promise<EsitoRicerca> {
  const ids = await idAziendeAccessibili(ctx);
  if (ids.length === 0) return { tipo: "nessuna" };
  const condizione =
    ricerca.tipo === "codice"
      ? or(eq(aziende.codiceFiscale, ricerca.valore), eq(aziende.matricola, ricerca.valore))
      : and(...ricerca.valore.split(" ").map((parola) => ilike(aziende.ragioneSociale, `%${perLike(parola)}%`)));
  const trovate = await db()
    .select({ id: aziende.id, ragioneSociale: aziende.ragioneSociale, codiceFiscale: aziende.codiceFiscale, matricola: aziende.matricola, cida: aziende.cida })
    .from(aziende)
    .where(and(inArray(aziende.id, ids), condizione))
    .orderBy(asc(aziende.ragioneSociale), asc(aziende.id))
    .limit(CERCA_MAX_RISULTATI + 1);
  if (trovate.length === 0) return { tipo: "nessuna" };
  if (trovate.length === 1) return { tipo: "una", aziendaId: trovate[0].id };
  return {
    tipo: "elenco",
    aziende: trovate.slice(0, CERCA_MAX_RISULTATI).map((a) => ({ id: a.id, ragioneSociale: a.ragioneSociale, codiceFiscale: a.codiceFiscale, matricola: a.matricola ?? a.cida })),
    troppi: trovate.length > CERCA_MAX_RISULTATI,
  };
}

export interface OpzionePrestazione {
  valore: Prestazione;
  nome: string;
  suggerita: boolean;
  /** False for the fund family when the company belongs to no fund: there is no fund to ask. */
  selezionabile: boolean;
  motivi: string[];
}

/** The benefits this company may ask for. The caller has authorised `crea_domanda` on it (app/http/accesso.server.ts). */
export function instradamentoAzienda(azienda: Azienda) {
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
  azienda: Azienda,
  prestazione: Prestazione,
): Promise<{ id: number; suggerita: boolean }> {
  const { esito } = instradamentoAzienda(azienda);
  const aziendaId = azienda.id;
  const fondo = prestazione === "AIS_FONDO" ? inquadramentoDa(azienda).fondo : null;
  const scelta = registraScelta(esito, { prestazione, fondo });
  const id = await creaBozza(ctx, { aziendaId, prestazione, fondo, nonSuggerita: !scelta.suggerita });
  return { id, suggerita: scelta.suggerita };
}
