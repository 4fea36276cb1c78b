CREATE TABLE "esiti_banca" (
	"id" serial PRIMARY KEY NOT NULL,
	"lotto_id" integer NOT NULL,
	"messaggio_id" varchar(35) NOT NULL,
	"nome_file" text NOT NULL,
	"sha256" varchar(64) NOT NULL,
	"pagate" integer NOT NULL,
	"respinte" integer NOT NULL,
	"registrato_da" integer NOT NULL,
	"registrato_il" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "lotti_pagamento" DROP CONSTRAINT "lotti_pagamento_stato";--> statement-breakpoint
ALTER TABLE "lotti_pagamento" DROP CONSTRAINT "lotti_pagamento_inviato";--> statement-breakpoint
ALTER TABLE "importi_cig" ADD COLUMN "esito_banca" jsonb;--> statement-breakpoint
ALTER TABLE "lotti_pagamento" ADD COLUMN "esito" varchar(16);--> statement-breakpoint
ALTER TABLE "esiti_banca" ADD CONSTRAINT "esiti_banca_lotto_id_lotti_pagamento_id_fk" FOREIGN KEY ("lotto_id") REFERENCES "public"."lotti_pagamento"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "esiti_banca" ADD CONSTRAINT "esiti_banca_registrato_da_utenti_id_fk" FOREIGN KEY ("registrato_da") REFERENCES "public"."utenti"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "esiti_banca_file_uq" ON "esiti_banca" USING btree ("lotto_id","sha256");--> statement-breakpoint
CREATE INDEX "esiti_banca_lotto_idx" ON "esiti_banca" USING btree ("lotto_id","id");--> statement-breakpoint
CREATE INDEX "importi_cig_esito_lotto_idx" ON "importi_cig" USING btree ((("esito_banca"->>'lottoId')::int));--> statement-breakpoint
ALTER TABLE "lotti_pagamento" ADD CONSTRAINT "lotti_pagamento_esito" CHECK (("lotti_pagamento"."esito" is null or "lotti_pagamento"."stato" in ('inviato','esito_ricevuto')) and (("lotti_pagamento"."stato" = 'esito_ricevuto') = ("lotti_pagamento"."esito" is not null and "lotti_pagamento"."esito" <> 'in_corso')));--> statement-breakpoint
ALTER TABLE "lotti_pagamento" ADD CONSTRAINT "lotti_pagamento_stato" CHECK ("lotti_pagamento"."stato" in ('preparato','approvato','inviato','esito_ricevuto'));--> statement-breakpoint
ALTER TABLE "lotti_pagamento" ADD CONSTRAINT "lotti_pagamento_inviato" CHECK (("lotti_pagamento"."stato" in ('inviato','esito_ricevuto')) = ("lotti_pagamento"."inviato_da" is not null));