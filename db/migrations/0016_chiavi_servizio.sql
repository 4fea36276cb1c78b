CREATE TABLE "chiavi_servizio" (
	"kid" varchar(64) PRIMARY KEY NOT NULL,
	"uso" varchar(20) NOT NULL,
	"jwk_privata" jsonb NOT NULL,
	"creata_il" timestamp with time zone DEFAULT now() NOT NULL,
	"firma_dal" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "chiavi_servizio_uso_idx" ON "chiavi_servizio" USING btree ("uso","firma_dal");