-- A decision act is final (art. 11 D.M. 95442/2016; docs/regole.md §18): a correction is a new act linked to the one it
-- corrects (rettifica_di), never a change of the issued one. Nobody, not even the application, may change or delete an
-- act or its workers.
CREATE OR REPLACE FUNCTION provvedimenti_definitivi() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'i provvedimenti sono definitivi: una correzione è un nuovo atto (rettifica)';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER provvedimenti_no_update BEFORE UPDATE OR DELETE ON provvedimenti
  FOR EACH ROW EXECUTE FUNCTION provvedimenti_definitivi();
--> statement-breakpoint
CREATE TRIGGER provvedimenti_lavoratori_no_update BEFORE UPDATE OR DELETE ON provvedimenti_lavoratori
  FOR EACH ROW EXECUTE FUNCTION provvedimenti_definitivi();
