CREATE TABLE "chiavi_api" (
	"id" serial PRIMARY KEY NOT NULL,
	"utente_id" integer NOT NULL,
	"ruolo" "ruolo" NOT NULL,
	"azienda_id" integer,
	"nome" varchar(80) NOT NULL,
	"prefisso" varchar(16) NOT NULL,
	"hash" varchar(64) NOT NULL,
	"creata_il" timestamp with time zone DEFAULT now() NOT NULL,
	"ultimo_uso_il" timestamp with time zone,
	"revocata_il" timestamp with time zone,
	CONSTRAINT "chiavi_api_ruolo" CHECK ("chiavi_api"."ruolo" in ('datore','intermediario'))
);
--> statement-breakpoint
ALTER TABLE "chiavi_api" ADD CONSTRAINT "chiavi_api_utente_id_utenti_id_fk" FOREIGN KEY ("utente_id") REFERENCES "public"."utenti"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chiavi_api" ADD CONSTRAINT "chiavi_api_azienda_id_aziende_id_fk" FOREIGN KEY ("azienda_id") REFERENCES "public"."aziende"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "chiavi_api_hash_uq" ON "chiavi_api" USING btree ("hash");--> statement-breakpoint
CREATE INDEX "chiavi_api_utente_idx" ON "chiavi_api" USING btree ("utente_id","id");