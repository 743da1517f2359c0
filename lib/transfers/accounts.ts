import "server-only";
import { eq, inArray } from "drizzle-orm";
import type { Database } from "@/db/client";
import { remittanceReferences } from "@/db/schema";
import { encodeReference } from "./reference";

/**
 * The account's remittance reference, given on first use (the balance page, the staff account page)
 * and stable from then on. The insert is idempotent: two pages at once agree on one number.
 */
export async function remittanceReferenceOf(db: Database, accountId: string, at: Date): Promise<string> {
  const [existing] = await db.select({ number: remittanceReferences.number }).from(remittanceReferences).where(eq(remittanceReferences.accountId, accountId));
  if (existing) return encodeReference(existing.number);
  await db.insert(remittanceReferences).values({ accountId, createdAt: at }).onConflictDoNothing();
  const [row] = await db.select({ number: remittanceReferences.number }).from(remittanceReferences).where(eq(remittanceReferences.accountId, accountId));
  if (!row) throw new Error("remittance reference not stored");
  return encodeReference(row.number);
}

/** The accounts the given reference numbers belong to (numbers no account holds are absent). */
export async function accountsByReferenceNumber(db: Database, numbers: number[]): Promise<Map<number, string>> {
  if (numbers.length === 0) return new Map();
  const rows = await db.select().from(remittanceReferences).where(inArray(remittanceReferences.number, numbers));
  return new Map(rows.map((r) => [r.number, r.accountId]));
}
