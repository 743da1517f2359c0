CREATE TABLE "account_violations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"marked_by" uuid NOT NULL,
	"marked_at" timestamp with time zone NOT NULL,
	"lifted_by" uuid,
	"lifted_at" timestamp with time zone,
	"lift_reason" text
);
--> statement-breakpoint
CREATE TABLE "qps_limits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"group_id" text NOT NULL,
	"max_qps" integer NOT NULL,
	"applies_from" timestamp with time zone NOT NULL,
	"request_id" uuid NOT NULL,
	"approved_by" uuid NOT NULL,
	"approved_at" timestamp with time zone NOT NULL,
	CONSTRAINT "qps_limits_request_id_unique" UNIQUE("request_id"),
	CONSTRAINT "qps_limits_above_200" CHECK ("qps_limits"."max_qps" > 200)
);
--> statement-breakpoint
CREATE TABLE "support_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"staff_user_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"ticket_ref" text,
	"ip" text NOT NULL,
	"user_agent" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"end_reason" text,
	CONSTRAINT "support_sessions_end_reason_check" CHECK ("support_sessions"."end_reason" is null or "support_sessions"."end_reason" in ('stopped','expired','revoked')),
	CONSTRAINT "support_sessions_ended_with_reason" CHECK (("support_sessions"."ended_at" is null) = ("support_sessions"."end_reason" is null)),
	CONSTRAINT "support_sessions_reason_length" CHECK (char_length("support_sessions"."reason") >= 10)
);
--> statement-breakpoint
ALTER TABLE "account_violations" ADD CONSTRAINT "account_violations_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_violations" ADD CONSTRAINT "account_violations_marked_by_users_id_fk" FOREIGN KEY ("marked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_violations" ADD CONSTRAINT "account_violations_lifted_by_users_id_fk" FOREIGN KEY ("lifted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qps_limits" ADD CONSTRAINT "qps_limits_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qps_limits" ADD CONSTRAINT "qps_limits_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_sessions" ADD CONSTRAINT "support_sessions_staff_user_id_users_id_fk" FOREIGN KEY ("staff_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_sessions" ADD CONSTRAINT "support_sessions_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "account_violations_one_open" ON "account_violations" USING btree ("account_id") WHERE "account_violations"."lifted_at" is null;--> statement-breakpoint
CREATE INDEX "qps_limits_account_idx" ON "qps_limits" USING btree ("account_id","group_id","applies_from");--> statement-breakpoint
CREATE UNIQUE INDEX "support_sessions_one_live_per_staff" ON "support_sessions" USING btree ("staff_user_id") WHERE "support_sessions"."ended_at" is null;--> statement-breakpoint
CREATE INDEX "support_sessions_account_idx" ON "support_sessions" USING btree ("account_id","started_at");