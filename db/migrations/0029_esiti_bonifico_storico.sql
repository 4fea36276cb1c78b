-- The outcomes recorded before the history table: each transfer's latest outcome (importi_cig.esito_banca), with who
-- recorded its file and when. Earlier outcomes of a transfer re-batched since are only in the audit log.
INSERT INTO "esiti_bonifico" ("importo_id", "lotto_id", "esito_id", "esito", "stato", "motivo", "descrizione", "registrato_da", "registrato_il")
SELECT i."id", (i."esito_banca"->>'lottoId')::int, e."id", i."esito_banca"->>'esito', i."esito_banca"->>'stato', i."esito_banca"->>'motivo',
       i."esito_banca"->>'descrizione', e."registrato_da", e."registrato_il"
FROM "importi_cig" i
JOIN "esiti_banca" e ON e."id" = (i."esito_banca"->>'esitoId')::int
WHERE i."esito_banca" IS NOT NULL;
