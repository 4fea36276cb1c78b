CREATE TABLE "letture_filo" (
	"domanda_id" integer NOT NULL,
	"lato" varchar(8) NOT NULL,
	"ultimo_evento_id" bigint NOT NULL,
	"letto_il" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "letture_filo_domanda_id_lato_pk" PRIMARY KEY("domanda_id","lato"),
	CONSTRAINT "letture_filo_lato" CHECK ("letture_filo"."lato" in ('azienda','sede'))
);
--> statement-breakpoint
CREATE TABLE "posta_pozzo" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"ricevuta_il" timestamp with time zone DEFAULT now() NOT NULL,
	"mittente" text NOT NULL,
	"destinatari" text[] NOT NULL,
	"oggetto" text NOT NULL,
	"testo" text NOT NULL,
	"message_id" text
);
--> statement-breakpoint
ALTER TABLE "eventi_domanda" ADD COLUMN "lato" varchar(8);--> statement-breakpoint
ALTER TABLE "eventi_domanda" ADD COLUMN "testo" text;--> statement-breakpoint
ALTER TABLE "eventi_domanda" ADD COLUMN "chiave" varchar(96);--> statement-breakpoint
ALTER TABLE "letture_filo" ADD CONSTRAINT "letture_filo_domanda_id_domande_id_fk" FOREIGN KEY ("domanda_id") REFERENCES "public"."domande"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "posta_pozzo_ricevuta_idx" ON "posta_pozzo" USING btree ("ricevuta_il");--> statement-breakpoint
CREATE INDEX "eventi_domanda_filo_idx" ON "eventi_domanda" USING btree ("domanda_id","id");--> statement-breakpoint
CREATE INDEX "eventi_domanda_per_sede_idx" ON "eventi_domanda" USING btree ("domanda_id","id") WHERE lato = 'azienda' and tipo in ('messaggio', 'risposta', 'rinunciata');--> statement-breakpoint
CREATE UNIQUE INDEX "eventi_domanda_chiave_uq" ON "eventi_domanda" USING btree ("chiave");--> statement-breakpoint
ALTER TABLE "eventi_domanda" ADD CONSTRAINT "eventi_domanda_lato" CHECK ("eventi_domanda"."lato" is null or "eventi_domanda"."lato" in ('azienda','sede','sistema'));--> statement-breakpoint
ALTER TABLE "eventi_domanda" ADD CONSTRAINT "eventi_domanda_testo" CHECK ("eventi_domanda"."testo" is null or length("eventi_domanda"."testo") between 1 and 4000);--> statement-breakpoint
-- Hand-written: the side that wrote each entry of a domanda's thread. Existing entries and inserts that leave it out
-- (the seed) take it from the author's role: none = the system (jobs), an office role = the Sede, else the company.
CREATE FUNCTION eventi_domanda_lato_predefinito() RETURNS trigger AS $$
BEGIN
  IF NEW.lato IS NULL THEN
    NEW.lato := CASE
      WHEN NEW.utente_id IS NULL THEN 'sistema'
      WHEN EXISTS (SELECT 1 FROM ruoli_utente r WHERE r.utente_id = NEW.utente_id AND r.ruolo IN ('operatore_sede', 'dirigente_sede')) THEN 'sede'
      ELSE 'azienda'
    END;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER eventi_domanda_lato BEFORE INSERT ON eventi_domanda FOR EACH ROW EXECUTE FUNCTION eventi_domanda_lato_predefinito();
--> statement-breakpoint
UPDATE eventi_domanda e SET lato = CASE
  WHEN e.utente_id IS NULL THEN 'sistema'
  WHEN EXISTS (SELECT 1 FROM ruoli_utente r WHERE r.utente_id = e.utente_id AND r.ruolo IN ('operatore_sede', 'dirigente_sede')) THEN 'sede'
  ELSE 'azienda'
END;
