CREATE TABLE "participant_not_duplicate" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"other_participant_id" uuid NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "participant_not_duplicate" ADD CONSTRAINT "participant_not_duplicate_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participant_not_duplicate" ADD CONSTRAINT "participant_not_duplicate_participant_id_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participant_not_duplicate" ADD CONSTRAINT "participant_not_duplicate_other_participant_id_participant_id_fk" FOREIGN KEY ("other_participant_id") REFERENCES "public"."participant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participant_not_duplicate" ADD CONSTRAINT "participant_not_duplicate_recorded_by_staff_account_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."staff_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "participant_not_duplicate_pair_unique" ON "participant_not_duplicate" USING btree ("participant_id","other_participant_id");--> statement-breakpoint
CREATE INDEX "participant_not_duplicate_other_idx" ON "participant_not_duplicate" USING btree ("other_participant_id");