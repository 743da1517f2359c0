CREATE TABLE "licence_quotes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"package_name" text NOT NULL,
	"years" integer NOT NULL,
	"price" numeric(20, 2) NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"quoted_by" uuid NOT NULL,
	"quoted_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	"purchase_id" uuid,
	CONSTRAINT "licence_quotes_price_positive" CHECK ("licence_quotes"."price" > 0),
	CONSTRAINT "licence_quotes_years" CHECK ("licence_quotes"."years" between 1 and 5),
	CONSTRAINT "licence_quotes_status_check" CHECK ("licence_quotes"."status" in ('open','paid','declined')),
	CONSTRAINT "licence_quotes_paid_has_purchase" CHECK (("licence_quotes"."status" = 'paid') = ("licence_quotes"."purchase_id" is not null))
);
--> statement-breakpoint
ALTER TABLE "licences" DROP CONSTRAINT "licences_kind_check";--> statement-breakpoint
ALTER TABLE "licence_quotes" ADD CONSTRAINT "licence_quotes_request_id_support_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."support_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licence_quotes" ADD CONSTRAINT "licence_quotes_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licence_quotes" ADD CONSTRAINT "licence_quotes_quoted_by_users_id_fk" FOREIGN KEY ("quoted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licence_quotes" ADD CONSTRAINT "licence_quotes_purchase_id_purchases_id_fk" FOREIGN KEY ("purchase_id") REFERENCES "public"."purchases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "licence_quotes_account_idx" ON "licence_quotes" USING btree ("account_id","quoted_at");--> statement-breakpoint
CREATE INDEX "licence_quotes_request_idx" ON "licence_quotes" USING btree ("request_id");--> statement-breakpoint
ALTER TABLE "licences" ADD CONSTRAINT "licences_kind_check" CHECK ("licences"."kind" in ('scan-sdk','scan-sdk-trial','offline-sdk-trial','offline-sdk-formal'));