CREATE TABLE "payment_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider" text NOT NULL,
	"provider_order_id" text NOT NULL,
	"provider_trade_no" text,
	"top_up_order_id" uuid,
	"account_id" uuid,
	"trade_status" text NOT NULL,
	"amount" text NOT NULL,
	"outcome" text NOT NULL,
	"attention" boolean NOT NULL,
	"body" jsonb NOT NULL,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "top_up_orders" DROP CONSTRAINT "top_up_orders_status_check";--> statement-breakpoint
ALTER TABLE "top_up_orders" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "top_up_orders" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "top_up_orders" ADD COLUMN "provider_trade_no" text;--> statement-breakpoint
ALTER TABLE "top_up_orders" ADD COLUMN "channel" text;--> statement-breakpoint
ALTER TABLE "payment_notices" ADD CONSTRAINT "payment_notices_top_up_order_id_top_up_orders_id_fk" FOREIGN KEY ("top_up_order_id") REFERENCES "public"."top_up_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_notices" ADD CONSTRAINT "payment_notices_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "payment_notices_attention_idx" ON "payment_notices" USING btree ("received_at") WHERE "payment_notices"."attention";--> statement-breakpoint
CREATE INDEX "payment_notices_order_idx" ON "payment_notices" USING btree ("provider","provider_order_id");--> statement-breakpoint
ALTER TABLE "top_up_orders" ADD CONSTRAINT "top_up_orders_status_check" CHECK ("top_up_orders"."status" in ('pending','paid','closed','cancelled'));