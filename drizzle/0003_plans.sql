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
CREATE INDEX "plan_action_participant_idx" ON "plan_action" USING btree ("participant_id");--> statement-breakpoint
CREATE INDEX "plan_action_open_due_idx" ON "plan_action" USING btree ("participant_id","due_date") WHERE "plan_action"."status" in ('to_do', 'in_progress');--> statement-breakpoint
CREATE INDEX "plan_goal_participant_idx" ON "plan_goal" USING btree ("participant_id");--> statement-breakpoint
CREATE INDEX "plan_support_referral_participant_idx" ON "plan_support_referral" USING btree ("participant_id");--> statement-breakpoint
CREATE INDEX "plan_warning_sign_participant_idx" ON "plan_warning_sign" USING btree ("participant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "support_plan_participant_unique" ON "support_plan" USING btree ("participant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "support_plan_version_number_unique" ON "support_plan_version" USING btree ("plan_id","number");