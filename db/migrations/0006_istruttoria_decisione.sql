CREATE TABLE "allegati_risposta" (
	"id" serial PRIMARY KEY NOT NULL,
	"richiesta_id" integer NOT NULL,
	"domanda_id" integer NOT NULL,
	"nome_file" text NOT NULL,
	"dimensione" integer NOT NULL,
	"sha256" varchar(64) NOT NULL,
	"contenuto" "bytea" NOT NULL,
	"caricato_da" integer NOT NULL,
	"caricato_il" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "provvedimenti" (
	"id" serial PRIMARY KEY NOT NULL,
	"domanda_id" integer NOT NULL,
	"numero" varchar(48) NOT NULL,
	"ticket" varchar(32) NOT NULL,
	"esito" varchar(24) NOT NULL,
	"motivazione" text NOT NULL,
	"per_carenza_elementi" boolean DEFAULT false NOT NULL,
	"periodo_inizio" date,
	"periodo_fine" date,
	"giorni" date[],
	"ore_autorizzate" integer,
	"modalita_pagamento" varchar(16),
	"esclusioni" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"rettifica_di" integer,
	"sede_codice" varchar(4),
	"data_decisione" date NOT NULL,
	"deciso_da" integer NOT NULL,
	"deciso_il" timestamp with time zone DEFAULT now() NOT NULL,
	"pdf" "bytea" NOT NULL,
	"pdf_sha256" varchar(64) NOT NULL,
	CONSTRAINT "provvedimenti_esito" CHECK ("provvedimenti"."esito" in ('autorizzata','autorizzata_parziale','respinta')),
	CONSTRAINT "provvedimenti_motivazione" CHECK (length("provvedimenti"."motivazione") between 1 and 20000),
	CONSTRAINT "provvedimenti_periodo" CHECK ("provvedimenti"."periodo_fine" is null or "provvedimenti"."periodo_inizio" is null or "provvedimenti"."periodo_fine" >= "provvedimenti"."periodo_inizio"),
	CONSTRAINT "provvedimenti_ore" CHECK ("provvedimenti"."ore_autorizzate" is null or "provvedimenti"."ore_autorizzate" > 0),
	CONSTRAINT "provvedimenti_autorizzato" CHECK ("provvedimenti"."esito" = 'respinta' or ("provvedimenti"."periodo_inizio" is not null and "provvedimenti"."ore_autorizzate" is not null)),
	CONSTRAINT "provvedimenti_modalita" CHECK ("provvedimenti"."modalita_pagamento" is null or "provvedimenti"."modalita_pagamento" in ('conguaglio','diretto'))
);
--> statement-breakpoint
CREATE TABLE "provvedimenti_lavoratori" (
	"provvedimento_id" integer NOT NULL,
	"codice_fiscale" varchar(16) NOT NULL,
	"lavoratore_id" integer,
	CONSTRAINT "provvedimenti_lavoratori_provvedimento_id_codice_fiscale_pk" PRIMARY KEY("provvedimento_id","codice_fiscale")
);
--> statement-breakpoint
CREATE TABLE "richieste_istruttoria" (
	"id" serial PRIMARY KEY NOT NULL,
	"domanda_id" integer NOT NULL,
	"tipo" varchar(32) NOT NULL,
	"testo" text NOT NULL,
	"documenti_richiesti" text[] DEFAULT '{}'::text[] NOT NULL,
	"ricevuta_il" date NOT NULL,
	"scadenza" date NOT NULL,
	"stato" varchar(16) DEFAULT 'aperta' NOT NULL,
	"creata_da" integer NOT NULL,
	"creata_il" timestamp with time zone DEFAULT now() NOT NULL,
	"risposta_testo" text,
	"risposta_il" date,
	"risposta_da" integer,
	"risposta_quando" timestamp with time zone,
	"chiusa_il" date,
	"chiusa_da" integer,
	CONSTRAINT "richieste_istruttoria_tipo" CHECK ("richieste_istruttoria"."tipo" in ('supplemento_istruttorio','documentale')),
	CONSTRAINT "richieste_istruttoria_stato" CHECK ("richieste_istruttoria"."stato" in ('aperta','risposta','scaduta','chiusa')),
	CONSTRAINT "richieste_istruttoria_testo" CHECK (length("richieste_istruttoria"."testo") between 1 and 4000),
	CONSTRAINT "richieste_istruttoria_scadenza" CHECK ("richieste_istruttoria"."scadenza" >= "richieste_istruttoria"."ricevuta_il"),
	CONSTRAINT "richieste_istruttoria_risposta" CHECK (("richieste_istruttoria"."stato" = 'risposta') = ("richieste_istruttoria"."risposta_il" is not null and "richieste_istruttoria"."risposta_testo" is not null))
);
--> statement-breakpoint
ALTER TABLE "allegati_risposta" ADD CONSTRAINT "allegati_risposta_richiesta_id_richieste_istruttoria_id_fk" FOREIGN KEY ("richiesta_id") REFERENCES "public"."richieste_istruttoria"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allegati_risposta" ADD CONSTRAINT "allegati_risposta_domanda_id_domande_id_fk" FOREIGN KEY ("domanda_id") REFERENCES "public"."domande"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allegati_risposta" ADD CONSTRAINT "allegati_risposta_caricato_da_utenti_id_fk" FOREIGN KEY ("caricato_da") REFERENCES "public"."utenti"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provvedimenti" ADD CONSTRAINT "provvedimenti_domanda_id_domande_id_fk" FOREIGN KEY ("domanda_id") REFERENCES "public"."domande"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provvedimenti" ADD CONSTRAINT "provvedimenti_rettifica_di_provvedimenti_id_fk" FOREIGN KEY ("rettifica_di") REFERENCES "public"."provvedimenti"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provvedimenti" ADD CONSTRAINT "provvedimenti_sede_codice_sedi_codice_fk" FOREIGN KEY ("sede_codice") REFERENCES "public"."sedi"("codice") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provvedimenti" ADD CONSTRAINT "provvedimenti_deciso_da_utenti_id_fk" FOREIGN KEY ("deciso_da") REFERENCES "public"."utenti"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provvedimenti_lavoratori" ADD CONSTRAINT "provvedimenti_lavoratori_provvedimento_id_provvedimenti_id_fk" FOREIGN KEY ("provvedimento_id") REFERENCES "public"."provvedimenti"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provvedimenti_lavoratori" ADD CONSTRAINT "provvedimenti_lavoratori_lavoratore_id_lavoratori_id_fk" FOREIGN KEY ("lavoratore_id") REFERENCES "public"."lavoratori"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "richieste_istruttoria" ADD CONSTRAINT "richieste_istruttoria_domanda_id_domande_id_fk" FOREIGN KEY ("domanda_id") REFERENCES "public"."domande"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "richieste_istruttoria" ADD CONSTRAINT "richieste_istruttoria_creata_da_utenti_id_fk" FOREIGN KEY ("creata_da") REFERENCES "public"."utenti"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "richieste_istruttoria" ADD CONSTRAINT "richieste_istruttoria_risposta_da_utenti_id_fk" FOREIGN KEY ("risposta_da") REFERENCES "public"."utenti"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "richieste_istruttoria" ADD CONSTRAINT "richieste_istruttoria_chiusa_da_utenti_id_fk" FOREIGN KEY ("chiusa_da") REFERENCES "public"."utenti"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "allegati_risposta_richiesta_idx" ON "allegati_risposta" USING btree ("richiesta_id");--> statement-breakpoint
CREATE INDEX "allegati_risposta_domanda_idx" ON "allegati_risposta" USING btree ("domanda_id");--> statement-breakpoint
CREATE UNIQUE INDEX "provvedimenti_numero_uq" ON "provvedimenti" USING btree ("numero");--> statement-breakpoint
CREATE UNIQUE INDEX "provvedimenti_rettifica_di_uq" ON "provvedimenti" USING btree ("rettifica_di");--> statement-breakpoint
CREATE INDEX "provvedimenti_domanda_idx" ON "provvedimenti" USING btree ("domanda_id","id");--> statement-breakpoint
CREATE INDEX "provvedimenti_ticket_idx" ON "provvedimenti" USING btree ("ticket");--> statement-breakpoint
CREATE INDEX "provvedimenti_lavoratori_cf_idx" ON "provvedimenti_lavoratori" USING btree ("codice_fiscale");--> statement-breakpoint
CREATE INDEX "richieste_istruttoria_domanda_idx" ON "richieste_istruttoria" USING btree ("domanda_id","id");--> statement-breakpoint
CREATE INDEX "richieste_istruttoria_aperte_idx" ON "richieste_istruttoria" USING btree ("scadenza") WHERE stato = 'aperta';--> statement-breakpoint
CREATE UNIQUE INDEX "richieste_istruttoria_una_aperta_uq" ON "richieste_istruttoria" USING btree ("domanda_id") WHERE stato = 'aperta';