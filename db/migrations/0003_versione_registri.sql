CREATE TABLE "versione_registri" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"versione" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "versione_registri_una_riga" CHECK ("versione_registri"."id" = 1)
);
--> statement-breakpoint
INSERT INTO "versione_registri" ("id", "versione") VALUES (1, 0);
--> statement-breakpoint
-- One increment per statement (not per row): a batch import of thousands of rows costs one update.
CREATE OR REPLACE FUNCTION versione_registri_avanza() RETURNS trigger AS $$
BEGIN
  UPDATE versione_registri SET versione = versione + 1 WHERE id = 1;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER lavoratori_versione AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON lavoratori
  FOR EACH STATEMENT EXECUTE FUNCTION versione_registri_avanza();
--> statement-breakpoint
CREATE TRIGGER rapporti_lavoro_versione AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON rapporti_lavoro
  FOR EACH STATEMENT EXECUTE FUNCTION versione_registri_avanza();
--> statement-breakpoint
CREATE TRIGGER giornate_agricole_versione AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON giornate_agricole
  FOR EACH STATEMENT EXECUTE FUNCTION versione_registri_avanza();
