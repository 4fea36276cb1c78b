CREATE TABLE "avvisi_capacita" (
	"azienda_id" integer PRIMARY KEY NOT NULL,
	"giorno" date NOT NULL,
	"versione" bigint NOT NULL,
	"firma" varchar(64) NOT NULL,
	"avvisi" jsonb NOT NULL,
	"calcolati_il" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "avvisi_capacita_versioni" (
	"azienda_id" integer PRIMARY KEY NOT NULL,
	"versione" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "avvisi_capacita" ADD CONSTRAINT "avvisi_capacita_azienda_id_aziende_id_fk" FOREIGN KEY ("azienda_id") REFERENCES "public"."aziende"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "avvisi_capacita_versioni" ADD CONSTRAINT "avvisi_capacita_versioni_azienda_id_aziende_id_fk" FOREIGN KEY ("azienda_id") REFERENCES "public"."aziende"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Hand-written (issue 13, ADR 027): whatever the capacity warnings of a company read moves its version, in the
-- transaction of the write, so a stored warning computed before is never taken as current. Statement triggers with
-- transition tables: one upsert per statement whatever its rows (seeds and flows write thousands at once), companies
-- in a fixed order. No rule here: only which rows belong to which company.
CREATE FUNCTION avvisi_capacita_nuova_versione(aziende integer[]) RETURNS void AS $$
  INSERT INTO avvisi_capacita_versioni AS v (azienda_id, versione)
  SELECT DISTINCT x, 1::bigint FROM unnest(aziende) AS x WHERE x IS NOT NULL ORDER BY 1
  ON CONFLICT (azienda_id) DO UPDATE SET versione = v.versione + 1
$$ LANGUAGE sql;
--> statement-breakpoint
-- The rows' companies: `nuove` for INSERT and UPDATE, `vecchie` for UPDATE and DELETE (plpgsql plans a statement when
-- it first runs, so a branch that names a transition table the trigger lacks is never planned).
CREATE FUNCTION avvisi_capacita_modifica() RETURNS trigger AS $$
DECLARE
  ids integer[];
BEGIN
  IF TG_TABLE_NAME IN ('domande', 'unita_produttive') THEN
    IF TG_OP = 'INSERT' THEN ids := array(SELECT azienda_id FROM nuove);
    ELSIF TG_OP = 'UPDATE' THEN ids := array(SELECT azienda_id FROM nuove UNION SELECT azienda_id FROM vecchie);
    ELSE ids := array(SELECT azienda_id FROM vecchie);
    END IF;
  ELSIF TG_TABLE_NAME = 'aziende' THEN
    ids := array(SELECT id FROM nuove);
  ELSIF TG_TABLE_NAME IN ('domanda_lavoratori', 'provvedimenti') THEN
    IF TG_OP = 'INSERT' THEN ids := array(SELECT d.azienda_id FROM domande d WHERE d.id IN (SELECT domanda_id FROM nuove));
    ELSIF TG_OP = 'UPDATE' THEN ids := array(SELECT d.azienda_id FROM domande d WHERE d.id IN (SELECT domanda_id FROM nuove UNION SELECT domanda_id FROM vecchie));
    ELSE ids := array(SELECT d.azienda_id FROM domande d WHERE d.id IN (SELECT domanda_id FROM vecchie));
    END IF;
  ELSIF TG_TABLE_NAME = 'provvedimenti_lavoratori' THEN
    IF TG_OP = 'INSERT' THEN ids := array(SELECT d.azienda_id FROM provvedimenti p JOIN domande d ON d.id = p.domanda_id WHERE p.id IN (SELECT provvedimento_id FROM nuove));
    ELSIF TG_OP = 'UPDATE' THEN ids := array(SELECT d.azienda_id FROM provvedimenti p JOIN domande d ON d.id = p.domanda_id WHERE p.id IN (SELECT provvedimento_id FROM nuove UNION SELECT provvedimento_id FROM vecchie));
    ELSE ids := array(SELECT d.azienda_id FROM provvedimenti p JOIN domande d ON d.id = p.domanda_id WHERE p.id IN (SELECT provvedimento_id FROM vecchie));
    END IF;
  ELSE
    -- uniemens_eventi_cig and denunce_cig: the fruito is read by ticket (app/services/cruscotto.server.ts).
    IF TG_OP = 'INSERT' THEN ids := array(SELECT d.azienda_id FROM domande d WHERE d.ticket IN (SELECT ticket FROM nuove));
    ELSIF TG_OP = 'UPDATE' THEN ids := array(SELECT d.azienda_id FROM domande d WHERE d.ticket IN (SELECT ticket FROM nuove UNION SELECT ticket FROM vecchie));
    ELSE ids := array(SELECT d.azienda_id FROM domande d WHERE d.ticket IN (SELECT ticket FROM vecchie));
    END IF;
  END IF;
  IF cardinality(ids) > 0 THEN PERFORM avvisi_capacita_nuova_versione(ids); END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER avvisi_capacita_domande_i AFTER INSERT ON domande REFERENCING NEW TABLE AS nuove FOR EACH STATEMENT EXECUTE FUNCTION avvisi_capacita_modifica();--> statement-breakpoint
CREATE TRIGGER avvisi_capacita_domande_u AFTER UPDATE ON domande REFERENCING OLD TABLE AS vecchie NEW TABLE AS nuove FOR EACH STATEMENT EXECUTE FUNCTION avvisi_capacita_modifica();--> statement-breakpoint
CREATE TRIGGER avvisi_capacita_domande_d AFTER DELETE ON domande REFERENCING OLD TABLE AS vecchie FOR EACH STATEMENT EXECUTE FUNCTION avvisi_capacita_modifica();--> statement-breakpoint
CREATE TRIGGER avvisi_capacita_unita_i AFTER INSERT ON unita_produttive REFERENCING NEW TABLE AS nuove FOR EACH STATEMENT EXECUTE FUNCTION avvisi_capacita_modifica();--> statement-breakpoint
CREATE TRIGGER avvisi_capacita_unita_u AFTER UPDATE ON unita_produttive REFERENCING OLD TABLE AS vecchie NEW TABLE AS nuove FOR EACH STATEMENT EXECUTE FUNCTION avvisi_capacita_modifica();--> statement-breakpoint
CREATE TRIGGER avvisi_capacita_unita_d AFTER DELETE ON unita_produttive REFERENCING OLD TABLE AS vecchie FOR EACH STATEMENT EXECUTE FUNCTION avvisi_capacita_modifica();--> statement-breakpoint
CREATE TRIGGER avvisi_capacita_aziende_u AFTER UPDATE ON aziende REFERENCING OLD TABLE AS vecchie NEW TABLE AS nuove FOR EACH STATEMENT EXECUTE FUNCTION avvisi_capacita_modifica();--> statement-breakpoint
CREATE TRIGGER avvisi_capacita_domanda_lavoratori_i AFTER INSERT ON domanda_lavoratori REFERENCING NEW TABLE AS nuove FOR EACH STATEMENT EXECUTE FUNCTION avvisi_capacita_modifica();--> statement-breakpoint
CREATE TRIGGER avvisi_capacita_domanda_lavoratori_u AFTER UPDATE ON domanda_lavoratori REFERENCING OLD TABLE AS vecchie NEW TABLE AS nuove FOR EACH STATEMENT EXECUTE FUNCTION avvisi_capacita_modifica();--> statement-breakpoint
CREATE TRIGGER avvisi_capacita_domanda_lavoratori_d AFTER DELETE ON domanda_lavoratori REFERENCING OLD TABLE AS vecchie FOR EACH STATEMENT EXECUTE FUNCTION avvisi_capacita_modifica();--> statement-breakpoint
CREATE TRIGGER avvisi_capacita_provvedimenti_i AFTER INSERT ON provvedimenti REFERENCING NEW TABLE AS nuove FOR EACH STATEMENT EXECUTE FUNCTION avvisi_capacita_modifica();--> statement-breakpoint
CREATE TRIGGER avvisi_capacita_provvedimenti_u AFTER UPDATE ON provvedimenti REFERENCING OLD TABLE AS vecchie NEW TABLE AS nuove FOR EACH STATEMENT EXECUTE FUNCTION avvisi_capacita_modifica();--> statement-breakpoint
CREATE TRIGGER avvisi_capacita_provvedimenti_d AFTER DELETE ON provvedimenti REFERENCING OLD TABLE AS vecchie FOR EACH STATEMENT EXECUTE FUNCTION avvisi_capacita_modifica();--> statement-breakpoint
CREATE TRIGGER avvisi_capacita_provvedimenti_lavoratori_i AFTER INSERT ON provvedimenti_lavoratori REFERENCING NEW TABLE AS nuove FOR EACH STATEMENT EXECUTE FUNCTION avvisi_capacita_modifica();--> statement-breakpoint
CREATE TRIGGER avvisi_capacita_provvedimenti_lavoratori_u AFTER UPDATE ON provvedimenti_lavoratori REFERENCING OLD TABLE AS vecchie NEW TABLE AS nuove FOR EACH STATEMENT EXECUTE FUNCTION avvisi_capacita_modifica();--> statement-breakpoint
CREATE TRIGGER avvisi_capacita_provvedimenti_lavoratori_d AFTER DELETE ON provvedimenti_lavoratori REFERENCING OLD TABLE AS vecchie FOR EACH STATEMENT EXECUTE FUNCTION avvisi_capacita_modifica();--> statement-breakpoint
CREATE TRIGGER avvisi_capacita_uniemens_i AFTER INSERT ON uniemens_eventi_cig REFERENCING NEW TABLE AS nuove FOR EACH STATEMENT EXECUTE FUNCTION avvisi_capacita_modifica();--> statement-breakpoint
CREATE TRIGGER avvisi_capacita_uniemens_u AFTER UPDATE ON uniemens_eventi_cig REFERENCING OLD TABLE AS vecchie NEW TABLE AS nuove FOR EACH STATEMENT EXECUTE FUNCTION avvisi_capacita_modifica();--> statement-breakpoint
CREATE TRIGGER avvisi_capacita_uniemens_d AFTER DELETE ON uniemens_eventi_cig REFERENCING OLD TABLE AS vecchie FOR EACH STATEMENT EXECUTE FUNCTION avvisi_capacita_modifica();--> statement-breakpoint
CREATE TRIGGER avvisi_capacita_denunce_i AFTER INSERT ON denunce_cig REFERENCING NEW TABLE AS nuove FOR EACH STATEMENT EXECUTE FUNCTION avvisi_capacita_modifica();--> statement-breakpoint
CREATE TRIGGER avvisi_capacita_denunce_u AFTER UPDATE ON denunce_cig REFERENCING OLD TABLE AS vecchie NEW TABLE AS nuove FOR EACH STATEMENT EXECUTE FUNCTION avvisi_capacita_modifica();--> statement-breakpoint
CREATE TRIGGER avvisi_capacita_denunce_d AFTER DELETE ON denunce_cig REFERENCING OLD TABLE AS vecchie FOR EACH STATEMENT EXECUTE FUNCTION avvisi_capacita_modifica();
