CREATE TABLE "esiti_bonifico" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"importo_id" bigint NOT NULL,
	"lotto_id" integer NOT NULL,
	"esito_id" integer NOT NULL,
	"esito" varchar(8) NOT NULL,
	"stato" varchar(4) NOT NULL,
	"motivo" varchar(35),
	"descrizione" text NOT NULL,
	"registrato_da" integer NOT NULL,
	"registrato_il" timestamp with time zone NOT NULL,
	CONSTRAINT "esiti_bonifico_esito" CHECK ("esiti_bonifico"."esito" in ('pagato','respinto'))
);
--> statement-breakpoint
ALTER TABLE "esiti_bonifico" ADD CONSTRAINT "esiti_bonifico_importo_id_importi_cig_id_fk" FOREIGN KEY ("importo_id") REFERENCES "public"."importi_cig"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "esiti_bonifico" ADD CONSTRAINT "esiti_bonifico_lotto_id_lotti_pagamento_id_fk" FOREIGN KEY ("lotto_id") REFERENCES "public"."lotti_pagamento"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "esiti_bonifico" ADD CONSTRAINT "esiti_bonifico_esito_id_esiti_banca_id_fk" FOREIGN KEY ("esito_id") REFERENCES "public"."esiti_banca"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "esiti_bonifico" ADD CONSTRAINT "esiti_bonifico_registrato_da_utenti_id_fk" FOREIGN KEY ("registrato_da") REFERENCES "public"."utenti"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "esiti_bonifico_lotto_uq" ON "esiti_bonifico" USING btree ("importo_id","lotto_id");--> statement-breakpoint
CREATE INDEX "esiti_bonifico_lotto_idx" ON "esiti_bonifico" USING btree ("lotto_id","id");