CREATE TABLE "denunce_cig" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"flusso_id" integer NOT NULL,
	"riga" integer NOT NULL,
	"chiave" varchar(80) NOT NULL,
	"azienda_id" integer NOT NULL,
	"domanda_id" integer NOT NULL,
	"ticket" varchar(32) NOT NULL,
	"codice_fiscale" varchar(16) NOT NULL,
	"competenza" date NOT NULL,
	"ore_centesimi" integer NOT NULL,
	"iban" varchar(34) NOT NULL,
	"dati" jsonb NOT NULL,
	"avvisi" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"eliminata_il" timestamp with time zone,
	"eliminata_da" integer,
	CONSTRAINT "denunce_cig_ore" CHECK ("denunce_cig"."ore_centesimi" >= 0)
);
--> statement-breakpoint
CREATE TABLE "flussi_cig" (
	"id" serial PRIMARY KEY NOT NULL,
	"inviato_da" integer NOT NULL,
	"ruolo" varchar(24) NOT NULL,
	"nome_file" varchar(255) NOT NULL,
	"formato" varchar(4) NOT NULL,
	"versione_schema" varchar(40) NOT NULL,
	"stato" varchar(16) NOT NULL,
	"denunce" integer DEFAULT 0 NOT NULL,
	"accolte" integer DEFAULT 0 NOT NULL,
	"scartate" integer DEFAULT 0 NOT NULL,
	"con_avvisi" integer DEFAULT 0 NOT NULL,
	"ricevuto_il" timestamp with time zone DEFAULT now() NOT NULL,
	"completato_il" timestamp with time zone,
	CONSTRAINT "flussi_cig_formato" CHECK ("flussi_cig"."formato" in ('xml','csv')),
	CONSTRAINT "flussi_cig_stato" CHECK ("flussi_cig"."stato" in ('in_corso','completato','interrotto'))
);
--> statement-breakpoint
CREATE TABLE "scarti_flusso_cig" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"flusso_id" integer NOT NULL,
	"riga" integer NOT NULL,
	"codice" varchar(12) NOT NULL,
	"messaggio" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "denunce_cig" ADD CONSTRAINT "denunce_cig_flusso_id_flussi_cig_id_fk" FOREIGN KEY ("flusso_id") REFERENCES "public"."flussi_cig"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "denunce_cig" ADD CONSTRAINT "denunce_cig_azienda_id_aziende_id_fk" FOREIGN KEY ("azienda_id") REFERENCES "public"."aziende"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "denunce_cig" ADD CONSTRAINT "denunce_cig_domanda_id_domande_id_fk" FOREIGN KEY ("domanda_id") REFERENCES "public"."domande"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "denunce_cig" ADD CONSTRAINT "denunce_cig_eliminata_da_utenti_id_fk" FOREIGN KEY ("eliminata_da") REFERENCES "public"."utenti"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flussi_cig" ADD CONSTRAINT "flussi_cig_inviato_da_utenti_id_fk" FOREIGN KEY ("inviato_da") REFERENCES "public"."utenti"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scarti_flusso_cig" ADD CONSTRAINT "scarti_flusso_cig_flusso_id_flussi_cig_id_fk" FOREIGN KEY ("flusso_id") REFERENCES "public"."flussi_cig"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "denunce_cig_chiave_attiva_uq" ON "denunce_cig" USING btree ("chiave") WHERE "denunce_cig"."eliminata_il" is null;--> statement-breakpoint
CREATE INDEX "denunce_cig_ticket_idx" ON "denunce_cig" USING btree ("ticket");--> statement-breakpoint
CREATE INDEX "denunce_cig_flusso_idx" ON "denunce_cig" USING btree ("flusso_id","riga");--> statement-breakpoint
CREATE INDEX "flussi_cig_inviato_da_idx" ON "flussi_cig" USING btree ("inviato_da","id");--> statement-breakpoint
CREATE INDEX "scarti_flusso_cig_flusso_idx" ON "scarti_flusso_cig" USING btree ("flusso_id","riga","id");