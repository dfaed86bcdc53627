ALTER TABLE "participant" ADD COLUMN "merged_into_id" uuid;--> statement-breakpoint
ALTER TABLE "participant" ADD COLUMN "merged_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "participant" ADD COLUMN "merged_by" uuid;--> statement-breakpoint
ALTER TABLE "participant" ADD CONSTRAINT "participant_merged_into_id_participant_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."participant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participant" ADD CONSTRAINT "participant_merged_by_staff_account_id_fk" FOREIGN KEY ("merged_by") REFERENCES "public"."staff_account"("id") ON DELETE no action ON UPDATE no action;