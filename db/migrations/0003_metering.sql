CREATE TABLE "alert_thresholds" (
	"account_id" uuid NOT NULL,
	"product" text NOT NULL,
	"low_percent" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "alert_thresholds_account_id_product_pk" PRIMARY KEY("account_id","product"),
	CONSTRAINT "alert_thresholds_range" CHECK ("alert_thresholds"."low_percent" between 1 and 99)
);
--> statement-breakpoint
CREATE TABLE "api_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"name" text NOT NULL,
	"display_prefix" text NOT NULL,
	"secret_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "closed_months" (
	"month" text PRIMARY KEY NOT NULL,
	"closed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
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
	CONSTRAINT "usage_events_account_id_event_id_pk" PRIMARY KEY("account_id","event_id"),
	CONSTRAINT "usage_events_split" CHECK ("usage_events"."free" + "usage_events"."from_packs" + "usage_events"."billable" = "usage_events"."calls" and "usage_events"."free" >= 0 and "usage_events"."from_packs" >= 0 and "usage_events"."billable" >= 0)
);
--> statement-breakpoint
CREATE TABLE "usage_hourly" (
	"account_id" uuid NOT NULL,
	"api" text NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	"month" text NOT NULL,
	"calls" bigint NOT NULL,
	"free" bigint NOT NULL,
	"from_packs" bigint NOT NULL,
	"billable" bigint NOT NULL,
	CONSTRAINT "usage_hourly_account_id_api_hour_pk" PRIMARY KEY("account_id","api","hour")
);
--> statement-breakpoint
ALTER TABLE "alert_thresholds" ADD CONSTRAINT "alert_thresholds_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "api_keys_secret_hash" ON "api_keys" USING btree ("secret_hash");--> statement-breakpoint
CREATE INDEX "api_keys_account_idx" ON "api_keys" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "usage_events_account_month_idx" ON "usage_events" USING btree ("account_id","month");--> statement-breakpoint
CREATE INDEX "usage_hourly_account_month_idx" ON "usage_hourly" USING btree ("account_id","month");