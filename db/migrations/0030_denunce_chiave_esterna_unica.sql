CREATE TABLE "flussi_cig_domande" (
	"flusso_id" integer NOT NULL,
	"domanda_id" integer NOT NULL,
	"azienda_id" integer NOT NULL,
	CONSTRAINT "flussi_cig_domande_flusso_id_domanda_id_azienda_id_pk" PRIMARY KEY("flusso_id","domanda_id","azienda_id")
);
--> statement-breakpoint
ALTER TABLE "denunce_cig" DROP CONSTRAINT "denunce_cig_flusso_id_flussi_cig_id_fk";
--> statement-breakpoint
ALTER TABLE "denunce_cig" DROP CONSTRAINT "denunce_cig_azienda_id_aziende_id_fk";
--> statement-breakpoint
ALTER TABLE "denunce_cig" DROP CONSTRAINT "denunce_cig_domanda_id_domande_id_fk";
--> statement-breakpoint
ALTER TABLE "flussi_cig_domande" ADD CONSTRAINT "flussi_cig_domande_flusso_id_flussi_cig_id_fk" FOREIGN KEY ("flusso_id") REFERENCES "public"."flussi_cig"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flussi_cig_domande" ADD CONSTRAINT "flussi_cig_domande_domanda_id_domande_id_fk" FOREIGN KEY ("domanda_id") REFERENCES "public"."domande"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flussi_cig_domande" ADD CONSTRAINT "flussi_cig_domande_azienda_id_aziende_id_fk" FOREIGN KEY ("azienda_id") REFERENCES "public"."aziende"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "flussi_cig_domande_domanda_idx" ON "flussi_cig_domande" USING btree ("domanda_id");--> statement-breakpoint
-- Hand-written (issue 12, ADR 038): the flows, domande and companies of the returns already accepted, before their
-- foreign key to this table.
INSERT INTO "flussi_cig_domande" ("flusso_id", "domanda_id", "azienda_id")
SELECT DISTINCT "flusso_id", "domanda_id", "azienda_id" FROM "denunce_cig";--> statement-breakpoint
ALTER TABLE "denunce_cig" ADD CONSTRAINT "denunce_cig_flusso_domanda_fk" FOREIGN KEY ("flusso_id","domanda_id","azienda_id") REFERENCES "public"."flussi_cig_domande"("flusso_id","domanda_id","azienda_id") ON DELETE no action ON UPDATE no action;