CREATE TYPE "public"."gestione" AS ENUM('privata', 'agricola');--> statement-breakpoint
CREATE TYPE "public"."qualifica" AS ENUM('operaio', 'impiegato', 'quadro', 'dirigente', 'apprendista', 'oti', 'otd');--> statement-breakpoint
CREATE TYPE "public"."ruolo" AS ENUM('datore', 'intermediario', 'operatore_sede', 'dirigente_sede');--> statement-breakpoint
CREATE TYPE "public"."tipo_contratto" AS ENUM('tempo_indeterminato', 'tempo_determinato', 'apprendistato', 'stagionale');--> statement-breakpoint
CREATE TABLE "abilitazioni_sede" (
	"utente_id" integer NOT NULL,
	"sede_codice" varchar(4) NOT NULL,
	CONSTRAINT "abilitazioni_sede_utente_id_sede_codice_pk" PRIMARY KEY("utente_id","sede_codice")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"quando" timestamp with time zone DEFAULT now() NOT NULL,
	"utente_id" integer,
	"ruolo" "ruolo",
	"azione" varchar(64) NOT NULL,
	"oggetto_tipo" varchar(32),
	"oggetto_id" varchar(64),
	"esito" varchar(16) NOT NULL,
	"dettagli" jsonb,
	CONSTRAINT "audit_log_esito" CHECK ("audit_log"."esito" in ('ok','negato','errore'))
);
--> statement-breakpoint
CREATE TABLE "aziende" (
	"id" serial PRIMARY KEY NOT NULL,
	"matricola" varchar(10),
	"cida" varchar(16),
	"codice_fiscale" varchar(16) NOT NULL,
	"ragione_sociale" text NOT NULL,
	"csc" varchar(5),
	"codici_autorizzazione" text[] DEFAULT '{}'::text[] NOT NULL,
	"codice_ateco" varchar(8),
	"gestione" "gestione" NOT NULL,
	"sede_codice" varchar(4) NOT NULL,
	"pec" text NOT NULL,
	"telefono" text,
	"indirizzo" text NOT NULL,
	"comune" text NOT NULL,
	"provincia" varchar(2) NOT NULL,
	"cap" varchar(5) NOT NULL,
	"cf_legale_rappresentante" varchar(16) NOT NULL,
	"forza_media_semestre" integer NOT NULL,
	"ccnl" text,
	"fondo_solidarieta_codice" varchar(32),
	"versione" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "aziende_matricola_formato" CHECK ("aziende"."matricola" is null or "aziende"."matricola" ~ '^[0-9]{10}$'),
	CONSTRAINT "aziende_identificativo" CHECK ("aziende"."matricola" is not null or "aziende"."cida" is not null),
	CONSTRAINT "aziende_cf_formato" CHECK ("aziende"."codice_fiscale" ~ '^([0-9]{11}|[A-Z0-9]{16})$'),
	CONSTRAINT "aziende_csc_formato" CHECK ("aziende"."csc" is null or "aziende"."csc" ~ '^[0-9]{5}$'),
	CONSTRAINT "aziende_forza_media" CHECK ("aziende"."forza_media_semestre" >= 0)
);
--> statement-breakpoint
CREATE TABLE "deleghe" (
	"id" serial PRIMARY KEY NOT NULL,
	"intermediario_id" integer NOT NULL,
	"azienda_id" integer NOT NULL,
	"valida_dal" date NOT NULL,
	"valida_al" date,
	CONSTRAINT "deleghe_date" CHECK ("deleghe"."valida_al" is null or "deleghe"."valida_al" >= "deleghe"."valida_dal")
);
--> statement-breakpoint
CREATE TABLE "fondi_solidarieta" (
	"codice" varchar(32) PRIMARY KEY NOT NULL,
	"nome" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "giornate_agricole" (
	"rapporto_id" integer NOT NULL,
	"anno" smallint NOT NULL,
	"giornate" smallint NOT NULL,
	CONSTRAINT "giornate_agricole_rapporto_id_anno_pk" PRIMARY KEY("rapporto_id","anno"),
	CONSTRAINT "giornate_agricole_range" CHECK ("giornate_agricole"."giornate" between 0 and 366)
);
--> statement-breakpoint
CREATE TABLE "lavoratori" (
	"id" serial PRIMARY KEY NOT NULL,
	"codice_fiscale" varchar(16) NOT NULL,
	"cognome" text NOT NULL,
	"nome" text NOT NULL,
	"data_nascita" date NOT NULL,
	"sesso" varchar(1) NOT NULL,
	"iban" varchar(34),
	CONSTRAINT "lavoratori_sesso" CHECK ("lavoratori"."sesso" in ('M','F'))
);
--> statement-breakpoint
CREATE TABLE "rapporti_lavoro" (
	"id" serial PRIMARY KEY NOT NULL,
	"lavoratore_id" integer NOT NULL,
	"unita_produttiva_id" integer NOT NULL,
	"qualifica" "qualifica" NOT NULL,
	"tipo_contratto" "tipo_contratto" NOT NULL,
	"data_assunzione" date NOT NULL,
	"data_cessazione" date,
	"orario_settimanale_centesimi" integer NOT NULL,
	"percentuale_part_time" smallint,
	CONSTRAINT "rapporti_lavoro_orario" CHECK ("rapporti_lavoro"."orario_settimanale_centesimi" between 0 and 6000),
	CONSTRAINT "rapporti_lavoro_part_time" CHECK ("rapporti_lavoro"."percentuale_part_time" is null or "rapporti_lavoro"."percentuale_part_time" between 1 and 99),
	CONSTRAINT "rapporti_lavoro_date" CHECK ("rapporti_lavoro"."data_cessazione" is null or "rapporti_lavoro"."data_cessazione" >= "rapporti_lavoro"."data_assunzione")
);
--> statement-breakpoint
CREATE TABLE "ruoli_utente" (
	"utente_id" integer NOT NULL,
	"ruolo" "ruolo" NOT NULL,
	CONSTRAINT "ruoli_utente_utente_id_ruolo_pk" PRIMARY KEY("utente_id","ruolo")
);
--> statement-breakpoint
CREATE TABLE "sedi" (
	"codice" varchar(4) PRIMARY KEY NOT NULL,
	"nome" text NOT NULL,
	"regione" text NOT NULL,
	CONSTRAINT "sedi_codice_formato" CHECK ("sedi"."codice" ~ '^[0-9]{4}$')
);
--> statement-breakpoint
CREATE TABLE "sessioni" (
	"id" varchar(64) PRIMARY KEY NOT NULL,
	"utente_id" integer NOT NULL,
	"creata_il" timestamp with time zone NOT NULL,
	"ultima_attivita" timestamp with time zone NOT NULL,
	"scade_il" timestamp with time zone NOT NULL,
	"csrf_token" varchar(64) NOT NULL,
	"ruolo_attivo" "ruolo",
	"azienda_attiva_id" integer
);
--> statement-breakpoint
CREATE TABLE "uniemens_eventi_cig" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"rapporto_id" integer NOT NULL,
	"giorno" date NOT NULL,
	"codice_evento" varchar(8) NOT NULL,
	"ore_centesimi" integer NOT NULL,
	"ticket" varchar(32),
	CONSTRAINT "uniemens_eventi_ore" CHECK ("uniemens_eventi_cig"."ore_centesimi" between 1 and 2400)
);
--> statement-breakpoint
CREATE TABLE "uniemens_mensili" (
	"rapporto_id" integer NOT NULL,
	"competenza" date NOT NULL,
	"ore_lavorabili_centesimi" integer NOT NULL,
	"ore_lavorate_centesimi" integer NOT NULL,
	CONSTRAINT "uniemens_mensili_rapporto_id_competenza_pk" PRIMARY KEY("rapporto_id","competenza"),
	CONSTRAINT "uniemens_competenza_mese" CHECK (extract(day from "uniemens_mensili"."competenza") = 1),
	CONSTRAINT "uniemens_ore" CHECK ("uniemens_mensili"."ore_lavorabili_centesimi" >= 0 and "uniemens_mensili"."ore_lavorate_centesimi" >= 0)
);
--> statement-breakpoint
CREATE TABLE "unita_produttive" (
	"id" serial PRIMARY KEY NOT NULL,
	"azienda_id" integer NOT NULL,
	"codice" varchar(16) NOT NULL,
	"denominazione" text NOT NULL,
	"indirizzo" text NOT NULL,
	"comune" text NOT NULL,
	"codice_catastale" varchar(4) NOT NULL,
	"provincia" varchar(2) NOT NULL,
	"cap" varchar(5) NOT NULL,
	"attivita" text NOT NULL,
	CONSTRAINT "unita_produttive_belfiore" CHECK ("unita_produttive"."codice_catastale" ~ '^[A-Z][0-9]{3}$')
);
--> statement-breakpoint
CREATE TABLE "utenti" (
	"id" serial PRIMARY KEY NOT NULL,
	"codice_fiscale" varchar(16) NOT NULL,
	"nome" text NOT NULL,
	"cognome" text NOT NULL,
	"email" text
);
--> statement-breakpoint
ALTER TABLE "abilitazioni_sede" ADD CONSTRAINT "abilitazioni_sede_utente_id_utenti_id_fk" FOREIGN KEY ("utente_id") REFERENCES "public"."utenti"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "abilitazioni_sede" ADD CONSTRAINT "abilitazioni_sede_sede_codice_sedi_codice_fk" FOREIGN KEY ("sede_codice") REFERENCES "public"."sedi"("codice") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aziende" ADD CONSTRAINT "aziende_sede_codice_sedi_codice_fk" FOREIGN KEY ("sede_codice") REFERENCES "public"."sedi"("codice") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aziende" ADD CONSTRAINT "aziende_fondo_solidarieta_codice_fondi_solidarieta_codice_fk" FOREIGN KEY ("fondo_solidarieta_codice") REFERENCES "public"."fondi_solidarieta"("codice") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deleghe" ADD CONSTRAINT "deleghe_intermediario_id_utenti_id_fk" FOREIGN KEY ("intermediario_id") REFERENCES "public"."utenti"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deleghe" ADD CONSTRAINT "deleghe_azienda_id_aziende_id_fk" FOREIGN KEY ("azienda_id") REFERENCES "public"."aziende"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "giornate_agricole" ADD CONSTRAINT "giornate_agricole_rapporto_id_rapporti_lavoro_id_fk" FOREIGN KEY ("rapporto_id") REFERENCES "public"."rapporti_lavoro"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rapporti_lavoro" ADD CONSTRAINT "rapporti_lavoro_lavoratore_id_lavoratori_id_fk" FOREIGN KEY ("lavoratore_id") REFERENCES "public"."lavoratori"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rapporti_lavoro" ADD CONSTRAINT "rapporti_lavoro_unita_produttiva_id_unita_produttive_id_fk" FOREIGN KEY ("unita_produttiva_id") REFERENCES "public"."unita_produttive"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ruoli_utente" ADD CONSTRAINT "ruoli_utente_utente_id_utenti_id_fk" FOREIGN KEY ("utente_id") REFERENCES "public"."utenti"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessioni" ADD CONSTRAINT "sessioni_utente_id_utenti_id_fk" FOREIGN KEY ("utente_id") REFERENCES "public"."utenti"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessioni" ADD CONSTRAINT "sessioni_azienda_attiva_id_aziende_id_fk" FOREIGN KEY ("azienda_attiva_id") REFERENCES "public"."aziende"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uniemens_eventi_cig" ADD CONSTRAINT "uniemens_eventi_cig_rapporto_id_rapporti_lavoro_id_fk" FOREIGN KEY ("rapporto_id") REFERENCES "public"."rapporti_lavoro"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uniemens_mensili" ADD CONSTRAINT "uniemens_mensili_rapporto_id_rapporti_lavoro_id_fk" FOREIGN KEY ("rapporto_id") REFERENCES "public"."rapporti_lavoro"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unita_produttive" ADD CONSTRAINT "unita_produttive_azienda_id_aziende_id_fk" FOREIGN KEY ("azienda_id") REFERENCES "public"."aziende"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_utente_idx" ON "audit_log" USING btree ("utente_id","quando");--> statement-breakpoint
CREATE INDEX "audit_log_oggetto_idx" ON "audit_log" USING btree ("oggetto_tipo","oggetto_id");--> statement-breakpoint
CREATE UNIQUE INDEX "aziende_matricola_uq" ON "aziende" USING btree ("matricola");--> statement-breakpoint
CREATE UNIQUE INDEX "aziende_cida_uq" ON "aziende" USING btree ("cida");--> statement-breakpoint
CREATE INDEX "aziende_codice_fiscale_idx" ON "aziende" USING btree ("codice_fiscale");--> statement-breakpoint
CREATE INDEX "aziende_cf_legale_rappresentante_idx" ON "aziende" USING btree ("cf_legale_rappresentante");--> statement-breakpoint
CREATE INDEX "aziende_sede_idx" ON "aziende" USING btree ("sede_codice");--> statement-breakpoint
CREATE INDEX "deleghe_intermediario_azienda_idx" ON "deleghe" USING btree ("intermediario_id","azienda_id");--> statement-breakpoint
CREATE INDEX "deleghe_azienda_idx" ON "deleghe" USING btree ("azienda_id");--> statement-breakpoint
CREATE UNIQUE INDEX "lavoratori_cf_uq" ON "lavoratori" USING btree ("codice_fiscale");--> statement-breakpoint
CREATE INDEX "rapporti_lavoro_unita_idx" ON "rapporti_lavoro" USING btree ("unita_produttiva_id");--> statement-breakpoint
CREATE INDEX "rapporti_lavoro_lavoratore_idx" ON "rapporti_lavoro" USING btree ("lavoratore_id");--> statement-breakpoint
CREATE INDEX "sessioni_utente_idx" ON "sessioni" USING btree ("utente_id");--> statement-breakpoint
CREATE INDEX "uniemens_eventi_rapporto_giorno_idx" ON "uniemens_eventi_cig" USING btree ("rapporto_id","giorno");--> statement-breakpoint
CREATE INDEX "uniemens_eventi_ticket_idx" ON "uniemens_eventi_cig" USING btree ("ticket");--> statement-breakpoint
CREATE UNIQUE INDEX "unita_produttive_azienda_codice_uq" ON "unita_produttive" USING btree ("azienda_id","codice");--> statement-breakpoint
CREATE UNIQUE INDEX "utenti_cf_uq" ON "utenti" USING btree ("codice_fiscale");