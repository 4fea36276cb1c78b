CREATE TABLE "ore_ticket_flussi_cig" (
	"ticket" varchar(32) NOT NULL,
	"flusso_id" integer NOT NULL,
	"ore_centesimi" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "ore_ticket_flussi_cig_ticket_flusso_id_pk" PRIMARY KEY("ticket","flusso_id")
);
--> statement-breakpoint
DROP INDEX "denunce_cig_flusso_idx";--> statement-breakpoint
ALTER TABLE "ore_ticket_flussi_cig" ADD CONSTRAINT "ore_ticket_flussi_cig_flusso_id_flussi_cig_id_fk" FOREIGN KEY ("flusso_id") REFERENCES "public"."flussi_cig"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "denunce_cig_flusso_id_idx" ON "denunce_cig" USING btree ("flusso_id","id");--> statement-breakpoint
-- Hand-written (issue 12): the hours each flow has accepted on a ticket, kept by triggers on denunce_cig in the
-- statement that writes the returns, so every way of writing them (a flow's batch, a withdrawal, seeds, tests) keeps
-- them. Only returns not withdrawn count, as in the check of the authorised hours (app/domain/flussi/controlli.ts,
-- UNI41-E091). One grouped upsert per statement (a batch writes 500 returns in one), rows in a fixed order; the change
-- applies to the row's latest version, so two statements at once add up. The acceptance of a batch and a withdrawal
-- also hold the ticket's lock (app/services/flussi), so a batch reads them with no write of that ticket under way.
CREATE FUNCTION ore_ticket_flussi_cig_nuove() RETURNS trigger AS $$
BEGIN
  INSERT INTO ore_ticket_flussi_cig AS o (ticket, flusso_id, ore_centesimi)
  SELECT n.ticket, n.flusso_id, sum(n.ore_centesimi)::bigint
  FROM nuove_denunce n WHERE n.eliminata_il IS NULL
  GROUP BY n.ticket, n.flusso_id
  ORDER BY n.ticket, n.flusso_id
  ON CONFLICT (ticket, flusso_id) DO UPDATE SET ore_centesimi = o.ore_centesimi + excluded.ore_centesimi;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER ore_ticket_flussi_cig_nuove AFTER INSERT ON denunce_cig REFERENCING NEW TABLE AS nuove_denunce
  FOR EACH STATEMENT EXECUTE FUNCTION ore_ticket_flussi_cig_nuove();
--> statement-breakpoint
-- A change (a withdrawal, its undoing in a test): the live hours after it minus those before, per ticket and flow.
CREATE FUNCTION ore_ticket_flussi_cig_cambiate() RETURNS trigger AS $$
BEGIN
  INSERT INTO ore_ticket_flussi_cig AS o (ticket, flusso_id, ore_centesimi)
  SELECT v.ticket, v.flusso_id, sum(v.ore)::bigint
  FROM (
    SELECT n.ticket, n.flusso_id, n.ore_centesimi AS ore FROM denunce_dopo n WHERE n.eliminata_il IS NULL
    UNION ALL
    SELECT p.ticket, p.flusso_id, -p.ore_centesimi FROM denunce_prima p WHERE p.eliminata_il IS NULL
  ) v
  GROUP BY v.ticket, v.flusso_id
  HAVING sum(v.ore) <> 0
  ORDER BY v.ticket, v.flusso_id
  ON CONFLICT (ticket, flusso_id) DO UPDATE SET ore_centesimi = o.ore_centesimi + excluded.ore_centesimi;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER ore_ticket_flussi_cig_cambiate AFTER UPDATE ON denunce_cig REFERENCING OLD TABLE AS denunce_prima NEW TABLE AS denunce_dopo
  FOR EACH STATEMENT EXECUTE FUNCTION ore_ticket_flussi_cig_cambiate();
--> statement-breakpoint
CREATE FUNCTION ore_ticket_flussi_cig_tolte() RETURNS trigger AS $$
BEGIN
  UPDATE ore_ticket_flussi_cig o SET ore_centesimi = o.ore_centesimi - t.ore
  FROM (
    SELECT p.ticket, p.flusso_id, sum(p.ore_centesimi)::bigint AS ore FROM denunce_tolte p WHERE p.eliminata_il IS NULL
    GROUP BY p.ticket, p.flusso_id
  ) t
  WHERE o.ticket = t.ticket AND o.flusso_id = t.flusso_id;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER ore_ticket_flussi_cig_tolte AFTER DELETE ON denunce_cig REFERENCING OLD TABLE AS denunce_tolte
  FOR EACH STATEMENT EXECUTE FUNCTION ore_ticket_flussi_cig_tolte();
--> statement-breakpoint
-- The hours of the returns already accepted.
INSERT INTO ore_ticket_flussi_cig (ticket, flusso_id, ore_centesimi)
SELECT d.ticket, d.flusso_id, sum(d.ore_centesimi)::bigint FROM denunce_cig d WHERE d.eliminata_il IS NULL GROUP BY d.ticket, d.flusso_id;
