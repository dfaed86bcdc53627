-- Seals carry an HMAC under a key kept outside the database (AUDIT_ANCHOR_KEY), so a database
-- superuser who recomputes every hash is still caught (decision 57).
ALTER TABLE "audit_seal" ADD COLUMN "anchor" text;
--> statement-breakpoint
ALTER TABLE "audit_seal" ADD COLUMN "anchor_key_id" text;
