CREATE TABLE "employer" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"sector" text NOT NULL,
	"size" text,
	"locations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"merged_into" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "employer_contact" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"employer_id" uuid NOT NULL,
	"contact_person_id" uuid,
	"with_whom" text DEFAULT '' NOT NULL,
	"occurred_on" date NOT NULL,
	"contact_type" text NOT NULL,
	"face_to_face" boolean NOT NULL,
	"outcome" text NOT NULL,
	"next_step" text DEFAULT '' NOT NULL,
	"next_step_due" date,
	"participant_id" uuid,
	"participant_contact_id" uuid,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "employer_contact_person" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"employer_id" uuid NOT NULL,
	"name" text NOT NULL,
	"job_role" text DEFAULT '' NOT NULL,
	"phone" text,
	"email" text,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "employer_disclosure" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"employer_id" uuid NOT NULL,
	"choice" text NOT NULL,
	"wording" text DEFAULT '' NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "employment_settings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"settings" jsonb NOT NULL,
	"changed_by" uuid NOT NULL,
	"changed_at" timestamp with time zone NOT NULL,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "job" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"employer_id" uuid NOT NULL,
	"application_id" uuid,
	"title" text NOT NULL,
	"started_on" date NOT NULL,
	"hours_per_week" numeric(4, 1) NOT NULL,
	"hourly_pay_pence" integer NOT NULL,
	"contract_type" text NOT NULL,
	"open_labour_market" boolean NOT NULL,
	"time_limited_by_service" boolean NOT NULL,
	"competitive" boolean NOT NULL,
	"wage_floor_pence" integer NOT NULL,
	"ended_on" date,
	"end_reason" text,
	"end_notes" text DEFAULT '' NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_application" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"employer_id" uuid NOT NULL,
	"opportunity_id" uuid,
	"title" text NOT NULL,
	"status" text NOT NULL,
	"applied_on" date,
	"interview_at" timestamp with time zone,
	"outcome_on" date,
	"notes" text DEFAULT '' NOT NULL,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_opportunity" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"employer_id" uuid NOT NULL,
	"title" text NOT NULL,
	"job_type" text DEFAULT '' NOT NULL,
	"hours_per_week" numeric(4, 1) NOT NULL,
	"hourly_pay_pence" integer NOT NULL,
	"shifts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"location" text NOT NULL,
	"postcode_district" text,
	"home_based" boolean DEFAULT false NOT NULL,
	"requirements" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"closes_on" date,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"match_text" text GENERATED ALWAYS AS (' ' || regexp_replace(translate(title || ' ' || job_type, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), '[^a-z0-9]+', ' ', 'g') || ' ') STORED,
	"match_district" text GENERATED ALWAYS AS (translate(replace(postcode_district, ' ', ''), 'abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')) STORED,
	"match_area" text GENERATED ALWAYS AS (substring(translate(replace(postcode_district, ' ', ''), 'abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') from '^[A-Z]+')) STORED,
	"match_hours_tenths" integer GENERATED ALWAYS AS ((hours_per_week * 10)::int) STORED,
	"match_shifts" integer GENERATED ALWAYS AS ((shifts ? 'weekday_daytime')::int * 1 + (shifts ? 'early_mornings')::int * 2 + (shifts ? 'evenings')::int * 4 + (shifts ? 'nights')::int * 8 + (shifts ? 'weekends')::int * 16) STORED
);
--> statement-breakpoint
CREATE TABLE "return_to_work_plan" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"absence_id" uuid NOT NULL,
	"employer_id" uuid NOT NULL,
	"return_on" date NOT NULL,
	"phased_return" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"altered_hours" text DEFAULT '' NOT NULL,
	"amended_duties" text DEFAULT '' NOT NULL,
	"workplace_adaptations" text DEFAULT '' NOT NULL,
	"review_dates" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"agreed_with_employer_by" text DEFAULT '' NOT NULL,
	"agreed_on" date,
	"participant_agreed" boolean DEFAULT false NOT NULL,
	"outcome" text,
	"outcome_on" date,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sickness_absence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"employer_id" uuid NOT NULL,
	"started_on" date NOT NULL,
	"ended_on" date,
	"notes" text DEFAULT '' NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "employer" ADD CONSTRAINT "employer_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer" ADD CONSTRAINT "employer_created_by_staff_account_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_contact" ADD CONSTRAINT "employer_contact_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_contact" ADD CONSTRAINT "employer_contact_employer_id_employer_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_contact" ADD CONSTRAINT "employer_contact_contact_person_id_employer_contact_person_id_fk" FOREIGN KEY ("contact_person_id") REFERENCES "public"."employer_contact_person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_contact" ADD CONSTRAINT "employer_contact_recorded_by_staff_account_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."staff_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_contact_person" ADD CONSTRAINT "employer_contact_person_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_contact_person" ADD CONSTRAINT "employer_contact_person_employer_id_employer_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_disclosure" ADD CONSTRAINT "employer_disclosure_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_disclosure" ADD CONSTRAINT "employer_disclosure_participant_id_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_disclosure" ADD CONSTRAINT "employer_disclosure_employer_id_employer_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_disclosure" ADD CONSTRAINT "employer_disclosure_recorded_by_staff_account_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."staff_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employment_settings" ADD CONSTRAINT "employment_settings_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employment_settings" ADD CONSTRAINT "employment_settings_changed_by_staff_account_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."staff_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job" ADD CONSTRAINT "job_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job" ADD CONSTRAINT "job_participant_id_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job" ADD CONSTRAINT "job_employer_id_employer_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job" ADD CONSTRAINT "job_application_id_job_application_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."job_application"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job" ADD CONSTRAINT "job_recorded_by_staff_account_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."staff_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_application" ADD CONSTRAINT "job_application_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_application" ADD CONSTRAINT "job_application_participant_id_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_application" ADD CONSTRAINT "job_application_employer_id_employer_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_application" ADD CONSTRAINT "job_application_opportunity_id_job_opportunity_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."job_opportunity"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_application" ADD CONSTRAINT "job_application_recorded_by_staff_account_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."staff_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_opportunity" ADD CONSTRAINT "job_opportunity_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_opportunity" ADD CONSTRAINT "job_opportunity_employer_id_employer_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_opportunity" ADD CONSTRAINT "job_opportunity_created_by_staff_account_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_to_work_plan" ADD CONSTRAINT "return_to_work_plan_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_to_work_plan" ADD CONSTRAINT "return_to_work_plan_participant_id_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_to_work_plan" ADD CONSTRAINT "return_to_work_plan_absence_id_sickness_absence_id_fk" FOREIGN KEY ("absence_id") REFERENCES "public"."sickness_absence"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_to_work_plan" ADD CONSTRAINT "return_to_work_plan_employer_id_employer_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_to_work_plan" ADD CONSTRAINT "return_to_work_plan_created_by_staff_account_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_to_work_plan" ADD CONSTRAINT "return_to_work_plan_updated_by_staff_account_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."staff_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sickness_absence" ADD CONSTRAINT "sickness_absence_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sickness_absence" ADD CONSTRAINT "sickness_absence_participant_id_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sickness_absence" ADD CONSTRAINT "sickness_absence_employer_id_employer_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sickness_absence" ADD CONSTRAINT "sickness_absence_recorded_by_staff_account_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."staff_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "employer_organisation_name_idx" ON "employer" USING btree ("organisation_id",lower("name"));--> statement-breakpoint
CREATE INDEX "employer_contact_specialist_idx" ON "employer_contact" USING btree ("recorded_by","occurred_on");--> statement-breakpoint
CREATE INDEX "employer_contact_employer_idx" ON "employer_contact" USING btree ("employer_id","occurred_on");--> statement-breakpoint
CREATE INDEX "employer_contact_participant_idx" ON "employer_contact" USING btree ("participant_id") WHERE "employer_contact"."participant_id" is not null;--> statement-breakpoint
CREATE INDEX "employer_contact_person_employer_idx" ON "employer_contact_person" USING btree ("employer_id");--> statement-breakpoint
CREATE INDEX "employer_disclosure_participant_idx" ON "employer_disclosure" USING btree ("participant_id","employer_id","recorded_at");--> statement-breakpoint
CREATE UNIQUE INDEX "employment_settings_version_idx" ON "employment_settings" USING btree ("organisation_id","version");--> statement-breakpoint
CREATE INDEX "job_participant_idx" ON "job" USING btree ("participant_id","started_on");--> statement-breakpoint
CREATE INDEX "job_ended_idx" ON "job" USING btree ("participant_id","ended_on") WHERE "job"."ended_on" is not null;--> statement-breakpoint
CREATE INDEX "job_application_participant_idx" ON "job_application" USING btree ("participant_id","updated_at");--> statement-breakpoint
CREATE INDEX "job_opportunity_open_idx" ON "job_opportunity" USING btree ("organisation_id","created_at") WHERE "job_opportunity"."status" = 'open';--> statement-breakpoint
CREATE INDEX "job_opportunity_employer_idx" ON "job_opportunity" USING btree ("employer_id");--> statement-breakpoint
CREATE INDEX "job_opportunity_suggestable_idx" ON "job_opportunity" USING btree ("organisation_id","closes_on") WHERE "job_opportunity"."status" = 'open';--> statement-breakpoint
CREATE INDEX "return_to_work_plan_participant_idx" ON "return_to_work_plan" USING btree ("participant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "return_to_work_plan_absence_unique" ON "return_to_work_plan" USING btree ("absence_id");--> statement-breakpoint
CREATE INDEX "sickness_absence_participant_idx" ON "sickness_absence" USING btree ("participant_id","started_on");