// The company's production units and the workers employed there on average in the previous semester, by
// contractual weekly hours, from the UniEmens monthly returns (the 1/3 rule and the application need them).
import { and, asc, eq, gte, inArray, lt, sql } from "drizzle-orm";
import { domandaLavoratori, rapportiLavoro, uniemensMensili, unitaProduttive } from "#db/schema";
import { db } from "#db/connection";
import { addMonths, type DataISO } from "~/domain/date";
import type { DatiUnitaProduttiva, RigaMedia } from "~/passi/schemi/unita-produttiva";
import { descriviMedia, righeLette, stessaMedia } from "~/passi/schemi/unita-produttiva";
import type { Contesto } from "./accesso.server";
import { salvaPasso, type DomandaCaricata, type EsitoSalvataggio } from "./domande.server";

export interface UnitaConMedia {
  id: number;
  codice: string;
  denominazione: string;
  indirizzo: string;
  comune: string;
  provincia: string;
  codiceCatastale: string;
  attivita: string;
  mediaUniemens: RigaMedia[];
  descrizioneMedia: string;
  /** The months the average is computed on (first and last competence). */
  semestre: { dal: DataISO; al: DataISO } | null;
}

const MESI_SEMESTRE = 6;

/**
 * Average workers per contractual weekly hours over the last semester reported in UniEmens before the filing month:
 * a month's return arrives by the end of the next one, so the last reported months, not the calendar, define it.
 */
export async function mediaOccupatiSemestre(
  unitaIds: number[],
  oggi: DataISO,
): Promise<Map<number, { righe: RigaMedia[]; dal: DataISO; al: DataISO } | null>> {
  const risultato = new Map<number, { righe: RigaMedia[]; dal: DataISO; al: DataISO } | null>();
  if (unitaIds.length === 0) return risultato;
  const inizioMese = `${oggi.slice(0, 7)}-01`;
  const righe = await db()
    .select({
      unita: rapportiLavoro.unitaProduttivaId,
      competenza: uniemensMensili.competenza,
      orario: rapportiLavoro.orarioSettimanaleCentesimi,
      quanti: sql<number>`count(*)::int`,
    })
    // Alike notifiche.server.ts's query (duplicates): only the select/from/join/where shape is alike; tables and filters
    // differ
    .from(uniemensMensili)
    .innerJoin(rapportiLavoro, eq(rapportiLavoro.id, uniemensMensili.rapportoId))
    .where(
      and(
        inArray(rapportiLavoro.unitaProduttivaId, unitaIds),
        lt(uniemensMensili.competenza, inizioMese),
        gte(uniemensMensili.competenza, addMonths(inizioMese, -24)),
      ),
    )
    .groupBy(rapportiLavoro.unitaProduttivaId, uniemensMensili.competenza, rapportiLavoro.orarioSettimanaleCentesimi);
  for (const id of unitaIds) {
    const proprie = righe.filter((r) => r.unita === id);
    if (proprie.length === 0) {
      risultato.set(id, null);
      continue;
    }
    const al = proprie.map((r) => r.competenza).sort().at(-1)!;
    const dal = addMonths(al, -(MESI_SEMESTRE - 1));
    const somme = new Map<number, number>();
    for (const r of proprie) {
      if (r.competenza < dal) continue;
      somme.set(r.orario, (somme.get(r.orario) ?? 0) + r.quanti);
    }
    const media = [...somme.entries()]
      .map(([centesimi, totale]) => ({ orarioSettimanale: centesimi / 100, lavoratori: Math.round(totale / MESI_SEMESTRE) }))
      .filter((r) => r.lavoratori > 0)
      .sort((a, b) => b.orarioSettimanale - a.orarioSettimanale);
    risultato.set(id, { righe: media, dal, al });
  }
  return risultato;
}

export async function unitaDellAzienda(aziendaId: number, oggi: DataISO): Promise<UnitaConMedia[]> {
  const unita = await db()
    .select()
    .from(unitaProduttive)
    .where(eq(unitaProduttive.aziendaId, aziendaId))
    .orderBy(asc(unitaProduttive.codice));
  const medie = await mediaOccupatiSemestre(unita.map((u) => u.id), oggi);
  return unita.map((u) => {
    const m = medie.get(u.id) ?? null;
    const righe = m?.righe ?? [];
    return {
      id: u.id,
      codice: u.codice,
      denominazione: u.denominazione,
      indirizzo: u.indirizzo,
      comune: u.comune,
      provincia: u.provincia,
      codiceCatastale: u.codiceCatastale,
      attivita: u.attivita,
      mediaUniemens: righe,
      descrizioneMedia: descriviMedia(righe),
      semestre: m ? { dal: m.dal, al: m.al } : null,
    };
  });
}

export interface SceltaUnita {
  unitaProduttivaId: number;
  unitaTabella?: number;
  righe: Array<{ orario?: string; lavoratori?: string }>;
  motivazione?: string;
}

export type EsitoSceltaUnita = EsitoSalvataggio | { ok: false; nonTrovata: true };

/**
 * Saves the unit. The unit is checked again against the registry (the schema only knew the list shown); changing it
 * discards the chosen workers, who belonged to the old unit.
 */
export async function salvaUnitaProduttiva(
  ctx: Contesto,
  caricata: DomandaCaricata,
  versione: number,
  scelta: SceltaUnita,
  oggi: DataISO,
): Promise<EsitoSceltaUnita> {
  const { domanda } = caricata;
  const elenco = await unitaDellAzienda(caricata.azienda.id, oggi);
  const unita = elenco.find((u) => u.id === scelta.unitaProduttivaId);
  if (!unita) return { ok: false, nonTrovata: true };
  const digitate = scelta.unitaTabella === unita.id ? righeLette(scelta.righe) : unita.mediaUniemens;
  const modificata = !stessaMedia(digitate, unita.mediaUniemens);
  const valore: DatiUnitaProduttiva = {
    unitaProduttivaId: unita.id,
    codice: unita.codice,
    denominazione: unita.denominazione,
    mediaOccupati: digitate,
    mediaUniemens: unita.mediaUniemens,
    modificata,
    ...(modificata && scelta.motivazione ? { motivazione: scelta.motivazione } : {}),
  };
  const cambiata = domanda.unitaProduttivaId !== null && domanda.unitaProduttivaId !== unita.id;
  return salvaPasso(
    ctx,
    domanda.id,
    versione,
    {
      chiave: "unitaProduttiva",
      valore,
      colonne: { unitaProduttivaId: unita.id },
      ...(cambiata ? { azzera: ["lavoratori"] } : {}),
    },
    cambiata
      ? async (tx) => {
          await tx.delete(domandaLavoratori).where(eq(domandaLavoratori.domandaId, domanda.id));
        }
      : undefined,
  );
}
