// La scrivania dei pagamenti diretti: gli importi abbinati pronti da pagare, le eccezioni che aspettano una persona
// (approvazione o rigetto con motivo, nel registro di audit), i lotti. Un operatore vede e lavora solo le sedi della
// regola di assegnazione (modulo di autorizzazione); il dirigente legge.
import { and, asc, count, eq, inArray, isNull, sql } from "drizzle-orm";
import { db } from "#db/connection";
import { aziende, contributiAddizionali, denunceCig, domande, importiCig, provvedimenti, sedi as tabellaSedi, utenti } from "#db/schema";
import { ECCEZIONI, soloRespingibile, type CodiceEccezione } from "~/domain/pagamenti/eccezioni";
import { scriviAudit } from "../audit.server";
import { ambitoSedi, eSistema, puoAgireSuSede, type Attore } from "../autorizzazione.server";
import { adesso as adessoPiattaforma } from "../orologio.server";
import { conflitto, nonTrovato, nonValido, riuscito, type Risultato } from "../risultato";
import { aggiornaContributoAddizionale } from "./abbinamento.server";
import { storicoEsiti, type EsitoDiBonifico } from "./esiti-banca.server";
import { spiegazioneCalcolo } from "./importi-azienda.server";
import { lottiDelleSedi } from "./lotti.server";

export const ETICHETTE_STATO_IMPORTO = {
  approvato: "Da pagare",
  eccezione: "Eccezione da esaminare",
  respinto: "Respinto",
  annullato: "Annullato (denuncia eliminata)",
  in_lotto: "In un lotto",
  pagato: "Pagato",
} as const;

export const ETICHETTE_STATO_LOTTO = { preparato: "Preparato", approvato: "Approvato", inviato: "Inviato alla banca", esito_ricevuto: "Esito della banca ricevuto" } as const;
export const ETICHETTE_ESITO_LOTTO = { pagato: "tutti i bonifici pagati", pagato_in_parte: "pagato in parte", respinto: "tutti i bonifici respinti", in_corso: "esito in corso" } as const;

export const MESSAGGI_ECCEZIONI = {
  decisione: "Scegli se approvare o respingere l'importo",
  motivo: "Scrivi il motivo della decisione",
  motivoLungo: "Il motivo può avere al massimo 2000 caratteri",
  soloRespinta: "Questo importo non si può approvare: l'importo non è calcolabile. Puoi solo respingerlo.",
} as const;

/** Le sedi su cui l'attore lavora i pagamenti (null = tutte, con la regola del pool). */
async function sediDi(attore: Attore): Promise<string[] | null | undefined> {
  const ambito = await ambitoSedi(attore);
  if (!ambito) return undefined;
  return ambito.tutte ? null : ambito.sedi;
}

const inSedi = (sedi: string[] | null) => (sedi === null ? undefined : inArray(importiCig.sedeCodice, sedi.length ? sedi : ["----"]));

export interface RigaImporto {
  id: number;
  sedeCodice: string;
  azienda: string;
  numero: string;
  codiceFiscale: string;
  nominativo: string;
  competenza: string;
  oreCentesimi: number;
  lordoLimitatoCentesimi: number;
  nettoCentesimi: number;
  eccezioni: Array<{ codice: string; messaggio: string }>;
}

async function righeImporti(sedi: string[] | null, stato: "approvato" | "eccezione", limite: number): Promise<RigaImporto[]> {
  return db()
    .select({
      id: importiCig.id, sedeCodice: importiCig.sedeCodice, azienda: aziende.ragioneSociale, numero: provvedimenti.numero,
      codiceFiscale: importiCig.codiceFiscale, nominativo: importiCig.nominativo, competenza: importiCig.competenza, oreCentesimi: importiCig.oreCentesimi,
      lordoLimitatoCentesimi: importiCig.lordoLimitatoCentesimi, nettoCentesimi: importiCig.nettoCentesimi, eccezioni: importiCig.eccezioni,
    })
    .from(importiCig)
    .innerJoin(aziende, eq(aziende.id, importiCig.aziendaId))
    .innerJoin(provvedimenti, eq(provvedimenti.id, importiCig.provvedimentoId))
    .where(and(inSedi(sedi), eq(importiCig.stato, stato), isNull(importiCig.lottoId)))
    .orderBy(asc(importiCig.id))
    .limit(limite);
}

export interface PanoramicaPagamenti {
  sedi: Array<{ codice: string; nome: string }>;
  daPagare: RigaImporto[];
  totaleDaPagare: { numero: number; centesimi: number };
  eccezioni: RigaImporto[];
  inAttesa: number;
  lotti: Awaited<ReturnType<typeof lottiDelleSedi>>;
  puoLavorare: boolean;
}

/** Che cosa c'è da fare sui pagamenti diretti delle sedi dell'attore. Null se l'attore non è della Sede. */
export async function panoramicaPagamenti(attore: Attore): Promise<PanoramicaPagamenti | null> {
  const sedi = await sediDi(attore);
  if (sedi === undefined) return null;
  const d = db();
  const elencoSedi = await d
    .select({ codice: tabellaSedi.codice, nome: tabellaSedi.nome })
    .from(tabellaSedi)
    .where(sedi === null ? undefined : inArray(tabellaSedi.codice, sedi.length ? sedi : ["----"]))
    .orderBy(asc(tabellaSedi.nome));
  const [totale] = await d
    .select({ numero: count(), centesimi: sql<string>`coalesce(sum(${importiCig.nettoCentesimi}), 0)` })
    .from(importiCig)
    .where(and(inSedi(sedi), eq(importiCig.stato, "approvato"), isNull(importiCig.lottoId)));
  // Denunce accolte e non ancora abbinate (in attesa della decisione, o non abbinabili) delle domande di queste sedi.
  const [attesa] = await d
    .select({ n: count() })
    // Alike abbinamento.server.ts's query (duplicates): the same joins, but this one only counts for the dashboard
    .from(denunceCig)
    .innerJoin(domande, eq(domande.id, denunceCig.domandaId))
    .leftJoin(importiCig, eq(importiCig.denunciaId, denunceCig.id))
    .where(
      and(
        isNull(denunceCig.eliminataIl),
        isNull(importiCig.id),
        sedi === null ? undefined : inArray(domande.sedeCodice, sedi.length ? sedi : ["----"]),
      ),
    );
  return {
    sedi: elencoSedi,
    daPagare: await righeImporti(sedi, "approvato", 200),
    totaleDaPagare: { numero: totale.numero, centesimi: Number(totale.centesimi) },
    eccezioni: await righeImporti(sedi, "eccezione", 200),
    inAttesa: attesa.n,
    lotti: await lottiDelleSedi(sedi),
    puoLavorare: !eSistema(attore) && attore.ruolo === "operatore_sede",
  };
}

export interface DettaglioImporto {
  importo: typeof importiCig.$inferSelect;
  azienda: string;
  numero: string;
  protocollo: string | null;
  eccezioni: Array<{ codice: string; titolo: string; messaggio: string; verifica: string; riferimento: string }>;
  soloRespinta: boolean;
  risoltoDa: string | null;
  spiegazione: string;
  contributo: { importoCentesimi: number | null; messaggio: string } | null;
  /** Gli esiti della banca di questo bonifico, in tutti i lotti in cui è stato. */
  esiti: EsitoDiBonifico[];
}

async function importoAutorizzato(attore: Attore, id: number, azione: "vedi_pagamenti" | "lavora_pagamenti") {
  if (!Number.isSafeInteger(id)) return null;
  const [importo] = await db().select().from(importiCig).where(eq(importiCig.id, id));
  if (!importo || !(await puoAgireSuSede(attore, azione, importo.sedeCodice))) return null;
  return importo;
}

/** Un importo con il suo calcolo e le sue eccezioni. */
export async function dettaglioImporto(attore: Attore, id: number): Promise<DettaglioImporto | null> {
  const importo = await importoAutorizzato(attore, id, "vedi_pagamenti");
  if (!importo) return null;
  const d = db();
  const [r] = await d
    .select({ azienda: aziende.ragioneSociale, numero: provvedimenti.numero, protocollo: domande.protocollo })
    .from(provvedimenti)
    .innerJoin(domande, eq(domande.id, provvedimenti.domandaId))
    .innerJoin(aziende, eq(aziende.id, domande.aziendaId))
    .where(eq(provvedimenti.id, importo.provvedimentoId));
  const [chi] = importo.risoltoDa ? await d.select().from(utenti).where(eq(utenti.id, importo.risoltoDa)) : [];
  const [contributo] = await d.select().from(contributiAddizionali).where(eq(contributiAddizionali.provvedimentoId, importo.provvedimentoId));
  return {
    importo,
    azienda: r.azienda,
    numero: r.numero,
    protocollo: r.protocollo,
    eccezioni: importo.eccezioni.map((e) => {
      const voce = ECCEZIONI[e.codice as CodiceEccezione];
      return { ...e, titolo: voce?.titolo ?? e.codice, verifica: voce?.verifica ?? "", riferimento: voce?.riferimento ?? "" };
    }),
    soloRespinta: soloRespingibile(importo.eccezioni),
    risoltoDa: chi ? `${chi.nome} ${chi.cognome}` : null,
    spiegazione: spiegazioneCalcolo(importo.calcolo),
    contributo: contributo ? { importoCentesimi: contributo.importoCentesimi, messaggio: spiegazioneCalcolo(contributo.calcolo) } : null,
    esiti: await storicoEsiti({ importoId: importo.id }),
  };
}

export interface DecisioneEccezione {
  decisione: "approva" | "respingi" | null;
  motivo: string;
}

/** La persona della Sede decide un'eccezione: approva (l'importo va nel prossimo lotto) o respinge, sempre con un motivo. */
export async function risolviEccezione(attore: Attore, id: number, input: DecisioneEccezione, ora: Date = adessoPiattaforma()): Promise<Risultato> {
  if (eSistema(attore) || attore.ruolo !== "operatore_sede") return nonTrovato;
  const importo = await importoAutorizzato(attore, id, "lavora_pagamenti");
  if (!importo) return nonTrovato;
  const motivo = input.motivo.trim();
  const errori: Record<string, string | undefined> = {
    decisione: input.decisione === null ? MESSAGGI_ECCEZIONI.decisione : input.decisione === "approva" && soloRespingibile(importo.eccezioni) ? MESSAGGI_ECCEZIONI.soloRespinta : undefined,
    motivo: motivo.length === 0 ? MESSAGGI_ECCEZIONI.motivo : motivo.length > 2000 ? MESSAGGI_ECCEZIONI.motivoLungo : undefined,
  };
  if (errori.decisione || errori.motivo) return nonValido(errori);
  const stato = input.decisione === "approva" ? "approvato" : "respinto";
  const esito = await db().transaction(async (tx) => {
    const aggiornati = await tx
      .update(importiCig)
      .set({ stato, risoltoDa: attore.utente.id, risoltoIl: ora, motivoRisoluzione: motivo })
      .where(and(eq(importiCig.id, importo.id), eq(importiCig.stato, "eccezione")))
      .returning({ id: importiCig.id });
    if (aggiornati.length === 0) return conflitto;
    await scriviAudit(tx, {
      utenteId: attore.utente.id, ruolo: attore.ruolo, azione: "risolvi_eccezione_pagamento", oggettoTipo: "importo_cig", oggettoId: importo.id, esito: "ok",
      dettagli: { decisione: input.decisione, eccezioni: importo.eccezioni.map((e) => e.codice), nettoCentesimi: importo.nettoCentesimi },
    });
    return riuscito();
  });
  if (esito.ok && stato === "respinto") await aggiornaContributoAddizionale(importo.provvedimentoId);
  return esito;
}
