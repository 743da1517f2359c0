import type { Database } from "@/db/client";
import type { ServiceContext } from "@/lib/context";
import { createApiKey } from "@/lib/metering/api-keys";
import { reportUsage, type UsageResult } from "@/lib/metering/report-usage";
import { parseUsageRequest } from "@/lib/metering/usage-request";
import { activateProduct } from "@/lib/packs/activation";
import type { ProductId } from "@/lib/pricing";
import { newAccount } from "./wallet-fixtures";

/** A customer with products activated at `at` and an API key; `report` sends usage as the gateway would. */
export async function meteredAccount(db: Database, at: Date, products: ProductId[] = ["processing"]) {
  const account = await newAccount(db, at, "meter");
  for (const product of products) await activateProduct({ ctx: account.customer(), input: { product, acceptTerms: true } });
  const { key, secret } = await createApiKey({ ctx: account.customer(), input: { name: "gateway" } });
  const asKey = (now = at): ServiceContext => ({ db, actor: { type: "api-key", keyId: key.id, accountId: account.accountId }, now });
  const report = (events: unknown[], now = at): Promise<UsageResult[]> => reportUsage({ ctx: asKey(now), input: { events: parseUsageRequest({ events }) } });
  return { ...account, key, secret, asKey, report };
}
