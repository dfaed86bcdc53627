CREATE TABLE "known_device" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"account_key" text NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_used_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "known_device_account_idx" ON "known_device" USING btree ("account_key");