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
ALTER TABLE "support_sessions" ADD CONSTRAINT "support_sessions_staff_user_id_users_id_fk" FOREIGN KEY ("staff_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_sessions" ADD CONSTRAINT "support_sessions_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "support_sessions_one_live_per_staff" ON "support_sessions" USING btree ("staff_user_id") WHERE "support_sessions"."ended_at" is null;--> statement-breakpoint
CREATE INDEX "support_sessions_account_idx" ON "support_sessions" USING btree ("account_id","started_at");