// Deleghe and sub-abilitazioni managed in the platform (app/domain/deleghe.ts): an intermediary asks a company for a
// delega on its matricola (or declares it, as the foundation did: attiva at once, the record kept); the company's legal
// representative confirms or refuses; either side revokes; expiry by date. The legal representative also enables
// employees to act for the company. Every change is one statement under a state check, with its audit entry.
// Who may do it is asked of the one authorisation module (puoAgire: gestisci_deleghe, richiedi_delega).
// A request to confirm is e-mailed to the company's legal representative (and the company's PEC) through the job queue,
// enqueued in the transaction that writes it (ADR 020).
import { aliasedTable, and, asc, desc, eq, isNull } from "drizzle-orm";
import { abilitazioniAzienda, aziende, deleghe, utenti } from "#db/schema";
import { db } from "#db/connection";
import {
  matricolaValida,
  statoVisibile,
  testoAvvisoRichiestaDelega,
  testoEsitoDelega,
  transizioneDelega,
  type AzioneDelega,
  type StatoVisibile,
} from "~/domain/deleghe";
import { parseDataItaliana, type DataISO } from "~/domain/date";
import { ruoloPuo } from "~/domain/autorizzazione";
import { messaggiDeleghe as m } from "~/testi/deleghe";
import type { Contesto } from "./accesso.server";
import { scriviAudit } from "./audit.server";
import { urlPubblico } from "./comunicazioni/notifiche.server";
import { accoda } from "./lavori/coda.server";
import { puoAgire } from "./autorizzazione.server";
import { oggi } from "./orologio.server";
import { conflitto, nonTrovato, nonValido, riuscito, type Risultato } from "./risultato";

export interface VoceDelega {
  id: number;
  stato: StatoVisibile;
  modalita: "conferma" | "dichiarazione" | null;
  validaDal: DataISO;
  validaAl: DataISO | null;
  azienda: { id: number; ragioneSociale: string; matricola: string | null };
  intermediario: { nome: string; cognome: string; codiceFiscale: string };
}

export interface VoceAbilitazione {
  id: number;
  validaDal: DataISO;
  validaAl: DataISO | null;
  dipendente: { nome: string; cognome: string; codiceFiscale: string };
  attiva: boolean;
}

export type VistaDeleghe =
  | { tipo: "intermediario"; deleghe: VoceDelega[] }
  | { tipo: "legale"; azienda: { id: number; ragioneSociale: string }; deleghe: VoceDelega[]; abilitazioni: VoceAbilitazione[] };

const intermediari = aliasedTable(utenti, "intermediari");

async function righeDeleghe(filtro: ReturnType<typeof eq>, data: DataISO): Promise<VoceDelega[]> {
  const righe = await db()
    .select({ d: deleghe, a: { id: aziende.id, ragioneSociale: aziende.ragioneSociale, matricola: aziende.matricola }, i: intermediari })
    .from(deleghe)
    .innerJoin(aziende, eq(aziende.id, deleghe.aziendaId))
    .innerJoin(intermediari, eq(intermediari.id, deleghe.intermediarioId))
    .where(filtro)
    .orderBy(asc(aziende.ragioneSociale), desc(deleghe.id));
  return righe.map(({ d, a, i }) => ({
    id: d.id,
    stato: statoVisibile(d, data),
    modalita: d.modalita ?? null,
    validaDal: d.validaDal,
    validaAl: d.validaAl,
    azienda: a,
    intermediario: { nome: i.nome, cognome: i.cognome, codiceFiscale: i.codiceFiscale },
  }));
}

async function aziendaAttiva(ctx: Contesto) {
  if (ctx.ruolo !== "datore" || ctx.aziendaAttivaId == null) return null;
  const [a] = await db().select().from(aziende).where(eq(aziende.id, ctx.aziendaAttivaId));
  return a && (await puoAgire(ctx, "gestisci_deleghe", a)) ? a : null;
}

/** What /deleghe shows: the intermediary's own deleghe, or the company's deleghe and enabled employees; null otherwise. */
export async function vistaDeleghe(ctx: Contesto, data: DataISO = oggi()): Promise<VistaDeleghe | null> {
  if (ctx.ruolo === "intermediario") {
    return { tipo: "intermediario", deleghe: await righeDeleghe(eq(deleghe.intermediarioId, ctx.utente.id), data) };
  }
  const azienda = await aziendaAttiva(ctx);
  if (!azienda) return null;
  const abilitazioni = await db()
    .select({ ab: abilitazioniAzienda, u: utenti })
    .from(abilitazioniAzienda)
    .innerJoin(utenti, eq(utenti.id, abilitazioniAzienda.utenteId))
    .where(eq(abilitazioniAzienda.aziendaId, azienda.id))
    .orderBy(asc(utenti.cognome), asc(utenti.nome));
  return {
    tipo: "legale",
    azienda: { id: azienda.id, ragioneSociale: azienda.ragioneSociale },
    deleghe: await righeDeleghe(eq(deleghe.aziendaId, azienda.id), data),
    abilitazioni: abilitazioni.map(({ ab, u }) => ({
      id: ab.id,
      validaDal: ab.validaDal,
      validaAl: ab.validaAl,
      dipendente: { nome: u.nome, cognome: u.cognome, codiceFiscale: u.codiceFiscale },
      attiva: ab.revocataIl === null && (ab.validaAl === null || ab.validaAl >= data),
    })),
  };
}

function dataFacoltativa(valore: FormDataEntryValue | null, data: DataISO): { data: DataISO | null; errore?: string } {
  const testo = typeof valore === "string" ? valore.trim() : "";
  if (testo === "") return { data: null };
  const d = parseDataItaliana(testo);
  if (!d) return { data: null, errore: m.dataNonValida };
  if (d < data) return { data: null, errore: m.dataPassata };
  return { data: d };
}

/**
 * An intermediary asks the company with this matricola for a delega (modalità "conferma": the legal representative
 * answers) or declares one (modalità "dichiarazione": attiva at once, with the declaration ticked and audited).
 */
export async function richiediDelega(ctx: Contesto, formData: FormData, data: DataISO = oggi()): Promise<Risultato<{ id: number; stato: string }>> {
  if (!ruoloPuo(ctx.ruolo, "richiedi_delega")) return nonTrovato;
  const matricola = String(formData.get("matricola") ?? "").trim();
  const modalita = formData.get("modalita");
  const fine = dataFacoltativa(formData.get("validaAl"), data);
  const errori: Record<string, string | undefined> = {};
  if (!matricolaValida(matricola)) errori.matricola = m.matricolaNonValida;
  if (modalita !== "conferma" && modalita !== "dichiarazione") errori.modalita = m.modalitaMancante;
  if (modalita === "dichiarazione" && formData.get("dichiarazione") !== "si") errori.dichiarazione = m.dichiarazioneMancante;
  if (fine.errore) errori.validaAl = fine.errore;
  if (Object.values(errori).some(Boolean)) return nonValido(errori);
  const [azienda] = await db().select().from(aziende).where(eq(aziende.matricola, matricola));
  if (!azienda || !(await puoAgire(ctx, "richiedi_delega", azienda))) return nonValido({ matricola: m.matricolaSconosciuta });
  const esistenti = await db()
    .select({ stato: deleghe.stato, validaDal: deleghe.validaDal, validaAl: deleghe.validaAl })
    .from(deleghe)
    .where(and(eq(deleghe.intermediarioId, ctx.utente.id), eq(deleghe.aziendaId, azienda.id)));
  if (esistenti.some((d) => d.stato === "richiesta")) return nonValido({ matricola: m.richiestaInAttesa });
  if (esistenti.some((d) => statoVisibile(d, data) === "attiva" && (d.validaAl === null || d.validaAl >= data))) {
    return nonValido({ matricola: m.giaAttiva });
  }
  const dichiarata = modalita === "dichiarazione";
  const scelta: "conferma" | "dichiarazione" = dichiarata ? "dichiarazione" : "conferma";
  const nuova = await db().transaction(async (tx) => {
    const [riga] = await tx
      .insert(deleghe)
      .values({
        intermediarioId: ctx.utente.id,
        aziendaId: azienda.id,
        validaDal: data,
        validaAl: fine.data,
        stato: dichiarata ? "attiva" : "richiesta",
        modalita: scelta,
        richiestaIl: new Date(),
      })
      .onConflictDoNothing()
      .returning({ id: deleghe.id, stato: deleghe.stato });
    if (!riga) return null;
    await scriviAudit(tx, {
      utenteId: ctx.utente.id,
      ruolo: ctx.ruolo,
      azione: dichiarata ? "delega_dichiarata" : "delega_richiesta",
      oggettoTipo: "delega",
      oggettoId: riga.id,
      esito: "ok",
      dettagli: { aziendaId: azienda.id, validaAl: fine.data, modalita: scelta },
    });
    if (!dichiarata) {
      // The legal representative's own address (a user of the platform) and the company's PEC from the registries.
      const [legale] = await tx.select({ email: utenti.email }).from(utenti).where(eq(utenti.codiceFiscale, azienda.cfLegaleRappresentante));
      const a = [...new Set([legale?.email, azienda.pec].filter((x): x is string => Boolean(x)))];
      if (a.length > 0) {
        const { oggetto, testo } = testoAvvisoRichiestaDelega({
          intermediario: { nome: ctx.utente.nome, cognome: ctx.utente.cognome, codiceFiscale: ctx.utente.codiceFiscale },
          azienda: { ragioneSociale: azienda.ragioneSociale, matricola },
          validaAl: fine.data,
          collegamento: `${urlPubblico()}/deleghe#delega-${riga.id}`,
        });
        await accoda(tx, "notifica", { delegaId: riga.id, a, oggetto, testo });
      }
    }
    return riga;
  });
  if (!nuova) return nonValido({ matricola: m.richiestaInAttesa });
  return riuscito(nuova);
}

/** Confirm, refuse, revoke or withdraw a delega, by the policy of app/domain/deleghe.ts; not allowed looks like not found. */
export async function decidiDelega(ctx: Contesto, delegaId: number, azione: AzioneDelega): Promise<Risultato<{ stato: string }>> {
  const [riga] = Number.isSafeInteger(delegaId)
    ? await db().select({ d: deleghe, a: aziende }).from(deleghe).innerJoin(aziende, eq(aziende.id, deleghe.aziendaId)).where(eq(deleghe.id, delegaId))
    : [];
  const legale = riga ? await puoAgire(ctx, "gestisci_deleghe", riga.a) : false;
  const titolare = riga ? ctx.ruolo === "intermediario" && riga.d.intermediarioId === ctx.utente.id : false;
  const nuovo = riga ? transizioneDelega(riga.d.stato, azione, { legale, titolare }) : null;
  // An act this person may never do on this delega (e.g. the intermediary confirming its own request) is refused as
  // "not found"; an allowed act on a delega whose state moved on is a conflict.
  const ammessa = (["richiesta", "attiva"] as const).some((s) => transizioneDelega(s, azione, { legale, titolare }) !== null);
  if (!riga || !ammessa) {
    await scriviAudit(db(), {
      utenteId: ctx.utente.id,
      ruolo: ctx.ruolo,
      azione: `delega_${azione}`,
      oggettoTipo: "delega",
      oggettoId: Number.isSafeInteger(delegaId) ? delegaId : "non_valido",
      esito: "negato",
    });
    return nonTrovato;
  }
  if (!nuovo) return conflitto;
  const adesso = new Date();
  const modifiche =
    nuovo === "revocata"
      ? { stato: nuovo, revocataIl: adesso, revocataDa: ctx.utente.id }
      : { stato: nuovo, decisaIl: adesso, decisaDa: ctx.utente.id };
  const fatta = await db().transaction(async (tx) => {
    const aggiornate = await tx
      .update(deleghe)
      .set(modifiche)
      .where(and(eq(deleghe.id, riga.d.id), eq(deleghe.stato, riga.d.stato)))
      .returning({ id: deleghe.id });
    if (aggiornate.length === 0) return false;
    await scriviAudit(tx, {
      utenteId: ctx.utente.id,
      ruolo: ctx.ruolo,
      azione: `delega_${azione}`,
      oggettoTipo: "delega",
      oggettoId: riga.d.id,
      esito: "ok",
      dettagli: { aziendaId: riga.a.id, da: riga.d.stato, a: nuovo },
    });
    // The other side is told: the intermediary of what the legal representative did, the legal representative (and
    // the company's PEC) of what the intermediary did.
    const [intermediario] = await tx.select().from(utenti).where(eq(utenti.id, riga.d.intermediarioId));
    const daIntermediario = titolare && !legale;
    const [rappresentante] = daIntermediario
      ? await tx.select({ email: utenti.email }).from(utenti).where(eq(utenti.codiceFiscale, riga.a.cfLegaleRappresentante))
      : [];
    const a = daIntermediario ? [rappresentante?.email, riga.a.pec] : [intermediario?.email];
    const destinatari = [...new Set(a.filter((x): x is string => Boolean(x)))];
    if (destinatari.length > 0 && intermediario) {
      const { oggetto, testo } = testoEsitoDelega({
        azione,
        azienda: { ragioneSociale: riga.a.ragioneSociale, matricola: riga.a.matricola },
        intermediario: { nome: intermediario.nome, cognome: intermediario.cognome },
        collegamento: `${urlPubblico()}/deleghe#delega-${riga.d.id}`,
      });
      await accoda(tx, "notifica", { delegaId: riga.d.id, a: destinatari, oggetto, testo });
    }
    return true;
  });
  if (!fatta) return conflitto;
  return riuscito({ stato: nuovo });
}

/**
 * The legal representative enables an employee (by codice fiscale, name and surname: a person not yet known to the
 * platform is registered, and signs in with SPID or CIE like anyone else) to act for the company chosen at sign-in.
 */
export async function abilitaDipendente(ctx: Contesto, formData: FormData, data: DataISO = oggi()): Promise<Risultato<{ id: number }>> {
  const azienda = await aziendaAttiva(ctx);
  if (!azienda) return nonTrovato;
  const cf = String(formData.get("codiceFiscale") ?? "").trim().toUpperCase();
  const nome = String(formData.get("nome") ?? "").trim();
  const cognome = String(formData.get("cognome") ?? "").trim();
  const fine = dataFacoltativa(formData.get("validaAl"), data);
  const nomeValido = (s: string) => s.length >= 1 && s.length <= 80 && /^[\p{L}' .-]+$/u.test(s);
  const errori: Record<string, string | undefined> = {
    codiceFiscale: /^[A-Z0-9]{16}$/.test(cf) ? undefined : m.codiceFiscaleNonValido,
    nome: nomeValido(nome) ? undefined : m.nomeNonValido,
    cognome: nomeValido(cognome) ? undefined : m.cognomeNonValido,
    validaAl: fine.errore,
  };
  if (cf === ctx.utente.codiceFiscale) errori.codiceFiscale = m.seStesso;
  if (Object.values(errori).some(Boolean)) return nonValido(errori);
  const id = await db().transaction(async (tx) => {
    await tx.insert(utenti).values({ codiceFiscale: cf, nome, cognome }).onConflictDoNothing();
    const [u] = await tx.select({ id: utenti.id }).from(utenti).where(eq(utenti.codiceFiscale, cf));
    const [ab] = await tx
      .insert(abilitazioniAzienda)
      .values({ aziendaId: azienda.id, utenteId: u.id, abilitataDa: ctx.utente.id, validaDal: data, validaAl: fine.data })
      .returning({ id: abilitazioniAzienda.id });
    // Alike the other scriviAudit calls (allegati.server.ts, checklist.server.ts, domande.server.ts) (duplicates): every
    // audit row is written in full where the outcome is decided, with its own action and object
    await scriviAudit(tx, {
      utenteId: ctx.utente.id,
      ruolo: ctx.ruolo,
      azione: "abilitazione_concessa",
      oggettoTipo: "abilitazione",
      oggettoId: ab.id,
      esito: "ok",
      dettagli: { aziendaId: azienda.id, dipendenteId: u.id, validaAl: fine.data },
    });
    return ab.id;
  });
  return riuscito({ id });
}

export async function revocaAbilitazione(ctx: Contesto, abilitazioneId: number): Promise<Risultato> {
  const azienda = await aziendaAttiva(ctx);
  const aggiornate =
    azienda && Number.isSafeInteger(abilitazioneId)
      ? await db()
          .update(abilitazioniAzienda)
          .set({ revocataIl: new Date(), revocataDa: ctx.utente.id })
          .where(
            and(
              eq(abilitazioniAzienda.id, abilitazioneId),
              eq(abilitazioniAzienda.aziendaId, azienda.id),
              isNull(abilitazioniAzienda.revocataIl),
            ),
          )
          .returning({ id: abilitazioniAzienda.id, revocataIl: abilitazioniAzienda.revocataIl })
      : [];
  await scriviAudit(db(), {
    utenteId: ctx.utente.id,
    ruolo: ctx.ruolo,
    azione: "abilitazione_revocata",
    oggettoTipo: "abilitazione",
    oggettoId: Number.isSafeInteger(abilitazioneId) ? abilitazioneId : "non_valido",
    esito: aggiornate.length ? "ok" : "negato",
  });
  return aggiornate.length ? riuscito() : nonTrovato;
}
