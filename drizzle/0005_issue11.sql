CREATE TABLE "known_device" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"account_key" text NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_used_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "participant_not_duplicate" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"other_participant_id" uuid NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "participant_invitation" ADD COLUMN "id" uuid DEFAULT gen_random_uuid() NOT NULL;--> statement-breakpoint
ALTER TABLE "staff_invitation" ADD COLUMN "id" uuid DEFAULT gen_random_uuid() NOT NULL;--> statement-breakpoint
ALTER TABLE "team" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "team" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "outbound_email" ADD COLUMN "one_time_link" text;--> statement-breakpoint
ALTER TABLE "outbound_email" ADD COLUMN "one_time_link_for" uuid;--> statement-breakpoint
ALTER TABLE "participant_not_duplicate" ADD CONSTRAINT "participant_not_duplicate_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participant_not_duplicate" ADD CONSTRAINT "participant_not_duplicate_participant_id_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participant_not_duplicate" ADD CONSTRAINT "participant_not_duplicate_other_participant_id_participant_id_fk" FOREIGN KEY ("other_participant_id") REFERENCES "public"."participant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participant_not_duplicate" ADD CONSTRAINT "participant_not_duplicate_recorded_by_staff_account_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."staff_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "known_device_account_idx" ON "known_device" USING btree ("account_key");--> statement-breakpoint
CREATE UNIQUE INDEX "participant_not_duplicate_pair_unique" ON "participant_not_duplicate" USING btree ("participant_id","other_participant_id");--> statement-breakpoint
CREATE INDEX "participant_not_duplicate_other_idx" ON "participant_not_duplicate" USING btree ("other_participant_id");--> statement-breakpoint
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
