CREATE TABLE "late_events" (
	"account_id" uuid NOT NULL,
	"month" text NOT NULL,
	"events" integer NOT NULL,
	"calls" bigint NOT NULL,
	"first_at" timestamp with time zone NOT NULL,
	"last_at" timestamp with time zone NOT NULL,
	CONSTRAINT "late_events_account_id_month_pk" PRIMARY KEY("account_id","month"),
	CONSTRAINT "late_events_positive" CHECK ("late_events"."events" > 0 and "late_events"."calls" > 0)
);
--> statement-breakpoint
CREATE TABLE "bill_adjustments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"bill_id" uuid NOT NULL,
	"line_position" integer,
	"amount" numeric(20, 2) NOT NULL,
	"reason" text NOT NULL,
	"ticket_ref" text NOT NULL,
	"status" text NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"returned_cash" numeric(20, 2) DEFAULT '0' NOT NULL,
	"returned_income" numeric(20, 2) DEFAULT '0' NOT NULL,
	"returned_gift" numeric(20, 2) DEFAULT '0' NOT NULL,
	"posted_at" timestamp with time zone,
	CONSTRAINT "bill_adjustments_amount_positive" CHECK ("bill_adjustments"."amount" > 0),
	CONSTRAINT "bill_adjustments_status_check" CHECK ("bill_adjustments"."status" in ('pending-approval','posted','rejected')),
	CONSTRAINT "bill_adjustments_returned" CHECK ("bill_adjustments"."returned_cash" >= 0 and "bill_adjustments"."returned_income" >= 0 and "bill_adjustments"."returned_gift" >= 0),
	CONSTRAINT "bill_adjustments_posted_returns_all" CHECK ("bill_adjustments"."status" <> 'posted' or "bill_adjustments"."returned_cash" + "bill_adjustments"."returned_income" + "bill_adjustments"."returned_gift" = "bill_adjustments"."amount")
);
--> statement-breakpoint
ALTER TABLE "late_events" ADD CONSTRAINT "late_events_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bill_adjustments" ADD CONSTRAINT "bill_adjustments_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bill_adjustments" ADD CONSTRAINT "bill_adjustments_bill_id_bills_id_fk" FOREIGN KEY ("bill_id") REFERENCES "public"."bills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bill_adjustments" ADD CONSTRAINT "bill_adjustments_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bill_adjustments" ADD CONSTRAINT "bill_adjustments_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bill_adjustments_bill_idx" ON "bill_adjustments" USING btree ("bill_id");--> statement-breakpoint
CREATE INDEX "bill_adjustments_account_idx" ON "bill_adjustments" USING btree ("account_id","requested_at");