CREATE TABLE "assessment_response" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"instrument" text NOT NULL,
	"answers" jsonb NOT NULL,
	"total" integer NOT NULL,
	"band" text NOT NULL,
	"completion_method" text NOT NULL,
	"completed_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "capability_assessment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"findings" jsonb NOT NULL,
	"adjustments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"advice" text NOT NULL,
	"assessed_by" uuid NOT NULL,
	"assessed_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vocational_profile" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"work_history" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"education" text DEFAULT '' NOT NULL,
	"skills" text DEFAULT '' NOT NULL,
	"strengths" text DEFAULT '' NOT NULL,
	"interests" text DEFAULT '' NOT NULL,
	"preferred_job_types" text DEFAULT '' NOT NULL,
	"hours_per_week" integer,
	"shifts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"travel_miles" integer,
	"barriers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"barrier_notes" text DEFAULT '' NOT NULL,
	"benefits_situation" text DEFAULT '' NOT NULL,
	"benefits_counselling" text,
	"disclosure_preference" text,
	"disclosure_wording" text DEFAULT '' NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"started_by" uuid NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contact" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"method" text NOT NULL,
	"with_whom" text NOT NULL,
	"duration_minutes" integer NOT NULL,
	"attendance" text NOT NULL,
	"note_kind" text NOT NULL,
	"note" text NOT NULL,
	"face_to_face_employer_contact" boolean NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contact_addendum" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"text" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "participant_alert" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"rule" text NOT NULL,
	"severity" text NOT NULL,
	"audience" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"evidence" jsonb NOT NULL,
	"routed_to" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"acknowledged_by" uuid,
	"acknowledged_at" timestamp with time zone,
	"action_note" text,
	"resolved_by" uuid,
	"resolved_at" timestamp with time zone,
	"resolution_note" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
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
CREATE TABLE "participant_search" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"staff_id" uuid NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
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
CREATE TABLE "plan_action" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"description" text NOT NULL,
	"owner_kind" text NOT NULL,
	"owner_staff_id" uuid,
	"due_date" date NOT NULL,
	"status" text DEFAULT 'to_do' NOT NULL,
	"goal_id" uuid,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_goal" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"goal" text NOT NULL,
	"success_looks_like" text,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_support_referral" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"other_kind" text,
	"status" text DEFAULT 'suggested' NOT NULL,
	"notes" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_warning_sign" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"sign" text NOT NULL,
	"what_i_will_do" text NOT NULL,
	"what_my_team_will_do" text NOT NULL,
	"check_in_field" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_plan" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"contingency_text" text,
	"contingency_alternatives" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"check_back_date" date,
	"contingency_version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_plan_version" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"review_date" date NOT NULL,
	"agreed_by_staff_ids" jsonb NOT NULL,
	"agreed_by_names" jsonb NOT NULL,
	"participant_agreement" text NOT NULL,
	"participant_comment" text,
	"agreed_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organisation" ADD COLUMN "crisis_information" text;--> statement-breakpoint
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
ALTER TABLE "assessment_response" ADD CONSTRAINT "assessment_response_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_response" ADD CONSTRAINT "assessment_response_participant_id_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_response" ADD CONSTRAINT "assessment_response_recorded_by_staff_account_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."staff_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capability_assessment" ADD CONSTRAINT "capability_assessment_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capability_assessment" ADD CONSTRAINT "capability_assessment_participant_id_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capability_assessment" ADD CONSTRAINT "capability_assessment_assessed_by_staff_account_id_fk" FOREIGN KEY ("assessed_by") REFERENCES "public"."staff_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vocational_profile" ADD CONSTRAINT "vocational_profile_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vocational_profile" ADD CONSTRAINT "vocational_profile_participant_id_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vocational_profile" ADD CONSTRAINT "vocational_profile_started_by_staff_account_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."staff_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vocational_profile" ADD CONSTRAINT "vocational_profile_updated_by_staff_account_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."staff_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact" ADD CONSTRAINT "contact_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact" ADD CONSTRAINT "contact_participant_id_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact" ADD CONSTRAINT "contact_recorded_by_staff_account_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."staff_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_addendum" ADD CONSTRAINT "contact_addendum_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_addendum" ADD CONSTRAINT "contact_addendum_participant_id_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_addendum" ADD CONSTRAINT "contact_addendum_contact_id_contact_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contact"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_addendum" ADD CONSTRAINT "contact_addendum_recorded_by_staff_account_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."staff_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participant_alert" ADD CONSTRAINT "participant_alert_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participant_alert" ADD CONSTRAINT "participant_alert_participant_id_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participant_alert" ADD CONSTRAINT "participant_alert_acknowledged_by_staff_account_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."staff_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participant_alert" ADD CONSTRAINT "participant_alert_resolved_by_staff_account_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."staff_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_record" ADD CONSTRAINT "consent_record_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_record" ADD CONSTRAINT "consent_record_participant_id_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_record" ADD CONSTRAINT "consent_record_recorded_by_staff_account_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."staff_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_access_grant" ADD CONSTRAINT "emergency_access_grant_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_access_grant" ADD CONSTRAINT "emergency_access_grant_participant_id_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_access_grant" ADD CONSTRAINT "emergency_access_grant_staff_id_staff_account_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participant_search" ADD CONSTRAINT "participant_search_staff_id_staff_account_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral" ADD CONSTRAINT "referral_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral" ADD CONSTRAINT "referral_participant_id_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral" ADD CONSTRAINT "referral_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral" ADD CONSTRAINT "referral_referrer_staff_id_staff_account_id_fk" FOREIGN KEY ("referrer_staff_id") REFERENCES "public"."staff_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral" ADD CONSTRAINT "referral_closed_by_staff_account_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."staff_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_contact_attempt" ADD CONSTRAINT "referral_contact_attempt_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_contact_attempt" ADD CONSTRAINT "referral_contact_attempt_participant_id_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_contact_attempt" ADD CONSTRAINT "referral_contact_attempt_referral_id_referral_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referral"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_contact_attempt" ADD CONSTRAINT "referral_contact_attempt_recorded_by_staff_account_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."staff_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_action" ADD CONSTRAINT "plan_action_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_action" ADD CONSTRAINT "plan_action_participant_id_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_action" ADD CONSTRAINT "plan_action_plan_id_support_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."support_plan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_action" ADD CONSTRAINT "plan_action_owner_staff_id_staff_account_id_fk" FOREIGN KEY ("owner_staff_id") REFERENCES "public"."staff_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_action" ADD CONSTRAINT "plan_action_goal_id_plan_goal_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."plan_goal"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_goal" ADD CONSTRAINT "plan_goal_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_goal" ADD CONSTRAINT "plan_goal_participant_id_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_goal" ADD CONSTRAINT "plan_goal_plan_id_support_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."support_plan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_support_referral" ADD CONSTRAINT "plan_support_referral_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_support_referral" ADD CONSTRAINT "plan_support_referral_participant_id_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_support_referral" ADD CONSTRAINT "plan_support_referral_plan_id_support_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."support_plan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_warning_sign" ADD CONSTRAINT "plan_warning_sign_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_warning_sign" ADD CONSTRAINT "plan_warning_sign_participant_id_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_warning_sign" ADD CONSTRAINT "plan_warning_sign_plan_id_support_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."support_plan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_plan" ADD CONSTRAINT "support_plan_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_plan" ADD CONSTRAINT "support_plan_participant_id_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_plan" ADD CONSTRAINT "support_plan_created_by_staff_account_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_plan_version" ADD CONSTRAINT "support_plan_version_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_plan_version" ADD CONSTRAINT "support_plan_version_participant_id_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_plan_version" ADD CONSTRAINT "support_plan_version_plan_id_support_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."support_plan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_plan_version" ADD CONSTRAINT "support_plan_version_recorded_by_staff_account_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."staff_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assessment_response_history_idx" ON "assessment_response" USING btree ("participant_id","instrument","completed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "capability_assessment_participant_unique" ON "capability_assessment" USING btree ("participant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "vocational_profile_participant_unique" ON "vocational_profile" USING btree ("participant_id");--> statement-breakpoint
CREATE INDEX "contact_participant_idx" ON "contact" USING btree ("participant_id","occurred_at");--> statement-breakpoint
CREATE INDEX "contact_employer_idx" ON "contact" USING btree ("recorded_by","occurred_at") WHERE "contact"."face_to_face_employer_contact";--> statement-breakpoint
CREATE INDEX "contact_addendum_contact_idx" ON "contact_addendum" USING btree ("contact_id","recorded_at");--> statement-breakpoint
CREATE INDEX "contact_addendum_participant_idx" ON "contact_addendum" USING btree ("participant_id");--> statement-breakpoint
CREATE INDEX "participant_alert_participant_idx" ON "participant_alert" USING btree ("participant_id","status");--> statement-breakpoint
CREATE INDEX "participant_alert_open_idx" ON "participant_alert" USING btree ("organisation_id","raised_at") WHERE "participant_alert"."status" <> 'resolved';--> statement-breakpoint
CREATE INDEX "consent_record_participant_idx" ON "consent_record" USING btree ("participant_id","purpose","recorded_at");--> statement-breakpoint
CREATE INDEX "emergency_access_grant_lookup_idx" ON "emergency_access_grant" USING btree ("participant_id","staff_id","expires_at");--> statement-breakpoint
CREATE INDEX "participant_search_created_idx" ON "participant_search" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "referral_queue_idx" ON "referral" USING btree ("team_id","status","received_at");--> statement-breakpoint
CREATE INDEX "referral_participant_idx" ON "referral" USING btree ("participant_id");--> statement-breakpoint
CREATE INDEX "referral_contact_attempt_referral_idx" ON "referral_contact_attempt" USING btree ("referral_id");--> statement-breakpoint
CREATE INDEX "plan_action_participant_idx" ON "plan_action" USING btree ("participant_id");--> statement-breakpoint
CREATE INDEX "plan_action_open_due_idx" ON "plan_action" USING btree ("participant_id","due_date") WHERE "plan_action"."status" in ('to_do', 'in_progress');--> statement-breakpoint
CREATE INDEX "plan_goal_participant_idx" ON "plan_goal" USING btree ("participant_id");--> statement-breakpoint
CREATE INDEX "plan_support_referral_participant_idx" ON "plan_support_referral" USING btree ("participant_id");--> statement-breakpoint
CREATE INDEX "plan_warning_sign_participant_idx" ON "plan_warning_sign" USING btree ("participant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "support_plan_participant_unique" ON "support_plan" USING btree ("participant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "support_plan_version_number_unique" ON "support_plan_version" USING btree ("plan_id","number");--> statement-breakpoint
CREATE INDEX "participant_family_name_prefix_idx" ON "participant" USING btree (lower("family_name") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "participant_given_name_prefix_idx" ON "participant" USING btree (lower("given_name") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "participant_birth_idx" ON "participant" USING btree ("organisation_id","date_of_birth");