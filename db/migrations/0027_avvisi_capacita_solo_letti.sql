-- Hand-written (issue 14, ADR 027 "Secondo giro"): the version of a company moves only when something the capacity
-- warnings read changes (app/services/cruscotto.server.ts autorizzazioniAziende, app/services/avvisi-capacita.server.ts
-- datiAziende and nomiUnitaDi). With 0022 every draft creation and step save upserted the company's version row and
-- held its lock until commit: all writes for one company waited for each other and for the operator's decision.
-- - domande: only rows in a state the warnings read (CONTANO: inviata, in_istruttoria, sospesa, autorizzata,
--   autorizzata_parziale), before or after the change; drafts, withdrawn and rejected ones are not read.
-- - domanda_lavoratori: only rows of such domande (the count of workers asked). The domande are locked FOR SHARE
--   before their state is read, so a submission of the same domanda committing meanwhile is waited for and seen
--   (in a CTE: a WHERE on the state beside FOR SHARE would skip, unlocked, a row the snapshot still sees as a draft).
-- - aziende: only gestione, codice_ateco, forza_media_semestre; unita_produttive: only the name (and the company),
--   compared in the transition tables (column lists cannot be combined with transition tables). A new unit is read
--   only through a domanda that names it, whose own write moves the version.
-- - provvedimenti, provvedimenti_lavoratori, uniemens_eventi_cig, denunce_cig: as in 0022 (written by decisions and
--   flows, never by drafts).
CREATE OR REPLACE FUNCTION avvisi_capacita_modifica() RETURNS trigger AS $$
DECLARE
  ids integer[];
  letti constant stato_domanda[] := '{inviata,in_istruttoria,sospesa,autorizzata,autorizzata_parziale}';
BEGIN
  IF TG_TABLE_NAME = 'domande' THEN
    IF TG_OP = 'INSERT' THEN ids := array(SELECT azienda_id FROM nuove WHERE stato = ANY(letti));
    ELSIF TG_OP = 'UPDATE' THEN ids := array(SELECT azienda_id FROM nuove WHERE stato = ANY(letti) UNION SELECT azienda_id FROM vecchie WHERE stato = ANY(letti));
    ELSE ids := array(SELECT azienda_id FROM vecchie WHERE stato = ANY(letti));
    END IF;
  ELSIF TG_TABLE_NAME = 'domanda_lavoratori' THEN
    IF TG_OP = 'INSERT' THEN
      ids := array(WITH d AS MATERIALIZED (SELECT azienda_id, stato FROM domande WHERE id IN (SELECT domanda_id FROM nuove) FOR SHARE)
                   SELECT azienda_id FROM d WHERE stato = ANY(letti));
    ELSIF TG_OP = 'UPDATE' THEN
      ids := array(WITH d AS MATERIALIZED (SELECT azienda_id, stato FROM domande WHERE id IN (SELECT domanda_id FROM nuove UNION SELECT domanda_id FROM vecchie) FOR SHARE)
                   SELECT azienda_id FROM d WHERE stato = ANY(letti));
    ELSE
      ids := array(WITH d AS MATERIALIZED (SELECT azienda_id, stato FROM domande WHERE id IN (SELECT domanda_id FROM vecchie) FOR SHARE)
                   SELECT azienda_id FROM d WHERE stato = ANY(letti));
    END IF;
  ELSIF TG_TABLE_NAME = 'aziende' THEN
    ids := array(SELECT n.id FROM nuove n JOIN vecchie o ON o.id = n.id
                 WHERE (o.gestione, o.codice_ateco, o.forza_media_semestre) IS DISTINCT FROM (n.gestione, n.codice_ateco, n.forza_media_semestre));
  ELSIF TG_TABLE_NAME = 'unita_produttive' THEN
    IF TG_OP = 'UPDATE' THEN
      ids := array(SELECT x FROM nuove n JOIN vecchie o ON o.id = n.id, unnest(array[o.azienda_id, n.azienda_id]) AS x
                   WHERE (o.denominazione, o.azienda_id) IS DISTINCT FROM (n.denominazione, n.azienda_id));
    ELSE ids := array(SELECT azienda_id FROM vecchie);
    END IF;
  ELSIF TG_TABLE_NAME = 'provvedimenti' THEN
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
DROP TRIGGER avvisi_capacita_unita_i ON unita_produttive;
