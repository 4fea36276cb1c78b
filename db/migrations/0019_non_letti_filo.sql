CREATE TABLE "non_letti_filo" (
	"domanda_id" integer NOT NULL,
	"lato" varchar(8) NOT NULL,
	"azienda_id" integer NOT NULL,
	"sede_codice" varchar(4),
	"non_letti" integer DEFAULT 0 NOT NULL,
	"ultimo_evento_id" bigint,
	CONSTRAINT "non_letti_filo_domanda_id_lato_pk" PRIMARY KEY("domanda_id","lato"),
	CONSTRAINT "non_letti_filo_lato" CHECK ("non_letti_filo"."lato" in ('azienda','sede')),
	CONSTRAINT "non_letti_filo_positivo" CHECK ("non_letti_filo"."non_letti" >= 0)
);
--> statement-breakpoint
ALTER TABLE "non_letti_filo" ADD CONSTRAINT "non_letti_filo_domanda_id_domande_id_fk" FOREIGN KEY ("domanda_id") REFERENCES "public"."domande"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "non_letti_filo" ADD CONSTRAINT "non_letti_filo_azienda_id_aziende_id_fk" FOREIGN KEY ("azienda_id") REFERENCES "public"."aziende"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "non_letti_filo_azienda_idx" ON "non_letti_filo" USING btree ("azienda_id","non_letti") WHERE lato = 'azienda' and non_letti > 0;--> statement-breakpoint
CREATE INDEX "non_letti_filo_sede_idx" ON "non_letti_filo" USING btree ("sede_codice","non_letti") WHERE lato = 'sede' and non_letti > 0;--> statement-breakpoint
CREATE INDEX "non_letti_filo_casella_idx" ON "non_letti_filo" USING btree ("azienda_id","ultimo_evento_id") WHERE lato = 'azienda';--> statement-breakpoint
CREATE INDEX "non_letti_filo_casella_sede_idx" ON "non_letti_filo" USING btree ("sede_codice","ultimo_evento_id") WHERE lato = 'sede';--> statement-breakpoint
-- Hand-written (issue 13): the unread counters kept at write time, in the transaction that writes a thread entry or a
-- read mark, by triggers, so every way of writing (services, the submission's single statement, seeds, tests) keeps
-- them. What is unread for a side is the rule of NON_LETTI in app/domain/comunicazioni.ts (docs/regole.md §23),
-- written once here for the database; tests/integrazione/non-letti-contatori.test.ts checks the two agree.
CREATE FUNCTION voce_da_leggere(lettore varchar, lato varchar, tipo varchar) RETURNS boolean AS $$
  SELECT CASE lettore
    WHEN 'azienda' THEN coalesce(lato IN ('sede', 'sistema'), false)
    WHEN 'sede' THEN coalesce(lato = 'azienda' AND tipo IN ('messaggio', 'risposta', 'rinunciata'), false)
    ELSE false
  END
$$ LANGUAGE sql IMMUTABLE;
--> statement-breakpoint
-- New entries: the company's side's row moves with every entry (the inbox's latest activity) and counts those new for
-- it; the office's row exists from the first entry that counts for it. One grouped upsert per statement (the seeds
-- write thousands of entries in one), rows in a fixed order; the increment runs on the row's latest version, so two
-- messages written at once count 2.
CREATE FUNCTION non_letti_filo_nuove_voci() RETURNS trigger AS $$
BEGIN
  INSERT INTO non_letti_filo AS c (domanda_id, lato, azienda_id, sede_codice, non_letti, ultimo_evento_id)
  SELECT v.domanda_id, v.lettore, d.azienda_id, CASE WHEN v.lettore = 'sede' THEN d.sede_codice END, v.nuove, v.ultimo
  FROM (
    SELECT n.domanda_id, 'azienda'::varchar AS lettore,
           (count(*) FILTER (WHERE voce_da_leggere('azienda', n.lato, n.tipo)))::int AS nuove, max(n.id) AS ultimo
    FROM nuove_voci n GROUP BY n.domanda_id
    UNION ALL
    SELECT n.domanda_id, 'sede'::varchar, count(*)::int, max(n.id)
    FROM nuove_voci n WHERE voce_da_leggere('sede', n.lato, n.tipo) GROUP BY n.domanda_id
  ) v
  JOIN domande d ON d.id = v.domanda_id
  ORDER BY v.domanda_id, v.lettore
  ON CONFLICT (domanda_id, lato) DO UPDATE
    SET non_letti = c.non_letti + excluded.non_letti,
        ultimo_evento_id = greatest(c.ultimo_evento_id, excluded.ultimo_evento_id);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER non_letti_filo_nuove_voci AFTER INSERT ON eventi_domanda REFERENCING NEW TABLE AS nuove_voci
  FOR EACH STATEMENT EXECUTE FUNCTION non_letti_filo_nuove_voci();
--> statement-breakpoint
-- A read mark: the side's count becomes what is still unread after it. The row is locked first, so the count (a new
-- statement, hence a new snapshot) sees every entry whose increment committed before: an entry written meanwhile is
-- either counted here or added by its own increment after, never lost nor counted twice.
CREATE FUNCTION non_letti_filo_lettura() RETURNS trigger AS $$
BEGIN
  PERFORM 1 FROM non_letti_filo WHERE domanda_id = NEW.domanda_id AND lato = NEW.lato FOR UPDATE;
  UPDATE non_letti_filo c SET non_letti = (
    SELECT count(*)::int FROM eventi_domanda e
    WHERE e.domanda_id = NEW.domanda_id AND e.id > NEW.ultimo_evento_id AND voce_da_leggere(NEW.lato, e.lato, e.tipo)
  )
  WHERE c.domanda_id = NEW.domanda_id AND c.lato = NEW.lato;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER non_letti_filo_lettura AFTER INSERT OR UPDATE OF ultimo_evento_id ON letture_filo
  FOR EACH ROW EXECUTE FUNCTION non_letti_filo_lettura();
--> statement-breakpoint
-- The office's rows carry the domanda's sede: if a sent domanda moves to another sede, they move with it. The sending
-- itself (no sede before) has no office's row yet and calls nothing.
CREATE FUNCTION non_letti_filo_sede() RETURNS trigger AS $$
BEGIN
  UPDATE non_letti_filo SET sede_codice = NEW.sede_codice WHERE domanda_id = NEW.id AND lato = 'sede';
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER non_letti_filo_sede AFTER UPDATE OF sede_codice ON domande
  FOR EACH ROW WHEN (OLD.sede_codice IS NOT NULL AND OLD.sede_codice IS DISTINCT FROM NEW.sede_codice)
  EXECUTE FUNCTION non_letti_filo_sede();
--> statement-breakpoint
-- The counters of the threads already written, from their entries and read marks.
INSERT INTO non_letti_filo (domanda_id, lato, azienda_id, sede_codice, non_letti, ultimo_evento_id)
SELECT e.domanda_id, 'azienda', d.azienda_id, NULL::varchar,
       (count(*) FILTER (WHERE voce_da_leggere('azienda', e.lato, e.tipo) AND e.id > coalesce(l.ultimo_evento_id, 0)))::int, max(e.id)
FROM eventi_domanda e
JOIN domande d ON d.id = e.domanda_id
LEFT JOIN letture_filo l ON l.domanda_id = e.domanda_id AND l.lato = 'azienda'
GROUP BY e.domanda_id, d.azienda_id
UNION ALL
SELECT e.domanda_id, 'sede', d.azienda_id, d.sede_codice, (count(*) FILTER (WHERE e.id > coalesce(l.ultimo_evento_id, 0)))::int, max(e.id)
FROM eventi_domanda e
JOIN domande d ON d.id = e.domanda_id
LEFT JOIN letture_filo l ON l.domanda_id = e.domanda_id AND l.lato = 'sede'
WHERE voce_da_leggere('sede', e.lato, e.tipo)
GROUP BY e.domanda_id, d.azienda_id, d.sede_codice;
