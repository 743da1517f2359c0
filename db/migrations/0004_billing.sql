CREATE TABLE "bill_lines" (
	"bill_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"api" text NOT NULL,
	"calls" bigint NOT NULL,
	"free" bigint NOT NULL,
	"from_packs" bigint NOT NULL,
	"billable" bigint NOT NULL,
	"tier" integer NOT NULL,
	"unit_price" text NOT NULL,
	"amount" numeric(20, 2) NOT NULL,
	"formula" text NOT NULL,
	CONSTRAINT "bill_lines_bill_id_position_pk" PRIMARY KEY("bill_id","position"),
	CONSTRAINT "bill_lines_split" CHECK ("bill_lines"."free" + "bill_lines"."from_packs" + "bill_lines"."billable" = "bill_lines"."calls")
);
--> statement-breakpoint
CREATE TABLE "bills" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"month" text NOT NULL,
	"price_book" text NOT NULL,
	"status" text NOT NULL,
	"usage_total" numeric(20, 2) NOT NULL,
	"balance_before" numeric(20, 2) NOT NULL,
	"balance_after" numeric(20, 2) NOT NULL,
	"frozen" numeric(20, 2) DEFAULT '0' NOT NULL,
	"released" numeric(20, 2) DEFAULT '0' NOT NULL,
	"closed_at" timestamp with time zone NOT NULL,
	"settled_at" timestamp with time zone,
	CONSTRAINT "bills_status_check" CHECK ("bills"."status" in ('paid','arrears','settled')),
	CONSTRAINT "bills_amounts_not_negative" CHECK ("bills"."usage_total" >= 0 and "bills"."frozen" >= 0 and "bills"."released" >= 0)
);
--> statement-breakpoint
CREATE TABLE "month_closes" (
	"month" text PRIMARY KEY NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"bills" integer DEFAULT 0 NOT NULL,
	"total" numeric(20, 2) DEFAULT '0' NOT NULL
);
--> statement-breakpoint
ALTER TABLE "bill_lines" ADD CONSTRAINT "bill_lines_bill_id_bills_id_fk" FOREIGN KEY ("bill_id") REFERENCES "public"."bills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bills" ADD CONSTRAINT "bills_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "bills_account_month" ON "bills" USING btree ("account_id","month");--> statement-breakpoint
CREATE INDEX "bills_month_idx" ON "bills" USING btree ("month");