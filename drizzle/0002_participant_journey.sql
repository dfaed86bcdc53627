CREATE TABLE "consent_record" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"decision" text NOT NULL,
	"scope" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"method" text NOT NULL,
	"note" text,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "emergency_access_grant" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"staff_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"granted_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referral" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"source" text NOT NULL,
	"referrer_staff_id" uuid,
	"referrer_name" text,
	"referrer_organisation" text,
	"received_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"closing_note" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referral_contact_attempt" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"referral_id" uuid NOT NULL,
	"attempted_on" date NOT NULL,
	"method" text NOT NULL,
	"outcome" text NOT NULL,
	"note" text,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "participant" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "participant" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "participant" ADD COLUMN "address" text;--> statement-breakpoint
ALTER TABLE "participant" ADD COLUMN "preferred_language" text DEFAULT 'English' NOT NULL;--> statement-breakpoint
ALTER TABLE "participant" ADD COLUMN "preferred_contact_method" text;--> statement-breakpoint
ALTER TABLE "participant" ADD COLUMN "work_situation" text;--> statement-breakpoint
ALTER TABLE "participant" ADD COLUMN "employer_name" text;--> statement-breakpoint
ALTER TABLE "participant" ADD COLUMN "absence_start_date" date;--> statement-breakpoint
ALTER TABLE "participant" ADD COLUMN "hopes" text;--> statement-breakpoint
ALTER TABLE "participant" ADD COLUMN "stage_before_pause" text;--> statement-breakpoint
ALTER TABLE "participant" ADD COLUMN "engaged_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "participant" ADD COLUMN "closed_reason" text;--> statement-breakpoint
ALTER TABLE "consent_record" ADD CONSTRAINT "consent_record_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_record" ADD CONSTRAINT "consent_record_participant_id_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_record" ADD CONSTRAINT "consent_record_recorded_by_staff_account_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."staff_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_access_grant" ADD CONSTRAINT "emergency_access_grant_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_access_grant" ADD CONSTRAINT "emergency_access_grant_participant_id_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_access_grant" ADD CONSTRAINT "emergency_access_grant_staff_id_staff_account_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral" ADD CONSTRAINT "referral_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral" ADD CONSTRAINT "referral_participant_id_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral" ADD CONSTRAINT "referral_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral" ADD CONSTRAINT "referral_referrer_staff_id_staff_account_id_fk" FOREIGN KEY ("referrer_staff_id") REFERENCES "public"."staff_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral" ADD CONSTRAINT "referral_closed_by_staff_account_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."staff_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_contact_attempt" ADD CONSTRAINT "referral_contact_attempt_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_contact_attempt" ADD CONSTRAINT "referral_contact_attempt_participant_id_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_contact_attempt" ADD CONSTRAINT "referral_contact_attempt_referral_id_referral_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referral"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_contact_attempt" ADD CONSTRAINT "referral_contact_attempt_recorded_by_staff_account_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."staff_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consent_record_participant_idx" ON "consent_record" USING btree ("participant_id","purpose","recorded_at");--> statement-breakpoint
CREATE INDEX "emergency_access_grant_lookup_idx" ON "emergency_access_grant" USING btree ("participant_id","staff_id","expires_at");--> statement-breakpoint
CREATE INDEX "referral_queue_idx" ON "referral" USING btree ("team_id","status","received_at");--> statement-breakpoint
CREATE INDEX "referral_participant_idx" ON "referral" USING btree ("participant_id");--> statement-breakpoint
CREATE INDEX "referral_contact_attempt_referral_idx" ON "referral_contact_attempt" USING btree ("referral_id");--> statement-breakpoint
CREATE INDEX "participant_birth_idx" ON "participant" USING btree ("organisation_id","date_of_birth");