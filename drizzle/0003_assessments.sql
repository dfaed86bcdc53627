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
ALTER TABLE "organisation" ADD COLUMN "crisis_information" text;--> statement-breakpoint
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
ALTER TABLE "participant_alert" ADD CONSTRAINT "participant_alert_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participant_alert" ADD CONSTRAINT "participant_alert_participant_id_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participant_alert" ADD CONSTRAINT "participant_alert_acknowledged_by_staff_account_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."staff_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participant_alert" ADD CONSTRAINT "participant_alert_resolved_by_staff_account_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."staff_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assessment_response_history_idx" ON "assessment_response" USING btree ("participant_id","instrument","completed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "capability_assessment_participant_unique" ON "capability_assessment" USING btree ("participant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "vocational_profile_participant_unique" ON "vocational_profile" USING btree ("participant_id");--> statement-breakpoint
CREATE INDEX "participant_alert_participant_idx" ON "participant_alert" USING btree ("participant_id","status");--> statement-breakpoint
CREATE INDEX "participant_alert_open_idx" ON "participant_alert" USING btree ("organisation_id","raised_at") WHERE "participant_alert"."status" <> 'resolved';