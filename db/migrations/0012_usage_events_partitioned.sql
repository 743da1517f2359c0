-- Hand-written: usage_events becomes a table partitioned by LIST (month), one partition per Shanghai
-- calendar month ("usage_events_YYYY_MM") plus a DEFAULT one as a safety net (drizzle does not model
-- partitioning; db/schema/metering.ts says so). The primary key must hold the partition key: it becomes
-- (account_id, event_id, month) — a retried event carries the same `at`, hence the same month, so it
-- still meets its first copy (docs/readings.md). Later months' partitions are made before their first
-- event by lib/metering/partitions.ts. The (account_id, month) index goes: each partition is one month,
-- and reads by account use the primary key's prefix.
ALTER TABLE "usage_events" RENAME TO "usage_events_unpartitioned";--> statement-breakpoint
DROP INDEX "usage_events_account_month_idx";--> statement-breakpoint
CREATE TABLE "usage_events" (
	"account_id" uuid NOT NULL,
	"event_id" text NOT NULL,
	"api" text NOT NULL,
	"calls" integer NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"month" text NOT NULL,
	"free" integer NOT NULL,
	"from_packs" integer NOT NULL,
	"billable" integer NOT NULL,
	"key_id" uuid,
	"received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "usage_events_account_id_event_id_month_pk" PRIMARY KEY("account_id","event_id","month"),
	CONSTRAINT "usage_events_split" CHECK ("usage_events"."free" + "usage_events"."from_packs" + "usage_events"."billable" = "usage_events"."calls" and "usage_events"."free" >= 0 and "usage_events"."from_packs" >= 0 and "usage_events"."billable" >= 0)
) PARTITION BY LIST ("month");--> statement-breakpoint
CREATE TABLE "usage_events_default" PARTITION OF "usage_events" DEFAULT;--> statement-breakpoint
DO $$
DECLARE m text;
BEGIN
	FOR m IN SELECT DISTINCT "month" FROM "usage_events_unpartitioned" WHERE "month" ~ '^[0-9]{4}-[0-9]{2}$' LOOP
		EXECUTE format('CREATE TABLE %I PARTITION OF "usage_events" FOR VALUES IN (%L)', 'usage_events_' || replace(m, '-', '_'), m);
	END LOOP;
END $$;--> statement-breakpoint
INSERT INTO "usage_events" ("account_id", "event_id", "api", "calls", "at", "month", "free", "from_packs", "billable", "key_id", "received_at")
	SELECT "account_id", "event_id", "api", "calls", "at", "month", "free", "from_packs", "billable", "key_id", "received_at" FROM "usage_events_unpartitioned";--> statement-breakpoint
DROP TABLE "usage_events_unpartitioned";--> statement-breakpoint
ANALYZE "usage_events";
