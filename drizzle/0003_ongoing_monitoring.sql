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
CREATE TABLE "outbound_email" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid,
	"recipient" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"purpose" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"claimed_until" timestamp with time zone,
	"claim_token" uuid,
	"last_error" text,
	"message_id" text,
	"smtp_response" text,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "appointment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"duration_minutes" integer NOT NULL,
	"method" text NOT NULL,
	"with_staff_id" uuid NOT NULL,
	"location" text,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"contact_id" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "check_in" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"source" text NOT NULL,
	"recorded_by" uuid,
	"sleep_hours" numeric(3, 1),
	"bedtime" time,
	"wake_time" time,
	"mood" smallint,
	"stress" smallint,
	"energy" smallint,
	"hours_worked" numeric(4, 1),
	"how_work_is_going" text
);
--> statement-breakpoint
CREATE TABLE "follow_along" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"job_started_on" date NOT NULL,
	"started_by" uuid,
	"started_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"ended_at" timestamp with time zone,
	"ended_by" uuid,
	"end_reason" text
);
--> statement-breakpoint
CREATE TABLE "monitoring_lease" (
	"name" text PRIMARY KEY NOT NULL,
	"lease_until" timestamp with time zone NOT NULL,
	"last_finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "monitoring_rule_settings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"settings" jsonb NOT NULL,
	"changed_by" uuid NOT NULL,
	"changed_at" timestamp with time zone NOT NULL,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "contingency_activation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"activated_at" timestamp with time zone NOT NULL,
	"activated_by" uuid NOT NULL,
	"offered" jsonb NOT NULL,
	"taken_up" jsonb NOT NULL,
	"note" text,
	"alert_id" uuid
);
--> statement-breakpoint
ALTER TABLE "assessment_response" ALTER COLUMN "recorded_by" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "organisation" ADD COLUMN "show_staff_names_to_participants" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "participant_alert" ADD COLUMN "rule_key" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "participant_alert" ADD COLUMN "explanation" jsonb;--> statement-breakpoint
ALTER TABLE "participant_alert" ADD COLUMN "action_taken" text;--> statement-breakpoint
ALTER TABLE "participant_alert" ADD COLUMN "escalated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "plan_warning_sign" ADD COLUMN "rule_comparison" text;--> statement-breakpoint
ALTER TABLE "plan_warning_sign" ADD COLUMN "rule_threshold" numeric(4, 1);--> statement-breakpoint
ALTER TABLE "plan_warning_sign" ADD COLUMN "rule_run_length" smallint;--> statement-breakpoint
ALTER TABLE "support_plan" ADD COLUMN "measures_every_weeks" smallint;--> statement-breakpoint
ALTER TABLE "support_plan" ADD COLUMN "measures_version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "participant_invitation" ADD CONSTRAINT "participant_invitation_created_by_staff_account_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participant_session" ADD CONSTRAINT "participant_session_account_id_participant_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."participant_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbound_email" ADD CONSTRAINT "outbound_email_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment" ADD CONSTRAINT "appointment_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment" ADD CONSTRAINT "appointment_participant_id_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment" ADD CONSTRAINT "appointment_with_staff_id_staff_account_id_fk" FOREIGN KEY ("with_staff_id") REFERENCES "public"."staff_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment" ADD CONSTRAINT "appointment_contact_id_contact_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contact"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment" ADD CONSTRAINT "appointment_created_by_staff_account_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_in" ADD CONSTRAINT "check_in_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_in" ADD CONSTRAINT "check_in_participant_id_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_in" ADD CONSTRAINT "check_in_recorded_by_staff_account_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."staff_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_along" ADD CONSTRAINT "follow_along_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_along" ADD CONSTRAINT "follow_along_participant_id_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_along" ADD CONSTRAINT "follow_along_started_by_staff_account_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."staff_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_along" ADD CONSTRAINT "follow_along_ended_by_staff_account_id_fk" FOREIGN KEY ("ended_by") REFERENCES "public"."staff_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_rule_settings" ADD CONSTRAINT "monitoring_rule_settings_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_rule_settings" ADD CONSTRAINT "monitoring_rule_settings_changed_by_staff_account_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."staff_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contingency_activation" ADD CONSTRAINT "contingency_activation_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contingency_activation" ADD CONSTRAINT "contingency_activation_participant_id_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contingency_activation" ADD CONSTRAINT "contingency_activation_activated_by_staff_account_id_fk" FOREIGN KEY ("activated_by") REFERENCES "public"."staff_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "participant_account_sign_in_name_unique" ON "participant_account" USING btree (lower("sign_in_name"));--> statement-breakpoint
CREATE INDEX "participant_invitation_participant_idx" ON "participant_invitation" USING btree ("participant_id") WHERE "participant_invitation"."used_at" is null;--> statement-breakpoint
CREATE INDEX "participant_session_account_idx" ON "participant_session" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "outbound_email_due_idx" ON "outbound_email" USING btree ("next_attempt_at") WHERE "outbound_email"."status" in ('pending', 'sending');--> statement-breakpoint
CREATE INDEX "outbound_email_newest_idx" ON "outbound_email" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "outbound_email_status_idx" ON "outbound_email" USING btree ("status","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "appointment_participant_idx" ON "appointment" USING btree ("participant_id","starts_at");--> statement-breakpoint
CREATE INDEX "check_in_participant_idx" ON "check_in" USING btree ("participant_id","recorded_at");--> statement-breakpoint
CREATE INDEX "follow_along_participant_idx" ON "follow_along" USING btree ("participant_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "monitoring_rule_settings_version_idx" ON "monitoring_rule_settings" USING btree ("organisation_id","version");--> statement-breakpoint
CREATE INDEX "contingency_activation_participant_idx" ON "contingency_activation" USING btree ("participant_id","activated_at");--> statement-breakpoint
CREATE INDEX "plan_warning_sign_rule_idx" ON "plan_warning_sign" USING btree ("participant_id") WHERE "plan_warning_sign"."rule_comparison" is not null;