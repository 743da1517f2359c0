CREATE TABLE "member_subscriptions" (
	"user_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"product" text NOT NULL,
	"channel" text NOT NULL,
	"enabled" boolean DEFAULT false NOT NULL,
	"target" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "member_subscriptions_user_id_product_channel_pk" PRIMARY KEY("user_id","product","channel"),
	CONSTRAINT "member_subscriptions_channel_check" CHECK ("member_subscriptions"."channel" in ('email','sms','wechat'))
);
--> statement-breakpoint
DROP INDEX "outbox_once_per_channel";--> statement-breakpoint
ALTER TABLE "member_subscriptions" ADD CONSTRAINT "member_subscriptions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_subscriptions" ADD CONSTRAINT "member_subscriptions_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "member_subscriptions_account_idx" ON "member_subscriptions" USING btree ("account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_once_per_target" ON "outbox" USING btree ("message_id","channel","target");