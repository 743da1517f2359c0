-- Issue 21: every existing login becomes its account's owner, and every existing API key keeps what
-- it could do before scopes existed (both scopes). The constraint that every customer has a role is
-- added here, after the backfill (its declaration is in db/schema/identity.ts).
UPDATE "users" SET "member_role" = 'owner' WHERE "role" = 'customer' AND "member_role" IS NULL;--> statement-breakpoint
UPDATE "api_keys" SET "scopes" = array['usage:write','read']::text[] WHERE "scopes" = '{}'::text[];--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_member_role_matches_role" CHECK (("users"."role" = 'customer') = ("users"."member_role" is not null));
