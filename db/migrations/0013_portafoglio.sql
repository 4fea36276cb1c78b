CREATE TABLE "visite_portafoglio" (
	"utente_id" integer PRIMARY KEY NOT NULL,
	"sessione_id" varchar(64) NOT NULL,
	"visita_precedente" timestamp with time zone,
	"ultima_visita" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "visite_portafoglio" ADD CONSTRAINT "visite_portafoglio_utente_id_utenti_id_fk" FOREIGN KEY ("utente_id") REFERENCES "public"."utenti"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "domande_azienda_stato_idx" ON "domande" USING btree ("azienda_id","stato");--> statement-breakpoint
CREATE INDEX "domande_azienda_decisa_idx" ON "domande" USING btree ("azienda_id","decisa_il") WHERE decisa_il is not null;