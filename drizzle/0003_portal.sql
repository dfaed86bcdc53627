CREATE TABLE "participant_account" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"participant_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"sign_in_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"mfa_secret" text,
	"mfa_enrolled_at" timestamp with time zone,
	"mfa_last_step" integer,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"last_sign_in_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	CONSTRAINT "participant_account_participant_id_unique" UNIQUE("participant_id")
);
--> statement-breakpoint
CREATE TABLE "participant_invitation" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"participant_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"created_by" uuid NOT NULL,
	"method" text NOT NULL,
	"email" text,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "participant_session" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"mfa_satisfied" boolean NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"ip_address" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organisation" ADD COLUMN "show_staff_names_to_participants" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "participant_invitation" ADD CONSTRAINT "participant_invitation_created_by_staff_account_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participant_session" ADD CONSTRAINT "participant_session_account_id_participant_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."participant_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "participant_account_sign_in_name_unique" ON "participant_account" USING btree (lower("sign_in_name"));--> statement-breakpoint
CREATE INDEX "participant_invitation_participant_idx" ON "participant_invitation" USING btree ("participant_id") WHERE "participant_invitation"."used_at" is null;--> statement-breakpoint
CREATE INDEX "participant_session_account_idx" ON "participant_session" USING btree ("account_id");