CREATE TABLE "checklist_istruttoria" (
	"domanda_id" integer NOT NULL,
	"chiave" varchar(32) NOT NULL,
	"stato" varchar(16) NOT NULL,
	"nota" text,
	"versione" integer DEFAULT 1 NOT NULL,
	"aggiornata_da" integer NOT NULL,
	"aggiornata_il" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "checklist_istruttoria_domanda_id_chiave_pk" PRIMARY KEY("domanda_id","chiave"),
	CONSTRAINT "checklist_istruttoria_stato" CHECK ("checklist_istruttoria"."stato" in ('da_verificare','verificato','non_verificato','non_pertinente')),
	CONSTRAINT "checklist_istruttoria_nota" CHECK ("checklist_istruttoria"."nota" is null or length("checklist_istruttoria"."nota") <= 2000)
);
--> statement-breakpoint
CREATE TABLE "note_istruttoria" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"domanda_id" integer NOT NULL,
	"autore_id" integer NOT NULL,
	"testo" text NOT NULL,
	"creata_il" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "note_istruttoria_testo" CHECK (length("note_istruttoria"."testo") between 1 and 4000)
);
--> statement-breakpoint
ALTER TABLE "domande" ADD COLUMN "sede_codice" varchar(4);--> statement-breakpoint
ALTER TABLE "domande" ADD COLUMN "causale" varchar(48);--> statement-breakpoint
ALTER TABLE "domande" ADD COLUMN "avvisi_invio" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "domande" ADD COLUMN "scadenza_decisione" date;--> statement-breakpoint
ALTER TABLE "domande" ADD COLUMN "termine_sospeso_dal" date;--> statement-breakpoint
ALTER TABLE "domande" ADD COLUMN "operatore_id" integer;--> statement-breakpoint
ALTER TABLE "domande" ADD COLUMN "presa_in_carico_il" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "domande" ADD COLUMN "decisa_il" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "checklist_istruttoria" ADD CONSTRAINT "checklist_istruttoria_domanda_id_domande_id_fk" FOREIGN KEY ("domanda_id") REFERENCES "public"."domande"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checklist_istruttoria" ADD CONSTRAINT "checklist_istruttoria_aggiornata_da_utenti_id_fk" FOREIGN KEY ("aggiornata_da") REFERENCES "public"."utenti"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_istruttoria" ADD CONSTRAINT "note_istruttoria_domanda_id_domande_id_fk" FOREIGN KEY ("domanda_id") REFERENCES "public"."domande"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_istruttoria" ADD CONSTRAINT "note_istruttoria_autore_id_utenti_id_fk" FOREIGN KEY ("autore_id") REFERENCES "public"."utenti"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "note_istruttoria_domanda_idx" ON "note_istruttoria" USING btree ("domanda_id","creata_il");--> statement-breakpoint
ALTER TABLE "domande" ADD CONSTRAINT "domande_sede_codice_sedi_codice_fk" FOREIGN KEY ("sede_codice") REFERENCES "public"."sedi"("codice") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "domande" ADD CONSTRAINT "domande_operatore_id_utenti_id_fk" FOREIGN KEY ("operatore_id") REFERENCES "public"."utenti"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "domande_coda_sede_scadenza_idx" ON "domande" USING btree ("sede_codice","scadenza_decisione","id") WHERE stato in ('inviata', 'in_istruttoria', 'sospesa');--> statement-breakpoint
CREATE INDEX "domande_coda_scadenza_idx" ON "domande" USING btree ("scadenza_decisione","id") WHERE stato in ('inviata', 'in_istruttoria', 'sospesa');--> statement-breakpoint
CREATE INDEX "domande_coda_sede_invio_idx" ON "domande" USING btree ("sede_codice","inviata_il","id") WHERE stato in ('inviata', 'in_istruttoria', 'sospesa');--> statement-breakpoint
CREATE INDEX "domande_coda_invio_idx" ON "domande" USING btree ("inviata_il","id") WHERE stato in ('inviata', 'in_istruttoria', 'sospesa');--> statement-breakpoint
CREATE INDEX "domande_operatore_idx" ON "domande" USING btree ("operatore_id","stato");--> statement-breakpoint
CREATE INDEX "domande_sede_stato_idx" ON "domande" USING btree ("sede_codice","stato");--> statement-breakpoint
-- Domande sent before this migration: the queue's columns as the submission now writes them (app/services/invio.server.ts
-- datiCoda; decision time limits of app/domain/parametri/istruttoria.ts in force since 2021: CIGO 75 days, others 30,
-- from sending or from the start of the period if later).
UPDATE "domande" d SET
  "sede_codice" = a."sede_codice",
  "causale" = d."dati" -> 'periodo' ->> 'causale',
  "avvisi_invio" = coalesce((select count(*) from jsonb_array_elements(coalesce(d."esiti_invio", '[]'::jsonb)) e where e ->> 'gravita' = 'avviso'), 0),
  "scadenza_decisione" = greatest(("d"."inviata_il" at time zone 'Europe/Rome')::date, coalesce(d."data_inizio", ("d"."inviata_il" at time zone 'Europe/Rome')::date))
    + case when d."prestazione" = 'CIGO' then 75 else 30 end
FROM "aziende" a
WHERE a."id" = d."azienda_id" AND d."stato" <> 'bozza' AND d."inviata_il" IS NOT NULL;
