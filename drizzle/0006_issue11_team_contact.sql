ALTER TABLE "team" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "team" ADD COLUMN "email" text;