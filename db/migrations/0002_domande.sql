CREATE TYPE "public"."prestazione" AS ENUM('CIGO', 'AIS_FIS', 'AIS_FONDO', 'CISOA');--> statement-breakpoint
CREATE TYPE "public"."stato_domanda" AS ENUM('bozza', 'inviata', 'in_istruttoria', 'sospesa', 'autorizzata', 'autorizzata_parziale', 'respinta', 'rinunciata');--> statement-breakpoint
CREATE TABLE "allegati" (
	"id" serial PRIMARY KEY NOT NULL,
	"domanda_id" integer NOT NULL,
	"tipo" varchar(32) NOT NULL,
	"nome_file" text NOT NULL,
	"dimensione" integer NOT NULL,
	"sha256" varchar(64) NOT NULL,
	"contenuto" "bytea" NOT NULL,
	"caricato_da" integer NOT NULL,
	"caricato_il" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contatori_protocollo" (
	"anno" smallint PRIMARY KEY NOT NULL,
	"ultimo" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "domanda_lavoratori" (
	"domanda_id" integer NOT NULL,
	"codice_fiscale" varchar(16) NOT NULL,
	"lavoratore_id" integer,
	"qualifica" "qualifica" NOT NULL,
	"origine" varchar(16) NOT NULL,
	CONSTRAINT "domanda_lavoratori_domanda_id_codice_fiscale_pk" PRIMARY KEY("domanda_id","codice_fiscale"),
	CONSTRAINT "domanda_lavoratori_origine" CHECK ("domanda_lavoratori"."origine" in ('uniemens','elenco'))
);
--> statement-breakpoint
CREATE TABLE "domande" (
	"id" serial PRIMARY KEY NOT NULL,
	"azienda_id" integer NOT NULL,
	"prestazione" "prestazione" NOT NULL,
	"fondo_codice" varchar(32),
	"prestazione_non_suggerita" boolean DEFAULT false NOT NULL,
	"unita_produttiva_id" integer,
	"stato" "stato_domanda" DEFAULT 'bozza' NOT NULL,
	"dati" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"data_inizio" date,
	"data_fine" date,
	"protocollo" varchar(32),
	"ticket" varchar(32),
	"chiave_invio" varchar(64),
	"esiti_invio" jsonb,
	"versione" integer DEFAULT 1 NOT NULL,
	"creata_da" integer NOT NULL,
	"creata_il" timestamp with time zone DEFAULT now() NOT NULL,
	"aggiornata_il" timestamp with time zone DEFAULT now() NOT NULL,
	"inviata_il" timestamp with time zone,
	CONSTRAINT "domande_periodo" CHECK ("domande"."data_inizio" is null or "domande"."data_fine" is null or "domande"."data_fine" >= "domande"."data_inizio"),
	CONSTRAINT "domande_inviata_protocollo" CHECK ("domande"."stato" = 'bozza' or "domande"."protocollo" is not null)
);
--> statement-breakpoint
CREATE TABLE "eventi_domanda" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"domanda_id" integer NOT NULL,
	"quando" timestamp with time zone DEFAULT now() NOT NULL,
	"tipo" varchar(32) NOT NULL,
	"utente_id" integer,
	"descrizione" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "allegati" ADD CONSTRAINT "allegati_domanda_id_domande_id_fk" FOREIGN KEY ("domanda_id") REFERENCES "public"."domande"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allegati" ADD CONSTRAINT "allegati_caricato_da_utenti_id_fk" FOREIGN KEY ("caricato_da") REFERENCES "public"."utenti"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "domanda_lavoratori" ADD CONSTRAINT "domanda_lavoratori_domanda_id_domande_id_fk" FOREIGN KEY ("domanda_id") REFERENCES "public"."domande"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "domanda_lavoratori" ADD CONSTRAINT "domanda_lavoratori_lavoratore_id_lavoratori_id_fk" FOREIGN KEY ("lavoratore_id") REFERENCES "public"."lavoratori"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "domande" ADD CONSTRAINT "domande_azienda_id_aziende_id_fk" FOREIGN KEY ("azienda_id") REFERENCES "public"."aziende"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "domande" ADD CONSTRAINT "domande_unita_produttiva_id_unita_produttive_id_fk" FOREIGN KEY ("unita_produttiva_id") REFERENCES "public"."unita_produttive"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "domande" ADD CONSTRAINT "domande_creata_da_utenti_id_fk" FOREIGN KEY ("creata_da") REFERENCES "public"."utenti"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eventi_domanda" ADD CONSTRAINT "eventi_domanda_domanda_id_domande_id_fk" FOREIGN KEY ("domanda_id") REFERENCES "public"."domande"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eventi_domanda" ADD CONSTRAINT "eventi_domanda_utente_id_utenti_id_fk" FOREIGN KEY ("utente_id") REFERENCES "public"."utenti"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "allegati_domanda_idx" ON "allegati" USING btree ("domanda_id");--> statement-breakpoint
CREATE UNIQUE INDEX "domande_protocollo_uq" ON "domande" USING btree ("protocollo");--> statement-breakpoint
CREATE UNIQUE INDEX "domande_ticket_uq" ON "domande" USING btree ("ticket");--> statement-breakpoint
CREATE UNIQUE INDEX "domande_chiave_invio_uq" ON "domande" USING btree ("chiave_invio");--> statement-breakpoint
CREATE INDEX "domande_azienda_aggiornata_idx" ON "domande" USING btree ("azienda_id","aggiornata_il");--> statement-breakpoint
CREATE INDEX "domande_unita_periodo_idx" ON "domande" USING btree ("unita_produttiva_id","data_inizio");--> statement-breakpoint
CREATE INDEX "domande_stato_idx" ON "domande" USING btree ("stato");--> statement-breakpoint
CREATE INDEX "eventi_domanda_idx" ON "eventi_domanda" USING btree ("domanda_id","quando");