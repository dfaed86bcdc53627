CREATE TABLE "known_device" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"account_key" text NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_used_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "participant_invitation" ADD COLUMN "id" uuid DEFAULT gen_random_uuid() NOT NULL;--> statement-breakpoint
ALTER TABLE "staff_invitation" ADD COLUMN "id" uuid DEFAULT gen_random_uuid() NOT NULL;--> statement-breakpoint
ALTER TABLE "outbound_email" ADD COLUMN "one_time_link" text;--> statement-breakpoint
ALTER TABLE "outbound_email" ADD COLUMN "one_time_link_for" uuid;--> statement-breakpoint
CREATE INDEX "known_device_account_idx" ON "known_device" USING btree ("account_key");--> statement-breakpoint
ALTER TABLE "participant_invitation" ADD CONSTRAINT "participant_invitation_id_unique" UNIQUE("id");--> statement-breakpoint
ALTER TABLE "staff_invitation" ADD CONSTRAINT "staff_invitation_id_unique" UNIQUE("id");--> statement-breakpoint
ALTER TABLE "outbound_email" ADD CONSTRAINT "outbound_email_one_time_link_for" CHECK (("outbound_email"."one_time_link" is null) = ("outbound_email"."one_time_link_for" is null));--> statement-breakpoint
-- Seals carry an HMAC under a key kept outside the database (AUDIT_ANCHOR_KEY), so a database
-- superuser who recomputes every hash is still caught (decision 57).
ALTER TABLE "audit_seal" ADD COLUMN "anchor" text;
--> statement-breakpoint
ALTER TABLE "audit_seal" ADD COLUMN "anchor_key_id" text;
--> statement-breakpoint
-- Invitation emails queued before this release hold their link, token and all, in the body: take
-- the token out (decision 48). One not yet sent can then no longer work; it is marked failed so
-- the outbox says so, and the care team invites the person again.
UPDATE "outbound_email" SET "body" = regexp_replace("body", '([?&]token=)[^\s&]+', '\1(removed)', 'g'),
  "status" = CASE WHEN "status" IN ('pending', 'sending') THEN 'failed' ELSE "status" END,
  "last_error" = CASE WHEN "status" IN ('pending', 'sending', 'not_sent')
    THEN 'The invitation link was removed from the outbox by an upgrade: invite the person again.'
    ELSE "last_error" END,
  "claimed_until" = NULL, "claim_token" = NULL
  WHERE "body" ~ '[?&]token=';
