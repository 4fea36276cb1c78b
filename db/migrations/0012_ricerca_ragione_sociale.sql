-- Trigram index for the company-name search (desk queue, portfolio). pg_trgm is a trusted extension (PostgreSQL 13+):
-- the database owner can create it; PGlite loads it in db/client.ts.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "aziende_ragione_sociale_trgm_idx" ON "aziende" USING gin ("ragione_sociale" gin_trgm_ops);
