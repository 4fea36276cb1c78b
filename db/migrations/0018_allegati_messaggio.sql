CREATE TABLE "allegati_messaggio" (
	"id" serial PRIMARY KEY NOT NULL,
	"evento_id" bigint NOT NULL,
	"domanda_id" integer NOT NULL,
	"nome_file" text NOT NULL,
	"dimensione" integer NOT NULL,
	"sha256" varchar(64) NOT NULL,
	"contenuto" "bytea" NOT NULL,
	"caricato_da" integer NOT NULL,
	"caricato_il" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "allegati_messaggio" ADD CONSTRAINT "allegati_messaggio_evento_id_eventi_domanda_id_fk" FOREIGN KEY ("evento_id") REFERENCES "public"."eventi_domanda"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allegati_messaggio" ADD CONSTRAINT "allegati_messaggio_domanda_id_domande_id_fk" FOREIGN KEY ("domanda_id") REFERENCES "public"."domande"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allegati_messaggio" ADD CONSTRAINT "allegati_messaggio_caricato_da_utenti_id_fk" FOREIGN KEY ("caricato_da") REFERENCES "public"."utenti"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "allegati_messaggio_evento_idx" ON "allegati_messaggio" USING btree ("evento_id");--> statement-breakpoint
CREATE INDEX "allegati_messaggio_domanda_idx" ON "allegati_messaggio" USING btree ("domanda_id","id");