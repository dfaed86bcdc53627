-- The audit trail: append-only, partitioned by month, sealed into a hash chain in batches.
-- Hand-written because drizzle-kit cannot express partitioning; queried through platform/audit/table.ts.
CREATE SEQUENCE "audit_event_id_seq" AS bigint;
--> statement-breakpoint
CREATE TABLE "audit_event" (
  "id" bigint NOT NULL DEFAULT nextval('audit_event_id_seq'),
  "occurred_at" timestamp with time zone NOT NULL,
  "actor_id" uuid,
  "actor_role" text,
  "action" text NOT NULL,
  "subject_type" text,
  "subject_id" text,
  "organisation_id" uuid,
  "ip_address" text,
  "outcome" text NOT NULL,
  "reason" text,
  "detail" jsonb NOT NULL DEFAULT '{}'::jsonb,
  "chain_seq" bigint,
  "hash" text,
  PRIMARY KEY ("id", "occurred_at")
) PARTITION BY RANGE ("occurred_at");
--> statement-breakpoint
ALTER SEQUENCE "audit_event_id_seq" OWNED BY "audit_event"."id";
--> statement-breakpoint
CREATE TABLE "audit_event_default" PARTITION OF "audit_event" DEFAULT;
--> statement-breakpoint
CREATE INDEX "audit_event_occurred_idx" ON "audit_event" ("occurred_at" DESC, "id" DESC);
--> statement-breakpoint
CREATE INDEX "audit_event_actor_idx" ON "audit_event" ("actor_id", "occurred_at" DESC);
--> statement-breakpoint
CREATE INDEX "audit_event_subject_idx" ON "audit_event" ("subject_type", "subject_id", "occurred_at" DESC);
--> statement-breakpoint
CREATE INDEX "audit_event_action_idx" ON "audit_event" ("action", "occurred_at" DESC);
--> statement-breakpoint
CREATE INDEX "audit_event_chain_idx" ON "audit_event" ("chain_seq") WHERE "chain_seq" IS NOT NULL;
--> statement-breakpoint
CREATE INDEX "audit_event_unsealed_idx" ON "audit_event" ("id") WHERE "hash" IS NULL;
--> statement-breakpoint
CREATE TABLE "audit_seal" (
  "batch_id" bigserial PRIMARY KEY,
  "first_seq" bigint NOT NULL,
  "last_seq" bigint NOT NULL,
  "last_hash" text NOT NULL,
  "sealed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
-- Rows may be sealed once (hash and chain position set from null); nothing else may change or go.
CREATE FUNCTION "audit_event_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'audit events are append-only';
  END IF;
  IF OLD.hash IS NOT NULL OR NEW.hash IS NULL OR NEW.chain_seq IS NULL
     OR ROW(NEW.id, NEW.occurred_at, NEW.actor_id, NEW.actor_role, NEW.action, NEW.subject_type,
            NEW.subject_id, NEW.organisation_id, NEW.ip_address, NEW.outcome, NEW.reason, NEW.detail)
        IS DISTINCT FROM
        ROW(OLD.id, OLD.occurred_at, OLD.actor_id, OLD.actor_role, OLD.action, OLD.subject_type,
            OLD.subject_id, OLD.organisation_id, OLD.ip_address, OLD.outcome, OLD.reason, OLD.detail) THEN
    RAISE EXCEPTION 'audit events are append-only';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "audit_event_append_only" BEFORE UPDATE OR DELETE ON "audit_event"
  FOR EACH ROW EXECUTE FUNCTION "audit_event_guard"();
--> statement-breakpoint
CREATE FUNCTION "audit_refuse_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit events are append-only';
END
$$;
--> statement-breakpoint
CREATE TRIGGER "audit_event_no_truncate" BEFORE TRUNCATE ON "audit_event"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_refuse_truncate"();
--> statement-breakpoint
CREATE TRIGGER "audit_seal_append_only" BEFORE UPDATE OR DELETE ON "audit_seal"
  FOR EACH ROW EXECUTE FUNCTION "audit_refuse_truncate"();
--> statement-breakpoint
-- Monthly partitions from the month before `from_month` to `months_ahead` after it; idempotent.
CREATE FUNCTION "audit_ensure_partitions"("from_month" date, "months_ahead" integer) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  month_start date;
  partition_name text;
  created integer := 0;
BEGIN
  FOR offset_months IN -1..months_ahead LOOP
    month_start := (date_trunc('month', from_month) + make_interval(months => offset_months))::date;
    partition_name := 'audit_event_' || to_char(month_start, 'YYYY_MM');
    -- Rows that already landed in the default partition for this month keep it from being split
    -- off; they stay where they are and are still found by every query.
    IF to_regclass(partition_name) IS NULL AND NOT EXISTS (
      SELECT 1 FROM audit_event_default
      WHERE occurred_at >= month_start AND occurred_at < month_start + interval '1 month'
    ) THEN
      EXECUTE format(
        'CREATE TABLE %I PARTITION OF audit_event FOR VALUES FROM (%L) TO (%L)',
        partition_name, month_start, (month_start + interval '1 month')::date
      );
      created := created + 1;
    END IF;
  END LOOP;
  RETURN created;
END
$$;
--> statement-breakpoint
SELECT "audit_ensure_partitions"(current_date, 3);
