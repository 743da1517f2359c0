CREATE TABLE "ledger_entries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"transaction_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"book" text NOT NULL,
	"voucher_id" uuid,
	"amount" numeric(20, 2) NOT NULL,
	CONSTRAINT "ledger_entries_amount_not_zero" CHECK ("ledger_entries"."amount" <> 0),
	CONSTRAINT "ledger_entries_voucher_book" CHECK (("ledger_entries"."book" = 'voucher') = ("ledger_entries"."voucher_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "ledger_transactions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"document_type" text NOT NULL,
	"document_id" text NOT NULL,
	"memo" jsonb,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "top_up_orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"amount" numeric(20, 2) NOT NULL,
	"provider" text NOT NULL,
	"provider_order_id" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"ledger_transaction_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"paid_at" timestamp with time zone,
	CONSTRAINT "top_up_orders_amount_positive" CHECK ("top_up_orders"."amount" > 0),
	CONSTRAINT "top_up_orders_status_check" CHECK ("top_up_orders"."status" in ('pending','paid','cancelled'))
);
--> statement-breakpoint
CREATE TABLE "vouchers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"amount" numeric(20, 2) NOT NULL,
	"remaining" numeric(20, 2) NOT NULL,
	"products" text[] NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"reason" text NOT NULL,
	"granted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "vouchers_amount_positive" CHECK ("vouchers"."amount" > 0),
	CONSTRAINT "vouchers_remaining_in_range" CHECK ("vouchers"."remaining" >= 0 and "vouchers"."remaining" <= "vouchers"."amount")
);
--> statement-breakpoint
CREATE TABLE "wallets" (
	"account_id" uuid PRIMARY KEY NOT NULL,
	"cash" numeric(20, 2) DEFAULT '0' NOT NULL,
	"income" numeric(20, 2) DEFAULT '0' NOT NULL,
	"gift" numeric(20, 2) DEFAULT '0' NOT NULL,
	"frozen" numeric(20, 2) DEFAULT '0' NOT NULL,
	"external" numeric(20, 2) DEFAULT '0' NOT NULL,
	"revenue" numeric(20, 2) DEFAULT '0' NOT NULL,
	"promotion" numeric(20, 2) DEFAULT '0' NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "wallets_income_not_negative" CHECK ("wallets"."income" >= 0),
	CONSTRAINT "wallets_gift_not_negative" CHECK ("wallets"."gift" >= 0),
	CONSTRAINT "wallets_frozen_not_negative" CHECK ("wallets"."frozen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "purchases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"idempotency_key" text NOT NULL,
	"item" text NOT NULL,
	"kind" text NOT NULL,
	"product" text NOT NULL,
	"quantity" integer NOT NULL,
	"period" text,
	"periods" integer,
	"unit_price" numeric(20, 4) NOT NULL,
	"amount" numeric(20, 2) NOT NULL,
	"voucher_id" uuid,
	"paid_voucher" numeric(20, 2) NOT NULL,
	"paid_gift" numeric(20, 2) NOT NULL,
	"paid_income" numeric(20, 2) NOT NULL,
	"paid_cash" numeric(20, 2) NOT NULL,
	"details" jsonb,
	"ledger_transaction_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "purchases_quantity_positive" CHECK ("purchases"."quantity" > 0),
	CONSTRAINT "purchases_paid_adds_up" CHECK ("purchases"."paid_voucher" >= 0 and "purchases"."paid_gift" >= 0 and "purchases"."paid_income" >= 0 and "purchases"."paid_cash" >= 0 and "purchases"."paid_voucher" + "purchases"."paid_gift" + "purchases"."paid_income" + "purchases"."paid_cash" = "purchases"."amount")
);
--> statement-breakpoint
CREATE TABLE "packs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"api" text NOT NULL,
	"pack_spec" text,
	"size" integer NOT NULL,
	"remaining" integer NOT NULL,
	"source" text NOT NULL,
	"free_month" text,
	"one_time_grant" text,
	"delivered_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"purchase_id" uuid,
	"promotion_no_refund" boolean DEFAULT false NOT NULL,
	"paid_voucher" numeric(20, 2),
	"paid_gift" numeric(20, 2),
	"paid_income" numeric(20, 2),
	"paid_cash" numeric(20, 2),
	"refund_hold" boolean DEFAULT false NOT NULL,
	"refunded_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "packs_remaining_in_range" CHECK ("packs"."remaining" >= 0 and "packs"."remaining" <= "packs"."size"),
	CONSTRAINT "packs_size_positive" CHECK ("packs"."size" > 0),
	CONSTRAINT "packs_source_check" CHECK ("packs"."source" in ('free','purchase','gift')),
	CONSTRAINT "packs_purchase_has_order" CHECK (("packs"."source" = 'purchase') = ("packs"."purchase_id" is not null)),
	CONSTRAINT "packs_expiry_after_delivery" CHECK ("packs"."expires_at" > "packs"."delivered_at")
);
--> statement-breakpoint
CREATE TABLE "refunds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"pack_id" uuid NOT NULL,
	"purchase_id" uuid NOT NULL,
	"status" text NOT NULL,
	"returned_gift" numeric(20, 2) NOT NULL,
	"returned_income" numeric(20, 2) NOT NULL,
	"returned_cash" numeric(20, 2) NOT NULL,
	"voucher_not_returned" numeric(20, 2) NOT NULL,
	"reason" text,
	"ledger_transaction_id" uuid,
	"requested_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	CONSTRAINT "refunds_status_check" CHECK ("refunds"."status" in ('approved','pending-review','rejected'))
);
--> statement-breakpoint
CREATE TABLE "service_activations" (
	"account_id" uuid NOT NULL,
	"product" text NOT NULL,
	"terms_version" text NOT NULL,
	"activated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "service_activations_account_id_product_pk" PRIMARY KEY("account_id","product")
);
--> statement-breakpoint
CREATE TABLE "licences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"app_name" text,
	"ios_bundle_id" text,
	"android_package" text,
	"device_ids" text[],
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone,
	"purchase_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "licences_kind_check" CHECK ("licences"."kind" in ('scan-sdk','scan-sdk-trial','offline-sdk-trial')),
	CONSTRAINT "licences_devices_at_most_4" CHECK ("licences"."device_ids" is null or cardinality("licences"."device_ids") <= 4)
);
--> statement-breakpoint
CREATE TABLE "qps_grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"group_id" text NOT NULL,
	"qps" integer NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"purchase_id" uuid,
	CONSTRAINT "qps_grants_qps_positive" CHECK ("qps_grants"."qps" > 0),
	CONSTRAINT "qps_grants_period" CHECK ("qps_grants"."ends_at" > "qps_grants"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "qps_group_modes" (
	"account_id" uuid NOT NULL,
	"group_id" text NOT NULL,
	"mode" text NOT NULL,
	"changed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "qps_group_modes_account_id_group_id_pk" PRIMARY KEY("account_id","group_id"),
	CONSTRAINT "qps_group_modes_mode_check" CHECK ("qps_group_modes"."mode" in ('calls','qps'))
);
--> statement-breakpoint
CREATE TABLE "support_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"details" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_transaction_id_ledger_transactions_id_fk" FOREIGN KEY ("transaction_id") REFERENCES "public"."ledger_transactions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_voucher_id_vouchers_id_fk" FOREIGN KEY ("voucher_id") REFERENCES "public"."vouchers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_transactions" ADD CONSTRAINT "ledger_transactions_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "top_up_orders" ADD CONSTRAINT "top_up_orders_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "top_up_orders" ADD CONSTRAINT "top_up_orders_ledger_transaction_id_ledger_transactions_id_fk" FOREIGN KEY ("ledger_transaction_id") REFERENCES "public"."ledger_transactions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vouchers" ADD CONSTRAINT "vouchers_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wallets" ADD CONSTRAINT "wallets_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchases" ADD CONSTRAINT "purchases_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchases" ADD CONSTRAINT "purchases_voucher_id_vouchers_id_fk" FOREIGN KEY ("voucher_id") REFERENCES "public"."vouchers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchases" ADD CONSTRAINT "purchases_ledger_transaction_id_ledger_transactions_id_fk" FOREIGN KEY ("ledger_transaction_id") REFERENCES "public"."ledger_transactions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "packs" ADD CONSTRAINT "packs_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "packs" ADD CONSTRAINT "packs_purchase_id_purchases_id_fk" FOREIGN KEY ("purchase_id") REFERENCES "public"."purchases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_pack_id_packs_id_fk" FOREIGN KEY ("pack_id") REFERENCES "public"."packs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_purchase_id_purchases_id_fk" FOREIGN KEY ("purchase_id") REFERENCES "public"."purchases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_ledger_transaction_id_ledger_transactions_id_fk" FOREIGN KEY ("ledger_transaction_id") REFERENCES "public"."ledger_transactions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_activations" ADD CONSTRAINT "service_activations_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licences" ADD CONSTRAINT "licences_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licences" ADD CONSTRAINT "licences_purchase_id_purchases_id_fk" FOREIGN KEY ("purchase_id") REFERENCES "public"."purchases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qps_grants" ADD CONSTRAINT "qps_grants_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qps_grants" ADD CONSTRAINT "qps_grants_purchase_id_purchases_id_fk" FOREIGN KEY ("purchase_id") REFERENCES "public"."purchases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qps_group_modes" ADD CONSTRAINT "qps_group_modes_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_requests" ADD CONSTRAINT "support_requests_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ledger_entries_transaction_idx" ON "ledger_entries" USING btree ("transaction_id");--> statement-breakpoint
CREATE INDEX "ledger_entries_account_book_idx" ON "ledger_entries" USING btree ("account_id","book");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_transactions_idempotency_key" ON "ledger_transactions" USING btree ("account_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "ledger_transactions_account_at_idx" ON "ledger_transactions" USING btree ("account_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "top_up_orders_provider_order" ON "top_up_orders" USING btree ("provider","provider_order_id");--> statement-breakpoint
CREATE INDEX "top_up_orders_account_idx" ON "top_up_orders" USING btree ("account_id","created_at");--> statement-breakpoint
CREATE INDEX "vouchers_account_idx" ON "vouchers" USING btree ("account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "purchases_idempotency_key" ON "purchases" USING btree ("account_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "purchases_account_idx" ON "purchases" USING btree ("account_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "packs_one_free_per_month" ON "packs" USING btree ("account_id","api","free_month") WHERE "packs"."free_month" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "packs_one_time_grant_once" ON "packs" USING btree ("account_id","one_time_grant") WHERE "packs"."one_time_grant" is not null;--> statement-breakpoint
CREATE INDEX "packs_account_api_idx" ON "packs" USING btree ("account_id","api","expires_at");--> statement-breakpoint
CREATE INDEX "packs_purchase_idx" ON "packs" USING btree ("purchase_id");--> statement-breakpoint
CREATE UNIQUE INDEX "refunds_one_live_per_pack" ON "refunds" USING btree ("pack_id") WHERE "refunds"."status" in ('approved','pending-review');--> statement-breakpoint
CREATE INDEX "refunds_account_requested_idx" ON "refunds" USING btree ("account_id","requested_at");--> statement-breakpoint
CREATE UNIQUE INDEX "licences_trial_once" ON "licences" USING btree ("account_id","kind") WHERE "licences"."kind" in ('scan-sdk-trial','offline-sdk-trial');--> statement-breakpoint
CREATE INDEX "licences_account_idx" ON "licences" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "qps_grants_account_idx" ON "qps_grants" USING btree ("account_id","group_id","ends_at");--> statement-breakpoint
CREATE INDEX "support_requests_account_idx" ON "support_requests" USING btree ("account_id","created_at");