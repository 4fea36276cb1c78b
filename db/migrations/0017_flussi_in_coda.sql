CREATE TABLE "file_flussi_cig" (
	"flusso_id" integer NOT NULL,
	"parte" integer NOT NULL,
	"dati" "bytea" NOT NULL,
	CONSTRAINT "file_flussi_cig_flusso_id_parte_pk" PRIMARY KEY("flusso_id","parte")
);
--> statement-breakpoint
CREATE TABLE "flussi_cig_aziende" (
	"flusso_id" integer NOT NULL,
	"azienda_id" integer NOT NULL,
	CONSTRAINT "flussi_cig_aziende_flusso_id_azienda_id_pk" PRIMARY KEY("flusso_id","azienda_id")
);
--> statement-breakpoint
ALTER TABLE "flussi_cig" DROP CONSTRAINT "flussi_cig_stato";--> statement-breakpoint
ALTER TABLE "flussi_cig" ADD COLUMN "azienda_id" integer;--> statement-breakpoint
ALTER TABLE "flussi_cig" ADD COLUMN "denunce_attese" integer;--> statement-breakpoint
ALTER TABLE "file_flussi_cig" ADD CONSTRAINT "file_flussi_cig_flusso_id_flussi_cig_id_fk" FOREIGN KEY ("flusso_id") REFERENCES "public"."flussi_cig"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flussi_cig_aziende" ADD CONSTRAINT "flussi_cig_aziende_flusso_id_flussi_cig_id_fk" FOREIGN KEY ("flusso_id") REFERENCES "public"."flussi_cig"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flussi_cig_aziende" ADD CONSTRAINT "flussi_cig_aziende_azienda_id_aziende_id_fk" FOREIGN KEY ("azienda_id") REFERENCES "public"."aziende"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "flussi_cig_aziende_azienda_idx" ON "flussi_cig_aziende" USING btree ("azienda_id");--> statement-breakpoint
ALTER TABLE "flussi_cig" ADD CONSTRAINT "flussi_cig_azienda_id_aziende_id_fk" FOREIGN KEY ("azienda_id") REFERENCES "public"."aziende"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flussi_cig" ADD CONSTRAINT "flussi_cig_stato" CHECK ("flussi_cig"."stato" in ('caricamento','in_coda','in_corso','completato','interrotto'));