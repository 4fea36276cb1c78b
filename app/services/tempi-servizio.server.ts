// Public figures per benefit (no sign-in, no personal or company data): the decisions of the last 90 days and the
// cases waiting, read with two set-based queries on indexed columns; the figures are the rules module's
// (app/domain/tempi-servizio.ts). Only dates and counts leave the database.
import { and, count, eq, gte, inArray, isNotNull, sql } from "drizzle-orm";
import { domande } from "#db/schema";
import { db } from "#db/connection";
import { oggiRoma, type DataISO } from "~/domain/date";
import { finestraTempiServizio, tempiServizio, type TempiServizio } from "~/domain/tempi-servizio";
import type { Prestazione } from "~/domain/tipi";
import { oggi as oggiPiattaforma } from "./orologio.server";

/** The public path segment of each benefit (the URL never shows the internal code). */
export const CODICI_PUBBLICI = { cigo: "CIGO", fis: "AIS_FIS", fondi: "AIS_FONDO", cisoa: "CISOA" } as const satisfies Record<string, Prestazione>;
export type CodicePubblico = keyof typeof CODICI_PUBBLICI;

export function prestazioneDaCodice(codice: string | undefined): Prestazione | null {
  return codice !== undefined && Object.hasOwn(CODICI_PUBBLICI, codice) ? CODICI_PUBBLICI[codice as CodicePubblico] : null;
}

const DECISE = ["autorizzata", "autorizzata_parziale", "respinta"] as const;
const APERTE = ["inviata", "in_istruttoria", "sospesa"] as const;

export async function leggiTempiServizio(prestazione: Prestazione, oggi: DataISO = oggiPiattaforma()): Promise<TempiServizio> {
  const finestra = finestraTempiServizio(oggi);
  // The first instant of the window's first day in Rome: a constant, so the partial index on (prestazione, decisa_il)
  // serves the range.
  const dal = sql`(${finestra.inizio}::date)::timestamp at time zone 'Europe/Rome'`;
  const [righe, [attesa]] = await Promise.all([
    db()
      .select({ inviataIl: domande.inviataIl, decisaIl: domande.decisaIl, scadenza: domande.scadenzaDecisione })
      .from(domande)
      .where(
        and(
          eq(domande.prestazione, prestazione),
          isNotNull(domande.decisaIl),
          gte(domande.decisaIl, dal),
          inArray(domande.stato, [...DECISE]),
        ),
      ),
    db()
      .select({ n: count() })
      .from(domande)
      .where(and(eq(domande.prestazione, prestazione), inArray(domande.stato, [...APERTE]))),
  ]);
  const decisioni = righe
    .filter((r) => r.inviataIl && r.decisaIl)
    .map((r) => {
      const inviataIl = oggiRoma(r.inviataIl!);
      return { inviataIl, decisaIl: oggiRoma(r.decisaIl!), scadenza: r.scadenza ?? inviataIl };
    })
    .filter((d) => d.decisaIl <= oggi);
  return tempiServizio({ prestazione, oggi, decisioni, inAttesa: attesa?.n ?? 0 });
}
