// The office manager's view (read-only): workload per operator, cases by state and by age, median days to decision,
// cases past the decision time limit, for the sedi the manager is enabled on (the assignment rule's ambitoSedi).
// The figures are the rules module's (app/domain/istruttoria/statistiche.ts); this module only reads the cases.
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import { domande, sedi, utenti } from "#db/schema";
import { db } from "#db/connection";
import { oggiRoma, type DataISO } from "~/domain/date";
import { statisticheUfficio, type CasoPerStatistica } from "~/domain/istruttoria/statistiche";
import { termineCorrente } from "~/domain/istruttoria/termine-decisione";
import { ETICHETTE_STATO, STATI_DOMANDA } from "~/domain/stati";
import { ambitoSedi, eSistema, type Attore } from "../autorizzazione.server";
import { oggi as oggiPiattaforma } from "../orologio.server";

export async function carichiUfficio(attore: Attore, oggi: DataISO = oggiPiattaforma()) {
  if (eSistema(attore) || attore.ruolo !== "dirigente_sede") return null;
  const ambito = await ambitoSedi(attore);
  if (!ambito) return null;
  const righe = await db()
    .select({
      stato: domande.stato,
      inviataIl: domande.inviataIl,
      decisaIl: domande.decisaIl,
      scadenza: domande.scadenzaDecisione,
      sospesoDal: domande.termineSospesoDal,
      nome: utenti.nome,
      cognome: utenti.cognome,
    })
    .from(domande)
    .leftJoin(utenti, eq(utenti.id, domande.operatoreId))
    .where(
      and(
        ne(domande.stato, "bozza"),
        sql`${domande.inviataIl} is not null`,
        ambito.tutte ? undefined : ambito.sedi.length ? inArray(domande.sedeCodice, ambito.sedi) : sql`false`,
      ),
    );
  const casi: CasoPerStatistica[] = righe.map((r) => {
    const inviataIl = oggiRoma(r.inviataIl!);
    const decisaIl = r.decisaIl ? oggiRoma(r.decisaIl) : null;
    // The deadline as of today (or of the decision), an open suspension included.
    const scadenza = r.scadenza ? termineCorrente({ scadenza: r.scadenza, sospesoDal: decisaIl ? null : r.sospesoDal, oggi: decisaIl ?? oggi }).scadenza : inviataIl;
    return { stato: r.stato, operatore: r.nome ? `${r.nome} ${r.cognome}` : null, inviataIl, decisaIl, scadenza };
  });
  const statistiche = statisticheUfficio(casi, oggi);
  const nomiSedi = ambito.tutte
    ? ["tutte le sedi"]
    : (await db().select({ nome: sedi.nome }).from(sedi).where(inArray(sedi.codice, ambito.sedi.length ? ambito.sedi : [""]))).map((s) => s.nome);
  return {
    sedi: nomiSedi,
    totale: casi.length,
    perStato: STATI_DOMANDA.filter((s) => s !== "bozza").map((s) => ({ stato: ETICHETTE_STATO[s], domande: statistiche.perStato[s] })),
    perOperatore: statistiche.perOperatore,
    nonAssegnate: statistiche.nonAssegnate,
    perEta: statistiche.perEta,
    mediana: statistiche.medianaGiorniDecisione,
    oltreTermine: statistiche.oltreTermine,
    deciseOltreTermine: statistiche.deciseOltreTermine,
  };
}
