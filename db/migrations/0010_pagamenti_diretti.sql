CREATE TABLE "contributi_addizionali" (
	"provvedimento_id" integer PRIMARY KEY NOT NULL,
	"importo_centesimi" bigint,
	"retribuzione_persa_centesimi" bigint NOT NULL,
	"calcolo" jsonb NOT NULL,
	"aggiornato_il" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "importi_cig" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"denuncia_id" bigint NOT NULL,
	"chiave" varchar(80) NOT NULL,
	"provvedimento_id" integer NOT NULL,
	"domanda_id" integer NOT NULL,
	"azienda_id" integer NOT NULL,
	"sede_codice" varchar(4) NOT NULL,
	"codice_fiscale" varchar(16) NOT NULL,
	"nominativo" text NOT NULL,
	"competenza" date NOT NULL,
	"iban" varchar(34) NOT NULL,
	"ore_centesimi" integer NOT NULL,
	"retribuzione_persa_centesimi" bigint NOT NULL,
	"lordo_centesimi" bigint NOT NULL,
	"lordo_limitato_centesimi" bigint NOT NULL,
	"riduzione_centesimi" bigint NOT NULL,
	"netto_centesimi" bigint NOT NULL,
	"calcolo" jsonb NOT NULL,
	"stato" varchar(16) NOT NULL,
	"eccezioni" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"risolto_da" integer,
	"risolto_il" timestamp with time zone,
	"motivo_risoluzione" text,
	"lotto_id" integer,
	"creato_il" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "importi_cig_stato" CHECK ("importi_cig"."stato" in ('approvato','eccezione','respinto','annullato','in_lotto','pagato')),
	CONSTRAINT "importi_cig_lotto" CHECK (("importi_cig"."lotto_id" is not null) = ("importi_cig"."stato" in ('in_lotto','pagato'))),
	CONSTRAINT "importi_cig_cifre" CHECK ("importi_cig"."netto_centesimi" >= 0 and "importi_cig"."netto_centesimi" <= "importi_cig"."lordo_limitato_centesimi" and "importi_cig"."lordo_limitato_centesimi" <= "importi_cig"."lordo_centesimi"),
	CONSTRAINT "importi_cig_motivo" CHECK ("importi_cig"."motivo_risoluzione" is null or length("importi_cig"."motivo_risoluzione") between 1 and 2000)
);
--> statement-breakpoint
CREATE TABLE "lotti_pagamento" (
	"id" serial PRIMARY KEY NOT NULL,
	"sede_codice" varchar(4) NOT NULL,
	"giorno" date NOT NULL,
	"progressivo" smallint NOT NULL,
	"messaggio_id" varchar(35) NOT NULL,
	"stato" varchar(16) DEFAULT 'preparato' NOT NULL,
	"disposizioni" integer NOT NULL,
	"totale_centesimi" bigint NOT NULL,
	"xml" text NOT NULL,
	"xml_sha256" varchar(64) NOT NULL,
	"preparato_da" integer NOT NULL,
	"preparato_il" timestamp with time zone DEFAULT now() NOT NULL,
	"approvato_da" integer,
	"approvato_il" timestamp with time zone,
	"inviato_da" integer,
	"inviato_il" timestamp with time zone,
	CONSTRAINT "lotti_pagamento_stato" CHECK ("lotti_pagamento"."stato" in ('preparato','approvato','inviato')),
	CONSTRAINT "lotti_pagamento_disposizioni" CHECK ("lotti_pagamento"."disposizioni" > 0 and "lotti_pagamento"."totale_centesimi" > 0),
	CONSTRAINT "lotti_pagamento_quattro_occhi" CHECK ("lotti_pagamento"."approvato_da" is null or "lotti_pagamento"."approvato_da" <> "lotti_pagamento"."preparato_da"),
	CONSTRAINT "lotti_pagamento_approvato" CHECK (("lotti_pagamento"."stato" = 'preparato') = ("lotti_pagamento"."approvato_da" is null)),
	CONSTRAINT "lotti_pagamento_inviato" CHECK (("lotti_pagamento"."stato" = 'inviato') = ("lotti_pagamento"."inviato_da" is not null))
);
--> statement-breakpoint
ALTER TABLE "lavoratori" ADD COLUMN "titolare_pensione" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "lavoratori" ADD COLUMN "trattenute_giudiziali" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "contributi_addizionali" ADD CONSTRAINT "contributi_addizionali_provvedimento_id_provvedimenti_id_fk" FOREIGN KEY ("provvedimento_id") REFERENCES "public"."provvedimenti"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "importi_cig" ADD CONSTRAINT "importi_cig_denuncia_id_denunce_cig_id_fk" FOREIGN KEY ("denuncia_id") REFERENCES "public"."denunce_cig"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "importi_cig" ADD CONSTRAINT "importi_cig_provvedimento_id_provvedimenti_id_fk" FOREIGN KEY ("provvedimento_id") REFERENCES "public"."provvedimenti"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "importi_cig" ADD CONSTRAINT "importi_cig_domanda_id_domande_id_fk" FOREIGN KEY ("domanda_id") REFERENCES "public"."domande"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "importi_cig" ADD CONSTRAINT "importi_cig_azienda_id_aziende_id_fk" FOREIGN KEY ("azienda_id") REFERENCES "public"."aziende"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "importi_cig" ADD CONSTRAINT "importi_cig_sede_codice_sedi_codice_fk" FOREIGN KEY ("sede_codice") REFERENCES "public"."sedi"("codice") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "importi_cig" ADD CONSTRAINT "importi_cig_risolto_da_utenti_id_fk" FOREIGN KEY ("risolto_da") REFERENCES "public"."utenti"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "importi_cig" ADD CONSTRAINT "importi_cig_lotto_id_lotti_pagamento_id_fk" FOREIGN KEY ("lotto_id") REFERENCES "public"."lotti_pagamento"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lotti_pagamento" ADD CONSTRAINT "lotti_pagamento_sede_codice_sedi_codice_fk" FOREIGN KEY ("sede_codice") REFERENCES "public"."sedi"("codice") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lotti_pagamento" ADD CONSTRAINT "lotti_pagamento_preparato_da_utenti_id_fk" FOREIGN KEY ("preparato_da") REFERENCES "public"."utenti"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lotti_pagamento" ADD CONSTRAINT "lotti_pagamento_approvato_da_utenti_id_fk" FOREIGN KEY ("approvato_da") REFERENCES "public"."utenti"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lotti_pagamento" ADD CONSTRAINT "lotti_pagamento_inviato_da_utenti_id_fk" FOREIGN KEY ("inviato_da") REFERENCES "public"."utenti"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "importi_cig_denuncia_uq" ON "importi_cig" USING btree ("denuncia_id");--> statement-breakpoint
CREATE UNIQUE INDEX "importi_cig_chiave_uq" ON "importi_cig" USING btree ("chiave") WHERE "importi_cig"."stato" not in ('respinto','annullato');--> statement-breakpoint
CREATE INDEX "importi_cig_sede_stato_idx" ON "importi_cig" USING btree ("sede_codice","stato","id");--> statement-breakpoint
CREATE INDEX "importi_cig_provvedimento_idx" ON "importi_cig" USING btree ("provvedimento_id");--> statement-breakpoint
CREATE INDEX "importi_cig_domanda_idx" ON "importi_cig" USING btree ("domanda_id","codice_fiscale");--> statement-breakpoint
CREATE INDEX "importi_cig_lotto_idx" ON "importi_cig" USING btree ("lotto_id");--> statement-breakpoint
CREATE UNIQUE INDEX "lotti_pagamento_giorno_uq" ON "lotti_pagamento" USING btree ("sede_codice","giorno","progressivo");--> statement-breakpoint
CREATE UNIQUE INDEX "lotti_pagamento_messaggio_uq" ON "lotti_pagamento" USING btree ("messaggio_id");--> statement-breakpoint
CREATE INDEX "lotti_pagamento_sede_idx" ON "lotti_pagamento" USING btree ("sede_codice","id");--> statement-breakpoint
-- The SEPA file of a batch is written once, when it is prepared: approving and sending change the state only, so what
-- the second operator approved is byte for byte what the bank receives. A batch is never deleted.
CREATE OR REPLACE FUNCTION lotti_pagamento_file_definitivo() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'un lotto di pagamento non si cancella';
  END IF;
  IF NEW.xml IS DISTINCT FROM OLD.xml OR NEW.xml_sha256 IS DISTINCT FROM OLD.xml_sha256
     OR NEW.totale_centesimi IS DISTINCT FROM OLD.totale_centesimi OR NEW.disposizioni IS DISTINCT FROM OLD.disposizioni
     OR NEW.preparato_da IS DISTINCT FROM OLD.preparato_da OR NEW.messaggio_id IS DISTINCT FROM OLD.messaggio_id THEN
    RAISE EXCEPTION 'il file di un lotto di pagamento non cambia dopo la preparazione';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER lotti_pagamento_definitivo BEFORE UPDATE OR DELETE ON lotti_pagamento
  FOR EACH ROW EXECUTE FUNCTION lotti_pagamento_file_definitivo();
