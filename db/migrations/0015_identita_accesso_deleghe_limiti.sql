CREATE TYPE "public"."stato_delega" AS ENUM('richiesta', 'attiva', 'rifiutata', 'revocata');--> statement-breakpoint
CREATE TABLE "abilitazioni_azienda" (
	"id" serial PRIMARY KEY NOT NULL,
	"azienda_id" integer NOT NULL,
	"utente_id" integer NOT NULL,
	"abilitata_da" integer NOT NULL,
	"abilitata_il" timestamp with time zone DEFAULT now() NOT NULL,
	"valida_dal" date NOT NULL,
	"valida_al" date,
	"revocata_il" timestamp with time zone,
	"revocata_da" integer,
	CONSTRAINT "abilitazioni_azienda_date" CHECK ("abilitazioni_azienda"."valida_al" is null or "abilitazioni_azienda"."valida_al" >= "abilitazioni_azienda"."valida_dal")
);
--> statement-breakpoint
CREATE TABLE "limiti_frequenza" (
	"chiave" varchar(200) PRIMARY KEY NOT NULL,
	"finestra" timestamp with time zone NOT NULL,
	"conteggio" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "oidc_prova_configurazione" (
	"nome" varchar(40) PRIMARY KEY NOT NULL,
	"valore" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "oidc_prova_dati" (
	"modello" varchar(40) NOT NULL,
	"id" varchar(255) NOT NULL,
	"payload" jsonb NOT NULL,
	"grant_id" varchar(255),
	"user_code" varchar(255),
	"uid" varchar(255),
	"scade_il" timestamp with time zone,
	CONSTRAINT "oidc_prova_dati_modello_id_pk" PRIMARY KEY("modello","id")
);
--> statement-breakpoint
CREATE TABLE "transazioni_accesso" (
	"id" varchar(64) PRIMARY KEY NOT NULL,
	"emittente" text NOT NULL,
	"stato" varchar(128) NOT NULL,
	"nonce" varchar(128) NOT NULL,
	"verificatore" varchar(128) NOT NULL,
	"ritorno" varchar(500),
	"scade_il" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "deleghe" ADD COLUMN "stato" "stato_delega" DEFAULT 'attiva' NOT NULL;--> statement-breakpoint
ALTER TABLE "deleghe" ADD COLUMN "modalita" varchar(16);--> statement-breakpoint
ALTER TABLE "deleghe" ADD COLUMN "richiesta_il" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "deleghe" ADD COLUMN "decisa_il" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "deleghe" ADD COLUMN "decisa_da" integer;--> statement-breakpoint
ALTER TABLE "deleghe" ADD COLUMN "revocata_il" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "deleghe" ADD COLUMN "revocata_da" integer;--> statement-breakpoint
ALTER TABLE "abilitazioni_azienda" ADD CONSTRAINT "abilitazioni_azienda_azienda_id_aziende_id_fk" FOREIGN KEY ("azienda_id") REFERENCES "public"."aziende"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "abilitazioni_azienda" ADD CONSTRAINT "abilitazioni_azienda_utente_id_utenti_id_fk" FOREIGN KEY ("utente_id") REFERENCES "public"."utenti"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "abilitazioni_azienda" ADD CONSTRAINT "abilitazioni_azienda_abilitata_da_utenti_id_fk" FOREIGN KEY ("abilitata_da") REFERENCES "public"."utenti"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "abilitazioni_azienda" ADD CONSTRAINT "abilitazioni_azienda_revocata_da_utenti_id_fk" FOREIGN KEY ("revocata_da") REFERENCES "public"."utenti"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "abilitazioni_azienda_utente_idx" ON "abilitazioni_azienda" USING btree ("utente_id");--> statement-breakpoint
CREATE INDEX "abilitazioni_azienda_azienda_idx" ON "abilitazioni_azienda" USING btree ("azienda_id");--> statement-breakpoint
CREATE INDEX "limiti_frequenza_finestra_idx" ON "limiti_frequenza" USING btree ("finestra");--> statement-breakpoint
CREATE INDEX "oidc_prova_dati_uid_idx" ON "oidc_prova_dati" USING btree ("uid");--> statement-breakpoint
CREATE INDEX "oidc_prova_dati_grant_idx" ON "oidc_prova_dati" USING btree ("grant_id");--> statement-breakpoint
CREATE INDEX "oidc_prova_dati_scadenza_idx" ON "oidc_prova_dati" USING btree ("scade_il");--> statement-breakpoint
CREATE INDEX "transazioni_accesso_scadenza_idx" ON "transazioni_accesso" USING btree ("scade_il");--> statement-breakpoint
ALTER TABLE "deleghe" ADD CONSTRAINT "deleghe_decisa_da_utenti_id_fk" FOREIGN KEY ("decisa_da") REFERENCES "public"."utenti"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deleghe" ADD CONSTRAINT "deleghe_revocata_da_utenti_id_fk" FOREIGN KEY ("revocata_da") REFERENCES "public"."utenti"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "deleghe_richiesta_uq" ON "deleghe" USING btree ("intermediario_id","azienda_id") WHERE "deleghe"."stato" = 'richiesta';--> statement-breakpoint
ALTER TABLE "deleghe" ADD CONSTRAINT "deleghe_modalita" CHECK ("deleghe"."modalita" is null or "deleghe"."modalita" in ('conferma','dichiarazione'));