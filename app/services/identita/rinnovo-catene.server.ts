// The trust chains renewed before they expire (pg-boss job `catene-rinnovo`, hourly; ADR 025). The SPID/CIE rules
// ("Acquisire i Metadata") keep a provider's final metadata until the lowest `exp` of its chain and then renew them;
// done at sign-in, the first person after an expiry would wait for the whole chain's fetches and, were the federation
// unreachable at that moment, be refused. Here each stored chain that expires within ANTICIPO_RINNOVO_MS (or expired
// less than a day ago) and whose provider is still configured is resolved again from the federation and stored; a
// chain that no longer verifies leaves the stored one in place until its own expiry (the sign-in then refuses). Each
// outcome is audited. Idempotent: a renewed chain expires beyond the window, so a second run fetches nothing.
import { and, gt, lte } from "drizzle-orm";
import { cateneFiducia } from "#db/schema";
import { db } from "#db/connection";
import { scriviAudit } from "../audit.server";
import { conservaCatena, ErroreCatenaFiducia, risolviCatena } from "./catena-fiducia.server";
import { accessoFederazione, impostazioniOidc } from "./oidc.server";

/** Renewed when it expires within this time: the job runs hourly, so a chain gets about three tries. */
export const ANTICIPO_RINNOVO_MS = 3 * 3_600_000;
/** A chain expired longer ago than this is left alone (its provider is gone or the federation with it). */
const RITARDO_MASSIMO_MS = 24 * 3_600_000;

export interface EsitoRinnovo {
  soggetto: string;
  ancora: string;
  esito: "rinnovata" | "non_valida" | "non_configurato";
  scadeIl: Date;
}

/** Renews the chains close to their expiry (see the top of this file). */
export async function rinnovaCatene(adesso: Date, env: NodeJS.ProcessEnv = process.env): Promise<EsitoRinnovo[]> {
  const righe = await db()
    .select({ soggetto: cateneFiducia.soggetto, ancora: cateneFiducia.ancora, scadeIl: cateneFiducia.scadeIl })
    .from(cateneFiducia)
    .where(and(lte(cateneFiducia.scadeIl, new Date(adesso.getTime() + ANTICIPO_RINNOVO_MS)), gt(cateneFiducia.scadeIl, new Date(adesso.getTime() - RITARDO_MASSIMO_MS))));
  const esiti: EsitoRinnovo[] = [];
  for (const riga of righe) {
    // The provider's settings as a sign-in at its origin would find them (the test provider is mounted per origin).
    const impostazioni = impostazioniOidc(new URL(riga.soggetto).origin, env);
    // With Trust Anchors only, any provider of a configured anchor (the anchor is checked below).
    if (!impostazioni || (impostazioni.emittente !== null && impostazioni.emittente !== riga.soggetto)) {
      esiti.push({ ...riga, esito: "non_configurato" });
      continue;
    }
    try {
      const accesso = await accessoFederazione(impostazioni);
      const ancore = accesso.ancore.filter((a) => a.id === riga.ancora);
      if (ancore.length === 0) throw new ErroreCatenaFiducia("ancora_sconosciuta", `${riga.ancora} non è più un Trust Anchor configurato`);
      const c = await risolviCatena(riga.soggetto, ancore, accesso.scaricatore, adesso, accesso.soloHttps);
      await conservaCatena(c);
      await scriviAudit(db(), {
        azione: "rinnovo_catena_fiducia",
        oggettoTipo: "catena_fiducia",
        oggettoId: riga.soggetto,
        esito: "ok",
        dettagli: { ancora: riga.ancora, scadevaIl: riga.scadeIl.toISOString(), scadeIl: c.scadeIl.toISOString() },
      });
      esiti.push({ soggetto: riga.soggetto, ancora: riga.ancora, esito: "rinnovata", scadeIl: c.scadeIl });
    } catch (e) {
      if (!(e instanceof ErroreCatenaFiducia)) throw e;
      console.warn(`[oidc] rinnovo della catena di ${riga.soggetto} non riuscito (${e.motivo}): ${e.message}`);
      await scriviAudit(db(), {
        azione: "rinnovo_catena_fiducia",
        oggettoTipo: "catena_fiducia",
        oggettoId: riga.soggetto,
        esito: "errore",
        dettagli: { ancora: riga.ancora, motivo: e.motivo, scadeIl: riga.scadeIl.toISOString() },
      });
      esiti.push({ ...riga, esito: "non_valida" });
    }
  }
  return esiti;
}
