DROP INDEX "denunce_cig_ticket_idx";--> statement-breakpoint
CREATE INDEX "denunce_cig_ticket_flusso_idx" ON "denunce_cig" USING btree ("ticket","flusso_id");