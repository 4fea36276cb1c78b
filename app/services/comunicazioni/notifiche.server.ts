// E-mail notifications (standing in for PEC) of the thread's entries that the company's side must know about: the
// message is composed now, inside the transaction that writes the entry, and enqueued in it (app/services/lavori);
// a job sends it later with retries, so a failing mail server loses no message and delays no user.
import { and, eq, gte, isNotNull, isNull, lte, or } from "drizzle-orm";
import { aziende, deleghe, domande, utenti } from "#db/schema";
import type { Db } from "#db/client";
import { notificaPerVoce, testoNotifica, type Lato } from "~/domain/comunicazioni";
import { oggiRoma } from "~/domain/date";
import { nomePrestazione, type Fondo } from "~/domain/tipi";
import { accoda } from "../lavori/coda.server";
import { adesso } from "../orologio.server";

export interface LavoroNotifica {
  domandaId: number;
  voceId: number;
  a: string[];
  oggetto: string;
  testo: string;
}

type Tx = Pick<Db, "select" | "execute">;

/** The platform's public address for the links in the e-mails (OMNIA_URL_PUBBLICO, default the local server). */
export function urlPubblico(env = process.env): string {
  return (env.OMNIA_URL_PUBBLICO ?? `http://localhost:${env.PORT ?? 3000}`).replace(/\/+$/, "");
}

/**
 * The company's side of a domanda, as e-mail addresses: the company's PEC from the registries and the address of each
 * intermediary holding a delega valid today (each may read the domanda on the platform).
 */
export async function destinatariAzienda(tx: Tx, aziendaId: number, oggi: string): Promise<string[]> {
  const [azienda] = await tx.select({ pec: aziende.pec }).from(aziende).where(eq(aziende.id, aziendaId));
  const intermediari = await tx
    // Alike unita-produttive.server.ts's query (duplicates): only the select/from/join/where shape is alike; tables and
    // filters differ
    .select({ email: utenti.email })
    .from(deleghe)
    .innerJoin(utenti, eq(utenti.id, deleghe.intermediarioId))
    .where(
      and(
        eq(deleghe.aziendaId, aziendaId),
        lte(deleghe.validaDal, oggi),
        or(isNull(deleghe.validaAl), gte(deleghe.validaAl, oggi)),
        isNotNull(utenti.email),
      ),
    );
  return [...new Set([azienda?.pec, ...intermediari.map((i) => i.email)].filter((x): x is string => Boolean(x)))];
}

/** Enqueues the e-mail of a thread entry if the rules say it is notified (app/domain/comunicazioni.ts). */
export async function notificaVoce(
  tx: Tx,
  voce: { id: number; domandaId: number; lato: Lato; tipo: string; descrizione: string },
): Promise<boolean> {
  const regola = notificaPerVoce(voce);
  if (!regola) return false;
  const [d] = await tx
    .select({
      aziendaId: domande.aziendaId,
      protocollo: domande.protocollo,
      prestazione: domande.prestazione,
      fondo: domande.fondoCodice,
      azienda: aziende.ragioneSociale,
    })
    .from(domande)
    .innerJoin(aziende, eq(aziende.id, domande.aziendaId))
    .where(eq(domande.id, voce.domandaId));
  if (!d) return false;
  const a = await destinatariAzienda(tx, d.aziendaId, oggiRoma(adesso()));
  if (a.length === 0) return false;
  const { oggetto, testo } = testoNotifica({
    oggetto: regola.oggetto,
    descrizione: voce.descrizione,
    prestazione: nomePrestazione(d.prestazione, (d.fondo?.toUpperCase() as Fondo) ?? null),
    protocollo: d.protocollo,
    azienda: d.azienda,
    collegamento: `${urlPubblico()}/domande/${voce.domandaId}/messaggi`,
  });
  const lavoro: LavoroNotifica = { domandaId: voce.domandaId, voceId: voce.id, a, oggetto, testo };
  await accoda(tx, "notifica", lavoro);
  return true;
}
