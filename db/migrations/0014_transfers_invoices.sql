CREATE TABLE "bank_statement_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"bank_transaction_id" text NOT NULL,
	"booked_on" date NOT NULL,
	"amount" numeric(20, 2) NOT NULL,
	"payer" text NOT NULL,
	"reference" text NOT NULL,
	"status" text NOT NULL,
	"problem" text,
	"account_id" uuid,
	"ledger_transaction_id" uuid,
	"imported_at" timestamp with time zone NOT NULL,
	"assigned_at" timestamp with time zone,
	"assigned_by" uuid,
	"assign_reason" text,
	CONSTRAINT "bank_statement_lines_amount_positive" CHECK ("bank_statement_lines"."amount" > 0),
	CONSTRAINT "bank_statement_lines_status_check" CHECK ("bank_statement_lines"."status" in ('credited','unmatched','ambiguous','assigned')),
	CONSTRAINT "bank_statement_lines_credited_has_account" CHECK (("bank_statement_lines"."status" in ('credited','assigned')) = ("bank_statement_lines"."account_id" is not null and "bank_statement_lines"."ledger_transaction_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "remittance_references" (
	"account_id" uuid PRIMARY KEY NOT NULL,
	"number" bigserial NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invoice_files" (
	"invoice_id" uuid PRIMARY KEY NOT NULL,
	"sha256" text NOT NULL,
	"size" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invoice_orders" (
	"invoice_id" uuid NOT NULL,
	"purchase_id" uuid NOT NULL,
	CONSTRAINT "invoice_orders_invoice_id_purchase_id_pk" PRIMARY KEY("invoice_id","purchase_id")
);
--> statement-breakpoint
CREATE TABLE "invoice_titles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"company_name" text NOT NULL,
	"tax_id" text NOT NULL,
	"address" text,
	"phone" text,
	"bank_name" text,
	"bank_account" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invoices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"type" text NOT NULL,
	"amount" numeric(20, 2) NOT NULL,
	"basis" text NOT NULL,
	"month" text,
	"title" jsonb NOT NULL,
	"email" text NOT NULL,
	"status" text NOT NULL,
	"invoice_number" text,
	"reject_reason" text,
	"reversal_reason" text,
	"red_invoice_number" text,
	"requested_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"reversed_at" timestamp with time zone,
	CONSTRAINT "invoices_amount_positive" CHECK ("invoices"."amount" > 0),
	CONSTRAINT "invoices_status_check" CHECK ("invoices"."status" in ('requested','issued','rejected','reversal-requested','reversed')),
	CONSTRAINT "invoices_type_check" CHECK ("invoices"."type" in ('normal','special')),
	CONSTRAINT "invoices_basis_check" CHECK (("invoices"."basis" = 'month') = ("invoices"."month" is not null)),
	CONSTRAINT "invoices_issued_has_number" CHECK ("invoices"."status" not in ('issued','reversal-requested','reversed') or "invoices"."invoice_number" is not null)
);
--> statement-breakpoint
ALTER TABLE "bank_statement_lines" ADD CONSTRAINT "bank_statement_lines_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_statement_lines" ADD CONSTRAINT "bank_statement_lines_ledger_transaction_id_ledger_transactions_id_fk" FOREIGN KEY ("ledger_transaction_id") REFERENCES "public"."ledger_transactions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_statement_lines" ADD CONSTRAINT "bank_statement_lines_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remittance_references" ADD CONSTRAINT "remittance_references_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_files" ADD CONSTRAINT "invoice_files_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_orders" ADD CONSTRAINT "invoice_orders_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_orders" ADD CONSTRAINT "invoice_orders_purchase_id_purchases_id_fk" FOREIGN KEY ("purchase_id") REFERENCES "public"."purchases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_titles" ADD CONSTRAINT "invoice_titles_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "bank_statement_lines_bank_txn" ON "bank_statement_lines" USING btree ("bank_transaction_id");--> statement-breakpoint
CREATE INDEX "bank_statement_lines_status_idx" ON "bank_statement_lines" USING btree ("status","imported_at");--> statement-breakpoint
CREATE INDEX "bank_statement_lines_account_idx" ON "bank_statement_lines" USING btree ("account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "remittance_references_number" ON "remittance_references" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "invoice_files_sha256_invoice" ON "invoice_files" USING btree ("invoice_id","sha256");--> statement-breakpoint
CREATE INDEX "invoice_orders_purchase_idx" ON "invoice_orders" USING btree ("purchase_id");--> statement-breakpoint
CREATE INDEX "invoice_titles_account_idx" ON "invoice_titles" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "invoices_account_idx" ON "invoices" USING btree ("account_id","requested_at");--> statement-breakpoint
CREATE INDEX "invoices_status_idx" ON "invoices" USING btree ("status","requested_at");