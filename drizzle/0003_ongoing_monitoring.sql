ALTER TABLE "assessment_response" ALTER COLUMN "recorded_by" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "support_plan" ADD COLUMN "measures_every_weeks" smallint;--> statement-breakpoint
ALTER TABLE "support_plan" ADD COLUMN "measures_version" integer DEFAULT 1 NOT NULL;