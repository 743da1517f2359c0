import "server-only";
import { desc, eq, ilike, or, sql } from "drizzle-orm";
import { accounts, users } from "@/db/schema";
import type { ServiceContext } from "@/lib/context";
import { assertStaff } from "@/lib/context/access";

export interface AccountRow {
  accountId: string;
  name: string;
  email: string;
  status: string;
  createdAt: Date;
}

const PAGE = 50;

/** Staff find customer accounts by email, company name or account id (SPEC §8). */
export async function searchAccounts({ ctx, input }: { ctx: ServiceContext; input: { query: string } }): Promise<AccountRow[]> {
  assertStaff(ctx.actor);
  const q = input.query.trim();
  // Escape LIKE wildcards typed by the user: a search for "50%" means the characters, not a pattern.
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(q);
  const where = q
    ? or(ilike(users.email, pattern), ilike(accounts.name, pattern), isUuid ? eq(accounts.id, q) : sql`false`)
    : undefined;
  return ctx.db
    .select({ accountId: accounts.id, name: accounts.name, email: users.email, status: accounts.status, createdAt: accounts.createdAt })
    .from(accounts)
    .innerJoin(users, eq(users.accountId, accounts.id))
    .where(where)
    .orderBy(desc(accounts.createdAt))
    .limit(PAGE);
}
