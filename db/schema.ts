// Schema of the INPS registries ("banche dati dell'Istituto"), users, sessions and audit.
// Names follow the domain's own words. Money is always integer cents; hours in hundredths (as UniEmens).
import { sql } from "drizzle-orm";
import { STATI_DOMANDA, type StatoDomanda } from "../app/domain/stati";
import type { DocumentoRisposte } from "../app/passi";
import type { TipoAllegato } from "../app/passi/schemi/allegati";
import type { DenunciaCig } from "../app/domain/flussi/denuncia";
import {
  type AnyPgColumn,
  bigint,
  bigserial,
  boolean,
  customType,
  check,
  foreignKey,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from "drizzle-orm/pg-core";

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (v) => Buffer.from(v),
});

export const gestioneEnum = pgEnum("gestione", ["privata", "agricola"]);

export const qualificaEnum = pgEnum("qualifica", [
  "operaio",
  "impiegato",
  "quadro",
  "dirigente",
  "apprendista",
  "oti",
  "otd",
]);

export const tipoContrattoEnum = pgEnum("tipo_contratto", [
  "tempo_indeterminato",
  "tempo_determinato",
  "apprendistato",
  "stagionale",
]);

export const ruoloEnum = pgEnum("ruolo", [
  "datore",
  "intermediario",
  "operatore_sede",
  "dirigente_sede",
]);

export const sedi = pgTable(
  "sedi",
  {
    codice: varchar("codice", { length: 4 }).primaryKey(),
    nome: text("nome").notNull(),
    regione: text("regione").notNull(),
  },
  (t) => [check("sedi_codice_formato", sql`${t.codice} ~ '^[0-9]{4}$'`)],
);

/** INPS-managed bilateral solidarity funds (art. 26 d.lgs. 148/2015). */
export const fondiSolidarieta = pgTable("fondi_solidarieta", {
  codice: varchar("codice", { length: 32 }).primaryKey(),
  nome: text("nome").notNull(),
});

export const aziende = pgTable(
  "aziende",
  {
    id: serial("id").primaryKey(),
    // Agricultural positions have no matricola but a CIDA (codice identificativo dell'azienda agricola).
    matricola: varchar("matricola", { length: 10 }),
    cida: varchar("cida", { length: 16 }),
    codiceFiscale: varchar("codice_fiscale", { length: 16 }).notNull(),
    ragioneSociale: text("ragione_sociale").notNull(),
    csc: varchar("csc", { length: 5 }),
    codiciAutorizzazione: text("codici_autorizzazione").array().notNull().default(sql`'{}'::text[]`),
    codiceAteco: varchar("codice_ateco", { length: 8 }),
    gestione: gestioneEnum("gestione").notNull(),
    sedeCodice: varchar("sede_codice", { length: 4 })
      .notNull()
      .references(() => sedi.codice),
    pec: text("pec").notNull(),
    telefono: text("telefono"),
    indirizzo: text("indirizzo").notNull(),
    comune: text("comune").notNull(),
    provincia: varchar("provincia", { length: 2 }).notNull(),
    cap: varchar("cap", { length: 5 }).notNull(),
    cfLegaleRappresentante: varchar("cf_legale_rappresentante", { length: 16 }).notNull(),
    forzaMediaSemestre: integer("forza_media_semestre").notNull(),
    ccnl: text("ccnl"),
    fondoSolidarietaCodice: varchar("fondo_solidarieta_codice", { length: 32 }).references(
      () => fondiSolidarieta.codice,
    ),
    versione: integer("versione").notNull().default(1),
  },
  (t) => [
    uniqueIndex("aziende_matricola_uq").on(t.matricola),
    uniqueIndex("aziende_cida_uq").on(t.cida),
    index("aziende_codice_fiscale_idx").on(t.codiceFiscale),
    index("aziende_cf_legale_rappresentante_idx").on(t.cfLegaleRappresentante),
    index("aziende_sede_idx").on(t.sedeCodice),
    // Part of the company name, typed in the desk's queue and the portfolio search (ILIKE '%…%'): trigrams (pg_trgm,
    // created by the migration; loaded into the embedded PGlite by db/client.ts).
    index("aziende_ragione_sociale_trgm_idx").using("gin", sql`${t.ragioneSociale} gin_trgm_ops`),
    check("aziende_matricola_formato", sql`${t.matricola} is null or ${t.matricola} ~ '^[0-9]{10}$'`),
    check("aziende_identificativo", sql`${t.matricola} is not null or ${t.cida} is not null`),
    check("aziende_cf_formato", sql`${t.codiceFiscale} ~ '^([0-9]{11}|[A-Z0-9]{16})$'`),
    check("aziende_csc_formato", sql`${t.csc} is null or ${t.csc} ~ '^[0-9]{5}$'`),
    check("aziende_forza_media", sql`${t.forzaMediaSemestre} >= 0`),
  ],
);

export const unitaProduttive = pgTable(
  "unita_produttive",
  {
    id: serial("id").primaryKey(),
    aziendaId: integer("azienda_id")
      .notNull()
      .references(() => aziende.id),
    codice: varchar("codice", { length: 16 }).notNull(),
    denominazione: text("denominazione").notNull(),
    indirizzo: text("indirizzo").notNull(),
    comune: text("comune").notNull(),
    codiceCatastale: varchar("codice_catastale", { length: 4 }).notNull(),
    provincia: varchar("provincia", { length: 2 }).notNull(),
    cap: varchar("cap", { length: 5 }).notNull(),
    attivita: text("attivita").notNull(),
  },
  (t) => [
    uniqueIndex("unita_produttive_azienda_codice_uq").on(t.aziendaId, t.codice),
    check("unita_produttive_belfiore", sql`${t.codiceCatastale} ~ '^[A-Z][0-9]{3}$'`),
  ],
);

export const lavoratori = pgTable(
  "lavoratori",
  {
    id: serial("id").primaryKey(),
    codiceFiscale: varchar("codice_fiscale", { length: 16 }).notNull(),
    cognome: text("cognome").notNull(),
    nome: text("nome").notNull(),
    dataNascita: date("data_nascita").notNull(),
    sesso: varchar("sesso", { length: 1 }).notNull(),
    iban: varchar("iban", { length: 34 }),
    // From the INPS archives (msg INPS 1508/2020): a pension or a court order (deductions in favour of a separated or
    // divorced spouse) stops the automatic payment of a direct-payment benefit until a person checks it.
    titolarePensione: boolean("titolare_pensione").notNull().default(false),
    trattenuteGiudiziali: boolean("trattenute_giudiziali").notNull().default(false),
  },
  (t) => [
    uniqueIndex("lavoratori_cf_uq").on(t.codiceFiscale),
    check("lavoratori_sesso", sql`${t.sesso} in ('M','F')`),
  ],
);

export const rapportiLavoro = pgTable(
  "rapporti_lavoro",
  {
    id: serial("id").primaryKey(),
    lavoratoreId: integer("lavoratore_id")
      .notNull()
      .references(() => lavoratori.id),
    unitaProduttivaId: integer("unita_produttiva_id")
      .notNull()
      .references(() => unitaProduttive.id),
    qualifica: qualificaEnum("qualifica").notNull(),
    tipoContratto: tipoContrattoEnum("tipo_contratto").notNull(),
    dataAssunzione: date("data_assunzione").notNull(),
    dataCessazione: date("data_cessazione"),
    // Contractual weekly hours in hundredths, as UniEmens OrarioContrattuale (4000 = 40 h).
    orarioSettimanaleCentesimi: integer("orario_settimanale_centesimi").notNull(),
    // Null for full-time; otherwise 1..99.
    percentualePartTime: smallint("percentuale_part_time"),
  },
  (t) => [
    index("rapporti_lavoro_unita_idx").on(t.unitaProduttivaId),
    index("rapporti_lavoro_lavoratore_idx").on(t.lavoratoreId),
    check("rapporti_lavoro_orario", sql`${t.orarioSettimanaleCentesimi} between 0 and 6000`),
    check(
      "rapporti_lavoro_part_time",
      sql`${t.percentualePartTime} is null or ${t.percentualePartTime} between 1 and 99`,
    ),
    check(
      "rapporti_lavoro_date",
      sql`${t.dataCessazione} is null or ${t.dataCessazione} >= ${t.dataAssunzione}`,
    ),
  ],
);

/** Days worked per calendar year by agricultural workers (CISOA: OTI with more than 180 days). */
export const giornateAgricole = pgTable(
  "giornate_agricole",
  {
    rapportoId: integer("rapporto_id")
      .notNull()
      .references(() => rapportiLavoro.id),
    anno: smallint("anno").notNull(),
    giornate: smallint("giornate").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.rapportoId, t.anno] }),
    check("giornate_agricole_range", sql`${t.giornate} between 0 and 366`),
  ],
);

/**
 * One row: the version of the registry data the workers' eligibility is computed from (lavoratori, rapporti_lavoro,
 * giornate_agricole). Statement-level triggers (migration 0003) add one on every change of those tables, so a cached
 * evaluation keyed by this version is never served after the data it was computed from changed.
 */
export const versioneRegistri = pgTable(
  "versione_registri",
  {
    id: smallint("id").primaryKey().default(1),
    versione: bigint("versione", { mode: "number" }).notNull().default(0),
  },
  (t) => [check("versione_registri_una_riga", sql`${t.id} = 1`)],
);

/** UniEmens monthly data of one worker's employment (competenza = first day of the month). */
export const uniemensMensili = pgTable(
  "uniemens_mensili",
  {
    rapportoId: integer("rapporto_id")
      .notNull()
      .references(() => rapportiLavoro.id),
    competenza: date("competenza").notNull(),
    oreLavorabiliCentesimi: integer("ore_lavorabili_centesimi").notNull(),
    oreLavorateCentesimi: integer("ore_lavorate_centesimi").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.rapportoId, t.competenza] }),
    check("uniemens_competenza_mese", sql`extract(day from ${t.competenza}) = 1`),
    check(
      "uniemens_ore",
      sql`${t.oreLavorabiliCentesimi} >= 0 and ${t.oreLavorateCentesimi} >= 0`,
    ),
  ],
);

/** CIG hours reported per day in UniEmens, with the event code and the ticket of the domanda ("fruito"). */
export const uniemensEventiCig = pgTable(
  "uniemens_eventi_cig",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    rapportoId: integer("rapporto_id")
      .notNull()
      .references(() => rapportiLavoro.id),
    giorno: date("giorno").notNull(),
    codiceEvento: varchar("codice_evento", { length: 8 }).notNull(),
    oreCentesimi: integer("ore_centesimi").notNull(),
    ticket: varchar("ticket", { length: 32 }),
  },
  (t) => [
    index("uniemens_eventi_rapporto_giorno_idx").on(t.rapportoId, t.giorno),
    index("uniemens_eventi_ticket_idx").on(t.ticket),
    check("uniemens_eventi_ore", sql`${t.oreCentesimi} between 1 and 2400`),
  ],
);

export const utenti = pgTable(
  "utenti",
  {
    id: serial("id").primaryKey(),
    codiceFiscale: varchar("codice_fiscale", { length: 16 }).notNull(),
    nome: text("nome").notNull(),
    cognome: text("cognome").notNull(),
    email: text("email"),
  },
  (t) => [uniqueIndex("utenti_cf_uq").on(t.codiceFiscale)],
);

export const ruoliUtente = pgTable(
  "ruoli_utente",
  {
    utenteId: integer("utente_id")
      .notNull()
      .references(() => utenti.id),
    ruolo: ruoloEnum("ruolo").notNull(),
  },
  (t) => [primaryKey({ columns: [t.utenteId, t.ruolo] })],
);

export const statoDelegaEnum = pgEnum("stato_delega", ["richiesta", "attiva", "rifiutata", "revocata"]);

/**
 * Delega of an intermediary (L. 12/1979) on one company's position, valid on [validaDal, validaAl] while attiva.
 * Its life (app/domain/deleghe.ts): requested by the intermediary and confirmed or refused by the company's legal
 * representative, or declared by the intermediary (modalità "dichiarazione", record kept); revoked by either side.
 * Rows from before (the seed's registry) are attiva with no modalità.
 */
export const deleghe = pgTable(
  "deleghe",
  {
    id: serial("id").primaryKey(),
    intermediarioId: integer("intermediario_id")
      .notNull()
      .references(() => utenti.id),
    aziendaId: integer("azienda_id")
      .notNull()
      .references(() => aziende.id),
    validaDal: date("valida_dal").notNull(),
    validaAl: date("valida_al"),
    stato: statoDelegaEnum("stato").notNull().default("attiva"),
    modalita: varchar("modalita", { length: 16 }).$type<"conferma" | "dichiarazione">(),
    // When the intermediary asked or declared it; null for the registry's rows (the seed), which have no request.
    richiestaIl: timestamp("richiesta_il", { withTimezone: true }),
    decisaIl: timestamp("decisa_il", { withTimezone: true }),
    decisaDa: integer("decisa_da").references(() => utenti.id),
    revocataIl: timestamp("revocata_il", { withTimezone: true }),
    revocataDa: integer("revocata_da").references(() => utenti.id),
  },
  (t) => [
    index("deleghe_intermediario_azienda_idx").on(t.intermediarioId, t.aziendaId),
    index("deleghe_azienda_idx").on(t.aziendaId),
    check("deleghe_date", sql`${t.validaAl} is null or ${t.validaAl} >= ${t.validaDal}`),
    check("deleghe_modalita", sql`${t.modalita} is null or ${t.modalita} in ('conferma','dichiarazione')`),
    // At most one request waiting for the company's answer per intermediary and company.
    uniqueIndex("deleghe_richiesta_uq").on(t.intermediarioId, t.aziendaId).where(sql`${t.stato} = 'richiesta'`),
  ],
);

/**
 * Sub-abilitazione: an employee the company's legal representative enables to act in the company's name (the same acts
 * as the employer's profile, for that company only; never the deleghe). Valid until validaAl and while not revoked.
 */
export const abilitazioniAzienda = pgTable(
  "abilitazioni_azienda",
  {
    id: serial("id").primaryKey(),
    aziendaId: integer("azienda_id")
      .notNull()
      .references(() => aziende.id),
    utenteId: integer("utente_id")
      .notNull()
      .references(() => utenti.id),
    abilitataDa: integer("abilitata_da")
      .notNull()
      .references(() => utenti.id),
    abilitataIl: timestamp("abilitata_il", { withTimezone: true }).notNull().defaultNow(),
    validaDal: date("valida_dal").notNull(),
    validaAl: date("valida_al"),
    revocataIl: timestamp("revocata_il", { withTimezone: true }),
    revocataDa: integer("revocata_da").references(() => utenti.id),
  },
  (t) => [
    index("abilitazioni_azienda_utente_idx").on(t.utenteId),
    index("abilitazioni_azienda_azienda_idx").on(t.aziendaId),
    check("abilitazioni_azienda_date", sql`${t.validaAl} is null or ${t.validaAl} >= ${t.validaDal}`),
  ],
);

/** Offices an operator or office manager works for. */
export const abilitazioniSede = pgTable(
  "abilitazioni_sede",
  {
    utenteId: integer("utente_id")
      .notNull()
      .references(() => utenti.id),
    sedeCodice: varchar("sede_codice", { length: 4 })
      .notNull()
      .references(() => sedi.codice),
  },
  (t) => [primaryKey({ columns: [t.utenteId, t.sedeCodice] })],
);

/** Sessions the Lucia way: the id is the SHA-256 of the cookie token, never the token itself. */
export const sessioni = pgTable(
  "sessioni",
  {
    id: varchar("id", { length: 64 }).primaryKey(),
    utenteId: integer("utente_id")
      .notNull()
      .references(() => utenti.id),
    creataIl: timestamp("creata_il", { withTimezone: true }).notNull(),
    ultimaAttivita: timestamp("ultima_attivita", { withTimezone: true }).notNull(),
    scadeIl: timestamp("scade_il", { withTimezone: true }).notNull(),
    csrfToken: varchar("csrf_token", { length: 64 }).notNull(),
    // The role and company the user chose to act as (null until chosen).
    ruoloAttivo: ruoloEnum("ruolo_attivo"),
    aziendaAttivaId: integer("azienda_attiva_id").references(() => aziende.id),
  },
  (t) => [index("sessioni_utente_idx").on(t.utenteId)],
);

/** Append-only audit log (a trigger refuses UPDATE and DELETE). No secrets, no personal data in free text. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    quando: timestamp("quando", { withTimezone: true }).notNull().defaultNow(),
    utenteId: integer("utente_id"),
    ruolo: ruoloEnum("ruolo"),
    azione: varchar("azione", { length: 64 }).notNull(),
    oggettoTipo: varchar("oggetto_tipo", { length: 32 }),
    oggettoId: varchar("oggetto_id", { length: 64 }),
    esito: varchar("esito", { length: 16 }).notNull(),
    dettagli: jsonb("dettagli").$type<Record<string, unknown>>(),
  },
  (t) => [
    index("audit_log_utente_idx").on(t.utenteId, t.quando),
    index("audit_log_oggetto_idx").on(t.oggettoTipo, t.oggettoId),
    check("audit_log_esito", sql`${t.esito} in ('ok','negato','errore')`),
  ],
);

export type Azienda = typeof aziende.$inferSelect;
export type UnitaProduttiva = typeof unitaProduttive.$inferSelect;
export type Lavoratore = typeof lavoratori.$inferSelect;
export type RapportoLavoro = typeof rapportiLavoro.$inferSelect;
export type Utente = typeof utenti.$inferSelect;
export type Ruolo = (typeof ruoloEnum.enumValues)[number];

// ---------------------------------------------------------------------------------------------------------------
// Domande (applications). The state machine of ARCHITECTURE.md: bozza → inviata → in_istruttoria ⇄ sospesa →
// autorizzata | autorizzata_parziale | respinta; bozza → eliminata (row deleted); inviata → rinunciata.

// The states are declared once, with their transitions, in the rules module (app/domain/stati.ts).
export const statoDomandaEnum = pgEnum("stato_domanda", STATI_DOMANDA);

export const prestazioneEnum = pgEnum("prestazione", ["CIGO", "AIS_FIS", "AIS_FONDO", "CISOA"]);

export const domande = pgTable(
  "domande",
  {
    id: serial("id").primaryKey(),
    aziendaId: integer("azienda_id")
      .notNull()
      .references(() => aziende.id),
    prestazione: prestazioneEnum("prestazione").notNull(),
    fondoCodice: varchar("fondo_codice", { length: 32 }),
    // The user chose a benefit the routing did not suggest: the Sede sees it.
    prestazioneNonSuggerita: boolean("prestazione_non_suggerita").notNull().default(false),
    unitaProduttivaId: integer("unita_produttiva_id").references(() => unitaProduttive.id),
    stato: statoDomandaEnum("stato").notNull().default("bozza"),
    // Answers of each step, keyed by step (validated by the step's zod schema before saving).
    // Typed by the step contract (app/passi); read through leggiRisposte, which validates each step once on load.
    dati: jsonb("dati").$type<DocumentoRisposte>().notNull().default(sql`'{}'::jsonb`),
    // Denormalised from the "periodo" step for lists, overlaps and dashboards.
    dataInizio: date("data_inizio"),
    dataFine: date("data_fine"),
    protocollo: varchar("protocollo", { length: 32 }),
    ticket: varchar("ticket", { length: 32 }),
    chiaveInvio: varchar("chiave_invio", { length: 64 }),
    // The rule outcomes open at submission, frozen for the Sede.
    esitiInvio: jsonb("esiti_invio").$type<unknown[]>(),
    versione: integer("versione").notNull().default(1),
    creataDa: integer("creata_da")
      .notNull()
      .references(() => utenti.id),
    creataIl: timestamp("creata_il", { withTimezone: true }).notNull().defaultNow(),
    aggiornataIl: timestamp("aggiornata_il", { withTimezone: true }).notNull().defaultNow(),
    inviataIl: timestamp("inviata_il", { withTimezone: true }),
    // --- Istruttoria (issue 11). Written at sending and by the Sede's services; read by the queue and dashboards. ---
    // The competent sede of the case, frozen at sending (the company's sede on that day): the assignment rule and the
    // queue read it, so a later change of the company's registry data does not move a case already being examined.
    sedeCodice: varchar("sede_codice", { length: 4 }).references(() => sedi.codice),
    // Denormalised from the "periodo" step at sending: the queue filters by it.
    causale: varchar("causale", { length: 48 }),
    // How many rule outcomes of level "avviso" were open at sending (esitiInvio): the queue's "with open alerts".
    avvisiInvio: smallint("avvisi_invio").notNull().default(0),
    // Last day to decide (app/domain/istruttoria/termine-decisione.ts), including the suspensions of requests already
    // closed. Whoever opens or closes a supplemento istruttorio recomputes it; while one is open, termineSospesoDal is
    // the day it started and the deadline moves on by the days since then (termineCorrente).
    scadenzaDecisione: date("scadenza_decisione"),
    termineSospesoDal: date("termine_sospeso_dal"),
    // Presa in carico: the operator examining the case (name from utenti) and when they took it.
    operatoreId: integer("operatore_id").references(() => utenti.id),
    presaInCaricoIl: timestamp("presa_in_carico_il", { withTimezone: true }),
    // When the decision was taken (autorizzata / autorizzata_parziale / respinta): dashboards and time to decide.
    decisaIl: timestamp("decisa_il", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("domande_protocollo_uq").on(t.protocollo),
    uniqueIndex("domande_ticket_uq").on(t.ticket),
    uniqueIndex("domande_chiave_invio_uq").on(t.chiaveInvio),
    index("domande_azienda_aggiornata_idx").on(t.aziendaId, t.aggiornataIl),
    // "Le tue domande" of an intermediary with many companies, newest first: the database walks this index backwards
    // and stops at the page's 25 rows instead of sorting every domanda of a thousand companies.
    index("domande_aggiornata_idx").on(t.aggiornataIl, t.id),
    index("domande_unita_periodo_idx").on(t.unitaProduttivaId, t.dataInizio),
    index("domande_stato_idx").on(t.stato),
    // The operators' queue (open cases only): keyset pages by deadline or by sending time, per sede or pooled.
    index("domande_coda_sede_scadenza_idx")
      .on(t.sedeCodice, t.scadenzaDecisione, t.id)
      .where(sql`stato in ('inviata', 'in_istruttoria', 'sospesa')`),
    index("domande_coda_scadenza_idx")
      .on(t.scadenzaDecisione, t.id)
      .where(sql`stato in ('inviata', 'in_istruttoria', 'sospesa')`),
    index("domande_coda_sede_invio_idx")
      .on(t.sedeCodice, t.inviataIl, t.id)
      .where(sql`stato in ('inviata', 'in_istruttoria', 'sospesa')`),
    index("domande_coda_invio_idx")
      .on(t.inviataIl, t.id)
      .where(sql`stato in ('inviata', 'in_istruttoria', 'sospesa')`),
    // Workload per operator (office manager) and "assigned to me".
    index("domande_operatore_idx").on(t.operatoreId, t.stato),
    // Office statistics per sede (cases by state, decided ones by date).
    index("domande_sede_stato_idx").on(t.sedeCodice, t.stato),
    // The intermediary's portfolio: drafts and decisions per company, for a thousand companies in one query.
    index("domande_azienda_stato_idx").on(t.aziendaId, t.stato),
    index("domande_azienda_decisa_idx").on(t.aziendaId, t.decisaIl).where(sql`decisa_il is not null`),
    // Public service times per benefit: the decisions of the last 90 days and the cases waiting (no sign-in).
    index("domande_decise_prestazione_idx").on(t.prestazione, t.decisaIl).where(sql`decisa_il is not null`),
    index("domande_aperte_prestazione_idx")
      .on(t.prestazione)
      .where(sql`stato in ('inviata', 'in_istruttoria', 'sospesa')`),
    check(
      "domande_periodo",
      sql`${t.dataInizio} is null or ${t.dataFine} is null or ${t.dataFine} >= ${t.dataInizio}`,
    ),
    check("domande_inviata_protocollo", sql`${t.stato} = 'bozza' or ${t.protocollo} is not null`),
  ],
);

/** The workers a domanda asks the benefit for, chosen from UniEmens or from an uploaded list. */
export const domandaLavoratori = pgTable(
  "domanda_lavoratori",
  {
    domandaId: integer("domanda_id")
      .notNull()
      .references(() => domande.id, { onDelete: "cascade" }),
    codiceFiscale: varchar("codice_fiscale", { length: 16 }).notNull(),
    lavoratoreId: integer("lavoratore_id").references(() => lavoratori.id),
    qualifica: qualificaEnum("qualifica").notNull(),
    origine: varchar("origine", { length: 16 }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.domandaId, t.codiceFiscale] }),
    check("domanda_lavoratori_origine", sql`${t.origine} in ('uniemens','elenco')`),
  ],
);

/** Uploaded documents (PDF only), kept in the database so nothing depends on a local disk. */
export const allegati = pgTable(
  "allegati",
  {
    id: serial("id").primaryKey(),
    domandaId: integer("domanda_id")
      .notNull()
      .references(() => domande.id, { onDelete: "cascade" }),
    tipo: varchar("tipo", { length: 32 }).$type<TipoAllegato>().notNull(),
    nomeFile: text("nome_file").notNull(),
    dimensione: integer("dimensione").notNull(),
    sha256: varchar("sha256", { length: 64 }).notNull(),
    contenuto: bytea("contenuto").notNull(),
    caricatoDa: integer("caricato_da")
      .notNull()
      .references(() => utenti.id),
    caricatoIl: timestamp("caricato_il", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("allegati_domanda_idx").on(t.domandaId)],
);

/**
 * The timeline of a domanda, visible to both sides, and its message thread (issue 13): the Sede's requests, the
 * company's answers, decisions, system events, reminders and free messages both ways. `lato` is the side that wrote
 * it (a trigger fills it from the author's role when an insert leaves it out); `chiave` makes a reminder once only.
 */
export const eventiDomanda = pgTable(
  "eventi_domanda",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    domandaId: integer("domanda_id")
      .notNull()
      .references(() => domande.id, { onDelete: "cascade" }),
    quando: timestamp("quando", { withTimezone: true }).notNull().defaultNow(),
    tipo: varchar("tipo", { length: 32 }).notNull(),
    utenteId: integer("utente_id").references(() => utenti.id),
    descrizione: text("descrizione").notNull(),
    lato: varchar("lato", { length: 8 }).$type<"azienda" | "sede" | "sistema">(),
    // The body of a free message (tipo "messaggio"); the other entries say everything in descrizione.
    testo: text("testo"),
    chiave: varchar("chiave", { length: 96 }),
  },
  (t) => [
    index("eventi_domanda_idx").on(t.domandaId, t.quando),
    index("eventi_domanda_filo_idx").on(t.domandaId, t.id),
    // What the company writes to the office (the office's unread entries and inbox: app/domain/comunicazioni.ts).
    index("eventi_domanda_per_sede_idx")
      .on(t.domandaId, t.id)
      .where(sql`lato = 'azienda' and tipo in ('messaggio', 'risposta', 'rinunciata')`),
    uniqueIndex("eventi_domanda_chiave_uq").on(t.chiave),
    check("eventi_domanda_lato", sql`${t.lato} is null or ${t.lato} in ('azienda','sede','sistema')`),
    check("eventi_domanda_testo", sql`${t.testo} is null or length(${t.testo}) between 1 and 4000`),
  ],
);

/**
 * The PDFs carried by a message of a domanda's thread (issue 13), from either side; checked by content like every
 * other attachment (app/services/pdf.server.ts) and read only by who may read the thread.
 */
export const allegatiMessaggio = pgTable(
  "allegati_messaggio",
  {
    id: serial("id").primaryKey(),
    eventoId: bigint("evento_id", { mode: "number" })
      .notNull()
      .references(() => eventiDomanda.id, { onDelete: "cascade" }),
    domandaId: integer("domanda_id")
      .notNull()
      .references(() => domande.id, { onDelete: "cascade" }),
    nomeFile: text("nome_file").notNull(),
    dimensione: integer("dimensione").notNull(),
    sha256: varchar("sha256", { length: 64 }).notNull(),
    contenuto: bytea("contenuto").notNull(),
    caricatoDa: integer("caricato_da")
      .notNull()
      .references(() => utenti.id),
    caricatoIl: timestamp("caricato_il", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("allegati_messaggio_evento_idx").on(t.eventoId), index("allegati_messaggio_domanda_idx").on(t.domandaId, t.id)],
);

/** Up to which entry of a domanda's thread each side has read (per side, not per person: the office reads as one). */
export const lettureFilo = pgTable(
  "letture_filo",
  {
    domandaId: integer("domanda_id")
      .notNull()
      .references(() => domande.id, { onDelete: "cascade" }),
    lato: varchar("lato", { length: 8 }).$type<"azienda" | "sede">().notNull(),
    ultimoEventoId: bigint("ultimo_evento_id", { mode: "number" }).notNull(),
    lettoIl: timestamp("letto_il", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.domandaId, t.lato] }), check("letture_filo_lato", sql`${t.lato} in ('azienda','sede')`)],
);

/**
 * How many entries of a domanda's thread each side has not read (the rule of NON_LETTI, app/domain/comunicazioni.ts),
 * kept at write time by triggers in the transaction that writes an entry or a read mark (migration 0019): the headers'
 * count on every page, the inboxes and the portfolio read these rows instead of counting the timeline. `aziendaId` is
 * the domanda's company (never changes) and, on the office's rows, `sedeCodice` its sede (copied again by a trigger if
 * the domanda moves to another sede), so each side counts through its own index without reading the domande.
 */
export const nonLettiFilo = pgTable(
  "non_letti_filo",
  {
    domandaId: integer("domanda_id")
      .notNull()
      .references(() => domande.id, { onDelete: "cascade" }),
    lato: varchar("lato", { length: 8 }).$type<"azienda" | "sede">().notNull(),
    aziendaId: integer("azienda_id")
      .notNull()
      .references(() => aziende.id),
    sedeCodice: varchar("sede_codice", { length: 4 }),
    nonLetti: integer("non_letti").notNull().default(0),
    // The inboxes' order (most recent activity first): the company's side, the thread's last entry; the office's, the
    // last entry that counts for it.
    ultimoEventoId: bigint("ultimo_evento_id", { mode: "number" }),
  },
  (t) => [
    primaryKey({ columns: [t.domandaId, t.lato] }),
    check("non_letti_filo_lato", sql`${t.lato} in ('azienda','sede')`),
    check("non_letti_filo_positivo", sql`${t.nonLetti} >= 0`),
    // The headers' counts and the portfolio's column, by company or by sede: only the threads with something new.
    index("non_letti_filo_azienda_idx").on(t.aziendaId, t.nonLetti).where(sql`lato = 'azienda' and non_letti > 0`),
    index("non_letti_filo_sede_idx").on(t.sedeCodice, t.nonLetti).where(sql`lato = 'sede' and non_letti > 0`),
    // The inboxes: a company's or a sede's threads by latest activity.
    index("non_letti_filo_casella_idx").on(t.aziendaId, t.ultimoEventoId).where(sql`lato = 'azienda'`),
    index("non_letti_filo_casella_sede_idx").on(t.sedeCodice, t.ultimoEventoId).where(sql`lato = 'sede'`),
    // A studio's inbox: the company side's newest threads first, kept if of the studio's companies (filo.server.ts).
    index("non_letti_filo_ultimi_idx").on(t.ultimoEventoId).where(sql`lato = 'azienda'`),
  ],
);

/**
 * The development mail sink (no SMTP_URL configured): what the platform's e-mails would have delivered, as received
 * over SMTP by the local sink (app/services/posta/pozzo.server.ts). Never used with a real mail server.
 */
export const postaPozzo = pgTable(
  "posta_pozzo",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    ricevutaIl: timestamp("ricevuta_il", { withTimezone: true }).notNull().defaultNow(),
    mittente: text("mittente").notNull(),
    destinatari: text("destinatari").array().notNull(),
    oggetto: text("oggetto").notNull(),
    testo: text("testo").notNull(),
    messageId: text("message_id"),
  },
  (t) => [index("posta_pozzo_ricevuta_idx").on(t.ricevutaIl)],
);

/**
 * Internal notes of the Sede on a case: never shown to the company. Append-only (a note is added, never edited), so
 * two operators writing at once both keep theirs.
 */
export const noteIstruttoria = pgTable(
  "note_istruttoria",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    domandaId: integer("domanda_id")
      .notNull()
      .references(() => domande.id, { onDelete: "cascade" }),
    autoreId: integer("autore_id")
      .notNull()
      .references(() => utenti.id),
    testo: text("testo").notNull(),
    creataIl: timestamp("creata_il", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("note_istruttoria_domanda_idx").on(t.domandaId, t.creataIl),
    check("note_istruttoria_testo", sql`length(${t.testo}) between 1 and 4000`),
  ],
);

/**
 * The manual checklist of a case (D.M. 95442/2016; the items come from app/domain/istruttoria/checklist.ts): one row
 * per item once an operator saved it; no row = "da verificare". Each item has its own version (optimistic locking):
 * two operators saving different items do not conflict, two saving the same one do. Never shown to the company.
 */
export const checklistIstruttoria = pgTable(
  "checklist_istruttoria",
  {
    domandaId: integer("domanda_id")
      .notNull()
      .references(() => domande.id, { onDelete: "cascade" }),
    chiave: varchar("chiave", { length: 32 }).notNull(),
    stato: varchar("stato", { length: 16 }).notNull(),
    nota: text("nota"),
    versione: integer("versione").notNull().default(1),
    aggiornataDa: integer("aggiornata_da")
      .notNull()
      .references(() => utenti.id),
    aggiornataIl: timestamp("aggiornata_il", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.domandaId, t.chiave] }),
    check("checklist_istruttoria_stato", sql`${t.stato} in ('da_verificare','verificato','non_verificato','non_pertinente')`),
    check("checklist_istruttoria_nota", sql`${t.nota} is null or length(${t.nota}) <= 2000`),
  ],
);

/** Protocol counters per year: a row lock makes numbers unique and never reused under concurrency. */
export const contatoriProtocollo = pgTable("contatori_protocollo", {
  anno: smallint("anno").primaryKey(),
  ultimo: integer("ultimo").notNull(),
});

export type Domanda = typeof domande.$inferSelect;
export type { StatoDomanda };

// ---------------------------------------------------------------------------------------------------------------
// Istruttoria: interlocuzione with the company and the decision acts (issue 11; docs/regole.md §12, §16, §18).

/**
 * A request of the Sede to the company from inside the case: a supplemento istruttorio (art. 11 c.2 D.M. 95442/2016)
 * or a request for documents (verification of self-declarations, art. 71 DPR 445/2000). The company receives it on
 * the platform the day it is sent (ricevutaIl) and has until scadenza (15 days, app/domain/istruttoria/interlocuzione.ts)
 * to answer. At most one request is open per domanda (the case is "sospesa" while it is).
 */
export const richiesteIstruttoria = pgTable(
  "richieste_istruttoria",
  {
    id: serial("id").primaryKey(),
    domandaId: integer("domanda_id")
      .notNull()
      .references(() => domande.id, { onDelete: "cascade" }),
    tipo: varchar("tipo", { length: 32 }).$type<"supplemento_istruttorio" | "documentale">().notNull(),
    testo: text("testo").notNull(),
    // The documents asked, one per item (may be empty for a supplemento that asks only for information).
    documentiRichiesti: text("documenti_richiesti").array().notNull().default(sql`'{}'::text[]`),
    ricevutaIl: date("ricevuta_il").notNull(),
    scadenza: date("scadenza").notNull(),
    stato: varchar("stato", { length: 16 }).$type<"aperta" | "risposta" | "scaduta" | "chiusa">().notNull().default("aperta"),
    creataDa: integer("creata_da")
      .notNull()
      .references(() => utenti.id),
    creataIl: timestamp("creata_il", { withTimezone: true }).notNull().defaultNow(),
    rispostaTesto: text("risposta_testo"),
    rispostaIl: date("risposta_il"),
    rispostaDa: integer("risposta_da").references(() => utenti.id),
    rispostaQuando: timestamp("risposta_quando", { withTimezone: true }),
    // Closed by the operator before the deadline, or expired (by the job or the operator), without an answer.
    chiusaIl: date("chiusa_il"),
    chiusaDa: integer("chiusa_da").references(() => utenti.id),
  },
  (t) => [
    index("richieste_istruttoria_domanda_idx").on(t.domandaId, t.id),
    // The expiry job walks the open requests by deadline.
    index("richieste_istruttoria_aperte_idx").on(t.scadenza).where(sql`stato = 'aperta'`),
    uniqueIndex("richieste_istruttoria_una_aperta_uq").on(t.domandaId).where(sql`stato = 'aperta'`),
    check("richieste_istruttoria_tipo", sql`${t.tipo} in ('supplemento_istruttorio','documentale')`),
    check("richieste_istruttoria_stato", sql`${t.stato} in ('aperta','risposta','scaduta','chiusa')`),
    check("richieste_istruttoria_testo", sql`length(${t.testo}) between 1 and 4000`),
    check("richieste_istruttoria_scadenza", sql`${t.scadenza} >= ${t.ricevutaIl}`),
    check(
      "richieste_istruttoria_risposta",
      sql`(${t.stato} = 'risposta') = (${t.rispostaIl} is not null and ${t.rispostaTesto} is not null)`,
    ),
  ],
);

/** The PDFs the company sends with its answer (checked as the domanda's attachments: app/services/pdf.server.ts). */
export const allegatiRisposta = pgTable(
  "allegati_risposta",
  {
    id: serial("id").primaryKey(),
    richiestaId: integer("richiesta_id")
      .notNull()
      .references(() => richiesteIstruttoria.id, { onDelete: "cascade" }),
    domandaId: integer("domanda_id")
      .notNull()
      .references(() => domande.id, { onDelete: "cascade" }),
    nomeFile: text("nome_file").notNull(),
    dimensione: integer("dimensione").notNull(),
    sha256: varchar("sha256", { length: 64 }).notNull(),
    contenuto: bytea("contenuto").notNull(),
    caricatoDa: integer("caricato_da")
      .notNull()
      .references(() => utenti.id),
    caricatoIl: timestamp("caricato_il", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("allegati_risposta_richiesta_idx").on(t.richiestaId), index("allegati_risposta_domanda_idx").on(t.domandaId)],
);

/**
 * The decision acts (provvedimenti). Final: a trigger refuses UPDATE and DELETE (migration), so a correction is a new
 * act whose rettificaDi names the one it corrects (at most one correction per act: the chain stays linear). The
 * authorised data are structured for the payment-flow checks and the dashboards: period, days, hours, payment method,
 * the workers (provvedimenti_lavoratori) and each exclusion with its reason.
 */
export const provvedimenti = pgTable(
  "provvedimenti",
  {
    id: serial("id").primaryKey(),
    domandaId: integer("domanda_id")
      .notNull()
      .references(() => domande.id),
    // Authorisation number, linked to the ticket: <ticket>-<progressivo dell'atto> (also for a rejection, which
    // authorises nothing: the number then identifies the act).
    numero: varchar("numero", { length: 48 }).notNull(),
    ticket: varchar("ticket", { length: 32 }).notNull(),
    esito: varchar("esito", { length: 24 }).$type<"autorizzata" | "autorizzata_parziale" | "respinta">().notNull(),
    motivazione: text("motivazione").notNull(),
    perCarenzaElementi: boolean("per_carenza_elementi").notNull().default(false),
    periodoInizio: date("periodo_inizio"),
    periodoFine: date("periodo_fine"),
    // Weather causes and CISOA: the authorised days (null when the domanda asks a period).
    giorni: date("giorni").array(),
    oreAutorizzate: integer("ore_autorizzate"),
    modalitaPagamento: varchar("modalita_pagamento", { length: 16 }).$type<"conguaglio" | "diretto">(),
    // What a partial authorisation excludes and why (app/domain/istruttoria/decisione.ts, type Esclusione).
    esclusioni: jsonb("esclusioni").$type<unknown[]>().notNull().default(sql`'[]'::jsonb`),
    rettificaDi: integer("rettifica_di").references((): AnyPgColumn => provvedimenti.id),
    sedeCodice: varchar("sede_codice", { length: 4 }).references(() => sedi.codice),
    dataDecisione: date("data_decisione").notNull(),
    decisoDa: integer("deciso_da")
      .notNull()
      .references(() => utenti.id),
    decisoIl: timestamp("deciso_il", { withTimezone: true }).notNull().defaultNow(),
    // The PDF as issued: what the company received stays the same whatever changes later in the code.
    pdf: bytea("pdf").notNull(),
    pdfSha256: varchar("pdf_sha256", { length: 64 }).notNull(),
  },
  (t) => [
    uniqueIndex("provvedimenti_numero_uq").on(t.numero),
    uniqueIndex("provvedimenti_rettifica_di_uq").on(t.rettificaDi),
    index("provvedimenti_domanda_idx").on(t.domandaId, t.id),
    index("provvedimenti_ticket_idx").on(t.ticket),
    check("provvedimenti_esito", sql`${t.esito} in ('autorizzata','autorizzata_parziale','respinta')`),
    check("provvedimenti_motivazione", sql`length(${t.motivazione}) between 1 and 20000`),
    check("provvedimenti_periodo", sql`${t.periodoFine} is null or ${t.periodoInizio} is null or ${t.periodoFine} >= ${t.periodoInizio}`),
    check("provvedimenti_ore", sql`${t.oreAutorizzate} is null or ${t.oreAutorizzate} > 0`),
    check(
      "provvedimenti_autorizzato",
      sql`${t.esito} = 'respinta' or (${t.periodoInizio} is not null and ${t.oreAutorizzate} is not null)`,
    ),
    check("provvedimenti_modalita", sql`${t.modalitaPagamento} is null or ${t.modalitaPagamento} in ('conguaglio','diretto')`),
  ],
);

/** The workers an act authorises (none for a rejection): the payment flows are checked against these rows. */
export const provvedimentiLavoratori = pgTable(
  "provvedimenti_lavoratori",
  {
    provvedimentoId: integer("provvedimento_id")
      .notNull()
      .references(() => provvedimenti.id),
    codiceFiscale: varchar("codice_fiscale", { length: 16 }).notNull(),
    lavoratoreId: integer("lavoratore_id").references(() => lavoratori.id),
  },
  (t) => [
    primaryKey({ columns: [t.provvedimentoId, t.codiceFiscale] }),
    index("provvedimenti_lavoratori_cf_idx").on(t.codiceFiscale),
  ],
);

export type RichiestaIstruttoriaRiga = typeof richiesteIstruttoria.$inferSelect;
export type Provvedimento = typeof provvedimenti.$inferSelect;

/**
 * The UniEmens-Cig flows received for direct payment (art. 7 c.5-bis d.lgs. 148/2015): one row per file sent, with
 * its totals. A dry run ("verifica senza inviare") stores nothing, so it has no row.
 */
export const flussiCig = pgTable(
  "flussi_cig",
  {
    id: serial("id").primaryKey(),
    inviatoDa: integer("inviato_da")
      .notNull()
      .references(() => utenti.id),
    ruolo: varchar("ruolo", { length: 24 }).notNull(),
    nomeFile: varchar("nome_file", { length: 255 }).notNull(),
    formato: varchar("formato", { length: 4 }).$type<"xml" | "csv">().notNull(),
    versioneSchema: varchar("versione_schema", { length: 40 }).notNull(),
    // caricamento while a large file is being stored (file_flussi_cig); in_coda once stored whole, waiting for its job;
    // in_corso while rows are being checked and stored; completato; interrotto when the file stopped being readable
    // (the rows accepted before the stop stay accepted, the report says where it stopped).
    stato: varchar("stato", { length: 16 }).$type<"caricamento" | "in_coda" | "in_corso" | "completato" | "interrotto">().notNull(),
    // The company the employer was acting for when sending (null for an intermediary): the job acts as the same person.
    aziendaId: integer("azienda_id").references(() => aziende.id),
    // Files above the synchronous limit: the returns counted while the file was stored (the progress page's "of N").
    denunceAttese: integer("denunce_attese"),
    denunce: integer("denunce").notNull().default(0),
    accolte: integer("accolte").notNull().default(0),
    scartate: integer("scartate").notNull().default(0),
    conAvvisi: integer("con_avvisi").notNull().default(0),
    ricevutoIl: timestamp("ricevuto_il", { withTimezone: true }).notNull().defaultNow(),
    completatoIl: timestamp("completato_il", { withTimezone: true }),
  },
  (t) => [
    index("flussi_cig_inviato_da_idx").on(t.inviatoDa, t.id),
    check("flussi_cig_formato", sql`${t.formato} in ('xml','csv')`),
    check("flussi_cig_stato", sql`${t.stato} in ('caricamento','in_coda','in_corso','completato','interrotto')`),
  ],
);

/**
 * The bytes of a flow above the synchronous limit, stored in parts of about 1 MB before its job starts, so that a
 * crash or restart finds the whole file again; deleted when the flow is completed.
 */
export const fileFlussiCig = pgTable(
  "file_flussi_cig",
  {
    flussoId: integer("flusso_id")
      .notNull()
      .references(() => flussiCig.id, { onDelete: "cascade" }),
    parte: integer("parte").notNull(),
    dati: bytea("dati").notNull(),
  },
  (t) => [primaryKey({ columns: [t.flussoId, t.parte] })],
);

/**
 * The companies a flow carried returns for (those the sender may act for): the offices competent for them may follow
 * the progress of a large flow.
 */
export const flussiCigAziende = pgTable(
  "flussi_cig_aziende",
  {
    flussoId: integer("flusso_id")
      .notNull()
      .references(() => flussiCig.id, { onDelete: "cascade" }),
    aziendaId: integer("azienda_id")
      .notNull()
      .references(() => aziende.id),
  },
  (t) => [primaryKey({ columns: [t.flussoId, t.aziendaId] }), index("flussi_cig_aziende_azienda_idx").on(t.aziendaId)],
);

/**
 * The domande a flow has accepted returns for, with their companies: one row per flow and domanda, written with the
 * batch that first accepts a return of that domanda. The returns refer to it with one composite foreign key instead of
 * one key each to the flow, the company and the domanda: PostgreSQL checks a foreign key row by row (a query and a row
 * lock each), and the three checks were more than half of the time of writing a batch of 500 returns (ADR 038).
 */
export const flussiCigDomande = pgTable(
  "flussi_cig_domande",
  {
    flussoId: integer("flusso_id")
      .notNull()
      .references(() => flussiCig.id),
    domandaId: integer("domanda_id")
      .notNull()
      .references(() => domande.id),
    aziendaId: integer("azienda_id")
      .notNull()
      .references(() => aziende.id),
  },
  // The domanda's index serves the foreign key check when a draft is discarded.
  (t) => [primaryKey({ columns: [t.flussoId, t.domandaId, t.aziendaId] }), index("flussi_cig_domande_domanda_idx").on(t.domandaId)],
);

/**
 * The accepted returns (denunce). The key of the INPS elimination service is unique among the returns not withdrawn,
 * so the same return can never be accepted twice, whatever the order or concurrency of the flows.
 */
export const denunceCig = pgTable(
  "denunce_cig",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    // Flow, company and domanda: checked together by the foreign key to flussi_cig_domande (below).
    flussoId: integer("flusso_id").notNull(),
    riga: integer("riga").notNull(),
    chiave: varchar("chiave", { length: 80 }).notNull(),
    aziendaId: integer("azienda_id").notNull(),
    domandaId: integer("domanda_id").notNull(),
    ticket: varchar("ticket", { length: 32 }).notNull(),
    codiceFiscale: varchar("codice_fiscale", { length: 16 }).notNull(),
    competenza: date("competenza").notNull(),
    oreCentesimi: integer("ore_centesimi").notNull(),
    iban: varchar("iban", { length: 34 }).notNull(),
    // The return as read (canonical model, app/domain/flussi/denuncia.ts) and its warnings. Partial: a field added to the
    // model later (RetribOraria) is absent from the rows written before it.
    dati: jsonb("dati").$type<Partial<DenunciaCig>>().notNull(),
    avvisi: jsonb("avvisi").$type<Array<{ codice: string; messaggio: string }>>().notNull().default(sql`'[]'::jsonb`),
    eliminataIl: timestamp("eliminata_il", { withTimezone: true }),
    eliminataDa: integer("eliminata_da").references(() => utenti.id),
  },
  (t) => [
    uniqueIndex("denunce_cig_chiave_attiva_uq").on(t.chiave).where(sql`${t.eliminataIl} is null`),
    // The returns of a ticket (the cruscotto's days used); the hours per ticket and flow are in ore_ticket_flussi_cig.
    index("denunce_cig_ticket_flusso_idx").on(t.ticket, t.flussoId),
    // A flow's live returns in the order they were written: the matching after a flow walks them 500 at a time by id
    // (app/services/pagamenti/abbinamento.server.ts); on (flusso_id, riga) each step read the whole flow to sort it.
    // Partial like the query, or the planner reads the whole partial key index for "eliminata_il is null" instead.
    index("denunce_cig_flusso_id_vive_idx").on(t.flussoId, t.id).where(sql`${t.eliminataIl} is null`),
    check("denunce_cig_ore", sql`${t.oreCentesimi} >= 0`),
    foreignKey({
      name: "denunce_cig_flusso_domanda_fk",
      columns: [t.flussoId, t.domandaId, t.aziendaId],
      foreignColumns: [flussiCigDomande.flussoId, flussiCigDomande.domandaId, flussiCigDomande.aziendaId],
    }),
  ],
);

/**
 * The hours each flow has accepted on a ticket (returns not withdrawn), kept by triggers on denunce_cig (migration
 * 0024) in the statement that writes the returns, so every way of writing them (a flow's batch, a withdrawal, seeds,
 * tests) keeps it exact. A batch reads the hours of the other flows on its tickets here, a few rows per ticket,
 * instead of summing every earlier return on them (100,000 rows of an earlier large flow at each batch).
 */
export const oreTicketFlussiCig = pgTable(
  "ore_ticket_flussi_cig",
  {
    ticket: varchar("ticket", { length: 32 }).notNull(),
    flussoId: integer("flusso_id")
      .notNull()
      .references(() => flussiCig.id, { onDelete: "cascade" }),
    oreCentesimi: bigint("ore_centesimi", { mode: "number" }).notNull().default(0),
  },
  // No check on the sign: an upsert's proposed row (the change alone, negative for a withdrawal) is checked before it
  // meets the existing one.
  (t) => [primaryKey({ columns: [t.ticket, t.flussoId] })],
);

/** The rejected rows of a flow, with their codes (the report and its CSV read them). */
export const scartiFlussoCig = pgTable(
  "scarti_flusso_cig",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    flussoId: integer("flusso_id")
      .notNull()
      .references(() => flussiCig.id),
    riga: integer("riga").notNull(),
    codice: varchar("codice", { length: 12 }).notNull(),
    messaggio: text("messaggio").notNull(),
  },
  (t) => [index("scarti_flusso_cig_flusso_idx").on(t.flussoId, t.riga, t.id)],
);

/**
 * Keys of the flows API for payroll software (docs/api/README.md): one per program, tied to the user and to the
 * profile they had when they made it (role, and the company for an employer), like a session that does not expire but
 * can be revoked. Only the SHA-256 of the key is stored; the first characters (prefisso) let the user tell keys apart.
 */
export const chiaviApi = pgTable(
  "chiavi_api",
  {
    id: serial("id").primaryKey(),
    utenteId: integer("utente_id")
      .notNull()
      .references(() => utenti.id),
    ruolo: ruoloEnum("ruolo").notNull(),
    aziendaId: integer("azienda_id").references(() => aziende.id),
    nome: varchar("nome", { length: 80 }).notNull(),
    prefisso: varchar("prefisso", { length: 16 }).notNull(),
    hash: varchar("hash", { length: 64 }).notNull(),
    creataIl: timestamp("creata_il", { withTimezone: true }).notNull().defaultNow(),
    ultimoUsoIl: timestamp("ultimo_uso_il", { withTimezone: true }),
    revocataIl: timestamp("revocata_il", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("chiavi_api_hash_uq").on(t.hash),
    index("chiavi_api_utente_idx").on(t.utenteId, t.id),
    check("chiavi_api_ruolo", sql`${t.ruolo} in ('datore','intermediario')`),
  ],
);

export type ChiaveApi = typeof chiaviApi.$inferSelect;

export type FlussoCig = typeof flussiCig.$inferSelect;

// ---------------------------------------------------------------------------------------------------------------
// Direct payment: amounts per return, exceptions, SEPA batches (issue 12, operator side; docs/regole.md §22).

/**
 * The SEPA credit-transfer batches (pain.001.001.03) of a sede: the approved amounts gathered on one day. The file is
 * written when the batch is prepared and never changes; a second operator approves it (four eyes, also a check here),
 * then it is marked sent.
 */
export const lottiPagamento = pgTable(
  "lotti_pagamento",
  {
    id: serial("id").primaryKey(),
    sedeCodice: varchar("sede_codice", { length: 4 })
      .notNull()
      .references(() => sedi.codice),
    giorno: date("giorno").notNull(),
    progressivo: smallint("progressivo").notNull(),
    // MsgId and PmtInfId of the file: unique, so the bank refuses a file sent twice.
    messaggioId: varchar("messaggio_id", { length: 35 }).notNull(),
    // esito_ricevuto: the bank's status report (pain.002) gave every transfer an outcome; `esito` says which.
    stato: varchar("stato", { length: 16 }).$type<"preparato" | "approvato" | "inviato" | "esito_ricevuto">().notNull().default("preparato"),
    esito: varchar("esito", { length: 16 }).$type<"pagato" | "pagato_in_parte" | "respinto" | "in_corso">(),
    disposizioni: integer("disposizioni").notNull(),
    totaleCentesimi: bigint("totale_centesimi", { mode: "number" }).notNull(),
    xml: text("xml").notNull(),
    xmlSha256: varchar("xml_sha256", { length: 64 }).notNull(),
    preparatoDa: integer("preparato_da")
      .notNull()
      .references(() => utenti.id),
    preparatoIl: timestamp("preparato_il", { withTimezone: true }).notNull().defaultNow(),
    approvatoDa: integer("approvato_da").references(() => utenti.id),
    approvatoIl: timestamp("approvato_il", { withTimezone: true }),
    inviatoDa: integer("inviato_da").references(() => utenti.id),
    inviatoIl: timestamp("inviato_il", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("lotti_pagamento_giorno_uq").on(t.sedeCodice, t.giorno, t.progressivo),
    uniqueIndex("lotti_pagamento_messaggio_uq").on(t.messaggioId),
    index("lotti_pagamento_sede_idx").on(t.sedeCodice, t.id),
    check("lotti_pagamento_stato", sql`${t.stato} in ('preparato','approvato','inviato','esito_ricevuto')`),
    check("lotti_pagamento_esito", sql`(${t.esito} is null or ${t.stato} in ('inviato','esito_ricevuto')) and ((${t.stato} = 'esito_ricevuto') = (${t.esito} is not null and ${t.esito} <> 'in_corso'))`),
    check("lotti_pagamento_disposizioni", sql`${t.disposizioni} > 0 and ${t.totaleCentesimi} > 0`),
    // Four eyes: who approves is never who prepared.
    check("lotti_pagamento_quattro_occhi", sql`${t.approvatoDa} is null or ${t.approvatoDa} <> ${t.preparatoDa}`),
    check("lotti_pagamento_approvato", sql`(${t.stato} = 'preparato') = (${t.approvatoDa} is null)`),
    check("lotti_pagamento_inviato", sql`(${t.stato} in ('inviato','esito_ricevuto')) = (${t.inviatoDa} is not null)`),
  ],
);

/**
 * A bank's status report (pain.002.001.03) recorded for a sent batch: one row per distinct file (the same file twice
 * is recognised by its hash and changes nothing); what it changed is in the amounts' `esito_banca`.
 */
export const esitiBanca = pgTable(
  "esiti_banca",
  {
    id: serial("id").primaryKey(),
    lottoId: integer("lotto_id")
      .notNull()
      .references(() => lottiPagamento.id),
    messaggioId: varchar("messaggio_id", { length: 35 }).notNull(),
    nomeFile: text("nome_file").notNull(),
    sha256: varchar("sha256", { length: 64 }).notNull(),
    pagate: integer("pagate").notNull(),
    respinte: integer("respinte").notNull(),
    registratoDa: integer("registrato_da")
      .notNull()
      .references(() => utenti.id),
    registratoIl: timestamp("registrato_il", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("esiti_banca_file_uq").on(t.lottoId, t.sha256), index("esiti_banca_lotto_idx").on(t.lottoId, t.id)],
);

/**
 * The amount of one accepted return, matched to the authorisation in force (one row per return at most: a return is
 * never paid twice). Computed by app/domain/importi.ts; the explanation with the parameters used is in `calcolo`.
 * Exceptions (IBAN not verifiable, pension, court-ordered deductions, no pay in the return) wait for a person.
 */
export const importiCig = pgTable(
  "importi_cig",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    denunciaId: bigint("denuncia_id", { mode: "number" })
      .notNull()
      .references(() => denunceCig.id),
    // The return's key (chiaveDenuncia): a withdrawn and resent return gets a new row only once the old one is void.
    chiave: varchar("chiave", { length: 80 }).notNull(),
    provvedimentoId: integer("provvedimento_id")
      .notNull()
      .references(() => provvedimenti.id),
    domandaId: integer("domanda_id")
      .notNull()
      .references(() => domande.id),
    aziendaId: integer("azienda_id")
      .notNull()
      .references(() => aziende.id),
    sedeCodice: varchar("sede_codice", { length: 4 })
      .notNull()
      .references(() => sedi.codice),
    codiceFiscale: varchar("codice_fiscale", { length: 16 }).notNull(),
    nominativo: text("nominativo").notNull(),
    competenza: date("competenza").notNull(),
    iban: varchar("iban", { length: 34 }).notNull(),
    oreCentesimi: integer("ore_centesimi").notNull(),
    retribuzionePersaCentesimi: bigint("retribuzione_persa_centesimi", { mode: "number" }).notNull(),
    lordoCentesimi: bigint("lordo_centesimi", { mode: "number" }).notNull(),
    lordoLimitatoCentesimi: bigint("lordo_limitato_centesimi", { mode: "number" }).notNull(),
    riduzioneCentesimi: bigint("riduzione_centesimi", { mode: "number" }).notNull(),
    nettoCentesimi: bigint("netto_centesimi", { mode: "number" }).notNull(),
    calcolo: jsonb("calcolo").$type<Record<string, unknown>>().notNull(),
    // approvato (no exception, or resolved), eccezione (waits for a person), respinto (resolved: not paid),
    // annullato (the return was withdrawn before payment), in_lotto (in a batch), pagato (batch sent).
    stato: varchar("stato", { length: 16 })
      .$type<"approvato" | "eccezione" | "respinto" | "annullato" | "in_lotto" | "pagato">()
      .notNull(),
    eccezioni: jsonb("eccezioni").$type<Array<{ codice: string; messaggio: string }>>().notNull().default(sql`'[]'::jsonb`),
    risoltoDa: integer("risolto_da").references(() => utenti.id),
    risoltoIl: timestamp("risolto_il", { withTimezone: true }),
    motivoRisoluzione: text("motivo_risoluzione"),
    lottoId: integer("lotto_id").references(() => lottiPagamento.id),
    // The bank's outcome for this transfer (pain.002): a rejected one leaves its batch (lotto_id null) and waits for a
    // person again; `lottoId` here keeps which batch it was in.
    esitoBanca: jsonb("esito_banca").$type<{ lottoId: number; esitoId: number; esito: "pagato" | "respinto"; stato: string; motivo: string | null; descrizione: string }>(),
    creatoIl: timestamp("creato_il", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("importi_cig_denuncia_uq").on(t.denunciaId),
    // Nothing paid twice: one live amount per return key (worker, month, classification, matricola).
    uniqueIndex("importi_cig_chiave_uq").on(t.chiave).where(sql`${t.stato} not in ('respinto','annullato')`),
    index("importi_cig_sede_stato_idx").on(t.sedeCodice, t.stato, t.id),
    index("importi_cig_provvedimento_idx").on(t.provvedimentoId),
    index("importi_cig_domanda_idx").on(t.domandaId, t.codiceFiscale),
    index("importi_cig_lotto_idx").on(t.lottoId),
    index("importi_cig_esito_lotto_idx").on(sql`((${t.esitoBanca}->>'lottoId')::int)`),
    check(
      "importi_cig_stato",
      sql`${t.stato} in ('approvato','eccezione','respinto','annullato','in_lotto','pagato')`,
    ),
    check("importi_cig_lotto", sql`(${t.lottoId} is not null) = (${t.stato} in ('in_lotto','pagato'))`),
    check(
      "importi_cig_cifre",
      sql`${t.nettoCentesimi} >= 0 and ${t.nettoCentesimi} <= ${t.lordoLimitatoCentesimi} and ${t.lordoLimitatoCentesimi} <= ${t.lordoCentesimi}`,
    ),
    check("importi_cig_motivo", sql`${t.motivoRisoluzione} is null or length(${t.motivoRisoluzione}) between 1 and 2000`),
  ],
);

/**
 * Every bank outcome of one transfer (pain.002), in order: a transfer rejected in one batch and paid in a later one has
 * two rows. One outcome per transfer and batch (a report contradicting a recorded outcome is refused). The amount's
 * `esito_banca` is the latest of these, written in the same transaction.
 */
export const esitiBonifico = pgTable(
  "esiti_bonifico",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    importoId: bigint("importo_id", { mode: "number" })
      .notNull()
      .references(() => importiCig.id),
    lottoId: integer("lotto_id")
      .notNull()
      .references(() => lottiPagamento.id),
    // The bank's file that gave this outcome.
    esitoId: integer("esito_id")
      .notNull()
      .references(() => esitiBanca.id),
    esito: varchar("esito", { length: 8 }).$type<"pagato" | "respinto">().notNull(),
    // ISO 20022 status (ACSC, RJCT…) and reason code (AC04…), with the reason in Italian.
    stato: varchar("stato", { length: 4 }).notNull(),
    motivo: varchar("motivo", { length: 35 }),
    descrizione: text("descrizione").notNull(),
    registratoDa: integer("registrato_da")
      .notNull()
      .references(() => utenti.id),
    registratoIl: timestamp("registrato_il", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("esiti_bonifico_lotto_uq").on(t.importoId, t.lottoId),
    index("esiti_bonifico_lotto_idx").on(t.lottoId, t.id),
    check("esiti_bonifico_esito", sql`${t.esito} in ('pagato','respinto')`),
  ],
);

/** The contributo addizionale (art. 5 d.lgs. 148/2015) assessed on an authorisation paid directly, from its amounts. */
export const contributiAddizionali = pgTable("contributi_addizionali", {
  provvedimentoId: integer("provvedimento_id")
    .primaryKey()
    .references(() => provvedimenti.id),
  // Null when the rule has no rates for the benefit (e.g. the bilateral funds): the explanation says so.
  importoCentesimi: bigint("importo_centesimi", { mode: "number" }),
  retribuzionePersaCentesimi: bigint("retribuzione_persa_centesimi", { mode: "number" }).notNull(),
  calcolo: jsonb("calcolo").$type<Record<string, unknown>>().notNull(),
  aggiornatoIl: timestamp("aggiornato_il", { withTimezone: true }).notNull().defaultNow(),
});

export type ImportoCig = typeof importiCig.$inferSelect;
export type LottoPagamento = typeof lottiPagamento.$inferSelect;

/**
 * The intermediary's last visit to the portfolio ("decisions since the last visit"): the previous visit moves forward
 * when a new session opens the portfolio, so paging and filtering in one session keep the same reference.
 */
export const visitePortafoglio = pgTable("visite_portafoglio", {
  utenteId: integer("utente_id")
    .primaryKey()
    .references(() => utenti.id),
  sessioneId: varchar("sessione_id", { length: 64 }).notNull(),
  visitaPrecedente: timestamp("visita_precedente", { withTimezone: true }),
  ultimaVisita: timestamp("ultima_visita", { withTimezone: true }).notNull(),
});

/**
 * The capacity warnings' inputs, per company: a version moved by database triggers in the transaction of every write
 * to what the warnings read (domande, their workers, acts, UniEmens CIG events and accepted UniEmens-Cig returns by
 * ticket, the company, its units; migration 0022, ADR 027). A company never written since has no row (version 0).
 */
export const versioniAvvisiCapacita = pgTable("avvisi_capacita_versioni", {
  aziendaId: integer("azienda_id")
    .primaryKey()
    .references(() => aziende.id, { onDelete: "cascade" }),
  versione: bigint("versione", { mode: "number" }).notNull(),
});

/**
 * Each company's capacity warnings as the rules engine gave them (app/domain/cruscotto.ts avvisoCapacita) on `giorno`,
 * from the inputs at `versione`, with the rules at `firma`: current only while all three still match (ADR 027).
 * Written by the job avvisi-capacita and by the portfolio when it finds a row not current.
 */
export const avvisiCapacita = pgTable("avvisi_capacita", {
  aziendaId: integer("azienda_id")
    .primaryKey()
    .references(() => aziende.id, { onDelete: "cascade" }),
  giorno: date("giorno").notNull(),
  versione: bigint("versione", { mode: "number" }).notNull(),
  firma: varchar("firma", { length: 64 }).notNull(),
  avvisi: jsonb("avvisi").$type<Array<{ messaggio: string; riferimento: string; provvisorio: boolean }>>().notNull(),
  calcolatiIl: timestamp("calcolati_il", { withTimezone: true }).notNull().defaultNow(),
});

// ── Sign-in over OpenID Connect (ADR 018) ──────────────────────────────────────────────────────────────────────

/**
 * One sign-in in progress at the platform's OpenID client: state, nonce and PKCE verifier of an authorization request,
 * keyed by the SHA-256 of a random token in a short cookie. Read once at the callback and deleted (single use).
 */
export const transazioniAccesso = pgTable(
  "transazioni_accesso",
  {
    id: varchar("id", { length: 64 }).primaryKey(),
    emittente: text("emittente").notNull(),
    stato: varchar("stato", { length: 128 }).notNull(),
    nonce: varchar("nonce", { length: 128 }).notNull(),
    verificatore: varchar("verificatore", { length: 128 }).notNull(),
    ritorno: varchar("ritorno", { length: 500 }),
    scadeIl: timestamp("scade_il", { withTimezone: true }).notNull(),
  },
  (t) => [index("transazioni_accesso_scadenza_idx").on(t.scadeIl)],
);

/**
 * The local test OpenID provider's state (oidc-provider models: sessions, interactions, codes, grants, tokens), in
 * the database so that every worker and every instance sees the same (no memory adapter).
 */
export const oidcProvaDati = pgTable(
  "oidc_prova_dati",
  {
    modello: varchar("modello", { length: 40 }).notNull(),
    id: varchar("id", { length: 255 }).notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    grantId: varchar("grant_id", { length: 255 }),
    userCode: varchar("user_code", { length: 255 }),
    uid: varchar("uid", { length: 255 }),
    scadeIl: timestamp("scade_il", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.modello, t.id] }),
    index("oidc_prova_dati_uid_idx").on(t.uid),
    index("oidc_prova_dati_grant_idx").on(t.grantId),
    index("oidc_prova_dati_scadenza_idx").on(t.scadeIl),
  ],
);

/** The local test provider's secrets (signing keys, cookie keys, the client's secret): made on first use, never committed. */
export const oidcProvaConfigurazione = pgTable("oidc_prova_configurazione", {
  nome: varchar("nome", { length: 40 }).primaryKey(),
  valore: jsonb("valore").$type<unknown>().notNull(),
});

/**
 * The platform's own signing keys as a Relying Party of SPID and CIE (ADR 022): `oidc` signs the client assertions
 * (private_key_jwt) and the request objects, `federazione` the entity configuration (OpenID Federation). Made on
 * first use, never committed. A key signs from `firma_dal`; a rotation adds a key that signs later, so the providers
 * see it in the published JWKS before it is used; the previous one stays published until the next rotation.
 */
export const chiaviServizio = pgTable(
  "chiavi_servizio",
  {
    kid: varchar("kid", { length: 64 }).primaryKey(),
    uso: varchar("uso", { length: 20 }).$type<"oidc" | "federazione" | "cifratura">().notNull(),
    jwkPrivata: jsonb("jwk_privata").$type<Record<string, unknown>>().notNull(),
    creataIl: timestamp("creata_il", { withTimezone: true }).notNull().defaultNow(),
    firmaDal: timestamp("firma_dal", { withTimezone: true }).notNull(),
  },
  (t) => [index("chiavi_servizio_uso_idx").on(t.uso, t.firmaDal)],
);

/**
 * The identity providers' trust chains as the platform resolved them (OpenID Federation 1.0; SPID and CIE technical
 * rules, "Acquisire i Metadata"): one row per provider and Trust Anchor, with the statements as received (leaf first,
 * Trust Anchor last), the provider's metadata after the chain's policy, and the chain's expiry (the lowest `exp`). Only
 * chains that verified are kept; the federation resolve endpoint answers only for these.
 */
export const cateneFiducia = pgTable(
  "catene_fiducia",
  {
    soggetto: varchar("soggetto", { length: 500 }).notNull(),
    ancora: varchar("ancora", { length: 500 }).notNull(),
    catena: jsonb("catena").$type<string[]>().notNull(),
    metadati: jsonb("metadati").$type<Record<string, Record<string, unknown>>>().notNull(),
    trustMark: jsonb("trust_mark").$type<Array<{ id: string; trust_mark: string; statoPresso?: { endpoint: string; jwks: { keys: Array<Record<string, unknown>> } } }>>().notNull(),
    risoltaIl: timestamp("risolta_il", { withTimezone: true }).notNull(),
    scadeIl: timestamp("scade_il", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.soggetto, t.ancora] })],
);

/**
 * Rate limits shared by every worker and instance (ASVS V2.2.1, V12.1): one counter per key (e.g. "accesso:<ip>") in
 * a fixed window. Rows of past windows are overwritten by the next request of the key, or removed now and then.
 */
export const limitiFrequenza = pgTable(
  "limiti_frequenza",
  {
    chiave: varchar("chiave", { length: 200 }).primaryKey(),
    finestra: timestamp("finestra", { withTimezone: true }).notNull(),
    conteggio: integer("conteggio").notNull(),
  },
  (t) => [index("limiti_frequenza_finestra_idx").on(t.finestra)],
);
